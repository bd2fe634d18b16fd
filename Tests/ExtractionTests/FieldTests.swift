import ClaimModel
import Extraction
import Testing

/// Outlet, source type, anonymity, source entity and confidence: every docs/FORMAT.md field.
@Suite struct FieldTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    func extract(_ text: String, publisher: String? = "The Ledger") -> [Attribution] {
        extractor.extract(Document(id: "t", text: text, publisher: publisher))
    }

    @Test func outletFromTheGazetteerAndItsAliases() {
        #expect(extract("The port is closed, an official told AP.").first?.outlet == "Associated Press")
        #expect(extract("The port is closed, an official told Agence France-Presse.").first?.outlet
            == "Agence France-Presse")
        #expect(extract("A guard, speaking to the BBC, said the gate was open.").first?.outlet == "BBC")
    }

    @Test func toldUsAndToldThePublisherMeanThePublisher() {
        #expect(extract("A nurse told us that the ward was full.").first?.outlet == "The Ledger")
        #expect(extract("A nurse told The Ledger that the ward was full.").first?.outlet == "The Ledger")
        #expect(extract("The ward was full, a nurse told Newsweek.", publisher: "Newsweek").first?.outlet == "Newsweek")
    }

    @Test func anOutletAsTheSource() {
        let a = extract("The New York Times reported that the deal had collapsed.").first
        #expect(a?.sourceType == .newsOutlet)
        #expect(a?.outlet == "The New York Times")
    }

    @Test func sourceTypes() {
        #expect(extract("Mayor Lena Holm said the tram would run.").first?.sourceType == .namedPerson)
        #expect(extract("The Harbour Council said the tram would run.").first?.sourceType == .namedOrganization)
        #expect(extract("A statement from the ministry said the tram would run.").first?.sourceType == .document)
        #expect(extract("Officials said the tram would run.").first?.sourceType == .anonymous)
        #expect(extract("The tram is expected to run.").first?.sourceType == .implicit)
    }

    @Test func anonymityFromTheWording() {
        let a = extract("A senior officer, who spoke on condition of anonymity, said the unit had left.").first
        #expect(a?.anonymous == true)
        #expect(a?.sourceType == .anonymous)
        #expect(extract("Mayor Lena Holm said the tram would run.").first?.anonymous == false)
    }

    @Test func oneEntityForEveryMentionOfOneSource() {
        let found = extract("""
            A nurse at the clinic told The Ledger that supplies were short. “We ration gloves,” the nurse said. \
            “Some days we have none,” the anonymous source added. She said the clinic may close.
            """)
        #expect(found.count == 4)
        #expect(Set(found.compactMap(\.sourceEntity)).count == 1)
        #expect(found.allSatisfy { $0.anonymous == true })
        #expect(found.allSatisfy { $0.outlet == "The Ledger" })
    }

    @Test func namedPeopleJoinByName() {
        let found = extract("""
            Finance Minister Petra Novak said the deficit would shrink. Novak added that taxes would stay. \
            The opposition leader, Tomas Berg, said the plan would fail. He said growth was too slow.
            """)
        let entities = found.map(\.sourceEntity)
        #expect(entities.count == 4)
        #expect(entities[0] == entities[1])
        #expect(entities[2] == entities[3])
        #expect(entities[0] != entities[2])
    }

    @Test func aLongerOrganisationNameWithNewWordsIsAnotherBody() {
        let found = extract("""
            The Harbour Council said the pier was safe. Later the breakaway Northern Fishers Harbour Council             said it was not.
            """)
        #expect(found.count == 2)
        #expect(found[0].sourceEntity != found[1].sourceEntity)
    }

    @Test func pronounsRespectGender() {
        let found = extract("""
            Mr. Ortiz said the road was closed. Ms. Lind said it was open. He said she was wrong.
            """)
        #expect(found.count == 3)
        #expect(found[2].sourceEntity == found[0].sourceEntity)
    }

    @Test func idsAreInTextOrderAndConfidenceIsAProbability() {
        let found = extract("Officials said the dam held. “It held,” the engineer said. It is believed the rain stopped.")
        #expect(found.map(\.id) == ["r1", "r2", "r3"].prefix(found.count).map { $0 })
        #expect(found.allSatisfy { ($0.confidence ?? -1) >= 0 && ($0.confidence ?? 2) <= 1 })
    }

    @Test func offsetsCountUnicodeScalars() throws {
        // "é" written as e + combining accent is two scalars; emoji are one scalar each.
        let text = "🎉 Caf\u{65}\u{301} owners said the rent had doubled."
        let a = try #require(extract(text).first)
        let scalars = ScalarText(text)
        #expect(scalars.slice(try #require(a.cue)) == "said")
        #expect(scalars.slice(try #require(a.content)) == "the rent had doubled")
    }

    @Test func extractorDescribesItself() throws {
        #expect(RulesExtractor.name == "rules")
        #expect(!RulesExtractor.version.isEmpty)
        #expect(extractor.parameters.contains("cue verbs"))
    }
}
