import Foundation
import Testing

/// The places where a first-time user, following the README, got a message that did not say what
/// happened or what to do next: a gold re-import, an export over an existing file, an export of a
/// gold nobody marked done, a CSV handed back to `import-gold`, and `help annotate`.
@Suite struct WalkthroughMessageTests {
    static let gold = #"{"doc_id":"d1","text":"Ana Ruiz said the port will reopen.","attributions":["#
        + #"{"source":[0,8],"cue":[9,13],"content":[14,34],"review":{"status":"confirmed","annotator":"ana"}},"#
        + #"{"source":null,"cue":[9,13],"content":[14,34],"review":{"status":"rejected","annotator":"ana"}}]}"# + "\n"

    /// Importing the same gold again changes nothing; the gold line says what the gold still is,
    /// not "0 documents", and the rejected claim is reported again, since it is still not gold.
    @Test func aGoldReImportSaysTheGoldStillStands() throws {
        let scratch = try Scratch()
        let input = try scratch.write("g.jsonl", Self.gold)
        let first = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(first.stdout == """
            run "gold:ana": imported 2 claims in 1 document
            gold: 1 document, 1 claim; marked done by ana
            not in the gold: \(input):1: document "d1": 1 claim reviewed as rejected

            """, "\(first.stderr)")
        let again = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == """
            run "gold:ana": imported 0 claims in 0 documents
            unchanged: 1 document was already in the run with the same content (left as it was)
            gold: 1 document, 1 claim; marked done by ana
            not in the gold: \(input):1: document "d1": 1 claim reviewed as rejected

            """)
    }

    /// An export over an existing file names that file (not the dataset card beside it).
    @Test func anExportOverAnExistingFileNamesTheFile() throws {
        let scratch = try Scratch()
        let input = try scratch.write("g.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        let out = scratch.path("out.jsonl")
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", out]).status == 0)
        let again = try CLI.run(["--db", scratch.db, "export", "--gold", "--out", out])
        #expect(again.status == 1)
        #expect(again.stderr == "claimdesk: \(out): cannot write: the file exists (use --force to replace it)\n")
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", out, "--force"]).status == 0)
    }

    /// A gold export with no document marked done still writes its (empty) files, and says why
    /// they are empty and what to do, as `score` and `train` do.
    @Test func anEmptyGoldExportSaysWhyAndWhatToDo() throws {
        let scratch = try Scratch()
        let text = try scratch.write("d1.txt", "Ana Ruiz said the port will reopen.")
        #expect(try CLI.run(["--db", scratch.db, "ingest", text]).status == 0)
        let out = scratch.path("gold.jsonl")
        let empty = try CLI.run(["--db", scratch.db, "export", "--gold", "--out", out])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout == """
            wrote 0 attributions in 0 documents to \(out)
            dataset card: \(out).card.md, \(out).card.json
            the gold is empty: no document is marked done (`done` in `claimdesk annotate` marks one; --include-partial takes unfinished ones)

            """)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "")

        let input = try scratch.write("g.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        let nobody = try CLI.run(["--db", scratch.db, "export", "--gold", "--annotator", "bo", "--out", scratch.path("bo.jsonl")])
        #expect(nobody.stdout.hasSuffix("\nthe gold is empty: no document is marked done by bo (`done` in `claimdesk annotate` marks one; --include-partial takes unfinished ones)\n"))
        let ana = try CLI.run(["--db", scratch.db, "export", "--gold", "--annotator", "ana", "--out", scratch.path("ana.jsonl")])
        #expect(ana.stdout.hasPrefix("wrote 1 attribution in 1 document") && !ana.stdout.contains("the gold is empty"))
    }

    /// `export --format csv` writes CSV, and `import-gold` does not read it: the message says so
    /// instead of asking for a --format that has no csv.
    @Test func aCSVHandedToImportGoldIsToldItIsNotReadBack() throws {
        let scratch = try Scratch()
        let input = try scratch.write("g.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        let csv = scratch.path("gold.csv")
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "csv", "--out", csv]).status == 0)
        let back = try CLI.run(["--db", scratch.path("fresh.sqlite"), "import-gold", csv])
        #expect(back.status == 1)
        #expect(back.stderr == "claimdesk: \(csv): CSV is written for analysis and is not read back: import an export in one of jsonl, brat, doccano, label-studio, prodigy, inception (JSONL carries everything: `export --gold --format jsonl`)\n")
    }

    /// `help annotate` reads as paragraphs wrapped by the help formatter, not lines cut where the
    /// source code wrapped them, says where a session opens and names the verbs' kinds, the link
    /// verbs among them (it named none).
    @Test func helpAnnotateWrapsItsParagraphs() throws {
        let help = try CLI.run(["help", "annotate"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("""
            OVERVIEW: Review claims in the REPL.

            Without --doc the session opens where you stopped: the first claim without your
            verdict, from the document of your last action on (else the first unreviewed
            claim). `help` inside lists the verbs, `help VERB` explains one: the verdicts
            (confirm, correct the roles, reject, add what was missed, done), your
            confidence and notes, and, after `claimdesk link`, `trail` (the claim's path
            across outlets) and `same #N` / `different #N` (your verdict on a link).

            On a terminal: line editing, history in ~/.claimdesk_history, TAB completion,
            Ctrl-C clears the line, Ctrl-D quits. Otherwise the verbs are read line by line
            and echoed, so `claimdesk annotate < session.txt` replays a session (exit 1 if
            a command was refused).

            USAGE: claimdesk annotate
            """), "\(help.stdout)")
    }

    /// `help export` names the two link formats its --format accepts and what they need (before:
    /// only the seven dataset formats were named, and --format graphml --gold was refused unexplained).
    @Test func helpExportNamesTheLinkFormats() throws {
        let help = try CLI.run(["help", "export"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("""
            OVERVIEW: Export a run (or the reviewed gold, with its dataset card) as JSONL,
            CSV, brat, doccano, Label Studio, Prodigy or INCEpTION.

            --format provenance or graphml writes a run's link clusters (after `claimdesk
            link`) as JSON or as a graph: give --run.

            USAGE: claimdesk export
            """), "\(help.stdout)")
    }

    /// A ClaimDesk JSONL file saved with a byte order mark (as some Windows editors do) is read by
    /// `ingest`, and `import-claims`/`import-gold` recognise it too instead of asking for --format.
    @Test func aByteOrderMarkDoesNotHideTheFormat() throws {
        let scratch = try Scratch()
        let line = #"{"doc_id":"b","text":"Ana said no.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,11],"review":{"status":"confirmed","annotator":"ana"}}]}"#
        let input = try scratch.write("bom.jsonl", "\u{FEFF}" + line + "\n")
        let claims = try CLI.run(["--db", scratch.db, "import-claims", input, "--run", "theirs"])
        #expect(claims.status == 0, "\(claims.stderr)")
        #expect(claims.stdout == "run \"theirs\": imported 1 claim in 1 document\n")
        // A blank line after the mark (review finding): the first line is the one after it.
        let blank = try scratch.write("bom-blank.jsonl", "\u{FEFF}\n" + line + "\n")
        let afterBlank = try CLI.run(["--db", scratch.path("blank.sqlite"), "import-claims", blank, "--run", "theirs"])
        #expect(afterBlank.stdout == "run \"theirs\": imported 1 claim in 1 document\n", "\(afterBlank.stderr)")
        let gold = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(gold.stdout == "run \"gold:ana\": imported 1 claim in 1 document\ngold: 1 document, 1 claim; marked done by ana\n", "\(gold.stderr)")
        // The same for doccano and Prodigy lines: their readers skip it as the JSONL reader does.
        for (format, name) in [("doccano", "d.doccano.jsonl"), ("prodigy", "d.prodigy.jsonl")] {
            let out = scratch.path(name)
            #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", out]).status == 0)
            let withBOM = try scratch.write("bom-" + name, "\u{FEFF}" + String(contentsOfFile: out, encoding: .utf8))
            let back = try CLI.run(["--db", scratch.path(format + ".sqlite"), "import-gold", withBOM])
            #expect(back.status == 0, "\(format): \(back.stderr)")
            #expect(back.stdout.hasSuffix("gold: 1 document, 1 claim; marked done by ana\n"), "\(format): \(back.stdout)")
        }
    }

    /// On a store with no documents, `annotate` said "run extract first" and `extract` said every
    /// document was already extracted: a loop. Both now send the user to `ingest`.
    @Test func anEmptyStoreSendsTheUserToIngest() throws {
        let scratch = try Scratch()
        let annotate = try CLI.run(["--db", scratch.db, "annotate", "--annotator", "ana"], stdin: "q\n")
        #expect(annotate.status == 1)
        #expect(annotate.stderr == "claimdesk: no documents to review yet: `claimdesk ingest PATH` stores them, then `claimdesk extract` finds their claims\n")
        let extract = try CLI.run(["--db", scratch.db, "extract"])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout == "run \"rules\": the store holds no documents yet: `claimdesk ingest PATH` adds them (`claimdesk ingest corpora`: the shipped corpus)\n")
        let text = try scratch.write("d1.txt", "Ana Ruiz said the port will reopen.")
        #expect(try CLI.run(["--db", scratch.db, "ingest", text]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).stdout.hasPrefix("run \"rules\": 1 claim in 1 document ("))
        #expect(try CLI.run(["--db", scratch.db, "extract"]).stdout == "run \"rules\": every document is already extracted (nothing to do)\n")
    }
}
