import ClaimModel
import Extraction
import Provenance
import Testing

/// Provenance names outlets with the extractor's gazetteer (`OutletNames`, `outlets.txt`): a trail,
/// a link's reasons and GraphML say what the claim's `outlet` field says.
@Suite struct OutletNameTests {
    @Test func everyGazetteerNameAndAliasIsItsOutletsCanonicalName() {
        #expect(OutletNames.all.count > 50)
        for names in OutletNames.all {
            for name in names {
                #expect(Outlets.canonical(name) == OutletNames.canonical(name), "\(name)")
                #expect(Outlets.canonical(name.uppercased()) == OutletNames.canonical(name), "\(name)")
            }
        }
        #expect(Outlets.canonical("AFP") == "Agence France-Presse")
        #expect(Outlets.canonical("  the AP ") == "Associated Press")
        #expect(Outlets.canonical("bbc news") == "BBC")
        #expect(Outlets.canonical("Thomson Reuters") == "Reuters")
        #expect(Outlets.canonical("guardian") == "The Guardian")
        #expect(Outlets.key("The Guardian") == Outlets.key("Guardian"))
    }

    @Test func aNameTheGazetteerDoesNotKnowLosesALeadingThe() {
        #expect(OutletNames.canonical("The Harbour Ledger") == nil)
        #expect(Outlets.canonical("The Harbour Ledger") == "Harbour Ledger")
        #expect(Outlets.key("the Harbour Ledger") == Outlets.key("Harbour Ledger"))
        #expect(Outlets.key("  ") == nil)
    }

    @Test func theOutletsSearchedInSourceTextAreGazetteerOutlets() {
        for name in ["Reuters", "Associated Press", "Agence France-Presse", "BBC", "Al Jazeera", "Newsweek", "CNN"] {
            #expect(OutletNames.canonical(name) == name)
            #expect(Outlets.credited(claim(1, "x", "the port will close", source: "sources quoted by \(name)")) == name)
        }
        // Any of the gazetteer's names of a searched outlet.
        #expect(Outlets.credited(claim(1, "x", "the port will close", source: "sources quoted by AFP")) == "Agence France-Presse")
        #expect(Outlets.credited(claim(2, "x", "the port will close", source: "a British Broadcasting Corporation reporter")) == "BBC")
        // Other gazetteer outlets only when they publish in the corpus.
        let nyt = claim(3, "x", "the port will close", source: "NYT reporters")
        #expect(Outlets.credited(nyt) == nil)
        #expect(Outlets.credited(nyt, publishers: ["New York Times"]) == "The New York Times")
    }

    @Test func aliasesWrittenWithTheAreNotSearchedInLowercaseText() {
        let times = claim(1, "x", "the port will close", source: "officials at the times of the floods")
        #expect(Outlets.credited(times, publishers: ["The New York Times"]) == nil)
        let named = claim(2, "x", "the port will close", source: "sources at the New York Times")
        #expect(Outlets.credited(named, publishers: ["The New York Times"]) == "The New York Times")
    }

    @Test func aTrailCreditsTheOutletAsTheExtractorNamesIt() throws {
        let extractor = try RulesExtractor()
        let text = "The port will close for a month, an official told AFP."
        let found = try #require(extractor.extract(Document(id: "t", text: text)).first?.outlet)
        #expect(found == "Agence France-Presse")
        #expect(Outlets.credited(claim(1, "x", "the port will close", outlet: "AFP")) == found)
        #expect(Outlets.credited(claim(2, "y", "the port will close", outlet: found)) == found)
    }
}
