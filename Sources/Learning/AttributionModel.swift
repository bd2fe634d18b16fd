import ClaimModel
import Extraction

/// A learned attribution extractor: learned cue words, a reading scorer that chooses, for each
/// anchor (a rules proposal's cue or a learned cue word), the best complete reading or none (a
/// small feed-forward net, `ReadingNet`), and an isotonic map from its score to a calibrated
/// confidence, learned out of fold.
///
/// Values only: train it, encode it to bytes, decode it; `ModelExtractor` applies it.
public struct AttributionModel: Sendable {
    public var summary: ModelSummary
    let options: TrainingOptions
    let lexicon: CueLexicon
    let detector: CueDetector
    let boundaries: BoundaryChooser
    /// The reading scorer.
    let net: ReadingNet
    let calibrator: Calibrator
    /// A reading is kept when its score exceeds this (chosen on the out-of-fold readings).
    let threshold: Double
    /// Keeps every claim of the rules as the rules give it (their confidences included) and adds
    /// only the learned cues' readings above `threshold` beside them (`RulesFirst`), instead of
    /// rescoring the rules' proposals. Training chooses it when it did better out of fold (with few
    /// documents the scorer judges the rules' proposals worse than the rules do), and always with
    /// base `rules` and a single document, which cannot be held out (format 6).
    let keepsRules: Bool
    /// The format its bytes take: `formatVersion` when trained, the file's when decoded (a format 4
    /// model has no lexicon floor, and writes the bytes it was read from).
    let format: UInt32

    static let family = "anchor-net"
    /// The format models are trained in. 6 added `keepsRules`, 5 the cue detector's lexicon floor;
    /// 4 and 5 are read too.
    static let formatVersion: UInt32 = 6
    static let readableFormats: ClosedRange<UInt32> = 4...6
    /// What an incompatible model's error says this release reads: "anchor-net/4, anchor-net/5 or
    /// anchor-net/6".
    static var readableNames: String {
        let names = readableFormats.map { "\(family)/\($0)" }
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// The family names a model of `format` may carry: its own, and for format 4 also the one
    /// written before the rename ("anchor-perceptron/4": the same bytes otherwise).
    static func familyNames(format: UInt32) -> Set<String> {
        format == 4 ? ["\(family)/4", "anchor-perceptron/4"] : ["\(family)/\(format)"]
    }
    static let magic: [UInt8] = Array("CLAIMDESK-MODEL\n".utf8)

    /// Fits a model. Deterministic: equal data and options give byte-identical `encoded()`.
    /// `progress` hears each stage as it starts (`TrainingStage`), on the calling thread.
    public static func train(_ data: [LabeledDocument], options: TrainingOptions,
                             progress: (@Sendable (TrainingStage) -> Void)? = nil) throws(LearningError) -> AttributionModel {
        guard options.epochs >= 1 else { throw .invalidOption("epochs must be at least 1, not \(options.epochs)") }
        guard options.calibrationFolds >= 2 else {
            throw .invalidOption("calibrationFolds must be at least 2, not \(options.calibrationFolds)")
        }
        guard data.contains(where: { !$0.attributions.isEmpty }) else { throw .noTrainingData }
        let rules: RulesExtractor
        do { rules = try RulesExtractor() } catch { throw .rulesUnavailable(reason: "\(error)") }
        progress?(.reading(documents: data.count))
        var prepared = data.map { PreparedDocument($0, rules: rules, base: options.base) }

        var rng = SplitMix64(seed: options.seed)
        // Cross-fitting: each fold of the documents (dealt by the seed) is decoded by parts fitted on
        // the other folds, so every document calibrates out of fold, and the kept parts then learn
        // from all of them. A single document can only decode itself.
        let folds = Self.folds(documents: prepared.count, options: options)
        var calibration: [(doc: Int, readings: [Decoder.Reading])] = []
        if folds > 0 {
            var order = Array(prepared.indices)
            rng.shuffle(&order)
            for f in 0..<folds {
                progress?(.fold(f + 1, of: folds))
                let held = order.enumerated().filter { $0.offset % folds == f }.map(\.element).sorted()
                let heldSet = Set(held)
                var foldRNG = SplitMix64(seed: options.seed ^ (0xF01D &+ UInt64(f)))
                let parts = Fitted(&prepared, fit: prepared.indices.filter { !heldSet.contains($0) }, options: options, rng: &foldRNG)
                calibration += parts.decode(&prepared, held, rescore: true)
            }
        }
        progress?(.final(documents: prepared.count))
        let fitted = Fitted(&prepared, fit: Array(prepared.indices), options: options, rng: &rng)
        if folds == 0 { calibration = fitted.decode(&prepared, Array(prepared.indices), rescore: false) }

        // The threshold that maximises F1 over all readings; then the confidences, learned from the
        // readings kept at that threshold only (`calibrationSamples`).
        progress?(.calibrating)
        var scored: [Scored] = [], gold = 0
        for (d, readings) in calibration {
            gold += prepared[d].gold.count
            for (r, l) in zip(readings, prepared[d].label(readings)) { scored.append((r.score, l.full)) }
        }
        var threshold = bestThreshold(scored, gold: gold)
        var calibrator = Calibrator(samples: calibrationSamples(calibration, prepared: prepared, threshold: threshold))
        let detector = fitted.detector.withLexiconFloor(lexiconFloor(calibration, prepared: prepared, threshold: threshold))
        // Or keep the rules' claims and add the learned cues' readings beside them: when that did
        // better out of fold, and always with a single document (nothing out of fold says the model
        // judges the rules' proposals better than the rules do). In sample the model knows the
        // answers, so a learned reading must also score above "none" (0).
        var keepsRules = false
        if options.base == .rules {
            let parts = keepingRules(calibration, prepared: prepared, keepAbove: -.infinity)
            let learned = parts.learned.map { ($0.score, $0.full) }
            let learnedThreshold = folds > 0
                ? keepRulesThreshold(own: scored, threshold: threshold, rules: parts.rules, learned: learned, gold: gold)
                : inSampleThreshold(learned, rules: parts.rules, gold: gold)
            if let learnedThreshold {
                keepsRules = true
                threshold = learnedThreshold
                calibrator = Calibrator(samples: keepingRules(calibration, prepared: prepared, keepAbove: threshold)
                    .learned.map { ($0.score, $0.content) })
            }
        }

        let summary = ModelSummary(
            family: "\(family)/\(formatVersion)", base: options.base, seed: options.seed, epochs: options.epochs,
            documents: data.count, attributions: data.reduce(0) { $0 + $1.attributions.count }, features: fitted.net.featuresInUse,
            calibrationDocuments: folds > 0 ? prepared.count : 0, cueWords: fitted.lexicon.entries.count)
        return AttributionModel(summary: summary, options: options, lexicon: fitted.lexicon, detector: detector, boundaries: fitted.boundaries,
                                net: fitted.net, calibrator: calibrator, threshold: threshold, keepsRules: keepsRules)
    }

    /// The calibration documents as a model that keeps the rules' claims reads them: the rules'
    /// claims (how many, how many real), and the learned cues' readings beside them above
    /// `keepAbove`, each labelled against the gold among those claims and readings (as
    /// `calibrationSamples` labels).
    static func keepingRules(_ calibration: [(doc: Int, readings: [Decoder.Reading])], prepared: [PreparedDocument],
                           keepAbove: Double)
        -> (rules: (truePositives: Int, predicted: Int), learned: [(score: Double, full: Bool, content: Bool)]) {
        var rules = (truePositives: 0, predicted: 0)
        var learned: [(score: Double, full: Bool, content: Bool)] = []
        for (d, readings) in calibration {
            let claims = RulesFirst.claims(prepared[d].proposals, text: prepared[d].text)
            let beside = RulesFirst.beside(claims, readings, text: prepared[d].text).filter { $0.score > keepAbove }
            let labels = prepared[d].label(claims + beside)
            rules.predicted += claims.count
            rules.truePositives += labels.prefix(claims.count).filter(\.full).count
            for (r, l) in zip(beside, labels.dropFirst(claims.count)) { learned.append((r.score, l.full, l.content)) }
        }
        return (rules, learned)
    }

    /// Whether to keep the rules' claims, from the calibration readings: nil when the model's own
    /// readings (`own`, kept above `threshold`) reach at least the F1 of the rules' claims (`rules`)
    /// with the learned cues' readings beside them (`learned`) added at their best threshold, else
    /// that threshold.
    static func keepRulesThreshold(own: [Scored], threshold: Double, rules: (truePositives: Int, predicted: Int),
                                   learned: [Scored], gold: Int) -> Double? {
        let kept = own.filter { $0.score > threshold }
        let best = bestAddition(learned, base: rules, gold: gold)
        return best.f1 > f1(truePositives: kept.filter(\.full).count, predicted: kept.count, gold: gold) ? best.threshold : nil
    }

    /// The learned cues' threshold of a model that keeps the rules' claims, from readings of its
    /// own training documents: `bestAddition`'s, but never below 0 (where a reading and "none" tie),
    /// since in sample every reading scores as if the model were right.
    static func inSampleThreshold(_ learned: [Scored], rules: (truePositives: Int, predicted: Int), gold: Int) -> Double {
        max(bestAddition(learned, base: rules, gold: gold).threshold, 0)
    }

    /// The threshold above which adding `learned` readings (score, real) to `base` (kept claims and
    /// the real ones among them) maximises attribution F1 against `gold`, and that F1: the largest
    /// finite Double when adding none is best (model bytes hold finite numbers only); of equal F1s,
    /// the one that adds fewer; never between two readings of one score.
    static func bestAddition(_ learned: [Scored], base: (truePositives: Int, predicted: Int), gold: Int)
        -> (threshold: Double, f1: Double) {
        let sorted = learned.sorted { $0.score > $1.score }
        var best = (threshold: Double.greatestFiniteMagnitude, f1: f1(truePositives: base.truePositives, predicted: base.predicted, gold: gold))
        var tp = base.truePositives
        for (i, s) in sorted.enumerated() {
            if s.full { tp += 1 }
            let next = i + 1 < sorted.count ? sorted[i + 1].score : s.score - 1
            let f = f1(truePositives: tp, predicted: base.predicted + i + 1, gold: gold)
            if f > best.f1 && next < s.score { best = ((s.score + next) / 2, f) }
        }
        return best
    }

    /// Attribution F1 of `predicted` claims, `truePositives` of them real, against `gold` (0 when
    /// both are none): what the threshold, the lexicon floor and keeping the rules' claims maximise.
    static func f1(truePositives: Int, predicted: Int, gold: Int) -> Double {
        predicted + gold == 0 ? 0 : 2 * Double(truePositives) / Double(predicted + gold)
    }

    /// The floor of the anchors only the cue lexicon makes (`CueDetector.lexiconFloor`), as a
    /// distance from the detector's proposal level, from the calibration readings kept at
    /// `threshold` (labelled as `calibrationSamples` labels them): see `lexiconFloor(_:tally:)`.
    static func lexiconFloor(_ calibration: [(doc: Int, readings: [Decoder.Reading])], prepared: [PreparedDocument],
                             threshold: Double) -> Float {
        var tally = (truePositives: 0, predicted: 0, gold: 0)
        var lexicon: [(level: Float, real: Bool)] = []
        for (d, readings) in calibration {
            tally.gold += prepared[d].gold.count
            let kept = readings.filter { $0.score > threshold }
            for (r, l) in zip(kept, prepared[d].label(kept)) {
                tally.predicted += 1
                if l.full { tally.truePositives += 1 }
                if let level = r.lexiconLevel { lexicon.append((level, l.full)) }
            }
        }
        return lexiconFloor(lexicon, tally: tally)
    }

    /// The floor that maximises attribution F1 (over `tally`: the kept readings, the real ones among
    /// them, the gold) when the lexicon-only anchors' readings below it are dropped (`lexicon`: each
    /// one's level and whether it is real); of equal ones, the one that drops most, and never
    /// between two readings of one level. Dropping all of them gives +infinity (no such anchor
    /// at all); dropping none, `lexiconFloorMargin` below the lowest one; none kept, -infinity (no
    /// floor: nothing says which lexicon words are worth reading, as with a few documents).
    static func lexiconFloor(_ lexicon: [(level: Float, real: Bool)], tally: (truePositives: Int, predicted: Int, gold: Int))
        -> Float {
        guard !lexicon.isEmpty else { return -.infinity }
        let sorted = lexicon.sorted { $0.level < $1.level }
        func f1(dropped: Int, droppedReal: Int) -> Double {
            Self.f1(truePositives: tally.truePositives - droppedReal, predicted: tally.predicted - dropped, gold: tally.gold)
        }
        var best = (f1: f1(dropped: 0, droppedReal: 0), dropped: 0), droppedReal = 0
        for (i, r) in sorted.enumerated() {
            if r.real { droppedReal += 1 }
            guard i + 1 == sorted.count || sorted[i + 1].level > r.level else { continue }
            let f = f1(dropped: i + 1, droppedReal: droppedReal)
            if f >= best.f1 { best = (f, i + 1) }
        }
        if best.dropped == sorted.count { return .infinity }
        if best.dropped == 0 { return sorted[0].level - lexiconFloorMargin }
        return (sorted[best.dropped - 1].level + sorted[best.dropped].level) / 2
    }

    /// How far below the lowest lexicon-only anchor kept out of fold the floor lies when dropping
    /// none of them is best (in the detector's score units).
    static let lexiconFloorMargin: Float = 1

    /// The score above which keeping a reading maximises attribution F1 on the calibration
    /// readings (`bestAddition` to no claim), kept within [-2, 2] of the net's boundary (0, where a
    /// reading and "none" tie); with no real reading, 2.
    static func bestThreshold(_ scored: [Scored], gold: Int) -> Double {
        scored.isEmpty ? 0 : min(max(bestAddition(scored, base: (truePositives: 0, predicted: 0), gold: gold).threshold, -2), 2)
    }

    /// The calibration's (score, real) samples: the readings above `threshold`, each labelled
    /// against its document's gold among those readings only, as extraction will keep them. Labelled
    /// among all readings, a reading below the threshold could take the gold a kept one matches,
    /// and the map came out under-confident (stated 0.96 where 0.98 were real).
    static func calibrationSamples(_ calibration: [(doc: Int, readings: [Decoder.Reading])], prepared: [PreparedDocument],
                                   threshold: Double) -> [(score: Double, real: Bool)] {
        var samples: [(score: Double, real: Bool)] = []
        for (d, readings) in calibration {
            let kept = readings.filter { $0.score > threshold }
            for (r, l) in zip(kept, prepared[d].label(kept)) { samples.append((r.score, l.content)) }
        }
        return samples
    }

    /// From this many documents on, training cross-fits in `calibrationFolds` folds; below it, each
    /// document is a fold of its own (leave one out: with a handful of documents, parts fitted on
    /// two thirds of them are far from the kept model, and folds of one or two documents say little).
    static let crossFittingMinimum = 10

    /// How many folds training cross-fits `documents` in: `calibrationFolds` from
    /// `crossFittingMinimum` documents on, one per document below it, none for a single document
    /// (it calibrates on itself).
    static func folds(documents: Int, options: TrainingOptions) -> Int {
        documents >= crossFittingMinimum ? min(options.calibrationFolds, documents) : documents >= 2 ? documents : 0
    }

    /// Share of the gold cues (their best-scoring token, scored out of fold) above the detector's
    /// proposal level: more means more anchors for the scorer to judge.
    static let anchorCoverage = 0.9

    init(summary: ModelSummary, options: TrainingOptions, lexicon: CueLexicon, detector: CueDetector,
         boundaries: BoundaryChooser, net: ReadingNet, calibrator: Calibrator, threshold: Double,
         keepsRules: Bool = false, format: UInt32 = formatVersion) {
        self.format = format
        self.keepsRules = keepsRules
        self.net = net
        self.boundaries = boundaries
        // The summary says what the model does: whether it keeps the rules' claims comes from here.
        var summary = summary
        summary.keepsRulesClaims = keepsRules
        self.summary = summary
        self.options = options
        self.lexicon = lexicon
        self.detector = detector
        self.calibrator = calibrator
        self.threshold = threshold
    }
}

/// A decoded reading of a calibration document: its score, and whether the whole attribution is
/// real (what the threshold maximises F1 over).
typealias Scored = (score: Double, full: Bool)

/// The learned parts of a model fitted on some documents: cue words, cue detector, boundary chooser
/// and reading scorer (everything but the calibration).
struct Fitted {
    let lexicon: CueLexicon
    let detector: CueDetector
    let boundaries: BoundaryChooser
    let net: ReadingNet

    /// Fits on `prepared[fit]`, setting those documents' `cueScores` to the detector scores the
    /// scorer learns from: out of fold (two halves, each scored by a detector of the other), or
    /// in-sample with fewer than four documents.
    init(_ prepared: inout [PreparedDocument], fit: [Int], options: TrainingOptions, rng: inout SplitMix64) {
        let lexicon = CueLexicon(documents: fit.map { prepared[$0] })

        // The cue detector. The anchor scorer learns from detector scores the detector did not see
        // the gold of (two folds, each scored by a detector trained on the other), so it does not
        // trust them more than it will at extraction; the kept detector learns from all of `fit`.
        let detectorEpochs = min(options.epochs, 3)
        let folds = [fit.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                     fit.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
        var positives: [Float] = []
        if fit.count >= 4 {
            for k in 0..<2 {
                let other = CueDetector.train(folds[1 - k].map { prepared[$0] }, lexicon: lexicon, epochs: detectorEpochs, rng: &rng)
                for d in folds[k] {
                    prepared[d].cueScores = other.scores(prepared[d].text, context: prepared[d].context, lexicon: lexicon)
                    for g in prepared[d].gold {
                        if let top = g.cue.map({ prepared[d].cueScores[$0] }).max(), top > -.infinity { positives.append(top) }
                    }
                }
            }
        }
        var detector = CueDetector.train(fit.map { prepared[$0] }, lexicon: lexicon, epochs: detectorEpochs, rng: &rng)
        if !positives.isEmpty {
            detector = CueDetector(weights: detector.weights,
                                   proposeAbove: CueDetector.proposalLevel(positives, coverage: AttributionModel.anchorCoverage))
        } else {
            for d in fit { prepared[d].cueScores = detector.scores(prepared[d].text, context: prepared[d].context, lexicon: lexicon) }
        }

        var examples: [TrainingExample] = []
        var boundaryExamples: [BoundaryChooser.Example] = []
        for d in fit {
            let e = prepared[d].examples(lexicon: lexicon, proposeAbove: detector.proposeAbove)
            examples += e.anchors
            boundaryExamples += e.boundaries
        }
        // The boundary chooser shuffles with a stream of its own, so that changing the boundary
        // alternatives leaves the reading scorer's training order (and so its weights) as it was.
        var boundaryRNG = SplitMix64(seed: options.seed ^ 0xB0DA)
        let boundaries = BoundaryChooser.train(boundaryExamples, epochs: options.epochs, rng: &boundaryRNG)
        let net = ReadingNet.train(examples, epochs: options.epochs, rng: &rng)
        self.lexicon = lexicon
        self.detector = detector
        self.boundaries = boundaries
        self.net = net
    }

    /// Decodes `docs` with these parts, without a threshold: each document's readings.
    /// `rescore`: score their cue tokens with this detector first (documents it was not fitted on).
    /// Each reading says its anchor's `lexiconLevel`, for `AttributionModel.lexiconFloor`.
    func decode(_ prepared: inout [PreparedDocument], _ docs: [Int], rescore: Bool) -> [(doc: Int, readings: [Decoder.Reading])] {
        var result: [(doc: Int, readings: [Decoder.Reading])] = []
        for d in docs {
            if rescore { prepared[d].cueScores = detector.scores(prepared[d].text, context: prepared[d].context, lexicon: lexicon) }
            let doc = prepared[d]
            let decoder = Decoder(text: doc.text, lexicon: lexicon, detector: detector, boundaries: boundaries,
                                  net: net, threshold: -.infinity)
            let choices = decoder.choose(proposals: doc.proposals, cueScores: doc.cueScores)
            var readings = decoder.decode(choices, proposals: doc.proposals)
            for r in readings.indices {
                readings[r].lexiconLevel = decoder.lexiconLevel(choices.anchors[readings[r].anchor], cueScores: doc.cueScores)
            }
            result.append((d, readings))
        }
        return result
    }
}

/// One training decision: the feature vectors of an anchor's variants and the right one.
struct TrainingExample {
    var choices: [FeatureVector]
    var oracle: Int?
}

/// A training or calibration document in the model's terms.
struct PreparedDocument {
    let text: TokenizedText
    let proposals: [RulesExtractor.Detailed]
    let gold: [GoldReading]
    /// The rules' cue and content tokens, for the cue detector.
    let context: CueDetector.Context
    /// The cue detector's score of every token (set once the detector is trained).
    var cueScores: [Float] = []

    struct GoldReading {
        var source: Set<Int>
        var cue: Set<Int>
        var content: Set<Int>
    }

    init(_ labeled: LabeledDocument, rules: RulesExtractor, base: TrainingOptions.Base) {
        let (text, proposals) = TokenizedText.reading(labeled.document, rules: rules, base: base)
        self.text = text
        self.proposals = proposals
        context = CueDetector.Context(text: text, proposals: proposals)
        gold = labeled.attributions.compactMap { a in
            let content = Set(text.tokenRanges(a.content).flatMap { $0 })
            guard !content.isEmpty else { return nil }
            return GoldReading(source: Set(text.tokenRanges(a.source).flatMap { $0 }),
                               cue: Set(text.tokenRanges(a.cue).flatMap { $0 }), content: content)
        }
    }

    static func tokenF1(_ a: Set<Int>, _ b: Set<Int>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let shared = a.intersection(b).count
        return a.isEmpty || b.isEmpty ? 0 : 2 * Double(shared) / Double(a.count + b.count)
    }

    static func overlaps(_ a: Set<Int>, _ b: Set<Int>) -> Bool {
        (a.isEmpty && b.isEmpty) || !a.isDisjoint(with: b)
    }

    /// How well a reading matches gold `g`: nil unless source, cue and content all overlap.
    func quality(cue: Set<Int>, source: Set<Int>, content: Set<Int>, gold g: GoldReading) -> Double? {
        guard Self.overlaps(cue, g.cue), Self.overlaps(source, g.source), !content.isDisjoint(with: g.content) else {
            return nil
        }
        return Self.tokenF1(content, g.content) + Self.tokenF1(source, g.source)
    }

    /// The anchor scorer's decisions (each anchor's readings, the best-fitting one as oracle) and
    /// the boundary chooser's (each fitting reading's alternatives, the closest to its gold as oracle).
    func examples(lexicon: CueLexicon, proposeAbove: Float)
        -> (anchors: [TrainingExample], boundaries: [BoundaryChooser.Example]) {
        let anchors = CandidateBuilder(text: text, lexicon: lexicon, cueScores: cueScores, proposeAbove: proposeAbove)
            .anchors(proposals: proposals)
        let features = FeatureExtractor(text: text, lexicon: lexicon, anchors: anchors, cueScores: cueScores)
        var boundaryExamples: [BoundaryChooser.Example] = []
        let anchorExamples = anchors.enumerated().map { i, anchor in
            let cue = Set(anchor.cue.flatMap { $0 })
            let family = anchor.familyHash
            var best: Int?, bestQuality = 0.0
            for (v, variant) in anchor.variants.enumerated() {
                let source = Set(variant.source.flatMap { $0 }), content = Set(variant.content.flatMap { $0 })
                var fitted: (quality: Double, gold: Int)?
                for (gi, g) in gold.enumerated() {
                    if let q = quality(cue: cue, source: source, content: content, gold: g) {
                        if q > bestQuality {
                            best = v
                            bestQuality = q
                        }
                        if fitted.map({ q > $0.quality }) ?? true { fitted = (q, gi) }
                    }
                }
                guard let fitted else { continue }
                let g = gold[fitted.gold]
                let contents = BoundaryChooser.contentAlternatives(variant.content, cue: anchor.cue, text: text)
                if contents.count > 1 {
                    boundaryExamples.append(Self.boundaryExample(contents, base: variant.content, gold: g.content, role: 0,
                                                                 family: family, text: text))
                }
                if !variant.source.isEmpty && !g.source.isEmpty {
                    let sources = BoundaryChooser.sourceAlternatives(variant.source, guessed: variant.proposal == nil, text: text)
                    if sources.count > 1 {
                        boundaryExamples.append(Self.boundaryExample(sources, base: variant.source, gold: g.source, role: 1,
                                                                     family: family, text: text))
                    }
                }
            }
            return TrainingExample(choices: features.features(anchor: anchor, index: i),
                                   oracle: best)
        }
        return (anchorExamples, boundaryExamples)
    }

    static func boundaryExample(_ alternatives: [BoundaryChooser.Alternative], base: [Range<Int>], gold: Set<Int>, role: UInt64,
                                family: UInt64, text: TokenizedText) -> BoundaryChooser.Example {
        var oracle = 0, best = -1.0
        for (i, alt) in alternatives.enumerated() {
            let f1 = tokenF1(Set(alt.ranges.flatMap { $0 }), gold)
            if f1 > best + 1e-12 { oracle = i; best = f1 }
        }
        return BoundaryChooser.Example(
            choices: alternatives.map { BoundaryChooser.features($0, base: base, role: role, family: family, text: text) },
            oracle: oracle)
    }

    /// For each decoded reading: does its content match a gold content (greedy, by Jaccard, each gold
    /// once, as the scorer pairs), and does the whole attribution match that gold?
    func label(_ readings: [Decoder.Reading]) -> [(content: Bool, full: Bool)] {
        var pairs: [(j: Double, r: Int, g: Int)] = []
        for (r, reading) in readings.enumerated() {
            let content = Set(reading.content.flatMap { $0 })
            for (g, gold) in gold.enumerated() where !content.isDisjoint(with: gold.content) {
                let j = Double(content.intersection(gold.content).count) / Double(content.union(gold.content).count)
                pairs.append((j, r, g))
            }
        }
        pairs.sort { $0.j != $1.j ? $0.j > $1.j : $0.g != $1.g ? $0.g < $1.g : $0.r < $1.r }
        var result = Array(repeating: (content: false, full: false), count: readings.count)
        var usedGold = Set<Int>()
        for p in pairs where !result[p.r].content && !usedGold.contains(p.g) {
            usedGold.insert(p.g)
            let reading = readings[p.r], g = gold[p.g]
            let full = Self.overlaps(Set(reading.cue.flatMap { $0 }), g.cue)
                && Self.overlaps(Set(reading.source.flatMap { $0 }), g.source)
            result[p.r] = (true, full)
        }
        return result
    }
}

extension CueLexicon {
    /// Counts, over the documents, how often each word headed a gold cue and how often it occurred.
    init(documents: [PreparedDocument]) {
        var entries: [String: CueCount] = [:]
        for doc in documents {
            // Every word of a gold cue counts ("has said", "told reporters", "according to"): an
            // anchor needs only one token of the cue, and the verb is often not the first.
            for g in doc.gold {
                for t in g.cue.sorted() where doc.text.tokens[t].isWord && !CueLexicon.auxiliaries.contains(doc.text.tokens[t].lower) {
                    entries[doc.text.tokens[t].lower, default: CueCount(cue: 0, seen: 0)].cue += 1
                }
            }
        }
        for doc in documents {
            for token in doc.text.tokens where token.isWord {
                if entries[token.lower] != nil { entries[token.lower]?.seen += 1 }
            }
        }
        self.init(entries: entries)
    }
}
