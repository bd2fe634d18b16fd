import Foundation
import Testing
import TestSupport

/// Every kind of bad input gets one clear stderr line (what and where), exit code 1, and leaves
/// the store exactly as it was.
@Suite struct BadInputTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        let seeded = try CLI.run(["--db", scratch.db, "ingest", try scratch.write("keep.txt", "Kept\n\nThe mayor said it was fine.")])
        #expect(seeded.status == 0)
    }

    func storeSnapshot() throws -> String {
        try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout
    }

    func expectFailure(_ arguments: [String], stderr expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try storeSnapshot()
        let result = try CLI.run(arguments)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == expected + "\n", sourceLocation: sourceLocation)
        #expect(try storeSnapshot() == before, sourceLocation: sourceLocation)
    }

    @Test func invalidUTF8() throws {
        let file = try scratch.write("bad.txt", bytes: Array("line one\nline ".utf8) + [0xC3, 0x28] + Array(" two".utf8))
        try expectFailure(["--db", scratch.db, "ingest", file], stderr: "claimdesk: \(file):2: invalid UTF-8 at byte 14")
    }

    /// SQLite's `:memory:` is no store a command could keep: refused by name, before SQLite's
    /// own "could not activate WAL Mode".
    @Test func memoryIsNoStore() throws {
        let file = try scratch.write("more.txt", "More\n\nThe mayor said so.")
        let result = try CLI.run(["--db", ":memory:", "ingest", file])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: store \":memory:\" (--db or $CLAIMDESK_DB): not a file; name a file path or a postgresql:// URL\n")
        let listed = try CLI.run(["docs"], environment: ["CLAIMDESK_DB": ":memory:"])
        #expect(listed.status == 1 && listed.stderr == result.stderr)
    }

    /// `--db ""` (a script's `--db "$STORE"` with the variable unset) is refused, not taken for the
    /// default store, which it would have written to.
    @Test func anEmptyDBIsRefusedNotTakenForTheDefault() throws {
        let file = try scratch.write("more.txt", "More\n\nThe mayor said so.")
        let folder = URL(fileURLWithPath: scratch.path("cwd"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try CLI.run(["--db", "", "ingest", file], cwd: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "claimdesk: store \"\" (--db or $CLAIMDESK_DB): not a file; name a file path or a postgresql:// URL\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// `gold:NAME` is the name `import-gold` gives an annotator's gold run: no other run takes it.
    @Test func goldRunNamesAreKeptForTheGold() throws {
        let file = try scratch.write("claims.jsonl", #"{"doc_id":"keep","text":"Kept\n\nThe mayor said it was fine.","attributions":[]}"# + "\n")
        try expectFailure(["--db", scratch.db, "import-claims", file, "--run", "gold:ana"], stderr:
            "claimdesk: --run: run names beginning \"gold:\" are kept for the analysts' gold (`claimdesk import-gold`); choose another: \"gold:ana\"")
        try expectFailure(["--db", scratch.db, "extract", "--run", "gold:"], stderr:
            "claimdesk: --run: run names beginning \"gold:\" are kept for the analysts' gold (`claimdesk import-gold`); choose another: \"gold:\"")
    }

    @Test func emptyFile() throws {
        let file = try scratch.write("empty.txt", "")
        try expectFailure(["--db", scratch.db, "ingest", file], stderr: "claimdesk: \(file): the file is empty")
    }

    @Test func malformedJSONLine() throws {
        let file = try scratch.write("docs.jsonl", "{\"doc_id\":\"a\",\"text\":\"fine\"}\n{\"doc_id\":\"b\",\"text\":}\n")
        try expectFailure(["--db", scratch.db, "ingest", file], stderr: "claimdesk: \(file):2: invalid JSON at column 22: unexpected character '}'")
    }

    @Test func spanOutOfRange() throws {
        let file = try scratch.write("claims.jsonl", "{\"doc_id\":\"c\",\"text\":\"He said.\",\"attributions\":[{\"source\":[0,2]},{\"cue\":[3,40]}]}\n")
        try expectFailure(["--db", scratch.db, "import-claims", file, "--run", "other"],
                          stderr: "claimdesk: \(file):1: document \"c\": attribution #2: cue [3, 40] is out of range (the text has 8 scalars; need 0 <= start < end <= 8)")
    }

    @Test func textThatDoesNotMatchItsSpan() throws {
        let file = try scratch.write("claims.jsonl", "{\"doc_id\":\"c\",\"text\":\"He said.\",\"attributions\":[{\"cue\":[3,7],\"cue_text\":\"told\"}]}\n")
        try expectFailure(["--db", scratch.db, "import-claims", file, "--run", "other"],
                          stderr: "claimdesk: \(file):1: document \"c\": attribution #1: cue_text \"told\" does not match the text at [3, 7]: \"said\"")
    }

    @Test func duplicateDocIDWithADifferentText() throws {
        let file = try scratch.write("again/keep.txt", "Kept\n\nThe mayor said it was awful.")
        try expectFailure(["--db", scratch.db, "ingest", file],
                          stderr: "claimdesk: \(file): document \"keep\" is already stored with a different text (refusing to overwrite it)")
    }

    @Test func folderWithAnUnreadableFile() throws {
        try scratch.write("folder/a.txt", "A\n\nShe said yes.")
        let link = scratch.path("folder/b.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.path("nowhere/b.txt"))
        let before = try storeSnapshot()
        let result = try CLI.run(["--db", scratch.db, "ingest", scratch.path("folder")])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: \(link): cannot read the file"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try storeSnapshot() == before)
    }

    @Test func storePathThatIsNotSQLite() throws {
        let notes = try scratch.write("notes.txt", "my notes, not a database")
        let input = try scratch.write("x.txt", "X\n\nHe said so.")
        let result = try CLI.run(["--db", notes, "ingest", input])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(notes): not an SQLite database (refusing to open or overwrite it)\n")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes, not a database")
    }

    @Test func storeFromANewerSchema() throws {
        try SQLiteShell.run(scratch.db, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.db))
        let result = try CLI.run(["--db", scratch.db, "docs"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(scratch.db): written by a newer ClaimDesk (unknown migrations: v99-future); upgrade ClaimDesk to open it\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.db)) == before)
    }

    /// Found by fuzzing: values named in a message went whole into it — a 100,000-character run
    /// name, a source type of one letter and 5,000 combining accents — one line of megabytes.
    @Test func aHugeValueIsCutInItsMessage() throws {
        let long = String(repeating: "x", count: 100_000)
        let unknown = try CLI.run(["--db", scratch.db, "claims", "--run", long])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "claimdesk: no run named \"\(String(repeating: "x", count: 57))...\" (see `claimdesk runs`)\n")
        let accents = String(repeating: "\u{301}", count: 5000)
        let file = try scratch.write("claims.jsonl", "{\"doc_id\":\"c\",\"text\":\"He said.\",\"attributions\":[{\"cue\":[3,7],\"source_type\":\"n\(accents)\"}]}\n")
        try expectFailure(["--db", scratch.db, "import-claims", file, "--run", "other"],
                          stderr: "claimdesk: \(file):1: document \"c\": attribution #1: unknown source_type \"n\(String(String.UnicodeScalarView(accents.unicodeScalars.prefix(236))))...\" "
                              + "(one of named_person, named_organization, anonymous, document, news_outlet, implicit, other)")
        let huge = try scratch.write("huge.jsonl", "{\"doc_id\":\"c\",\"text\":\"He said.\",\"attributions\":[{\"cue\":[3,7],\"confidence\":1\(String(repeating: "0", count: 100_000))}]}\n")
        try expectFailure(["--db", scratch.db, "import-claims", huge, "--run", "other"],
                          stderr: "claimdesk: \(huge):1: document \"c\": attribution #1: confidence 1\(String(repeating: "0", count: 22))… is not in [0, 1]")
    }

    @Test func unknownRunAndUsageErrors() throws {
        try expectFailure(["--db", scratch.db, "claims", "--run", "nope"], stderr: "claimdesk: no run named \"nope\" (see `claimdesk runs`)")
        // Command-line mistakes are one line and exit 1 like the rest, naming the subcommand.
        try expectFailure(["--db", scratch.db, "score"],
                          stderr: "claimdesk score: missing expected argument '--run <run>' (`claimdesk score --help` lists the options)")
        // A link export without a run says what the format needs (it offered --gold, which the
        // export then refuses for this format).
        try expectFailure(["--db", scratch.db, "export", "--format", "graphml", "--out", scratch.path("g.graphml")],
                          stderr: "claimdesk export: --format graphml exports a link run: give --run NAME (the run `claimdesk link` linked) (`claimdesk export --help` lists the options)")
        // The parser's lists run together on the one line, in the voice of the other messages.
        try expectFailure(["--db", scratch.db, "models", "--format", "xml"],
                          stderr: "claimdesk models: the value 'xml' is invalid for '--format <format>'; it takes one of 'table' and 'json' (`claimdesk models --help` lists the options)")
        try expectFailure(["--db", scratch.db, "export", "--run", "rules", "--format", "xml"],
                          stderr: "claimdesk export: the value 'xml' is invalid for '--format <format>'; it takes one of: jsonl, csv, brat, doccano, label-studio, prodigy, inception, provenance, graphml (`claimdesk export --help` lists the options)")
        try expectFailure(["--db", scratch.db, "frobnicate"],
                          stderr: "claimdesk: unexpected argument 'frobnicate' (`claimdesk --help` lists the options)")
    }
}

/// doc_ids and texts are the same when their bytes are (as in SQL and Python), never merely
/// canonically equivalent ("café" with é composed, and with e + U+0301). Found by fuzzing
/// combining sequences: the readers used Swift's `==` for both while the store kept bytes.
@Suite struct DocIDIdentityTests {
    static let composed = "caf\u{E9}", decomposed = "cafe\u{301}"

    static func line(_ id: String, _ text: String) -> String {
        #"{"doc_id":"\#(id)","text":"\#(text)","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,14],"review":{"status":"confirmed","annotator":"ana"}}]}"#
    }

    /// Re-ingesting a stored doc_id with the decomposed form of its text said "already stored
    /// (unchanged)" and kept the other bytes: it is another text, refused like any other.
    @Test func aTextInAnotherUnicodeFormIsAnotherText() throws {
        let scratch = try Scratch()
        let first = try scratch.write("a.jsonl", Self.line("d", "Ana said \(Self.composed).") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "ingest", first]).status == 0)
        let before = try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout
        let second = try scratch.write("b.jsonl", Self.line("d", "Ana said \(Self.decomposed).") + "\n")
        let again = try CLI.run(["--db", scratch.db, "ingest", second])
        #expect(again.status == 1)
        #expect(again.stderr == "claimdesk: \(second):1: document \"d\" is already stored with a different text (refusing to overwrite it)\n")
        #expect(try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout == before)
    }

    /// Two doc_ids in two Unicode forms are two documents for the store; a file holding both was
    /// refused as "duplicate doc_id", so the store's own export could not be imported again.
    @Test func twoDocIDsInTwoUnicodeFormsRoundTripThroughEveryExport() throws {
        let scratch = try Scratch()
        let file = try scratch.write("gold.jsonl", Self.line(Self.composed, "Ana said it rained.") + "\n" + Self.line(Self.decomposed, "Bob said it snowed.") + "\n")
        let imported = try CLI.run(["--db", scratch.db, "import-gold", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        for format in ["jsonl", "brat", "doccano", "label-studio", "prodigy", "inception"] {
            let out = scratch.path("out-\(format)" + (format == "jsonl" ? ".jsonl" : ""))
            #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", out]).status == 0)
            let other = scratch.path("\(format).sqlite")
            let back = try CLI.run(["--db", other, "import-gold", "--format", format, out])
            #expect(back.status == 0, "\(format): \(back.stderr)")
            #expect(back.stdout.hasPrefix("run \"gold:ana\": imported 2 claims in 2 documents\n"), "\(format): \(back.stdout)")
        }
    }

    /// The store judged doc_ids by their bytes, but ingest and import-gold looked its answer up
    /// in a Set of Strings, where the two forms hash as one (review finding): the decomposed
    /// document was reported "unchanged" and never stored, and import-gold's counts merged them.
    @Test func aNewDocIDInTheOtherFormOfAStoredOneIsStored() throws {
        let scratch = try Scratch()
        let first = try scratch.write("a.jsonl", Self.line(Self.composed, "Ana said it rained.") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "ingest", first]).status == 0)
        let both = try scratch.write("b.jsonl", Self.line(Self.composed, "Ana said it rained.") + "\n" + Self.line(Self.decomposed, "Bob said it snowed.") + "\n")
        let again = try CLI.run(["--db", scratch.db, "ingest", both])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "ingested 1 new document from 1 file, 1 already stored (unchanged)\n")
        let ids = try JSONSerialization.jsonObject(with: Data(try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout.utf8))
        #expect((ids as? [[String: Any]])?.compactMap { ($0["doc_id"] as? String).map { Array($0.unicodeScalars) } }
                == [Array(Self.composed.unicodeScalars), Array(Self.decomposed.unicodeScalars)])
        let gold = try CLI.run(["--db", scratch.path("g.sqlite"), "import-gold", both, "--annotator", "ana"])
        #expect(gold.status == 0, "\(gold.stderr)")
        #expect(gold.stdout.hasPrefix("run \"gold:ana\": imported 2 claims in 2 documents\n"), "\(gold.stdout)")
    }
}

