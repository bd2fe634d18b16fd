import Foundation
import Testing
import TestSupport

/// `claimdesk store copy` through the real binary (issue 15 item 3): a store with every table
/// populated the way analysts fill it (ingest, extract, two analysts' sessions, an adjudication,
/// a model, a link run, an imported run, a remembered preference) is copied, and the copy scores,
/// agrees, compares, reports and exports byte for byte as the source, on SQLite and on PostgreSQL;
/// through PostgreSQL and back, every row of every table comes back with its id.
@Suite(.serialized) struct StoreCopyEndToEndTests {
    /// Three re-reports of one claim and an unrelated story with a claim two analysts disagree on.
    /// Written for this test.
    static let documents = """
        {"doc_id": "dam-wire", "text": "Dam repairs\\n\\nEngineer Maya Osei said the Kell River dam will reopen in 9 days after repairs.", "publisher": "Reuters", "publication_date": "2026-04-01"}
        {"doc_id": "dam-post", "text": "Dam to reopen\\n\\nEngineer Maya Osei told Reuters the Kell River dam will reopen in 9 days after repairs.", "publisher": "Valley Post", "publication_date": "2026-04-02"}
        {"doc_id": "dam-herald", "text": "Dam work\\n\\nEngineer Maya Osei said the Kell River dam would reopen in about 9 days after repairs.", "publisher": "Hill Herald", "publication_date": "2026-04-02"}
        {"doc_id": "orchard", "text": "Orchard record\\n\\nGrower Ian Pike said the orchard picked 900 crates of apples on Friday. A neighbour claimed the frost had spared the trees.", "publisher": "Hill Herald", "publication_date": "2026-04-03"}

        """

    /// Ana confirms, sets her confidence, tags, corrects a source, notes, adds a claim and undoes it.
    static let ana = """
        goto dam-wire
        confidence high
        c
        goto dam-wire
        done
        goto dam-post
        tag wire
        c
        goto dam-post
        done
        goto dam-herald
        source "Maya Osei"
        c
        goto dam-herald
        done
        goto orchard
        c
        note the neighbour is vague
        c
        goto orchard
        add "the trees" source "A neighbour" cue "claimed"
        undo
        done
        quit

        """

    /// Bo orders his queue by confidence (a remembered preference) and rejects the neighbour's claim.
    static let bo = """
        order confidence
        goto dam-wire
        c
        goto dam-wire
        done
        goto dam-post
        c
        goto dam-post
        done
        goto dam-herald
        c
        goto dam-herald
        done
        goto orchard
        c
        r too vague
        goto orchard
        done
        quit

        """

    static let tables = ["document", "run", "runDocument", "attribution", "annotation", "documentReview", "importDigest",
                         "preference", "model", "linkRun", "linkCluster", "claimLink", "grdb_migrations"]

    /// The demo store at `scratch/store.sqlite`, every table holding rows.
    static func demoStore(_ scratch: Scratch) throws -> String {
        let db = scratch.path("store.sqlite")
        let input = try scratch.write("docs.jsonl", documents)
        func cli(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws {
            let out = try CLI.run(["--db", db] + arguments, stdin: stdin, environment: environment)
            if out.status != 0 { throw CLI.Failure(status: out.status, stderr: "\(arguments): \(out.stderr)") }
        }
        try cli(["ingest", input])
        try cli(["extract"])
        try cli(["annotate", "--annotator", "ana", "--doc", "dam-wire"], stdin: ana)
        try cli(["annotate", "--annotator", "bo", "--doc", "dam-wire"], stdin: bo)
        try cli(["adjudicate"], stdin: "pick bo\npick ana\nq\n", environment: ["CLAIMDESK_ANNOTATOR": "cy"])
        try cli(["train", "--model", "dams", "--gold"])
        try cli(["link"])
        try cli(["export", "--run", "rules", "--out", scratch.path("rules.jsonl")])
        try cli(["import-claims", "--run", "wire", scratch.path("rules.jsonl")])
        return db
    }

    /// Every table's rows, ids included, in key order, as the sqlite3 shell prints them.
    static func dump(_ store: String) throws -> [String: String] {
        var rows: [String: String] = [:]
        for table in tables {
            rows[table] = try SQLiteShell.run(store, "SELECT * FROM \(table) ORDER BY 1, 2")
        }
        return rows
    }

    static let summary = "copied 4 documents, 2 runs, 8 run documents, 11 claims, 26 log entries, 8 document marks, 4 import digests, "
        + "1 preference, 1 model, 1 link run, 3 cluster members, 3 links"

    /// What a user reads from a store: the listings, the figures, every export's files.
    static func everything(_ store: String, _ scratch: Scratch, folder: String) throws -> [String: [UInt8]] {
        var seen: [String: [UInt8]] = [:]
        let commands: [[String]] = [
            ["runs"], ["docs"], ["claims"], ["models"], ["score", "--run", "rules"], ["score", "--run", "rules", "--format", "json"],
            ["score", "--run", "rules", "--by", "source-type"], ["score", "--run", "wire", "--against", "rules"],
            ["agreement"], ["agreement", "--format", "json"], ["compare", "--run", "rules", "--run", "wire"], ["trail", "1"],
        ]
        for command in commands {
            let out = try CLI.run(["--db", store] + command)
            #expect(out.status == 0, "\(command): \(out.stderr)")
            seen[command.joined(separator: " ")] = Array(out.stdout.utf8)
        }
        var exports: [[String]] = ["jsonl", "csv", "brat", "doccano", "label-studio", "prodigy", "inception", "provenance", "graphml"]
            .map { ["export", "--run", "rules", "--format", $0] }
        exports += ["jsonl", "csv", "brat"].map { ["export", "--gold", "--format", $0] }
        exports.append(["report"])
        try FileManager.default.createDirectory(atPath: scratch.path(folder), withIntermediateDirectories: true)
        for (n, command) in exports.enumerated() {
            let out = try CLI.run(["--db", store] + command + ["--out", scratch.path("\(folder)/\(n)")])
            #expect(out.status == 0, "\(command): \(out.stderr)")
        }
        let root = URL(fileURLWithPath: scratch.path(folder))
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        for file in files {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                seen[String(file.path.dropFirst(root.path.count))] = [UInt8]((try? Data(contentsOf: file)) ?? Data())
            }
        }
        return seen
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed"))
    func theCopyScoresAgreesComparesReportsAndExportsByteForByteAsTheSource() throws {
        let scratch = try Scratch()
        let source = try Self.demoStore(scratch)
        let copy = scratch.path("copy/claims.sqlite")
        let out = try CLI.run(["store", "copy", "--from", source, "--to", copy])
        #expect(out.status == 0)
        #expect(out.stderr == "")
        #expect(out.stdout == "\(Self.summary) from \(source) to \(copy) (schema v8-claim-clusters)\n")
        #expect(try Self.dump(copy) == Self.dump(source))
        let original = try Self.everything(source, scratch, folder: "from-source")
        let copied = try Self.everything(copy, scratch, folder: "from-copy")
        #expect(original.count > 40)
        for key in original.keys.sorted() {
            #expect(copied[key] == original[key], "\(key) differs after the copy")
        }
        #expect(Set(copied.keys) == Set(original.keys))
        // The copy goes on where the source stopped: the next log entry gets the next id.
        let more = try CLI.run(["--db", copy, "annotate", "--annotator", "dee", "--doc", "orchard"], stdin: "c\nquit\n")
        #expect(more.status == 0, "\(more.stderr)")
        #expect(try SQLiteShell.run(copy, "SELECT id, annotator FROM annotation ORDER BY id DESC LIMIT 1") == "27|dee")
    }

    @Test(.enabled(if: SQLiteShell.path != nil && (PostgresServer.required || PostgresServer.unavailable == nil),
                   "sqlite3 or the PostgreSQL server programs are not installed"))
    func throughPostgreSQLAndBackEveryRowOfEveryTableComesBackWithItsId() throws {
        let scratch = try Scratch()
        let source = try Self.demoStore(scratch)
        let url = try PostgresServer.freshDatabase(prefix: "copy")
        let there = try CLI.run(["store", "copy", "--from", source, "--to", url])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout == "\(Self.summary) from \(source) to \(url) (schema v8-claim-clusters)\n")
        // On PostgreSQL itself, the copy lists, scores, agrees, compares, reports and exports as the source.
        let original = try Self.everything(source, scratch, folder: "from-source")
        let onPostgres = try Self.everything(url, scratch, folder: "from-postgres")
        #expect(original.count > 40)
        for key in original.keys.sorted() {
            #expect(onPostgres[key] == original[key], "\(key) differs on PostgreSQL")
        }
        let back = scratch.path("back.sqlite")
        let again = try CLI.run(["store", "copy", "--from", url, "--to", back])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "\(Self.summary) from \(url) to \(back) (schema v8-claim-clusters)\n")
        #expect(try Self.dump(back) == Self.dump(source))
        // The model's bytes and every double (confidences, link scores) crossed exactly.
        #expect(try SQLiteShell.run(back, "SELECT hex(bytes) FROM model") == SQLiteShell.run(source, "SELECT hex(bytes) FROM model"))
        #expect(try SQLiteShell.run(back, "SELECT group_concat(quote(score)) FROM claimLink")
            == SQLiteShell.run(source, "SELECT group_concat(quote(score)) FROM claimLink"))
        // A second copy into the now-filled database is refused.
        let refused = try CLI.run(["store", "copy", "--from", source, "--to", url])
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk: \(url): the destination store is not empty (it holds \(Self.summary.dropFirst("copied ".count))); "
            + "`store copy` writes only into a new or empty store (nothing copied)\n")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed"))
    func aDestinationHoldingAnythingIsRefusedUnchanged() throws {
        let scratch = try Scratch()
        let source = try Self.demoStore(scratch)
        let other = scratch.path("other.sqlite")
        let input = try scratch.write("one.txt", "Mayor Ada Lin said the bridge is safe.\n")
        #expect(try CLI.run(["--db", other, "ingest", input]).status == 0)
        let before = try Self.dump(other)
        let out = try CLI.run(["store", "copy", "--from", source, "--to", other])
        #expect(out.status == 1)
        #expect(out.stdout == "")
        #expect(out.stderr == "claimdesk: \(other): the destination store is not empty (it holds 1 document); "
            + "`store copy` writes only into a new or empty store (nothing copied)\n")
        #expect(try Self.dump(other) == before)
        let same = try CLI.run(["store", "copy", "--from", source, "--to", scratch.path("./store.sqlite")])
        #expect(same.status == 1)
        #expect(same.stderr == "claimdesk: --from and --to name the same store (\(scratch.path("./store.sqlite"))): nothing copied\n")
    }

    @Test func aBadURLIsOneLineWithThePasswordHiddenAndNothingIsCreated() throws {
        let scratch = try Scratch()
        let source = scratch.path("store.sqlite")
        let input = try scratch.write("one.txt", "Mayor Ada Lin said the bridge is safe.\n")
        #expect(try CLI.run(["--db", source, "ingest", input]).status == 0)
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let out = try CLI.run(["store", "copy", "--from", source, "--to", "postgresql://ana:hunter2-secret@127.0.0.1:1/claims"])
        #expect(out.status == 1)
        #expect(out.stdout == "")
        #expect(out.stderr.hasPrefix("claimdesk: postgresql://ana:***@127.0.0.1:1/claims: cannot open the store: "))
        #expect(!out.stderr.contains("hunter2"))
        #expect(out.stderr.split(separator: "\n").count == 1 && out.stderr.hasSuffix("\n"))
        let missing = try CLI.run(["store", "copy", "--from", scratch.path("none.sqlite"), "--to", scratch.path("copy.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr == "claimdesk: \(scratch.path("none.sqlite")): cannot read: no store there (nothing copied)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("copy.sqlite")))
        // Found by fuzzing: an empty path opened SQLite's private temporary database
        // ("claimdesk: : cannot open the store: could not activate WAL Mode at path: ").
        for (flag, arguments) in [("--to", ["--from", source, "--to", ""]), ("--from", ["--from", "", "--to", scratch.path("copy.sqlite")])] {
            let empty = try CLI.run(["store", "copy"] + arguments)
            #expect(empty.status == 1)
            #expect(empty.stderr == "claimdesk: \(flag): the store path is empty (nothing copied)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("copy.sqlite")))
        let usage = try CLI.run(["store", "copy", "--from", source])
        #expect(usage.status == 1)
        #expect(usage.stderr == "claimdesk store copy: missing expected argument '--to <PATH|URL>' (`claimdesk store copy --help` lists the options)\n")
    }

    @Test func helpListsTheStoreGroupAndItsCopy() throws {
        let root = try CLI.run(["--help"])
        #expect(root.stdout.contains("\n  store  ") || root.stdout.contains("\n  store "), "\(root.stdout)")
        let group = try CLI.run(["store", "--help"])
        #expect(group.status == 0)
        #expect(group.stdout.contains("  copy  "), "\(group.stdout)")
    }
}
