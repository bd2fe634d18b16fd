/// Splits tokens into sentences: at line breaks, and after `.`, `!` or `?` when what follows
/// starts a new sentence (a capital, a digit, an opening quote), never after a known
/// abbreviation or an initial, and never inside a quotation that closes later in the paragraph.
enum Sentences {
    static func split(_ tokens: [Token], quoteOf: [Int32], quotes: [Quote], lexicons: Lexicons) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = tokens.count
        func close(_ end: Int) {
            if end > start { sentences.append(start..<end) }
            start = end
        }
        while i < n {
            let token = tokens[i]
            if token.kind == .newline {
                close(i)
                start = i + 1
                i += 1
                continue
            }
            guard token.kind == .punct, token.first == 46 || token.first == 33 || token.first == 63
                || token.first == 0x2026 else {
                i += 1
                continue
            }
            // Inside a quotation that goes on after this mark: not a boundary.
            let q = quoteOf[i]
            if q >= 0 {
                let quote = quotes[Int(q)]
                if quote.terminated && quote.close > i + 1 {
                    var k = i + 1
                    while k < quote.close && tokens[k].kind == .punct && tokens[k].first != 44 { k += 1 }
                    if k < quote.close { i += 1; continue }
                }
            }
            if token.first == 46 && i > 0 && isAbbreviation(tokens[i - 1], lexicons: lexicons)
                && tokens[i - 1].end == token.start {
                i += 1
                continue
            }
            // Absorb closing quotes, brackets and further stops.
            var end = i + 1
            while end < n, tokens[end].kind == .quote || (tokens[end].kind == .punct
                && (tokens[end].first == 41 || tokens[end].first == 93 || tokens[end].first == 46
                    || tokens[end].first == 33 || tokens[end].first == 63)) {
                if tokens[end].kind == .quote, quoteOf[end] >= 0, quotes[Int(quoteOf[end])].open == end { break }
                end += 1
            }
            if end >= n { close(n); i = n; break }
            let next = tokens[end]
            let starts = next.kind == .newline || next.capitalized || next.kind == .number || next.kind == .quote
                || (next.kind == .punct && (next.first == 40 || next.first == 91 || next.first == 0x2014))
            if starts {
                close(end)
                i = end
            } else {
                i += 1
            }
        }
        close(n)
        // Drop newline tokens that might open a sentence.
        return sentences.compactMap { r in
            var lo = r.lowerBound
            while lo < r.upperBound && tokens[lo].kind == .newline { lo += 1 }
            return lo < r.upperBound ? lo..<r.upperBound : nil
        }
    }

    static func isAbbreviation(_ token: Token, lexicons: Lexicons) -> Bool {
        guard token.kind == .word else { return false }
        if lexicons.word(token).contains(.abbreviation) { return true }
        let length = token.end - token.start
        if length == 1 && token.capitalized { return true }  // an initial: "George W. Bush"
        // "U.S" and "D.C" (tokenised without the final period).
        return length == 3 && token.allCaps && token.key != 0 && length > 1 && isDotted(token)
    }

    private static func isDotted(_ token: Token) -> Bool {
        // A three-scalar all-caps word token can only contain a period if the tokenizer kept one.
        token.allCaps && token.kind == .word && (token.end - token.start) == 3 && dottedKeys.contains(token.key)
    }

    private static let dottedKeys: Set<UInt64> = Set(
        ["u.s", "u.k", "d.c", "u.n", "e.u", "l.a", "n.y", "n.j"].map { Tokenizer.key($0) })
}
