import ClaimModel
import ClaimStore
import Foundation
import Review
import Testing
@testable import Terminal
@testable import Workbench

/// `accept-above` and `order` on the REPL fixture's four claims (0.90, 0.40, 0.70, 0.30): exact screens.
@Suite struct BulkSessionTests {
    /// Under a script nothing is asked: the action is taken, said, undone and redone as one step.
    @Test func acceptAboveUnderAScriptActsAndUndoesAsOneStep() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript(["accept-above 0.6", "progress", "undo", "progress", "redo", "accept-above 0.6",
                                           "accept-above 1.5", "accept-above", "q"])
        let expected = #"""
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
        claimdesk> accept-above 0.6
        accepted 2 claims at ≥ 0.60 (expected precision unknown: no calibration yet, no document is marked done); `undo` takes them all back
        storm · Storm hits coast
        claim 2/4 · doc 1/1 · 2 reviewed · #2
          [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      officials
          extractor   0.40
          verdict     - (unreviewed)
        claimdesk> progress
        2 of 4 claims in run "rules" reviewed by ana (50.0%)
        this document: 2/4 claims reviewed
        documents marked done: 0/1
        pace: - (two verdicts less than 10 minutes apart are needed)
        filter: none
        claimdesk> undo
        undone: accept-above of 2 claims at ≥ 0.60
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 0 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> progress
        0 of 4 claims in run "rules" reviewed by ana (0.0%)
        this document: 0/4 claims reviewed
        documents marked done: 0/1
        pace: - (two verdicts less than 10 minutes apart are needed)
        filter: none
        claimdesk> redo
        redone: accept-above of 2 claims at ≥ 0.60
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 2 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     confirmed
        claimdesk> accept-above 0.6
        no claim without your verdict at ≥ 0.60 in this document; nothing changed
        claimdesk> accept-above 1.5
        error: accept-above: the threshold must be a number in [0, 1], not "1.5" (usage: accept-above T [--doc | --filter])
        claimdesk> accept-above
        error: accept-above: needs a threshold, e.g. accept-above 0.9 (usage: accept-above T [--doc | --filter])
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
        let log = try fixture.store.annotations(annotator: "ana", runID: fixture.runID)
        #expect(log.map(\.entry.action.kind.rawValue) == ["confirm", "confirm", "undo", "undo", "redo", "redo"])
        #expect(log.map(\.entry.bulk) == [BulkAcceptance(threshold: 0.6, count: 2), BulkAcceptance(threshold: 0.6, count: 2),
                                          nil, nil, nil, nil])
    }

    /// On a terminal the session asks first; anything but y leaves the store as it was.
    @Test func onATerminalItAsksFirst() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.asksBeforeBulk = true
        let text = REPL.transcript(session, lines: ["accept-above 0.35", "n", "progress", "accept-above 0.35 --filter", "y",
                                                    "progress", "q"]).text
        let expected = #"""
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
        claimdesk> accept-above 0.35
        accept 3 claims at ≥ 0.35 in this document (expected precision unknown: no calibration yet, no document is marked done)? [y/N] n
        nothing accepted
        claimdesk> progress
        0 of 4 claims in run "rules" reviewed by ana (0.0%)
        this document: 0/4 claims reviewed
        documents marked done: 0/1
        pace: - (two verdicts less than 10 minutes apart are needed)
        filter: none
        claimdesk> accept-above 0.35 --filter
        accept 3 claims at ≥ 0.35 in your queue (expected precision unknown: no calibration yet, no document is marked done)? [y/N] y
        accepted 3 claims at ≥ 0.35 (expected precision unknown: no calibration yet, no document is marked done); `undo` takes them all back
        storm · Storm hits coast
        claim 4/4 · doc 1/1 · 3 reviewed · #4
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     - (unreviewed)
        claimdesk> progress
        3 of 4 claims in run "rules" reviewed by ana (75.0%)
        this document: 3/4 claims reviewed
        documents marked done: 0/1
        pace: - (two verdicts less than 10 minutes apart are needed)
        filter: none
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
    }

    /// The question wraps to the session's width as every reply does (a terminal cut it mid-word
    /// at 100 columns): `[y/N]` ends its last line and the answer is read after it.
    @Test func theQuestionWrapsToTheWidthLikeEveryReply() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.asksBeforeBulk = true
        session.renderer.wrapping = .columns(100)
        let text = REPL.transcript(session, lines: ["accept-above 0.35", "n", "q"]).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let asked = try #require(lines.firstIndex(of: "claimdesk> accept-above 0.35"))
        #expect(Array(lines[(asked + 1)...]) == [
            "accept 3 claims at ≥ 0.35 in this document (expected precision unknown: no calibration yet, no",
            "document is marked done)? [y/N] n",
            "nothing accepted",
            "claimdesk> q",
            "bye: every action is saved",
            "",
        ])
        #expect(lines.allSatisfy { TextWrap.columns($0) <= 100 })
        // Narrower, the question takes more lines; the prompt's last line ends in "[y/N] ".
        session.renderer.wrapping = .columns(40)
        #expect(session.execute("accept-above 0.35 --filter").prompt
            == "accept 3 claims at ≥ 0.35 in your queue\n(expected precision unknown: no\ncalibration yet, no document is marked\ndone)? [y/N] ")
        #expect(session.execute("y").text.hasPrefix("accepted 3 claims at ≥ 0.35 (expected\nprecision unknown:"))
    }

    @Test func orderUncertainWithoutCalibrationCentresOnOneHalf() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript(["order", "order uncertain", "n", "n", "order confidence", "c", "order sideways", "q"])
        let expected = #"""
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
        claimdesk> order
        order: document (documents in ingestion order, claims in text order)
        claimdesk> order uncertain
        order: uncertain (closest to 0.5 first: no calibration yet, no document is marked done)
        storm · Storm hits coast
        claim 2/4 · doc 1/1 · 0 reviewed · #2 · order uncertain (0.50)
          [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      officials
          extractor   0.40
          verdict     - (unreviewed)
        claimdesk> n
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 0 reviewed · #3 · order uncertain (0.50)
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> n
        storm · Storm hits coast
        claim 4/4 · doc 1/1 · 0 reviewed · #4 · order uncertain (0.50)
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     - (unreviewed)
        claimdesk> order confidence
        order: confidence (highest extractor confidence first)
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 0 reviewed · #1 · order confidence
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> c
        confirmed #1
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 1 reviewed · #3 · order confidence
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> order sideways
        error: order: "sideways" is not an order (document, uncertain, confidence) (usage: order [document | uncertain | confidence])
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
        // Remembered for the analyst: the next session opens in that order.
        let again = try fixture.transcript(["q"])
        let reopened = #"""
        reviewing run "rules" as ana · `help` lists the verbs
        resuming where you stopped
        order: confidence (highest extractor confidence first), remembered for you; `order document` goes back to ingestion order
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 1 reviewed · #3 · order confidence
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> q
        bye: every action is saved
        """#
        #expect(again == reopened + "\n")
        #expect(try fixture.store.preference("order", annotator: "ana") == "confidence")
    }

    /// Once a document is done, the calibration gives the expected precision and the threshold.
    @Test func withACalibrationThePreviewAndTheOrderUseIt() throws {
        let fixture = try REPLFixture(extraDocuments: [Document(id: "later", text: "Ann said it rained.")])
        let text = try fixture.transcript(["c", "r", "c", "r", "goto storm", "done", "accept-above 0.5", "undo",
                                           "order uncertain", "q"])
        let expected = #"""
        reviewing run "rules" as ana · `help` lists the verbs
        storm · Storm hits coast
        claim 1/4 · doc 1/2 · 0 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> c
        confirmed #1
        storm · Storm hits coast
        claim 2/4 · doc 1/2 · 1 reviewed · #2
          [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      officials
          extractor   0.40
          verdict     - (unreviewed)
        claimdesk> r
        rejected #2
        storm · Storm hits coast
        claim 3/4 · doc 1/2 · 2 reviewed · #3
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> c
        confirmed #3
        storm · Storm hits coast
        claim 4/4 · doc 1/2 · 3 reviewed · #4
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     - (unreviewed)
        claimdesk> r
        rejected #4
        every claim of storm has your verdict: `goto storm`, then `done`, marks it reviewed
        later
        claim 1/1 · doc 2/2 · 4 reviewed · #5
          [[src: Ann]] [[cue: said]] [[con: it rained]].
          outlet      -
          type        named_person
          anonymous   -
          entity      -
          extractor   0.50
          verdict     - (unreviewed)
        claimdesk> goto storm
        storm · Storm hits coast
        claim 1/4 · doc 1/2 · 4 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     confirmed
        claimdesk> done
        storm marked done: 4 claims reviewed
        later
        claim 1/1 · doc 2/2 · 4 reviewed · #5
          [[src: Ann]] [[cue: said]] [[con: it rained]].
          outlet      -
          type        named_person
          anonymous   -
          entity      -
          extractor   0.50
          verdict     - (unreviewed)
        claimdesk> accept-above 0.5
        accepted 1 claim at ≥ 0.50 (expected precision 0.50); `undo` takes them all back
        every claim of this document has your verdict; `done` marks it reviewed, once you have added what the extractor missed
        claimdesk> undo
        undone: accept-above of 1 claim at ≥ 0.50
        later
        claim 1/1 · doc 2/2 · 4 reviewed · #5
          [[src: Ann]] [[cue: said]] [[con: it rained]].
          outlet      -
          type        named_person
          anonymous   -
          entity      -
          extractor   0.50
          verdict     - (unreviewed)
        claimdesk> order uncertain
        order: uncertain (closest to the auto-accept threshold 0.70 first)
        later
        claim 1/1 · doc 2/2 · 4 reviewed · #5 · order uncertain (0.70)
          [[src: Ann]] [[cue: said]] [[con: it rained]].
          outlet      -
          type        named_person
          anonymous   -
          entity      -
          extractor   0.50
          verdict     - (unreviewed)
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
    }
}
