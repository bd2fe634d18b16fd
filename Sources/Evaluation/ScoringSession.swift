import ClaimModel

/// Scores documents one at a time and produces the report at the end.
///
/// `Scorer.score(_:)` needs every document in memory at once; a session lets the store stream
/// documents from SQLite (or a benchmark generate them) and keep only the counts and the
/// pairing details. Working buffers are reused from one document to the next.
public struct ScoringSession: Sendable {
    public let match: MatchMode
    /// The grouping `report()` gives: the first of `groupings`, nil when there are none.
    public let grouping: ScoreGrouping?
    /// Every grouping counted, each from the same pairing of a document: `claimdesk report` shows
    /// the scores by source type and by kind of cue, and paired every document twice for them.
    public let groupings: [ScoreGrouping]
    /// Tells cue kinds for `grouping` `.cueKind`.
    public let cueKinds: (any CueKindClassifier)?

    private var total = ScoreTally()
    /// One tally per group, for each of `groupings` in order.
    private var groups: [[String: ScoreTally]]
    private var details: [DocumentDetail] = []
    private var pairing = ContentPairing()
    private var documentIndex = -1

    public init(match: MatchMode = .overlap, groupBy grouping: ScoreGrouping? = nil, cueKinds: (any CueKindClassifier)? = nil) {
        self.init(match: match, groupings: grouping.map { [$0] } ?? [], cueKinds: cueKinds)
    }

    /// A session that counts every grouping of `groupings` (duplicates are counted once).
    public init(match: MatchMode = .overlap, groupings: [ScoreGrouping], cueKinds: (any CueKindClassifier)? = nil) {
        var distinct: [ScoreGrouping] = []
        for g in groupings where !distinct.contains(g) { distinct.append(g) }
        self.match = match
        self.grouping = distinct.first
        self.groupings = distinct
        self.cueKinds = cueKinds
        self.groups = Array(repeating: [:], count: distinct.count)
    }

    /// Pairs and counts one document. Attributions are only ever compared within a document.
    public mutating func add(_ input: ScoringInput) {
        documentIndex += 1
        let tokens = TokenIndex(input.text)
        let gold = input.gold
        let predicted = input.predicted
        pairing.run(gold: gold, predicted: predicted, tokens: tokens, mode: match)
        total.touch(document: documentIndex)

        var detail = DocumentDetail(documentID: input.documentID)
        // Each gold claim's group in each grouping, worked out once (a cue kind reads the cue's text).
        let goldKeys = groupings.map { g in gold.map { g.key(for: $0, in: input.text, cueKinds: cueKinds) } }
        for (index, attribution) in gold.enumerated() {
            let contentTokens = pairing.goldContentTokens[index]
            total.addGold(attribution, tokens: tokens, contentTokens: contentTokens)
            let unmatched = pairing.goldPartner[index] < 0
            if unmatched {
                total.errors.missed += 1
                detail.missed.append(index)
            }
            for g in groupings.indices {
                let key = goldKeys[g][index]
                groups[g][key, default: ScoreTally()].touch(document: documentIndex)
                groups[g][key, default: ScoreTally()].addGold(attribution, tokens: tokens, contentTokens: contentTokens)
                if unmatched { groups[g][key, default: ScoreTally()].errors.missed += 1 }
            }
        }
        for (index, attribution) in predicted.enumerated() {
            let contentTokens = pairing.predictedContentTokens[index]
            total.addPrediction(attribution, tokens: tokens, contentTokens: contentTokens)
            let partner = pairing.predictedPartner[index]
            if partner < 0 {
                total.errors.spurious += 1
                detail.spurious.append(index)
            }
            for (g, grouping) in groupings.enumerated() {
                // A matched prediction is counted where its gold claim belongs.
                let key = partner < 0 ? grouping.key(for: attribution, in: input.text, cueKinds: cueKinds) : goldKeys[g][partner]
                groups[g][key, default: ScoreTally()].touch(document: documentIndex)
                groups[g][key, default: ScoreTally()].addPrediction(attribution, tokens: tokens, contentTokens: contentTokens)
                if partner < 0 { groups[g][key, default: ScoreTally()].errors.spurious += 1 }
            }
        }
        detail.pairs.reserveCapacity(pairing.pairs.count)
        for candidate in pairing.pairs {
            let goldAttribution = gold[candidate.gold]
            let predictedAttribution = predicted[candidate.predicted]
            let source = RoleComparison(goldAttribution.source, predictedAttribution.source, tokens: tokens)
            let cue = RoleComparison(goldAttribution.cue, predictedAttribution.cue, tokens: tokens)
            let content = RoleComparison(goldAttribution.content, predictedAttribution.content, tokens: tokens)
            total.addPair(
                gold: goldAttribution, predicted: predictedAttribution, source: source, cue: cue,
                content: content, mode: match)
            for g in groupings.indices {
                groups[g][goldKeys[g][candidate.gold], default: ScoreTally()].addPair(
                    gold: goldAttribution, predicted: predictedAttribution, source: source, cue: cue,
                    content: content, mode: match)
            }
            detail.pairs.append(
                MatchedPair(
                    gold: candidate.gold, predicted: candidate.predicted, contentJaccard: candidate.jaccard,
                    sourceMatches: source.matches(match), cueMatches: cue.matches(match),
                    boundaryOnly: ScoreTally.isBoundaryOnly(source, cue, content)))
        }
        details.append(detail)
    }

    /// The report over every document added so far, grouped by `grouping` (the first counted).
    public func report() -> ScoreReport { report(groupedBy: grouping) ?? ungrouped }

    /// The same totals and details grouped by `other`, one of `groupings`, or by nothing when
    /// `other` is nil; nil for a grouping that was not counted.
    public func report(groupedBy other: ScoreGrouping?) -> ScoreReport? {
        guard let other else { return ungrouped }
        guard let index = groupings.firstIndex(of: other) else { return nil }
        var report = ungrouped
        report.grouping = other
        report.groups = groups[index].mapValues { $0.report(match: match) }
        return report
    }

    private var ungrouped: ScoreReport {
        var report = total.report(match: match)
        report.details = details
        return report
    }
}
