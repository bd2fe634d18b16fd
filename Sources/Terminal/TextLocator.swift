import ClaimModel
import Extraction
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

/// The claim's sentence on the screens (claim screen, `context`, adjudication) comes from
/// Extraction's splitter, the one the rules use, so the REPL and the extractor cannot disagree on
/// where a sentence ends.
extension SentenceIndex {
    /// Display only: should the bundled lexicons be unreadable (a broken install, which
    /// `claimdesk extract` reports as an error), the screens show no sentence rather than fail.
    init(_ text: ScalarText) {
        self = (try? SentenceIndex(splitting: text)) ?? SentenceIndex(spans: [])
    }
}
