import ClaimModel

/// Scores documents one at a time and produces the report at the end.
///
/// `Scorer.score(_:)` needs every document in memory at once; a session lets the store stream
/// documents from SQLite (or a benchmark generate them) and keep only the counts and the
/// pairing details. Working buffers are reused from one document to the next.
public struct ScoringSession: Sendable {
    public let match: MatchMode
    public let grouping: ScoreGrouping?
    /// Tells cue kinds for `grouping` `.cueKind`.
    public let cueKinds: (any CueKindClassifier)?

    private var total = ScoreTally()
    private var groups: [String: ScoreTally] = [:]
    private var details: [DocumentDetail] = []
    private var pairing = ContentPairing()
    private var documentIndex = -1

    public init(match: MatchMode = .overlap, groupBy grouping: ScoreGrouping? = nil, cueKinds: (any CueKindClassifier)? = nil) {
        self.match = match
        self.grouping = grouping
        self.cueKinds = cueKinds
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
        // Each gold claim's group, worked out once (a cue kind reads the cue's text).
        let goldKeys = grouping.map { g in gold.map { g.key(for: $0, in: input.text, cueKinds: cueKinds) } } ?? []
        for (index, attribution) in gold.enumerated() {
            let contentTokens = pairing.goldContentTokens[index]
            total.addGold(attribution, tokens: tokens, contentTokens: contentTokens)
            let unmatched = pairing.goldPartner[index] < 0
            if unmatched {
                total.errors.missed += 1
                detail.missed.append(index)
            }
            if grouping != nil {
                let key = goldKeys[index]
                groups[key, default: ScoreTally()].touch(document: documentIndex)
                groups[key, default: ScoreTally()].addGold(attribution, tokens: tokens, contentTokens: contentTokens)
                if unmatched { groups[key, default: ScoreTally()].errors.missed += 1 }
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
            if let grouping {
                // A matched prediction is counted where its gold claim belongs.
                let key = partner < 0 ? grouping.key(for: attribution, in: input.text, cueKinds: cueKinds) : goldKeys[partner]
                groups[key, default: ScoreTally()].touch(document: documentIndex)
                groups[key, default: ScoreTally()].addPrediction(attribution, tokens: tokens, contentTokens: contentTokens)
                if partner < 0 { groups[key, default: ScoreTally()].errors.spurious += 1 }
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
            if grouping != nil {
                groups[goldKeys[candidate.gold], default: ScoreTally()].addPair(
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

    /// The report over every document added so far.
    public func report() -> ScoreReport {
        var report = total.report(match: match)
        report.details = details
        report.grouping = grouping
        if grouping != nil {
            report.groups = groups.mapValues { $0.report(match: match) }
        }
        return report
    }
}
