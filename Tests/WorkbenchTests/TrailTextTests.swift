import ClaimModel
import ClaimStore
import Provenance
import Testing
@testable import Workbench

/// `trail`'s text cuts long texts with `…` everywhere: the quoted contents and variant words as the
/// other columns (it printed `...` there alone).
@Suite struct TrailTextTests {
    static let loaded = LoadedLinks(
        info: LinkRunInfo(rowID: 1, name: "rules", runID: 1, options: "{}", createdAt: "2026-12-01T00:00:00Z", clusters: 1, links: 1),
        run: RunRef(rowID: 1, name: "rules", kind: .extractor, extractor: "rules", parameters: nil, version: nil),
        result: LinkResult(clusters: [], clusterOf: [:]),
        claims: [
            LinkableClaim(id: 1, docID: "quay-wire", publisher: "Wire", publicationDate: "2026-04-01", sourceText: "Ann Vale",
                          contentText: "the quay will stay shut for nine days while divers look at every single pier"),
            LinkableClaim(id: 2, docID: "quay-post", publisher: "Post", publicationDate: "2026-04-02", sourceText: "Ann Vale",
                          contentText: "the quay might stay shut for at least nine days, or for longer still if the divers find worn or broken timber in any pier of the old harbour"),
        ])
    static let cluster = Cluster(id: "C1", claimIDs: [1, 2])

    @Test func theCommandsTableCutsWithAnEllipsis() {
        #expect(Workspace.trailText(Self.cluster, Self.loaded) == #"""
            cluster C1: 2 claims in 2 documents (link run "rules")
            first appearance: #1 in quay-wire, Wire, 2026-04-01
            date        doc        publisher  claim  source    credits  content
            2026-04-01  quay-wire  Wire       #1     Ann Vale  -        "the quay will stay shut for nine days while divers look at …"
            2026-04-02  quay-post  Post       #2     Ann Vale  -        "the quay might stay shut for at least nine days, or for lon…"
            variants (against #1):
              #2 in quay-post: dropped "will while look at every single"; added "might at least or for longer still if the find worn or brok…"
            """#)
    }

    @Test func theREPLsCompactTrailToo() {
        #expect(Workspace.trailText(Self.cluster, Self.loaded, compact: true) == #"""
            cluster C1: 2 claims in 2 documents (link run "rules")
            first appearance: #1 in quay-wire, Wire, 2026-04-01
            date        doc        publisher  claim  source    credits
            2026-04-01  quay-wire  Wire       #1     Ann Vale  -
                "the quay will stay shut for nine days while divers look at every sing…"
            2026-04-02  quay-post  Post       #2     Ann Vale  -
                "the quay might stay shut for at least nine days, or for longer still …"
            variants (against #1):
              #2 in quay-post: dropped "will while look at every single"; added "might at least or for longer still if the find worn or brok…"
            """#)
    }
}
