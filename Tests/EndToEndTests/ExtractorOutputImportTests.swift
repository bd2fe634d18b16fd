import Foundation
import Testing
import TestSupport

/// An NLP engineer brings their own extractor's output into a store that holds the corpus: the
/// mistakes they make get one line that says what to do, and nothing is stored; a doc_id the
/// store does not hold is stored, and said so.
@Suite struct ExtractorOutputImportTests {
    let scratch: Scratch
    static let text = "Zoé Ménard said the ferry was late."

    init() throws {
        scratch = try Scratch()
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)"}"# + "\n"
        let seeded = try CLI.run(["--db", scratch.db, "ingest", try scratch.write("corpus.jsonl", line)])
        #expect(seeded.status == 0)
    }

    func storeDump() throws -> String {
        try CLI.run(["--db", scratch.db, "runs", "--format", "json"]).stdout + CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout
    }

    /// Written by PowerShell's `>`: UTF-16 with its byte order mark. Not "give --format".
    @Test func aUTF16FileIsNamedAsSuch() throws {
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[]}"# + "\n"
        let file = try scratch.write("mine.jsonl", bytes: [0xFF, 0xFE] + line.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let before = try storeDump()
        // Detected, or given with --format in any reading: the encoding is checked first.
        for format in [[], ["--format", "jsonl"], ["--format", "doccano"], ["--format", "prodigy"], ["--format", "label-studio"]] {
            let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine"] + format)
            #expect(result.status == 1)
            #expect(result.stderr == "claimdesk: \(file): the file is UTF-16LE (it starts with that byte order mark), not UTF-8: convert it, "
                + "e.g. `iconv -f UTF-16LE -t UTF-8 FILE > NEW.jsonl`, or in Python write it with encoding=\"utf-8\"\n")
        }
        #expect(try storeDump() == before)
    }

    /// A plain-text article saved as UTF-16 without a byte order mark: named, not "a NUL at scalar 1".
    @Test func aUTF16TextFileIsNamedAsSuch() throws {
        let file = try scratch.write("article.txt", bytes: Array("Ferry\n\nShe said so.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let before = try storeDump()
        let result = try CLI.run(["--db", scratch.db, "ingest", file])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(file): the file is UTF-16LE, not UTF-8: convert it, "
            + "e.g. `iconv -f UTF-16LE -t UTF-8 FILE > NEW.txt`, or in Python write it with encoding=\"utf-8\"\n")
        #expect(try storeDump() == before)
    }

    /// Offsets counted in UTF-8 bytes ("é" is two): the line says so, and nothing is stored.
    @Test func byteOffsetsAreNamed() throws {
        // "said" is [11, 15] in scalars, [13, 17] in UTF-8 bytes.
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"cue":[13,17],"cue_text":"said"}]}"# + "\n"
        let file = try scratch.write("mine.jsonl", line)
        let before = try storeDump()
        let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine"])
        #expect(result.status == 1)
        #expect(result.stderr == #"claimdesk: \#(file):1: document "ferry": attribution #1: cue_text "said" does not match the text at [13, 17]: "id t"; "#
            + #"read as UTF-8 bytes, [13, 17] is "said": ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"# + "\n")
        #expect(try storeDump() == before)
    }

    /// A doccano export given with `--format jsonl` (its lines have a doc_id): one line saying
    /// what it is, even with --skip-invalid, not documents stored without their claims.
    @Test func anotherToolsExportGivenAsJSONLIsNamed() throws {
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)","entities":[{"id":1,"label":"Cue","start_offset":11,"end_offset":15}],"relations":[]}"# + "\n"
        let file = try scratch.write("rel.jsonl", line)
        let before = try storeDump()
        for skip in [[], ["--skip-invalid"]] {
            let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine", "--format", "jsonl"] + skip)
            #expect(result.status == 1 && result.stdout == "")
            #expect(result.stderr == #"claimdesk: \#(file): this is a doccano export (lines with "entities", or "label" arrays of [start, end, label]), not ClaimDesk JSONL: give --format doccano"# + "\n")
        }
        #expect(try storeDump() == before)
    }

    /// An NER export (labels none of which is a role) given to import-gold: one line listing its
    /// labels, even with --skip-invalid, not its unlabelled documents marked done without claims.
    @Test func aFileOfForeignLabelsIsRefusedInOneLine() throws {
        let lines = #"{"text":"\#(Self.text)","spans":[{"start":0,"end":10,"label":"PER"}],"answer":"accept"}"# + "\n"
            + #"{"text":"Nobody spoke.","spans":[],"answer":"accept"}"# + "\n"
        let file = try scratch.write("ner.jsonl", lines)
        let before = try storeDump()
        let result = try CLI.run(["--db", scratch.db, "import-gold", file, "--skip-invalid"])
        #expect(result.status == 1 && result.stdout == "")
        #expect(result.stderr == #"claimdesk: \#(file): no span has a label ClaimDesk reads (Source, Cue or Content); the file's label is "PER" (1 span): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"# + "\n")
        #expect(try storeDump() == before)
        // Mapped, it reads.
        let mapped = try CLI.run(["--db", scratch.db, "import-gold", file, "--labels", "source=PER"], environment: ["CLAIMDESK_ANNOTATOR": "ana"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
    }

    /// A doc_id the store lacks (here a typo) is stored with the file's text: the report names it.
    @Test func aDocumentNewToTheStoreIsNamed() throws {
        let lines = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"cue":[11,15]}]}"# + "\n"
            + #"{"doc_id":"fery","text":"\#(Self.text)","attributions":[{"cue":[11,15]}]}"# + "\n"
        let file = try scratch.write("mine.jsonl", lines)
        let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine"])
        #expect(result.status == 0 && result.stderr == "")
        #expect(result.stdout == """
            run "mine": imported 2 claims in 2 documents
            new to the store: 1 document of the file's 2 ("fery"), stored with the file's text; if it was meant to be a stored one, check its doc_id against `claimdesk docs`

            """)
        // The same file again: nothing new, nothing said about it.
        let again = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine"])
        #expect(again.stdout == """
            run "mine": imported 0 claims in 0 documents
            unchanged: 2 documents were already in the run with the same content (left as they were)

            """)
        // Into an empty store every document is new: that is bringing a corpus, not a typo.
        let fresh = try CLI.run(["--db", scratch.path("fresh.sqlite"), "import-claims", file, "--run", "mine"])
        #expect(fresh.stdout == "run \"mine\": imported 2 claims in 2 documents\n")
        // Into a store that holds other documents, a file none of whose doc_ids is there (another
        // naming scheme) is said too: its run would score against nothing.
        let other = try scratch.write("other.jsonl", #"{"doc_id":"ferry-2026","text":"\#(Self.text)","attributions":[{"cue":[11,15]}]}"# + "\n")
        let allNew = try CLI.run(["--db", scratch.db, "import-claims", other, "--run", "theirs"])
        #expect(allNew.stdout == """
            run "theirs": imported 1 claim in 1 document
            new to the store: the file's document ("ferry-2026"), stored with the file's text: none of its doc_ids was in the store; if it was meant to be a stored one, check its doc_id against `claimdesk docs`

            """)
    }

    /// The shipped gold comes in with `import-claims`, as a run: `export --gold` is then empty and
    /// says how to export that run.
    @Test func anEmptyGoldExportPointsAtImportedRuns() throws {
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"cue":[11,15]}]}"# + "\n"
        let file = try scratch.write("gold.jsonl", line)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "corpus gold"]).status == 0)
        let out = scratch.path("out.jsonl")
        let result = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "jsonl", "--out", out])
        #expect(result.status == 0 && result.stderr == "")
        #expect(result.stdout == """
            wrote 0 attributions in 0 documents to \(out)
            dataset card: \(out).card.md, \(out).card.json
            the gold is empty: no document is marked done (`done` in `claimdesk annotate` marks one; --include-partial takes unfinished ones); \
            runs imported with `import-claims` ("corpus gold") are not gold: `claimdesk export --run 'corpus gold' …` exports one, \
            `claimdesk import-gold FILE` makes a file gold

            """)
    }

    /// What an engineer needs before writing the file is in `help import-claims`.
    @Test func helpSaysTextOffsetsAndAllOrNothing() throws {
        let help = try CLI.run(["help", "import-claims"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("""
            OVERVIEW: Import another extractor's output (ClaimDesk JSONL, docs/FORMAT.md;
            or --format) as a run.

            One JSON line per document: doc_id, text and attributions. The text is required
            on every line; a doc_id the store holds must come with the same text, one it
            lacks is stored as a new document (named in the report when the store held the
            file's other documents). Offsets count Unicode scalars (Python str indexing:
            text[start:end]), not UTF-16 units or bytes; write source_text, cue_text and
            content_text too, and a span counted otherwise is refused with the unit it
            fits. Unless --skip-invalid, one bad line refuses the whole file and nothing is
            stored (every bad line is listed as FILE:LINE); the same file again changes
            nothing.

            USAGE: claimdesk import-claims
            """), "\(help.stdout)")
    }

    /// `score --format json` has the keys docs/ARCHITECTURE.md lists, and its figures recompute
    /// from their counts (as the Python there does).
    @Test func scoreJSONRecomputesFromItsCounts() throws {
        let gold = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"source":[0,10],"cue":[11,15],"content":[16,34]}]}"# + "\n"
        let mine = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"source":[4,10],"cue":[11,15],"content":[16,34],"confidence":0.8},{"cue":[0,3],"content":[4,10],"confidence":0.6}]}"# + "\n"
        #expect(try CLI.run(["--db", scratch.db, "import-claims", try scratch.write("gold.jsonl", gold), "--run", "gold"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", try scratch.write("mine.jsonl", mine), "--run", "mine"]).status == 0)
        let result = try CLI.run(["--db", scratch.db, "score", "--run", "mine", "--against", "gold", "--by", "source-type", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["run", "against", "notes", "score", "calibration"])
        let score = try #require(object["score"] as? [String: Any])
        #expect(Set(score.keys) == ["documents", "match", "claim", "attribution", "roles", "errors", "field_accuracy", "grouping", "groups"])
        let attribution = try #require(score["attribution"] as? [String: Double])
        #expect(attribution == ["true_positives": 1, "predicted": 2, "gold": 1, "precision": 0.5, "recall": 1, "f1": 2.0 / 3.0])
        let calibration = try #require(object["calibration"] as? [String: Any])
        #expect(Set(calibration.keys) == ["samples", "ignored", "ece", "brier", "target_precision", "auto_accept", "bins"])
        let bins = try #require(calibration["bins"] as? [[String: Any]])
        #expect(bins.count == 10)
        // An empty bin's accuracy and mean confidence are null.
        let filled = bins.compactMap { bin -> (n: Double, accuracy: Double, confidence: Double)? in
            guard let n = bin["count"] as? Double, n > 0, let accuracy = bin["accuracy"] as? Double,
                  let confidence = bin["mean_confidence"] as? Double else { return nil }
            return (n, accuracy, confidence)
        }
        #expect(filled.count == 2)
        let ece = filled.reduce(0.0) { $0 + $1.n / 2 * abs($1.accuracy - $1.confidence) }
        #expect(abs(ece - (calibration["ece"] as? Double ?? -1)) < 1e-12)
        #expect(abs(ece - 0.4) < 1e-12)
    }

    /// `compare` without done documents points at its own `--against`, not at `score`'s.
    @Test func compareWithoutGoldNamesItself() throws {
        let line = #"{"doc_id":"ferry","text":"\#(Self.text)","attributions":[{"cue":[11,15]}]}"# + "\n"
        let file = try scratch.write("mine.jsonl", line)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "mine"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        let result = try CLI.run(["--db", scratch.db, "compare", "--run", "mine", "--run", "rules"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: no documents are marked done: review them (`claimdesk annotate`, then `done`) or score against a gold run: `claimdesk compare --against RUN`\n")
    }
}
