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
            if insideQuotation(tokens, at: i, quoteOf: quoteOf, quotes: quotes) { i += 1; continue }
            if token.first == 46 && i > 0 && isAbbreviation(tokens[i - 1], lexicons: lexicons)
                && tokens[i - 1].end == token.start
                && !endsSentence(abbreviationBefore: i, tokens, quoteOf: quoteOf, quotes: quotes, lexicons: lexicons) {
                i += 1
                continue
            }
            // Inside brackets that close soon: "(R-S.C.)" is not a sentence end.
            if insideBrackets(tokens, at: i, from: start) {
                i += 1
                continue
            }
            let end = endAfterClosers(tokens, from: i, quoteOf: quoteOf, quotes: quotes)
            if end >= n { close(n); i = n; break }
            let starts = startsSentence(tokens[end])
            if starts && tokens[end - 1].kind == .quote && token.first != 46
                && speechFollows(tokens, at: end, lexicons: lexicons) {
                // `"Who knew?" she said.`: the quotation's own mark does not end the sentence.
                i = end
                continue
            }
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

    /// The stop at `i` is inside a quotation that goes on after it (more than punctuation before
    /// its closing mark): `"Is it over? No," he said` does not end at "?".
    static func insideQuotation(_ tokens: [Token], at i: Int, quoteOf: [Int32], quotes: [Quote]) -> Bool {
        let q = quoteOf[i]
        guard q >= 0 else { return false }
        let quote = quotes[Int(q)]
        guard quote.terminated && quote.close > i + 1 else { return false }
        var k = i + 1
        while k < quote.close && tokens[k].kind == .punct && tokens[k].first != 44 { k += 1 }
        return k < quote.close
    }

    /// Where a sentence ending with the stop at `i` ends: after the closing quotes, brackets and
    /// further stops that follow it (`done.")` ), but before a quotation that opens.
    static func endAfterClosers(_ tokens: [Token], from i: Int, quoteOf: [Int32], quotes: [Quote]) -> Int {
        let n = tokens.count
        var end = i + 1
        while end < n, tokens[end].kind == .quote || (tokens[end].kind == .punct
            && (tokens[end].first == 41 || tokens[end].first == 93 || tokens[end].first == 46
                || tokens[end].first == 33 || tokens[end].first == 63)) {
            if tokens[end].kind == .quote, quoteOf[end] >= 0, quotes[Int(quoteOf[end])].open == end { break }
            end += 1
        }
        return end
    }

    /// What may open a sentence: a line break, a capital, a number, a quotation mark, an opening
    /// bracket or a dash.
    static func startsSentence(_ next: Token) -> Bool {
        next.kind == .newline || next.capitalized || next.kind == .number || next.kind == .quote
            || (next.kind == .punct && (next.first == 40 || next.first == 91 || next.first == 0x2014))
    }

    static func insideBrackets(_ tokens: [Token], at i: Int, from start: Int) -> Bool {
        var k = i - 1
        while k >= start && i - k < 12 {
            if tokens[k].isPunct(")") { return false }
            if tokens[k].isPunct("(") {
                var m = i + 1
                while m < tokens.count && m - i < 12 && tokens[m].kind != .newline {
                    if tokens[m].isPunct(")") { return true }
                    m += 1
                }
                return false
            }
            k -= 1
        }
        return false
    }

    /// A short subject and a speech verb, then punctuation: `she said`, `said the mayor`.
    static func speechFollows(_ tokens: [Token], at i: Int, lexicons: Lexicons) -> Bool {
        var k = i
        while k < tokens.count && k - i < 16 {
            let t = tokens[k]
            // A subject may carry an appositive: "Scott's niece, state Del. Marcia Price (D-Va.), shouted".
            let allowed = t.kind == .word || t.key == Keys.possessive
                || (t.kind == .punct && (t.first == 46 || t.first == 44 || t.first == 40 || t.first == 41 || t.first == 45))
            if !allowed { return false }
            if !t.capitalized, let verb = lexicons.cues.verb(t), verb.cueClass == .speech {
                // The verb must close the clause within twelve words: "she said.", "he told reporters,",
                // "Trump asked reporters rhetorically during a news conference late last month.".
                var m = k + 1
                while m < tokens.count && m - k <= 12 && tokens[m].kind == .word { m += 1 }
                return m >= tokens.count || tokens[m].kind == .punct || tokens[m].kind == .newline
            }
            k += 1
        }
        return false
    }

    /// An abbreviation that may close a sentence ("in the U.S.", "Acme Inc.", "Washington, D.C.":
    /// `abbreviations.txt` [closing] and the dotted ones), its period at `period`, does when a
    /// capitalised pronoun, determiner or conjunction follows ("... attacks in the U.S. He says
    /// ..."), or a quotation that opens with a capital (`said Ann Ruiz, 20, of Tampa, Fla. "She has
    /// flaws."`). Titles, months and initials ("Sen.", "Jan.", "George W.") only ever lead into a
    /// name or a number.
    static func endsSentence(abbreviationBefore period: Int, _ tokens: [Token], quoteOf: [Int32], quotes: [Quote],
                             lexicons: Lexicons) -> Bool {
        let abbreviation = tokens[period - 1]
        let n = period + 1
        guard n < tokens.count,
              lexicons.word(abbreviation).contains(.closingAbbreviation) || dottedKeys.contains(abbreviation.key)
        else { return false }
        if tokens[n].kind == .quote {
            guard quoteOf[n] >= 0, quotes[Int(quoteOf[n])].open == n, n + 1 < tokens.count else { return false }
            return tokens[n + 1].kind == .word && tokens[n + 1].capitalized
        }
        let next = tokens[n]
        guard next.kind == .word, next.capitalized, !notOpeners.contains(next.key) else { return false }
        return !lexicons.word(next).intersection([.subjectPronoun, .determiner, .conjunction, .discourse]).isEmpty
    }

    /// Capitalised words of those classes that also go on a name: "U.S. A-list", "Mr. I".
    private static let notOpeners: KeySet = KeySet(["a", "an", "i"].map { Tokenizer.key($0) })

    static func isAbbreviation(_ token: Token, lexicons: Lexicons) -> Bool {
        guard token.kind == .word else { return false }
        if lexicons.word(token).contains(.abbreviation) { return true }
        let length = token.end - token.start
        if length == 1 && token.capitalized { return true }  // an initial: "George W. Bush"
        // "U.S", "D.C" and a name's "G.K" (tokenised without the final period); "R-N" of a party and state
        // ("Sen. Chuck Schumer, D-N.Y., said"), which never ends a sentence before the state's
        // second letter.
        return length == 3 && token.allCaps && (dottedKeys.contains(token.key) || partyStateKeys.contains(token.key))
    }

    /// "R-N", "D-S", "I-W": a party's initial, a hyphen and the first letter of a dotted state.
    private static let partyStateKeys: KeySet = KeySet(
        ["r", "d", "i"].flatMap { party in (UInt8(ascii: "a")...UInt8(ascii: "z")).map { letter in
            Tokenizer.key(party + "-" + String(UnicodeScalar(letter)))
        } })

    /// Two dotted initials, tokenised as one word: "U.S", "D.C", "N.H" and a name's "G.K", "H.W".
    private static let dottedKeys: KeySet = KeySet(
        (UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { a in (UInt8(ascii: "a")...UInt8(ascii: "z")).map { b in
            Tokenizer.key(String(UnicodeScalar(a)) + "." + String(UnicodeScalar(b)))
        } })
}
