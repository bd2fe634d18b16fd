import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Terminal
import Workbench

/// `show #ID` and `show #ID --doc` find a claim without touching the queue: a claim of a left-out
/// document is shown where `goto` would put it, and its document stays out (before, `show #ID`
/// took it in and put the queue back afterwards, and `show #ID --doc` left it in).
@Suite struct ClaimLookupTests {
    static let back = "back in your queue: you marked this document done while reviewing run \"rules\"; your verdicts here are for run \"m1\"\n"

    @Test func showOfALeftOutClaimIsTheScreenGotoGivesWithoutMoving() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let session = try runs.session()
        let shown = session.execute("show #8").text
        #expect(shown.hasPrefix("storm · Storm hits coast\nclaim 2/4 · doc 1/3 · 0 reviewed · #8\n"))
        #expect(session.execute("show").text.hasPrefix("port\nclaim 1/1 · doc 1/2 · 0 reviewed · #11\n"))
        #expect(session.execute("goto #8").text == Self.back + shown)
    }

    @Test func showDocOfALeftOutClaimLeavesItOut() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let session = try runs.session()
        let page = session.execute("show #8 --doc")
        #expect(!page.failed && page.text.contains("current #8"))
        #expect(session.execute("progress").text.contains("\ndocuments marked done: 0/2\nleft out: 1 document you marked done"))
        #expect(session.execute("show").text.hasPrefix("port\nclaim 1/1 · doc 1/2 · 0 reviewed · #11\n"))
        // A claim the analyst cannot see is refused the same way, and leaves the document out too.
        let added = try runs.fixture.store.addClaim(
            Attribution(source: REPLFixture.span("Officials"), cue: REPLFixture.span("told"), content: REPLFixture.span("repairs")),
            runID: runs.model, documentRowID: runs.rows[0], annotator: "bo").0.rowID
        #expect(session.execute("show #\(added) --doc").text
            == "error: claim #\(added) was added by another analyst or withdrawn; it is not in your queue")
        #expect(session.execute("progress").text.contains("\ndocuments marked done: 0/2\nleft out: 1 document you marked done"))
    }
}
