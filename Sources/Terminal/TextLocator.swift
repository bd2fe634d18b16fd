import ClaimModel
import Workbench

/// Finds what an analyst types in the document: the occurrence nearest the claim, or an error
/// that says why there is no single answer.
enum TextLocator {
    static func find(_ needle: String, in text: ScalarText, near claim: Span?, role: String) throws(REPLError) -> Span {
        let found = text.occurrences(of: needle)
        guard !found.isEmpty else { throw .notFound(role: role, text: needle) }
        guard let claim else {
            if found.count == 1 { return found[0] }
            throw .ambiguous(role: role, text: needle, spans: found)
        }
        let distances = found.map { distance($0, claim) }
        let best = distances.min() ?? 0
        let nearest = zip(found, distances).filter { $0.1 == best }.map(\.0)
        if nearest.count == 1 { return nearest[0] }
        throw .ambiguous(role: role, text: needle, spans: nearest)
    }

    /// Scalars between two spans; 0 when they overlap or touch.
    static func distance(_ a: Span, _ b: Span) -> Int {
        if a.overlaps(b) { return 0 }
        return a.end <= b.start ? b.start - a.end : a.start - b.end
    }

    static func offsets(_ start: Int, _ end: Int, in text: ScalarText) throws(REPLError) -> Span {
        let span = Span(start, end)
        guard span.isValid(in: text.count) else { throw .badOffsets(start: start, end: end, count: text.count) }
        return span
    }
}

/// Sentence extents of a document, for showing a claim in its sentence and `context`.
///
/// Display only: a line break or `.`/`!`/`?` (with closing quotes) followed by a blank ends a sentence.
struct SentenceIndex {
    let spans: [Span]

    init(_ text: ScalarText) {
        var spans: [Span] = []
        let s = text.scalars
        var start = 0
        var i = 0
        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && isBlank(s[a]) { a += 1 }
            while b > a && isBlank(s[b - 1]) { b -= 1 }
            if a < b { spans.append(Span(a, b)) }
            start = end
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                close(i + 1)
            } else if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < s.count && ["\"", "'", "”", "’", ")"].contains(s[j]) { j += 1 }
                if j < s.count && (s[j] == " " || s[j] == "\t") {
                    close(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(s.count)
        self.spans = spans
    }

    /// Index of the sentence holding `offset` (the nearest one before it when it falls between sentences).
    func index(of offset: Int) -> Int {
        var lo = 0, hi = spans.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if spans[mid].start <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    /// The sentences covering `span`, as one span, and their index range.
    func covering(_ span: Span) -> (span: Span, range: ClosedRange<Int>)? {
        guard !spans.isEmpty else { return nil }
        let first = index(of: span.start), last = max(first, index(of: max(span.start, span.end - 1)))
        return (Span(min(spans[first].start, span.start), max(spans[last].end, span.end)), first...last)
    }
}
