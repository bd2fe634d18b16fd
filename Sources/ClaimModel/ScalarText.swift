/// A document's text as an array of Unicode scalars, so that scalar offsets slice in O(1).
///
/// Convert once at the boundary: everything that leaves the program speaks scalar offsets.
public struct ScalarText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }

    /// The text of `span`, clamped to the text's bounds.
    public func slice(_ span: Span) -> String {
        let lower = max(0, min(span.start, scalars.count))
        let upper = max(lower, min(span.end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The fragments' texts joined by `separator` (docs/FORMAT.md joins with " … ").
    public func slice(_ fragments: Fragments, separator: String = " … ") -> String {
        fragments.spans.map { slice($0) }.joined(separator: separator)
    }

    /// Every occurrence of `needle` as scalar spans, in text order.
    public func occurrences(of needle: String) -> [Span] {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var found: [Span] = []
        let first = pattern[0]
        var i = 0
        let last = scalars.count - pattern.count
        while i <= last {
            if scalars[i] == first {
                var j = 1
                while j < pattern.count && scalars[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { found.append(Span(i, i + pattern.count)) }
            }
            i += 1
        }
        return found
    }
}
