import ClaimModel
import Extraction

/// A place where an attribution may start: a cue (token ranges), who proposed it, and the full
/// attributions (variants) that could hang on it. The model chooses one variant or none.
struct Anchor: Sendable {
    enum Origin: Sendable, Equatable {
        /// A rules proposal's cue; `pattern` is its key ("indirect-that/speech").
        case rules(pattern: String)
        /// A word the training gold used as a cue and the rules did not propose here.
        case learned
    }

    var cue: [Range<Int>]
    var origin: Origin
    var variants: [Variant]

    /// The proposer, hashed, for the boundary features.
    var familyHash: UInt64 {
        switch origin {
        case let .rules(pattern): return FeatureHash.hash(pattern)
        case .learned: return FeatureHash.hash("learned")
        }
    }

    /// First cue token.
    var head: Int { cue.first?.lowerBound ?? 0 }
}

/// One complete reading of an anchor: source (empty = no source) and content token ranges.
struct Variant: Sendable {
    /// How it was built ("rules", "rules+sentence", "back/after", …): itself a feature.
    var kind: String
    var source: [Range<Int>]
    var content: [Range<Int>]
    /// The rules proposal it came from, when it did (its outlet, type and entity are kept).
    var proposal: Int?
}

/// What the model knows about cue words from its training gold.
struct CueLexicon: Sendable, Equatable {
    /// Lowercased word → (times it headed a gold cue, times it occurred in the training texts).
    let entries: [String: CueCount]
    /// The cue detector's rate bucket (1–7) of each word that has one, by the word's FNV-1a hash,
    /// so that the detector looks a token's rate up by hash (no String hashing per token).
    let detectorBuckets: WeightTable
    /// The words `isCue` accepts, by hash (value 1), for the per-token check of the anchors.
    let cueWordHashes: WeightTable

    init(entries: [String: CueCount] = [:]) {
        self.entries = entries
        var pairs: [(UInt64, Float)] = []
        for (word, _) in entries {
            let bucket = CueDetector.rateBucket(Self.rate(entries[word]))
            if bucket > 0 { pairs.append((FeatureHash.hash(word), Float(bucket))) }
        }
        pairs.sort { $0.0 < $1.0 }
        detectorBuckets = WeightTable(keys: pairs.map(\.0), values: pairs.map(\.1))
        let cues = entries.filter { Self.isCue($0.value) }.keys.map { FeatureHash.hash($0) }.sorted()
        cueWordHashes = WeightTable(keys: cues, values: Array(repeating: 1, count: cues.count))
    }

    static func == (a: CueLexicon, b: CueLexicon) -> Bool { a.entries == b.entries }

    struct CueCount: Sendable, Equatable {
        var cue: Int
        var seen: Int
    }

    /// Words that only carry tense or modality in a cue ("has said", "was told"): never anchors.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would", "could", "can",
        "may", "might", "should", "did", "does", "do", "also", "not", "to", "a", "an", "the", "in", "of", "s", "it",
    ]

    /// Share of its occurrences where the word headed a gold cue (0 for words never a cue).
    func rate(_ word: String) -> Double { Self.rate(entries[word]) }

    static func rate(_ e: CueCount?) -> Double {
        guard let e, e.seen > 0 else { return 0 }
        return Double(e.cue) / Double(e.seen)
    }

    /// The auxiliaries, looked up by a token's bytes (for every word token the detector scores).
    static let auxiliaryWords = WordSet(auxiliaries)

    func isCue(_ word: String) -> Bool { entries[word].map(Self.isCue) ?? false }

    static func isCue(_ e: CueCount) -> Bool {
        e.cue >= 2 && Double(e.cue) / Double(max(1, e.seen)) >= 0.05 || e.cue >= 1 && e.seen <= 3
    }

    /// Sorted by word: the order the bytes are written in.
    var sorted: [(String, CueCount)] { entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}

/// Builds the anchors of a document: the rules' proposals grouped by cue, plus learned cues.
struct CandidateBuilder {
    let text: TokenizedText
    let lexicon: CueLexicon
    /// The cue detector's score of each token, and the score above which a token is an anchor.
    var cueScores: [Float] = []
    var proposeAbove: Float = .infinity
    /// A cue-lexicon word scoring below this is no anchor (`CueDetector.lexiconFloor`).
    var lexiconFloor: Float = -.infinity

    static let clauseStops: Set<String> = [
        "that", "which", "who", "whom", "and", "but", "or", "because", "when", "while", "as", "if", "though",
        "although", "since", "after", "before", "where", "so", "than", "said", "says", "told",
    ]
    /// Words that join clauses and never head a cue themselves: a learned cue on "that" in "X
    /// radioed that …" would read "X radioed" as its source and compete with the real cue.
    static let neverCues = WordSet(["that", "which", "who", "whom", "whose", "and", "but", "or"])
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you", "who", "this", "that"]
    /// The same words, asked about tokens without hashing Strings (the candidates' hot loops).
    static let clauseStopWords = WordSet(clauseStops), pronounWords = WordSet(pronouns)
    static let clauseLeaders = WordSet(["that", ":", ",", "to"]), clauseTrailers = WordSet([",", "\u{2014}", "-", ":"])

    func anchors(proposals: [RulesExtractor.Detailed]) -> [Anchor] {
        var anchors: [Anchor] = []
        var cueIndex: [Int: Int] = [:]   // first cue token → anchor index
        for (p, detailed) in proposals.enumerated() {
            let a = detailed.attribution
            let cue = text.tokenRanges(a.cue)
            let content = text.tokenRanges(a.content)
            guard !content.isEmpty else { continue }
            let source = text.tokenRanges(a.source)
            let head = cue.first?.lowerBound ?? content[0].lowerBound
            let variant = Variant(kind: "rules", source: source, content: content, proposal: p)
            if let i = cueIndex[head], !cue.isEmpty {
                anchors[i].variants.append(variant)
            } else {
                cueIndex[head] = anchors.count
                anchors.append(Anchor(cue: cue, origin: .rules(pattern: detailed.pattern), variants: [variant]))
            }
        }
        // Widened contents for the rules' anchors: to the end of the sentence and, inside a quotation,
        // on to its close (boundaries are a learned choice, not the pattern's).
        for i in anchors.indices {
            var extra: [Variant] = []
            for v in anchors[i].variants where v.proposal != nil {
                if let last = v.content.last, let widened = widen(last) , widened != last {
                    extra.append(Variant(kind: "rules+wide", source: v.source, content: v.content.dropLast() + [widened],
                                         proposal: v.proposal))
                }
            }
            anchors[i].variants += extra
            // Other readings of the rules' cue, as a learned cue gets them: the rules may have taken
            // the wrong source or content, and the scorer may prefer one of these.
            if let first = anchors[i].cue.first?.lowerBound, let last = anchors[i].cue.last?.upperBound,
               last > first, text.tokens[first].sentence == text.tokens[last - 1].sentence {
                let known = anchors[i].variants
                for v in learnedVariants(cueFirst: first, cueLast: last - 1)
                where !known.contains(where: { $0.source == v.source && $0.content == v.content }) {
                    anchors[i].variants.append(Variant(kind: "alt:" + v.kind, source: v.source, content: v.content, proposal: nil))
                }
            }
        }
        // Learned cues the rules did not use as a cue.
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for a in anchors { for r in a.cue { for t in r where t < covered.count { covered[t] = true } } }
        for (t, token) in text.tokens.enumerated() where token.isWord && !covered[t] && !Self.neverCues.contains(t, in: text)
            && (t < cueScores.count && cueScores[t] > proposeAbove
                // The floor first: a comparison, where the lexicon is a lookup most tokens below it need not make.
                || (t >= cueScores.count || cueScores[t] >= lexiconFloor) && lexicon.cueWordHashes.weight(text.wordHashes[t]) != 0) {
            let variants = learnedVariants(cue: t)
            if !variants.isEmpty { anchors.append(Anchor(cue: [t..<(t + 1)], origin: .learned, variants: variants)) }
        }
        return anchors
    }

    /// Words that only carry tense, modality or negation between a subject and its verb ("X has
    /// long been", "X does not"): a subject read backwards from a cue starts before them.
    static let verbHelpers = WordSet([
        "has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "could", "can", "may", "might",
        "should", "did", "does", "do", "also", "not", "never", "still", "already", "just", "then", "only", "even", "later",
        "n", "'", "t", "doesn", "didn", "don", "isn", "wasn", "hasn", "haven", "won", "wouldn", "couldn", "aren", "weren",
    ])
    /// What a sentence's subject is read past at its start, and where a passive's agent ends.
    static let subjectLeaders = WordSet(["but", "and", "so", "yet", "then", "still", ",", "-", "\u{2014}"])
    static let agentStops = WordSet(["whether", "about", "on"])


    /// The sentence's opening noun phrase ("Priebus, who …, arrived … and acknowledged"): from the
    /// sentence start past a leading conjunction to the first comma or clause word, at most 8 tokens.
    func sentenceSubject(_ sentence: Range<Int>, before t: Int) -> Range<Int>? {
        var s = sentence.lowerBound
        while s < t, text.tokens[s].isQuote || Self.subjectLeaders.contains(s, in: text) {
            s += 1
        }
        var e = s
        while e < t && e - s < 8 {
            let tok = text.tokens[e]
            if tok.isQuote || Self.clauseStopWords.contains(e, in: text) { break }
            if !isNamePart(e) { break }
            e += 1
        }
        return e > s ? s..<e : nil
    }

    /// A passive's agent after the cue ("asked by X whether …", "estimates by X about …"): the
    /// words after "by" up to a comma or clause word, and the rest of the sentence after them.
    func agentAfter(_ t: Int, in sentence: Range<Int>) -> (agent: Range<Int>, rest: Range<Int>?)? {
        var b = t + 1
        if b < sentence.upperBound, b + 1 < sentence.upperBound, !text.lower(b, is: "by"), text.lower(b + 1, is: "by") { b += 1 }
        guard b + 1 < sentence.upperBound, text.lower(b, is: "by") else { return nil }
        var e = b + 1
        while e < sentence.upperBound && e - b <= 10 {
            let tok = text.tokens[e]
            if tok.isQuote || Self.clauseStopWords.contains(e, in: text) || Self.agentStops.contains(e, in: text) { break }
            if !(tok.isWord || tok.isNumber || text.lower(e, is: "'") || text.lower(e, is: "-") || text.lower(e, is: "&")
                 || text.lower(e, is: "/")) { break }
            if text.lower(e, is: ".") && e + 1 >= sentence.upperBound { break }
            e += 1
        }
        guard e > b + 1 else { return nil }
        return ((b + 1)..<e, clauseAfter(e - 1, in: sentence))
    }

    /// `range` widened to its sentence's end (and on through a quotation that does not close there).
    func widen(_ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty, range.upperBound <= text.tokens.count else { return nil }
        let sentence = text.sentences[text.tokens[range.upperBound - 1].sentence]
        var end = sentence.upperBound
        // Leave the sentence's final punctuation out, as annotators mostly do.
        while end > range.upperBound, !text.tokens[end - 1].isWord && !text.tokens[end - 1].isNumber && !text.tokens[end - 1].isQuote {
            end -= 1
        }
        return range.lowerBound..<max(end, range.upperBound)
    }

    /// Readings of a lone cue word, each named by its kind: with the clause after it as content, the
    /// subject before it (`back`), that subject's capitalised tail (`named`), no source (`none`), the
    /// sentence's subject (`subject`), a relative pronoun before it (`rel`) or the nearest personal
    /// pronoun (`pron`); with the phrase of a cue opening its sentence (`lead`); with the agent after
    /// "by" (`by`); with the clause before it as content and the subject before or after it
    /// (`back/front`, `forward/front`).
    func learnedVariants(cue t: Int) -> [Variant] { learnedVariants(cueFirst: t, cueLast: t) }

    /// The same readings around a cue of several tokens (from `cueFirst` through `cueLast`).
    func learnedVariants(cueFirst t: Int, cueLast: Int) -> [Variant] {
        let sentence = text.sentences[text.tokens[t].sentence]
        var variants: [Variant] = []
        let back = subjectBefore(t, in: sentence)
        let after = clauseAfter(cueLast, in: sentence)
        let front = clauseBefore(back?.lowerBound ?? t, in: sentence)
        let beforeCue = back == nil ? front : clauseBefore(t, in: sentence)
        let forward = subjectAfter(cueLast, in: sentence)
        let named = back.flatMap { capitalizedTail($0) }
        if let after {
            if let back { variants.append(Variant(kind: "back/after", source: [back], content: [after])) }
            if let named { variants.append(Variant(kind: "named/after", source: [named], content: [after])) }
            variants.append(Variant(kind: "none/after", source: [], content: [after]))
            // A cue with no subject of its own before it (after "and", a comma, helpers only) may
            // share the sentence's ("X, who …, arrived … and acknowledged that …").
            if back.map({ $0.allSatisfy { Self.verbHelpers.contains($0, in: text) } }) ?? true,
               let subject = sentenceSubject(sentence, before: t), subject != back,
               !variants.contains(where: { $0.source.first == subject }) {
                variants.append(Variant(kind: "subject/after", source: [subject], content: [after]))
            }
            // A relative pronoun right before the cue ("Weld, who signed …", "a poll that shows …"),
            // which annotators often mark as the source itself.
            if let r = relativeBefore(t, in: sentence), !variants.contains(where: { $0.source == [r] }) {
                variants.append(Variant(kind: "rel/after", source: [r], content: [after]))
            }
            // The nearest personal pronoun before the cue: the subject of the clause the cue hangs
            // on ("as he defended the campaign, saying …").
            if let p = pronounBefore(t, in: sentence), !variants.contains(where: { $0.source == [p] }) {
                variants.append(Variant(kind: "pron/after", source: [p], content: [after]))
            }
        }
        // A cue opening its sentence, up to a comma: "Noting that …, Trump reminded …" (the content
        // before the comma, the subject after it) and "According to X, …" (the other way round).
        if t - sentence.lowerBound <= 1,
           let comma = ((cueLast + 1)..<sentence.upperBound).first(where: { text.lower($0, is: ",") }), comma > cueLast + 1 {
            var lead = cueLast + 1
            while lead < comma, Self.clauseLeaders.contains(lead, in: text) { lead += 1 }
            if lead < comma {
                if let subject = subjectAfter(comma, in: sentence) {
                    variants.append(Variant(kind: "lead/main", source: [subject], content: [lead..<comma]))
                }
                if let rest = clauseAfter(comma, in: sentence) {
                    variants.append(Variant(kind: "lead/rest", source: [lead..<comma], content: [rest]))
                }
            }
        }
        if let agent = agentAfter(cueLast, in: sentence) {
            if let rest = agent.rest { variants.append(Variant(kind: "by/after", source: [agent.agent], content: [rest])) }
            if let beforeCue {
                variants.append(Variant(kind: "by/front", source: [agent.agent], content: [beforeCue]))
            }
        }
        if let front {
            if let back { variants.append(Variant(kind: "back/front", source: [back], content: [front])) }
            if let forward, let front2 = beforeCue {
                variants.append(Variant(kind: "forward/front", source: [forward], content: [front2]))
            }
        }
        return variants
    }

    static let relativePronouns = WordSet(["who", "that", "which"])
    /// Marks a subject phrase may hold besides words and numbers ("O'Neill", "U.S.", "Smith-Jones", "AT&T").
    static let nameMarks = WordSet(["'", ".", "-", "&"])

    /// Token `k` can be part of a subject phrase: a word, a number or a `nameMarks` mark.
    private func isNamePart(_ k: Int) -> Bool {
        text.tokens[k].isWord || text.tokens[k].isNumber || Self.nameMarks.contains(k, in: text)
    }
    static let personalPronouns = WordSet(["he", "she", "they", "we", "i"])

    /// "who", "that" or "which" before the cue, past at most three helpers or adverbs.
    private func relativeBefore(_ t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var k = t - 1
        while k >= sentence.lowerBound && t - k <= 4 {
            if Self.relativePronouns.contains(k, in: text) { return k..<(k + 1) }
            guard Self.verbHelpers.contains(k, in: text) || text.tokens[k].lower.hasSuffix("ly") else { return nil }
            k -= 1
        }
        return nil
    }

    /// The nearest personal pronoun before the cue in its sentence, outside quotations, at most 30
    /// tokens back.
    private func pronounBefore(_ t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var k = t - 1
        while k >= sentence.lowerBound && t - k <= 30 {
            if Self.personalPronouns.contains(k, in: text) && !text.tokens[k].quoted { return k..<(k + 1) }
            k -= 1
        }
        return nil
    }

    private func subjectBefore(_ t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var i = t
        while i > sentence.lowerBound && t - i < 10 {
            let k = i - 1
            if text.tokens[k].isQuote || Self.clauseStopWords.contains(k, in: text) { break }
            if !isNamePart(k) { break }
            i -= 1
        }
        // Skip adverbs right before the cue ("X also posted") by keeping them: overlap scoring forgives them.
        return i < t ? i..<t : nil
    }

    /// The run of capitalised words that ends `range` ("Later that evening [Carl Weiss]"), when
    /// it is shorter than the range.
    private func capitalizedTail(_ range: Range<Int>) -> Range<Int>? {
        var i = range.upperBound
        while i > range.lowerBound, text.tokens[i - 1].capitalized || text.lower(i - 1, is: ".") && i - 1 > range.lowerBound {
            i -= 1
        }
        return i > range.lowerBound && i < range.upperBound ? i..<range.upperBound : nil
    }

    private func subjectAfter(_ t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var j = t + 1
        while j < sentence.upperBound && j - t <= 8 {
            let dot = text.lower(j, is: ".")
            if !(text.tokens[j].isWord || text.tokens[j].isNumber || text.lower(j, is: "'") || text.lower(j, is: "-") || dot) { break }
            if dot && j + 1 >= sentence.upperBound { break }
            j += 1
        }
        return j > t + 1 ? (t + 1)..<j : nil
    }

    private func clauseAfter(_ t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var i = t + 1
        while i < sentence.upperBound, Self.clauseLeaders.contains(i, in: text) { i += 1 }
        guard i < sentence.upperBound else { return nil }
        return widen(i..<(i + 1))
    }

    private func clauseBefore(_ end: Int, in sentence: Range<Int>) -> Range<Int>? {
        var e = end
        while e > sentence.lowerBound, Self.clauseTrailers.contains(e - 1, in: text) { e -= 1 }
        guard e > sentence.lowerBound else { return nil }
        return sentence.lowerBound..<e
    }
}
