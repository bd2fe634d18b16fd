import ClaimModel

/// `source -1 +2`: a role's boundaries moved by whole words, so that an analyst fixes a span that is
/// a word too long or too short without retyping its text.
///
/// The first number moves the start, the second the end; a negative number shrinks the role, a
/// positive one grows it: `-1 +2` shrinks the start by one word (the start moves right past the
/// first word) and grows the end by two (the end moves right to the end of the second word after
/// it). On a role of several fragments the start is the first fragment's, the end the last's.
///
/// A word is a run of letters and digits, with apostrophes and hyphens inside it (`don't`,
/// `al-Qaeda`); punctuation and blanks between words are taken in or left out with the word next
/// to them. A boundary never leaves the sentences the role is in, and a fragment never ends
/// without a word.
public struct SpanNudge: Equatable, Sendable {
    /// Words to move the start by: negative shrinks (the start moves right), positive grows (left).
    public let start: Int
    /// Words to move the end by: negative shrinks (the end moves left), positive grows (right).
    public let end: Int

    /// `-1 +2`, `0 -1`: two numbers, each `0` or signed, so that a text such as `20 fighters` is
    /// never read as a nudge.
    static func parse(_ words: [String]) -> SpanNudge? {
        guard words.count == 2, let start = signed(words[0]), let end = signed(words[1]) else { return nil }
        return SpanNudge(start: start, end: end)
    }

    static func signed(_ word: String) -> Int? {
        if word == "0" { return 0 }
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else {
            return nil
        }
        return sign == "-" ? -n : n
    }

    /// How the analyst typed it, for messages: `-1 +2`.
    var spelled: String {
        func one(_ n: Int) -> String { n == 0 ? "0" : n > 0 ? "+\(n)" : "\(n)" }
        return one(start) + " " + one(end)
    }

    /// The fragments with their first start and last end moved, inside `limit` (the role's
    /// sentences); refuses, saying why, when a boundary would leave `limit` or a fragment would
    /// be left without a word.
    func apply(to fragments: Fragments, role: Role, in text: ScalarText, within limit: Span) throws(REPLError) -> Fragments {
        let words = Self.words(in: text, within: limit)
        var spans = fragments.spans
        func refuse(_ reason: String) -> REPLError { .boundary(role: role.rawValue, nudge: spelled, reason: reason) }
        func wordCount(_ n: Int) -> String { plural(n, "word") }

        var first = spans[0]
        if start < 0 {
            let inside = words.filter { $0.end > first.start && $0.start < first.end }
            guard -start < inside.count else {
                throw refuse("the \(role.rawValue) has \(wordCount(inside.count))\(spans.count > 1 ? " in its first fragment" : ""); it cannot lose \(wordCount(-start)) at the start")
            }
            first.start = inside[-start].start
        } else if start > 0 {
            let before = words.filter { $0.start < first.start }
            guard start <= before.count else {
                throw refuse("its sentence has \(wordCount(before.count)) before the \(role.rawValue); the start cannot grow by \(wordCount(start))")
            }
            first.start = before[before.count - start].start
        }
        spans[0] = first

        var last = spans[spans.count - 1]
        if end < 0 {
            let inside = words.filter { $0.end > last.start && $0.start < last.end }
            guard -end < inside.count else {
                let lost = spans.count == 1 && start < 0 ? " after losing \(wordCount(-start)) at the start" : ""
                throw refuse("the \(role.rawValue) has \(wordCount(inside.count))\(spans.count > 1 ? " in its last fragment" : "")\(lost); it cannot lose \(wordCount(-end)) at the end")
            }
            last.end = inside[inside.count - 1 + end].end
        } else if end > 0 {
            let after = words.filter { $0.end > last.end }
            guard end <= after.count else {
                throw refuse("its sentence has \(wordCount(after.count)) after the \(role.rawValue); the end cannot grow by \(wordCount(end))")
            }
            last.end = after[end - 1].end
        }
        spans[spans.count - 1] = last
        guard let moved = Fragments(unchecked: spans), moved.isWellFormed(in: text.count) else {
            throw refuse("the \(role.rawValue) would be left without a word")
        }
        return moved
    }

    /// The words of `text` inside `limit`, in order.
    static func words(in text: ScalarText, within limit: Span) -> [Span] {
        var words: [Span] = []
        let i0 = max(0, limit.start)
        var i = i0
        let end = min(limit.end, text.count)
        func isWord(_ k: Int) -> Bool {
            guard k >= i0, k < end else { return false }
            let p = text.scalars[k].properties
            return p.isAlphabetic || p.numericType != nil
        }
        func isJoiner(_ k: Int) -> Bool { "'’-‐".unicodeScalars.contains(text.scalars[k]) }
        while i < end {
            guard isWord(i) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < end && (isWord(j) || (isJoiner(j) && isWord(j + 1))) { j += 1 }
            words.append(Span(i, j))
            i = j
        }
        return words
    }
}
