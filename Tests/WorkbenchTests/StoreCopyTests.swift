import ClaimModel
@testable import ClaimStore
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// `Workspace.copyStore` and `StoreCopier` (issue 15 item 3): the whole schema is copied, the
/// source is never changed unless asked, a copy is all or nothing, and the destination's next ids
/// follow the copied ones. The byte-identical outputs are `StoreCopyEndToEndTests`'.
@Suite struct StoreCopyTests {
    static let postgres = PostgresServer.required || PostgresServer.unavailable == nil

    /// A file store with two short documents ingested and extracted by the rules.
    static func extractedStore(_ scratch: Scratch) throws -> String {
        let path = scratch.path("source.sqlite")
        let input = try scratch.write("docs.jsonl", """
            {"doc_id": "ferry", "text": "Ferry delayed\\n\\nCaptain Rui Sousa said the ferry will sail at noon. A deckhand claimed the engine was fixed."}
            {"doc_id": "market", "text": "Market day\\n\\nTrader Ola Berg said the market sold 300 melons."}

            """)
        let workspace = try Workspace.open(path: path)
        _ = try workspace.ingest([input])
        _ = try workspace.extract()
        workspace.close()
        return path
    }

    /// The tables of a new store on each engine, without the migration table.
    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed"))
    func everyTableOfTheSchemaIsCopiedAndNoOther() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let path = scratch.path("fresh.sqlite")
        try Workspace.open(path: path).close()
        let tables = try SQLiteShell.run(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'grdb_migrations' ORDER BY name")
        #expect(tables.split(separator: "\n").map(String.init) == CopiedTable.all.map(\.name).sorted())
        #expect(Set(PostgresSchema.tables) == Set(CopiedTable.all.map { $0.name.lowercased() }))
    }

    @Test func theReportCountsEveryTableAndProgressReachesTheTotal() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = try Self.extractedStore(scratch)
        let target = scratch.path("copies/target.sqlite")
        let seen = Locked<[Int]>([])
        let report = try Workspace.copyStore(from: source, to: target) { copied, total, _ in
            seen.withLock { $0.append(copied) }
            #expect(total == 8)
        }
        #expect(report.line == "copied 2 documents, 1 run, 2 run documents, 3 claims, 0 log entries, 0 document marks, 0 import digests, "
            + "0 preferences, 0 models, 0 link runs, 0 cluster members, 0 links from \(source) to \(target) (schema v8-claim-clusters)")
        #expect(report.summary.total == 8)
        // One call per chunk of a table that has rows: 2 documents, 1 run, 2 run documents, 3 claims.
        #expect(seen.withLock { $0 } == [2, 3, 5, 8])
        #expect(report.summary.migrations == SQLiteStore.knownMigrations)
    }

    /// A source from the release before the link tables: refused (and left as it was) unless the
    /// user asks to migrate it.
    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed"))
    func anOlderSourceIsRefusedUnchangedUnlessMigrationIsAsked() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = try Self.extractedStore(scratch)
        try SQLiteShell.run(source, """
            DROP TABLE claimLink; DROP TABLE linkCluster; DROP TABLE linkRun; ALTER TABLE attribution DROP COLUMN cluster;
            DELETE FROM grdb_migrations WHERE identifier IN ('v7-links', 'v8-claim-clusters');
            """)
        let target = scratch.path("target.sqlite")
        #expect {
            try Workspace.copyStore(from: source, to: target)
        } throws: { error in
            "\(error)" == "\(source): written by an older ClaimDesk (migrations not applied: v7-links, v8-claim-clusters); "
                + "opening it for writing migrates it (`store copy --migrate-source` does so for a source)"
        }
        #expect(try SQLiteShell.run(source, "SELECT count(*) FROM grdb_migrations") == "5")
        #expect(!FileManager.default.fileExists(atPath: target))
        let report = try Workspace.copyStore(from: source, to: target, migrateSource: true)
        #expect(report.summary.counts.map(\.count) == [2, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try SQLiteShell.run(source, "SELECT count(*) FROM grdb_migrations") == "7")
    }

    /// A value the copy cannot carry (text in an integer column, written behind ClaimDesk's back)
    /// in the fourth table: the three tables before it were already inserted, and are rolled back.
    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed"))
    func aCopyThatFailsHalfwayLeavesTheDestinationEmpty() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = try Self.extractedStore(scratch)
        try SQLiteShell.run(source, "UPDATE attribution SET ordinal = 'x' WHERE id = 2")
        var targets = [scratch.path("target.sqlite")]
        if Self.postgres { targets.append(try PostgresServer.freshDatabase(prefix: "copyfail")) }
        for target in targets {
            #expect {
                try Workspace.copyStore(from: source, to: target)
            } throws: { error in
                "\(error)" == "corrupt store: attribution.ordinal of row 2 holds \"x\""
            }
            let destination = try Workspace.open(path: target, mode: .readOnly)
            defer { destination.close() }
            #expect(try StoreCopier.contents(of: destination.store) == nil, "\(target)")
            #expect(try destination.store.appliedMigrations() == SQLiteStore.knownMigrations)
        }
    }

    /// After a copy into PostgreSQL, each identity continues after the largest copied id, as
    /// SQLite's rowids do.
    @Test(.enabled(if: postgres && SQLiteShell.path != nil, "sqlite3 or the PostgreSQL server programs are not installed"))
    func postgreSQLsNextIdsFollowTheCopiedOnes() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = try Self.extractedStore(scratch)
        let url = try PostgresServer.freshDatabase(prefix: "copyids")
        _ = try Workspace.copyStore(from: source, to: url)
        let store = try PostgresStore.open(url: url)
        defer { store.close() }
        let next = try store.write("reading the sequences") { db in
            try ["document", "run", "attribution", "annotation"].map { table in
                try db.execute("SELECT nextval(pg_get_serial_sequence($1, 'id'))", [table]).int64(0, 0) ?? 0
            }
        }
        #expect(next == [3, 2, 4, 1])
    }

    /// Text that COPY's format must escape (backslashes, tabs, line breaks, a line holding only
    /// `\.`, COPY's old end marker) and text beyond ASCII crosses PostgreSQL and back unchanged.
    @Test(.enabled(if: postgres && SQLiteShell.path != nil, "sqlite3 or the PostgreSQL server programs are not installed"))
    func awkwardTextCrossesPostgreSQLAndBackExactly() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = scratch.path("source.sqlite")
        let input = try scratch.write("docs.jsonl", #"""
            {"doc_id": "tabs\\and\\slashes", "title": "C:\\new\\table\t\\N", "text": "Line one\tcell\r\n\\.\n\\N is not null\nZoë said “ok” 🚢 at 9\\10.\n", "publisher": "\\x00ff"}

            """#)
        let workspace = try Workspace.open(path: source)
        _ = try workspace.ingest([input])
        _ = try workspace.extract()
        workspace.close()
        let url = try PostgresServer.freshDatabase(prefix: "copytext")
        let back = scratch.path("back.sqlite")
        _ = try Workspace.copyStore(from: source, to: url)
        _ = try Workspace.copyStore(from: url, to: back)
        let query = "SELECT id, hex(docId), hex(title), hex(text), hex(publisher), scalarCount FROM document"
        #expect(try SQLiteShell.run(back, query) == SQLiteShell.run(source, query))
        #expect(try SQLiteShell.run(source, "SELECT count(*) FROM document WHERE text LIKE '%' || char(9) || '%' AND text LIKE '%\\.%'") == "1")
    }

    @Test func theSameStoreTwiceIsRefused() throws {
        let scratch = try Scratch(prefix: "store-copy")
        let source = try Self.extractedStore(scratch)
        #expect(Workspace.sameStore(.file(path: source), .file(path: scratch.path("./source.sqlite"))))
        #expect(!Workspace.sameStore(.file(path: source), .file(path: scratch.path("other.sqlite"))))
        #expect(Workspace.sameStore(.postgres(url: "postgresql://a@h/db"), .postgres(url: "postgresql://a@h/db")))
        #expect(!Workspace.sameStore(.postgres(url: "postgresql://a@h/db"), .file(path: "postgresql:")))
        #expect {
            try Workspace.copyStore(from: source, to: scratch.path("./source.sqlite"))
        } throws: { error in
            "\(error)" == "--from and --to name the same store (\(scratch.path("./source.sqlite"))): nothing copied"
        }
    }
}
