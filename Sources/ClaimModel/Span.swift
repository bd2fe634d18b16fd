/// A half-open range of Unicode-scalar offsets into a document's text: `start ..< end`.
///
/// Offsets count Unicode scalar values (code points), exactly like Python's `str` indexing,
/// so spans from brat, doccano or PolNeAR carry over unchanged. Never UTF-16, never `String.Index`.
public struct Span: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    /// Valid inside a text of `count` scalars: `0 <= start < end <= count`.
    public func isValid(in count: Int) -> Bool { start >= 0 && start < end && end <= count }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end)]" }
}

/// The exact, possibly discontinuous, extent of one role (source, cue or content).
///
/// A split quote (`"A," she said, "B."`) has two content fragments; most roles have one.
/// Fragments are kept sorted and non-overlapping; `hull` is what docs/FORMAT.md writes as the role's span.
public struct Fragments: Hashable, Sendable, CustomStringConvertible {
    public private(set) var spans: [Span]

    /// Builds fragments from spans in any order; touching or overlapping spans are merged.
    /// Returns nil when no non-empty span remains.
    public init?(_ spans: [Span]) {
        let sorted = spans.filter { !$0.isEmpty }.sorted()
        guard var current = sorted.first else { return nil }
        var merged: [Span] = []
        for span in sorted.dropFirst() {
            if span.start <= current.end {
                current.end = max(current.end, span.end)
            } else {
                merged.append(current)
                current = span
            }
        }
        merged.append(current)
        self.spans = merged
    }

    public init(_ span: Span) {
        self.spans = [span]
    }

    /// Fragments exactly as given, with no sorting or merging; nil when `spans` is empty.
    /// Readers validate such fragments with `isWellFormed(in:)`.
    public init?(unchecked spans: [Span]) {
        guard !spans.isEmpty else { return nil }
        self.spans = spans
    }

    public var hull: Span {
        Span(spans.first?.start ?? 0, spans.last?.end ?? 0)
    }

    public var isContinuous: Bool { spans.count == 1 }

    /// Sorted, non-overlapping, each valid in a text of `count` scalars.
    public func isWellFormed(in count: Int) -> Bool {
        guard spans.allSatisfy({ $0.isValid(in: count) }) else { return false }
        for (a, b) in zip(spans, spans.dropFirst()) where b.start < a.end { return false }
        return true
    }

    /// Fragments that lie inside `hull`.
    public func isInside(_ hull: Span) -> Bool { spans.allSatisfy { hull.contains($0) } }

    public func contains(_ offset: Int) -> Bool { spans.contains { $0.contains(offset) } }

    public func overlaps(_ other: Fragments) -> Bool {
        spans.contains { a in other.spans.contains { a.overlaps($0) } }
    }

    public var scalarCount: Int { spans.reduce(0) { $0 + $1.length } }

    public var description: String { spans.map(\.description).joined(separator: ",") }
}
