import ClaimModel
import ClaimStore
import Testing
@testable import Terminal

/// The first screen says what a flag did and what kind of run is under review: `--include-done`
/// names what it kept (or that nothing was left out), and an imported gold run says that verdicts
/// there change that gold and where an extractor's claims are.
@Suite struct OpeningNoteTests {
    func session(_ runs: LeftOutDocumentTests.TwoRuns, annotator: String = "ana", run: String, includeDone: Bool = false) throws -> Session {
        try Session(store: runs.fixture.store, storePath: ":memory:", annotator: annotator, runName: run, startDocument: nil,
                    renderer: Renderer(style: .plain), includeDone: includeDone)
    }

    @Test func includeDoneSaysWhatItKeptOrThatNothingWasLeftOut() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let kept = try session(runs, run: "m1", includeDone: true).opening().split(separator: "\n").map(String.init)
        #expect(Array(kept.prefix(3)) == [
            "reviewing run \"m1\" as ana · `help` lists the verbs",
            "--include-done: 1 document you marked done while reviewing another run stays in your queue",
            "storm · Storm hits coast",
        ])
        // bo marked nothing done: the flag changed nothing, and says so.
        let nothing = try session(runs, annotator: "bo", run: "m1", includeDone: true).opening().split(separator: "\n").map(String.init)
        #expect(nothing[1] == "--include-done: nothing was left out (you marked no document of run \"m1\" done while reviewing another run)")
        // Without the flag, no such line.
        #expect(!(try session(runs, annotator: "bo", run: "m1").opening().contains("--include-done")))
    }

    @Test func aRememberedOrderOtherThanTheDocumentsIsNamedWithTheWayBack() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        try runs.fixture.store.setPreference("order", "uncertain", annotator: "bo")
        let opening = try session(runs, annotator: "bo", run: "m1").opening().split(separator: "\n").map(String.init)
        #expect(opening[1] == "order: uncertain (closest to 0.5 first: no confidence reaches the auto-accept precision yet), "
            + "remembered for you; `order document` goes back to ingestion order")
        // The document order needs no line.
        try runs.fixture.store.setPreference("order", "document", annotator: "bo")
        #expect(!(try session(runs, annotator: "bo", run: "m1").opening().contains("order")))
    }

    @Test func quitAfterDoneInAModelsRunNamesTheNextTraining() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let store = runs.fixture.store
        let m3 = try store.createRun(name: "m3", kind: .extractor, extractor: "model:m3", version: nil, parameters: nil).rowID
        let port = try store.attributions(runID: runs.fixture.runID, documentRowID: runs.rows[1]).map(\.attribution)
        try store.saveRunOutput(runID: m3, [(documentRowID: runs.rows[1], attributions: port)])
        let session = try session(runs, annotator: "bo", run: "m3")
        _ = session.execute("confirm")
        #expect(session.execute("done").failed == false)
        #expect(session.execute("quit").text == """
            bye: every action is saved
            next: `claimdesk train --model NAME --gold` learns from every document marked done so far (1 document by you in this session), then `claimdesk extract --model NAME`
            """)
        // Undone, nothing was marked done: the plain goodbye; and never in a run the rules made.
        _ = session.execute("undo")
        #expect(session.execute("quit").text == "bye: every action is saved")
        let rules = try self.session(runs, annotator: "cy", run: "rules")
        _ = rules.execute("goto port")
        _ = rules.execute("confirm")
        _ = rules.execute("goto port")
        #expect(rules.execute("done").failed == false)
        #expect(rules.execute("quit").text == "bye: every action is saved")
    }

    @Test func anImportedGoldRunSaysVerdictsChangeItAndWhereTheExtractorsClaimsAre() throws {
        let runs = try LeftOutDocumentTests.TwoRuns()
        let store = runs.fixture.store
        let gold = try store.createRun(name: "gold:ana", kind: .gold, extractor: "import-gold", version: nil, parameters: nil).rowID
        let port = try store.attributions(runID: runs.fixture.runID, documentRowID: runs.rows[1]).map(\.attribution)
        try store.saveRunOutput(runID: gold, [(documentRowID: runs.rows[1], attributions: port)])
        let opening = try session(runs, annotator: "cy", run: "gold:ana").opening().split(separator: "\n").map(String.init)
        #expect(Array(opening.prefix(3)) == [
            "reviewing run \"gold:ana\" as cy · `help` lists the verbs",
            "run \"gold:ana\" is gold brought in by `claimdesk import-gold`: your verdicts here change that gold; claims to review are in runs \"rules\", \"m1\" (`--run NAME`)",
            "port",
        ])
        #expect(!(try session(runs, run: "m1").opening().contains("import-gold")))
    }
}
