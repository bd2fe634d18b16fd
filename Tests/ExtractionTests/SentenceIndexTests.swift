import ClaimModel
import Extraction
import Testing

/// `SentenceIndex`: the extractor's sentences as public spans, for screens and exports.
@Suite struct SentenceIndexTests {
    func sentences(_ text: String) throws -> [String] {
        let scalars = ScalarText(text)
        return try SentenceIndex(splitting: scalars).spans.map { scalars.slice($0) }
    }

    @Test func splitsAsTheRulesDoAtAbbreviationsQuotationsAndLineBreaks() throws {
        // Given a text where a naive "stop + blank" splitter would cut after "Mr." and inside the quotation
        let text = "Mr. Smith arrived. “Is it over? No,” he said. Then he left.\n\nA headline"
        // Then the sentences are the extractor's
        #expect(try sentences(text) == ["Mr. Smith arrived.", "“Is it over? No,” he said.", "Then he left.", "A headline"])
    }

    @Test func spansAreTheOnesTheExportsGet() throws {
        let text = "Dr. Lee said so. \"Who knew?\" she said. Done."
        let extractor = try RulesExtractor()
        #expect(try SentenceIndex(splitting: ScalarText(text)).spans == extractor.sentenceSpans(in: text))
        #expect(extractor.sentenceSpans(in: text) == [Span(0, 16), Span(17, 38), Span(39, 44)])
    }

    @Test func spansCountUnicodeScalarsAndLeaveBlanksOut() throws {
        // "é" as e + combining acute is two scalars; the leading blanks belong to no sentence.
        let text = "  Caf\u{65}\u{301} opens. It closes."
        #expect(try SentenceIndex(splitting: ScalarText(text)).spans == [Span(2, 14), Span(15, 25)])
    }

    @Test func anEmptyOrBlankTextHasNoSentenceAndCoversNothing() throws {
        #expect(try SentenceIndex(splitting: ScalarText("")).spans == [])
        #expect(try SentenceIndex(splitting: ScalarText(" \n\n ")).covering(Span(0, 1)) == nil)
    }

    @Test func coveringJoinsTheSentencesASpanTouches() {
        let index = SentenceIndex(spans: [Span(0, 10), Span(11, 20), Span(21, 30)])
        #expect(index.index(of: 0) == 0)
        #expect(index.index(of: 10) == 0)  // between sentences: the one before
        #expect(index.index(of: 25) == 2)
        let one = index.covering(Span(12, 15))
        #expect(one?.span == Span(11, 20))
        #expect(one?.range == 1...1)
        let two = index.covering(Span(5, 12))
        #expect(two?.span == Span(0, 20))
        #expect(two?.range == 0...1)
        // A span reaching past the last sentence widens the covering span.
        #expect(index.covering(Span(28, 33))?.span == Span(21, 33))
    }
}
