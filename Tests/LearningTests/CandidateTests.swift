import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("CandidateBuilder: the readings a cue is offered")
struct CandidateTests {
    static func tokenized(_ text: String) throws -> TokenizedText {
        TokenizedText(text, sentenceSpans: try RulesExtractor().sentenceSpans(in: text))
    }

    static func words(_ text: TokenizedText, _ ranges: [Range<Int>]) -> String {
        ranges.flatMap { $0 }.map { text.tokens[$0].lower }.joined(separator: " ")
    }

    static func index(_ text: TokenizedText, _ word: String, after: Int = -1) throws -> Int {
        try #require(text.tokens.indices.first { $0 > after && text.tokens[$0].lower == word })
    }

    /// Kind, source words and content words of every variant.
    static func readings(_ variants: [Variant], _ text: TokenizedText) -> [String] {
        variants.map { "\($0.kind) [\(words(text, $0.source))] [\(words(text, $0.content))]" }
    }

    @Test("a cue late in a sentence is offered the sentence's opening noun phrase as its source")
    func sentenceSubject() throws {
        let text = try Self.tokenized("Ana Ruiz, who runs the tug, came ashore and radioed that the pier is flooded.")
        let builder = CandidateBuilder(text: text, lexicon: CueLexicon())
        let cue = try Self.index(text, "radioed")
        #expect(Self.readings(builder.learnedVariants(cue: cue), text) == [
            "none/after [] [the pier is flooded]",
            "subject/after [ana ruiz] [the pier is flooded]",
            "forward/front [that the pier is flooded] [ana ruiz , who runs the tug , came ashore and]",
        ])
    }

    @Test("a cue after a relative pronoun is offered the pronoun as its source; after a clause, the nearest personal pronoun")
    func pronounSources() throws {
        let text = try Self.tokenized("Ana Ruiz, who quietly radioed that the pier is flooded, left.")
        let builder = CandidateBuilder(text: text, lexicon: CueLexicon())
        let variants = builder.learnedVariants(cue: try Self.index(text, "radioed")).filter { $0.kind.hasPrefix("rel/") || $0.kind.hasPrefix("pron/") }
        #expect(Self.readings(variants, text) == ["rel/after [who] [the pier is flooded , left]"])
        let clause = try Self.tokenized("As she left the pier, the captain of the tug radioed that the tide was turning.")
        let pronoun = CandidateBuilder(text: clause, lexicon: CueLexicon()).learnedVariants(cue: try Self.index(clause, "radioed"))
            .filter { $0.kind.hasPrefix("rel/") || $0.kind.hasPrefix("pron/") }
        #expect(Self.readings(pronoun, clause) == ["pron/after [she] [the tide was turning]"])
        let quoted = try Self.tokenized("“We will sail,” the captain radioed that night.")
        #expect(CandidateBuilder(text: quoted, lexicon: CueLexicon()).learnedVariants(cue: try Self.index(quoted, "radioed"))
            .filter { $0.kind.hasPrefix("pron/") }.isEmpty)
    }

    @Test("a cue opening its sentence is offered the phrase up to the comma as content or as source")
    func leadingCue() throws {
        let text = try Self.tokenized("Noting that the tide was turning, the harbour pilot Ana Ruiz held the ferry back.")
        let variants = CandidateBuilder(text: text, lexicon: CueLexicon()).learnedVariants(cue: 0).filter { $0.kind.hasPrefix("lead/") }
        #expect(Self.readings(variants, text) == [
            "lead/main [the harbour pilot ana ruiz held the ferry] [the tide was turning]",
            "lead/rest [the tide was turning] [the harbour pilot ana ruiz held the ferry back]",
        ])
    }

    @Test("a passive cue is offered the agent after \"by\" as its source, and the rest of the sentence as content")
    func agentAfterBy() throws {
        let text = try Self.tokenized("Asked by Tom Becker whether the pier is safe, the captain shrugged.")
        let builder = CandidateBuilder(text: text, lexicon: CueLexicon())
        let variants = builder.learnedVariants(cue: 0).filter { $0.kind.hasPrefix("by/") }
        #expect(Self.readings(variants, text) == ["by/after [tom becker] [whether the pier is safe , the captain shrugged]"])
    }

    @Test("a rules cue is offered the learned readings around it too, after the rules' own, none repeated")
    func rulesCueAlternatives() throws {
        let document = Document(id: "alt", text: "Shortly before noon the harbour pilot Ana Ruiz told reporters that the tide would delay the launch.")
        let rules = try RulesExtractor()
        let text = TokenizedText(document.text, sentenceSpans: rules.sentenceSpans(in: document.text))
        let anchors = CandidateBuilder(text: text, lexicon: CueLexicon()).anchors(proposals: rules.extractDetailed(document))
        let anchor = try #require(anchors.first)
        #expect(anchors.count == 1)
        #expect(Self.words(text, anchor.cue) == "told")
        // The rules' source starts at "noon"; the capitalised tail of the subject is offered apart.
        #expect(Self.readings(anchor.variants, text) == [
            "rules [noon the harbour pilot ana ruiz] [that the tide would delay the launch]",
            "alt:back/after [noon the harbour pilot ana ruiz] [reporters that the tide would delay the launch]",
            "alt:named/after [ana ruiz] [reporters that the tide would delay the launch]",
            "alt:none/after [] [reporters that the tide would delay the launch]",
            "alt:back/front [noon the harbour pilot ana ruiz] [shortly before]",
            "alt:forward/front [reporters that the tide would delay the launch] [shortly before noon the harbour pilot ana ruiz]",
        ])
    }

    @Test("words that join clauses are never learned cues, even when the lexicon would take them")
    func joinersAreNeverCues() throws {
        let text = try Self.tokenized("The harbour pilot radioed that the tide would delay the launch.")
        let lexicon = CueLexicon(entries: ["radioed": .init(cue: 5, seen: 5), "that": .init(cue: 5, seen: 5)])
        let anchors = CandidateBuilder(text: text, lexicon: lexicon).anchors(proposals: [])
        #expect(anchors.map { Self.words(text, $0.cue) } == ["radioed"])
    }
}
