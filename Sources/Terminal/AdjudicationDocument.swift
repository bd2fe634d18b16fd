import ClaimModel
import Extraction
import Review
import Workbench

/// One document as the adjudicator sees it: every annotator who marked it done, their view of
/// each claim, which claims they dispute, and who adjudicated what.
///
/// Disputes are decided by the gold's own rule (`GoldConsensus`), so that a claim this walk
/// stops on is one that keeps the document out of the gold, and a unanimous one is not:
/// annotators differ when one keeps a claim (a gold verdict) and another rejects it or never judged
/// it, or when all keep it with different fields (source, cue, content, outlet, type, anon, entity).
struct AdjudicationDocument {
    let snapshot: DocumentSnapshot
    let text: ScalarText
    /// The text's sentences, split once per read of the document (the screen's claim sentence,
    /// the correcting verbs' reach and nudges all use them).
    let sentences: SentenceIndex
    /// Who marked the document done, in order of their marks.
    let annotators: [String]
    let adjudicator: String
    /// The claims that can enter the gold: the run's own, plus those one of `annotators` added.
    let claims: [StoredAttribution]
    /// Each annotator's view, folded from their entries that are not adjudications (so that an
    /// annotator who also adjudicates still shows the view they had).
    let views: [String: [Int64: ClaimReview]]
    /// Whose adjudication decides a claim: the author of its last effective adjudication entry.
    let adjudicatedBy: [Int64: String]
    /// The deciding adjudicator's whole view of each adjudicated claim (what the gold takes).
    let finals: [Int64: ClaimReview]
    /// This adjudicator's whole view of every claim they touched (what their next entry changes).
    let mine: [Int64: ClaimReview]
    /// The annotator named in the `picked` field of the last adjudication entry, per claim.
    let picked: [Int64: String]
    /// The gold rule over `claims` and the annotators' views (adjudications aside).
    let consensus: GoldConsensus
    /// The run the gold takes this document's reviews from: the one most of its annotators' standing
    /// done marks (any run) were given in, ties to the older run (`Workspace.goldRunKey`; -1 for
    /// marks without a run). When it is not the run adjudicated, no adjudication here changes the
    /// document's gold.
    let goldRun: Int64?

    init(_ snapshot: DocumentSnapshot, annotators: [String], adjudicator: String) {
        self.snapshot = snapshot
        self.annotators = annotators
        self.adjudicator = adjudicator
        text = ScalarText(snapshot.document.document.text)
        sentences = SentenceIndex(text)
        claims = snapshot.claims.filter { c in
            c.origin != .added || c.addedBy.map { annotators.contains($0) } == true
        }
        var base: [Int64: Attribution] = [:]
        for c in snapshot.claims { base[c.rowID] = c.attribution }
        let ledger = ReviewLedger(snapshot.log)
        goldRun = Workspace.goldRunKey(ledger.standingMarks().values.filter(\.done).map(\.runID))
        var adjudicatedBy: [Int64: String] = [:]
        var picked: [Int64: String] = [:]
        for (claimID, mark) in GoldConsensus.adjudications(in: ledger) {
            adjudicatedBy[claimID] = mark.adjudicator
            picked[claimID] = mark.picked
        }
        self.adjudicatedBy = adjudicatedBy
        self.picked = picked
        let withoutAdjudications = ReviewLedger(snapshot.log.filter { $0.entry.adjudication == nil })
        var views: [String: [Int64: ClaimReview]] = [:]
        for name in annotators { views[name] = withoutAdjudications.reviews(by: name) { base[$0] } }
        self.views = views
        var byAdjudicator: [String: [Int64: ClaimReview]] = [:]
        for name in Set(adjudicatedBy.values).union([adjudicator]) { byAdjudicator[name] = ledger.reviews(by: name) { base[$0] } }
        var finals: [Int64: ClaimReview] = [:]
        for (claimID, name) in adjudicatedBy { finals[claimID] = byAdjudicator[name]?[claimID] }
        self.finals = finals
        mine = byAdjudicator[adjudicator] ?? [:]
        consensus = GoldConsensus(claims: claims.map(\.goldClaim), annotators: annotators, views: views)
    }

    var documentRowID: Int64 { snapshot.document.rowID }
    var docID: String { snapshot.document.document.id }

    func claim(_ id: Int64) -> StoredAttribution? { claims.first { $0.rowID == id } }

    /// An annotator's decision on a claim: nil when they have no (standing) verdict on it.
    func decision(_ name: String, _ claimID: Int64) -> ClaimReview? { consensus.decision(name, claimID) }

    /// Whether the annotator keeps the claim in the gold.
    func keeps(_ name: String, _ claimID: Int64) -> Bool { decision(name, claimID)?.verdict?.isGold == true }

    /// The annotators differ on the claim (as `decideGold` sees it, adjudications aside).
    func isDisputed(_ claimID: Int64) -> Bool {
        guard annotators.count > 1, let claim = claim(claimID) else { return false }
        return consensus.consensus(of: claim.goldClaim) == .disputed
    }

    /// An adjudication decides the claim: its adjudicator's view holds a verdict.
    func isDecided(_ claimID: Int64) -> Bool {
        guard let r = finals[claimID] else { return false }
        return r.verdict != nil && !r.withdrawn
    }

    /// What the annotators differ on: `verdict` (keep or not), then the fields the keepers differ on.
    func differences(_ claimID: Int64) -> [String] {
        var result: [String] = []
        if Set(annotators.map { keeps($0, claimID) }).count > 1 { result.append("verdict") }
        let keepers = annotators.filter { keeps($0, claimID) }.compactMap { views[$0]?[claimID]?.attribution }
        guard keepers.count > 1 else { return result }
        for field in FieldChange.names where Set(keepers.map { FieldChange.encode($0, field: field).serialized }).count > 1 {
            result.append(field)
        }
        return result
    }

    /// The claim as this adjudicator now has it (the stored claim until they change it).
    func adjudicatorAttribution(_ claim: StoredAttribution) -> Attribution {
        mine[claim.rowID]?.attribution ?? claim.attribution
    }
}
