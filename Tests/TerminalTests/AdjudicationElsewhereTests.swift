import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
import Workbench

/// `adjudicate` opens on run "rules" unless told otherwise; when the annotators' disputes are in
/// another run (a model's, after `extract --model`), "nothing to adjudicate" names that run and
/// the command, instead of leaving the disputes unseen.
@Suite struct AdjudicationElsewhereTests {
    @Test func nothingToAdjudicateHereNamesTheRunWithDisputes() throws {
        let base = try REPLFixture()
        let store = base.store
        let rows = try store.documentRowIDs()
        let m1 = try store.createRun(name: "m1", kind: .extractor, extractor: "model:m1", version: nil, parameters: nil).rowID
        try store.saveRunOutput(runID: m1, [(documentRowID: rows[0], attributions: try store.attributions(runID: base.runID, documentRowID: rows[0]).map(\.attribution))])
        for (annotator, lines) in [("ana", ["c", "r", "c", "c", "done"]), ("bo", ["c", "c", "c", "c", "done"])] {
            let session = try Session(store: store, storePath: ":memory:", annotator: annotator, runName: "m1", startDocument: nil,
                                      renderer: Renderer(style: .plain))
            #expect(REPL.transcript(session, lines: lines).status == 0)
        }
        let rules = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        #expect(rules.opening() == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: no document of run "rules" is marked done by two or more annotators; run "m1" has 1 disputed claim: `claimdesk adjudicate --run m1`
            """)
        let there = try AdjudicationSession(store: store, adjudicator: "cy", runName: "m1", document: nil, renderer: Renderer(style: .plain))
        #expect(there.opening().hasPrefix("adjudicating run \"m1\" as cy · 1 disputed claim in 1 document · "))
        // With --doc the walk is that document's alone: no pointer elsewhere.
        let one = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: "storm", renderer: Renderer(style: .plain))
        #expect(!one.opening().contains("m1"))
    }
}

/// Where the gold leaves out a disputed document (`score`, `train`'s notes), the line names the
/// command that settles it.
@Suite struct DisputedNoteTests {
    @Test func scoreAndTrainingNameAdjudicate() throws {
        let base = try REPLFixture(extraDocuments: [Document(id: "port", text: "Ann said the port will reopen.")])
        _ = try base.transcript(["c", "r", "c", "c", "goto port", "c", "goto storm", "done", "goto port", "done"], as: "ana")
        _ = try base.transcript(["c", "c", "c", "c", "goto port", "c", "goto storm", "done", "goto port", "done"], as: "bo")
        let workspace = Workspace(store: base.store)
        let line = "left out (annotators disagree, nothing adjudicated): storm; `claimdesk adjudicate` settles them"
        #expect(try workspace.scoreRun(runName: "rules", against: "annotations", match: .overlap).notes.contains(line))
        #expect(try workspace.trainingSet(.gold(annotator: nil)).notes == [line])
    }
}
