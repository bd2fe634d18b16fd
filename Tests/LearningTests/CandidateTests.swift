import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("CandidateBuilder: the readings a cue is offered")
struct CandidateTests {
    static func index(_ text: TokenizedText, _ word: String, after: Int = -1) throws -> Int {
        try #require(text.tokens.indices.first { $0 > after && text.tokens[$0].lower == word })
    }

    /// Kind, source words and content words of every variant.
    static func readings(_ variants: [Variant], _ text: TokenizedText) -> [String] {
        variants.map { "\($0.kind) [\(text.words($0.source))] [\(text.words($0.content))]" }
    }

    /// The readings a lone cue (the first `cue` token, or token 0) of `sentence` is offered, of the
    /// kinds starting with one of `kinds`.
    static func readings(of sentence: String, cue: String? = nil, kinds: [String]) throws -> [String] {
        let text = try TokenizedText.withRulesSentences(sentence)
        let t = try cue.map { try index(text, $0) } ?? 0
        let variants = CandidateBuilder(text: text, lexicon: CueLexicon()).learnedVariants(cue: t)
        return readings(variants.filter { v in kinds.contains { v.kind.hasPrefix($0) } }, text)
    }

    @Test("a cue late in a sentence is offered the sentence's opening noun phrase as its source")
    func sentenceSubject() throws {
        let text = try TokenizedText.withRulesSentences("Ana Ruiz, who runs the tug, came ashore and radioed that the pier is flooded.")
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
        let pronouns = ["rel/", "pron/"]
        #expect(try Self.readings(of: "Ana Ruiz, who quietly radioed that the pier is flooded, left.", cue: "radioed", kinds: pronouns)
                == ["rel/after [who] [the pier is flooded , left]"])
        #expect(try Self.readings(of: "As she left the pier, the captain of the tug radioed that the tide was turning.", cue: "radioed",
                                  kinds: pronouns) == ["pron/after [she] [the tide was turning]"])
        #expect(try Self.readings(of: "“We will sail,” the captain radioed that night.", cue: "radioed", kinds: pronouns) == [])
    }

    @Test("a cue opening its sentence is offered the phrase up to the comma as content or as source")
    func leadingCue() throws {
        #expect(try Self.readings(of: "Noting that the tide was turning, the harbour pilot Ana Ruiz held the ferry back.", kinds: ["lead/"]) == [
            "lead/main [the harbour pilot ana ruiz held the ferry] [the tide was turning]",
            "lead/rest [the tide was turning] [the harbour pilot ana ruiz held the ferry back]",
        ])
    }

    @Test("a passive cue is offered the agent after \"by\" as its source, and the rest of the sentence as content")
    func agentAfterBy() throws {
        #expect(try Self.readings(of: "Asked by Tom Becker whether the pier is safe, the captain shrugged.", kinds: ["by/"])
                == ["by/after [tom becker] [whether the pier is safe , the captain shrugged]"])
    }

    @Test("a rules cue is offered the learned readings around it too, after the rules' own, none repeated")
    func rulesCueAlternatives() throws {
        let document = Document(id: "alt", text: "Shortly before noon the harbour pilot Ana Ruiz told reporters that the tide would delay the launch.")
        let rules = try RulesExtractor()
        let text = TokenizedText(document.text, sentenceSpans: rules.sentenceSpans(in: document.text))
        let anchors = CandidateBuilder(text: text, lexicon: CueLexicon()).anchors(proposals: rules.extractDetailed(document))
        let anchor = try #require(anchors.first)
        #expect(anchors.count == 1)
        #expect(text.words(anchor.cue) == "told")
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
        let text = try TokenizedText.withRulesSentences("The harbour pilot radioed that the tide would delay the launch.")
        let lexicon = CueLexicon(entries: ["radioed": .init(cue: 5, seen: 5), "that": .init(cue: 5, seen: 5)])
        let anchors = CandidateBuilder(text: text, lexicon: lexicon).anchors(proposals: [])
        #expect(anchors.map { text.words($0.cue) } == ["radioed"])
    }
}
