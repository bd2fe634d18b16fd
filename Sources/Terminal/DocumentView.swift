import ClaimModel
import Review
import Workbench

/// One document as one analyst reviews it: its claims with their corrections applied, folded
/// from the log, and the claims that are in this analyst's queue.
struct DocumentView {
    private(set) var snapshot: DocumentSnapshot
    let text: ScalarText
    private(set) var ledger: ReviewLedger
    let annotator: String
    /// This analyst's review of each claim they touched.
    private(set) var reviews: [Int64: ClaimReview]
    /// The run's claims plus those this analyst added (and did not withdraw), in order.
    let visible: [StoredAttribution]
    private let base: [Int64: Attribution]

    init(_ snapshot: DocumentSnapshot, annotator: String) {
        self.snapshot = snapshot
        self.annotator = annotator
        text = ScalarText(snapshot.document.document.text)
        ledger = ReviewLedger(snapshot.log)
        var base: [Int64: Attribution] = [:]
        for c in snapshot.claims { base[c.rowID] = c.attribution }
        self.base = base
        let reviews = ledger.reviews(by: annotator) { base[$0] }
        self.reviews = reviews
        visible = snapshot.claims.filter { c in
            c.origin == .run || (c.addedBy == annotator && reviews[c.rowID]?.withdrawn != true)
        }
    }

    /// Takes in this analyst's newest entry on a claim of the document (a verdict): the fold's
    /// next step, so that the session learns what the entry did without reading the document again.
    mutating func record(_ e: LoggedReview) {
        snapshot.log.append(e)
        ledger = ReviewLedger(snapshot.log)
        guard e.entry.annotator == annotator, !e.entry.action.isBookkeeping, let claimID = e.entry.attributionID,
              let original = base[claimID] else { return }
        var review = reviews[claimID] ?? ClaimReview(claimID: claimID, annotator: annotator, attribution: original)
        review.apply(e)
        reviews[claimID] = review
    }

    /// Takes in several new entries of this analyst at once (an `accept-above`, or the undo or redo
    /// of one): one fold of the document's log for all of them, however many they are.
    mutating func record(batch entries: [LoggedReview]) {
        snapshot.log += entries
        ledger = ReviewLedger(snapshot.log)
        let base = self.base
        reviews = ledger.reviews(by: annotator) { base[$0] }
    }

    var documentRowID: Int64 { snapshot.document.rowID }
    var docID: String { snapshot.document.document.id }

    func index(ofClaim id: Int64) -> Int? { visible.firstIndex { $0.rowID == id } }

    /// The visible claim whose content starts nearest that of claim `id`, one no longer visible
    /// (an addition just withdrawn by `undo`): where the analyst was working, not the list's end.
    func indexNearest(toClaim id: Int64) -> Int? {
        func start(_ a: Attribution?) -> Int? { (a?.content ?? a?.source ?? a?.cue)?.hull.start }
        guard let at = start(base[id]) else { return nil }
        // Distance to each claim as the analyst sees it (corrections applied); a claim with no span last.
        func distance(_ i: Int) -> Int { start(attribution(visible[i])).map { abs($0 - at) } ?? .max }
        return visible.indices.min { distance($0) < distance($1) }
    }

    /// The claim as this analyst sees it (their corrections applied).
    func attribution(_ claim: StoredAttribution) -> Attribution {
        reviews[claim.rowID]?.attribution ?? claim.attribution
    }

    func review(_ claim: StoredAttribution) -> ClaimReview? { reviews[claim.rowID] }

    func isReviewed(_ claim: StoredAttribution) -> Bool {
        guard let r = reviews[claim.rowID] else { return false }
        return r.verdict != nil && !r.withdrawn
    }

    func admits(_ claim: StoredAttribution, _ filter: QueueFilter?, unreviewedOnly: Bool) -> Bool {
        if unreviewedOnly && isReviewed(claim) { return false }
        guard let filter else { return true }
        return filter.admits(attribution(claim), review: review(claim))
    }

    /// Every annotator's review of a claim (for `show --all`), annotators in order of their first entry.
    func allReviews(of claim: StoredAttribution) -> [ClaimReview] {
        ledger.annotators.compactMap { name in
            ledger.reviews(by: name) { base[$0] }[claim.rowID]
        }
    }

    /// The extent of every role of a claim, as one span.
    static func extent(_ a: Attribution) -> Span? {
        let hulls = [a.source, a.cue, a.content].compactMap { $0?.hull }
        guard let first = hulls.first else { return nil }
        return hulls.dropFirst().reduce(first) { Span(min($0.start, $1.start), max($0.end, $1.end)) }
    }
}
