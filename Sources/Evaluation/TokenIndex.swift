import ClaimModel

/// The tokens of one document, as scoring counts them (docs/ARCHITECTURE.md "Scoring definitions").
///
/// A token is a maximal run of word scalars (see `isWordScalar`) or a single other scalar that
/// is not white space. Token-level metrics only ever ask "how many tokens start inside these
/// fragments", so the index keeps just the scalar offset of each token's first scalar, sorted;
/// counting the tokens of a span is then two binary searches, with no per-span allocation.
/// This is what lets the scorer handle a million claims: tokenise each document once, then every
/// role of every attribution is a handful of index lookups.
public struct TokenIndex: Sendable {
    /// Scalar offset of the first scalar of each token, strictly increasing.
    public let starts: [Int]

    /// Tokenises `text` once.
    public init(_ text: ScalarText) {
        self.init(scalars: text.scalars)
    }

    /// Tokenises a scalar array (offsets are indexes into it).
    public init(scalars: [Unicode.Scalar]) {
        var starts: [Int] = []
        starts.reserveCapacity(scalars.count / 4 + 1)
        var previousWasWord = false
        for (offset, scalar) in scalars.enumerated() {
            if Self.isWordScalar(scalar) {
                if !previousWasWord { starts.append(offset) }
                previousWasWord = true
            } else {
                if !Self.isSpaceScalar(scalar) { starts.append(offset) }
                previousWasWord = false
            }
        }
        self.starts = starts
    }

    /// Number of tokens in the document.
    public var count: Int { starts.count }

    /// Index of the first token whose first scalar is at or after `offset` (`count` if none).
    /// Token indexes are monotone in offsets, so a scalar range maps to a contiguous token range.
    public func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low &+ high) >> 1
            if starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The tokens that belong to `span`: those whose first scalar lies in it.
    public func tokenRange(of span: Span) -> Range<Int> {
        let lower = firstToken(atOrAfter: span.start)
        guard span.start < span.end else { return lower..<lower }
        return lower..<firstToken(atOrAfter: span.end)
    }

    /// Number of tokens that belong to `fragments` (fragments are sorted and disjoint, so no token
    /// is counted twice).
    public func count(in fragments: Fragments) -> Int {
        var total = 0
        for span in fragments.spans where span.start < span.end {
            total += firstToken(atOrAfter: span.end) - firstToken(atOrAfter: span.start)
        }
        return total
    }

    /// Number of tokens that belong to both `a` and `b`.
    ///
    /// Because a token belongs to a span by its first scalar, the tokens shared by two spans are
    /// exactly the tokens of their scalar intersection; a merge over the sorted fragments finds
    /// those intersections without building any set.
    public func intersectionCount(_ a: Fragments, _ b: Fragments) -> Int {
        let left = a.spans
        let right = b.spans
        var i = 0
        var j = 0
        var total = 0
        while i < left.count && j < right.count {
            let low = max(left[i].start, right[j].start)
            let high = min(left[i].end, right[j].end)
            if low < high {
                total += firstToken(atOrAfter: high) - firstToken(atOrAfter: low)
            }
            if left[i].end < right[j].end { i += 1 } else { j += 1 }
        }
        return total
    }

    /// The full extent of every token of `scalars`, for listings and tests.
    public static func tokenSpans(_ scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var wordStart: Int?
        for (offset, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if wordStart == nil { wordStart = offset }
                continue
            }
            if let start = wordStart {
                spans.append(Span(start, offset))
                wordStart = nil
            }
            if !isSpaceScalar(scalar) { spans.append(Span(offset, offset + 1)) }
        }
        if let start = wordStart { spans.append(Span(start, scalars.count)) }
        return spans
    }

    /// `\w`: letters (Unicode `Alphabetic`), numbers (general categories Nd, Nl, No) and `_`.
    ///
    /// ASCII is decided without a property lookup because it is most of any news text.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s`: Unicode `White_Space`, plus the ASCII separators U+001C–U+001F that Python's `\s`
    /// also counts, so that token counts agree with a Python scorer on the same text.
    public static func isSpaceScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return value == 0x20 || (value >= 0x09 && value <= 0x0D) || (value >= 0x1C && value <= 0x1F)
        }
        return scalar.properties.isWhitespace
    }
}
