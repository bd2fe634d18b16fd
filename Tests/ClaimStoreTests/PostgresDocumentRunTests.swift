import ClaimModel
@testable import ClaimStore
import Foundation
import Testing
import TestSupport

/// DocumentStore, RunStore, PreferenceStore and ModelStore on PostgreSQL: every test makes the same
/// calls on an in-memory SQLite store and on a PostgreSQL store with the same clock, and requires the
/// same results (values, order, errors), plus the exact values on one side so that two equal wrong
/// answers cannot pass.
@Suite(.enabled(if: postgresAvailable, "PostgreSQL server programs not found: skipping the PostgreSQL store's tests"))
struct PostgresDocumentRunTests {
    static let now = "2026-11-30T16:00:00.000Z"

    let sqlite: SQLiteStore
    let postgres: PostgresStore

    init() throws {
        sqlite = try SQLiteStore.inMemory(clock: { Self.now })
        postgres = try PostgresStore.open(url: try PostgresServer.freshDatabase(prefix: "docrun"), clock: { Self.now })
    }

    /// `body` on both stores: each one's value, or the `StoreError` it threw.
    func both<T>(_ body: (any StoreContract) throws -> T) -> (sqlite: Result<T, StoreError>, postgres: Result<T, StoreError>) {
        func run(_ store: any StoreContract) -> Result<T, StoreError> {
            do { return .success(try body(store)) } catch let error as StoreError { return .failure(error) } catch {
                return .failure(.database(operation: "test", message: "\(error)"))
            }
        }
        return (run(sqlite), run(postgres))
    }

    /// `body` on both stores, required to give the same value, which is returned (SQLite's).
    @discardableResult
    func same<T: Equatable>(_ body: (any StoreContract) throws -> T, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        let (a, b) = both(body)
        #expect(a == b, sourceLocation: sourceLocation)
        return try a.get()
    }

    /// `body` (returning nothing) on both stores, required to succeed or fail alike.
    func same(_ body: (any StoreContract) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (a, b) = both(body)
        #expect(a.failure == b.failure, sourceLocation: sourceLocation)
        try a.get()
    }

    /// `body` on both stores, required to throw `error` on each.
    func fails<T>(_ error: StoreError, _ body: (any StoreContract) throws -> T, sourceLocation: SourceLocation = #_sourceLocation) {
        let (a, b) = both(body)
        #expect(a.failure == error, sourceLocation: sourceLocation)
        #expect(b.failure == error, sourceLocation: sourceLocation)
    }

    static let first = Document(id: "d1", text: "Zoë said it will rain. 🚀 Officials told Reuters.", title: "Rain",
                                publisher: "The Post", publicationDate: "2026-11-30", meta: .object([("k", .array([.number("1")]))]))
    static let second = Document(id: "d2", text: "Nothing to see.")
    static let third = Document(id: "a/3", text: "The minister said \"taxes\" will rise.", title: "Taxes")

    static let claims = [
        Attribution(id: "c1", source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments([Span(9, 13), Span(14, 22)]),
                    outlet: nil, sourceType: .namedPerson, anonymous: false, sourceEntity: "e1", confidence: 0.1 + 0.2),
        Attribution(source: nil, cue: Fragments(Span(36, 40)), content: Fragments(Span(41, 48)), outlet: "Reuters", anonymous: true,
                    confidence: 1e-7, cluster: "not kept by a run's output"),
    ]

    @Test func ingestAddsKeepsAndRefusesAsSQLiteDoes() throws {
        let summary = try same { try $0.ingest([(Self.first, "a.jsonl:1"), (Self.second, "a.jsonl:2")]) }
        #expect(summary.added == ["d1", "d2"] && summary.unchanged == [])
        // Again with a new one and a doc_id given twice in the batch: the second copy meets the first.
        let again = try same { try $0.ingest([(Self.second, "b:1"), (Self.third, "b:2"), (Self.third, "b:3")]) }
        #expect(again.added == ["a/3"] && again.unchanged == ["d2", "a/3"])
        // A conflict anywhere refuses the whole batch.
        let changed = Document(id: "d1", text: "Another text.")
        fails(.documentConflict(docID: "d1", origin: "c:2")) { try $0.ingest([(Document(id: "d4", text: "New."), "c:1"), (changed, "c:2")]) }
        fails(.documentConflict(docID: "a/3", origin: "c:2")) {
            try $0.ingest([(Document(id: "d5", text: "x"), "c:1"), (Document(id: "a/3", text: "y"), "c:2")])
        }
        fails(.nulInValue(table: "document", column: "title")) { try $0.ingest([(Document(id: "d6", text: "t", title: "a\u{0}b"), "n:1")]) }
        #expect(try same { try $0.documentCount() } == 3)
        #expect(try same { try $0.ingest([]) } == IngestSummary())

        let ids = try same { try $0.documentRowIDs() }
        #expect(ids == [1, 2, 3])
        let d1 = try same { try $0.document(docID: "d1") }
        #expect(d1 == StoredDocument(rowID: 1, document: Self.first, scalarCount: 48, origin: "a.jsonl:1", ingestedAt: Self.now))
        #expect(try same { try $0.document(rowID: 3) }?.document == Self.third)
        #expect(try same { try $0.document(rowID: 99) } == nil)
        #expect(try same { try $0.document(docID: "d4") } == nil)
        #expect(try same { try $0.documents(rowIDs: [3, 1, 99, 3]) }.map(\.document.id) == ["a/3", "d1", "a/3"])
        #expect(try same { try $0.documents(rowIDs: []) } == [])

        let stored = both { try $0.storedDocIDs([Self.first, changed, Document(id: "zz", text: "z"), Self.third]) }
        #expect(stored.sqlite.map(\.sameText) == stored.postgres.map(\.sameText))
        #expect(stored.sqlite.map(\.otherText) == stored.postgres.map(\.otherText))
        #expect(try stored.postgres.get().sameText == ["d1".exactKey, "a/3".exactKey] && stored.postgres.get().otherText == ["d1".exactKey])
    }

    /// A run kind or claim origin no release writes (a damaged database: its CHECK dropped) is
    /// refused by every reader of both stores alike, not read as an extractor run or its own claim.
    @Test func valuesNoReleaseWritesAreRefusedAlike() throws {
        try same { try $0.ingest([(Self.first, "a:1")]) }
        try same { try $0.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil) }
        #expect(try same { try $0.saveRunOutput(runID: 1, [(documentRowID: 1, attributions: Self.claims)]) } == 2)
        try sqlite.write("damaging") { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE run SET kind = 'golden'; UPDATE attribution SET origin = 'addded' WHERE id = 2")
        }
        try postgres.write("damaging") { db in
            try db.execute("ALTER TABLE run DROP CONSTRAINT run_kind_check")
            try db.execute("ALTER TABLE attribution DROP CONSTRAINT attribution_origin_check")
            try db.execute("UPDATE run SET kind = 'golden'")
            try db.execute("UPDATE attribution SET origin = 'addded' WHERE id = 2")
        }
        let kind = StoreError.invalidStoredValue(table: "run", column: "kind", rowID: 1, value: "golden")
        fails(kind) { try $0.runs() }
        fails(kind) { try $0.run(named: "rules") }
        fails(kind) { try $0.runRef(named: "rules") }
        fails(kind) { try $0.runRefs() }
        let origin = StoreError.invalidStoredValue(table: "attribution", column: "origin", rowID: 2, value: "addded")
        fails(origin) { try $0.attribution(rowID: 2) }
        #expect(try same { try $0.attribution(rowID: 1) }?.origin == .run)
    }

    @Test func runsTheirOutputAndTheListings() throws {
        try same { try $0.ingest([(Self.first, "a:1"), (Self.second, "a:2"), (Self.third, "a:3")]) }
        let run = try same { try $0.createRun(name: "rules", kind: .extractor, extractor: "rules", version: "1.0", parameters: #"{"p":1}"#) }
        #expect(run == RunInfo(rowID: 1, name: "rules", kind: .extractor, extractor: "rules", version: "1.0", parameters: #"{"p":1}"#,
                               createdAt: Self.now, documents: 0, claims: 0))
        fails(.runExists("rules")) { try $0.createRun(name: "rules", kind: .gold, extractor: "x", version: nil, parameters: nil) }
        fails(.nulInValue(table: "run", column: "name")) { try $0.createRun(name: "r\u{0}x", kind: .gold, extractor: "x", version: nil, parameters: nil) }
        try same { try $0.createRun(name: "gold", kind: .gold, extractor: "import", version: nil, parameters: nil) }

        #expect(try same { try $0.saveRunOutput(runID: 1, [(documentRowID: 1, attributions: Self.claims), (documentRowID: 2, attributions: []),
                                                           (documentRowID: 1, attributions: [Self.claims[0]])]) } == 2)
        // A retried batch skips what is done.
        #expect(try same { try $0.saveRunOutput(runID: 1, [(documentRowID: 1, attributions: Self.claims)]) } == 0)
        #expect(try same { try $0.saveRunOutput(runID: 1, []) } == 0)
        fails(.nulInValue(table: "attribution", column: "outlet")) {
            try $0.saveRunOutput(runID: 1, [(documentRowID: 3, attributions: [Attribution(outlet: "R\u{0}")])])
        }
        #expect(try same { try $0.documentRowIDs(processedBy: 1) } == [1, 2])
        #expect(try same { try $0.documentRowIDs(notProcessedBy: 1) } == [3])
        #expect(try same { try $0.documentRowIDs(notProcessedBy: 2) } == [1, 2, 3])
        #expect(try same { try $0.claimCount(runID: 1) } == 2)

        // The stored claims, read back through each store's own decoding.
        let sqliteClaims = try sqlite.attributions(runID: 1, documentRowID: 1)
        let postgresClaims = try postgres.read("reading claims") { db in
            let rows = try db.execute("SELECT \(PostgresRows.attributionColumns) FROM attribution a ORDER BY a.id")
            return try (0..<rows.count).map { try PostgresRows.attribution(rows, $0) }
        }
        #expect(sqliteClaims == postgresClaims)
        var expected = Self.claims
        expected[1].cluster = nil
        #expect(postgresClaims.map(\.attribution) == expected)
        #expect(postgresClaims.map(\.ordinal) == [0, 1] && postgresClaims.map(\.rowID) == [1, 2])

        let runs = try same { try $0.runs() }
        #expect(runs.map { "\($0.name) \($0.kind) \($0.documents) \($0.claims)" } == ["rules extractor 2 2", "gold gold 0 0"])
        #expect(try same { try $0.run(named: "gold") } == runs[1])
        #expect(try same { try $0.run(named: "none") } == nil)
        #expect(try same { try $0.runRef(named: "rules") } == RunRef(rowID: 1, name: "rules", kind: .extractor, extractor: "rules", parameters: #"{"p":1}"#, version: "1.0"))
        #expect(try same { try $0.runRef(named: "none") } == nil)
        #expect(try same { try $0.runRefs() }.map(\.name) == ["rules", "gold"])

        // Summaries: claims of every run, and who holds each document done (latest mark wins).
        try sqlite.write("marking") { db in try db.execute(sql: Self.marks) }
        try postgres.write("marking") { db in try db.execute(Self.marks) }
        let summaries = try same { try $0.documentSummaries() }
        #expect(summaries == [
            DocumentSummary(rowID: 1, docID: "d1", title: "Rain", publisher: "The Post", scalarCount: 48, claims: 2, doneBy: ["ana", "bo"]),
            DocumentSummary(rowID: 2, docID: "d2", title: nil, publisher: nil, scalarCount: 15, claims: 0, doneBy: []),
            DocumentSummary(rowID: 3, docID: "a/3", title: "Taxes", publisher: nil, scalarCount: 36, claims: 0, doneBy: []),
        ])

        // Prefixes: the run's processed documents, byte order, limited.
        #expect(try same { try $0.documentIDs(runID: 1, prefix: "d", limit: 10) } == ["d1", "d2"])
        #expect(try same { try $0.documentIDs(runID: 1, prefix: "", limit: 1) } == ["d1"])
        #expect(try same { try $0.documentIDs(runID: 1, prefix: "a", limit: 10) } == [])
        #expect(try same { try $0.documentIDs(runID: 1, prefix: "d", limit: -1) } == ["d1", "d2"])
    }

    /// Done marks as the log writes them: bo reopened then marked again, cy reopened last.
    static let marks = """
        INSERT INTO documentReview (documentId, annotator, runId, status, createdAt) VALUES
            (1, 'bo', 1, 'done', 't'), (1, 'cy', 1, 'done', 't'), (1, 'bo', 1, 'reopened', 't'), (1, 'ana', 1, 'done', 't'),
            (1, 'bo', 1, 'done', 't'), (1, 'cy', 1, 'reopened', 't'), (2, 'cy', 1, 'reopened', 't');
        """

    @Test func pendingOutputStaysInvisibleUntilCompleteAndResumes() throws {
        try same { try $0.ingest([(Self.first, "a:1"), (Self.second, "a:2"), (Self.third, "a:3")]) }
        try same { try $0.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil) }
        try same { try $0.saveRunOutput(runID: 1, [(documentRowID: 2, attributions: [])]) }
        #expect(try same { try $0.appendPendingClaims(runID: 1, documentRowID: 1, firstOrdinal: 0, Self.claims) } == 2)
        #expect(try same { try $0.appendPendingClaims(runID: 1, documentRowID: 1, firstOrdinal: 2, [Self.claims[0]]) } == 1)
        #expect(try same { try $0.appendPendingClaims(runID: 1, documentRowID: 3, firstOrdinal: 0, [Self.claims[1]]) } == 1)
        #expect(try same { try $0.claimCount(runID: 1) } == 0)
        #expect(try same { try $0.runs() }.map(\.claims) == [0])
        #expect(try same { try $0.documentSummaries() }.map(\.claims) == [0, 0, 0])
        let pending = both { try $0.pendingDocuments(notProcessedBy: 1).map { [$0.rowID, Int64($0.scalars)] } }
        #expect(pending.sqlite == pending.postgres)
        #expect(try pending.postgres.get() == [[1, 48], [3, 36]])

        // An interrupted writer's claims go, a chunk at a time; then the document is written again.
        #expect(try same { try $0.discardIncompleteClaims(runID: 1, chunk: 2) } == 4)
        #expect(try same { try $0.discardIncompleteClaims(runID: 1) } == 0)
        try same { try $0.appendPendingClaims(runID: 1, documentRowID: 1, firstOrdinal: 0, Self.claims) }
        try same { try $0.completeDocument(runID: 1, documentRowID: 1) }
        try same { try $0.completeDocument(runID: 1, documentRowID: 1) }
        #expect(try same { try $0.claimCount(runID: 1) } == 2)
        #expect(try same { try $0.runs() }.map(\.documents) == [2])
        #expect(try same { try $0.documentRowIDs(notProcessedBy: 1) } == [3])
        fails(.database(operation: "storing claims", message: "the document is already complete in this run")) {
            try $0.appendPendingClaims(runID: 1, documentRowID: 1, firstOrdinal: 2, Self.claims)
        }
        fails(.nulInValue(table: "attribution", column: "sourceEntity")) {
            try $0.appendPendingClaims(runID: 1, documentRowID: 3, firstOrdinal: 0, [Attribution(sourceEntity: "\u{0}")])
        }
        #expect(try same { try $0.appendPendingClaims(runID: 1, documentRowID: 3, firstOrdinal: 0, []) } == 0)
        let ids = try postgres.read("ids") { db in try db.execute("SELECT id, ordinal FROM attribution ORDER BY id").int64Column }
        #expect(ids == [5, 6])
    }

    @Test func preferencesAreEachAnalystsAndTheLastWriteWins() throws {
        #expect(try same { try $0.preference("keys", annotator: "ana") } == nil)
        try same { try $0.setPreference("keys", "vim", annotator: "ana") }
        try same { try $0.setPreference("keys", "emacs", annotator: "bo") }
        try same { try $0.setPreference("keys", "plain", annotator: "ana") }
        #expect(try same { try $0.preference("keys", annotator: "ana") } == "plain")
        #expect(try same { try $0.preference("keys", annotator: "bo") } == "emacs")
        #expect(try same { try $0.preference("KEYS", annotator: "bo") } == nil)
        try same { try $0.setPreference("keys", nil, annotator: "ana") }
        try same { try $0.setPreference("order", nil, annotator: "ana") }
        #expect(try same { try $0.preference("keys", annotator: "ana") } == nil)
        #expect(try same { try $0.preference("keys", annotator: "bo") } == "emacs")
        fails(.nulInValue(table: "preference", column: "value")) { try $0.setPreference("keys", "a\u{0}", annotator: "ana") }
        // SQLite binds a key only up to a NUL ("keys" here); no stored key holds one, so PostgreSQL finds none.
        #expect(try postgres.preference("keys\u{0}", annotator: "bo") == nil)
    }

    @Test func modelsRoundTripAreRefusedAndReplaced() throws {
        let bytes: [UInt8] = Array(0...255) + [0, 0, 10, 13, 255]
        let model = StoredModel(name: "m", family: "perceptron", bytes: bytes, digest: String(repeating: "ab", count: 32), provenance: "{}")
        #expect(try same { try $0.saveModel(model) }.createdAt == Self.now)
        try same { try $0.saveModel(StoredModel(name: "n", family: "f", bytes: [], digest: "d", provenance: #"{"a":1}"#)) }
        fails(.modelExists("m")) { try $0.saveModel(StoredModel(name: "m", family: "f", bytes: [1], digest: "d", provenance: "{}")) }
        fails(.nulInValue(table: "model", column: "provenance")) { try $0.saveModel(StoredModel(name: "z", family: "f", bytes: [], digest: "d", provenance: "\u{0}")) }
        var read = try same { try $0.model(named: "m") }
        #expect(read?.bytes == bytes)
        #expect(try same { try $0.model(named: "other") } == nil)
        #expect(try same { try $0.models() }.map { "\($0.name) \($0.size)" } == ["m 261", "n 0"])
        try same { try $0.saveModel(StoredModel(name: "m", family: "g", bytes: [7], digest: "e", provenance: "{}"), replace: true) }
        read = try same { try $0.model(named: "m") }
        #expect(read == StoredModel(name: "m", family: "g", bytes: [7], digest: "e", provenance: "{}", createdAt: Self.now))
        #expect(try same { try $0.models() } == [
            ModelInfo(name: "n", family: "f", size: 0, digest: "d", provenance: #"{"a":1}"#, createdAt: Self.now),
            ModelInfo(name: "m", family: "g", size: 1, digest: "e", provenance: "{}", createdAt: Self.now),
        ])
    }

    @Test func theArrayArgumentsQuoteEveryElement() throws {
        #expect(PostgresRows.bigintArray([]) == "{}")
        #expect(PostgresRows.bigintArray([3, 1, -2]) == "{3,1,-2}")
        #expect(PostgresRows.textArray(["a", #"b"c"#, #"d\e"#, "NULL", "{x,y}"]) == #"{"a","b\"c","d\\e","NULL","{x,y}"}"#)
        let back = try postgres.read("arrays") { db in
            try db.execute("SELECT unnest($1::text[])", [PostgresRows.textArray(["a", #"b"c"#, #"d\e"#, "NULL", "{x,y}", ""])]).stringColumn
        }
        #expect(back == ["a", #"b"c"#, #"d\e"#, "NULL", "{x,y}", ""])
    }
}

extension Result {
    /// The error, or nil for a value.
    fileprivate var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
