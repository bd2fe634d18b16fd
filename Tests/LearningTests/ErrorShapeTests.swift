import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("ErrorBreakdown: the shapes of gold attributions no reading fits")
struct ErrorShapeTests {
    /// The token ranges of `words` (space-separated, lowercased tokens) in `text`, from `from` on.
    static func span(_ text: TokenizedText, _ words: String, from: Int = 0) throws -> Range<Int> {
        let want = words.split(separator: " ").map(String.init)
        let start = try #require((from...(text.tokens.count - want.count)).first { s in
            want.indices.allSatisfy { text.tokens[s + $0].lower == want[$0] }
        })
        return start..<(start + want.count)
    }

    static func gold(_ text: TokenizedText, source: String?, cue: String, content: String) throws -> PreparedDocument.GoldReading {
        PreparedDocument.GoldReading(source: Set(try source.map { try span(text, $0) } ?? 0..<0),
                                     cue: Set(try span(text, cue)), content: Set(try span(text, content)))
    }

    static func shape(_ sentence: String, source: String?, cue: String, content: String,
                      offered: [(source: String?, content: String)]) throws -> String {
        let text = TokenizedText(sentence, sentenceSpans: try RulesExtractor().sentenceSpans(in: sentence))
        let g = try gold(text, source: source, cue: cue, content: content)
        let variants = try offered.map {
            Variant(kind: "test", source: try $0.source.map { [try span(text, $0)] } ?? [], content: [try span(text, $0.content)])
        }
        return AttributionModel.noFitShape(g, variants: variants, cue: [try span(text, cue)], text: text)
    }

    @Test("a missed source is told apart: pronoun, possessive, after the cue, far before it")
    func sources() throws {
        #expect(try Self.shape("Ana Ruiz waved, and she radioed that the pier is flooded.", source: "she", cue: "radioed",
                               content: "the pier is flooded", offered: [("ana ruiz", "the pier is flooded")])
            == "source: pronoun")
        #expect(try Self.shape("Ana Ruiz's plan to close the pier worried the crew.", source: "ana ruiz", cue: "plan",
                               content: "to close the pier", offered: [(nil, "to close the pier")])
            == "source: possessive")
        #expect(try Self.shape("The pier is flooded, radioed Ana Ruiz.", source: "ana ruiz", cue: "radioed",
                               content: "the pier is flooded", offered: [(nil, "the pier is flooded")])
            == "source: after the cue")
        #expect(try Self.shape("Ana Ruiz, who runs the tug, came ashore and radioed that the pier is flooded.", source: "ana ruiz",
                               cue: "radioed", content: "the pier is flooded", offered: [("came ashore", "the pier is flooded")])
            == "source: far before the cue")
    }

    @Test("a missed content is told apart by side; readings reaching each role apart are \"split\"")
    func contents() throws {
        #expect(try Self.shape("The pier is flooded, Ana Ruiz radioed at noon.", source: "ana ruiz", cue: "radioed",
                               content: "the pier is flooded", offered: [("ana ruiz", "at noon")])
            == "content: before the cue")
        #expect(try Self.shape("The pier is flooded, Ana Ruiz radioed at noon.", source: "ana ruiz", cue: "radioed",
                               content: "the pier is flooded", offered: [(nil, "at noon")])
            == "both: before the cue")
        #expect(try Self.shape("The pier is flooded, Ana Ruiz radioed at noon.", source: "ana ruiz", cue: "radioed",
                               content: "the pier is flooded", offered: [("ana ruiz", "at noon"), (nil, "the pier is flooded")])
            == "split: source and content in different readings")
    }
}
