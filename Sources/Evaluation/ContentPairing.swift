import ClaimModel

/// Pairs one document's gold and predicted attributions by content (docs/ARCHITECTURE.md "Scoring definitions").
///
/// Rules: a pair is a candidate when the contents are *content-matched* — their token sets
/// intersect (`overlap`) or their fragments are identical (`exact`; identical fragments also
/// count in `overlap`, even without tokens). Attributions without content never match.
/// Candidates are taken greedily by descending content-token Jaccard, ties by gold index then
/// prediction index, each side used at most once.
///
/// Cost: candidates are found by a sweep over content hulls sorted by start, so only pairs whose
/// hulls overlap are ever compared (near-linear for news text, where contents rarely nest);
/// Jaccard is compared exactly by cross-multiplication. The buffers are kept between documents
/// so that scoring allocates per document, not per pair.
struct ContentPairing: Sendable {
    /// A content-matched gold/prediction pair with its Jaccard as a fraction.
    struct Candidate: Sendable {
        var gold: Int
        var predicted: Int
        var shared: Int
        var union: Int

        /// Jaccard of the content token sets; 1 for two identical token-less contents.
        var jaccard: Double { union == 0 ? 1 : Double(shared) / Double(union) }

        /// Greedy order: higher Jaccard first, then lower gold index, then lower prediction index.
        static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            // a.shared/a.union > b.shared/b.union, with 0/0 read as 1/1.
            let (an, ad) = a.union == 0 ? (1, 1) : (a.shared, a.union)
            let (bn, bd) = b.union == 0 ? (1, 1) : (b.shared, b.union)
            let left = an * bd
            let right = bn * ad
            if left != right { return left > right }
            if a.gold != b.gold { return a.gold < b.gold }
            return a.predicted < b.predicted
        }
    }

    /// Content token count of each gold attribution (0 without content).
    private(set) var goldContentTokens: [Int] = []
    /// Content token count of each prediction (0 without content).
    private(set) var predictedContentTokens: [Int] = []
    /// For each gold attribution, the index of its matched prediction, or -1.
    private(set) var goldPartner: [Int] = []
    /// For each prediction, the index of its matched gold attribution, or -1.
    private(set) var predictedPartner: [Int] = []
    /// The chosen pairs, in gold order.
    private(set) var pairs: [Candidate] = []

    private var candidates: [Candidate] = []
    private var goldHulls: [Span] = []
    private var predictedHulls: [Span] = []
    private var goldOrder: [Int] = []
    private var predictedOrder: [Int] = []
    private var activeGold: [Int] = []
    private var activePredicted: [Int] = []

    init() {}

    mutating func run(gold: [Attribution], predicted: [Attribution], tokens: TokenIndex, mode: MatchMode) {
        prepare(gold, tokens: tokens, counts: &goldContentTokens, hulls: &goldHulls, order: &goldOrder)
        prepare(predicted, tokens: tokens, counts: &predictedContentTokens, hulls: &predictedHulls, order: &predictedOrder)
        goldPartner.removeAll(keepingCapacity: true)
        goldPartner.append(contentsOf: repeatElement(-1, count: gold.count))
        predictedPartner.removeAll(keepingCapacity: true)
        predictedPartner.append(contentsOf: repeatElement(-1, count: predicted.count))
        candidates.removeAll(keepingCapacity: true)
        pairs.removeAll(keepingCapacity: true)
        guard !goldOrder.isEmpty && !predictedOrder.isEmpty else { return }

        sweep(gold: gold, predicted: predicted, tokens: tokens, mode: mode)
        candidates.sort(by: Candidate.precedes)
        for candidate in candidates
        where goldPartner[candidate.gold] < 0 && predictedPartner[candidate.predicted] < 0 {
            goldPartner[candidate.gold] = candidate.predicted
            predictedPartner[candidate.predicted] = candidate.gold
            pairs.append(candidate)
        }
        pairs.sort { $0.gold < $1.gold }
    }

    /// Content token counts and hulls, and the attributions with content sorted by hull start.
    private func prepare(
        _ attributions: [Attribution], tokens: TokenIndex, counts: inout [Int], hulls: inout [Span],
        order: inout [Int]
    ) {
        counts.removeAll(keepingCapacity: true)
        hulls.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        for (index, attribution) in attributions.enumerated() {
            if let content = attribution.content, !content.hull.isEmpty {
                counts.append(tokens.count(in: content))
                hulls.append(content.hull)
                order.append(index)
            } else {
                counts.append(0)
                hulls.append(Span(0, 0))
            }
        }
        order.sort { hulls[$0].start < hulls[$1].start }
    }

    /// Finds every gold/prediction pair whose content hulls overlap and keeps the content-matched
    /// ones as candidates. Each overlapping pair is seen exactly once: when the later-starting of
    /// the two is reached, the earlier one is still active (its end lies past that start).
    private mutating func sweep(gold: [Attribution], predicted: [Attribution], tokens: TokenIndex, mode: MatchMode) {
        activeGold.removeAll(keepingCapacity: true)
        activePredicted.removeAll(keepingCapacity: true)
        var nextGold = 0
        var nextPredicted = 0
        while nextGold < goldOrder.count || nextPredicted < predictedOrder.count {
            let takeGold: Bool
            if nextGold == goldOrder.count {
                takeGold = false
            } else if nextPredicted == predictedOrder.count {
                takeGold = true
            } else {
                takeGold = goldHulls[goldOrder[nextGold]].start <= predictedHulls[predictedOrder[nextPredicted]].start
            }
            if takeGold {
                let g = goldOrder[nextGold]
                nextGold += 1
                let start = goldHulls[g].start
                activePredicted.removeAll { predictedHulls[$0].end <= start }
                for p in activePredicted {
                    consider(gold: g, predicted: p, goldList: gold, predictedList: predicted, tokens: tokens, mode: mode)
                }
                if nextPredicted < predictedOrder.count { activeGold.append(g) }
            } else {
                let p = predictedOrder[nextPredicted]
                nextPredicted += 1
                let start = predictedHulls[p].start
                activeGold.removeAll { goldHulls[$0].end <= start }
                for g in activeGold {
                    consider(gold: g, predicted: p, goldList: gold, predictedList: predicted, tokens: tokens, mode: mode)
                }
                if nextGold < goldOrder.count { activePredicted.append(p) }
            }
        }
    }

    private mutating func consider(
        gold g: Int, predicted p: Int, goldList: [Attribution], predictedList: [Attribution],
        tokens: TokenIndex, mode: MatchMode
    ) {
        guard let goldContent = goldList[g].content, let predictedContent = predictedList[p].content else { return }
        let shared: Int
        switch mode {
        case .overlap:
            shared = tokens.intersectionCount(goldContent, predictedContent)
            guard shared > 0 || goldContent == predictedContent else { return }
        case .exact:
            guard goldContent == predictedContent else { return }
            shared = goldContentTokens[g]
        }
        let union = goldContentTokens[g] + predictedContentTokens[p] - shared
        candidates.append(Candidate(gold: g, predicted: p, shared: shared, union: union))
    }
}
