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
    /// corrected) plus the added ones. With `annotator`, only that annotator's; otherwise a document
    /// done by several annotators counts only where their gold agrees.
    public func goldFromAnnotations(annotator: String? = nil) throws(WorkbenchError) -> GoldSelection {
        let reviews = try db { () throws(StoreError) in try store.documentReviews() }
            .filter { $0.status == "done" && (annotator == nil || $0.annotator == annotator) }
        var byDocument: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews { byDocument[r.documentRowID, default: []].append(r) }
        let total = try db { () throws(StoreError) in try store.documentCount() }
        var selection = GoldSelection(documents: [], disagreements: [], totalDocuments: total, reviewedClaims: 0, claimsInDoneDocuments: 0)
        for documentRowID in byDocument.keys.sorted() {
            guard let stored = try db({ () throws(StoreError) in try store.document(rowID: documentRowID) }) else { continue }
            let log = ReviewLedger(try db { () throws(StoreError) in try store.annotations(documentRowID: documentRowID) })
            var versions: [(String, [Attribution])] = []
            for review in byDocument[documentRowID] ?? [] {
                let gold = try goldOf(review, stored: stored, log: log, tally: &selection)
                versions.append((review.annotator, gold))
            }
            guard let first = versions.first else { continue }
            let agree = versions.allSatisfy { Self.sameGold($0.1, first.1) }
            if agree {
                selection.documents.append(GoldDocument(stored: stored, attributions: first.1, annotators: versions.map(\.0)))
            } else {
                selection.disagreements.append(stored.document.id)
            }
        }
        return selection
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
