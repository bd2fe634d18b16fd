import ClaimModel
import ClaimStore

/// One document's gold attributions and where they came from.
public struct GoldDocument: Sendable {
    public var stored: StoredDocument
    public var attributions: [Attribution]
    /// The annotators whose review gives this gold.
    public var annotators: [String]
}

/// The gold the analysts' annotations give: documents marked done, minus those left out.
public struct GoldSelection: Sendable {
    public var documents: [GoldDocument]
    /// doc_ids marked done by several annotators who disagree, with nothing adjudicated.
    public var disagreements: [String]
    public var totalDocuments: Int
    /// Claims in done documents that carry a verdict / all claims in done documents.
    public var reviewedClaims: Int
    public var claimsInDoneDocuments: Int
}

extension Workspace {
    /// Gold from annotations: per document marked done, the confirmed and corrected claims (as
    /// corrected) plus the added ones. With `annotator`, only that annotator's. Otherwise, where
    /// several annotators marked a document done, each claim is decided by their unanimous view or,
    /// where they differ, by an adjudication (an entry whose fields say `"adjudication": true`);
    /// a document with a difference nobody adjudicated is listed and left out.
    public func goldFromAnnotations(annotator: String? = nil) throws(WorkbenchError) -> GoldSelection {
        let reviews = try db { () throws(StoreError) in try store.documentReviews() }
            .filter { $0.status == "done" && (annotator == nil || $0.annotator == annotator) }
        var byDocument: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews { byDocument[r.documentRowID, default: []].append(r) }
        let total = try db { () throws(StoreError) in try store.documentCount() }
        var selection = GoldSelection(documents: [], disagreements: [], totalDocuments: total, reviewedClaims: 0, claimsInDoneDocuments: 0)
        for documentRowID in byDocument.keys.sorted() {
            guard let stored = try db({ () throws(StoreError) in try store.document(rowID: documentRowID) }) else { continue }
            let done = byDocument[documentRowID] ?? []
            let log = ReviewLedger(try db { () throws(StoreError) in try store.annotations(documentRowID: documentRowID) })
            var claims: [StoredAttribution] = []
            for runID in Set(done.compactMap(\.runID)).sorted() {
                claims += try db { () throws(StoreError) in try store.attributions(runID: runID, documentRowID: documentRowID) }
            }
            if let gold = Self.decideGold(claims: claims, annotators: done.map(\.annotator), log: log,
                                          useAdjudication: annotator == nil, tally: &selection) {
                selection.documents.append(GoldDocument(stored: stored, attributions: gold, annotators: done.map(\.annotator)))
            } else {
                selection.disagreements.append(stored.document.id)
            }
        }
        return selection
    }

    /// The gold of one document, or nil when its annotators differ on a claim nobody adjudicated.
    static func decideGold(claims: [StoredAttribution], annotators: [String], log: ReviewLedger,
                           useAdjudication: Bool, tally: inout GoldSelection) -> [Attribution]? {
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.rowID] = c.attribution }
        var views: [String: [Int64: ClaimReview]] = [:]
        for name in annotators { views[name] = log.reviews(by: name) { base[$0] } }
        var adjudicated: [Int64: String] = [:]
        if useAdjudication {
            for e in log.effective {
                guard let claimID = e.entry.attributionID, let fields = e.entry.fields,
                      case .bool(true)? = JSONValue(parsing: fields)?["adjudication"] else { continue }
                adjudicated[claimID] = e.entry.annotator
            }
        }
        var adjudicatorViews: [String: [Int64: ClaimReview]] = [:]
        for name in Set(adjudicated.values) { adjudicatorViews[name] = log.reviews(by: name) { base[$0] } }

        var gold: [Attribution] = []
        for c in claims {
            if c.origin == .added, let author = c.addedBy, !annotators.contains(author), adjudicated[c.rowID] == nil { continue }
            tally.claimsInDoneDocuments += 1
            if let adjudicator = adjudicated[c.rowID] {
                tally.reviewedClaims += 1
                if let r = adjudicatorViews[adjudicator]?[c.rowID], let verdict = r.verdict, verdict.isGold, !r.withdrawn {
                    var a = r.attribution
                    a.review = r.review
                    gold.append(a)
                }
                continue
            }
            let decisions = annotators.map { name -> ClaimReview? in
                guard let r = views[name]?[c.rowID], let verdict = r.verdict, !r.withdrawn else { return nil }
                _ = verdict
                return r
            }
            if decisions.contains(where: { $0 != nil }) { tally.reviewedClaims += 1 }
            let keys = decisions.map { r -> String in
                guard let r, let verdict = r.verdict, verdict.isGold else { return "out" }
                return attributionKey(r.attribution)
            }
            guard Set(keys).count == 1 else { return nil }
            if keys[0] != "out", let r = decisions[0] {
                var a = r.attribution
                a.review = r.review
                gold.append(a)
            }
        }
        return gold
    }

    static func attributionKey(_ x: Attribution) -> String {
        "\(x.source?.description ?? "-")|\(x.cue?.description ?? "-")|\(x.content?.description ?? "-")|\(x.outlet ?? "-")|\(x.sourceType?.rawValue ?? "-")|\(x.anonymous.map { "\($0)" } ?? "-")|\(x.sourceEntity ?? "-")"
    }

    func goldOf(_ review: DocumentReviewEntry, stored: StoredDocument, log: ReviewLedger,
                tally: inout GoldSelection) throws(WorkbenchError) -> [Attribution] {
        var claims: [StoredAttribution] = []
        if let runID = review.runID {
            claims = try db { () throws(StoreError) in try store.attributions(runID: runID, documentRowID: stored.rowID) }
        }
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.rowID] = c.attribution }
        let reviews = log.reviews(by: review.annotator) { base[$0] }
        var gold: [Attribution] = []
        for c in claims {
            if c.origin == .added && c.addedBy != review.annotator { continue }
            tally.claimsInDoneDocuments += 1
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

    static func sameGold(_ a: [Attribution], _ b: [Attribution]) -> Bool {
        func key(_ x: Attribution) -> String {
            "\(x.source?.description ?? "-")|\(x.cue?.description ?? "-")|\(x.content?.description ?? "-")|\(x.outlet ?? "-")|\(x.sourceType?.rawValue ?? "-")|\(x.anonymous.map { "\($0)" } ?? "-")"
        }
        return a.map(key).sorted() == b.map(key).sorted()
    }

}
