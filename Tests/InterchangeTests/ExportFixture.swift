import ClaimModel
import TestSupport

/// A small document written for these tests on TestSupport's `TestTexts.prices` (a non-ASCII name,
/// an emoji before a span, a line break, a split quote with two content fragments).
enum ExportFixture {
    static let text = TestTexts.prices

    static var document: AnnotatedDocument {
        AnnotatedDocument(
            document: Document(id: "d1", text: text, title: "Prices", publisher: "Ledger"),
            attributions: [
                Attribution(id: "a1", source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15)), content: Fragments(Span(30, 48)),
                            outlet: "Newsweek", sourceType: .namedPerson, anonymous: false, sourceEntity: "zoe brandt",
                            confidence: 0.83,
                            review: Review(status: .corrected, annotator: "ana", confidence: .high, tags: ["price"],
                                           note: "outlet fixed, \"told\" kept\nsecond line", at: "2026-11-25T10:00:00Z")),
                Attribution(id: "a2", source: Fragments(Span(69, 81)), cue: Fragments(Span(82, 86)),
                            content: Fragments([Span(51, 67), Span(89, 99)]),
                            outlet: nil, sourceType: .namedPerson, anonymous: nil, sourceEntity: nil, confidence: nil,
                            review: Review(status: .added, annotator: "ana")),
                Attribution(id: "a3", source: nil, cue: nil, content: Fragments(Span(30, 48)),
                            sourceType: .implicit, confidence: 0.5,
                            review: Review(status: .confirmed, annotator: "ana", confidence: .low)),
            ])
    }
}
