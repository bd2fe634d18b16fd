import ClaimModel
import Extraction

/// Applies weights to one document: each anchor's best reading, kept when it scores above the
/// threshold, then the overlapping ones dropped best-first (an attribution's content is claimed once).
struct Decoder {
    let text: TokenizedText
    let lexicon: CueLexicon
    let weights: WeightTable
    let threshold: Double

    struct Reading {
        var score: Double
        var cue: [Range<Int>]
        var source: [Range<Int>]
        var content: [Range<Int>]
        var proposal: Int?
        var sourceIsProposals: Bool
    }

    func decode(proposals: [RulesExtractor.Detailed]) -> [Reading] {
        let anchors = CandidateBuilder(text: text, lexicon: lexicon).anchors(proposals: proposals)
        let features = FeatureExtractor(text: text, lexicon: lexicon, anchors: anchors)
        var readings: [Reading] = []
        var buffer = FeatureBuffer()
        for (i, anchor) in anchors.enumerated() {
            let part = features.anchorPart(anchor, index: i)
            var best: (score: Double, variant: Int)?
            for (v, variant) in anchor.variants.enumerated() {
                features.write(part, variant: variant, into: &buffer)
                let s = weights.score(buffer)
                if best == nil || s > best!.score { best = (s, v) }
            }
            guard let best, best.score > threshold else { continue }
            let v = anchor.variants[best.variant]
            let sameSource = v.proposal.map { p in text.tokenRanges(proposals[p].attribution.source) == v.source } ?? false
            readings.append(Reading(score: best.score, cue: anchor.cue, source: v.source, content: v.content,
                                    proposal: v.proposal, sourceIsProposals: sameSource))
        }
        // Best first; a reading whose content overlaps a kept one's is dropped.
        let order = readings.indices.sorted {
            readings[$0].score != readings[$1].score ? readings[$0].score > readings[$1].score : $0 < $1
        }
        var taken = Set<Int>()
        var kept: [Int] = []
        for r in order {
            let tokens = readings[r].content.flatMap { $0 }
            if tokens.contains(where: taken.contains) { continue }
            taken.formUnion(tokens)
            kept.append(r)
        }
        return kept.sorted { (readings[$0].cue.first?.lowerBound ?? 0, $0) < (readings[$1].cue.first?.lowerBound ?? 0, $1) }
            .map { readings[$0] }
    }
}
