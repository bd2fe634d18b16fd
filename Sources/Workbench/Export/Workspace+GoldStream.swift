import ClaimModel
import ClaimStore

/// What a walk over the gold saw, beside the documents it handed out.
public struct GoldWalkSummary: Sendable, Equatable {
    public var documents = 0
    public var attributions = 0
    /// doc_ids left out because their annotators disagree and nothing is adjudicated.
    public var disagreements: [String] = []
    /// doc_ids taken from reviews of documents not marked done (`includePartial`).
    public var partial: [String] = []
    public var totalDocuments = 0
    public var reviewedClaims = 0
    public var claimsInDoneDocuments = 0
}

extension Workspace {
    /// Hands out the analysts' gold one document at a time, in ingestion order, holding only that
    /// document in memory: the same selection as `goldFromAnnotations` (documents marked done;
    /// with `annotator`, only theirs; disagreeing documents left out), so that export and `score`
    /// agree. With `includePartial`, documents nobody marked done but with reviewed claims follow
    /// the same rule, each annotator's reviews so far counting as their gold. `eachLog` sees the
    /// log of every document marked done (the card's agreement figures come from it).
    @discardableResult
    public func forEachGoldDocument(
        annotator: String? = nil, includePartial: Bool = false,
        eachLog: ((ReviewLedger, Int64) throws(WorkbenchError) -> Void)? = nil,
        _ body: (GoldDocument) throws(WorkbenchError) -> Void
    ) throws(WorkbenchError) -> GoldWalkSummary {
        let reviews = try db { () throws(StoreError) in try store.documentReviews() }
            .filter { $0.status == "done" && (annotator == nil || $0.annotator == annotator) }
        var byDocument: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews { byDocument[r.documentRowID, default: []].append(r) }
        var selection = GoldSelection(documents: [], disagreements: [], totalDocuments: 0, reviewedClaims: 0, claimsInDoneDocuments: 0)
        var summary = GoldWalkSummary()
        summary.totalDocuments = try db { () throws(StoreError) in try store.documentCount() }
        let order = includePartial
            ? try db { () throws(StoreError) in try store.documentRowIDs() }
            : byDocument.keys.sorted()
        for documentRowID in order {
            let done = byDocument[documentRowID] ?? []
            guard let stored = try db({ () throws(StoreError) in try store.document(rowID: documentRowID) }) else { continue }
            let log = ReviewLedger(try db { () throws(StoreError) in try store.annotations(documentRowID: documentRowID) })
            if !done.isEmpty { try eachLog?(log, documentRowID) }
            if !done.isEmpty {
                // The same decision as `goldFromAnnotations`, claim by claim (unanimity or adjudication).
                var claims: [StoredAttribution] = []
                for runID in Set(done.compactMap(\.runID)).sorted() {
                    claims += try db { () throws(StoreError) in try store.attributions(runID: runID, documentRowID: documentRowID) }
                }
                guard let gold = Self.decideGold(claims: claims, annotators: done.map(\.annotator), log: log,
                                                 useAdjudication: annotator == nil, tally: &selection) else {
                    summary.disagreements.append(stored.document.id)
                    continue
                }
                summary.documents += 1
                summary.attributions += gold.count
                try body(GoldDocument(stored: stored, attributions: gold, annotators: done.map(\.annotator)))
                continue
            }
            guard includePartial else { continue }
            var versions: [(String, [Attribution])] = []
            var scratch = selection
            for (name, runID) in Self.reviewers(in: log, annotator: annotator) {
                let before = scratch.reviewedClaims
                let gold = try partialGold(annotator: name, runID: runID, stored: stored, log: log, tally: &scratch)
                if scratch.reviewedClaims > before { versions.append((name, gold)) }
            }
            guard let first = versions.first else { continue }
            summary.partial.append(stored.document.id)
            guard versions.allSatisfy({ Self.sameGold($0.1, first.1) }) else {
                summary.disagreements.append(stored.document.id)
                continue
            }
            summary.documents += 1
            summary.attributions += first.1.count
            try body(GoldDocument(stored: stored, attributions: first.1, annotators: versions.map(\.0)))
        }
        summary.reviewedClaims = selection.reviewedClaims
        summary.claimsInDoneDocuments = selection.claimsInDoneDocuments
        return summary
    }

    /// Who reviewed claims of which run in a document, in order of their first entry.
    static func reviewers(in log: ReviewLedger, annotator: String?) -> [(String, Int64)] {
        var seen: [(String, Int64)] = []
        for e in log.effective where e.entry.attributionID != nil {
            guard let runID = e.entry.runID, annotator == nil || e.entry.annotator == annotator else { continue }
            if !seen.contains(where: { $0.0 == e.entry.annotator && $0.1 == runID }) { seen.append((e.entry.annotator, runID)) }
        }
        return seen
    }

    /// `goldOf` for a document nobody marked done: the annotator's verdicts so far.
    func partialGold(annotator: String, runID: Int64, stored: StoredDocument, log: ReviewLedger,
                     tally: inout GoldSelection) throws(WorkbenchError) -> [Attribution] {
        let claims = try db { () throws(StoreError) in try store.attributions(runID: runID, documentRowID: stored.rowID) }
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.rowID] = c.attribution }
        let reviews = log.reviews(by: annotator) { base[$0] }
        var gold: [Attribution] = []
        for c in claims {
            if c.origin == .added && c.addedBy != annotator { continue }
            guard let r = reviews[c.rowID], let verdict = r.verdict, !r.withdrawn else { continue }
            tally.reviewedClaims += 1
            if verdict.isGold {
                var a = r.attribution
                a.review = r.review
                gold.append(a)
            }
        }
        return gold
    }
}
