import ClaimModel
import ClaimStore
import Review
import Testing
@testable import Terminal
@testable import Workbench

/// A moved source takes its entity along (`EntityFollow`): its own `correct` entry, marked as
/// following the source's, that one `undo` takes back with it.
@Suite struct EntityFollowTests {
    /// The log of document 1 as `action fields → target`.
    static func log(_ fixture: REPLFixture) throws -> [String] {
        try fixture.store.annotations(documentRowID: 1).map { e in
            "\(e.entry.action) \(e.entry.fields ?? "-")" + (e.entry.target.map { " → \($0)" } ?? "")
        }
    }

    @Test func theEntityFollowsAMovedSourceAndUndoTakesBothBack() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript(["n", "source \"The mayor\"", "undo", "redo", "q"])
        let expected = """
            reviewing run "rules" as ana · `help` lists the verbs
            storm · Storm hits coast
            claim 1/4 · doc 1/1 · 0 reviewed · #1
              [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
              outlet      -
              type        named_person
              anonymous   no
              entity      mayor (also #3 "the mayor")
              extractor   0.90
              verdict     - (unreviewed)
            claimdesk> n
            storm · Storm hits coast
            claim 2/4 · doc 1/1 · 0 reviewed · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      officials
              extractor   0.40
              verdict     - (unreviewed)
            claimdesk> source "The mayor"
            source: [-Officials-] {+The mayor+} (55-64 → 18-27)
            entity: officials → mayor
            note: its type is still anonymous; the new source reads as named_person: `type named_person` sets it
            storm · Storm hits coast
            claim 2/4 · doc 1/1 · 0 reviewed · #2
              [[src: The mayor]] said the bridge is closed. Officials [[cue: told]] Reuters [[con: that repairs will take weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      mayor (also #1 "The mayor", #3 "the mayor")
              extractor   0.40
              verdict     - (unreviewed)
              corrected   source, entity
            claimdesk> undo
            undone: correct source of #2, correct entity of #2
            storm · Storm hits coast
            claim 2/4 · doc 1/1 · 0 reviewed · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      officials
              extractor   0.40
              verdict     - (unreviewed)
            claimdesk> redo
            redone: correct source of #2, correct entity of #2
            storm · Storm hits coast
            claim 2/4 · doc 1/1 · 0 reviewed · #2
              [[src: The mayor]] said the bridge is closed. Officials [[cue: told]] Reuters [[con: that repairs will take weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      mayor (also #1 "The mayor", #3 "the mayor")
              extractor   0.40
              verdict     - (unreviewed)
              corrected   source, entity
            claimdesk> q
            bye: every action is saved

            """
        #expect(text == expected)
        // Undo cancels the entity first, then the source; redo brings back the source, then the entity.
        #expect(try Self.log(fixture) == [
            #"correct {"field":"source","old":[[55,64]],"new":[[18,27]]}"#,
            #"correct {"field":"entity","old":"officials","new":"mayor","follows":"source"}"#,
            "undo - → 2",
            "undo - → 1",
            "redo - → 4",
            "redo - → 3",
        ])
    }

    @Test func anEntityAnalystsSetStaysAndASourceRemovedClearsTheExtractors() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("n")
        #expect(session.execute("source none").text.hasPrefix("""
            source: [-Officials-] (55-64 → none)
            entity: officials → none
            storm · Storm hits coast
            """))
        _ = session.execute("undo")
        _ = session.execute("entity harbour-office")
        #expect(session.execute("source \"The mayor\"").text.hasPrefix("""
            source: [-Officials-] {+The mayor+} (55-64 → 18-27)
            entity: harbour-office kept (set by hand; `entity NAME` changes it)
            storm · Storm hits coast
            """))
        #expect(try Self.log(fixture) == [
            #"correct {"field":"source","old":[[55,64]],"new":null}"#,
            #"correct {"field":"entity","old":"officials","new":null,"follows":"source"}"#,
            "undo - → 2",
            "undo - → 1",
            #"correct {"field":"entity","old":"officials","new":"harbour-office"}"#,
            #"correct {"field":"source","old":[[55,64]],"new":[[18,27]]}"#,
        ])
        // The entity typed on its own is its own step: undo takes back only the source.
        #expect(session.execute("undo").text.hasPrefix("undone: correct source of #2\n"))
    }

    @Test func boundariesMovedOverTheSameWordsKeepTheEntity() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("n")
        #expect(session.execute("source \"Officials told\"").text.hasPrefix("""
            source: Officials {+told+} (55-64 → 55-69)
            storm · Storm hits coast
            """))
        #expect(session.execute("source -0 -1").text.hasPrefix("""
            source: Officials [-told-] (55-69 → 55-64)
            storm · Storm hits coast
            """))
        #expect(try Self.log(fixture) == [
            #"correct {"field":"source","old":[[55,64]],"new":[[55,69]]}"#,
            #"correct {"field":"source","old":[[55,69]],"new":[[55,64]]}"#,
        ])
    }

    @Test func anAdjudicatorsMovedSourceTakesTheEntityAlongAsOneStep() throws {
        let f = try AdjudicationFixture()
        let before = try f.lastEntryID()
        let session = try f.session()
        _ = session.execute("next")
        #expect(session.execute("source \"Officials\"").text.hasPrefix("""
            source: [-the mayor-] {+Officials+} (124-133 → 55-64)
            entity: mayor → officials
            note: its type is still named_person; the new source reads as anonymous: `type anonymous` sets it
            """))
        #expect(session.execute("undo").text.hasPrefix("undone: correct source of #3, correct entity of #3\n"))
        #expect(try f.entries(after: before) == [
            #"cy correct #3 {"field":"source","old":[[124,133]],"new":[[55,64]],"adjudication":true}"#,
            #"cy correct #3 {"field":"entity","old":"mayor","new":"officials","adjudication":true,"follows":"source"}"#,
            "cy undo #3 → \(before + 1)",
            "cy undo #3 → \(before + 2)",
        ])
    }

    /// `add` gives the missed claim's source an entity: that of a claim whose source is the same
    /// words, else the words read as the rules read a source; the type stays the analyst's to set.
    @Test func anAddedClaimsSourceGetsAnEntity() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute(#"add "We are ready" source "the mayor" cue "added""#).text.hasPrefix("""
            added #5
            entity: mayor (as #1, the same source; `entity NAME` changes it)
            note: no type given; the source reads as named_person: `type named_person` sets it
            storm · Storm hits coast
            """))
        #expect(session.execute(#"add "repairs will take weeks" source "Reuters" type named_organization"#).text.hasPrefix("""
            added #6
            entity: reuters (read from the source; `entity NAME` changes it)
            storm · Storm hits coast
            """))
        #expect(session.execute(#"add "the damage is severe" source "It""#).text.hasPrefix("""
            added #7
            entity: none ("It" names nobody alone; `entity NAME` sets it)
            storm · Storm hits coast
            """))
        // Stored with the claims: the entity, and no type where none was given.
        let added = try fixture.store.attributions(runID: fixture.runID, documentRowID: 1, origin: .added)
        #expect(added.map { "\($0.attribution.sourceEntity ?? "-") \($0.attribution.sourceType?.rawValue ?? "-")" }
            == ["mayor -", "reuters named_organization", "- -"])
    }

    /// The reading alone, as a value: a named person, a pronoun, and an analyst's own entity on
    /// the claim with the same words.
    @Test func addedSourceReadings() {
        let text = ScalarText("Dr. Lena Ortiz said the dam held. He added that the river fell.")
        let ortiz = Span(4, 14), he = Span(34, 36)
        #expect(AddedSource.read(ortiz, others: [], in: text)
            == AddedSource(entity: "lena-ortiz", typeReading: .namedPerson, basis: .reading))
        #expect(AddedSource.read(he, others: [], in: text) == AddedSource(entity: nil, typeReading: nil, basis: .nobody))
        let corrected = Attribution(source: Fragments(Span(4, 14)), sourceType: .namedPerson, sourceEntity: "l-ortiz")
        #expect(AddedSource.read(Span(4, 14), others: [(9, corrected)], in: text)
            == AddedSource(entity: "l-ortiz", typeReading: .namedPerson, basis: .sameWords(claim: 9)))
    }
}
