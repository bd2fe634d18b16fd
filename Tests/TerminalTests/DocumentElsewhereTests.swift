import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
import Workbench

/// A doc_id the run on screen does not hold but other runs do (`goto`, `annotate --doc`): the
/// refusal names the run and where the document is, with the command that reviews it there.
@Suite struct DocumentElsewhereTests {
    /// LeftOutDocumentTests' two runs plus run "m2", which holds "port" only.
    static func threeRuns() throws -> LeftOutDocumentTests.TwoRuns {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let store = runs.fixture.store
        let m2 = try store.createRun(name: "m2", kind: .extractor, extractor: "rules+model", version: nil, parameters: nil).rowID
        let port = try store.attributions(runID: runs.fixture.runID, documentRowID: runs.rows[1]).map(\.attribution)
        try store.saveRunOutput(runID: m2, [(documentRowID: runs.rows[1], attributions: port)])
        return runs
    }

    func session(_ runs: LeftOutDocumentTests.TwoRuns, run: String, doc: String? = nil) throws -> Session {
        try Session(store: runs.fixture.store, storePath: ":memory:", annotator: "ana", runName: run, startDocument: doc,
                    renderer: Renderer(style: .plain))
    }

    @Test func gotoADocumentOfOtherRunsOnlyNamesThemAndTheCommand() throws {
        let runs = try Self.threeRuns()
        let session = try session(runs, run: "m2")
        let reply = session.execute("goto rain")
        #expect(reply.failed)
        #expect(reply.text == """
            error: no document "rain" in run "m2": it is in runs "rules", "m1" (`claimdesk annotate --run rules --doc rain` reviews it there)
            """)
        // A doc_id the store does not hold at all keeps the short line; nothing moved.
        #expect(session.execute("goto nowhere").text == "error: no document \"nowhere\" in this run")
        #expect(session.execute("show").text.hasPrefix("port\nclaim 1/1 · doc 1/1"))
    }

    @Test func annotateDocOfAnotherRunIsRefusedWithWhereItIs() throws {
        let runs = try Self.threeRuns()
        #expect(throws: REPLError.documentInOtherRuns("storm", run: "m2", others: ["rules", "m1"])) {
            try session(runs, run: "m2", doc: "storm")
        }
        #expect(REPLError.documentInOtherRuns("a b", run: "m2", others: ["it's"]).description == """
            no document "a b" in run "m2": it is in run "it's" (`claimdesk annotate --run 'it'\\''s' --doc 'a b'` reviews it there)
            """)
    }

    @Test func doneOnADocumentDoneInAnotherRunSaysWhoseVerdictsAreNowTheGold() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let session = try session(runs, run: "m1")
        #expect(session.execute("goto storm").text.hasPrefix("back in your queue: "))
        for _ in 0..<4 { #expect(session.execute("reject").failed == false) }
        _ = session.execute("goto storm")
        // The gold takes ana's latest done mark: her "rules" verdicts on storm no longer count.
        #expect(session.execute("done").text.hasPrefix(
            "storm marked done: 4 claims reviewed; your gold for it now comes from your verdicts in run \"m1\", no longer from run \"rules\"\n"))
        #expect(try Workspace(store: runs.fixture.store).goldFromAnnotations().documents.first { $0.stored.document.id == "storm" }?.attributions.isEmpty == true)
        // A document done in this run only gets the usual line.
        _ = session.execute("goto port")
        _ = session.execute("confirm")
        _ = session.execute("goto port")
        #expect(session.execute("done").text.hasPrefix("port marked done: 1 claim reviewed\n"))
    }

    @Test func doneInARunOtherAnnotatorsDidNotReviewSaysTheGoldStaysWithTheirs() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        // bo reviews storm in "rules" too: ana and bo both marked it done there.
        let bo = try Session(store: runs.fixture.store, storePath: ":memory:", annotator: "bo", runName: "rules", startDocument: "storm",
                             renderer: Renderer(style: .plain))
        #expect(REPL.transcript(bo, lines: ["c", "c", "c", "c", "goto storm", "done"]).status == 0)
        let session = try session(runs, run: "m1")
        _ = session.execute("goto storm")
        for _ in 0..<4 { _ = session.execute("confirm") }
        _ = session.execute("goto storm")
        // One mark in "m1" (ana's), one in "rules" (bo's): the tie goes to the older run, and ana's
        // latest mark is no longer there.
        let done = session.execute("done").text
        #expect(done.hasPrefix("storm marked done: 4 claims reviewed; its gold comes from run \"rules\" (most of its annotators marked it "
            + "done there; ties: the older run), without your verdicts\n"))
        let gold = try Workspace(store: runs.fixture.store).goldFromAnnotations().documents.first { $0.stored.document.id == "storm" }
        #expect(gold?.annotators == ["bo"])
    }

    /// The gold reads an analyst's latest mark on a document: undoing a `done` made in "m1"
    /// restores the `done` it replaced, made while reviewing "rules", and the gold is "rules"' again.
    @Test func undoOfADoneRestoresTheEarlierDoneOfAnotherRun() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let session = try session(runs, run: "m1")
        _ = session.execute("goto storm")
        for _ in 0..<4 { _ = session.execute("reject") }
        _ = session.execute("goto storm")
        #expect(session.execute("done").failed == false)
        #expect(try Workspace(store: runs.fixture.store).goldFromAnnotations().documents.map(\.attributions.count) == [0])
        let undo = session.execute("undo").text
        #expect(undo.hasPrefix("""
            undone: done of this document
            your earlier done of this document, in run "rules", stands again: its gold comes from there
            storm · Storm hits coast
            """))
        let gold = try Workspace(store: runs.fixture.store).goldFromAnnotations().documents
        #expect(gold.map(\.stored.document.id) == ["storm"] && gold.first?.claims.first?.runID == runs.fixture.runID)
        #expect(try runs.fixture.store.documentReviews().map { "\($0.status) \($0.runID == runs.fixture.runID ? "rules" : "m1")" } == ["done rules"])
        // redo: the done in "m1" again.
        #expect(session.execute("redo").text.hasPrefix("redone: done of this document\n"))
        #expect(try runs.fixture.store.documentReviews().map { "\($0.status) \($0.runID == runs.model ? "m1" : "rules")" } == ["done m1"])
        // An undone done with no earlier mark elsewhere says nothing more.
        _ = session.execute("goto port")
        _ = session.execute("confirm")
        _ = session.execute("goto port")
        _ = session.execute("done")
        #expect(session.execute("undo").text.hasPrefix("undone: done of this document\nport\n"))
    }

    /// An undo changes no mark when a later one stands: ana's `done` in "m1" is undone after she
    /// marked the document done again while reviewing "rules", whose mark stays (and the gold).
    @Test func undoOfADoneReplacedSinceInAnotherRunLeavesTheLaterMark() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let first = try session(runs, run: "m1")
        _ = first.execute("goto storm")
        for _ in 0..<4 { _ = first.execute("reject") }
        _ = first.execute("goto storm")
        #expect(first.execute("done").failed == false)
        let rules = try session(runs, run: "rules")
        _ = rules.execute("goto storm")
        for _ in 0..<4 { _ = rules.execute("confirm") }
        _ = rules.execute("goto storm")
        #expect(rules.execute("done").failed == false)
        func marks() throws -> [String] {
            try runs.fixture.store.documentReviews().map { "\($0.status) \($0.runID == runs.model ? "m1" : "rules")" }
        }
        #expect(try marks() == ["done rules"])
        // Back in "m1" (after a restart: the undo history is the log's).
        let again = try session(runs, run: "m1")
        #expect(again.execute("undo").text.hasPrefix("undone: done of this document\nstorm"))
        #expect(try marks() == ["done rules"])
        #expect(again.execute("redo").text.hasPrefix("redone: done of this document\n"))
        #expect(try marks() == ["done rules"])
    }

    @Test func aStartDocumentOpensEvenWhenEveryDocumentIsLeftOut() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        for row in runs.rows.dropFirst() {
            try runs.fixture.store.markDocument(row, annotator: "ana", runID: runs.fixture.runID, status: "done")
        }
        // Before: `annotate --doc rain` opened on "every document of run "m1" is one you marked done…".
        let session = try session(runs, run: "m1", doc: "rain")
        #expect(session.opening().split(separator: "\n").prefix(4) == [
            "reviewing run \"m1\" as ana · `help` lists the verbs",
            "back in your queue: you marked this document done while reviewing run \"rules\"; your verdicts here are for run \"m1\"",
            "left out: 2 documents you marked done while reviewing run \"rules\" (their gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all",
            "rain",
        ])
    }
}
