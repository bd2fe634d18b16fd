import ClaimModel
import TestSupport
import Testing

@testable import Extraction

/// Source-entity ids in any script (`Coreference.slug`), their fallback when a phrase has no letter
/// or digit, and what the rules read from a source phrase alone (`SourceReading`).
@Suite struct EntityIDTests {
    let lexicons: Lexicons
    let extractor: RulesExtractor

    init() throws {
        lexicons = try Lexicons()
        extractor = try RulesExtractor()
    }

    func entities(_ text: String) -> [String?] {
        extractor.extract(Document(id: "t", text: text)).map(\.sourceEntity)
    }

    @Test func latinDiacriticsFold() {
        #expect(Coreference.slug("José Núñez") == "jose-nunez")
        #expect(Coreference.slug("Zoë") == "zoe")
        #expect(Coreference.slug("Nguyễn Thị Lan") == "nguyen-thi-lan")
        #expect(Coreference.slug("Søren Ågård") == "søren-agard")
        #expect(Coreference.slug("Łucja Wróbel") == "łucja-wrobel")
        // Written decomposed (e + U+0301): the same id as composed.
        #expect(Coreference.slug("Jos\u{65}\u{301}") == "jose")
        // Compatibility forms: a ligature, fullwidth letters.
        #expect(Coreference.slug("ﬁnance Ｂｏａｒｄ") == "finance-board")
    }

    @Test func otherScriptsKeepTheirLetters() {
        #expect(Coreference.slug("Ольга Петрова") == "ольга-петрова")
        // й keeps its breve (Cyrillic is not folded), composed or not.
        #expect(Coreference.slug("Андрей") == "андрей")
        #expect(Coreference.slug("Андреи\u{306}") == "андрей")
        #expect(Coreference.slug("Σοφία Νικολάου") == "σοφία-νικολάου")
        #expect(Coreference.slug("سارة خليل") == "سارة-خليل")
        #expect(Coreference.slug("李明") == "李明")
        #expect(Coreference.slug("ガス会社") == "ガス会社")
        #expect(Coreference.slug("김민지") == "김민지")
        #expect(Coreference.slug("٣ وزراء") == "٣-وزراء")
    }

    @Test func apostrophesDropAndOtherCharactersSeparate() {
        #expect(Coreference.slug("O'Neill") == "oneill")
        #expect(Coreference.slug("O’Neill") == "oneill")
        #expect(Coreference.slug("the Harbour Board’s chair") == "the-harbour-boards-chair")
        #expect(Coreference.slug("  Port--Calder 2 ") == "port-calder-2")
        #expect(Coreference.slug("Zoë 🎉 Marsh") == "zoe-marsh")
        #expect(Coreference.slug("— 🎉 …") == "")
    }

    @Test func extractedIdsForNamesInAnyScript() {
        #expect(entities("José Núñez said the ferry would sail at noon.") == ["jose-nunez"])
        #expect(entities("Zoë Marsh said the ferry would sail at noon.") == ["zoe-marsh"])
        #expect(entities("Ольга Петрова said the ferry would sail at noon.") == ["ольга-петрова"])
        // Scripts without capitals: the words of the phrase up to its head, whatever their case
        // would have said (the head word alone before 0.4.3: "خليل").
        #expect(entities("Harbour master 李明 said the ferry would sail at noon.") == ["李明"])
        #expect(entities("“The ferry is late,” said سارة خليل of the port authority.") == ["سارة-خليل"])
        #expect(entities("“The ferry is late,” said the harbour master יעל כהן.") == ["יעל-כהן"])
    }

    @Test func aMentionWithoutLettersFallsBackToAStableId() {
        var coreference = Coreference(index: TextIndex("", lexicons: lexicons), lexicons: lexicons)
        func mention(_ head: String) -> Mention {
            Mention(pronoun: nil, headKey: Tokenizer.key(head), nameKeys: [], definite: false, plural: false,
                    type: .other, slug: "", isNamed: false, genderHint: nil)
        }
        #expect(coreference.resolve(mention("—"), outlet: nil).id == "source")
        #expect(coreference.resolve(mention("…"), outlet: nil).id == "source-2")
    }

    func reading(_ source: String, in text: String) throws -> SourceReading {
        let span = try #require(Fragments.first(source, in: text))
        return try SourceReading(span, in: ScalarText(text))
    }

    @Test func aSourcePhraseReadAlone() throws {
        let text = "Officials said the pier was safe. The governor said it was not. He added that Reuters said so. Ольга Петрова agreed."
        #expect(try reading("Officials", in: text) == SourceReading(entity: "officials", type: .anonymous))
        #expect(try reading("The governor", in: text) == SourceReading(entity: "governor", type: .namedPerson))
        #expect(try reading("Reuters", in: text) == SourceReading(entity: "reuters", type: .newsOutlet))
        #expect(try reading("Ольга Петрова", in: text) == SourceReading(entity: "ольга-петрова", type: .namedPerson))
        // Without capitals the words do not say whether they name someone: no type is read.
        #expect(try reading("سارة خليل", in: "سارة خليل said the pier was safe.") == SourceReading(entity: "سارة-خليل", type: nil))
        #expect(Coreference.isCaseless("李明") && Coreference.isCaseless("خليل") && !Coreference.isCaseless("Петрова")
            && !Coreference.isCaseless("mayor") && !Coreference.isCaseless("٣"))
        // A pronoun names nobody by itself; a span holding no whole word reads as nothing.
        #expect(try reading("He", in: text) == SourceReading(entity: nil, type: nil))
        #expect(try SourceReading(Fragments(Span(1, 3)), in: ScalarText(text)) == SourceReading(entity: nil, type: nil))
    }

    /// A lede restates its headline's subject with an article: one entity, named by the lede's
    /// fuller words, the headline's claim included. Once joined, a later "a militia" is someone new
    /// (and not `militia`, the id the headline's claim had); with no headline (no line break)
    /// nothing joins.
    @Test func theLedeJoinsItsHeadlinesSubject() {
        let story = "Militia vows to defend the port\n\nA militia in Calder has vowed that the port will stay open. "
            + "A militia from the hills said the road was shut."
        #expect(entities(story) == ["calder-militia", "calder-militia", "militia-2"])
        #expect(entities("Militia vows to defend the port\n\nA militia has vowed that the port will stay open.")
            == ["militia", "militia"])
        #expect(entities("Militia vows to defend the port. A militia in Calder has vowed that the port will stay open.")
            == ["militia", "calder-militia"])
        // A headline mention joined by a named or definite mention is left as it was.
        #expect(entities("Spokesman says the port is open\n\nThe spokesman said the port was open.") == ["spokesman", "spokesman"])
    }
}
