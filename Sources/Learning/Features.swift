/// The features of one variant of one anchor: what the cue is, who proposed it, what the source
/// and content look like and where they lie. Conjunctions with the proposal's kind let one weight
/// vector judge rules proposals and learned readings differently.
struct FeatureExtractor {
    let text: TokenizedText
    let lexicon: CueLexicon
    /// Tokens inside some rules proposal's content, by the anchor whose proposal it is.
    let contentOwner: [Int: Int]

    init(text: TokenizedText, lexicon: CueLexicon, anchors: [Anchor]) {
        self.text = text
        self.lexicon = lexicon
        var owner: [Int: Int] = [:]
        for (i, a) in anchors.enumerated() {
            guard case .rules = a.origin, let first = a.variants.first else { continue }
            for r in first.content { for t in r where owner[t] == nil { owner[t] = i } }
        }
        contentOwner = owner
    }

    static let conjoined: Set<String> = ["src", "srcSide", "conSide", "conLen", "srcPron", "kind", "nested", "srcCap", "conSents"]

    static func stem(_ w: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
            return String(w.dropLast(suffix.count))
        }
        return w
    }

    static func bucket(_ n: Int) -> String {
        switch n {
        case ..<0: return "neg"
        case 0: return "0"
        case 1: return "1"
        case 2: return "2"
        case 3...4: return "3-4"
        case 5...8: return "5-8"
        case 9...16: return "9-16"
        case 17...32: return "17-32"
        default: return "33+"
        }
    }

    /// The features of every variant of an anchor (the anchor's own part computed once).
    func features(anchor a: Anchor, index: Int) -> [FeatureVector] {
        a.variants.map { features(anchor: a, index: index, variant: $0) }
    }

    func features(anchor a: Anchor, index: Int, variant v: Variant) -> FeatureVector {
        var f = FeatureVector()
        let tokens = text.tokens
        let head = tokens[a.head]
        let origin: String
        var family = "learned"
        switch a.origin {
        case let .rules(pattern):
            origin = pattern
            family = String(pattern.split(separator: "/").first ?? "")
        case .learned:
            origin = "learned"
        }
        let cueWords = a.cue.flatMap { $0.map { tokens[$0].lower } }.joined(separator: " ")
        let stem = Self.stem(head.lower)
        let rate = lexicon.rate(head.lower)
        let rateBucket = rate == 0 ? "0" : rate < 0.1 ? "<.1" : rate < 0.3 ? "<.3" : rate < 0.6 ? "<.6" : "hi"
        let sentence = text.sentences[head.sentence]
        let positionInSentence = a.head - sentence.lowerBound
        let prev = a.head > 0 ? tokens[a.head - 1].lower : "<s>"
        let lastCue = a.cue.last.map { $0.upperBound } ?? a.head + 1
        let next = lastCue < tokens.count ? tokens[lastCue].lower : "</s>"
        let nestedIn = contentOwner[a.head].map { $0 != index } ?? false

        var base: [(String, String)] = [
            ("bias", ""), ("origin", origin), ("family", family), ("kind", v.kind),
            ("cue", cueWords), ("head", head.lower), ("stem", stem), ("rate", rateBucket),
            ("prev", prev), ("next", next), ("cueQuoted", head.quoted ? "y" : "n"),
            ("cuePos", Self.bucket(positionInSentence)), ("nested", nestedIn ? "y" : "n"),
            ("variants", Self.bucket(a.variants.count)),
        ]
        // Source.
        if let s = v.source.first, let e = v.source.last {
            let first = tokens[s.lowerBound], last = tokens[e.upperBound - 1]
            let n = v.source.reduce(0) { $0 + $1.count }
            let side = e.upperBound <= a.head ? "before" : "after"
            let gap = side == "before" ? a.head - e.upperBound : s.lowerBound - lastCue
            base += [
                ("src", "yes"), ("srcLen", Self.bucket(n)), ("srcFirst", first.lower), ("srcLast", last.lower),
                ("srcPron", CandidateBuilder.pronouns.contains(last.lower) && n == 1 ? "y" : "n"),
                ("srcCap", last.capitalized ? "cap" : last.isWord ? "low" : "other"),
                ("srcSide", side), ("srcGap", Self.bucket(gap)), ("srcQuoted", first.quoted ? "y" : "n"),
            ]
        } else {
            base.append(("src", "none"))
        }
        // Content.
        if let s = v.content.first, let e = v.content.last {
            let n = v.content.reduce(0) { $0 + $1.count }
            let first = tokens[s.lowerBound], last = tokens[e.upperBound - 1]
            let side = s.lowerBound >= lastCue ? "after" : e.upperBound <= a.head ? "before" : "around"
            let gap = side == "after" ? s.lowerBound - lastCue : side == "before" ? a.head - e.upperBound : 0
            let sentences = tokens[e.upperBound - 1].sentence - first.sentence + 1
            let endSentence = text.sentences[tokens[e.upperBound - 1].sentence]
            let toEnd = endSentence.upperBound - e.upperBound
            base += [
                ("conLen", Self.bucket(n)), ("conSide", side), ("conGap", Self.bucket(gap)),
                ("conSents", Self.bucket(sentences)), ("conFirst", first.lower), ("conLast", last.lower),
                ("conQuote", (first.isQuote ? "open" : "-") + (last.isQuote ? "close" : "-")),
                ("conFrags", Self.bucket(v.content.count)), ("conToEnd", Self.bucket(toEnd)),
                ("conStartsSentence", s.lowerBound == text.sentences[first.sentence].lowerBound ? "y" : "n"),
            ]
        }
        for (n, value) in base { f.add(n, value) }
        // Conjunctions: the proposer with the shape of the reading.
        let conj = base.filter { Self.conjoined.contains($0.0) }
        f.conjoin("o:" + origin, with: conj)
        f.conjoin("h:" + head.lower, with: conj.filter { $0.0 != "conLen" })
        f.add("kind&family", v.kind + "|" + family)
        return f
    }
}
