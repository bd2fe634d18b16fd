import ClaimModel
@testable import ClaimStore
import Foundation
import GRDB
import Testing
import TestSupport

/// What is the SQLite store's own: its migrations, its append-only trigger, its files. The contract's
/// semantics (ingest, runs, the log, marks, preferences…) are tested on every implementation in
/// `StoreConformanceTests`.
@Suite struct ClaimStoreTests {
    let store: SQLiteStore

    init() throws {
        store = try SQLiteStore.inMemory(clock: { "2026-11-25T10:00:00.000Z" })
    }

    @Test func migratesToTheKnownSchema() throws {
        #expect(try store.appliedMigrations() == SQLiteStore.knownMigrations)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func storesAndReadsBackARunsClaimsExactly() throws {
        _ = try store.ingest([(Document(id: "d1", text: "\"A,\" she said, \"B.\"", publisher: "P", meta: .object([("k", .string("v"))])), "a.txt")])
        let doc = try #require(try store.document(docID: "d1"))
        #expect(doc.document.meta == .object([("k", .string("v"))]))
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: "1", parameters: nil)
        let a = Attribution(id: "r1", source: Fragments(Span(5, 8)), cue: Fragments(Span(9, 13)),
                            content: Fragments([Span(1, 2), Span(16, 17)]), outlet: "AP", sourceType: .anonymous,
                            anonymous: true, sourceEntity: "she-1", confidence: 0.5)
        #expect(try store.saveRunOutput(runID: run.rowID, [(doc.rowID, [a])]) == 1)
        // A retried batch is skipped: the document is already processed by the run.
        #expect(try store.saveRunOutput(runID: run.rowID, [(doc.rowID, [a])]) == 0)
        let claims = try store.attributions(runID: run.rowID, documentRowID: doc.rowID)
        #expect(claims.map(\.attribution) == [a])
        #expect(try store.documentRowIDs(notProcessedBy: run.rowID) == [])
        #expect(try store.runs().map { "\($0.name) \($0.documents) \($0.claims)" } == ["rules 1 1"])
        #expect(throws: StoreError.runExists("rules")) {
            try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        }
    }

    @Test func theAnnotationLogIsAppendOnly() throws {
        _ = try store.ingest([(Document(id: "d1", text: "x"), "a.txt")])
        let doc = try #require(try store.document(docID: "d1"))
        let entry = try store.append(NewAnnotation(annotator: "ana", runID: nil, documentRowID: doc.rowID,
                                                   attributionID: nil, action: "note", note: "'); DROP TABLE annotation; --"))
        #expect(try store.annotations(documentRowID: doc.rowID).map(\.entry.note) == ["'); DROP TABLE annotation; --"])
        #expect(throws: StoreError.self) { try store.tamperWithAnnotation(entry.id) }
        #expect(try store.annotations(documentRowID: doc.rowID).count == 1)
    }

}

@Suite struct ClaimStoreFileTests {
    /// One scratch folder per test, removed after it.
    let scratch: Scratch

    init() throws {
        scratch = try Scratch(prefix: "claimstore")
    }

    func temporaryPath(_ name: String) -> String { scratch.path(name) }

    @Test func aFileStoreUsesWAL() throws {
        let store = try SQLiteStore.open(path: temporaryPath("s.sqlite"))
        #expect(try store.journalMode() == "wal")
    }

    @Test func refusesAndNeverOverwritesAFileThatIsNotSQLite() throws {
        let path = temporaryPath("notes.sqlite")
        try Data("my precious notes".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAStore(path: path)) { try SQLiteStore.open(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my precious notes")
    }

    @Test func refusesAStoreFromANewerSchemaWithoutChangingIt() throws {
        let path = temporaryPath("newer.sqlite")
        do {
            let store = try SQLiteStore.open(path: path)
            try store.recordMigrationForTesting("v99-future")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99-future"])) { try SQLiteStore.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A store killed while it was being created, after GRDB made its table of migrations but
    /// before the first migration committed, holds nothing: it reads as an empty store, and the
    /// next writing open creates its schema.
    @Test func aStoreCutShortAfterItsMigrationTableReadsEmpty() throws {
        let path = temporaryPath("cut.sqlite")
        try SQLiteShell.run(path, "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);")
        let reader = try SQLiteStore.open(path: path, mode: .readOnly)
        #expect(try reader.documentCount() == 0)
        let inspected = try SQLiteStore.open(path: path, mode: .inspect)
        #expect(try inspected.schemaProblems() == [
            "no ClaimDesk schema yet: creating the store was cut short before anything was stored (the next command that writes creates it)",
        ])
        let writer = try SQLiteStore.open(path: path)
        #expect(try writer.schemaProblems() == [])
    }

    /// Killed inside a write before the store switched to WAL, a process leaves a hot rollback
    /// journal that no read-only connection may open: the open rolls it back first.
    @Test func aHotJournalIsRolledBackBeforeAReadOnlyOpen() throws {
        let sqlite3 = try #require(SQLiteShell.path, "sqlite3 is not installed (scripts/setup.sh installs it)")
        let path = temporaryPath("hot.sqlite")
        try SQLiteShell.run(path, "PRAGMA journal_mode = DELETE; CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);")
        // The shell kills itself inside a transaction whose pages already spilled to the file.
        _ = try? Subprocess.run(URL(fileURLWithPath: sqlite3), [path, """
            PRAGMA cache_size = 1; BEGIN; CREATE TABLE t(x);
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000)
            INSERT INTO t SELECT hex(randomblob(100)) FROM c;
            """, ".system kill -9 $PPID"])
        let journal = try FileManager.default.attributesOfItem(atPath: path + "-journal")[.size] as? Int ?? 0
        #expect(journal > 0)
        let reader = try SQLiteStore.open(path: path, mode: .readOnly)
        #expect(try reader.documentCount() == 0)
        let left = FileManager.default.fileExists(atPath: path + "-journal")
            ? try FileManager.default.attributesOfItem(atPath: path + "-journal")[.size] as? Int ?? 0 : 0
        #expect(left == 0)
    }

    @Test func refusesAnSQLiteDatabaseThatIsNotAClaimDeskStore() throws {
        let path = temporaryPath("other.sqlite")
        try SQLiteShell.run(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        #expect(throws: StoreError.foreignDatabase(path: path)) { try SQLiteStore.open(path: path) }
    }
}

extension SQLiteStore {
    /// Tries to rewrite an annotation in place: the append-only trigger must refuse it.
    func tamperWithAnnotation(_ id: Int64) throws(StoreError) {
        try write("rewriting an annotation") { db in
            try db.execute(sql: "UPDATE annotation SET note = 'changed' WHERE id = ?", arguments: [id])
        }
    }

    /// Records a migration this version does not know, as a newer ClaimDesk would.
    func recordMigrationForTesting(_ identifier: String) throws(StoreError) {
        try write("recording a migration") { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
    }
}
