import ClaimModel
@testable import ClaimStore
import Foundation
import GRDB
import Testing
import TestSupport

/// Opening modes, the schema check at open and `check`'s findings of the SQLite store (pending
/// claims, which every implementation must keep invisible, are tested in `StoreConformanceTests`).
@Suite struct StoreEdgeTests {
    /// One scratch folder per test, removed after it.
    let scratch: Scratch
    var folder: String { scratch.path }

    init() throws {
        scratch = try Scratch(prefix: "claimdesk-store")
    }

    func makeStore(_ name: String) throws -> String {
        let path = folder + "/" + name
        let store = try SQLiteStore.open(path: path)
        _ = try store.ingest([(Document(id: "d1", text: "He said so."), "a.txt")])
        store.close()
        return path
    }

    /// A child process spawned by another thread holds a copy of every open descriptor until its
    /// exec closes it; dropping the lease must free the session although such a copy is still open.
    @Test func aSessionLockIsFreedForEveryCopyOfItsDescriptor() throws {
        let path = try makeStore("lock.sqlite")
        let store = try SQLiteStore.open(path: path)
        defer { store.close() }
        var lease = try store.acquireSessionLock(annotator: "ana", kind: "review")
        #expect(lease != nil)
        let lockName = URL(fileURLWithPath: SQLiteStore.sessionLockPath(storePath: path, annotator: "ana")).lastPathComponent
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap { Int32($0) }
        let held = try #require(descriptors.first { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"))?.hasSuffix("/" + lockName) ?? false
        })
        let copy = dup(held)
        #expect(copy >= 0)
        defer { close(copy) }
        lease = nil
        let again = try store.acquireSessionLock(annotator: "ana", kind: "review")
        #expect(again != nil)
        withExtendedLifetime((lease, again)) {}
    }

    func damage(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// A run kind no release writes (only a damaged file holds one: the column has a CHECK) is
    /// refused by every run lookup alike, with the value escaped, instead of read as an extractor run.
    @Test func aRunKindNoReleaseWritesIsRefusedByEveryLookup() throws {
        let path = try makeStore("kind.sqlite")
        let setup = try SQLiteStore.open(path: path)
        let run = try setup.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        setup.close()
        try damage(path, "PRAGMA ignore_check_constraints = ON; UPDATE run SET kind = 'gold\u{1B}[2J' WHERE name = 'rules'")
        let store = try SQLiteStore.open(path: path)
        defer { store.close() }
        let corrupt = StoreError.invalidStoredValue(table: "run", column: "kind", rowID: run.rowID, value: "gold\u{1B}[2J")
        #expect(throws: corrupt) { try store.runRef(named: "rules") }
        #expect(throws: corrupt) { try store.runRefs() }
        #expect(throws: corrupt) { try store.run(named: "rules") }
        #expect(throws: corrupt) { try store.runs() }
        #expect(corrupt.description == "corrupt store: run.kind of row \(run.rowID) holds gold\\u{1b}[2J")
    }

    /// A claim origin no release writes (a damaged file: the column has a CHECK) is refused, not
    /// read as the extractor's own claim.
    @Test func aClaimOriginNoReleaseWritesIsRefused() throws {
        let path = try makeStore("origin.sqlite")
        let setup = try SQLiteStore.open(path: path)
        let run = try setup.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        let document = try #require(try setup.documentRowIDs().first)
        _ = try setup.saveRunOutput(runID: run.rowID, [(document, [Attribution(cue: Fragments(Span(3, 7)))])])
        let claim = try #require(try setup.attributions(runID: run.rowID, documentRowID: document).first)
        setup.close()
        try damage(path, "PRAGMA ignore_check_constraints = ON; UPDATE attribution SET origin = 'addded'")
        let store = try SQLiteStore.open(path: path)
        defer { store.close() }
        let corrupt = StoreError.invalidStoredValue(table: "attribution", column: "origin", rowID: claim.rowID, value: "addded")
        #expect(throws: corrupt) { try store.attribution(rowID: claim.rowID) }
        #expect(throws: corrupt) { try store.attributions(runID: run.rowID, documentRowID: document) }
    }

    @Test func aDroppedTriggerIsRefusedAtOpenAndReportedByTheCheck() throws {
        let path = try makeStore("s.sqlite")
        try damage(path, "DROP TRIGGER annotation_appendOnlyDelete")
        let problem = "missing trigger annotation_appendOnlyDelete"
        #expect(throws: StoreError.damaged(path: path, problems: [problem])) { try SQLiteStore.open(path: path) }
        #expect(throws: StoreError.damaged(path: path, problems: [problem])) { try SQLiteStore.open(path: path, mode: .readOnly) }
        let inspected = try SQLiteStore.open(path: path, mode: .inspect)
        #expect(try inspected.schemaProblems() == [problem])
        #expect(inspected.integrityProblems(full: true) == [])
    }

    @Test func aDroppedTableAndAnAlteredIndexAreNamed() throws {
        let path = try makeStore("s.sqlite")
        try damage(path, """
            DROP TABLE documentReview;
            DROP INDEX attribution_byOutlet;
            CREATE INDEX attribution_byOutlet ON attribution(outlet);
            """)
        let store = try SQLiteStore.open(path: path, mode: .inspect)
        #expect(try store.schemaProblems() == [
            "index attribution_byOutlet differs from ClaimDesk's schema",
            "missing index documentReview_byDocument",
            "missing table documentReview",
            "missing trigger documentReview_appendOnlyDelete",
            "missing trigger documentReview_appendOnlyUpdate",
        ])
    }

    @Test func aReadOnlyOpenCreatesNothing() throws {
        let path = folder + "/absent.sqlite"
        #expect(throws: StoreError.noStore(path: path)) { try SQLiteStore.open(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aReadOnlyStoreRefusesWrites() throws {
        let path = try makeStore("s.sqlite")
        let store = try SQLiteStore.open(path: path, mode: .readOnly)
        #expect(store.isReadOnly)
        #expect(try store.documentCount() == 1)
        #expect(throws: StoreError.self) { _ = try store.ingest([(Document(id: "d2", text: "x"), "b.txt")]) }
    }

    @Test func closingCheckpointsTheLogIntoTheMainFile() throws {
        let path = folder + "/s.sqlite"
        let store = try SQLiteStore.open(path: path)
        _ = try store.ingest([(Document(id: "d1", text: "He said so."), "a.txt")])
        store.close()
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        let copy = folder + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(try SQLiteStore.open(path: copy, mode: .readOnly).documentCount() == 1)
    }

    @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
        let path = folder + "/fifo"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(throws: StoreError.cannotOpen(path: path, reason: "it is a FIFO, not a regular file")) {
            try SQLiteStore.open(path: path)
        }
    }
}
