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
            2026-04-01  quay-wire  Wire       #1     Ann Vale  -        "the quay will stay shut for nine days while divers look at…"
            2026-04-02  quay-post  Post       #2     Ann Vale  -        "the quay might stay shut for at least nine days, or for lon…"
            variants (against #1):
              #2 in quay-post: dropped "will while look at every single"; added "might at least or for longer still if the find worn or brok…"
            """#)
    }

    @Test func theREPLsCompactTrailToo() {
        #expect(Workspace.trailText(Self.cluster, Self.loaded, compact: true) == #"""
            cluster C1: 2 claims in 2 documents (link run "rules")
            first appearance: #1 in quay-wire, Wire, 2026-04-01
            date        doc        publisher  claim  source
            2026-04-01  quay-wire  Wire       #1     Ann Vale
                "the quay will stay shut for nine days while divers look at every sing…"
            2026-04-02  quay-post  Post       #2     Ann Vale
                "the quay might stay shut for at least nine days, or for longer still…"
            variants (against #1):
              #2 in quay-post: dropped "will while look at every single"; added "might at least or for longer still if the find worn or brok…"
            """#)
    }

    /// Long doc ids, publishers, sources and a credited outlet: every line of the REPL's trail stays
    /// within 80 columns, the credit on the content's line (as a column it wrapped onto a line alone).
    @Test func theREPLsTrailFitsEightyColumnsWithACredit() {
        let loaded = LoadedLinks(
            info: Self.loaded.info, run: Self.loaded.run, result: LinkResult(clusters: [], clusterOf: [:]),
            claims: [
                LinkableClaim(id: 1201, docID: "harbour-wire-first-edition", publisher: "Meridian Press Agency", publicationDate: "2026-04-01",
                              sourceText: "harbourmaster Ines Dalloway-Kerr", contentText: "At least 14 berths at the south quay were damaged by the storm on Monday night"),
                LinkableClaim(id: 1302, docID: "harrow-strait-weekly-digest", publisher: "Harrow Weekly", publicationDate: "2026-04-03",
                              sourceText: "Meridian Press Agency", contentText: "At least 14 berths at the south quay were damaged by the storm",
                              outlet: "Meridian Press Agency"),
            ])
        let text = Workspace.trailText(Cluster(id: "C1", claimIDs: [1201, 1302]), loaded, compact: true)
        #expect(text == #"""
            cluster C1: 2 claims in 2 documents (link run "rules")
            first appearance: #1201 in harbour-wire-first-edition, Meridian Press Agency, 2026-04-01
            date        doc                 publisher       claim  source
            2026-04-01  harbour-wire-firs…  Meridian Pres…  #1201  harbourmaster Ine…
                "At least 14 berths at the south quay were damaged by the storm on Mon…"
            2026-04-03  harrow-strait-wee…  Harrow Weekly   #1302  Meridian Press Ag…
                credits Meridian Press…: "At least 14 berths at the south quay were damage…"
            edges:
              harrow-strait-weekly-digest credits Meridian Press Agency
              harrow-strait-weekly-digest repeats harbour-wire-first-edition
            variants (against #1201):
              #1302 in harrow-strait-weekly-digest: dropped "on Monday night"
            """#)
        #expect(text.split(separator: "\n").filter { $0.count > 80 }.map(String.init) == [
            "first appearance: #1201 in harbour-wire-first-edition, Meridian Press Agency, 2026-04-01",
        ])
    }
}
