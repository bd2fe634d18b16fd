import ClaimModel
@testable import ClaimStore
import Testing

/// SQLite receives Swift strings as C strings: without the guard a NUL cuts what is stored.
/// Every write path refuses it, nothing is written, and what is stored always equals what was given.
@Suite struct NULGuardTests {
    let store: SQLiteStore

    init() throws {
        store = try SQLiteStore.inMemory(clock: { "2026-11-25T10:00:00.000Z" })
    }

    @Test func aDocumentWithNULInAnyStringColumnIsRefusedAndNothingIsStored() throws {
        let cases: [(Document, String)] = [
            (Document(id: "d1", text: "He said\u{0} so."), "text"),
            (Document(id: "d1", text: "He said so.", title: "T\u{0}itle"), "title"),
            (Document(id: "d1", text: "He said so.", publisher: "P\u{0}"), "publisher"),
            (Document(id: "d1", text: "He said so.", publicationDate: "2026\u{0}"), "publicationDate"),
        ]
        for (document, column) in cases {
            #expect(throws: StoreError.nulInValue(table: "document", column: column)) {
                try store.ingest([(document, "a.jsonl:1")])
            }
        }
        #expect(try store.documentCount() == 0)
    }

    @Test func metaIsStoredAsJSONSoItsNULSurvivesExactly() throws {
        let meta = JSONValue.object([("k", .string("a\u{0}b"))])
        _ = try store.ingest([(Document(id: "d1", text: "x", meta: meta), "a.jsonl:1")])
        #expect(try store.document(docID: "d1")?.document.meta == meta)
    }

    @Test func runNamesClaimsAndLogEntriesWithNULAreRefused() throws {
        _ = try store.ingest([(Document(id: "d1", text: "He said so."), "a.txt")])
        let doc = try #require(try store.document(docID: "d1"))
        #expect(throws: StoreError.nulInValue(table: "run", column: "name")) {
            try store.createRun(name: "ru\u{0}les", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        }
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
        var claim = Attribution(id: "r1", cue: Fragments(Span(3, 7)))
        claim.outlet = "A\u{0}P"
        #expect(throws: StoreError.nulInValue(table: "attribution", column: "outlet")) {
            try store.saveRunOutput(runID: run.rowID, [(doc.rowID, [claim])])
        }
        #expect(try store.attributions(runID: run.rowID, documentRowID: doc.rowID).isEmpty)
        for (entry, column) in [
            (NewAnnotation(annotator: "ana", runID: nil, documentRowID: doc.rowID, attributionID: nil, action: "note", note: "a\u{0}b"), "note"),
            (NewAnnotation(annotator: "a\u{0}na", runID: nil, documentRowID: doc.rowID, attributionID: nil, action: "note", note: "ab"), "annotator"),
            (NewAnnotation(annotator: "ana", runID: nil, documentRowID: doc.rowID, attributionID: nil, action: "tag", tags: "[\"x\u{0}\"]"), "tags"),
        ] {
            #expect(throws: StoreError.nulInValue(table: "annotation", column: column)) { try store.append(entry) }
        }
        #expect(try store.annotations().isEmpty)
    }

    @Test func theMessageSaysWhatAndWhy() {
        #expect(StoreError.nulInValue(table: "annotation", column: "note").description
            == "refusing to store a NUL character (U+0000) in annotation.note: SQLite would keep only the text before it")
    }
}
