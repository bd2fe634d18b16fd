/// A quotation: the token indexes of its opening and closing marks (both inside the quote).
struct Quote: Sendable {
    var open: Int
    var close: Int
    /// False when the paragraph ended first (news style: a quote continued in the next paragraph
    /// reopens without closing); `close` is then the paragraph's last token.
    var terminated: Bool
}

/// Pairs quotation marks within each paragraph.
///
/// Curly and guillemet marks say which side they are; straight marks (`"`, `''`) alternate.
/// A quote never crosses a paragraph break, so one stray mark cannot swallow the article.
enum Quotes {
    static func pair(_ tokens: [Token]) -> (quotes: [Quote], quoteOf: [Int32]) {
        var quotes: [Quote] = []
        var quoteOf = [Int32](repeating: -1, count: tokens.count)
        var open: Int? = nil
        var lastInParagraph = -1

        func finish(_ q: Quote) {
            let id = Int32(quotes.count)
            quotes.append(q)
            for t in q.open...q.close { quoteOf[t] = id }
        }

        for (i, token) in tokens.enumerated() {
            if token.kind == .newline {
                if let o = open, lastInParagraph > o { finish(Quote(open: o, close: lastInParagraph, terminated: false)) }
                open = nil
                continue
            }
            lastInParagraph = i
            guard token.kind == .quote else { continue }
            let v = token.first
            let opening = v == 0x201C || v == 0x201E || v == 0xAB
            let closing = v == 0x201D || v == 0xBB || v == 0x201F
            let attachedLeft = i > 0 && tokens[i - 1].end == token.start && tokens[i - 1].kind != .newline
            let attachedRight = i + 1 < tokens.count && tokens[i + 1].start == token.end
            if let o = open {
                if opening && !(attachedLeft && !attachedRight) {
                    // Two opening marks in a row: the first was stray.
                    open = i
                } else {
                    finish(Quote(open: o, close: i, terminated: true))
                    open = nil
                }
            } else {
                if closing && attachedLeft && !attachedRight { continue }  // a stray closing mark
                open = i
            }
        }
        if let o = open, lastInParagraph > o { finish(Quote(open: o, close: lastInParagraph, terminated: false)) }
        return (quotes, quoteOf)
    }
}
