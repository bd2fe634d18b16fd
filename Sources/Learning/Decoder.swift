import ClaimModel
import Extraction

/// Applies a model to one document: each anchor's best reading, kept when it scores above the
/// threshold, then the overlapping ones dropped best-first (an attribution's content is claimed once).
struct Decoder {
    let text: TokenizedText
    let lexicon: CueLexicon
    let detector: CueDetector
    let boundaries: BoundaryChooser
    /// Scores the variants.
    let net: ReadingNet
    let threshold: Double

    struct Reading {
        var score: Double
        var cue: [Range<Int>]
        var source: [Range<Int>]
        var content: [Range<Int>]
        var proposal: Int?
        var sourceIsProposals: Bool
        /// The anchor it reads (index into `Choices.anchors`).
        var anchor: Int
        /// Its anchor's `lexiconLevel` (set when training calibrates, nil otherwise).
        var lexiconLevel: Float? = nil
        /// Its anchor is a rules proposal's cue (else a learned cue word).
        var rulesAnchor = false

        /// A rules claim as the rules gave it (`RulesFirst.claims`), read by no anchor.
        var isRulesClaim: Bool { anchor < 0 }

        /// Where it stands in the text: its cue's first token, else its content's.
        var position: Int { cue.first?.lowerBound ?? content.first?.lowerBound ?? 0 }
    }

    /// Every anchor of a document with its best-scoring variant (before threshold and overlaps).
    struct Choices {
        var anchors: [Anchor]
        var best: [(score: Double, variant: Int)?]
    }

    /// The decoder of `model` for one document (`threshold`: the model's unless given).
    init(model: AttributionModel, text: TokenizedText, threshold: Double? = nil) {
        self.init(text: text, lexicon: model.lexicon, detector: model.detector, boundaries: model.boundaries,
                  net: model.net, threshold: threshold ?? model.threshold)
    }

    init(text: TokenizedText, lexicon: CueLexicon, detector: CueDetector, boundaries: BoundaryChooser,
         net: ReadingNet, threshold: Double) {
        self.net = net
        self.text = text
        self.lexicon = lexicon
        self.detector = detector
        self.boundaries = boundaries
        self.threshold = threshold
    }

    /// `cueScores`: the detector's scores when already known (training), else computed here.
    func choose(proposals: [RulesExtractor.Detailed], cueScores known: [Float]? = nil) -> Choices {
        let cueScores = known ?? detector.scores(text, context: CueDetector.Context(text: text, proposals: proposals), lexicon: lexicon)
        let anchors = CandidateBuilder(text: text, lexicon: lexicon, cueScores: cueScores, proposeAbove: detector.proposeAbove,
                                       lexiconFloor: detector.lexiconFloor)
            .anchors(proposals: proposals)
        let features = FeatureExtractor(text: text, lexicon: lexicon, anchors: anchors, cueScores: cueScores)
        var best: [(score: Double, variant: Int)?] = []
        best.reserveCapacity(anchors.count)
        var buffer = FeatureBuffer()
        for (i, anchor) in anchors.enumerated() {
            let part = features.anchorPart(anchor, index: i)
            var top: (score: Double, variant: Int)?
            for (v, variant) in anchor.variants.enumerated() {
                features.write(part, variant: variant, into: &buffer)
                let s = net.score(buffer)
                if top.map({ s > $0.score }) ?? true { top = (s, v) }
            }
            best.append(top)
        }
        return Choices(anchors: anchors, best: best)
    }

    /// How far a learned anchor that only the cue lexicon made (its cue token scored at or below
    /// the detector's proposal level) scored from that level (0 or less); nil for other anchors.
    func lexiconLevel(_ anchor: Anchor, cueScores: [Float]) -> Float? {
        guard case .learned = anchor.origin, let t = anchor.cue.first?.lowerBound, t < cueScores.count,
              cueScores[t] <= detector.proposeAbove else { return nil }
        return cueScores[t] - detector.proposeAbove
    }

    func decode(proposals: [RulesExtractor.Detailed], cueScores: [Float]? = nil) -> [Reading] {
        decode(choose(proposals: proposals, cueScores: cueScores), proposals: proposals)
    }

    func decode(_ choices: Choices, proposals: [RulesExtractor.Detailed]) -> [Reading] {
        var readings: [Reading] = []
        for (i, anchor) in choices.anchors.enumerated() {
            guard let best = choices.best[i], best.score > threshold else { continue }
            var v = anchor.variants[best.variant]
            let family = anchor.familyHash
            v.content = boundaries.choose(BoundaryChooser.contentAlternatives(v.content, cue: anchor.cue, text: text), base: v.content,
                                          role: 0, family: family, text: text)
            if !v.source.isEmpty {
                v.source = boundaries.choose(BoundaryChooser.sourceAlternatives(v.source, guessed: v.proposal == nil, text: text),
                                             base: v.source, role: 1, family: family, text: text)
            }
            let sameSource = v.proposal.map { p in text.tokenRanges(proposals[p].attribution.source) == v.source } ?? false
            var reading = Reading(score: best.score, cue: anchor.cue, source: v.source, content: v.content,
                                  proposal: v.proposal, sourceIsProposals: sameSource, anchor: i)
            if case .rules = anchor.origin { reading.rulesAnchor = true }
            readings.append(reading)
        }
        // Best first; a reading whose content overlaps a kept one's is dropped.
        let order = readings.indices.sorted {
            readings[$0].score != readings[$1].score ? readings[$0].score > readings[$1].score : $0 < $1
        }
        // Taken content tokens as flags (a Set<Int> hashed every token of every reading).
        let end = readings.reduce(text.tokens.count) { m, r in r.content.reduce(m) { max($0, $1.upperBound) } }
        var taken = [Bool](repeating: false, count: end)
        var kept: [Int] = []
        for r in order {
            let content = readings[r].content
            if content.contains(where: { range in range.contains { taken[$0] } }) { continue }
            for range in content { for t in range { taken[t] = true } }
            kept.append(r)
        }
        return kept.sorted { (readings[$0].cue.first?.lowerBound ?? 0, $0) < (readings[$1].cue.first?.lowerBound ?? 0, $1) }
            .map { readings[$0] }
    }
}

/// What a model that keeps the rules' claims (`AttributionModel.keepsRules`) extracts: every claim
/// of the rules as the rules give it, and beside them the readings of learned cues (above the
/// model's threshold) whose content no rules claim holds. Training labels the same two parts out
/// of fold to choose between this and the model's own readings.
enum RulesFirst {
    /// The rules' claims as readings (scored +infinity, anchor -1), one per proposal, in order.
    static func claims(_ proposals: [RulesExtractor.Detailed], text: TokenizedText) -> [Decoder.Reading] {
        proposals.enumerated().map { p, detailed in
            var r = Decoder.Reading(score: .infinity, cue: text.tokenRanges(detailed.attribution.cue),
                                    source: text.tokenRanges(detailed.attribution.source),
                                    content: text.tokenRanges(detailed.attribution.content),
                                    proposal: p, sourceIsProposals: true, anchor: -1)
            r.rulesAnchor = true
            return r
        }
    }

    /// Of decoded `readings`, the learned cues' ones whose content overlaps no content of `claims`.
    static func beside(_ claims: [Decoder.Reading], _ readings: [Decoder.Reading], text: TokenizedText) -> [Decoder.Reading] {
        var taken = [Bool](repeating: false, count: text.tokens.count)
        for c in claims { for range in c.content { for t in range where t < taken.count { taken[t] = true } } }
        return readings.filter { r in
            !r.rulesAnchor && !r.content.contains { range in range.contains { $0 < taken.count && taken[$0] } }
        }
    }
}
