/// A document prepared once for the rules: scalars, tokens, quotations, sentences.
struct TextIndex {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let quotes: [Quote]
    /// For each token, the index of the quotation containing it (marks included), or -1.
    let quoteOf: [Int32]
    let sentences: [Range<Int>]

    init(_ text: String, lexicons: Lexicons) {
        scalars = Self.scalars(of: text)
        tokens = Tokenizer.tokenize(scalars)
        (quotes, quoteOf) = Quotes.pair(tokens)
        sentences = Sentences.split(tokens, quoteOf: quoteOf, quotes: quotes, lexicons: lexicons)
    }

    /// The text's Unicode scalars in one pass (`Array(text.unicodeScalars)` counts them first,
    /// then copies: two decodings of the text). A text has at most as many scalars as UTF-8 bytes.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            count = 0
            for s in text.unicodeScalars {
                buffer[count] = s
                count += 1
            }
        }
    }

    /// The quotation opening at `i`, if token `i` is an opening mark.
    @inline(__always)
    func quoteOpening(at i: Int) -> Quote? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .quote, quoteOf[i] >= 0 else { return nil }
        let q = quotes[Int(quoteOf[i])]
        return q.open == i ? q : nil
    }

    /// The quotation closing at `i`, if token `i` is a closing mark.
    @inline(__always)
    func quoteClosing(at i: Int) -> Quote? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .quote, quoteOf[i] >= 0 else { return nil }
        let q = quotes[Int(quoteOf[i])]
        return q.close == i && q.terminated ? q : nil
    }

    @inline(__always)
    func isQuoted(_ i: Int) -> Bool { quoteOf[i] >= 0 }

    /// The number of the sentence holding token `i`, or nil for a line break between sentences
    /// (sentences are sorted and disjoint: a binary search). `SentenceIndex.index(of:)` answers the
    /// same question for scalar offsets, for readers outside the extractor.
    func sentence(containing i: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].contains(i) ? lo : nil
    }

    /// A lowercase word of at least `letters` scalars ending in "-ly" that is not a noun of that
    /// shape ("family", "ally"): what may be an adverb ("repeatedly", "openly").
    func endsLikeLyAdverb(_ i: Int, letters: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, !t.capitalized, Int(t.end - t.start) >= letters else { return false }
        let e = Int(t.end)
        return scalars[e - 2] == "l" && scalars[e - 1] == "y" && !Keys.lyNouns.contains(t.key)
    }

    /// A word of more than `letters` scalars ending in "-s" that is no singular "-ss" or "-us"
    /// ("caucus", "numerous", "serious"): what may be a plural ("officials", "teachers").
    func endsLikePlural(_ i: Int, letters: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, Int(t.end - t.start) > letters else { return false }
        let e = Int(t.end)
        return scalars[e - 1] == "s" && scalars[e - 2] != "s" && scalars[e - 2] != "u"
    }

    /// The text of tokens `range` (for names and slugs; never on the hot path of matching).
    func text(_ range: Range<Int>) -> String {
        guard let first = range.first, range.upperBound <= tokens.count, range.upperBound > first else { return "" }
        // UTF-8 written here and decoded once: appending scalars to a UnicodeScalarView went
        // through the generic path, thousands of instructions per name for coreference.
        var bytes: [UInt8] = []
        let start = Int(tokens[first].start), end = Int(tokens[range.upperBound - 1].end)
        bytes.reserveCapacity(end - start)
        for s in scalars[start..<end] { UTF8.encode(s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    func text(token i: Int) -> String { text(i..<(i + 1)) }
}
