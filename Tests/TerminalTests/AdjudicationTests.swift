import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
@testable import Workbench

/// `claimdesk adjudicate`: the walk over disputed claims, the entries it appends, and the gold they decide.
@Suite struct AdjudicationTests {
    @Test func scriptedAdjudicationPicksOneViewAndWritesTheOtherByHand() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let t = try f.transcript(["pick ana", "content \"We are ready,\"", "confirm", "progress", "q"])
        #expect(t.status == 0)
        #expect(t.text == """
            adjudicating run "rules" as cy · 2 disputed claims in 1 document · 2 unanimous claims accepted without a stop · `help` lists the verbs
            storm · Storm hits coast
            disputed 1/2 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              annotator  verdict    source       cue             content                         outlet   type       anon  entity     confidence  note
              ana        corrected  "Officials"  "told Reuters"  "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              bo         confirmed  "Officials"  "told"          "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              differ: cue
            claimdesk> pick ana
            picked ana's view of #2: corrected (cue)
            storm · Storm hits coast
            disputed 2/2 · doc 1/1 · 1 adjudicated · #3
              [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
              annotator  verdict    source       cue      content            outlet  type          anon  entity  confidence  note
              ana        rejected   "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              bo         confirmed  "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              differ: verdict
            claimdesk> content "We are ready,"
            content: [-"We-] {+We+} are [-ready,"-] {+ready,+} (108-123 → 109-122)
            storm · Storm hits coast
            disputed 2/2 · doc 1/1 · 1 adjudicated · #3
              "[[con: We are ready,]]" [[src: the mayor]] [[cue: added]].
              annotator   verdict        source       cue      content            outlet  type          anon  entity  confidence  note
              ana         rejected       "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              bo          confirmed      "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              cy (final)  - (undecided)  "the mayor"  "added"  "We are ready,"    -       named_person  no    mayor   -           -
              differ: verdict
            claimdesk> confirm
            corrected #3 (adjudicated)
            every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run rules`)
            claimdesk> progress
            adjudicated 2 of 2 disputed claims in run "rules" (100.0%)
            unanimous claims accepted without a stop: 2
            documents marked done by two or more annotators: 1; none left out of the gold for a dispute
            claimdesk> q
            bye: every adjudication is saved

            """)
        // One transaction per verb; every entry the adjudicator's, marked as an adjudication.
        #expect(try f.entries(after: start) == [
            #"cy correct #2 {"field":"cue","old":[[65,69]],"new":[[65,77]],"picked":"ana","adjudication":true}"#,
            #"cy confirm #2 {"picked":"ana","adjudication":true}"#,
            #"cy correct #3 {"field":"content","old":[[108,123]],"new":[[109,122]],"adjudication":true}"#,
            #"cy confirm #3 {"adjudication":true}"#,
        ])
    }

    @Test func theDisputedDocumentEntersTheGoldOnceAdjudicated() throws {
        let f = try AdjudicationFixture()
        let before = try f.workspace.goldFromAnnotations()
        #expect(before.disagreements == ["storm"])
        #expect(before.documents.isEmpty)

        _ = try f.transcript(["pick ana", "content \"We are ready,\"", "confirm", "q"])
        let after = try f.workspace.goldFromAnnotations()
        #expect(after.disagreements == [])
        let gold = try #require(after.documents.first)
        #expect(gold.stored.document.id == "storm" && gold.annotators == ["ana", "bo"])
        #expect(gold.attributions.map(\.content) == [
            REPLFixture.span("the bridge is closed"), REPLFixture.span("that repairs will take weeks"),
            REPLFixture.span("We are ready,"), REPLFixture.span("the damage is severe"),
        ])
        #expect(gold.attributions.map(\.cue) == [
            REPLFixture.span("said"), REPLFixture.span("told Reuters"), REPLFixture.span("added"), REPLFixture.span("It is believed"),
        ])
        #expect(gold.attributions.map { $0.review?.status } == [.confirmed, .corrected, .corrected, .confirmed])
        #expect(gold.attributions.map { $0.review?.annotator } == ["ana", "cy", "cy", "ana"])
    }

    @Test func pickingARejectionRejectsAndLeavesTheClaimOutOfTheGold() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let t = try f.transcript(["skip", "pick ana", "q"])
        #expect(t.text.contains("claimdesk> pick ana\npicked ana's view of #3: rejected\nstorm · Storm hits coast\ndisputed 1/2 · doc 1/1 · 1 adjudicated · #2\n"))
        #expect(try f.entries(after: start) == [#"cy reject #3 {"picked":"ana","adjudication":true}"#])
        // #2 is still disputed: the document stays out.
        #expect(try f.workspace.goldFromAnnotations().disagreements == ["storm"])
    }

    @Test func undoOfAPickCancelsAllItsEntriesInOneGo() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let t = try f.transcript(["pick ana", "undo", "q"])
        #expect(t.text.contains("""
            claimdesk> undo
            undone: pick of ana's view of #2 (2 entries)
            storm · Storm hits coast
            disputed 1/2 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              annotator  verdict    source       cue             content                         outlet   type       anon  entity     confidence  note
              ana        corrected  "Officials"  "told Reuters"  "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              bo         confirmed  "Officials"  "told"          "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              differ: cue
            claimdesk> q
            """))
        let ids = try f.store.annotations().filter { $0.id > start }.map(\.id)
        #expect(try f.entries(after: start) == [
            #"cy correct #2 {"field":"cue","old":[[65,69]],"new":[[65,77]],"picked":"ana","adjudication":true}"#,
            #"cy confirm #2 {"picked":"ana","adjudication":true}"#,
            "cy undo #2 → \(ids[0])",
            "cy undo #2 → \(ids[1])",
        ])
        #expect(try f.workspace.goldFromAnnotations().disagreements == ["storm"])
    }

    @Test func undoWorksAfterARestartAndBringsTheClaimBackIntoTheQueue() throws {
        let f = try AdjudicationFixture()
        _ = try f.transcript(["pick bo", "pick bo", "q"])
        #expect(try f.workspace.goldFromAnnotations().disagreements == [])
        let t = try f.transcript(["undo", "undo", "undo", "q"])
        #expect(t.status == 1)
        #expect(t.text == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: the annotators agree on every claim of 1 document (2 unanimous, 2 adjudicated before)
            claimdesk> undo
            undone: pick of bo's view of #3 (1 entry)
            storm · Storm hits coast
            disputed 1/1 · doc 1/1 · 0 adjudicated · #3
              [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
              annotator  verdict    source       cue      content            outlet  type          anon  entity  confidence  note
              ana        rejected   "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              bo         confirmed  "the mayor"  "added"  ""We are ready,""  -       named_person  no    mayor   -           -
              differ: verdict
            claimdesk> undo
            undone: pick of bo's view of #2 (1 entry)
            storm · Storm hits coast
            disputed 1/2 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              annotator  verdict    source       cue             content                         outlet   type       anon  entity     confidence  note
              ana        corrected  "Officials"  "told Reuters"  "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              bo         confirmed  "Officials"  "told"          "that repairs will take weeks"  Reuters  anonymous  yes   officials  -           -
              differ: cue
            claimdesk> undo
            error: nothing to undo: you have no adjudication in run "rules" left to undo
            claimdesk> q
            bye: every adjudication is saved

            """)
        #expect(try f.workspace.goldFromAnnotations().disagreements == ["storm"])
    }

    @Test func theSameDecisionAgainWritesNothingAndAChangeOfMindIsLogged() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let session = try f.session()
        #expect(session.execute("pick ana").text.hasPrefix("picked ana's view of #2: corrected (cue)\n"))
        #expect(session.execute("prev").text.contains("disputed 1/2 · doc 1/1 · 1 adjudicated · #2"))
        // Picking the view that stands again, or confirming it, writes nothing and moves on.
        #expect(session.execute("pick ana").text.hasPrefix("#2 already stands as ana's view (corrected): nothing written\nstorm · Storm hits coast\ndisputed 2/2 · doc 1/1 · 1 adjudicated · #3\n"))
        #expect(session.execute("prev").text.contains("· #2"))
        #expect(session.execute("pick 1").text.hasPrefix("#2 already stands as ana's view (corrected): nothing written\n"))
        #expect(session.execute("prev").text.contains("· #2"))
        #expect(session.execute("confirm").text.hasPrefix("#2 already stands as corrected: nothing written\n"))
        #expect(try f.entries(after: start) == [
            #"cy correct #2 {"field":"cue","old":[[65,69]],"new":[[65,77]],"picked":"ana","adjudication":true}"#,
            #"cy confirm #2 {"picked":"ana","adjudication":true}"#,
        ])
        // bo's view differs (the cue): picking it is a change of mind, logged.
        #expect(session.execute("prev").text.contains("· #2"))
        #expect(session.execute("pick bo").text.hasPrefix("picked bo's view of #2: corrected (cue)\n"))
        #expect(session.execute("prev").text.contains("· #2"))
        #expect(session.execute("reject").text.hasPrefix("rejected #2 (adjudicated)\n"))
        #expect(try f.entries(after: start).count == 5)
        #expect(try f.entries(after: start).suffix(3) == [
            #"cy correct #2 {"field":"cue","old":[[65,77]],"new":[[65,69]],"picked":"bo","adjudication":true}"#,
            #"cy confirm #2 {"picked":"bo","adjudication":true}"#,
            #"cy reject #2 {"adjudication":true}"#,
        ])
    }

    @Test func refusedCommandsSayWhyAndChangeNothing() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let session = try f.session()
        let errors = [
            "pick zed", "pick", "pick ana bo", "pck ana", "frobnicate", "next now", "source \"the governor\"",
            "cue --at 5", "type martian", "anon maybe", "content none", "help frob", "note it", "source \"unclosed", "undo",
        ].map { line in session.execute(line) }
        #expect(errors.allSatisfy { $0.failed })
        #expect(errors.map(\.text) == [
            "error: pick: \"zed\" did not mark this document done; pick one of ana, bo; nothing changed",
            "error: pick: needs an annotator's name (usage: pick NAME | N)",
            "error: pick: takes one annotator's name (usage: pick NAME | N)",
            "error: unknown verb \"pck\"; did you mean \"pick\"?",
            "error: unknown verb \"frobnicate\"; `help` lists the verbs",
            "error: next: takes no arguments (usage: next)",
            "error: source: \"the governor\" does not occur in this document; nothing changed",
            "error: cue: --at needs two offsets, START END (usage: cue \"TEXT\" | --at START END | none)",
            "error: type: \"martian\" is not a source type (\(SourceTypeNames.all.joined(separator: ", "))) (usage: type SOURCE_TYPE)",
            "error: anon: expected yes or no (usage: anon yes|no)",
            "error: content: a claim always has content (usage: content \"TEXT\" | --at START END)",
            "error: unknown verb \"frob\"; `help` lists the verbs",
            "error: \"note\" is a verb of `claimdesk annotate`, not of adjudication; `help` lists the verbs here",
            "error: unclosed quote \": close it or escape it with a backslash",
            "error: nothing to undo: you have no adjudication in run \"rules\" left to undo",
        ])
        #expect(try f.lastEntryID() == start)
    }

    @Test func nothingToAdjudicateWhenFewerThanTwoAnnotatorsMarkedDone() throws {
        let fixture = try REPLFixture()
        _ = try fixture.transcript(["c", "c", "r", "c", "done"], as: "ana")
        let session = try AdjudicationSession(store: fixture.store, adjudicator: "cy", runName: nil, document: nil,
                                              renderer: Renderer(style: .plain))
        #expect(session.opening() == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: no document of run "rules" is marked done by two or more annotators
            """)
        for line in ["confirm", "pick ana", "show", "next", "skip", "source \"Officials\""] {
            #expect(session.execute(line) == Reply(
                text: "error: nothing to adjudicate in run \"rules\": no claim is disputed (`progress` says why)", failed: true))
        }
        #expect(session.execute("progress").text == """
            adjudicated 0 of 0 disputed claims in run "rules" (100.0%)
            unanimous claims accepted without a stop: 0
            documents marked done by two or more annotators: 0; none left out of the gold for a dispute
            """)
    }

    @Test func unanimousAnnotatorsLeaveNothingToAdjudicate() throws {
        let f = try AdjudicationFixture(bo: ["c", "cue \"told Reuters\"", "c", "r", "c", "done"])
        #expect(try f.session().opening() == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: the annotators agree on every claim of 1 document (4 unanimous)
            """)
        #expect(try f.workspace.goldFromAnnotations().documents.count == 1)
    }

    @Test func openingErrorsNameTheRunOrDocument() throws {
        let f = try AdjudicationFixture()
        #expect(throws: AdjudicationError.repl(.unknownDocument("nowhere"))) { try f.session(doc: "nowhere") }
        #expect(throws: AdjudicationError.repl(.store("no run named \"spacy\" (see `claimdesk runs`)"))) {
            try AdjudicationSession(store: f.store, adjudicator: "cy", runName: "spacy", document: nil, renderer: Renderer(style: .plain))
        }
        #expect(try f.session(doc: "storm").opening().hasPrefix(
            "adjudicating run \"rules\" as cy · 2 disputed claims in 1 document · 2 unanimous claims accepted without a stop"))
    }

    @Test func walkingMovesThroughTheQueueAndStopsAtItsEnds() throws {
        let f = try AdjudicationFixture()
        let session = try f.session()
        #expect(session.execute("prev").text == "start of the disputed claims: none before this one")
        #expect(session.execute("next").text.contains("disputed 2/2 · doc 1/1 · 0 adjudicated · #3"))
        #expect(session.execute("n").text == "end of the disputed claims: none after this one")
        #expect(session.execute("skip").text.contains("disputed 1/2 · doc 1/1 · 0 adjudicated · #2"))
        #expect(session.execute("pick bo").text.contains("disputed 2/2 · doc 1/1 · 1 adjudicated · #3"))
        #expect(session.execute("skip").text == "no other disputed claim awaits adjudication")
        #expect(session.execute("source \"Officials\"").text.hasPrefix("source: [-the mayor-] {+Officials+} (124-133 → 55-64)\n"))
        #expect(session.execute("source \"Officials\"").text == "source unchanged: the final's is already \"Officials\" (55-64)")
        // The entity that followed the source goes back with it (EntityFollowTests).
        #expect(session.execute("undo").text.hasPrefix("undone: correct source of #3, correct entity of #3\n"))
        #expect(session.execute("reject \"not said\"").text.hasPrefix("rejected #3 (adjudicated)\nevery disputed claim is adjudicated"))
        #expect(session.execute("progress").text.hasPrefix("adjudicated 2 of 2 disputed claims"))
        #expect(session.completions(before: "pick ", word: "") == ["ana", "bo"])
        #expect(session.completions(before: "", word: "p") == ["pick", "prev", "progress"])
    }

    @Test func notesAndControlCharactersAreShownEscaped() throws {
        let f = try AdjudicationFixture(bo: ["c", "note \"\u{1B}[2Jsee\tthe archive\"", "c", "confidence high", "c", "c", "c", "done"])
        let opening = try f.session().opening()
        #expect(opening.contains("  bo         confirmed  \"Officials\"  \"told\"          \"that repairs will take weeks\"  Reuters  anonymous  yes   officials  -           \\u{1b}[2Jsee\\tthe archive"))
        #expect(!opening.contains("\u{1B}"))
    }

    @Test func colourOnlyBoldsTheTitleAndTheHeader() throws {
        let f = try AdjudicationFixture()
        let session = try AdjudicationSession(store: f.store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .color))
        let lines = session.opening().split(separator: "\n").map(String.init)
        #expect(lines[1] == "\u{1B}[1mstorm · Storm hits coast\u{1B}[0m")
        #expect(lines[4].hasPrefix("  \u{1B}[1mannotator  verdict"))
        #expect(lines[3].contains("\u{1B}[1;36mOfficials\u{1B}[0m"))
    }
}
