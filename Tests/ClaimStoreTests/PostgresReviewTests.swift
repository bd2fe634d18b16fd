import ClaimModel
@testable import ClaimStore
import Foundation
import Review
import Testing
import TestSupport

/// ClaimQueries and ReviewLog on PostgreSQL: every call is made on an SQLite in-memory store and on a
/// PostgreSQL store holding the same rows, and the two answers must be equal (values, order, errors),
/// because `store copy` must leave every score and export byte-identical. A few exact expectations
/// besides make sure that the equal answers are the ones meant (not two empty lists).
@Suite(.enabled(if: postgresAvailable, "PostgreSQL server programs not found: skipping the PostgreSQL store's tests"))
struct PostgresReviewTests {
    /// A clock that moves one millisecond per call: two stores given the same calls get the same
    /// times, and a time shows which operation wrote a row.
    final class TickingClock: Sendable {
        private let ticks = Locked(0)
        func now() -> String {
            let n = ticks.withLock { value -> Int in
                value += 1
                return value
            }
            return "2026-11-30T10:00:00.\(String(format: "%03d", n))Z"
        }
        func set(_ n: Int) { ticks.withLock { $0 = n } }
    }

    /// The two stores, seeded alike.
    struct Pair {
        let sqlite: SQLiteStore
        let postgres: PostgresStore
        let sqliteClock: TickingClock
        let postgresClock: TickingClock
        /// The extractor run, and another one with claims in the same documents.
        let runID: Int64, otherRunID: Int64
        /// Row ids of the documents, in ingestion order; the last is not complete in the extractor run.
        let documents: [Int64]

        /// Makes the same call on both stores and expects the same answer; returns it.
        @discardableResult
        func same<T: Equatable>(_ call: (any StoreContract) throws -> T,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
            let expected = try call(sqlite)
            let actual = try call(postgres)
            #expect(actual == expected, sourceLocation: sourceLocation)
            return expected
        }

        /// Makes the same failing call on both stores and expects the same error; returns it.
        @discardableResult
        func sameError(_ call: (any StoreContract) throws -> Void,
                       sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
            func error(_ store: any StoreContract) -> StoreError? {
                do {
                    try call(store)
                    return nil
                } catch {
                    return error as? StoreError
                }
            }
            let expected = error(sqlite)
            #expect(expected != nil, "the call must fail", sourceLocation: sourceLocation)
            #expect(error(postgres) == expected, sourceLocation: sourceLocation)
            return expected
        }
    }

    static let texts = [
        "The mayor said the bridge is closed. Officials told Reuters that repairs will take weeks.",
        "Zoë Brandt told Newsweek that prices will rise, a spokesman said.",
        "Nothing was said here.",
        "Analysts told reuters that the harbour may reopen, the minister said.",
        "A draft seen by Le Monde says taxes will rise.",
    ]

    func claim(_ id: String, _ start: Int, outlet: String? = nil, type: SourceType? = .namedPerson,
               confidence: Double? = nil, anonymous: Bool? = nil) -> Attribution {
        Attribution(id: id, source: Fragments(Span(start, start + 3)), cue: Fragments(Span(start + 4, start + 8)),
                    content: Fragments([Span(start + 9, start + 12), Span(start + 14, start + 16)]), outlet: outlet,
                    sourceType: type, anonymous: anonymous, sourceEntity: type == .namedPerson ? "Someone" : nil,
                    confidence: confidence, cluster: start == 0 ? "c1" : nil)
    }

    /// Both stores with five documents, an extractor run (claims with outlets in several cases,
    /// confidences at the filters' bounds, a document without claims, the last document's claims
    /// pending) and a second run over the first two documents.
    func pair() throws -> Pair {
        let sqliteClock = TickingClock(), postgresClock = TickingClock()
        let sqlite = try SQLiteStore.inMemory(clock: { sqliteClock.now() })
        let postgres = try PostgresStore.open(url: try PostgresServer.freshDatabase(prefix: "review"),
                                              clock: { postgresClock.now() })
        // Opening a PostgreSQL store reads the clock (the migrations' times): both start even.
        sqliteClock.set(0)
        postgresClock.set(0)
        // The same seeding calls on both stores, through the contract.
        var seeded: [(run: Int64, other: Int64, documents: [Int64])] = []
        for store in [sqlite, postgres] as [any StoreContract] {
            _ = try store.ingest(Self.texts.enumerated().map {
                (Document(id: "doc-\($0.offset + 1)", text: $0.element, title: $0.offset == 0 ? "Bridge" : nil), "test.jsonl:\($0.offset + 1)")
            })
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: "1", parameters: nil)
            let other = try store.createRun(name: "other", kind: .imported, extractor: "x", version: nil, parameters: "{}")
            let ids = try store.documentRowIDs()
            try store.saveRunOutput(runID: run.rowID, [
                (ids[0], [claim("a1", 0, outlet: "Reuters", confidence: 0.9), claim("a2", 20, type: .anonymous, confidence: 0.5, anonymous: true)]),
                (ids[1], [claim("b1", 0, outlet: "Newsweek", confidence: 0.75), claim("b2", 30, outlet: "Zoë", type: nil)]),
                (ids[2], []),
                (ids[3], [claim("d1", 0, outlet: "reuters", type: .namedOrganization, confidence: 0.25)]),
            ])
            try store.appendPendingClaims(runID: run.rowID, documentRowID: ids[4], firstOrdinal: 0,
                                          [claim("e1", 0, outlet: "Le Monde", confidence: 0.99)])
            try store.saveRunOutput(runID: other.rowID, [
                (ids[0], [claim("x1", 4, outlet: "AP", confidence: 0.6)]),
                (ids[1], [claim("x2", 8, outlet: "REUTERS", type: .document, confidence: 0.75)]),
            ])
            seeded.append((run.rowID, other.rowID, ids))
        }
        #expect(seeded[0] == seeded[1])
        let (run, other, ids) = seeded[0]
        sqliteClock.set(100)
        postgresClock.set(100)
        return Pair(sqlite: sqlite, postgres: postgres, sqliteClock: sqliteClock, postgresClock: postgresClock,
                    runID: run, otherRunID: other, documents: ids)
    }

    @Test func claimReadsAnswerAsOnSQLite() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let runs: [Int64?] = [p.runID, p.otherRunID, 999, nil]
        let documents: [Int64?] = p.documents + [999, nil]
        for run in runs {
            for document in documents {
                for origin: ClaimOrigin? in [.run, .added, nil] {
                    try p.same { try $0.attributions(runID: run, documentRowID: document, origin: origin) }
                }
                guard let run, let document else { continue }
                try p.same { try $0.attributions(runID: run, documentRowID: document) }
                try p.same { try $0.claimRowIDs(runID: run, documentRowID: document) }
                try p.same { try $0.snapshot(documentRowID: document, runID: run).map(Shown.init) }
            }
        }
        let all = try p.same { try $0.attributions(runID: nil, documentRowID: nil, origin: nil) }
        // Pending claims (the last document's) are seen by no reader, but read directly.
        #expect(all.map { $0.attribution.id ?? "" } == ["a1", "a2", "x1", "b1", "b2", "x2", "d1"])
        #expect(try p.postgres.attributions(runID: p.runID, documentRowID: p.documents[4]).map(\.attribution.id) == ["e1"])
        for id in Int64(0)...12 { try p.same { try $0.attribution(rowID: id) } }
        #expect(try p.postgres.attribution(rowID: all[1].rowID)?.attribution.anonymous == true)
        // Bundles follow the order asked, skip unknown ids, hold every run's visible claims.
        let order = [p.documents[3], 999, p.documents[0], p.documents[4], p.documents[1], p.documents[0]]
        let bundles = try p.same { try $0.bundles(documentRowIDs: order).map(Shown.init) }
        #expect(bundles.map(\.document.document.id) == ["doc-4", "doc-1", "doc-5", "doc-2", "doc-1"])
        #expect(bundles[2].claims.isEmpty)
        try p.same { try $0.bundles(documentRowIDs: []).map(Shown.init) }
    }

    @Test func queueWalksAndFiltersAnswerAsOnSQLite() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let queue = try p.same { try $0.queuedClaims(runID: p.runID) }
        #expect(queue.map(\.confidence) == [0.9, 0.5, 0.75, nil, 0.25])
        try p.same { try $0.queuedClaims(runID: p.otherRunID) }
        let conditions: [[StoredClaimCondition]] = [
            [], [.outlet("reuters")], [.outlet("REUTERS")], [.outlet("zoë")], [.outlet("ZOË")], [.outlet("Le Monde")],
            [.sourceType("named_person")], [.sourceType("anonymous"), .confidenceBelow(0.9)],
            [.confidenceBelow(0.75)], [.confidenceAbove(0.75)], [.confidenceAbove(0.25), .confidenceBelow(0.9)],
            [.outlet("Reuters"), .sourceType("named_organization")],
        ]
        for threshold in [0.0, 0.25, 0.5, 0.75, 0.9, 1.0] {
            for condition in conditions {
                try p.same { try $0.queuedClaims(runID: p.runID, atOrAbove: threshold, where: condition) }
            }
        }
        for run in [p.runID, p.otherRunID] {
            for after in Int64(0)...6 {
                for backwards in [false, true] {
                    for condition in conditions {
                        try p.same { try $0.nextDocument(runID: run, after: after, backwards: backwards, where: condition) }
                    }
                }
            }
        }
        // Exactly what SQLite's NOCASE gives: ASCII folded, "Ë" not; the bounds are strict.
        #expect(try p.postgres.queuedClaims(runID: p.runID, atOrAbove: 0, where: [.outlet("REUTERS")]).count == 2)
        #expect(try p.postgres.queuedClaims(runID: p.runID, atOrAbove: 0, where: [.outlet("ZOË")]).isEmpty)
        #expect(try p.postgres.nextDocument(runID: p.runID, after: p.documents[0], where: [.confidenceAbove(0.25)]) == p.documents[1])
        #expect(try p.postgres.nextDocument(runID: p.runID, after: p.documents[3], backwards: true, where: .outlet("rEUTERS"))
            == p.documents[0])
        // The pending document is never a next document.
        #expect(try p.postgres.nextDocument(runID: p.runID, after: p.documents[3], where: []) == nil)
    }

    @Test func outletsAndTagListsAnswerAsOnSQLite() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let doc = p.documents[0]
        try p.same { try $0.append([
            NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: nil, action: "tag", tags: #"["urgent","b"]"#),
            NewAnnotation(annotator: "ben", runID: p.runID, documentRowID: doc, attributionID: nil, action: "tag", tags: #"["Zeta"]"#),
            NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: nil, action: "tag", tags: #"["urgent","b"]"#),
            NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: nil, action: "untag", tags: #"["é"]"#),
        ]) }
        for limit in [-1, 0, 1, 3, 100] {
            try p.same { try $0.outlets(limit: limit) }
            try p.same { try $0.tagLists(limit: limit) }
        }
        // Byte order, pending claims' outlets included ("every stored claim").
        #expect(try p.postgres.outlets(limit: 100) == ["AP", "Le Monde", "Newsweek", "REUTERS", "Reuters", "Zoë", "reuters"])
        #expect(try p.postgres.tagLists(limit: 100) == [["Zeta"], ["urgent", "b"], ["é"]])
    }

    @Test func theReviewLogAndDoneMarksAnswerAsOnSQLite() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let (doc1, doc2) = (p.documents[0], p.documents[1])
        let claims = try p.same { try $0.claimRowIDs(runID: p.runID, documentRowID: doc1) }
        func entry(_ annotator: String, _ claim: Int64?, _ action: ReviewAction, document: Int64? = nil) -> ReviewEntry {
            ReviewEntry(annotator: annotator, runID: p.runID, documentRowID: document ?? doc1, attributionID: claim, action: action)
        }
        try p.same { try $0.append(entry("ana", claims[0], .confirm)) }
        try p.same { try $0.append([
            entry("ana", claims[1], .reject(reason: "not a claim")),
            entry("ana", claims[0], .correct(FieldChange(field: "outlet", old: .string("Reuters"), new: .string("AP")))),
            entry("ana", claims[0], .tag(["urgent"])),
            entry("ana", claims[0], .note("check the date")),
            entry("ana", claims[0], .confidence(.low)),
        ]) }
        var bulk = entry("ben", claims[0], .confirm)
        bulk.bulk = BulkAcceptance(threshold: 0.5, count: 2)
        try p.same { try $0.append([bulk, entry("ben", claims[1], .confirm)]) }
        let done = try p.same { try $0.markDocument(doc1, annotator: "ana", runID: p.runID, status: "done") }
        try p.same { try $0.markDocument(doc1, annotator: "ben", runID: p.runID, status: "done") }
        try p.same { try $0.markDocument(doc2, annotator: "ben", runID: p.runID, status: "done") }
        // Undo of the done mark reopens the document, its redo marks it done again.
        let undo = try p.same { try $0.append(entry("ana", nil, .undo(of: done.id)), documentStatus: "reopened") }
        try p.same { try $0.documentsDoneBySeveral(runID: p.runID).map { Pairing(document: $0.documentRowID, annotators: $0.annotators) } }
        try p.same { try $0.append(entry("ana", nil, .redo(of: undo.id)), documentStatus: "done") }
        try p.same { try $0.append(entry("ana", claims[1], .undo(of: 2)), documentStatus: nil) }
        try p.same { try $0.markDocument(doc2, annotator: "cy", runID: nil, status: "done") }
        try p.same { try $0.markDocument(doc2, annotator: "ben", runID: p.runID, status: "reopened") }
        var adjudicated = entry("judge", claims[0], .confirm)
        adjudicated.adjudication = Adjudication(picked: "ana")
        try p.same { try $0.append(adjudicated) }
        let added = try p.same { Added(try $0.addClaim(claim("n1", 40, outlet: "BBC", confidence: nil), runID: p.runID,
                                                       documentRowID: doc1, annotator: "ana", note: "missed")) }
        try p.same { Added(try $0.addClaim(claim("n2", 0), runID: p.otherRunID, documentRowID: doc2, annotator: "ben")) }
        try p.same { try $0.append(entry("ana", added.claim.rowID, .same(other: claims[0]))) }

        #expect(added.claim.ordinal == 2 && added.claim.origin == .added && added.claim.addedBy == "ana")
        #expect(added.entry.entry.action == .add && added.entry.entry.note == "missed")
        #expect(added.entry.createdAt == added.claim.createdAt)
        let log = try p.same { try $0.annotations() }
        #expect(log.count == 20)
        #expect(log.map(\.id) == Array(1...20))
        for document in p.documents + [999] {
            for annotator: String? in [nil, "ana", "ben", "nobody"] {
                try p.same { try $0.annotations(documentRowID: document, annotator: annotator) }
                try p.same { try $0.reviewLog(documentRowID: document, annotator: annotator) }
            }
        }
        for run in [p.runID, p.otherRunID, 999] {
            for annotator in ["ana", "ben", "cy", "judge"] {
                try p.same { try $0.annotations(annotator: annotator, runID: run) }
                try p.same { try $0.doneDocumentRowIDs(annotator: annotator, runID: run) }
            }
            try p.same { try $0.annotations(runID: run) }
            try p.same { try $0.documentsDoneBySeveral(runID: run).map { Pairing(document: $0.documentRowID, annotators: $0.annotators) } }
        }
        for id in Int64(0)...20 { try p.same { try $0.annotation(id: id) } }
        let reviews = try p.same { try $0.documentReviews() }
        #expect(reviews.map { "\($0.documentRowID) \($0.annotator) \($0.status)" }
            == ["\(doc1) ana done", "\(doc1) ben done", "\(doc2) ben reopened", "\(doc2) cy done"])
        #expect(try p.postgres.documentsDoneBySeveral(runID: p.runID).map(\.annotators) == [["ben", "ana"]])
        try p.same { try $0.snapshot(documentRowID: doc1, runID: p.runID).map(Shown.init) }
        try p.same { try $0.bundles(documentRowIDs: p.documents).map(Shown.init) }
        try p.same { try $0.attributions(runID: nil, documentRowID: nil, origin: .added) }
        try p.same { try $0.queuedClaims(runID: p.runID) }
    }

    @Test func anAppendNeverChangesEarlierEntriesAndAFailedOneStoresNothing() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let doc = p.documents[0]
        let first = NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: 1, action: "confirm")
        try p.same { try $0.append([first, first]) }
        let before = try p.same { try $0.annotations() }
        try p.same { try $0.append(NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: 1,
                                                 action: "reject", note: "changed my mind")) }
        try p.same { try $0.markDocument(doc, annotator: "ana", runID: p.runID, status: "done") }
        let after = try p.same { try $0.annotations() }
        #expect(Array(after.prefix(before.count)) == before)
        #expect(after.count == before.count + 2)

        // A NUL anywhere refuses the whole batch, naming the table and column, as on SQLite.
        let nul = NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: doc, attributionID: 1, action: "note",
                                note: "a\u{0}b")
        let error = p.sameError { try $0.append([first, nul]) }
        #expect(error == .nulInValue(table: "annotation", column: "note"))
        p.sameError { try $0.markDocument(doc, annotator: "a\u{0}", runID: p.runID, status: "done") }
        p.sameError { _ = try $0.addClaim(Attribution(outlet: "A\u{0}P"), runID: p.runID, documentRowID: doc, annotator: "ana") }
        // A reference to nothing refuses the batch too.
        let orphan = NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: 999, attributionID: nil, action: "confirm")
        #expect(throws: StoreError.self) { try p.postgres.append([first, orphan]) }
        #expect(throws: StoreError.self) { try p.sqlite.append([first, orphan]) }
        try p.same { try $0.annotations() }
        #expect(try p.postgres.annotations() == after)
        try p.same { try $0.documentReviews() }
        try p.same { try $0.attributions(runID: nil, documentRowID: nil, origin: nil) }
        // Ids are never reused after a failed append: the next entry follows the last stored one
        // on SQLite; PostgreSQL's sequence may skip ids, never go back.
        let next = try p.postgres.append(first)
        #expect(next.id > after.last?.id ?? 0)
    }

    /// `DocumentSnapshot` and `DocumentBundle` as comparable values.
    struct Shown: Equatable {
        var document: StoredDocument
        var claims: [StoredAttribution]
        var log: [LoggedReview]
        init(_ s: DocumentSnapshot) { (document, claims, log) = (s.document, s.claims, s.log) }
        init(_ b: DocumentBundle) { (document, claims, log) = (b.stored, b.claims, b.log) }
    }

    /// What `addClaim` returns, comparable.
    struct Added: Equatable {
        var claim: StoredAttribution
        var entry: LoggedReview
        init(_ pair: (StoredAttribution, LoggedReview)) { (claim, entry) = pair }
    }

    /// A document done by several annotators, comparable.
    struct Pairing: Equatable {
        var document: Int64
        var annotators: [String]
    }
}

extension PostgresReviewTests {
    @Test func refusedWritesFailWithSQLitesErrorsAndStoreNothing() throws {
        let p = try pair()
        defer { p.postgres.close() }
        let good = NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: p.documents[0], attributionID: nil, action: "confirm")
        let orphan = NewAnnotation(annotator: "ana", runID: p.runID, documentRowID: 999, attributionID: nil, action: "confirm")
        let unknownRun = NewAnnotation(annotator: "ana", runID: 77, documentRowID: p.documents[0], attributionID: nil, action: "confirm")
        #expect(p.sameError { try $0.append([good, orphan]) }
            == .database(operation: "recording an annotation", message: "FOREIGN KEY constraint failed"))
        p.sameError { try $0.append([unknownRun]) }
        #expect(p.sameError { try $0.markDocument(p.documents[0], annotator: "ana", runID: p.runID, status: "finished") }
            == .database(operation: "marking a document finished",
                         message: "CHECK constraint failed: status IN ('done', 'reopened')"))
        p.sameError { _ = try $0.addClaim(Attribution(), runID: 99, documentRowID: p.documents[0], annotator: "ana") }
        p.sameError { _ = try $0.addClaim(Attribution(), runID: p.runID, documentRowID: 999, annotator: "ana") }
        p.sameError { try $0.append(ReviewEntry(annotator: "ana", runID: p.runID, documentRowID: 999, attributionID: nil,
                                                action: .undo(of: 1)), documentStatus: "reopened") }
        try p.same { try $0.annotations() }
        try p.same { try $0.documentReviews() }
        try p.same { try $0.attributions(runID: nil, documentRowID: nil, origin: .added) }
        #expect(try p.postgres.annotations().isEmpty)
    }

    /// A name or filter value holding a NUL matches nothing on PostgreSQL, as the other areas' keyed
    /// reads there (`PostgresRows.storable`). SQLite differs here: it receives the text cut at the
    /// NUL and finds "ana"'s entries for "ana\0"; no write stores a NUL, so only such a read differs.
    @Test func aKeyHoldingANULFindsNothing() throws {
        let p = try pair()
        defer { p.postgres.close() }
        try p.same { try $0.markDocument(p.documents[0], annotator: "ana", runID: p.runID, status: "done") }
        #expect(try p.postgres.annotations(documentRowID: p.documents[0], annotator: "ana\u{0}").isEmpty)
        #expect(try p.postgres.annotations(annotator: "ana\u{0}", runID: p.runID).isEmpty)
        #expect(try p.postgres.doneDocumentRowIDs(annotator: "ana\u{0}", runID: p.runID).isEmpty)
        #expect(try p.postgres.queuedClaims(runID: p.runID, atOrAbove: 0, where: [.outlet("Reuters\u{0}")]).isEmpty)
        #expect(try p.postgres.nextDocument(runID: p.runID, after: 0, where: .sourceType("named_person\u{0}")) == nil)
        #expect(try p.postgres.doneDocumentRowIDs(annotator: "ana", runID: p.runID) == [p.documents[0]])
    }
}
