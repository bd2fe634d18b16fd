import ClaimModel
import Extraction
import Workbench

/// Finds what an analyst types in the document: the occurrence nearest the claim, or an error
/// that says why there is no single answer.
///
/// A correcting verb (`source`/`cue`/`content TEXT`) also keeps to the claim's reach (`reach`):
/// "nearest" alone has no limit, and a short word ("said") found only paragraphs away would move
/// a role there without the analyst noticing on a one-claim screen. Offsets (`--at`) are the
/// explicit way to take a match farther away, and the refusal gives them.
enum TextLocator {
    /// `sentences`: keep to the claim's reach in them (the correcting verbs, and `add`'s source and
    /// cue around its content); nil: the whole document (`add`'s content, which may be anywhere).
    static func find(_ needle: String, in text: ScalarText, near claim: Span?, sentences: SentenceIndex? = nil,
                     role: String) throws(REPLError) -> Span {
        var found = text.occurrences(of: needle)
        guard !found.isEmpty else { throw .notFound(role: role, text: needle) }
        guard let claim else {
            if found.count == 1 { return found[0] }
            throw .ambiguous(role: role, text: needle, spans: found)
        }
        if let sentences, let reach = reach(of: claim, in: sentences) {
            let inside = found.filter { $0.overlaps(reach) }
            guard !inside.isEmpty else {
                // The earliest of the nearest ones, so that the message names one place.
                let nearest = found.min { distance($0, claim) < distance($1, claim) } ?? found[0]
                throw .outOfReach(role: role, text: needle, reach: reach, nearest: nearest, excerpt: excerpt(nearest, in: text))
            }
            found = inside
        }
        let distances = found.map { distance($0, claim) }
        let best = distances.min() ?? 0
        let nearest = zip(found, distances).filter { $0.1 == best }.map(\.0)
        if nearest.count == 1 { return nearest[0] }
        throw .ambiguous(role: role, text: needle, spans: nearest)
    }

    /// How many sentences either side of the claim's own a correcting verb's TEXT may lie in: the
    /// ones `context` shows, so that what the analyst sees there is what the verbs accept.
    static let reachSentences = 2

    /// Where a correcting verb's TEXT may be found: the sentences from the claim's first fragment
    /// to its last, and `reachSentences` before and after them (an occurrence counts when it
    /// reaches into that stretch, so a content may be extended over the sentences that follow).
    /// nil for a text the splitter finds no sentence in: the whole document then.
    static func reach(of claim: Span, in sentences: SentenceIndex) -> Span? {
        guard let covering = sentences.covering(claim) else { return nil }
        let spans = sentences.spans
        let first = max(0, covering.range.lowerBound - reachSentences)
        let last = min(spans.count - 1, covering.range.upperBound + reachSentences)
        return Span(min(spans[first].start, covering.span.start), max(spans[last].end, covering.span.end))
    }

    /// How many scalars of text the excerpt of a refused match shows on each side of it, at most.
    static let excerptContext = 16

    /// The match with a few words either side, on one line, quoted and escaped, `…` where cut.
    static func excerpt(_ match: Span, in text: ScalarText) -> String {
        let scalars = text.scalars
        var from = max(0, match.start - excerptContext), to = min(scalars.count, match.end + excerptContext)
        // Whole words at the edges: from just after the first blank, up to the last one.
        if from > 0, var blank = (from..<match.start).first(where: { isBlank(scalars[$0]) }) {
            while blank + 1 < match.start && isBlank(scalars[blank + 1]) { blank += 1 }
            from = blank + 1
        }
        if to < scalars.count, var blank = (match.end..<to).last(where: { isBlank(scalars[$0]) }) {
            while blank > match.end && isBlank(scalars[blank - 1]) { blank -= 1 }
            to = blank
        }
        var shown = String.UnicodeScalarView()
        if from > 0 { shown.append("…") }
        for scalar in scalars[from..<to] { shown.append(isBlank(scalar) ? " " : scalar) }
        if to < scalars.count { shown.append("…") }
        return TerminalSafe.quoted(String(shown), limit: 60, ellipsis: "…")
    }

    /// White space of any kind, line breaks included (shown as a space in an excerpt).
    static func isBlank(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

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
