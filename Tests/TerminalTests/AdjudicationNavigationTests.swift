import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
@testable import Workbench

/// `goto`, `show #ID` and `redo` in `claimdesk adjudicate`: moving within the walk of disputed
/// claims, looking at one without moving, and taking an undo back.
@Suite struct AdjudicationNavigationTests {
    /// The storm article: ana and bo dispute #2 and #3 and agree on #1 and #4.
    func fixture() throws -> AdjudicationFixture { try AdjudicationFixture() }

    @Test func gotoAndShowReachTheWalksClaimsAndDocuments() throws {
        let f = try fixture()
        let session = try f.session()
        let start = try f.lastEntryID()
        let shown = session.execute("show #3")
        #expect(!shown.failed && shown.text.hasPrefix("storm · Storm hits coast\ndisputed 2/2 · doc 1/1 · 0 adjudicated · #3\n"))
        // show does not move: the claim on screen is still #2.
        #expect(session.execute("show").text.hasPrefix("storm · Storm hits coast\ndisputed 1/2 · doc 1/1 · 0 adjudicated · #2\n"))
        #expect(session.execute("show 3").text == shown.text)
        #expect(session.execute("goto #3").text == shown.text)
        #expect(session.execute("show").text == shown.text)
        // A doc_id, or its beginning: the document's first claim awaiting adjudication.
        #expect(session.execute("goto storm").text.contains("disputed 1/2 · doc 1/1 · 0 adjudicated · #2\n"))
        #expect(session.execute("goto 3").text == shown.text)
        #expect(session.execute("pick bo").text.hasPrefix("picked bo's view of #3: confirmed\n"))
        #expect(session.execute("goto sto").text.contains("disputed 1/2 · doc 1/1 · 1 adjudicated · #2\n"))
        #expect(session.execute("pick bo").text.hasPrefix("picked bo's view of #2: confirmed\n"))
        // Every claim of the document decided: goto takes its first disputed one.
        #expect(session.execute("goto storm").text.contains("disputed 1/2 · doc 1/1 · 2 adjudicated · #2\n"))

        let before = try f.lastEntryID()
        let refused = ["goto #1", "show 4", "goto #5", "show #99", "goto tide", "goto nowhere", "show #x", "goto", "goto #2 #3", "show 2 3"]
            .map { session.execute($0) }
        #expect(refused.allSatisfy { $0.failed })
        #expect(refused.map(\.text) == [
            "error: claim #1 is not disputed: its annotators agree, so there is nothing to adjudicate",
            "error: claim #4 is not disputed: its annotators agree, so there is nothing to adjudicate",
            "error: no claim #5 in the documents two or more annotators marked done",
            "error: no claim #99 in the documents two or more annotators marked done",
            "error: no document \"tide\" among the documents two or more annotators marked done",
            "error: no document \"nowhere\" among the documents two or more annotators marked done",
            "error: no claim #x in the documents two or more annotators marked done",
            "error: goto: needs one claim ID or doc_id (usage: goto #ID | DOC_ID | PREFIX)",
            "error: goto: needs one claim ID or doc_id (usage: goto #ID | DOC_ID | PREFIX)",
            "error: show: takes at most one claim ID (usage: show [#ID])",
        ])
        #expect(try f.lastEntryID() == before)
        #expect(try f.entries(after: start) == [
            #"cy confirm #3 {"picked":"bo","adjudication":true}"#,
            #"cy confirm #2 {"picked":"bo","adjudication":true}"#,
        ])
        #expect(session.completions(before: "goto ", word: "st") == ["storm"])
        #expect(session.completions(before: "goto ", word: "t") == [])
    }

    @Test func gotoBringsAClaimAdjudicatedBeforeBackIntoTheWalk() throws {
        let f = try fixture()
        _ = try f.transcript(["pick bo", "pick bo", "q"])
        let session = try f.session()
        #expect(session.execute("show #2") == Reply(
            text: "error: claim #2 was adjudicated before this session: goto #2 brings it back into the walk", failed: true))
        #expect(session.execute("goto #2").text.hasPrefix("storm · Storm hits coast\ndisputed 1/1 · doc 1/1 · 1 adjudicated · #2\n"))
        #expect(session.execute("pick ana").text == """
            picked ana's view of #2: corrected (cue)
            every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run rules`)
            """)
        let gold = try #require(try f.workspace.goldFromAnnotations().documents.first)
        #expect(gold.attributions.map(\.cue)[1] == REPLFixture.span("told Reuters"))
    }

    @Test func redoTakesBackAnUndoAsAWholeUntilTheNextAdjudication() throws {
        let f = try fixture()
        let start = try f.lastEntryID()
        let session = try f.session()
        #expect(session.execute("pick ana").text.hasPrefix("picked ana's view of #2: corrected (cue)\n"))
        #expect(session.execute("undo").text.hasPrefix("undone: pick of ana's view of #2 (2 entries)\n"))
        let redone = session.execute("redo")
        #expect(!redone.failed)
        #expect(redone.text.hasPrefix("""
            redone: pick of ana's view of #2 (2 entries)
            storm · Storm hits coast
            disputed 1/2 · doc 1/1 · 1 adjudicated · #2
            """))
        #expect(session.execute("redo") == Reply(text: "error: nothing to redo (redo follows undo, before any new adjudication)", failed: true))
        // The redone pick is undone again as a whole; a new adjudication then ends the redo.
        #expect(session.execute("undo").text.hasPrefix("undone: pick of ana's view of #2 (2 entries)\n"))
        #expect(session.execute("pick bo").text.hasPrefix("picked bo's view of #2: confirmed\n"))
        #expect(session.execute("redo").failed)
        // Undo and redo are read from the log: a new session redoes what the last one undid.
        #expect(session.execute("undo").text.hasPrefix("undone: pick of bo's view of #2 (1 entry)\n"))
        let next = try f.session()
        #expect(next.execute("redo").text.hasPrefix("redone: pick of bo's view of #2 (1 entry)\n"))

        let ids = try f.store.annotations().filter { $0.id > start }.map(\.id)
        #expect(try f.entries(after: start) == [
            #"cy correct #2 {"field":"cue","old":[[65,69]],"new":[[65,77]],"picked":"ana","adjudication":true}"#,
            #"cy confirm #2 {"picked":"ana","adjudication":true}"#,
            "cy undo #2 → \(ids[0])",
            "cy undo #2 → \(ids[1])",
            "cy redo #2 → \(ids[2])",
            "cy redo #2 → \(ids[3])",
            "cy undo #2 → \(ids[0])",
            "cy undo #2 → \(ids[1])",
            #"cy confirm #2 {"picked":"bo","adjudication":true}"#,
            "cy undo #2 → \(ids[8])",
            "cy redo #2 → \(ids[9])",
        ])
        // The final is bo's confirmation: #2 decided, #3 still disputed.
        let view = try #require(next.current)
        #expect(view.isDecided(2) && !view.isDecided(3))
    }

    /// Review finding: a claim decided before, brought back by `goto` while its document is on
    /// screen, counts as adjudicated (card, skip, progress), and no longer as "adjudicated before".
    @Test func aClaimBroughtBackByGotoCountsAsAdjudicatedOnce() throws {
        let f = try fixture()
        _ = try f.transcript(["pick bo", "q"])
        let session = try f.session()
        #expect(session.opening().contains("1 disputed claim in 1 document · 2 unanimous claims accepted without a stop · 1 adjudicated before"))
        #expect(session.execute("goto #2").text.hasPrefix("storm · Storm hits coast\ndisputed 1/2 · doc 1/1 · 1 adjudicated · #2\n"))
        #expect(session.execute("skip").text.hasPrefix("storm · Storm hits coast\ndisputed 2/2 · doc 1/1 · 1 adjudicated · #3\n"))
        #expect(session.execute("skip").text == "no other disputed claim awaits adjudication")
        #expect(session.execute("progress").text == """
            adjudicated 1 of 2 disputed claims in run "rules" (50.0%)
            unanimous claims accepted without a stop: 2
            documents marked done by two or more annotators: 1; left out of the gold until adjudicated: storm
            """)
    }

    /// `annotate` and `adjudicate` keep their own histories: an adjudicator's `undo` in `annotate`
    /// does not take back an adjudication, nor the other way round.
    @Test func eachREPLUndoesItsOwnEntries() throws {
        let f = try fixture()
        _ = try f.transcript(["pick ana", "q"])
        #expect(try f.base.transcript(["undo", "q"], as: "cy").contains("claimdesk> undo\nerror: nothing to undo\n"))
        _ = try f.base.transcript(["c", "q"], as: "cy")
        let t = try f.transcript(["undo", "undo", "q"])
        #expect(t.text.contains("claimdesk> undo\nundone: pick of ana's view of #2 (2 entries)\n"))
        #expect(t.text.contains("claimdesk> undo\nerror: nothing to undo: you have no adjudication in run \"rules\" left to undo\n"))
    }
}

