import ClaimModel
import Extraction
import Testing
import TestSupport

/// A sentence with its expected attribution marked inline, swift-format style:
/// `"{src:The minister} {cue:said} {con:taxes would rise}."` — roles may repeat (a split quote has
/// two `con` marks). `plain` is the text without marks; the spans are Unicode-scalar offsets into it.
struct Marked {
    var plain: String
    var source: [Span] = []
    var cue: [Span] = []
    var content: [Span] = []

    init(_ marked: String) {
        let text = MarkedText(marked)
        plain = text.plain
        for mark in text.marks {
            switch mark.role {
            case "src": source.append(mark.span)
            case "cue": cue.append(mark.span)
            default: content.append(mark.span)
            }
        }
    }

    var document: Document { Document(id: "test", text: plain, publisher: "The Ledger") }

    /// The extractor's attribution whose content overlaps the marked content.
    func found(by extractor: RulesExtractor) -> Attribution? {
        guard let expected = Fragments(content) else { return nil }
        return extractor.extract(document).first { $0.content?.overlaps(expected) == true }
    }
}

/// Extracts from `marked`'s plain text and expects an attribution with exactly its spans.
func expectAttribution(
    _ marked: String, extractor: RulesExtractor, sourceLocation: SourceLocation = #_sourceLocation
) -> Attribution? {
    let m = Marked(marked)
    let text = ScalarText(m.plain)
    guard let a = m.found(by: extractor) else {
        let all = extractor.extract(m.document).map { text.slice($0.content ?? Fragments(Span(0, 0))) }
        Issue.record("no attribution with content \(m.content) in \"\(m.plain)\"; found contents \(all)",
                     sourceLocation: sourceLocation)
        return nil
    }
    #expect(a.content?.spans == m.content,
            "content: \(a.content.map { text.slice($0) } ?? "nil")", sourceLocation: sourceLocation)
    #expect(a.cue?.spans ?? [] == m.cue, "cue: \(a.cue.map { text.slice($0) } ?? "nil")", sourceLocation: sourceLocation)
    #expect(a.source?.spans ?? [] == m.source,
            "source: \(a.source.map { text.slice($0) } ?? "nil")", sourceLocation: sourceLocation)
    return a
}

/// The cue texts of every attribution `extractor` finds in `text`, in its order.
func cueTexts(_ text: String, extractor: RulesExtractor) -> [String] {
    let scalars = ScalarText(text)
    return extractor.extract(Document(id: "t", text: text)).compactMap { $0.cue.map { scalars.slice($0) } }
}

/// Expects no attribution at all in `text`.
func expectNone(_ text: String, extractor: RulesExtractor, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = extractor.extract(Document(id: "test", text: text))
    let scalars = ScalarText(text)
    #expect(found.isEmpty, "found \(found.map { scalars.slice($0.content ?? Fragments(Span(0, 0))) })",
            sourceLocation: sourceLocation)
}
