import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Terminal
import Workbench

/// `annotate` and `adjudicate` look their run up once and hand the ref down (to `score`, to the
/// calibration `order uncertain` takes).
@Suite struct SessionRunLookupTests {
    @Test func theSessionsLookUpTheirRunOnce() throws {
        let (store, _) = try DisputesElsewhereTests.store()
        // adjudicate: the list of runs, read once, holds the run (before: by name, then the list).
        _ = try AdjudicationSession(store: store, adjudicator: "cy", runName: "m1", document: nil, renderer: Renderer(style: .plain))
        #expect(store.runLookups == 1)
        store.reset()
        _ = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        #expect(store.runLookups == 1)
        store.reset()
        // annotate: by name once; its `score` and the calibration `order uncertain` takes hand the
        // session's run down (before: 2 and 1 more lookups).
        let session = try Session(store: store, storePath: ":memory:", annotator: "ana", runName: "m1", startDocument: nil,
                                  renderer: Renderer(style: .plain))
        #expect(store.runLookups == 1)
        store.reset()
        #expect(session.execute("score").text.hasPrefix("run \"m1\" against the analysts' gold, overlap matching\n"))
        #expect(session.execute("order uncertain").failed == false)
        #expect(store.runLookups == 0)
    }
}
