import ClaimModel
import Testing

@testable import Extraction

/// Tokens, quotations, sentences and lexicon files: the layers under the rules.
@Suite struct InternalsTests {
    let lexicons: Lexicons

    init() throws {
        lexicons = try Lexicons()
    }

    func words(_ text: String) -> [String] {
        let index = TextIndex(text, lexicons: lexicons)
        return index.tokens.indices.map { index.text(token: $0) }
    }

    @Test func tokensSplitPossessivesButKeepWordsWhole() {
        #expect(words("The Council's al-Qaeda-linked U.S. don't 1,500") ==
            ["The", "Council", "'s", "al-Qaeda-linked", "U.S", ".", "don't", "1,500"])
    }

    @Test func tokenTextKeepsEveryScalarWidth() {
        let text = "Zoë Ångström-Łódź said 北京 😀 Ко\u{301}ля"
        let index = TextIndex(text, lexicons: lexicons)
        #expect(index.text(0..<index.tokens.count) == text)
        #expect(index.scalars == Array(text.unicodeScalars))
        #expect(words(text).joined(separator: "|").unicodeScalars.filter { $0 != "|" }.count
                == text.unicodeScalars.filter { $0 != " " }.count)
    }

    @Test func keysFoldCaseAndTypographicApostrophes() {
        #expect(Tokenizer.key("Don’t") == Tokenizer.key("don't"))
        #expect(Tokenizer.key("SAID") == Tokenizer.key("said"))
    }

    @Test func quotesPairWithinAParagraph() {
        let index = TextIndex("“A,” he said, \"B.\"\n\n“C", lexicons: lexicons)
        #expect(index.quotes.count == 3)
        #expect(index.quotes.map(\.terminated) == [true, true, false])
    }

    @Test func sentencesRespectAbbreviationsQuotesAndBrackets() {
        let text = "Mr. Smith (R-S.C.) arrived. “Is it over? No,” he said. Then he left.\nNew line"
        let index = TextIndex(text, lexicons: lexicons)
        let sentences = index.sentences.map { index.text($0) }
        #expect(sentences == ["Mr. Smith (R-S.C.) arrived.", "“Is it over? No,” he said.", "Then he left.", "New line"])
    }

    @Test func aPartyAndDottedStateBetweenCommasEndsNoSentence() {
        let text = "Sen. Chuck Schumer, D-N.Y., said the bill failed. Rep. Ann Lee, R-S.C., agreed."
        let index = TextIndex(text, lexicons: lexicons)
        #expect(index.sentences.map { index.text($0) }
            == ["Sen. Chuck Schumer, D-N.Y., said the bill failed.", "Rep. Ann Lee, R-S.C., agreed."])
    }

    @Test func lexiconFilesParseSectionsAndComments() {
        let lines = LexiconFile.parse("# header\n[speech]\nsay says said saying # note\n\n[plan]\nplan plans planned planning\n",
                                      file: "x.txt")
        #expect(lines.map(\.section) == ["speech", "plan"])
        #expect(lines.first?.words.count == 4)
        #expect(lines.first?.number == 3)
    }

    @Test func malformedCueLexiconIsReportedWithFileAndLine() {
        let lines = LexiconFile.parse("[speech]\nsay says\n", file: "cue-verbs.txt")
        #expect(throws: ExtractionError.malformedLexicon(
            file: "cue-verbs.txt", line: 2,
            reason: "expected base, third-person, past, ing [, participle]; found 2 forms")) {
            try CueLexicon(lines: lines, file: "cue-verbs.txt")
        }
        let unknown = LexiconFile.parse("[gossip]\nsay says said saying\n", file: "cue-verbs.txt")
        #expect(throws: ExtractionError.self) { try CueLexicon(lines: unknown, file: "cue-verbs.txt") }
        let adjective = LexiconFile.parse("[belief]\nsure surer +adjective\n", file: "cue-verbs.txt")
        #expect(throws: ExtractionError.malformedLexicon(
            file: "cue-verbs.txt", line: 2, reason: "an adjective has one form and at most +to and particles")) {
            try CueLexicon(lines: adjective, file: "cue-verbs.txt")
        }
        let twice = LexiconFile.parse("[belief]\nsure +adjective\n[stance]\nsure +adjective\n", file: "cue-verbs.txt")
        #expect(throws: ExtractionError.malformedLexicon(file: "cue-verbs.txt", line: 4, reason: "adjective sure listed twice")) {
            try CueLexicon(lines: twice, file: "cue-verbs.txt")
        }
    }

    @Test func adjectivesAreKeptApartFromVerbs() throws {
        let lines = LexiconFile.parse("[belief]\nthink thinks thought thinking\nsure +adjective >about\n", file: "x.txt")
        let lexicon = try CueLexicon(lines: lines, file: "x.txt")
        #expect(lexicon.verbCount == 1)
        #expect(lexicon.adjectiveCount == 1)
        let tokens = Tokenizer.tokenize(Array("sure thinks".unicodeScalars))
        #expect(lexicon.verb(tokens[0]) == nil)
        #expect(lexicon.adjective(tokens[0])?.cueClass == .belief)
        #expect(lexicon.adjective(tokens[0])?.particles == [Tokenizer.key("about")])
        #expect(lexicon.adjective(tokens[1]) == nil)
    }

    @Test func theInvertsFlagMarksEveryFormOfItsVerb() throws {
        let lines = LexiconFile.parse("[speech]\nsay says said saying +inverts\npraise praises praised praising\n",
                                      file: "x.txt")
        let lexicon = try CueLexicon(lines: lines, file: "x.txt")
        let tokens = Tokenizer.tokenize(Array("say says said praised".unicodeScalars))
        #expect(tokens.map { lexicon.verb($0)?.inverts } == [true, true, true, false])
        let adjective = LexiconFile.parse("[belief]\nsure +adjective +inverts\n", file: "cue-verbs.txt")
        #expect(throws: ExtractionError.malformedLexicon(
            file: "cue-verbs.txt", line: 2, reason: "an adjective has one form and at most +to and particles")) {
            try CueLexicon(lines: adjective, file: "cue-verbs.txt")
        }
    }

    @Test func confidenceTableRejectsValuesOutsideZeroOne() {
        let lines = LexiconFile.parse("quote-trailing 1.7 10\n", file: "confidence.txt")
        #expect(throws: ExtractionError.self) { try ConfidenceTable(lines: lines, file: "confidence.txt") }
    }

    @Test func confidenceFallsBackFromPatternAndClassToPatternToDefault() throws {
        let lines = LexiconFile.parse("default 0.5 0\nindirect-that 0.9 10\nindirect-that/belief 0.7 5\n", file: "c.txt")
        let table = try ConfidenceTable(lines: lines, file: "c.txt")
        #expect(table.confidence(pattern: .indirectThat, cueClass: .belief) == 0.7)
        #expect(table.confidence(pattern: .indirectThat, cueClass: .speech) == 0.9)
        #expect(table.confidence(pattern: .colon, cueClass: nil) == 0.5)
    }

    @Test func everyResourceIsShippedAndLoads() {
        for name in Lexicons.resourceNames { #expect(LexiconFile.url(of: name) != nil, "\(name)") }
        #expect(LexiconFile.url(of: "no-such-file.txt") == nil)
        #expect(throws: ExtractionError.missingResource(name: "no-such-file.txt")) {
            _ = try LexiconFile.lines("no-such-file.txt")
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect(ExtractionError.malformedLexicon(file: "a.txt", line: 3, reason: "bad").description == "a.txt:3: bad")
        #expect(ExtractionError.missingResource(name: "x.txt").description.contains("x.txt"))
    }

    @Test func outletGazetteerMatchesAliasesLongestFirst() {
        let index = TextIndex("the New York Times and AP", lexicons: lexicons)
        #expect(lexicons.outlets.match(index.tokens, at: 0, limit: index.tokens.count)?.name == "The New York Times")
        #expect(lexicons.outlets.match(index.tokens, at: 5, limit: index.tokens.count)?.name == "Associated Press")
        #expect(lexicons.outlets.canonical(publisher: "newsweek") == "Newsweek")
        #expect(lexicons.outlets.canonical(publisher: "The Ledger") == "The Ledger")
    }
}
