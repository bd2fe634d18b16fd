import ClaimModel
import ClaimStore
import Foundation
import Review
import Testing
import TestSupport

/// The link tables (v7-links): a link run with its clusters and links read back as stored,
/// names unique unless replaced, link verdicts in the review log.
@Suite struct LinkStoreTests {
    let fixture: TestStore

    init() throws {
        let text = TestTexts.storm
        let claims = [
            Attribution(source: .first("The mayor", in: text), content: .first("the bridge is closed", in: text)),
            Attribution(source: .first("Officials", in: text), content: .first("repairs will take weeks", in: text), outlet: "Reuters"),
        ]
        fixture = try TestStore([(Document(id: "a", text: text), claims), (Document(id: "b", text: text), claims)])
    }

    @Test func aLinkRunRoundTrips() throws {
        let store = fixture.store
        let (a, b) = (try fixture.claimRowIDs(0), try fixture.claimRowIDs(1))
        let links = [StoredLink(a: a[0], b: b[0], cluster: "C1", score: 0.9, reasons: #"[{"kind":"same_source"}]"#),
                     StoredLink(a: a[1], b: b[1], cluster: "C2", score: 0.75, reasons: "[]")]
        let saved = try store.saveLinkRun(name: "rules", runID: fixture.runID, options: #"{"bands":24}"#,
                                          clusters: [StoredCluster(id: "C1", claimIDs: [a[0], b[0]]), StoredCluster(id: "C2", claimIDs: [a[1], b[1]])],
                                          links: links)
        #expect(saved == LinkRunInfo(rowID: 1, name: "rules", runID: fixture.runID, options: #"{"bands":24}"#,
                                     createdAt: TestStore.clock, clusters: 2, links: 2))
        #expect(try store.linkRuns() == [saved])
        #expect(try store.linkClusters(linkRunID: saved.rowID) == [StoredCluster(id: "C1", claimIDs: [a[0], b[0]]),
                                                                     StoredCluster(id: "C2", claimIDs: [a[1], b[1]])])
        #expect(try store.links(linkRunID: saved.rowID) == links)
        #expect(try store.schemaProblems() == [])
        #expect(store.foreignKeyProblems() == [])
        #expect(store.integrityProblems(full: true) == [])
    }

    @Test func aSecondLinkRunOfTheSameNameIsRefusedUnlessReplaced() throws {
        let store = fixture.store
        let a = try fixture.claimRowIDs(0)
        try store.saveLinkRun(name: "L", runID: fixture.runID, options: "{}", clusters: [StoredCluster(id: "C1", claimIDs: a)],
                              links: [StoredLink(a: a[0], b: a[1], cluster: "C1", score: 1, reasons: "[]")])
        #expect(throws: StoreError.linkRunExists("L")) {
            try store.saveLinkRun(name: "L", runID: fixture.runID, options: "{}", clusters: [], links: [])
        }
        let replaced = try store.saveLinkRun(name: "L", runID: fixture.runID, options: "{}", clusters: [], links: [], replace: true)
        #expect(try store.linkRuns().map(\.name) == ["L"])
        #expect(try store.linkClusters(linkRunID: replaced.rowID).isEmpty)
        #expect(try store.links(linkRunID: replaced.rowID).isEmpty)
        #expect(StoreError.linkRunExists("L").description
            == "a link run named \"L\" already exists (use --replace to link again under that name, or another --name)")
    }

    @Test func linkVerdictsAreReviewLogEntries() throws {
        let store = fixture.store
        let (a, b) = (try fixture.claimRowIDs(0), try fixture.claimRowIDs(1))
        let entry = ReviewEntry(annotator: "ana", runID: fixture.runID, documentRowID: fixture.documentRowIDs[0],
                                attributionID: a[0], action: .same(other: b[0]))
        let stored = try store.append(entry)
        #expect(try store.annotations(runID: fixture.runID).map(\.entry) == [entry])
        #expect(try store.annotation(id: stored.id)?.entry.fields == "{\"other\":\(b[0])}")
        #expect(SQLiteStore.knownMigrations.contains("v7-links"))
    }
}
