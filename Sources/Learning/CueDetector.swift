import Extraction

/// A learned cue detector over every word token: an averaged binary perceptron saying how much a
/// token looks like part of an attribution cue ("told", "according", "plans", "criticism"), from the
/// word, its neighbours, the quote marks and commas around it, the rules' own cues and contents and
/// the cue lexicon. Its score proposes anchors the rules and the lexicon do not know and is a feature
/// of every anchor, so one decision sees more context than the anchor's own features.
///
/// Features are combined from per-token word hashes (no string is built per token), so scoring a
/// document costs a few dozen multiply-xors per word.
struct CueDetector: Sendable, Equatable {
    let weights: WeightTable
    /// Tokens scoring above this become anchors (chosen in training so that the candidates cover
    /// most gold cue tokens without flooding the scorer).
    let proposeAbove: Float
    /// A word the training gold used as a cue (the model's `CueLexicon`) is an anchor at or below
    /// `proposeAbove` too, but only from this score on: the floor that maximised F1 out of fold when
    /// such anchors' readings below it were dropped (`AttributionModel.lexiconFloor`). Each such
    /// anchor costs the scorer all its readings and few are kept: trained on PolNeAR's train split,
    /// they were four in five of the learned anchors on its dev split and gave 24 of 1,807 claims,
    /// so the floor drops nearly all of them. -infinity (format 4 models, and the parts training
    /// fits before the floor is learned): every lexicon word is an anchor; +infinity: none is.
    let lexiconFloor: Float

    init(weights: WeightTable, proposeAbove: Float, lexiconFloor: Float = -.infinity) {
        self.weights = weights
        self.proposeAbove = proposeAbove
        self.lexiconFloor = lexiconFloor
    }

    static let empty = CueDetector(weights: WeightTable(keys: [], values: []), proposeAbove: .infinity)

    /// This detector with its lexicon floor `distance` from its proposal level (as
    /// `AttributionModel.lexiconFloor` learns it). A detector that learned no cue has no level
    /// (+infinity): then no floor, unless none is wanted (+infinity).
    func withLexiconFloor(_ distance: Float) -> CueDetector {
        let floor = proposeAbove.isFinite ? proposeAbove + distance : distance == .infinity ? .infinity : -.infinity
        return CueDetector(weights: weights, proposeAbove: proposeAbove, lexiconFloor: floor)
    }

    /// What the detector knows about a document besides its tokens: which tokens the rules used as a
    /// cue or content (empty with base `none`).
    struct Context {
        var rulesCue: [Bool]
        var rulesContent: [Bool]

        init(text: TokenizedText, proposals: [RulesExtractor.Detailed]) {
            rulesCue = Array(repeating: false, count: text.tokens.count)
            rulesContent = rulesCue
            for p in proposals {
                for r in text.tokenRanges(p.attribution.cue) { for t in r where t < rulesCue.count { rulesCue[t] = true } }
                for r in text.tokenRanges(p.attribution.content) { for t in r where t < rulesContent.count { rulesContent[t] = true } }
            }
        }
    }

    /// Feature names, hashed once, read from one value per token (a `static let` each cost a
    /// lazy-initialisation check per use).
    struct Names {
        let bias = FeatureHash.hash("d.bias")
        let word = FeatureHash.hash("d.w")
        let stem = FeatureHash.hash("d.stem")
        let prev = FeatureHash.hash("d.p1")
        let next = FeatureHash.hash("d.n1")
        let prev2 = FeatureHash.hash("d.p2")
        let next2 = FeatureHash.hash("d.n2")
        let prevWord = FeatureHash.hash("d.p1|w")
        let wordNext = FeatureHash.hash("d.w|n1")
        let stemNext = FeatureHash.hash("d.stem|n1")
        let prevStem = FeatureHash.hash("d.p1|stem")
        let shape = FeatureHash.hash("d.shape")
        let state = FeatureHash.hash("d.state")
        let rate = FeatureHash.hash("d.rate")
        let rateNext = FeatureHash.hash("d.rate|n1")
        let wordState = FeatureHash.hash("d.w|state")
        let sentenceStart = CueDetector.sentenceStart
        let sentenceEnd = CueDetector.sentenceEnd
        let comma = CueDetector.comma

        static let shared = Names()
    }

    /// Per-document values every token's features draw on, computed from the tokens' lowercased
    /// bytes (no String is built or hashed per token).
    struct Prepared {
        let words: [UInt64]
        /// The stem's hash of scored tokens (the word's hash for the others).
        let stems: [UInt64]
        let shapes: [UInt8]
        /// Scored by the detector: a word, not an auxiliary.
        let scored: [Bool]
    }

    static let stemSuffixes: [[UInt8]] = ["ing", "ed", "es", "s"].map { Array($0.utf8) }

    static func prepare(_ text: TokenizedText) -> Prepared {
        let n = text.tokens.count
        let words = text.wordHashes
        var stems: [UInt64] = [], shapes: [UInt8] = [], scored: [Bool] = []
        stems.reserveCapacity(n)
        shapes.reserveCapacity(n)
        scored.reserveCapacity(n)
        let tokens = text.tokens
        for t in 0..<n {
            let isWord = tokens[t].isWord
            let w = words[t]
            let isScored = isWord && !CueLexicon.auxiliaryWords.contains(t, in: text)
            // Only a scored token's own features use its stem (others keep their word hash).
            stems.append(isScored ? text.hashStem(t, into: FeatureHash.offset) : w)
            shapes.append(tokens[t].isQuote ? 1 : !isWord ? (tokens[t].isNumber ? 2 : 3)
                          : tokens[t].allCaps ? 4 : tokens[t].capitalized ? 5 : 6)
            scored.append(isScored)
        }
        return Prepared(words: words, stems: stems, shapes: shapes, scored: scored)
    }

    /// The detector's bucket of a word's cue rate (0: never a cue).
    static func rateBucket(_ rate: Double) -> Int {
        rate == 0 ? 0 : rate < 0.02 ? 1 : rate < 0.05 ? 2 : rate < 0.1 ? 3 : rate < 0.2 ? 4 : rate < 0.4 ? 5 : rate < 0.7 ? 6 : 7
    }

    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a, v = b
        for _ in 0..<8 {
            h = (h ^ (v & 0xFF)) &* FeatureHash.prime
            v >>= 8
        }
        return h
    }

    static let sentenceStart = FeatureHash.hash("<s>")
    static let sentenceEnd = FeatureHash.hash("</s>")
    static let comma = FeatureHash.hash(",")

    /// How many features a token has.
    static let featureCount = 17

    /// The features of token `t` (a word token), appended to `f`.
    static func features(_ t: Int, text: TokenizedText, prepared p: Prepared, context: Context, lexicon: CueLexicon,
                         into f: inout [UInt64]) {
        let start = f.count
        f += repeatElement(0, count: featureCount)
        f.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            features(t, text: text, prepared: p, context: context, lexicon: lexicon, to: base + start)
        }
    }

    /// The features of token `t` written to `out[0..<featureCount]` (no array grows per feature:
    /// the detector writes every token's features into one buffer).
    @inline(__always)
    static func features(_ t: Int, text: TokenizedText, prepared p: Prepared, context: Context, lexicon: CueLexicon,
                         to out: UnsafeMutablePointer<UInt64>, names name: Names = .shared) {
        var n = 0
        func append(_ h: UInt64) {
            out[n] = h
            n += 1
        }
        let tokens = text.tokens
        let sentence = text.sentences[tokens[t].sentence]
        func word(_ i: Int) -> UInt64 {
            i < sentence.lowerBound ? name.sentenceStart : i >= sentence.upperBound ? name.sentenceEnd : p.words[i]
        }
        let w = p.words[t], s = p.stems[t]
        let p1 = word(t - 1), n1 = word(t + 1)
        append(name.bias)
        append(combine(name.word, w))
        append(combine(name.stem, s))
        append(combine(name.prev, p1))
        append(combine(name.next, n1))
        append(combine(name.prev2, word(t - 2)))
        append(combine(name.next2, word(t + 2)))
        append(combine(combine(name.prevWord, p1), w))
        append(combine(combine(name.wordNext, w), n1))
        append(combine(combine(name.stemNext, s), n1))
        append(combine(combine(name.prevStem, p1), s))
        append(combine(name.shape, UInt64(p.shapes[t]) | (t == sentence.lowerBound ? 0x100 : 0)))
        // Where the token stands: quoted, near a quote mark or comma, inside a rules cue or content,
        // how far into its sentence.
        var quoteNear: UInt64 = 0
        for i in max(sentence.lowerBound, t - 3)..<t where tokens[i].isQuote { quoteNear |= 1 }
        for i in (t + 1)..<min(sentence.upperBound, t + 4) where tokens[i].isQuote { quoteNear |= 2 }
        var commaNear: UInt64 = 0
        if t > sentence.lowerBound && p.words[t - 1] == name.comma { commaNear |= 1 }
        if t + 1 < sentence.upperBound && p.words[t + 1] == name.comma { commaNear |= 2 }
        let position = UInt64(min(t - sentence.lowerBound, 15) / 4)
        let state = (tokens[t].quoted ? 1 : 0) | quoteNear << 1 | commaNear << 3 | position << 5
            | UInt64(context.rulesCue[t] ? 1 : 0) << 8 | UInt64(context.rulesContent[t] ? 1 : 0) << 9
        append(combine(name.state, state & 0xFF))
        append(combine(name.state, 0x1000 | (state >> 8)))
        append(combine(combine(name.wordState, w), state >> 8))
        let bucket = UInt64(lexicon.detectorBuckets.weight(w))
        append(combine(name.rate, bucket))
        append(combine(combine(name.rateNext, bucket), n1))
        assert(n == featureCount, "the detector writes featureCount features per token, not \(n)")
    }

    /// The score of every token of a document (word tokens only; others score -infinity).
    func scores(_ text: TokenizedText, context: Context, lexicon: CueLexicon) -> [Float] {
        let p = Self.prepare(text)
        var result = [Float](repeating: -.infinity, count: text.tokens.count)
        // Every token's features first, then all their weights at once (the table's lookups
        // overlap: see `WeightTable.weights`), then each token's sum in its features' order.
        let n = Self.featureCount
        let scored = p.scored.reduce(0) { $0 + ($1 ? 1 : 0) }
        let f = [UInt64](unsafeUninitializedCapacity: scored * n) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var k = 0
            let names = Names.shared
            for t in text.tokens.indices where p.scored[t] {
                Self.features(t, text: text, prepared: p, context: context, lexicon: lexicon, to: base + k, names: names)
                k += n
            }
            initialized = k
        }
        let w = weights.weights(f)
        var k = 0
        for t in text.tokens.indices where p.scored[t] {
            var s: Float = 0
            for i in k..<(k + n) { s += w[i] }
            k += n
            result[t] = s
        }
        return result
    }

    /// One token's training example: its features and whether it lies in a gold cue.
    struct Example {
        var features: FeatureVector
        var cue: Bool
    }

    static func examples(_ doc: PreparedDocument, lexicon: CueLexicon) -> [Example] {
        let p = prepare(doc.text)
        var gold = [Bool](repeating: false, count: doc.text.tokens.count)
        for g in doc.gold { for t in g.cue where t < gold.count { gold[t] = true } }
        var result: [Example] = []
        for t in doc.text.tokens.indices where p.scored[t] {
            var f = FeatureVector()
            features(t, text: doc.text, prepared: p, context: doc.context, lexicon: lexicon, into: &f.hashes)
            result.append(Example(features: f, cue: gold[t]))
        }
        return result
    }

    /// Trains on the documents' tokens; `proposeAbove` is set so that the tokens above it hold
    /// `coverage` of the gold cue tokens, scored by this same detector.
    static func train(_ docs: [PreparedDocument], lexicon: CueLexicon, epochs: Int, rng: inout SplitMix64,
                      coverage: Double = AttributionModel.anchorCoverage) -> CueDetector {
        var examples: [Example] = []
        for d in docs { examples += Self.examples(d, lexicon: lexicon) }
        guard examples.contains(where: \.cue) else { return .empty }
        var perceptron = RankingPerceptron()
        for _ in 0..<epochs {
            rng.shuffle(&examples)
            for e in examples { perceptron.learn([e.features], oracle: e.cue ? 0 : nil) }
        }
        let weights = perceptron.averaged()
        let positives = examples.filter(\.cue).map { weights.sum($0.features.hashes) }
        return CueDetector(weights: weights, proposeAbove: proposalLevel(positives, coverage: coverage))
    }

    /// The score above which `coverage` of the gold cues' `positives` scores lie (unsorted; not empty).
    static func proposalLevel(_ positives: [Float], coverage: Double) -> Float {
        let sorted = positives.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * (1 - coverage)))]
    }
}
