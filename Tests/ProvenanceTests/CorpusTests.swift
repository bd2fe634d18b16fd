import ClaimModel
import Foundation
import Interchange
import Provenance
import Testing

/// The shipped corpus's gold claims (Tests/Fixtures/corpus-gold.jsonl) linked and scored against
/// their `cluster` keys: the figure the README quotes.
@Suite struct CorpusLinkTests {
    static func gold() throws -> (claims: [LinkableClaim], clusters: [Int64: String]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("Fixtures/corpus-gold.jsonl")))
        let read = JSONLReader.read(bytes, file: "corpus-gold.jsonl")
        #expect(read.issues.isEmpty)
        var claims: [LinkableClaim] = [], clusters: [Int64: String] = [:]
        for line in read.lines {
            let items = LinkableClaim.claims(of: line.document, firstID: Int64(claims.count + 1))
            let withContent = line.document.attributions.filter { $0.content != nil }
            for (c, a) in zip(items, withContent) { if let cluster = a.cluster { clusters[c.id] = cluster } }
            claims += items
        }
        return (claims, clusters)
    }

    @Test func pairwiseF1OnTheShippedCorpus() throws {
        let (claims, gold) = try Self.gold()
        #expect(claims.count == 142)
        #expect(Set(gold.values).count == 5 && gold.count == 17)
        let result = Linker().link(claims)
        let predicted = LinkScore.names(result)
        let pairwise = LinkScore.pairwise(claims: claims.map(\.id), predicted: predicted, gold: gold)
        #expect((pairwise.agreed, pairwise.predicted, pairwise.gold) == (22, 22, 22))
        #expect(pairwise.f1 == 1)
        let bCubed = LinkScore.bCubed(claims: claims.map(\.id), predicted: predicted, gold: gold)
        #expect(bCubed.f1 == 1)
    }

    @Test func theFerryTrailStartsAtTheWire() throws {
        let (claims, _) = try Self.gold()
        let result = Linker().link(claims)
        let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
        let engine = try #require(result.clusters.first { c in c.claimIDs.contains { byID[$0]?.contentText.contains("engine room") == true } })
        let trail = Trail(cluster: engine, claims: byID)
        #expect(trail.first?.claim.docID == "008_calloway-ferry-fire")
        #expect(trail.edges.contains(.repeats(docID: "009_calloway-ferry-rescue", fromDocID: "008_calloway-ferry-fire")))
    }
}
