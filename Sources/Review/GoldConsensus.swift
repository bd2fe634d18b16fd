import ClaimModel

/// A claim as the gold rule needs it: its id, its stored fields, and who added it (nil for a claim
/// of the extractor's run).
public struct GoldClaim: Sendable, Equatable {
    public var id: Int64
    public var attribution: Attribution
    /// Added by an analyst (`add`) rather than found by the run.
    public var isAdded: Bool
    public var addedBy: String?

    public init(id: Int64, attribution: Attribution, isAdded: Bool, addedBy: String?) {
        self.id = id
        self.attribution = attribution
        self.isAdded = isAdded
        self.addedBy = addedBy
    }
}

/// How several annotators' views of one claim combine, adjudication aside.
public enum Consensus: Sendable, Equatable {
    /// Nobody keeps it (rejected, withdrawn or never judged by all).
    case agreedOut
    /// Everyone keeps it with the same fields: this view.
    case agreedKeep(ClaimReview)
    case disputed
}

/// The claims a gold takes from one document, and how many of them somebody judged.
public struct GoldOutcome: Sendable {
    /// nil when the annotators differ on a claim nobody adjudicated (the document stays out).
    public var gold: [Attribution]?
    /// Claims that can enter the gold (the run's own and those the document's annotators added).
    public var claims: Int
    /// Of those, the claims carrying somebody's verdict (or an adjudication).
    public var reviewed: Int
    /// Gold claims whose deciding verdict came from `accept-above` (none read one by one).
    public var bulkAccepted: Int = 0
    /// The lowest confidence they were bulk-accepted at, where the log knows it.
    public var bulkThreshold: Double?

    /// Counts a gold claim decided by `review`.
    mutating func count(_ review: ClaimReview) {
        guard review.bulk else { return }
        bulkAccepted += 1
        if let t = review.bulkThreshold { bulkThreshold = min(bulkThreshold ?? t, t) }
    }
}

/// The gold rule of one document marked done by `annotators`: each claim is decided by their
/// unanimous view or, where they differ, by an adjudication (an entry marked as one, with a
/// verdict); the same rule tells `adjudicate` which claims it must stop on.
public struct GoldConsensus: Sendable {
    public let claims: [GoldClaim]
    public let annotators: [String]
    /// Each annotator's view of the claims they touched.
    public let views: [String: [Int64: ClaimReview]]
    /// Per annotator, the fields of every claim they added and keep.
    public let addedKeys: [String: Set<String>]

    /// `views` from the whole log; with `excludingAdjudications`, from the entries that are not
    /// adjudications (an annotator who also adjudicates keeps the view they had).
    public init(claims: [GoldClaim], annotators: [String], log: ReviewLedger, excludingAdjudications: Bool = false) {
        let ledger = excludingAdjudications ? ReviewLedger(log.entries.filter { $0.entry.adjudication == nil }) : log
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.id] = c.attribution }
        var views: [String: [Int64: ClaimReview]] = [:]
        for name in annotators { views[name] = ledger.reviews(by: name) { base[$0] } }
        self.init(claims: claims, annotators: annotators, views: views)
    }

    public init(claims: [GoldClaim], annotators: [String], views: [String: [Int64: ClaimReview]]) {
        self.claims = claims
        self.annotators = annotators
        self.views = views
        addedKeys = Self.addedKeys(claims: claims, annotators: annotators) { name, claimID in
            views[name]?[claimID]?.standing
        }
    }

    /// An annotator's standing review of a claim: nil when they have no verdict on it.
    public func decision(_ name: String, _ claimID: Int64) -> ClaimReview? { views[name]?[claimID]?.standing }

    /// How the annotators' views of `claim` combine.
    public func consensus(of claim: GoldClaim) -> Consensus {
        Self.consensus(of: claim, annotators: annotators, decisions: annotators.map { decision($0, claim.id) },
                       addedKeys: addedKeys)
    }

    /// Who decides each adjudicated claim: the author of its last effective adjudication entry,
    /// with the annotator that entry picked (if it was a pick).
    public static func adjudications(in log: ReviewLedger) -> [Int64: (adjudicator: String, picked: String?)] {
        var result: [Int64: (adjudicator: String, picked: String?)] = [:]
        for e in log.effective {
            guard let claimID = e.entry.attributionID, let mark = e.entry.adjudication else { continue }
            result[claimID] = (e.entry.annotator, mark.picked)
        }
        return result
    }

    /// The gold of the document. `log` is the document's whole log (for adjudications); with
    /// `useAdjudication` false, only the annotators' unanimous views count.
    public func decide(log: ReviewLedger, useAdjudication: Bool) -> GoldOutcome {
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.id] = c.attribution }
        var adjudicated: [Int64: String] = [:]
        if useAdjudication {
            for (claimID, mark) in Self.adjudications(in: log) { adjudicated[claimID] = mark.adjudicator }
        }
        var adjudicatorViews: [String: [Int64: ClaimReview]] = [:]
        for name in Set(adjudicated.values) { adjudicatorViews[name] = log.reviews(by: name) { base[$0] } }
        // An adjudication decides only once it has a verdict (a correction alone is work in progress).
        adjudicated = adjudicated.filter { claimID, name in adjudicatorViews[name]?[claimID]?.verdict != nil }

        var emittedAdded: Set<String> = []
        var gold: [Attribution] = []
        var outcome = GoldOutcome(gold: nil, claims: 0, reviewed: 0)
        for c in claims {
            if c.isAdded, let author = c.addedBy, !annotators.contains(author), adjudicated[c.id] == nil { continue }
            // A claim its author added and then undid is no claim of the document: it counts
            // neither among the claims nor among the reviewed.
            if c.isAdded, let author = c.addedBy, views[author]?[c.id]?.withdrawn == true, adjudicated[c.id] == nil { continue }
            outcome.claims += 1
            if let adjudicator = adjudicated[c.id] {
                outcome.reviewed += 1
                if let r = adjudicatorViews[adjudicator]?[c.id], let verdict = r.verdict, verdict.isGold, !r.withdrawn {
                    var a = r.attribution
                    a.review = r.review
                    a.review?.adjudication = true
                    outcome.count(r)
                    // Every annotator's own view travels with an adjudicated claim.
                    a.otherReviews = annotators.compactMap { name in
                        decision(name, c.id).flatMap { Self.otherReview($0, against: a) }
                    }
                    gold.append(a)
                }
                continue
            }
            let decisions = annotators.map { decision($0, c.id) }
            if decisions.contains(where: { $0 != nil }) { outcome.reviewed += 1 }
            switch Self.consensus(of: c, annotators: annotators, decisions: decisions, addedKeys: addedKeys) {
            case .disputed:
                return outcome
            case .agreedOut:
                continue
            case let .agreedKeep(r):
                if c.isAdded {
                    // Several annotators adding the same missed claim give it once.
                    guard emittedAdded.insert(Self.attributionKey(r.attribution)).inserted else { continue }
                }
                outcome.count(r)
                var a = r.attribution
                a.review = r.review
                // The others agree on the fields; their reviews travel where they differ otherwise.
                a.otherReviews = annotators.compactMap { name in
                    guard name != r.annotator, let theirs = decision(name, c.id),
                          let other = Self.otherReview(theirs, against: a) else { return nil }
                    var same = other
                    same.annotator = a.review?.annotator
                    return same == a.review ? nil : other
                }
                gold.append(a)
            }
        }
        outcome.gold = gold
        return outcome
    }

    /// An annotator's review as a gold export carries it beside the deciding one: with the
    /// correctable fields where their view differs from `gold`.
    public static func otherReview(_ view: ClaimReview, against gold: Attribution) -> Review? {
        guard var review = view.review else { return nil }
        var changes: [(String, JSONValue)] = []
        for field in FieldChange.names {
            let theirs = FieldChange.encode(view.attribution, field: field)
            if theirs != FieldChange.encode(gold, field: field) { changes.append((field, theirs)) }
        }
        review.changes = changes.isEmpty ? nil : .object(changes)
        return review
    }

    /// The one rule for "annotators differ", used by the gold and by `adjudicate`: one keeps a claim
    /// and another does not, or all keep it with different fields. A claim one annotator added is
    /// agreed when every annotator added (and keeps) a claim with the same fields.
    /// `decisions` are the annotators' standing reviews of the claim, in `annotators`' order.
    public static func consensus(of claim: GoldClaim, annotators: [String], decisions: [ClaimReview?],
                                 addedKeys: [String: Set<String>]) -> Consensus {
        if decisions.count == 1 {
            guard let r = decisions[0], r.verdict?.isGold == true else { return .agreedOut }
            return .agreedKeep(r)
        }
        if claim.isAdded, let author = claim.addedBy, let index = annotators.firstIndex(of: author) {
            guard let r = decisions[index], r.verdict?.isGold == true else { return .agreedOut }
            let key = attributionKey(r.attribution)
            return annotators.allSatisfy { addedKeys[$0]?.contains(key) == true } ? .agreedKeep(r) : .disputed
        }
        let kept = decisions.map { $0?.verdict?.isGold == true }
        if Set(kept).count > 1 { return .disputed }
        guard kept.first == true, let first = decisions.first ?? nil else { return .agreedOut }
        let keys = Set(decisions.compactMap { $0.map { attributionKey($0.attribution) } })
        return keys.count == 1 ? .agreedKeep(first) : .disputed
    }

    /// Per annotator, the fields of every claim they added and keep.
    public static func addedKeys(claims: [GoldClaim], annotators: [String],
                                 decision: (String, Int64) -> ClaimReview?) -> [String: Set<String>] {
        var keys: [String: Set<String>] = [:]
        guard annotators.count > 1 else { return keys }
        for c in claims where c.isAdded {
            guard let author = c.addedBy, annotators.contains(author), let r = decision(author, c.id),
                  r.verdict?.isGold == true else { continue }
            keys[author, default: []].insert(attributionKey(r.attribution))
        }
        return keys
    }

    /// Every correctable field of a claim in one string: two claims with equal keys agree.
    public static func attributionKey(_ x: Attribution) -> String {
        "\(x.source?.description ?? "-")|\(x.cue?.description ?? "-")|\(x.content?.description ?? "-")|\(x.outlet ?? "-")|\(x.sourceType?.rawValue ?? "-")|\(x.anonymous.map { "\($0)" } ?? "-")|\(x.sourceEntity ?? "-")"
    }
}
