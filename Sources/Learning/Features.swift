/// The features of one variant of one anchor: what the cue is, who proposed it, what the source
/// and content look like and where they lie. Conjunctions with the proposal's kind let the one
/// reading scorer (`ReadingNet`) judge rules proposals and learned readings differently.
struct FeatureExtractor {
    let text: TokenizedText
    let lexicon: CueLexicon
    /// For each token, the first anchor whose (first) rules proposal's content holds it, or -1.
    let contentOwner: [Int]
    /// The cue detector's score of each token.
    let cueScores: [Float]

    init(text: TokenizedText, lexicon: CueLexicon, anchors: [Anchor], cueScores: [Float] = []) {
        self.text = text
        self.lexicon = lexicon
        self.cueScores = cueScores
        var owner = [Int](repeating: -1, count: text.tokens.count)
        for (i, a) in anchors.enumerated() {
            guard case .rules = a.origin, let first = a.variants.first else { continue }
            for r in first.content { for t in r where t < owner.count && owner[t] < 0 { owner[t] = i } }
        }
        contentOwner = owner
    }

    /// The feature names; a conjoined one is also hashed after the anchor's origin (`o:ORIGIN&`)
    /// and head word (`h:HEAD&`), so the one scorer judges rules proposals and learned readings
    /// differently. Adding a feature: a name here, one `add` in `anchorPart` (the same for every
    /// variant of an anchor) or in `write` (per variant); values are literals, tokens or Strings.
    enum Name {
        static let bias = FeatureName("bias"), origin = FeatureName("origin"), family = FeatureName("family")
        static let kind = FeatureName("kind", origin: true, head: true)
        static let cue = FeatureName("cue"), head = FeatureName("head"), stem = FeatureName("stem")
        static let rate = FeatureName("rate"), prev = FeatureName("prev"), next = FeatureName("next")
        static let cueQuoted = FeatureName("cueQuoted"), cuePos = FeatureName("cuePos")
        static let nested = FeatureName("nested", origin: true, head: true)
        static let variants = FeatureName("variants")
        static let det = FeatureName("det", origin: true, head: true)
        static let src = FeatureName("src", origin: true, head: true)
        static let srcLen = FeatureName("srcLen"), srcFirst = FeatureName("srcFirst"), srcLast = FeatureName("srcLast")
        static let srcPron = FeatureName("srcPron", origin: true, head: true)
        static let srcCap = FeatureName("srcCap", origin: true, head: true)
        static let srcSide = FeatureName("srcSide", origin: true, head: true)
        static let srcGap = FeatureName("srcGap"), srcQuoted = FeatureName("srcQuoted")
        static let conLen = FeatureName("conLen", origin: true)
        static let conSide = FeatureName("conSide", origin: true, head: true)
        static let conGap = FeatureName("conGap")
        static let conSents = FeatureName("conSents", origin: true, head: true)
        static let conFirst = FeatureName("conFirst"), conLast = FeatureName("conLast"), conQuote = FeatureName("conQuote")
        static let conFrags = FeatureName("conFrags"), conToEnd = FeatureName("conToEnd")
        static let conStartsSentence = FeatureName("conStartsSentence")
        static let kindFamily = FeatureName("kind&family")
    }

    static func stem(_ w: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
            return String(w.dropLast(suffix.count))
        }
        return w
    }

    static func bucket(_ n: Int) -> StaticString {
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

    /// The cue detector's best score over the anchor's cue tokens, in coarse steps.
    static func detectorBucket(_ a: Anchor, _ scores: [Float]) -> StaticString {
        var top = -Float.infinity
        for r in a.cue { for t in r where t < scores.count { top = max(top, scores[t]) } }
        guard top > -.infinity else { return "none" }
        return detectorBucketNames[detectorSteps.firstIndex { top < $0 } ?? detectorSteps.count]
    }

    private static let detectorSteps: [Float] = [-8, -4, -2, -1, 0, 1, 2, 4, 8]
    private static let detectorBucketNames: [StaticString] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

    static func yes(_ b: Bool) -> StaticString { b ? "y" : "n" }

    /// What the features of an anchor's variants share, hashed once per anchor.
    struct AnchorPart {
        /// bias, origin, family (before the variant's kind).
        var leading: [UInt64] = []
        /// cue … cuePos (after the kind, before nested).
        var shared: [UInt64] = []
        var nested: (plain: UInt64, origin: UInt64, head: UInt64) = (0, 0, 0)
        var variantCount: UInt64 = 0
        /// The cue detector's bucket: plain, after the origin, after the head word.
        var detector: (plain: UInt64, origin: UInt64, head: UInt64) = (0, 0, 0)
        var originPrefix: UInt64 = 0
        var headPrefix: UInt64 = 0
        var family = ""
        var head = 0
        /// The token after the cue.
        var lastCue = 0
    }

    func anchorPart(_ a: Anchor, index: Int) -> AnchorPart {
        var part = AnchorPart()
        let tokens = text.tokens
        let head = tokens[a.head]
        let origin: String
        var family = "learned"
        switch a.origin {
        case let .rules(pattern):
            origin = pattern
            // The first non-empty part before a "/" (as `split(separator: "/").first`, without the array).
            family = String(pattern.drop { $0 == "/" }.prefix { $0 != "/" })
        case .learned:
            origin = "learned"
        }
        let rate = lexicon.rate(head.lower)
        let rateBucket: StaticString = rate == 0 ? "0" : rate < 0.1 ? "<.1" : rate < 0.3 ? "<.3" : rate < 0.6 ? "<.6" : "hi"
        let sentence = text.sentences[head.sentence]
        let positionInSentence = a.head - sentence.lowerBound
        let lastCue = a.cue.last.map { $0.upperBound } ?? a.head + 1
        let owner = contentOwner[a.head]
        let nestedIn = owner >= 0 && owner != index

        // `cue=` the cue's words joined by single spaces.
        var cue = Name.cue.state, firstWord = true
        for r in a.cue {
            for t in r {
                if !firstWord { cue = FeatureHash.mix(cue, 0x20) }
                firstWord = false
                cue = text.hashLower(t, into: cue)
            }
        }
        part.leading = [
            Name.bias.state, FeatureHash.hash(utf8: origin, into: Name.origin.state),
            FeatureHash.hash(utf8: family, into: Name.family.state),
        ]
        part.shared = [
            cue, text.hashLower(a.head, into: Name.head.state),
            text.hashStem(a.head, into: Name.stem.state),
            FeatureHash.hash(rateBucket, into: Name.rate.state),
            a.head > 0 ? text.hashLower(a.head - 1, into: Name.prev.state) : FeatureHash.hash("<s>", into: Name.prev.state),
            lastCue < tokens.count ? text.hashLower(lastCue, into: Name.next.state) : FeatureHash.hash("</s>", into: Name.next.state),
            FeatureHash.hash(Self.yes(head.quoted), into: Name.cueQuoted.state),
            FeatureHash.hash(Self.bucket(positionInSentence), into: Name.cuePos.state),
        ]
        part.originPrefix = FeatureHash.mix(FeatureHash.hash(utf8: origin, into: FeatureHash.hash("o:", into: FeatureHash.offset)), 0x26)
        part.headPrefix = FeatureHash.mix(text.hashLower(a.head, into: FeatureHash.hash("h:", into: FeatureHash.offset)), 0x26)
        let nested = Self.yes(nestedIn)
        part.nested = (FeatureHash.hash(nested, into: Name.nested.state),
                       FeatureHash.hash(nested, into: Name.nested.state(after: part.originPrefix)),
                       FeatureHash.hash(nested, into: Name.nested.state(after: part.headPrefix)))
        part.variantCount = FeatureHash.hash(Self.bucket(a.variants.count), into: Name.variants.state)
        let detector = Self.detectorBucket(a, cueScores)
        part.detector = (FeatureHash.hash(detector, into: Name.det.state),
                         FeatureHash.hash(detector, into: Name.det.state(after: part.originPrefix)),
                         FeatureHash.hash(detector, into: Name.det.state(after: part.headPrefix)))
        part.family = family
        part.head = a.head
        part.lastCue = lastCue
        return part
    }

    /// The features of every variant of an anchor (the anchor's own part computed once).
    func features(anchor a: Anchor, index: Int) -> [FeatureVector] {
        let part = anchorPart(a, index: index)
        var buffer = FeatureBuffer()
        return a.variants.map { v in
            write(part, variant: v, into: &buffer)
            return buffer.vector
        }
    }

    func features(anchor a: Anchor, index: Int, variant v: Variant) -> FeatureVector {
        var buffer = FeatureBuffer()
        write(anchorPart(a, index: index), variant: v, into: &buffer)
        return buffer.vector
    }

    /// Writes one variant's features into `f` (reset first), in the model's order.
    func write(_ part: AnchorPart, variant v: Variant, into f: inout FeatureBuffer) {
        f.reset(originPrefix: part.originPrefix, headPrefix: part.headPrefix)
        let tokens = text.tokens
        for h in part.leading { f.add(hash: h) }
        f.add(Name.kind, utf8: v.kind)
        for h in part.shared { f.add(hash: h) }
        f.add(hash: part.nested.plain, origin: part.nested.origin, head: part.nested.head)
        f.add(hash: part.variantCount)
        f.add(hash: part.detector.plain, origin: part.detector.origin, head: part.detector.head)
        // Source.
        if let s = v.source.first, let e = v.source.last {
            let first = tokens[s.lowerBound], lastIndex = e.upperBound - 1, last = tokens[lastIndex]
            let n = v.source.reduce(0) { $0 + $1.count }
            let before = e.upperBound <= part.head
            let gap = before ? part.head - e.upperBound : s.lowerBound - part.lastCue
            f.add(Name.src, "yes")
            f.add(Name.srcLen, Self.bucket(n))
            f.add(Name.srcFirst, token: s.lowerBound, of: text)
            f.add(Name.srcLast, token: lastIndex, of: text)
            f.add(Name.srcPron, Self.yes(n == 1 && CandidateBuilder.pronounWords.contains(lastIndex, in: text)))
            f.add(Name.srcCap, last.capitalized ? "cap" : last.isWord ? "low" : "other")
            f.add(Name.srcSide, before ? "before" : "after")
            f.add(Name.srcGap, Self.bucket(gap))
            f.add(Name.srcQuoted, Self.yes(first.quoted))
        } else {
            f.add(Name.src, "none")
        }
        // Content.
        if let s = v.content.first, let e = v.content.last {
            let n = v.content.reduce(0) { $0 + $1.count }
            let first = tokens[s.lowerBound], lastIndex = e.upperBound - 1, last = tokens[lastIndex]
            let side: StaticString, gap: Int
            if s.lowerBound >= part.lastCue {
                (side, gap) = ("after", s.lowerBound - part.lastCue)
            } else if e.upperBound <= part.head {
                (side, gap) = ("before", part.head - e.upperBound)
            } else {
                (side, gap) = ("around", 0)
            }
            let sentences = last.sentence - first.sentence + 1
            let toEnd = text.sentences[last.sentence].upperBound - e.upperBound
            let quote: StaticString = first.isQuote ? (last.isQuote ? "openclose" : "open-") : (last.isQuote ? "-close" : "--")
            f.add(Name.conLen, Self.bucket(n))
            f.add(Name.conSide, side)
            f.add(Name.conGap, Self.bucket(gap))
            f.add(Name.conSents, Self.bucket(sentences))
            f.add(Name.conFirst, token: s.lowerBound, of: text)
            f.add(Name.conLast, token: lastIndex, of: text)
            f.add(Name.conQuote, quote)
            f.add(Name.conFrags, Self.bucket(v.content.count))
            f.add(Name.conToEnd, Self.bucket(toEnd))
            f.add(Name.conStartsSentence, Self.yes(s.lowerBound == text.sentences[first.sentence].lowerBound))
        }
        // The proposer's kind with the rules' family, after every conjunction.
        var kindFamily = FeatureHash.hash(utf8: v.kind, into: Name.kindFamily.state)
        kindFamily = FeatureHash.hash(utf8: part.family, into: FeatureHash.mix(kindFamily, 0x7C))
        f.close(hash: kindFamily)
    }
}
