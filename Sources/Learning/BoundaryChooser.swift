/// Where a kept reading's content and source end is a learned choice: each reading offers a few
/// boundary alternatives (its content cut at a clause break or at another comma, trimmed of a leading
/// word or given the "that" before it; its source cut before an appositive, widened through the one
/// after it, or, for a learned cue's guessed subject, shortened at either end), and a forced-choice
/// averaged perceptron picks one from the tokens at and around each boundary.
///
/// Kept apart from the anchor scorer so that trying more boundaries never changes whether a
/// reading is kept, only where it ends.
struct BoundaryChooser: Sendable, Equatable {
    let weights: WeightTable

    static let empty = BoundaryChooser(weights: WeightTable(keys: [], values: []))

    /// How an alternative was made: its kind is part of every feature.
    enum Kind: UInt64 {
        case base = 0, cut, trim, that, sourceCut, sourcePrefix, sourceSuffix, commaCut, sourceToComma, sourceToEnd
    }

    struct Alternative {
        var kind: Kind
        var ranges: [Range<Int>]
        /// For cuts: the how-manieth break; for prefixes: the length.
        var rank: Int = 0
    }

    static let clauseBreaks: Set<String> = [
        "but", "and", "which", "who", "although", "though", "while", "as", "after", "before", "because", "since", "when",
        "where", "so", "according", "adding", "saying", "including", "even", "whereas", "despite", "amid", "or",
    ]
    static let breakMarks: Set<String> = ["(", "\u{2014}", "\u{2015}", "\u{2013}", ";"]
    static let leadingWords: Set<String> = ["that", "about", "to", "of", "on", "for", "whether", "if", "by", "as"]
    static let maxCuts = 3
    /// The sets above, asked about tokens without hashing Strings.
    static let clauseBreakWords = WordSet(clauseBreaks), breakMarkWords = WordSet(breakMarks)
    static let leadingWordSet = WordSet(leadingWords), sourceCutWords = WordSet([",", "(", "who", "which"])

    /// The content alternatives of a reading, the reading's own first.
    static func contentAlternatives(_ content: [Range<Int>], cue: [Range<Int>], text: TokenizedText) -> [Alternative] {
        var result = [Alternative(kind: .base, ranges: content)]
        // One walk over the last range: cuts at clause breaks, and at any other comma ("…, the crowd
        // booed") ranked apart from them; each kind up to `maxCuts`, the clause breaks listed first.
        if let last = content.last, last.count >= 4 {
            var breaks: [Alternative] = [], commas: [Alternative] = []
            for c in (last.lowerBound + 2)..<(last.upperBound - 1) where !cue.contains(where: { $0.contains(c) }) {
                let comma = text.lower(c, is: ",")
                let isBreak = breakMarkWords.contains(c, in: text) || text.lower(c, is: "-") && text.lower(c + 1, is: "-")
                    || comma && clauseBreakWords.contains(c + 1, in: text)
                if isBreak {
                    guard breaks.count < maxCuts else { continue }
                    var end = c
                    while end > last.lowerBound + 1, text.lower(end - 1, is: ",") { end -= 1 }
                    breaks.append(Alternative(kind: .cut, ranges: content.dropLast() + [last.lowerBound..<end], rank: breaks.count + 1))
                } else if comma, commas.count < maxCuts, !text.tokens[c + 1].isQuote {
                    commas.append(Alternative(kind: .commaCut, ranges: content.dropLast() + [last.lowerBound..<c], rank: commas.count + 1))
                }
            }
            result += breaks + commas
        }
        if let first = content.first, first.count >= 3 {
            if leadingWordSet.contains(first.lowerBound, in: text) {
                result.append(Alternative(kind: .trim, ranges: [(first.lowerBound + 1)..<first.upperBound] + content.dropFirst()))
            } else if first.lowerBound > 0, text.lower(first.lowerBound - 1, is: "that"),
                      !cue.contains(where: { $0.contains(first.lowerBound - 1) }) {
                result.append(Alternative(kind: .that, ranges: [(first.lowerBound - 1)..<first.upperBound] + content.dropFirst()))
            }
        }
        return result
    }

    /// The source alternatives of a reading, the reading's own first (`guessed`: a learned cue's
    /// subject, whose end is only a guess).
    static func sourceAlternatives(_ source: [Range<Int>], guessed: Bool, text: TokenizedText) -> [Alternative] {
        var result = [Alternative(kind: .base, ranges: source)]
        // The source widened through the appositive after it ("Ana Ruiz, 65, of Dover, said"; "said
        // Ana Ruiz, who runs the tug."): to the next comma, or to the sentence's end.
        if source.count == 1, let src = source.first, src.upperBound + 2 < text.tokens.count, text.lower(src.upperBound, is: ",") {
            let sentence = text.sentences[text.tokens[src.lowerBound].sentence]
            var e = src.upperBound + 1
            while e < sentence.upperBound, !text.lower(e, is: ","), !text.tokens[e].isQuote, e - src.upperBound < 30 { e += 1 }
            if e < sentence.upperBound, text.lower(e, is: ","), e > src.upperBound + 1 {
                result.append(Alternative(kind: .sourceToComma, ranges: [src.lowerBound..<e]))
            }
            var end = sentence.upperBound
            while end > src.upperBound, !(text.tokens[end - 1].isWord || text.tokens[end - 1].isNumber) { end -= 1 }
            if end > e, end - src.upperBound <= 40, !(src.upperBound..<end).contains(where: { text.tokens[$0].isQuote }) {
                result.append(Alternative(kind: .sourceToEnd, ranges: [src.lowerBound..<end]))
            }
        }
        guard source.count == 1, let src = source.first, src.count >= 2 else { return result }
        var cutAt: Int?
        for t in (src.lowerBound + 1)..<src.upperBound where sourceCutWords.contains(t, in: text) {
            cutAt = t
            break
        }
        if let cutAt { result.append(Alternative(kind: .sourceCut, ranges: [src.lowerBound..<cutAt])) }
        if guessed {
            for n in 1..<min(src.count, 5) where src.lowerBound + n < (cutAt ?? src.upperBound) {
                result.append(Alternative(kind: .sourcePrefix, ranges: [src.lowerBound..<(src.lowerBound + n)], rank: n))
            }
            if cutAt == nil {
                for n in 1..<min(src.count, 5) {
                    result.append(Alternative(kind: .sourceSuffix, ranges: [(src.upperBound - n)..<src.upperBound], rank: n))
                }
            }
        }
        return result
    }

    private enum Name {
        static let kind = FeatureHash.hash("b.kind")
        static let first = FeatureHash.hash("b.first")
        static let last = FeatureHash.hash("b.last")
        static let next = FeatureHash.hash("b.next")
        static let next2 = FeatureHash.hash("b.next2")
        static let prev = FeatureHash.hash("b.prev")
        static let lastNext = FeatureHash.hash("b.last|next")
        static let nextNext2 = FeatureHash.hash("b.next|next2")
        static let length = FeatureHash.hash("b.len")
        static let dropped = FeatureHash.hash("b.dropped")
        static let toEnd = FeatureHash.hash("b.toEnd")
        static let rank = FeatureHash.hash("b.rank")
        static let family = FeatureHash.hash("b.family")
        static let shape = FeatureHash.hash("b.shape")
        static let role = FeatureHash.hash("b.role")
        static let quoted = FeatureHash.hash("b.quoted")
    }

    static func bucket(_ n: Int) -> UInt64 {
        switch n {
        case ..<1: return 0
        case 1: return 1
        case 2: return 2
        case 3...4: return 3
        case 5...8: return 4
        case 9...16: return 5
        case 17...32: return 6
        default: return 7
        }
    }

    /// The features of one alternative; `base` is the reading's own ranges, `family` the anchor's
    /// proposer, `role` 0 for content and 1 for source.
    static func features(_ alt: Alternative, base: [Range<Int>], role: UInt64, family: UInt64, text: TokenizedText) -> [UInt64] {
        guard let s = alt.ranges.first?.lowerBound, let e = alt.ranges.last?.upperBound, e > s else { return [] }
        let c = CueDetector.self
        let tokens = text.tokens, words = text.wordHashes
        let k = c.combine(c.combine(Name.role, role), alt.kind.rawValue)
        let end = text.sentences[tokens[e - 1].sentence].upperBound
        func word(_ i: Int) -> UInt64 { i < 0 ? c.sentenceStart : i >= tokens.count ? c.sentenceEnd : words[i] }
        let next = e < end ? words[e] : c.sentenceEnd, next2 = e + 1 < end ? words[e + 1] : c.sentenceEnd
        let length = alt.ranges.reduce(0) { $0 + $1.count }
        let baseEnd = base.last?.upperBound ?? e
        var f: [UInt64] = [
            k, c.combine(k, family),
            c.combine(c.combine(Name.first, k), words[s]), c.combine(c.combine(Name.last, k), words[e - 1]),
            c.combine(c.combine(Name.next, k), next), c.combine(c.combine(Name.next2, k), next2),
            c.combine(c.combine(Name.prev, k), word(s - 1)),
            c.combine(c.combine(c.combine(Name.lastNext, k), words[e - 1]), next),
            c.combine(c.combine(c.combine(Name.nextNext2, k), next), next2),
            c.combine(c.combine(Name.length, k), bucket(length)),
            c.combine(c.combine(Name.dropped, k), bucket(baseEnd - e)),
            c.combine(c.combine(Name.toEnd, k), bucket(end - e)),
            c.combine(c.combine(Name.rank, k), UInt64(alt.rank)),
            c.combine(c.combine(Name.shape, k), (tokens[e - 1].capitalized ? 1 : 0) | (e < end && tokens[e].capitalized ? 2 : 0)
                      | (tokens[s].capitalized ? 4 : 0)),
        ]
        f.append(c.combine(c.combine(Name.family, k), family ^ next))
        // Inside a quotation or not, at either end, and cut short of the reading's own end or not:
        // annotators rarely end a content inside a quotation.
        f.append(c.combine(c.combine(Name.quoted, k), (tokens[e - 1].quoted ? 1 : 0) | (e < end && tokens[e].quoted ? 2 : 0)
                           | (tokens[s].quoted ? 4 : 0) | (baseEnd > e ? 8 : 0)))
        return f
    }

    func choose(_ alternatives: [Alternative], base: [Range<Int>], role: UInt64, family: UInt64, text: TokenizedText) -> [Range<Int>] {
        guard alternatives.count > 1 else { return base }
        var best = 0, bestScore = -Float.infinity
        for (i, alt) in alternatives.enumerated() {
            let score = weights.sum(Self.features(alt, base: base, role: role, family: family, text: text))
            if score > bestScore { best = i; bestScore = score }
        }
        return alternatives[best].ranges
    }

    /// One training decision: the features of each alternative and the one closest to the gold.
    struct Example {
        var choices: [[UInt64]]
        var oracle: Int
    }

    static func train(_ examples: [Example], epochs: Int, rng: inout SplitMix64) -> BoundaryChooser {
        var examples = examples
        var weights = AveragedWeights()
        for _ in 0..<epochs {
            rng.shuffle(&examples)
            for e in examples {
                var best = 0, bestScore = -Double.infinity
                for (i, c) in e.choices.enumerated() {
                    let s = weights.score(c)
                    if s > bestScore { best = i; bestScore = s }
                }
                if best != e.oracle {
                    weights.update(e.choices[e.oracle], by: 1)
                    weights.update(e.choices[best], by: -1)
                }
                weights.tick()
            }
        }
        return BoundaryChooser(weights: weights.averaged())
    }
}
