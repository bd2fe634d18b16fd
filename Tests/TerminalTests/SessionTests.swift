import ClaimModel
import ClaimStore
import Review
import Testing
@testable import Terminal
@testable import Workbench

@Suite struct SessionTests {
    @Test func everyActionIsOneLogEntryAndCorrectionsCarryOldAndNew() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("n")
        _ = session.execute("source \"Reuters\"")
        _ = session.execute("outlet none")
        _ = session.execute("c")
        let log = try fixture.store.annotations(documentRowID: 1)
        // The moved source took its entity along (EntityFollowTests): an entry of its own.
        #expect(log.map(\.entry.action) == ["correct", "correct", "correct", "confirm"])
        let officials = try #require(REPLFixture.span("Officials")).hull, reuters = try #require(REPLFixture.span("Reuters")).hull
        #expect(log[0].entry.fields == #"{"field":"source","old":[[\#(officials.start),\#(officials.end)]],"new":[[\#(reuters.start),\#(reuters.end)]]}"#)
        #expect(log[1].entry.fields == #"{"field":"entity","old":"officials","new":"reuters","follows":"source"}"#)
        #expect(log[2].entry.fields == #"{"field":"outlet","old":"Reuters","new":null}"#)
        let review = ReviewLedger(log.compactMap(\.logged)).reviews(by: "ana") { _ in REPLFixture.claims[1] }[2]
        #expect(review?.verdict == .corrected)
        #expect(log.allSatisfy { $0.entry.annotator == "ana" && $0.entry.runID == fixture.runID })
    }

    @Test func unchangedCorrectionWritesNothing() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute("source \"The mayor\"").text == #"source unchanged: it is already "The mayor" (18-27)"#)
        #expect(try fixture.store.annotations(documentRowID: 1).isEmpty)
    }

    @Test func undoWorksAfterRestart() throws {
        let fixture = try REPLFixture()
        _ = try fixture.transcript(["c", "c", "q"])
        let second = try fixture.session()
        let reply = second.execute("undo")
        #expect(reply.text.hasPrefix("undone: confirm of #2\n"))
        #expect(reply.text.contains("1 reviewed · #2"))
        let third = try fixture.session()
        #expect(third.execute("redo").text.hasPrefix("redone: confirm of #2\n"))
        #expect(third.execute("redo").text == "error: nothing to redo (redo follows undo, before any new action)")
        let log = try fixture.store.annotations(documentRowID: 1)
        #expect(log.map(\.entry.action) == ["confirm", "confirm", "undo", "redo"])
        #expect(log[2].entry.target == log[1].id)
        #expect(log[3].entry.target == log[2].id)
    }

    @Test func resumesWhereTheAnalystStopped() throws {
        let fixture = try REPLFixture()
        _ = try fixture.transcript(["c", "c", "q"])
        let opening = try fixture.session().opening()
        #expect(opening.contains("resuming where you stopped"))
        #expect(opening.contains("claim 3/4 · doc 1/1 · 2 reviewed · #3"))
    }

    @Test func undoOfAddWithdrawsTheClaim() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute(#"add "repairs will take weeks" source "Officials" cue "told" type anonymous"#).text
            .hasPrefix("added #5\n"))
        #expect(session.execute("list").text.contains("#5 "))
        // Back on the claim whose content holds the withdrawn one's, not on the document's last claim.
        let undone = session.execute("u").text
        #expect(undone.hasPrefix("undone: add of #5\n"))
        #expect(undone.contains("claim 2/4 · doc 1/1 · 0 reviewed · #2\n"))
        #expect(!session.execute("list").text.contains("#5 "))
        #expect(session.execute("goto 5").text == "error: claim #5 was added by another analyst or withdrawn; it is not in your queue")
    }

    @Test func doneAndItsUndoAreMirroredInDocumentReviews() throws {
        let fixture = try REPLFixture()
        _ = try fixture.transcript(["c", "c", "r", "r", "done", "u", "redo"])
        let reviews = try fixture.store.documentReviews()
        #expect(reviews.map(\.status) == ["done"])
        #expect(try fixture.store.doneDocumentRowIDs(annotator: "ana", runID: fixture.runID) == [1])
    }

    @Test func twoAnalystsSeeTheirOwnVerdictsAndShowAllShowsEveryone() throws {
        let fixture = try REPLFixture()
        _ = try fixture.transcript(["c"], as: "ana")
        _ = try fixture.transcript(["r wrong"], as: "ben")
        let ben = try fixture.session("ben", doc: "storm")
        let screen = ben.execute("show --all").text
        #expect(screen.contains("verdict     rejected"))
        #expect(screen.hasSuffix("verdicts:\n  ana           confirmed · 2026-11-25T10:00:00.000Z\n  ben           rejected · 2026-11-25T10:00:00.000Z"))
    }

    @Test func filtersNarrowTheQueue() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute("filter confidence < 0.5").text.contains("claim 2/4"))
        #expect(session.execute("n").text.contains("claim 4/4"))
        #expect(session.execute("n").text == "end of the queue: no claim after this one (filter: confidence < 0.5)")
        #expect(session.execute("filter type named_person").text.contains("claim 1/4"))
        #expect(session.execute("filter outlet reuters").text.contains("claim 2/4"))
        #expect(session.execute("filter tag nothing").text == "filter tag nothing: no claim matches; filter not applied (still: outlet reuters)")
        #expect(session.execute("filter").text == "filter: outlet reuters")
        #expect(session.execute("filter off").text.hasPrefix("filter cleared\n"))
        #expect(session.execute("list unreviewed").text.components(separatedBy: "\n").count == 5)
    }

    @Test func controlCharactersInTextAndNotesAreEscaped() throws {
        let evil = Document(id: "evil", text: "Bob said \u{1B}[2J\u{07}everything is fine.", title: "T\u{1B}]0;pwned\u{07}")
        let fixture = try REPLFixture(extraDocuments: [evil])
        let session = try fixture.session(doc: "evil")
        _ = session.execute("note \u{1B}[31mred\u{1B}[0m")
        _ = session.execute("tag \u{9B}x")
        let out = session.execute("show").text + session.execute("list").text + session.execute("context").text
        #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(out.contains(#"\u{1b}[2J\u{7}everything is fine"#))
        #expect(out.contains(#"note        \u{1b}[31mred\u{1b}[0m"#))
    }

    @Test func colourModeUsesDistinctColoursPerRole() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.renderer = Renderer(style: .color)
        let screen = session.execute("show").text
        #expect(screen.contains("\u{1B}[1;36mThe mayor\u{1B}[0m \u{1B}[1;33msaid\u{1B}[0m \u{1B}[32mthe bridge is closed\u{1B}[0m"))
        #expect(!screen.contains("[[src:"))
        #expect(Renderer.style(stdoutIsTerminal: true, environment: ["NO_COLOR": "1"]) == .plain)
        #expect(Renderer.style(stdoutIsTerminal: false, environment: [:]) == .plain)
        #expect(Renderer.style(stdoutIsTerminal: true, environment: [:]) == .color)
    }

    @Test func tabCompletion() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.completions(before: "", word: "co") == ["confidence", "confirm", "content", "context"])
        #expect(session.completions(before: "type ", word: "named") == ["named_organization", "named_person"])
        #expect(session.completions(before: "outlet ", word: "") == ["Reuters"])
        #expect(session.completions(before: "entity ", word: "") == ["mayor", "officials"])
        #expect(session.completions(before: "filter ", word: "") == ["confidence", "off", "outlet", "tag", "type", "unreviewed"])
        _ = session.execute("tag needs-check")
        #expect(session.completions(before: "filter tag ", word: "n") == ["needs-check"])
        #expect(session.completions(before: "confidence ", word: "") == ["high", "low", "medium"])
    }

    @Test func contextShowsTheSurroundingSentences() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("n")
        #expect(session.execute("context").text == """
              Storm hits coast
              The mayor said the bridge is closed.
            > [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              "We are ready," the mayor added.
              It is believed the damage is severe.
            """)
    }
}
