import ClaimModel
import TestSupport
import Testing

@testable import Extraction

/// Source-entity ids in any script (`Coreference.slug`) and their fallback when a phrase has no
/// letter or digit.
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
        // Scripts without capitals: the rules do not see a name, so the head word alone (it was
        // "source" before, every letter dropped).
        #expect(entities("Harbour master 李明 said the ferry would sail at noon.") == ["李明"])
        #expect(entities("“The ferry is late,” said سارة خليل of the port authority.") == ["خليل"])
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
}
