import ClaimModel
import ClaimStore
import Testing
@testable import Terminal

/// After `train` and `extract --model`, the analyst reviews the new run: the documents they marked
/// done while reviewing another run are left out of its queue and counts (their gold stands, and
/// scoring takes it from there), named on the first screen and in `progress`; `goto` brings one
/// back, and `--include-done` keeps them all.
@Suite struct LeftOutDocumentTests {
    /// The fixture's "storm" article (4 claims) and two one-claim documents in run "rules", the
    /// same claims in run "m1"; ana marked "storm" done while reviewing "rules".
    struct TwoRuns {
        let fixture: REPLFixture
        let rows: [Int64]
        let model: Int64

        init() throws {
            fixture = try REPLFixture(extraDocuments: [
                Document(id: "port", text: "Bo said the port reopened."),
                Document(id: "rain", text: "Cy said rain is coming."),
            ])
            let store = fixture.store
            rows = try store.documentRowIDs()
            model = try store.createRun(name: "m1", kind: .extractor, extractor: "rules+model", version: nil, parameters: nil).rowID
            let claims = try rows.map { try store.attributions(runID: fixture.runID, documentRowID: $0).map(\.attribution) }
            try store.saveRunOutput(runID: model, zip(rows, claims).map { (documentRowID: $0, attributions: $1) })
            try store.markDocument(rows[0], annotator: "ana", runID: fixture.runID, status: "done")
        }

        func session(_ annotator: String = "ana", includeDone: Bool = false, doc: String? = nil) throws -> Session {
            try Session(store: fixture.store, storePath: ":memory:", annotator: annotator, runName: "m1", startDocument: doc,
                        renderer: Renderer(style: .plain), includeDone: includeDone)
        }
    }

    @Test func theNewRunsQueueLeavesOutWhatTheAnalystMarkedDoneInAnotherRun() throws {
        let runs = try TwoRuns()
        let session = try runs.session()
        let opening = session.opening().split(separator: "\n").map(String.init)
        #expect(Array(opening.prefix(4)) == [
            "reviewing run \"m1\" as ana · `help` lists the verbs",
            "left out: 1 document you marked done while reviewing run \"rules\" (its gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all",
            "port",
            "claim 1/1 · doc 1/2 · 0 reviewed · #11",
        ])
        #expect(session.execute("progress").text == """
            0 of 2 claims in run "m1" reviewed by ana (0.0%)
            this document: 0/1 claim reviewed
            documents marked done: 0/2
            left out: 1 document you marked done while reviewing run "rules" (its gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all
            pace: - (two verdicts less than 10 minutes apart are needed)
            filter: none
            """)
        // The whole queue's bulk acceptance takes the two queued documents' claims, not storm's four.
        #expect(session.execute("accept-above 0 --filter").text.hasPrefix("accepted 2 claims at ≥ 0.00 (expected precision 0.50)"))
        #expect(session.execute("progress").text.hasPrefix("2 of 2 claims in run \"m1\" reviewed by ana (100.0%)\n"))
        // Another analyst's queue is whole: the mark was ana's.
        let bo = try runs.session("bo")
        #expect(!bo.opening().contains("left out"))
        #expect(bo.opening().contains("doc 1/3"))
    }

    @Test func gotoBringsALeftOutDocumentBackAndSaysSo() throws {
        let runs = try TwoRuns()
        let session = try runs.session()
        let reply = session.execute("goto storm").text.split(separator: "\n").map(String.init)
        #expect(Array(reply.prefix(3)) == [
            "back in your queue: you marked this document done while reviewing run \"rules\"; your verdicts here are for run \"m1\"",
            "storm · Storm hits coast",
            "claim 1/4 · doc 1/3 · 0 reviewed · #7",
        ])
        #expect(!session.execute("progress").text.contains("left out"))
        #expect(session.execute("progress").text.hasPrefix("0 of 6 claims in run \"m1\""))
        // A claim of a left-out document, by number, brings it back too; the document on screen keeps its place.
        let other = try runs.session()
        #expect(other.execute("goto #8").text.hasPrefix("back in your queue: "))
        #expect(other.execute("next").text.hasPrefix("storm · Storm hits coast\nclaim 3/4 · doc 1/3 · 0 reviewed · #9\n"))
    }

    /// `show #ID` moves nothing, not even a left-out document into the queue; `goto` of a claim
    /// the analyst cannot see leaves the document out.
    @Test func showAndARefusedGotoLeaveALeftOutDocumentOut() throws {
        let runs = try TwoRuns()
        let added = try runs.fixture.store.addClaim(
            Attribution(source: REPLFixture.span("Officials"), cue: REPLFixture.span("told"), content: REPLFixture.span("repairs")),
            runID: runs.model, documentRowID: runs.rows[0], annotator: "bo").0.rowID
        let session = try runs.session()
        #expect(session.execute("show #8").text.hasPrefix("storm · Storm hits coast\nclaim 2/4 · doc 1/3"))
        #expect(session.execute("show").text.hasPrefix("port\nclaim 1/1 · doc 1/2 · 0 reviewed · #11\n"))
        #expect(session.execute("goto #\(added)").text
            == "error: claim #\(added) was added by another analyst or withdrawn; it is not in your queue")
        #expect(session.execute("progress").text.contains("\ndocuments marked done: 0/2\nleft out: 1 document"))
    }

    @Test func includeDoneAStartDocumentAndABegunDocumentKeepTheirPlaceInTheQueue() throws {
        let runs = try TwoRuns()
        let all = try runs.session(includeDone: true)
        #expect(!all.opening().contains("left out"))
        #expect(all.opening().contains("storm · Storm hits coast\nclaim 1/4 · doc 1/3"))
        // `annotate --doc storm` is a request for that document.
        let asked = try runs.session(doc: "storm")
        #expect(asked.opening().contains("\nback in your queue: you marked this document done while reviewing run \"rules\"; "
            + "your verdicts here are for run \"m1\"\nstorm · Storm hits coast\nclaim 1/4 · doc 1/3"))
        // Once ana wrote anything in "m1"'s storm, it stays in her queue of "m1".
        let first = try runs.session(doc: "storm")
        #expect(first.execute("note check the mayor's title").failed == false)
        let again = try runs.session()
        #expect(!again.opening().contains("left out"))
        #expect(again.execute("progress").text.contains("documents marked done: 0/3"))
    }

    @Test func aQueueOfOnlyLeftOutDocumentsSaysWhy() throws {
        let runs = try TwoRuns()
        for row in runs.rows.dropFirst() {
            try runs.fixture.store.markDocument(row, annotator: "ana", runID: runs.fixture.runID, status: "done")
        }
        let session = try runs.session()
        #expect(session.opening() == """
            reviewing run "m1" as ana · `help` lists the verbs
            every document of run "m1" is one you marked done while reviewing run "rules" (its gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all
            """)
        #expect(session.execute("goto rain").text.hasPrefix("back in your queue: "))
    }
}
