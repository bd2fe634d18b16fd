import ClaimModel
import ClaimStore
import Foundation
import Review
import Testing
import TestSupport

// The store contract's semantics, tested on every implementation this build has
// (`StoreBackends.available`: SQLite in memory and in a file; PostgreSQL where it is built). Each
// test gets a fresh, empty store and talks to it ONLY as `any StoreContract`: nothing here may name
// an implementation, so what passes here is what the rest of ClaimDesk can count on.
//
// Covered, by protocol (every requirement, and the extensions' conveniences):
// - DocumentStore: ingest, documentCount, document(docID:), document(rowID:), documents(rowIDs:),
//   documentIDs(runID:prefix:limit:), documentRowIDs(), documentSummaries(), storedDocIDs,
//   docIDsStoredWithOtherText.
// - RunStore: createRun, run(named:), runs(), runRef(named:), runRefs(), documentRowIDs(notProcessedBy:),
//   documentRowIDs(processedBy:), saveRunOutput, pendingDocuments(notProcessedBy:),
//   discardIncompleteClaims(runID:chunk:) and (runID:), appendPendingClaims, completeDocument, claimCount.
// - ClaimQueries: attributions(runID:documentRowID:), attributions(runID:documentRowID:origin:) and
//   (runID:documentRowID:) on optionals, attribution(rowID:), addClaim (with and without a note),
//   bundles, snapshot, claimRowIDs, queuedClaims(runID:), queuedClaims(runID:atOrAbove:where:),
//   nextDocument (one condition, several, backwards), outlets(limit:), tagLists(limit:).
// - ReviewLog: append([NewAnnotation]), append(NewAnnotation), append(ReviewEntry), append([ReviewEntry]),
//   append(_:documentStatus:) and (_:documentStatus:markRunID:), annotations(documentRowID:annotator:) and (documentRowID:), annotations(),
//   annotations(annotator:runID:), annotations(runID:), annotation(id:), reviewLog, markDocument,
//   documentReviews, doneDocumentRowIDs, documentsDoneBySeveral, documentsDoneElsewhere.
// - ImportStore: makeImportStage, commit(_:replace:) (new, unchanged, changed, replaced, refused).
// - LinkStore: saveLinkRun (with and without replace), linkRuns, linkClusters, links, linkVerdictLog.
// - ModelStore: saveModel (with and without replace), model(named:), models().
// - PreferenceStore: preference, setPreference.
// - StoreMaintenance: location (kept across a reopen), isReadOnly, close (then reopen), integrityCheck,
//   schemaProblems, integrityProblems(full:), foreignKeyProblems, appliedMigrations, knownMigrations,
//   acquireSessionLock.
// Guarantees tested across operations: all or nothing (a refused ingest, append, import stores
// nothing), append-only (appending never changes an earlier entry), ordering (ingestion order, oldest
// first, byte order), one clock time per operation, pending claims invisible to every reader.

/// Runs `body` on a fresh store of `backend`, kept open for the whole body.
private func on(_ backend: StoreBackend, clock: String = StoreBackends.clock,
                _ body: (any StoreContract) throws -> Void) throws {
    let fresh = try backend.fresh(clock: clock)
    try withExtendedLifetime(fresh) { try body(fresh.store) }
}

/// A claim with a content span and the few columns the queue reads.
private func claim(_ id: String, _ start: Int, _ end: Int, outlet: String? = nil, type: SourceType? = .namedPerson,
                   confidence: Double? = nil) -> Attribution {
    Attribution(id: id, source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(start, end)),
                outlet: outlet, sourceType: type, anonymous: false, sourceEntity: "ent-\(id)", confidence: confidence)
}

/// `doc_id:rowID` pairs are unreadable in a failure; these say what a list of stored values holds.
private func ids(_ documents: [StoredDocument]) -> [String] { documents.map(\.document.id) }
private func summary(_ s: IngestSummary) -> String { "added \(s.added) unchanged \(s.unchanged)" }

@Suite struct StoreConformanceTests {
    // MARK: - Documents

    @Test(arguments: StoreBackends.available)
    func ingestAddsNewDocumentsInOrderAndSkipsIdenticalOnes(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let rain = Document(id: "b-2", text: "Ana said it rained.", title: "Rain", publisher: "Daily",
                                publicationDate: "2026-11-01", meta: .object([("k", .string("v")), ("n", .number("2"))]))
            let rocket = Document(id: "a-1", text: "Zoë 🚀 told us \"yes\".\nThen left.")
            #expect(summary(try store.ingest([(rain, "x.jsonl:1"), (rocket, "x.jsonl:2")])) == "added [\"b-2\", \"a-1\"] unchanged []")
            let third = Document(id: "c", text: "Bo said no.")
            #expect(summary(try store.ingest([(rain, "y.jsonl:1"), (third, "y.jsonl:2")])) == "added [\"c\"] unchanged [\"b-2\"]")
            #expect(try store.documentCount() == 3)

            let rowIDs = try store.documentRowIDs()
            #expect(rowIDs.count == 3)
            #expect(rowIDs == rowIDs.sorted() && Set(rowIDs).count == 3 && rowIDs.allSatisfy { $0 > 0 })
            let stored = try #require(try store.document(docID: "b-2"))
            #expect(stored.rowID == rowIDs[0])
            #expect(stored.document == rain)
            #expect(stored.origin == "x.jsonl:1")
            #expect(stored.ingestedAt == StoreBackends.clock)
            let other = try #require(try store.document(rowID: rowIDs[1]))
            #expect(other.document == rocket)
            #expect(other.scalarCount == 31)
            #expect(try store.document(docID: "nope") == nil)
            #expect(try store.document(rowID: rowIDs[2] + 1000) == nil)
            #expect(ids(try store.documents(rowIDs: [rowIDs[2], rowIDs[2] + 1000, rowIDs[0]])) == ["c", "b-2"])
            #expect(try store.documents(rowIDs: []).isEmpty)
        }
    }

    @Test(arguments: StoreBackends.available)
    func aDocIDStoredWithAnotherTextFailsTheWholeBatch(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "one"), "a.txt")])
            #expect(throws: StoreError.documentConflict(docID: "d1", origin: "b.jsonl:2")) {
                try store.ingest([(Document(id: "d2", text: "new"), "b.jsonl:1"), (Document(id: "d1", text: "two"), "b.jsonl:2")])
            }
            #expect(try store.documentCount() == 1)
            #expect(try store.document(docID: "d2") == nil)
            #expect(try store.document(docID: "d1")?.document.text == "one")

            let seen = try store.storedDocIDs([Document(id: "d1", text: "one"), Document(id: "d3", text: "x")])
            #expect(seen.sameText == ["d1".exactKey] && seen.otherText == [])
            let changed = try store.storedDocIDs([Document(id: "d1", text: "two")])
            #expect(changed.sameText == [] && changed.otherText == ["d1".exactKey])
            #expect(try store.docIDsStoredWithOtherText([Document(id: "d1", text: "two"), Document(id: "d1x", text: "two")]) == ["d1".exactKey])
            let none = try store.storedDocIDs([])
            #expect(none.sameText.isEmpty && none.otherText.isEmpty)
        }
    }

    /// A text in another Unicode form (é composed, then e + U+0301) is another text: Swift's `==`
    /// calls them equal, the store must not (found by fuzzing `ingest`: "unchanged", other bytes).
    @Test(arguments: StoreBackends.available)
    func aTextInAnotherUnicodeFormIsAnotherText(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "caf\u{E9}"), "a.txt")])
            let decomposed = Document(id: "d1", text: "cafe\u{301}")
            #expect(throws: StoreError.documentConflict(docID: "d1", origin: "b.txt")) { try store.ingest([(decomposed, "b.txt")]) }
            let seen = try store.storedDocIDs([decomposed])
            #expect(seen.sameText == [] && seen.otherText == ["d1".exactKey])
            #expect(try store.document(docID: "d1")?.document.text.unicodeScalars.count == 4)
            // A doc_id in the other form of a stored one is another document: not "stored".
            _ = try store.ingest([(Document(id: "caf\u{E9}", text: "x"), "c.txt")])
            let forms = try store.storedDocIDs([Document(id: "caf\u{E9}", text: "x"), Document(id: "cafe\u{301}", text: "x")])
            #expect(forms.sameText == ["caf\u{E9}".exactKey] && forms.otherText == [])
        }
    }

    @Test(arguments: StoreBackends.available)
    func docIDsByPrefixAreTheRunsInByteOrder(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let names = ["ab-2", "b", "ab-10", "abc", "Zoë-1", "Zoe-1", "ab-9"]
            _ = try store.ingest(names.map { (Document(id: $0, text: "text of \($0)"), "f") })
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let rows = try store.documentRowIDs()
            // "ab-9" (the last) is not processed by the run.
            try store.saveRunOutput(runID: run.rowID, rows.dropLast().map { (documentRowID: $0, attributions: []) })
            #expect(try store.documentIDs(runID: run.rowID, prefix: "ab", limit: 10) == ["ab-10", "ab-2", "abc"])
            #expect(try store.documentIDs(runID: run.rowID, prefix: "ab", limit: 2) == ["ab-10", "ab-2"])
            #expect(try store.documentIDs(runID: run.rowID, prefix: "Zoë", limit: 10) == ["Zoë-1"])
            #expect(try store.documentIDs(runID: run.rowID, prefix: "", limit: 10) == ["Zoe-1", "Zoë-1", "ab-10", "ab-2", "abc", "b"])
            #expect(try store.documentIDs(runID: run.rowID, prefix: "x", limit: 10) == [])
        }
    }

    @Test(arguments: StoreBackends.available)
    func summariesCountVisibleClaimsOfEveryRunAndWhoMarkedItDone(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained.", title: "Rain", publisher: "Daily"), "f"),
                                  (Document(id: "d2", text: "Bo said no."), "f")])
            let (d1, d2) = try { let r = try store.documentRowIDs(); return (r[0], r[1]) }()
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let other = try store.createRun(name: "other", kind: .imported, extractor: "file", version: nil, parameters: nil)
            try store.saveRunOutput(runID: rules.rowID, [(documentRowID: d1, attributions: [claim("r1", 9, 18), claim("r2", 0, 3)])])
            try store.saveRunOutput(runID: other.rowID, [(documentRowID: d1, attributions: [claim("o1", 9, 18)])])
            try store.appendPendingClaims(runID: other.rowID, documentRowID: d2, firstOrdinal: 0, [claim("p1", 0, 2)])
            _ = try store.addClaim(claim("added", 0, 3), runID: rules.rowID, documentRowID: d1, annotator: "ana")
            try store.markDocument(d1, annotator: "zed", runID: rules.rowID, status: "done")
            try store.markDocument(d1, annotator: "ana", runID: rules.rowID, status: "done")
            try store.markDocument(d2, annotator: "ana", runID: rules.rowID, status: "done")
            try store.markDocument(d2, annotator: "ana", runID: rules.rowID, status: "reopened")
            let summaries = try store.documentSummaries()
            #expect(summaries.map { "\($0.docID) \($0.title ?? "-") \($0.publisher ?? "-") \($0.scalarCount) \($0.claims) \($0.doneBy)" }
                == ["d1 Rain Daily 19 4 [\"ana\", \"zed\"]", "d2 - - 11 0 []"])
            #expect(summaries.map(\.rowID) == [d1, d2])
        }
    }

    // MARK: - Runs and their output

    @Test(arguments: StoreBackends.available)
    func runsAreNamedOnceAndListedOldestFirst(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: "1.2", parameters: #"{"a":1}"#)
            #expect("\(rules.name) \(rules.kind) \(rules.extractor) \(rules.version ?? "-") \(rules.parameters ?? "-") \(rules.createdAt) \(rules.documents) \(rules.claims)"
                == #"rules extractor rules 1.2 {"a":1} 2026-11-30T12:00:00.000Z 0 0"#)
            #expect(rules.rowID > 0)
            let gold = try store.createRun(name: "gold:ana", kind: .gold, extractor: "import-gold", version: nil, parameters: nil)
            #expect(gold.rowID > rules.rowID)
            #expect(throws: StoreError.runExists("rules")) {
                try store.createRun(name: "rules", kind: .gold, extractor: "x", version: nil, parameters: nil)
            }
            #expect(try store.runs() == [rules, gold])
            #expect(try store.run(named: "gold:ana") == gold)
            #expect(try store.run(named: "Rules") == nil)
            #expect(try store.runRefs().map { "\($0.rowID) \($0.name) \($0.kind)" } == ["\(rules.rowID) rules extractor", "\(gold.rowID) gold:ana gold"])
            #expect(try store.runRef(named: "gold:ana")?.kind == .gold)
            #expect(try store.runRef(named: "nope") == nil)
            // A ref carries what names the run's maker (compare, report) without the counts.
            #expect(try store.runRef(named: "rules") == RunRef(rowID: rules.rowID, name: "rules", kind: .extractor, extractor: "rules",
                                                               parameters: #"{"a":1}"#, version: "1.2"))
            #expect(try store.runRefs().map(\.version) == ["1.2", nil])
            // Names are matched byte for byte by every lookup, as doc_ids are: the two Unicode forms
            // of one name are two runs, each found by its own bytes only.
            let composed = try store.createRun(name: "caf\u{E9}", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            #expect(try store.run(named: "cafe\u{301}") == nil)
            #expect(try store.runRef(named: "cafe\u{301}") == nil)
            let decomposed = try store.createRun(name: "cafe\u{301}", kind: .gold, extractor: "x", version: nil, parameters: nil)
            #expect(try store.run(named: "cafe\u{301}") == decomposed)
            #expect(try store.run(named: "caf\u{E9}") == composed)
            #expect(try store.runRef(named: "cafe\u{301}")?.rowID == decomposed.rowID)
        }
    }

    @Test(arguments: StoreBackends.available)
    func aRunsOutputIsStoredOncePerDocumentInOrder(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f"), (Document(id: "d2", text: "Bo said no."), "f"),
                                  (Document(id: "d3", text: "Cy said so."), "f")])
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let found = [claim("r1", 9, 18, outlet: "AP", confidence: 0.75), claim("r2", 0, 3, type: nil)]
            #expect(try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[1], attributions: found), (documentRowID: rows[0], attributions: [])]) == 2)
            // A retried batch is skipped whole: its documents are processed already.
            #expect(try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[1], attributions: found)]) == 0)
            #expect(try store.documentRowIDs(processedBy: run.rowID) == [rows[0], rows[1]])
            #expect(try store.documentRowIDs(notProcessedBy: run.rowID) == [rows[2]])
            #expect(try store.pendingDocuments(notProcessedBy: run.rowID).map { "\($0.rowID):\($0.scalars)" } == ["\(rows[2]):11"])
            let stored = try store.attributions(runID: run.rowID, documentRowID: rows[1])
            #expect(stored.map(\.attribution) == found)
            #expect(stored.map { "\($0.ordinal) \($0.origin) \($0.addedBy ?? "-") \($0.createdAt)" }
                == ["0 run - 2026-11-30T12:00:00.000Z", "1 run - 2026-11-30T12:00:00.000Z"])
            #expect(stored.allSatisfy { $0.runID == run.rowID && $0.documentRowID == rows[1] })
            #expect(stored[0].rowID < stored[1].rowID)
            #expect(try store.claimCount(runID: run.rowID) == 2)
            #expect(try store.runs().map { "\($0.name) \($0.documents) \($0.claims)" } == ["rules 2 2"])
            #expect(try store.attribution(rowID: stored[1].rowID) == stored[1])
            #expect(try store.attribution(rowID: stored[1].rowID + 1000) == nil)
            #expect(try store.claimRowIDs(runID: run.rowID, documentRowID: rows[1]) == stored.map(\.rowID))
        }
    }

    @Test(arguments: StoreBackends.available)
    func pendingClaimsStayInvisibleUntilTheirDocumentIsComplete(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "abcdefgh"), "a.txt"), (Document(id: "d2", text: "ijkl"), "b.txt")])
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let rows = try store.documentRowIDs()
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[1], attributions: [claim("x", 0, 1, outlet: "Zed")])])
            #expect(try store.appendPendingClaims(runID: run.rowID, documentRowID: rows[0], firstOrdinal: 0,
                                                  [claim("p0", 0, 1, outlet: "AP", confidence: 0.9), claim("p1", 1, 2)]) == 2)
            #expect(try store.appendPendingClaims(runID: run.rowID, documentRowID: rows[0], firstOrdinal: 2, [claim("p2", 2, 3)]) == 1)
            // No reader sees a pending claim.
            #expect(try store.run(named: "rules")?.claims == 1)
            #expect(try store.claimCount(runID: run.rowID) == 1)
            #expect(try store.attributions(runID: run.rowID, documentRowID: nil).map(\.attribution.id) == ["x"])
            #expect(try store.attributions(runID: nil, documentRowID: rows[0], origin: nil).isEmpty)
            #expect(try store.documentSummaries().map(\.claims) == [0, 1])
            #expect(try store.queuedClaims(runID: run.rowID).map(\.documentRowID) == [rows[1]])
            #expect(try store.queuedClaims(runID: run.rowID, atOrAbove: 0, where: []).isEmpty)
            #expect(try store.nextDocument(runID: run.rowID, after: 0, where: [.outlet("AP")]) == nil)
            #expect(try store.bundles(documentRowIDs: [rows[0]]).first?.claims.isEmpty == true)
            #expect(try store.pendingDocuments(notProcessedBy: run.rowID).map(\.rowID) == [rows[0]])

            try store.completeDocument(runID: run.rowID, documentRowID: rows[0])
            try store.completeDocument(runID: run.rowID, documentRowID: rows[0])
            #expect(try store.claimCount(runID: run.rowID) == 4)
            #expect(try store.attributions(runID: run.rowID, documentRowID: nil).map { "\($0.attribution.id ?? "-"):\($0.ordinal)" }
                == ["p0:0", "p1:1", "p2:2", "x:0"])
            #expect(try store.nextDocument(runID: run.rowID, after: 0, where: [.outlet("AP")]) == rows[0])
            #expect(try store.pendingDocuments(notProcessedBy: run.rowID).isEmpty)
            #expect(throws: StoreError.database(operation: "storing claims", message: "the document is already complete in this run")) {
                try store.appendPendingClaims(runID: run.rowID, documentRowID: rows[0], firstOrdinal: 3, [claim("late", 0, 1)])
            }
            #expect(try store.claimCount(runID: run.rowID) == 4)
        }
    }

    @Test(arguments: StoreBackends.available)
    func anInterruptedDocumentsClaimsAreDiscardedButNeverAnAnalysts(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "abcdefgh"), "a.txt"), (Document(id: "d2", text: "ijkl"), "b.txt")])
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let rows = try store.documentRowIDs()
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[1], attributions: [claim("kept", 0, 1)])])
            _ = try store.addClaim(claim("mine", 1, 2), runID: run.rowID, documentRowID: rows[1], annotator: "ana", note: "seen")
            try store.appendPendingClaims(runID: run.rowID, documentRowID: rows[0], firstOrdinal: 0, (0..<7).map { claim("p\($0)", $0, $0 + 1) })
            #expect(try store.discardIncompleteClaims(runID: run.rowID, chunk: 3) == 7)
            #expect(try store.discardIncompleteClaims(runID: run.rowID) == 0)
            try store.completeDocument(runID: run.rowID, documentRowID: rows[0])
            #expect(try store.attributions(runID: run.rowID, documentRowID: nil, origin: nil).map { $0.attribution.id ?? "-" } == ["kept", "mine"])
        }
    }

    /// `progress`'s total, counted per document in SQL: the run's own claims in its completed
    /// documents; not another run's on the same documents, not an analyst's, not a pending document's.
    @Test(arguments: StoreBackends.available)
    func theClaimCountIsTheRunsOwnClaimsInItsCompletedDocuments(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest((1...4).map { (Document(id: "d\($0)", text: "Ana said it rained."), "f") })
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let other = try store.createRun(name: "other", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            #expect(try store.claimCount(runID: run.rowID) == 0)
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[0], attributions: [claim("a", 9, 18), claim("b", 0, 3)]),
                                                       (documentRowID: rows[1], attributions: []),
                                                       (documentRowID: rows[2], attributions: [claim("c", 9, 18)])])
            try store.saveRunOutput(runID: other.rowID, [(documentRowID: rows[0], attributions: [claim("x", 9, 18)]),
                                                         (documentRowID: rows[3], attributions: [claim("y", 9, 18), claim("z", 0, 3)])])
            try store.appendPendingClaims(runID: run.rowID, documentRowID: rows[3], firstOrdinal: 0, [claim("p", 9, 18)])
            _ = try store.addClaim(claim("mine", 4, 8), runID: run.rowID, documentRowID: rows[2], annotator: "ana")
            #expect(try store.claimCount(runID: run.rowID) == 3)
            #expect(try store.claimCount(runID: other.rowID) == 3)
            try store.completeDocument(runID: run.rowID, documentRowID: rows[3])
            #expect(try store.claimCount(runID: run.rowID) == 4)
            #expect(try store.claimCount(runID: run.rowID + other.rowID + 1) == 0)
        }
    }

    // MARK: - Claims

    @Test(arguments: StoreBackends.available)
    func anAnalystsClaimFollowsTheRunsAndIsLoggedWithIt(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f"), (Document(id: "d2", text: "Bo said no."), "f")])
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: rows[0], attributions: [claim("r1", 9, 18), claim("r2", 0, 3)]),
                                                       (documentRowID: rows[1], attributions: [claim("r3", 0, 2)])])
            let mine = claim("a1", 4, 8, outlet: "Daily", type: .anonymous)
            let (added, logged) = try store.addClaim(mine, runID: run.rowID, documentRowID: rows[0], annotator: "ana", note: "missed")
            #expect(added.attribution == mine)
            #expect("\(added.ordinal) \(added.origin) \(added.addedBy ?? "-") \(added.createdAt)" == "2 added ana 2026-11-30T12:00:00.000Z")
            #expect(logged.entry == ReviewEntry(annotator: "ana", runID: run.rowID, documentRowID: rows[0], attributionID: added.rowID,
                                                action: .add, note: "missed"))
            #expect(logged.createdAt == StoreBackends.clock)
            let (bare, bareLog) = try store.addClaim(claim("a2", 0, 2), runID: run.rowID, documentRowID: rows[1], annotator: "bo")
            #expect(bare.ordinal == 1)
            #expect(bareLog.entry.note == nil)
            #expect(try store.reviewLog(documentRowID: rows[0]) == [logged])

            #expect(try store.attributions(runID: run.rowID, documentRowID: rows[0]).map { $0.attribution.id ?? "-" } == ["r1", "r2", "a1"])
            #expect(try store.attributions(runID: nil, documentRowID: nil).map { $0.attribution.id ?? "-" } == ["r1", "r2", "r3"])
            #expect(try store.attributions(runID: nil, documentRowID: nil, origin: nil).map { $0.attribution.id ?? "-" } == ["r1", "r2", "a1", "r3", "a2"])
            #expect(try store.attributions(runID: run.rowID, documentRowID: nil, origin: .added).map { $0.attribution.id ?? "-" } == ["a1", "a2"])
            #expect(try store.attributions(runID: nil, documentRowID: rows[1], origin: .run).map { $0.attribution.id ?? "-" } == ["r3"])
            // The run's own claims only.
            #expect(try store.claimCount(runID: run.rowID) == 3)
            #expect(try store.queuedClaims(runID: run.rowID).count == 3)
        }
    }

    @Test(arguments: StoreBackends.available)
    func claimsOfSeveralRunsComeByDocumentThenRun(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f"), (Document(id: "d2", text: "Bo said no."), "f")])
            let rows = try store.documentRowIDs()
            let first = try store.createRun(name: "first", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let second = try store.createRun(name: "second", kind: .imported, extractor: "file", version: nil, parameters: nil)
            try store.saveRunOutput(runID: second.rowID, [(documentRowID: rows[1], attributions: [claim("s2", 0, 2)]),
                                                          (documentRowID: rows[0], attributions: [claim("s1", 0, 3)])])
            try store.saveRunOutput(runID: first.rowID, [(documentRowID: rows[0], attributions: [claim("f1", 9, 18), claim("f2", 0, 3)])])
            #expect(try store.attributions(runID: nil, documentRowID: nil).map { $0.attribution.id ?? "-" } == ["f1", "f2", "s1", "s2"])
            #expect(try store.attributions(runID: second.rowID, documentRowID: nil).map { $0.attribution.id ?? "-" } == ["s1", "s2"])
        }
    }

    @Test(arguments: StoreBackends.available)
    func bundlesAndSnapshotsReadADocumentWithItsClaimsAndLog(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let texts = [Document(id: "d1", text: "Ana said it rained.", title: "Rain"), Document(id: "d2", text: "Bo said no.")]
            _ = try store.ingest(texts.map { ($0, "f") })
            let rows = try store.documentRowIDs()
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let other = try store.createRun(name: "other", kind: .imported, extractor: "file", version: nil, parameters: nil)
            try store.saveRunOutput(runID: other.rowID, [(documentRowID: rows[0], attributions: [claim("o1", 0, 3)])])
            try store.saveRunOutput(runID: rules.rowID, [(documentRowID: rows[0], attributions: [claim("r1", 9, 18), claim("r2", 0, 3)]),
                                                         (documentRowID: rows[1], attributions: [])])
            let r1 = try store.attributions(runID: rules.rowID, documentRowID: rows[0])[0]
            let confirm = try store.append(ReviewEntry(annotator: "ana", runID: rules.rowID, documentRowID: rows[0],
                                                       attributionID: r1.rowID, action: .confirm))
            let note = try store.append(ReviewEntry(annotator: "bo", runID: rules.rowID, documentRowID: rows[0],
                                                    attributionID: r1.rowID, action: .note("sure?")))
            let done = try store.markDocument(rows[0], annotator: "ana", runID: rules.rowID, status: "done")

            let bundles = try store.bundles(documentRowIDs: [rows[1], rows[1] + 1000, rows[0]])
            #expect(bundles.map(\.stored.document) == [texts[1], texts[0]])
            #expect(bundles[0].claims.isEmpty && bundles[0].log.isEmpty)
            #expect(bundles[1].claims.map { $0.attribution.id ?? "-" } == ["r1", "r2", "o1"])
            #expect(bundles[1].log == [confirm, note, done])
            #expect(bundles[1].stored == (try store.document(rowID: rows[0])))
            #expect(try store.bundles(documentRowIDs: []).isEmpty)

            let snapshot = try #require(try store.snapshot(documentRowID: rows[0], runID: rules.rowID))
            #expect(snapshot.document == (try store.document(rowID: rows[0])))
            #expect(snapshot.claims == (try store.attributions(runID: rules.rowID, documentRowID: rows[0])))
            #expect(snapshot.claims.map { $0.attribution.id ?? "-" } == ["r1", "r2"])
            #expect(snapshot.log == [confirm, note, done])
            #expect(try store.snapshot(documentRowID: rows[1] + 1000, runID: rules.rowID) == nil)
        }
    }

    // MARK: - The queue

    @Test(arguments: StoreBackends.available)
    func theQueueIsTheRunsOwnClaimsInDocumentOrder(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest((1...4).map { (Document(id: "d\($0)", text: "Ana said it rained."), "f") })
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, [
                (documentRowID: rows[2], attributions: [claim("c1", 0, 3, outlet: "reuters", confidence: 0.95), claim("c2", 0, 3, type: .anonymous, confidence: 0.5)]),
                (documentRowID: rows[0], attributions: [claim("a1", 0, 3, outlet: "Reuters", confidence: 0.2), claim("a2", 0, 3)]),
                (documentRowID: rows[1], attributions: [claim("b1", 0, 3, type: .anonymous, confidence: 0.7)]),
                (documentRowID: rows[3], attributions: []),
            ])
            _ = try store.addClaim(claim("mine", 0, 3, outlet: "Reuters", confidence: 1), runID: run.rowID, documentRowID: rows[1], annotator: "ana")
            let queue = try store.queuedClaims(runID: run.rowID)
            let byID = Dictionary(uniqueKeysWithValues: try store.attributions(runID: run.rowID, documentRowID: nil).map { ($0.rowID, $0.attribution.id ?? "-") })
            #expect(queue.map { byID[$0.rowID] ?? "?" } == ["a1", "a2", "b1", "c1", "c2"])
            #expect(queue.map(\.confidence) == [0.2, nil, 0.7, 0.95, 0.5])
            #expect(queue.map(\.documentRowID) == [rows[0], rows[0], rows[1], rows[2], rows[2]])

            func above(_ threshold: Double, _ conditions: [StoredClaimCondition]) throws -> [String] {
                try store.queuedClaims(runID: run.rowID, atOrAbove: threshold, where: conditions).map { byID[$0.rowID] ?? "?" }
            }
            #expect(try above(0.5, []) == ["b1", "c1", "c2"])
            #expect(try above(0, [.outlet("REUTERS")]) == ["a1", "c1"])
            #expect(try above(0, [.sourceType("anonymous")]) == ["b1", "c2"])
            #expect(try above(0, [.confidenceBelow(0.7)]) == ["a1", "c2"])
            #expect(try above(0, [.confidenceAbove(0.7)]) == ["c1"])
            #expect(try above(0.3, [.sourceType("anonymous"), .confidenceAbove(0.6)]) == ["b1"])
            #expect(try above(0.99, []) == [])

            #expect(try store.nextDocument(runID: run.rowID, after: 0, where: [.outlet("reuters")]) == rows[0])
            // An analyst's claim counts too ("mine", in the second document).
            #expect(try store.nextDocument(runID: run.rowID, after: rows[0], where: .outlet("reuters")) == rows[1])
            #expect(try store.nextDocument(runID: run.rowID, after: rows[1], where: [.outlet("reuters")]) == rows[2])
            #expect(try store.nextDocument(runID: run.rowID, after: rows[2], where: [.outlet("reuters")]) == nil)
            #expect(try store.nextDocument(runID: run.rowID, after: rows[3], backwards: true, where: [.sourceType("anonymous")]) == rows[2])
            #expect(try store.nextDocument(runID: run.rowID, after: rows[2], backwards: true, where: .sourceType("anonymous")) == rows[1])
            #expect(try store.nextDocument(runID: run.rowID, after: rows[1], backwards: true, where: [.sourceType("anonymous")]) == nil)
            #expect(try store.nextDocument(runID: run.rowID, after: 0, where: [.sourceType("anonymous"), .confidenceBelow(0.6)]) == rows[2])
            #expect(try store.nextDocument(runID: run.rowID, after: 0, where: [.confidenceAbove(0.99)]) == rows[1])
        }
    }

    @Test(arguments: StoreBackends.available)
    func outletsAndTagListsAreDistinctAndInByteOrder(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f")])
            let row = try store.documentRowIDs()[0]
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: row, attributions: [
                claim("1", 0, 3, outlet: "Reuters"), claim("2", 0, 3, outlet: "AP"), claim("3", 0, 3, outlet: "ap"),
                claim("4", 0, 3), claim("5", 0, 3, outlet: "Zoë News"), claim("6", 0, 3, outlet: "Zeit"), claim("7", 0, 3, outlet: "AP"),
            ])])
            _ = try store.addClaim(claim("8", 0, 3, outlet: "BBC"), runID: run.rowID, documentRowID: row, annotator: "ana")
            #expect(try store.outlets(limit: 10) == ["AP", "BBC", "Reuters", "Zeit", "Zoë News", "ap"])
            #expect(try store.outlets(limit: 2) == ["AP", "BBC"])

            func entry(_ annotator: String, _ action: ReviewAction) -> ReviewEntry {
                ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: row, attributionID: nil, action: action)
            }
            #expect(try store.tagLists(limit: 10) == [])
            try store.append([entry("ana", .tag(["urgent"])), entry("bo", .tag(["b", "a"])), entry("ana", .untag(["urgent"])),
                              entry("cy", .confirm), entry("bo", .tag(["Urgent"]))])
            #expect(try store.tagLists(limit: 10) == [["Urgent"], ["b", "a"], ["urgent"]])
            #expect(try store.tagLists(limit: 1) == [["Urgent"]])
        }
    }

    // MARK: - The review log

    @Test(arguments: StoreBackends.available)
    func theLogReadsBackAsWrittenPerDocumentAnnotatorAndRun(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f"), (Document(id: "d2", text: "Bo said no."), "f")])
            let rows = try store.documentRowIDs()
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let other = try store.createRun(name: "other", kind: .imported, extractor: "file", version: nil, parameters: nil)
            try store.saveRunOutput(runID: rules.rowID, [(documentRowID: rows[0], attributions: [claim("r1", 9, 18)])])
            let claimID = try store.claimRowIDs(runID: rules.rowID, documentRowID: rows[0])[0]
            let raw = NewAnnotation(annotator: "ana", runID: nil, documentRowID: rows[1], attributionID: nil, action: "note",
                                    note: "'); DROP TABLE annotation; --")
            let first = try store.append(raw)
            #expect(first.entry == raw)
            #expect(first.createdAt == StoreBackends.clock)
            let typed: [ReviewEntry] = [
                ReviewEntry(annotator: "ana", runID: rules.rowID, documentRowID: rows[0], attributionID: claimID, action: .confirm,
                            confidence: .high, tags: ["x"]),
                ReviewEntry(annotator: "bo", runID: rules.rowID, documentRowID: rows[0], attributionID: claimID,
                            action: .correct(FieldChange(field: "outlet", old: .null, new: .string("AP")))),
                ReviewEntry(annotator: "ana", runID: other.rowID, documentRowID: rows[0], attributionID: nil, action: .reject(reason: "dup"),
                            bulk: BulkAcceptance(threshold: 0.9, count: 1)),
                ReviewEntry(annotator: "ana", runID: rules.rowID, documentRowID: rows[0], attributionID: claimID, action: .tag(["ünï", "b"]),
                            adjudication: Adjudication(picked: "bo")),
                ReviewEntry(annotator: "cy", runID: rules.rowID, documentRowID: rows[0], attributionID: claimID, action: .confirm,
                            imported: ImportedReview(status: .confirmed, at: "2026-01-01T00:00:00Z")),
            ]
            let logged = try store.append(typed)
            #expect(logged.map(\.entry) == typed)
            #expect(logged.map(\.id) == logged.map(\.id).sorted() && logged[0].id > first.id)
            let undo = try store.append(ReviewEntry(annotator: "bo", runID: rules.rowID, documentRowID: rows[0], attributionID: claimID,
                                                    action: .undo(of: logged[1].id)))
            #expect(undo.entry.action == .undo(of: logged[1].id))

            #expect(try store.reviewLog(documentRowID: rows[0]) == logged + [undo])
            #expect(try store.reviewLog(documentRowID: rows[0], annotator: "ana") == [logged[0], logged[2], logged[3]])
            #expect(try store.annotations(documentRowID: rows[1]) == [first])
            #expect(try store.annotations(documentRowID: rows[0], annotator: "zed") == [])
            #expect(try store.annotations().map(\.id) == [first.id] + logged.map(\.id) + [undo.id])
            #expect(try store.annotations().first == first)
            #expect(try store.annotations(annotator: "ana", runID: rules.rowID) == [logged[0], logged[3]])
            #expect(try store.annotations(runID: rules.rowID) == [logged[0], logged[1], logged[3], logged[4], undo])
            #expect(try store.annotations(runID: other.rowID) == [logged[2]])
            #expect(try store.annotation(id: logged[1].id)?.entry.action == "correct")
            #expect(try store.annotation(id: logged[1].id)?.entry.fields == #"{"field":"outlet","old":null,"new":"AP"}"#)
            #expect(try store.annotation(id: undo.id)?.entry.target == logged[1].id)
            #expect(try store.annotation(id: undo.id + 1000) == nil)
        }
    }

    @Test(arguments: StoreBackends.available)
    func appendingNeverChangesEarlierEntries(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f")])
            let row = try store.documentRowIDs()[0]
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: row, attributions: [claim("r1", 9, 18)])])
            let claimID = try store.claimRowIDs(runID: run.rowID, documentRowID: row)[0]
            func entry(_ action: ReviewAction, _ who: String = "ana") -> ReviewEntry {
                ReviewEntry(annotator: who, runID: run.rowID, documentRowID: row, attributionID: claimID, action: action)
            }
            var seen: [AnnotationEntry] = []
            var reviews: [DocumentReviewEntry] = []
            func stillThere(_ step: String) throws {
                let now = try store.annotations()
                #expect(Array(now.prefix(seen.count)) == seen, "\(step) changed an earlier entry")
                #expect(now.count > seen.count, "\(step) appended nothing")
                seen = now
            }
            let confirm = try store.append(entry(.confirm))
            try stillThere("append")
            _ = try store.append(entry(.undo(of: confirm.id)), documentStatus: nil)
            try stillThere("undo")
            _ = try store.append(entry(.redo(of: confirm.id)), documentStatus: nil)
            try stillThere("redo")
            try store.markDocument(row, annotator: "ana", runID: run.rowID, status: "done")
            try stillThere("done")
            reviews = try store.documentReviews()
            let reopen = try store.markDocument(row, annotator: "ana", runID: run.rowID, status: "reopened")
            try stillThere("reopen")
            _ = try store.append(entry(.undo(of: reopen.id)), documentStatus: "done")
            try stillThere("undo of reopen")
            _ = try store.addClaim(claim("a1", 0, 3), runID: run.rowID, documentRowID: row, annotator: "bo")
            try stillThere("add")
            try store.append([entry(.confirm, "cy"), entry(.reject(reason: nil), "cy")])
            try stillThere("two at once")
            // The marks keep their history too: the latest per annotator is what `documentReviews` shows.
            #expect(reviews.map(\.status) == ["done"])
            #expect(try store.documentReviews().map { "\($0.annotator) \($0.status)" } == ["ana done"])
            #expect(try store.documentReviews()[0].id > reviews[0].id)
            #expect(seen.map(\.entry.action) == ["confirm", "undo", "redo", "done", "reopen", "undo", "add", "confirm", "reject"])
        }
    }

    @Test(arguments: StoreBackends.available)
    func aRefusedAppendStoresNoneOfItsEntries(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f")])
            let row = try store.documentRowIDs()[0]
            _ = try store.append(NewAnnotation(annotator: "ana", runID: nil, documentRowID: row, attributionID: nil, action: "note", note: "one"))
            let before = try store.annotations()
            #expect(throws: StoreError.nulInValue(table: "annotation", column: "note")) {
                try store.append([NewAnnotation(annotator: "ana", runID: nil, documentRowID: row, attributionID: nil, action: "note", note: "fine"),
                                  NewAnnotation(annotator: "ana", runID: nil, documentRowID: row, attributionID: nil, action: "note", note: "a\u{0}b")])
            }
            #expect(try store.annotations() == before)
        }
    }

    @Test(arguments: StoreBackends.available)
    func oneOperationIsOneTimeAndTheNextALaterOne(_ backend: StoreBackend) throws {
        let ticks = Locked(0)
        let fresh = try backend.fresh(ticking: {
            let n = ticks.withLock { n in
                n += 1
                return n
            }
            return String(format: "2026-11-30T12:00:%02d.000Z", n % 60)
        })
        try withExtendedLifetime(fresh) {
            let store = fresh.store
            _ = try store.ingest([(Document(id: "d1", text: "x"), "f"), (Document(id: "d2", text: "y"), "f")])
            let stored = try store.documents(rowIDs: try store.documentRowIDs())
            #expect(stored[0].ingestedAt == stored[1].ingestedAt)
            let row = stored[0].rowID
            let entries = try store.append((1...3).map { ReviewEntry(annotator: "ana", runID: nil, documentRowID: row, attributionID: nil, action: .note("n\($0)")) })
            #expect(Set(entries.map(\.createdAt)).count == 1)
            let next = try store.append(ReviewEntry(annotator: "ana", runID: nil, documentRowID: row, attributionID: nil, action: .confirm))
            #expect(next.createdAt > entries[0].createdAt)
            #expect(entries[0].createdAt > stored[0].ingestedAt)
            let done = try store.markDocument(row, annotator: "ana", runID: nil, status: "done")
            #expect(try store.documentReviews().map(\.createdAt) == [done.createdAt])
        }
    }

    // MARK: - Done marks and adjudication

    @Test(arguments: StoreBackends.available)
    func doneMarksAreLatestPerAnnotatorAndScopedToTheRun(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest((1...3).map { (Document(id: "d\($0)", text: "Ana said it rained."), "f") })
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let r = run.rowID
            let marked = try store.markDocument(rows[0], annotator: "bo", runID: r, status: "done")
            #expect(marked.entry == ReviewEntry(annotator: "bo", runID: r, documentRowID: rows[0], attributionID: nil, action: .done))
            try store.markDocument(rows[0], annotator: "ana", runID: r, status: "done")
            try store.markDocument(rows[0], annotator: "cy", runID: nil, status: "done")
            try store.markDocument(rows[1], annotator: "bo", runID: r, status: "done")
            try store.markDocument(rows[1], annotator: "ana", runID: r, status: "done")
            let reopened = try store.markDocument(rows[1], annotator: "ana", runID: r, status: "reopened")
            #expect(reopened.entry.action == .reopen)
            try store.markDocument(rows[2], annotator: "zed", runID: r, status: "done")
            try store.markDocument(rows[2], annotator: "ana", runID: r, status: "done")

            #expect(try store.documentReviews().map { "\($0.documentRowID == rows[0] ? 1 : $0.documentRowID == rows[1] ? 2 : 3) \($0.annotator) \($0.status) \($0.runID == nil ? "-" : "run")" }
                == ["1 ana done run", "1 bo done run", "1 cy done -", "2 ana reopened run", "2 bo done run", "3 ana done run", "3 zed done run"])
            let latest = try store.documentReviews()
            #expect(latest.allSatisfy { $0.annotationID != nil && $0.createdAt == StoreBackends.clock })
            let logged = try store.annotations()
            #expect(latest.first { $0.documentRowID == rows[1] && $0.annotator == "ana" }?.annotationID == reopened.id)
            #expect(Set(latest.compactMap(\.annotationID)).isSubset(of: Set(logged.map(\.id))))

            #expect(try store.doneDocumentRowIDs(annotator: "ana", runID: r) == [rows[0], rows[2]])
            #expect(try store.doneDocumentRowIDs(annotator: "cy", runID: r) == [])
            #expect(try store.doneDocumentRowIDs(annotator: "bo", runID: r) == [rows[0], rows[1]])
            let several = try store.documentsDoneBySeveral(runID: r)
            #expect(several.map(\.documentRowID) == [rows[0], rows[2]])
            // In the order of their latest marks, not by name.
            #expect(several.map(\.annotators) == [["bo", "ana"], ["zed", "ana"]])

            // An undo of the reopen restores the mark, in the same transaction as its log entry.
            let undo = try store.append(ReviewEntry(annotator: "ana", runID: r, documentRowID: rows[1], attributionID: nil,
                                                    action: .undo(of: reopened.id)), documentStatus: "done")
            #expect(try store.doneDocumentRowIDs(annotator: "ana", runID: r) == [rows[0], rows[1], rows[2]])
            #expect(try store.documentReviews().first { $0.documentRowID == rows[1] && $0.annotator == "ana" }?.annotationID == undo.id)
            #expect(try store.documentsDoneBySeveral(runID: r).map(\.annotators) == [["bo", "ana"], ["bo", "ana"], ["zed", "ana"]])
            // An undo may restore a mark of another run (a done made while reviewing it): the mark names that run.
            let other = try store.createRun(name: "m1", kind: .extractor, extractor: "model:m1", version: nil, parameters: nil).rowID
            let second = try store.markDocument(rows[2], annotator: "ana", runID: other, status: "done")
            try store.append(ReviewEntry(annotator: "ana", runID: other, documentRowID: rows[2], attributionID: nil,
                                         action: .undo(of: second.id)), documentStatus: "done", markRunID: r)
            #expect(try store.documentReviews().first { $0.documentRowID == rows[2] && $0.annotator == "ana" }.map { "\($0.status) \($0.runID == r)" } == "done true")
            #expect(try store.doneDocumentRowIDs(annotator: "ana", runID: r) == [rows[0], rows[1], rows[2]])
            #expect(try store.documentSummaries().map(\.doneBy) == [["ana", "bo", "cy"], ["ana", "bo"], ["ana", "zed"]])
        }
    }

    /// The documents an annotator holds done from another run's review: the latest mark decides,
    /// a mark without a run counts, and each comes with the asked run's own claims in it.
    @Test(arguments: StoreBackends.available)
    func documentsDoneWhileReviewingAnotherRunComeWithThatRunAndTheirClaims(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest((1...4).map { (Document(id: "d\($0)", text: "Ana said it rained."), "f") })
            let rows = try store.documentRowIDs()
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil).rowID
            let model = try store.createRun(name: "m1", kind: .extractor, extractor: "rules+model", version: nil, parameters: nil).rowID
            try store.saveRunOutput(runID: model, rows.map { (documentRowID: $0, attributions: [claim("a", 0, 3), claim("b", 9, 18)]) })
            // Both runs processed every document (the rules found nothing): only a run's documents count.
            try store.saveRunOutput(runID: rules, rows.map { (documentRowID: $0, attributions: []) })
            _ = try store.addClaim(claim("added", 0, 3), runID: model, documentRowID: rows[0], annotator: "ana")
            try store.markDocument(rows[0], annotator: "ana", runID: rules, status: "done")
            try store.markDocument(rows[1], annotator: "ana", runID: rules, status: "done")
            try store.markDocument(rows[1], annotator: "ana", runID: rules, status: "reopened")
            try store.markDocument(rows[2], annotator: "ana", runID: model, status: "done")
            try store.markDocument(rows[3], annotator: "ana", runID: nil, status: "done")
            try store.markDocument(rows[1], annotator: "bo", runID: rules, status: "done")

            #expect(try store.documentsDoneElsewhere(annotator: "ana", runID: model) == [
                DoneElsewhere(documentRowID: rows[0], runName: "rules", claims: 2),
                DoneElsewhere(documentRowID: rows[3], runName: nil, claims: 2),
            ])
            #expect(try store.documentsDoneElsewhere(annotator: "ana", runID: rules) == [
                DoneElsewhere(documentRowID: rows[2], runName: "m1", claims: 0),
                DoneElsewhere(documentRowID: rows[3], runName: nil, claims: 0),
            ])
            #expect(try store.documentsDoneElsewhere(annotator: "bo", runID: model) == [
                DoneElsewhere(documentRowID: rows[1], runName: "rules", claims: 2),
            ])
            #expect(try store.documentsDoneElsewhere(annotator: "cy", runID: model) == [])
        }
    }

    /// A document done while reviewing another run that `runID` never processed is not among
    /// `runID`'s (the store leaves it out; the session used to, after counting its claims).
    @Test(arguments: StoreBackends.available)
    func documentsDoneElsewhereAreOnlyTheRunsOwn(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest((1...4).map { (Document(id: "d\($0)", text: "Ana said it rained."), "f") })
            let rows = try store.documentRowIDs()
            let rules = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil).rowID
            let model = try store.createRun(name: "m1", kind: .extractor, extractor: "rules+model", version: nil, parameters: nil).rowID
            try store.saveRunOutput(runID: rules, rows.map { (documentRowID: $0, attributions: [claim("r", 0, 3)]) })
            // m1 processed d1 and d3 only; d2 holds an m1 claim an analyst added, d4 nothing of m1.
            try store.saveRunOutput(runID: model, [rows[0], rows[2]].map { (documentRowID: $0, attributions: [claim("a", 0, 3), claim("b", 9, 18)]) })
            _ = try store.addClaim(claim("added", 0, 3), runID: model, documentRowID: rows[1], annotator: "ana")
            for row in rows { try store.markDocument(row, annotator: "ana", runID: rules, status: "done") }
            try store.markDocument(rows[3], annotator: "bo", runID: nil, status: "done")

            #expect(try store.documentsDoneElsewhere(annotator: "ana", runID: model) == [
                DoneElsewhere(documentRowID: rows[0], runName: "rules", claims: 2),
                DoneElsewhere(documentRowID: rows[2], runName: "rules", claims: 2),
            ])
            #expect(try store.documentsDoneElsewhere(annotator: "bo", runID: model) == [])
            #expect(try store.documentsDoneElsewhere(annotator: "bo", runID: rules) == [
                DoneElsewhere(documentRowID: rows[3], runName: nil, claims: 1),
            ])
            // A run that processed nothing has no document done elsewhere.
            let empty = try store.createRun(name: "m2", kind: .extractor, extractor: "rules+model", version: nil, parameters: nil).rowID
            #expect(try store.documentsDoneElsewhere(annotator: "ana", runID: empty) == [])
        }
    }

    // MARK: - Imports

    /// A gold document of one claim that `annotator` confirmed, marked done by them.
    private func goldDocument(_ id: String, text: String, origin: String, run: String = "gold:ana", annotator: String = "ana",
                              outlet: String? = nil) -> GoldImportDocument {
        let a = Attribution(id: "\(id)-1", source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 18)),
                            outlet: outlet, sourceType: .namedPerson, anonymous: false, cluster: "C1")
        let review = ReviewEntry(annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil, action: .confirm,
                                 imported: ImportedReview(status: .confirmed, at: "2026-01-01T00:00:00Z"))
        return GoldImportDocument(document: Document(id: id, text: text), origin: origin, runName: run,
                                  claims: [ImportedClaim(attribution: a, entries: [review])], doneBy: [annotator])
    }

    private func stage(_ store: any StoreContract, _ documents: [GoldImportDocument], run: String = "gold:ana",
                       kind: RunKind = .gold) throws -> ImportStage {
        let stage = try store.makeImportStage()
        try stage.declareRun(name: run, kind: kind, extractor: "import-gold", parameters: "annotator=ana")
        try stage.add(documents)
        return stage
    }

    private func placed(_ list: [ImportCommit.Placed]) -> [String] {
        list.map { "\($0.docID) \($0.origin) \($0.runName)" }
    }

    @Test(arguments: StoreBackends.available)
    func anImportCommitsItsDocumentsClaimsAndReviewsTogether(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "old", text: "Bo said no."), "f")])
            let docs = [goldDocument("g1", text: "Ana said it rained.", origin: "gold.jsonl:1", outlet: "AP"),
                        goldDocument("old", text: "Bo said no.", origin: "gold.jsonl:2")]
            let staged = try stage(store, docs)
            #expect(staged.documents == 2)
            let commit = try store.commit(staged, replace: false)
            #expect(placed(commit.imported) == ["g1 gold.jsonl:1 gold:ana", "old gold.jsonl:2 gold:ana"])
            #expect(commit.unchanged.isEmpty && commit.replaced.isEmpty)
            #expect(commit.newDocuments == 1)
            // The commit says which documents it added, and that the store held others before.
            #expect(commit.imported.map(\.isNewDocument) == [true, false] && commit.storeHeldDocuments)
            #expect(commit.claims == ["gold:ana": 2])
            let g1 = try #require(try store.document(docID: "g1"))
            #expect(commit.imported.map(\.documentRowID) == [g1.rowID, try store.documentRowIDs()[0]])
            #expect(g1.origin == "gold.jsonl:1" && g1.ingestedAt == StoreBackends.clock)

            let run = try #require(try store.run(named: "gold:ana"))
            #expect("\(run.kind) \(run.extractor) \(run.parameters ?? "-") \(run.documents) \(run.claims)" == "gold import-gold annotator=ana 2 2")
            let claims = try store.attributions(runID: run.rowID, documentRowID: g1.rowID)
            #expect(claims.map(\.attribution) == [docs[0].claims[0].attribution])
            let log = try store.reviewLog(documentRowID: g1.rowID)
            #expect(log.map(\.entry) == [
                ReviewEntry(annotator: "ana", runID: run.rowID, documentRowID: g1.rowID, attributionID: claims[0].rowID, action: .confirm,
                            imported: ImportedReview(status: .confirmed, at: "2026-01-01T00:00:00Z")),
                ReviewEntry(annotator: "ana", runID: run.rowID, documentRowID: g1.rowID, attributionID: nil, action: .done),
            ])
            #expect(try store.doneDocumentRowIDs(annotator: "ana", runID: run.rowID) == commit.imported.map(\.documentRowID).sorted())

            // The same file again: nothing changes.
            let before = try store.annotations()
            let again = try store.commit(try stage(store, docs), replace: false)
            #expect(again.imported.isEmpty)
            #expect(placed(again.unchanged) == ["g1 gold.jsonl:1 gold:ana", "old gold.jsonl:2 gold:ana"])
            #expect(again.newDocuments == 0 && again.claims == ["gold:ana": 0])
            #expect(again.unchanged.map(\.isNewDocument) == [false, false] && again.storeHeldDocuments)
            #expect(try store.annotations() == before)
            #expect(try store.runs().map(\.name) == ["gold:ana"])
        }
    }

    @Test(arguments: StoreBackends.available)
    func aChangedReImportIsRefusedWholeUnlessItReplacesTheRun(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let first = [goldDocument("g1", text: "Ana said it rained.", origin: "a.jsonl:1"),
                         goldDocument("g2", text: "Bo said no.", origin: "a.jsonl:2")]
            let into = try store.commit(try stage(store, first), replace: false)
            // Into an empty store: every document is new, and the store held none before.
            #expect(into.imported.map(\.isNewDocument) == [true, true] && !into.storeHeldDocuments)
            let log = try store.annotations()
            let changed = [goldDocument("g1", text: "Ana said it rained.", origin: "b.jsonl:1", outlet: "AP"),
                           goldDocument("g2", text: "Bo said no.", origin: "b.jsonl:2", outlet: "AP"),
                           goldDocument("g3", text: "Cy said so.", origin: "b.jsonl:3")]
            #expect(throws: StoreError.importChangesRun(run: "gold:ana", docID: "g1", origin: "b.jsonl:1", count: 2, keptAs: "gold:ana@v1")) {
                try store.commit(try stage(store, changed), replace: false)
            }
            #expect(try store.documentCount() == 2)
            #expect(try store.annotations() == log)
            #expect(try store.runs().map { "\($0.name) \($0.claims)" } == ["gold:ana 2"])

            let replaced = try store.commit(try stage(store, changed), replace: true)
            #expect(replaced.replaced.map { "\($0.0)>\($0.1)" } == ["gold:ana>gold:ana@v1"])
            #expect(placed(replaced.imported) == ["g1 b.jsonl:1 gold:ana", "g2 b.jsonl:2 gold:ana", "g3 b.jsonl:3 gold:ana"])
            #expect(replaced.newDocuments == 1)
            #expect(replaced.imported.map(\.isNewDocument) == [false, false, true] && replaced.storeHeldDocuments)
            #expect(try store.runs().map { "\($0.name) \($0.claims)" } == ["gold:ana@v1 2", "gold:ana 3"])
            let current = try #require(try store.run(named: "gold:ana"))
            #expect(try store.attributions(runID: current.rowID, documentRowID: nil).map(\.attribution.outlet) == ["AP", "AP", nil])
            #expect(Array(try store.annotations().prefix(log.count)) == log)
        }
    }

    @Test(arguments: StoreBackends.available)
    func anImportConflictingWithTheStoreStoresNothing(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "g2", text: "Bo said no."), "f")])
            _ = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let conflicting = [goldDocument("g1", text: "Ana said it rained.", origin: "c.jsonl:1"),
                               goldDocument("g2", text: "Bo said yes.", origin: "c.jsonl:2")]
            #expect(throws: StoreError.documentConflict(docID: "g2", origin: "c.jsonl:2")) {
                try store.commit(try stage(store, conflicting), replace: false)
            }
            #expect(throws: StoreError.runKindTaken(name: "rules", kind: .extractor)) {
                try store.commit(try stage(store, [goldDocument("g1", text: "Ana said it rained.", origin: "d.jsonl:1", run: "rules")], run: "rules"),
                                 replace: false)
            }
            #expect(ids(try store.documents(rowIDs: try store.documentRowIDs())) == ["g2"])
            #expect(try store.runs().map(\.name) == ["rules"])
            #expect(try store.annotations().isEmpty)
            #expect(try store.documentReviews().isEmpty)
        }
    }

    // MARK: - Links, models, preferences

    @Test(arguments: StoreBackends.available)
    func aLinkRunRoundTripsAndIsReplacedOnlyWhenAsked(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "a", text: "Ana said it rained."), "f"), (Document(id: "b", text: "Ana said it rained."), "f")])
            let rows = try store.documentRowIDs()
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, rows.map { (documentRowID: $0, attributions: [claim("1", 9, 18), claim("2", 0, 3)]) })
            let a = try store.claimRowIDs(runID: run.rowID, documentRowID: rows[0]), b = try store.claimRowIDs(runID: run.rowID, documentRowID: rows[1])
            let links = [StoredLink(a: a[1], b: b[1], cluster: "C2", score: 0.75, reasons: "[]"),
                         StoredLink(a: a[0], b: b[0], cluster: "C1", score: 0.9, reasons: #"[{"kind":"same_source"}]"#)]
            let clusters = [StoredCluster(id: "C2", claimIDs: [a[1], b[1]]), StoredCluster(id: "C1", claimIDs: [b[0], a[0]])]
            #expect(try store.linkRuns() == [])
            let saved = try store.saveLinkRun(name: "L", runID: run.rowID, options: #"{"bands":24}"#, clusters: clusters, links: links)
            #expect("\(saved.name) \(saved.options) \(saved.createdAt) \(saved.clusters) \(saved.links)" == #"L {"bands":24} 2026-11-30T12:00:00.000Z 2 2"#)
            #expect(saved.runID == run.rowID && saved.rowID > 0)
            #expect(try store.linkRuns() == [saved])
            // Stored order kept, claims ascending in each cluster; links by (a, b).
            #expect(try store.linkClusters(linkRunID: saved.rowID) == [StoredCluster(id: "C2", claimIDs: [a[1], b[1]]),
                                                                         StoredCluster(id: "C1", claimIDs: [a[0], b[0]])])
            #expect(try store.links(linkRunID: saved.rowID) == [links[1], links[0]])

            #expect(throws: StoreError.linkRunExists("L")) {
                try store.saveLinkRun(name: "L", runID: run.rowID, options: "{}", clusters: [], links: [])
            }
            let second = try store.saveLinkRun(name: "M", runID: run.rowID, options: "{}", clusters: [], links: [])
            let replaced = try store.saveLinkRun(name: "L", runID: run.rowID, options: "{}", clusters: [StoredCluster(id: "C1", claimIDs: [a[0]])],
                                                 links: [], replace: true)
            #expect(try store.linkRuns().map { "\($0.name) \($0.clusters) \($0.links)" } == ["M 0 0", "L 1 0"])
            #expect(try store.linkRuns().map(\.rowID) == [second.rowID, replaced.rowID])
            #expect(try store.links(linkRunID: replaced.rowID) == [])
            #expect(try store.linkClusters(linkRunID: replaced.rowID) == [StoredCluster(id: "C1", claimIDs: [a[0]])])
        }
    }

    @Test(arguments: StoreBackends.available)
    func linkVerdictsAreTheirLogEntriesOnly(_ backend: StoreBackend) throws {
        try on(backend) { store in
            _ = try store.ingest([(Document(id: "a", text: "Ana said it rained."), "f")])
            let row = try store.documentRowIDs()[0]
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: row, attributions: [claim("1", 9, 18), claim("2", 0, 3)])])
            let c = try store.claimRowIDs(runID: run.rowID, documentRowID: row)
            func entry(_ action: ReviewAction) -> ReviewEntry {
                ReviewEntry(annotator: "ana", runID: run.rowID, documentRowID: row, attributionID: c[0], action: action)
            }
            let logged = try store.append([entry(.same(other: c[1])), entry(.confirm), entry(.different(other: c[1])), entry(.note("hm"))])
            let undo = try store.append(entry(.undo(of: logged[2].id)))
            let redo = try store.append(entry(.redo(of: logged[2].id)))
            #expect(try store.linkVerdictLog() == [logged[0], logged[2], undo, redo])
            #expect(try store.annotation(id: logged[0].id)?.entry.fields == "{\"other\":\(c[1])}")
        }
    }

    @Test(arguments: StoreBackends.available)
    func aModelRoundTripsByteForByteAndIsReplacedOnlyWhenAsked(_ backend: StoreBackend) throws {
        try on(backend) { store in
            let bytes: [UInt8] = Array(0...255) + [0, 0, 10, 13, 255]
            let model = StoredModel(name: "posted", family: "perceptron", bytes: bytes, digest: String(repeating: "ab", count: 32),
                                    provenance: #"{"source":{"kind":"gold"}}"#)
            #expect(try store.models() == [])
            let saved = try store.saveModel(model)
            #expect(saved.createdAt == StoreBackends.clock)
            #expect(try store.model(named: "posted") == saved)
            #expect(try store.model(named: "posted")?.bytes == bytes)
            #expect(try store.model(named: "Posted") == nil)
            #expect(throws: StoreError.modelExists("posted")) {
                try store.saveModel(StoredModel(name: "posted", family: "f", bytes: [2], digest: "d2", provenance: "{}"))
            }
            try store.saveModel(StoredModel(name: "other", family: "f", bytes: [7], digest: "d0", provenance: "{}"), replace: false)
            try store.saveModel(StoredModel(name: "posted", family: "f", bytes: [2, 3], digest: "d2", provenance: "{}"), replace: true)
            #expect(try store.model(named: "posted")?.bytes == [2, 3])
            #expect(try store.models().map { "\($0.name) \($0.family) \($0.size) \($0.digest) \($0.provenance) \($0.createdAt)" }
                == ["other f 1 d0 {} 2026-11-30T12:00:00.000Z", "posted f 2 d2 {} 2026-11-30T12:00:00.000Z"])
        }
    }

    @Test(arguments: StoreBackends.available)
    func aPreferenceIsPerAnalystAndTheLastWriteWins(_ backend: StoreBackend) throws {
        try on(backend) { store in
            #expect(try store.preference("keys", annotator: "ana") == nil)
            try store.setPreference("keys", "on", annotator: "ana")
            try store.setPreference("keys", "off", annotator: "ana")
            try store.setPreference("keys", "on", annotator: "bo")
            try store.setPreference("order", "uncertain", annotator: "ana")
            #expect(try store.preference("keys", annotator: "ana") == "off")
            #expect(try store.preference("keys", annotator: "bo") == "on")
            #expect(try store.preference("order", annotator: "bo") == nil)
            try store.setPreference("keys", nil, annotator: "ana")
            try store.setPreference("never", nil, annotator: "ana")
            #expect(try store.preference("keys", annotator: "ana") == nil)
            #expect(try store.preference("keys", annotator: "bo") == "on")
            #expect(try store.preference("order", annotator: "ana") == "uncertain")
        }
    }

    // MARK: - Maintenance

    @Test(arguments: StoreBackends.available)
    func aFreshStoreIsMigratedSoundAndWritable(_ backend: StoreBackend) throws {
        try on(backend) { store in
            #expect(Array(store.knownMigrations.prefix(4)) == ["v1-core", "v2-completion-indexes", "v3-import-digests", "v4-preferences"])
            #expect(try store.appliedMigrations() == store.knownMigrations)
            #expect(!store.isReadOnly)
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f")])
            #expect(try store.integrityCheck() == "ok")
            #expect(try store.schemaProblems() == [])
            #expect(store.integrityProblems(full: false) == [])
            #expect(store.integrityProblems(full: true) == [])
            #expect(store.foreignKeyProblems() == [])
        }
    }

    @Test(arguments: StoreBackends.available.filter(\.persists))
    func whatACommandWroteIsThereWhenTheStoreIsOpenedAgain(_ backend: StoreBackend) throws {
        let fresh = try backend.fresh()
        try withExtendedLifetime(fresh) {
            let store = fresh.store
            _ = try store.ingest([(Document(id: "d1", text: "Ana said it rained."), "f")])
            let run = try store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: nil, parameters: nil)
            let row = try store.documentRowIDs()[0]
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: row, attributions: [claim("1", 9, 18)])])
            try store.markDocument(row, annotator: "ana", runID: run.rowID, status: "done")
            try store.setPreference("keys", "on", annotator: "ana")
            try store.saveModel(StoredModel(name: "m", family: "f", bytes: [0, 1], digest: "d", provenance: "{}"))
            let (documents, runs, log, summaries) = (try store.documents(rowIDs: [row]), try store.runs(), try store.annotations(),
                                                     try store.documentSummaries())
            let location = store.location
            store.close()
            store.close()
            let reopened = try #require(try fresh.reopen())
            defer { reopened.close() }
            #expect(reopened.location == location)
            #expect(try reopened.documents(rowIDs: [row]) == documents)
            #expect(try reopened.runs() == runs)
            #expect(try reopened.annotations() == log)
            #expect(try reopened.documentSummaries() == summaries)
            #expect(try reopened.preference("keys", annotator: "ana") == "on")
            #expect(try reopened.model(named: "m")?.bytes == [0, 1])
            #expect(try reopened.appliedMigrations() == reopened.knownMigrations)
        }
    }

    @Test(arguments: StoreBackends.available)
    func oneLiveSessionPerAnnotatorAndKind(_ backend: StoreBackend) throws {
        try on(backend) { store in
            var lease = try store.acquireSessionLock(annotator: "ana", kind: "review")
            #expect(lease != nil)
            do {
                _ = try store.acquireSessionLock(annotator: "ana", kind: "review")
                Issue.record("a second review session of ana was not refused")
            } catch let StoreError.sessionOpen(annotator, kind, pid) {
                #expect(annotator == "ana" && kind == "review")
                #expect(pid == nil || pid == ProcessInfo.processInfo.processIdentifier)
            }
            let other = try store.acquireSessionLock(annotator: "bo", kind: "review")
            let adjudication = try store.acquireSessionLock(annotator: "ana", kind: "adjudication")
            #expect(other != nil && adjudication != nil)
            #expect(throws: StoreError.self) { try store.acquireSessionLock(annotator: "ana", kind: "adjudication") }
            lease = nil
            let again = try store.acquireSessionLock(annotator: "ana", kind: "review")
            #expect(again != nil)
            withExtendedLifetime((other, adjudication, again)) {}
        }
    }
}
