import Foundation
import Testing
import TestSupport

/// `import-gold`, `export --gold`, `link` and `check` through the real binary on a PostgreSQL store
/// (issue 15): what an SQLite store gives, byte for byte, and a damaged database reported by
/// `check` and refused by every other command.
@Suite(.enabled(if: PostgresServer.required || PostgresServer.unavailable == nil,
                "PostgreSQL server programs not found: skipping the PostgreSQL end-to-end tests"))
struct PostgresImportEndToEndTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch(prefix: "pgimport")
    }

    /// `psql` of the installed server, for what only an administrator would do to the database.
    static var psql: URL? {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for folder in folders.sorted().reversed() {
            let path = "/usr/lib/postgresql/\(folder)/bin/psql"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/psql") ? URL(fileURLWithPath: "/usr/bin/psql") : nil
    }

    @Test func theShippedGoldImportsAndExportsByteForByteAsOnSQLite() throws {
        let url = try PostgresServer.freshDatabase(prefix: "e2e")
        let gold = CLI.packageRoot.appendingPathComponent("annotations/corpus-gold.jsonl").path
        var exports: [Data] = []
        for db in [scratch.db, url] {
            let imported = try CLI.run(["--db", db, "import-gold", gold, "--annotator", "lead"])
            #expect(imported.status == 0, "\(imported.stderr)")
            // Unchanged on a second import.
            let again = try CLI.run(["--db", db, "import-gold", gold, "--annotator", "lead"])
            #expect(again.status == 0, "\(again.stderr)")
            let out = scratch.path("gold-\(exports.count).jsonl")
            let exported = try CLI.run(["--db", db, "export", "--format", "jsonl", "--gold", "--out", out])
            #expect(exported.status == 0, "\(exported.stderr)")
            exports.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(exports[0].count > 0)
        #expect(exports[0] == exports[1])
        let check = try CLI.run(["--db", url, "check"])
        #expect(check.status == 0)
        #expect(check.stdout == "\(url): ok (schema, migrations, references)\n")
        #expect(check.stderr == "")
    }

    @Test func aDisabledGuardIsReportedByCheckAndRefusedByTheOtherCommands() throws {
        let psql = try #require(Self.psql, "psql not found")
        let url = try PostgresServer.freshDatabase(prefix: "e2e")
        let input = try scratch.write("one.txt", "Kept\n\nThe mayor said the bridge would open.")
        #expect(try CLI.run(["--db", url, "ingest", input]).status == 0)
        let damaged = try Subprocess.run(psql, [url, "-qAt", "-c", "ALTER TABLE annotation DISABLE TRIGGER annotation_appendOnlyUpdate"])
        #expect(damaged.status == 0, "\(damaged.stderr)")
        let check = try CLI.run(["--db", url, "check"])
        #expect(check.status == 1)
        #expect(check.stdout == "")
        #expect(check.stderr == "claimdesk: \(url): trigger annotation_appendonlyupdate is disabled\n")
        let full = try CLI.run(["--db", url, "check", "--full"])
        #expect(full.stderr == check.stderr)
        for arguments in [["runs"], ["extract"], ["annotate", "--annotator", "ana"]] {
            let refused = try CLI.run(["--db", url] + arguments, stdin: "confirm\n")
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr == "claimdesk: \(url): damaged store: trigger annotation_appendonlyupdate is disabled "
                + "(refusing to use it; `claimdesk check` lists every problem)\n", "\(arguments)")
        }
    }
}
