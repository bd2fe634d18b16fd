import ClaimModel
@testable import ClaimStore
import Foundation
import GRDB
import Testing
import TestSupport

/// Opening modes, the schema check at open, `check`'s findings, and claims written in chunks that
/// stay invisible until their document is complete.
@Suite struct StoreEdgeTests {
    /// One scratch folder per test, removed after it.
    let scratch: Scratch
    var folder: String { scratch.path }

    init() throws {
        scratch = try Scratch(prefix: "claimdesk-store")
    }

    func claim(_ start: Int) -> Attribution {
        Attribution(id: "r\(start + 1)", content: Fragments(Span(start, start + 1)), sourceType: .implicit)
    }

    @Test func pendingClaimsStayInvisibleUntilTheirDocumentIsComplete() throws {
        let store = try SQLiteStore.inMemory(clock: { "2026-11-30T10:00:00.000Z" })
        _ = try store.ingest([(Document(id: "d1", text: "abcdefgh"), "a.txt")])
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        let doc = try #require(try store.pendingDocuments(notProcessedBy: run.rowID).first)
        #expect(doc.scalars == 8)
        try store.appendPendingClaims(runID: run.rowID, documentRowID: doc.rowID, firstOrdinal: 0, [claim(0), claim(1)])
        try store.appendPendingClaims(runID: run.rowID, documentRowID: doc.rowID, firstOrdinal: 2, [claim(2)])
        #expect(try store.run(named: "rules")?.claims == 0)
        #expect(try store.attributions(runID: run.rowID, documentRowID: nil).isEmpty)
        #expect(try store.documentSummaries().map(\.claims) == [0])
        #expect(try store.claimCount(runID: run.rowID) == 0)
        try store.completeDocument(runID: run.rowID, documentRowID: doc.rowID)
        #expect(try store.run(named: "rules")?.claims == 3)
        #expect(try store.attributions(runID: run.rowID, documentRowID: nil).map(\.ordinal) == [0, 1, 2])
        #expect(try store.pendingDocuments(notProcessedBy: run.rowID).isEmpty)
    }

    @Test func anInterruptedDocumentsClaimsAreDiscardedInChunks() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.ingest([(Document(id: "d1", text: "abcdefgh"), "a.txt"), (Document(id: "d2", text: "ijkl"), "b.txt")])
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        let docs = try store.pendingDocuments(notProcessedBy: run.rowID)
        try store.saveRunOutput(runID: run.rowID, [(documentRowID: docs[1].rowID, attributions: [claim(0)])])
        try store.appendPendingClaims(runID: run.rowID, documentRowID: docs[0].rowID, firstOrdinal: 0, (0..<7).map(claim))
        #expect(try store.discardIncompleteClaims(runID: run.rowID, chunk: 3) == 7)
        #expect(try store.attributions(runID: run.rowID, documentRowID: nil, origin: nil).count == 1)
        #expect(try store.run(named: "rules")?.claims == 1)
    }

    @Test func aCompleteDocumentTakesNoMorePendingClaims() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.ingest([(Document(id: "d1", text: "abcdefgh"), "a.txt")])
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        let doc = try #require(try store.pendingDocuments(notProcessedBy: run.rowID).first)
        try store.completeDocument(runID: run.rowID, documentRowID: doc.rowID)
        #expect(throws: StoreError.database(operation: "storing claims", message: "the document is already complete in this run")) {
            try store.appendPendingClaims(runID: run.rowID, documentRowID: doc.rowID, firstOrdinal: 0, [claim(0)])
        }
    }

    func makeStore(_ name: String) throws -> String {
        let path = folder + "/" + name
        let store = try SQLiteStore.open(path: path)
        _ = try store.ingest([(Document(id: "d1", text: "He said so."), "a.txt")])
        store.close()
        return path
    }

    func damage(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
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
