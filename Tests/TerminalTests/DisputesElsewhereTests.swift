import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Terminal
import Workbench

/// `adjudicate` with nothing to adjudicate in its run points to the first other run with disputes
/// and reads no run after it (before, it classified every other run in full, and listed up to three).
@Suite struct DisputesElsewhereTests {
    /// Runs "m1" (on "storm") and "m2" (on "port"), after "rules", which ana and bo reviewed and
    /// marked done, disputing one claim in each.
    static func store() throws -> (CountingStore, REPLFixture) {
        let base = try REPLFixture(extraDocuments: [Document(id: "port", text: "Bo said the port reopened.")])
        let store = base.store
        let rows = try store.documentRowIDs()
        let walks = [("m1", rows[0], ["c", "r", "c", "c", "done"], ["c", "c", "c", "c", "done"]), ("m2", rows[1], ["r", "done"], ["c", "done"])]
        for (name, row, ana, bo) in walks {
            let run = try store.createRun(name: name, kind: .extractor, extractor: "model:\(name)", version: nil, parameters: nil).rowID
            try store.saveRunOutput(runID: run, [(documentRowID: row, attributions: try store.attributions(runID: base.runID, documentRowID: row).map(\.attribution))])
            for (annotator, lines) in [("ana", ana), ("bo", bo)] {
                let session = try Session(store: store, storePath: ":memory:", annotator: annotator, runName: name, startDocument: nil,
                                          renderer: Renderer(style: .plain))
                #expect(REPL.transcript(session, lines: lines).status == 0)
            }
        }
        return (CountingStore(store), base)
    }

    @Test func theFirstRunWithDisputesIsNamedAndTheRunsAfterItAreNotRead() throws {
        let (store, base) = try Self.store()
        let rules = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        // Before: `…; run "m1" has 1 disputed claim, run "m2" has 1 disputed claim: `claimdesk adjudicate --run m1``.
        #expect(rules.opening() == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: no document of run "rules" is marked done by two or more annotators; run "m1" has 1 disputed claim: `claimdesk adjudicate --run m1`
            """)
        // "rules" and "m1": "m2" is not read (before: 3 runs' done documents, 2 documents read).
        #expect(store.calls("documentsDoneBySeveral(runID:)") == 2)
        #expect(store.calls("snapshot(documentRowID:runID:)") == 1)
        // Once "m1" is settled, "m2" is the one named.
        let m1 = try AdjudicationSession(store: base.store, adjudicator: "cy", runName: "m1", document: nil, renderer: Renderer(style: .plain))
        #expect(m1.execute("pick ana").failed == false)
        let again = try AdjudicationSession(store: base.store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        #expect(again.opening().hasSuffix("; run \"m2\" has 1 disputed claim: `claimdesk adjudicate --run m2`"))
    }
}
