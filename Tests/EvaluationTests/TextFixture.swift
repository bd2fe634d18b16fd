import ClaimModel
import Testing

/// A document text with helpers to locate spans by their words, so that fixtures say what they
/// mark ("the dam broke") instead of bare offsets.
struct TextFixture {
    let text: ScalarText

    init(_ string: String) {
        self.text = ScalarText(string)
    }

    /// The `occurrence`-th (0-based) occurrence of `needle`, as one fragment.
    func span(_ needle: String, occurrence: Int = 0) throws -> Fragments {
        let found = text.occurrences(of: needle)
        let span = try #require(found.dropFirst(occurrence).first, "\"\(needle)\" #\(occurrence) not in text")
        return Fragments(span)
    }

    /// Several needles (each its first occurrence) as one discontinuous role.
    func fragments(_ needles: String...) throws -> Fragments {
        var spans: [Span] = []
        for needle in needles {
            spans.append(contentsOf: try span(needle).spans)
        }
        return try #require(Fragments(spans))
    }
}
