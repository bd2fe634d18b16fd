import ClaimModel
import Provenance
import Testing

@Suite struct TrailTests {
    static let claims = Dictionary(uniqueKeysWithValues: Story.all.map { ($0.id, $0) })

    @Test func ordersByDateAndFindsCreditsRepeatsAndVariants() throws {
        let result = Linker().link(Story.all)
        let cluster = try #require(result.clusters.first)
        let trail = Trail(cluster: cluster, claims: Self.claims)
        #expect(trail.entries.map(\.claim.docID) == ["w1", "r1", "r2"])
        #expect(trail.entries.map(\.isFirst) == [true, false, false])
        #expect(trail.entries.map(\.creditedOutlet) == [nil, "Meridian Press", "Meridian Press"])
        #expect(trail.edges == [
            .credits(docID: "r1", outlet: "Meridian Press"), .repeats(docID: "r1", fromDocID: "w1"),
            .credits(docID: "r2", outlet: "Meridian Press"), .repeats(docID: "r2", fromDocID: "w1"),
        ])
        #expect(trail.variants.map { "\($0.docID) -\($0.removed.joined(separator: " ")) +\($0.added.joined(separator: " ")) \($0.numberConflict)" } == [
            "r1 -at least 20 fighters were killed in +killed 20 fighters false",
            "r2 -at least 20 on Tuesday +40 true",
        ])
    }

    /// A relay dated like the story it credits comes after it, whatever the doc ids say: the
    /// wire story is the first appearance and the variants are measured against its words.
    @Test func aSameDayRelayComesAfterTheStoryItCredits() {
        let wire = claim(1, "z-wire", "the Tarsk dam will close on Friday", publisher: "Meridian Press", date: "2026-03-01")
        let relay = claim(2, "b-relay", "the Tarsk dam will close on Friday night", publisher: "Daily Lantern", date: "2026-03-01",
                          outlet: "Meridian Press")
        let relayOfRelay = claim(3, "a-digest", "the Tarsk dam will close", publisher: "Harbour Post", date: "2026-03-01",
                                 outlet: "Daily Lantern")
        let later = claim(4, "0-weekly", "the Tarsk dam closes on Friday", publisher: "Harrow Weekly", date: "2026-03-02")
        let claims = Dictionary(uniqueKeysWithValues: [wire, relay, relayOfRelay, later].map { ($0.id, $0) })
        let trail = Trail(cluster: Cluster(id: "C1", claimIDs: [4, 3, 2, 1]), claims: claims)
        #expect(trail.entries.map(\.claim.docID) == ["z-wire", "b-relay", "a-digest", "0-weekly"])
        #expect(trail.first?.claim.id == 1)
        #expect(trail.variants.map { "\($0.docID) -\($0.removed.joined(separator: " ")) +\($0.added.joined(separator: " "))" } == [
            "b-relay - +night", "a-digest -on Friday +", "0-weekly -will close +closes",
        ])
    }

    /// Two same-day stories crediting each other give no order: doc ids decide, and it ends.
    @Test func aCreditCycleOnOneDayFallsBackToDocIDs() {
        let a = claim(1, "y-one", "the pier reopens on Monday", publisher: "Daily Lantern", date: "2026-03-01", outlet: "Harbour Post")
        let b = claim(2, "x-two", "the pier reopens on Monday", publisher: "Harbour Post", date: "2026-03-01", outlet: "Daily Lantern")
        let trail = Trail(cluster: Cluster(id: "C1", claimIDs: [1, 2]), claims: [1: a, 2: b])
        #expect(trail.entries.map(\.claim.docID) == ["x-two", "y-one"])
    }

    @Test func findsTheCreditInSourceOrCueTextWhenOutletIsEmpty() {
        let a = claim(1, "x", "the port will close", publisher: "Daily Lantern", source: "sources quoted by the AP", outlet: nil)
        let b = claim(2, "y", "the port will close", publisher: "Associated Press", source: "Reuters", type: .newsOutlet, cue: "reported")
        #expect(Outlets.credited(a) == "Associated Press")
        #expect(Outlets.credited(b) == "Reuters")
        #expect(Outlets.credited(claim(3, "z", "x", source: "sources", outlet: "the AP")) == "Associated Press")
    }

    @Test func wordDiffReportsChangedWordsAsWritten() {
        let diff = WordDiff(WordDiff.words("\"At least 20 fighters\" were killed."), WordDiff.words("at least 40 Fighters died"))
        #expect(diff.removed == ["20", "were", "killed"])
        #expect(diff.added == ["40", "died"])
    }
}

@Suite struct LinkScoreTests {
    @Test func pairwiseCountsLinksOfClusters() {
        // Predicted {1,2,3} {4,5}; gold {1,2} {3,4,5}: predicted pairs 3 + 1, gold 1 + 3, agreed 12 and 45.
        let predicted: [Int64: String] = [1: "p", 2: "p", 3: "p", 4: "q", 5: "q"]
        let gold: [Int64: String] = [1: "x", 2: "x", 3: "y", 4: "y", 5: "y", 6: "z"]
        let s = LinkScore.pairwise(claims: [1, 2, 3, 4, 5, 6], predicted: predicted, gold: gold)
        #expect((s.agreed, s.predicted, s.gold) == (2, 4, 4))
        #expect(s.precision == 0.5 && s.recall == 0.5 && s.f1 == 0.5)
    }

    @Test func bCubedAveragesPerClaim() {
        let predicted: [Int64: String] = [1: "p", 2: "p", 3: "p"]
        let gold: [Int64: String] = [1: "x", 2: "x"]
        let s = LinkScore.bCubed(claims: [1, 2, 3, 4], predicted: predicted, gold: gold)
        // Precision: 2/3, 2/3, 1/3, 1 → 8/3 / 4; recall: 1, 1, 1, 1.
        #expect(s.precision == (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4)
        #expect(s.recall == 1)
    }

    @Test func verdictsCountJudgedPairsOnlyAndTheLatestVerdictWins() {
        let predicted: [Int64: String] = [1: "p", 2: "p", 3: "p", 4: "q"]
        let verdicts = [
            LinkVerdict(a: 1, b: 2, same: true), LinkVerdict(a: 3, b: 1, same: true),
            LinkVerdict(a: 1, b: 3, same: false), LinkVerdict(a: 2, b: 4, same: true),
        ]
        let s = LinkScore.verdicts(verdicts, predicted: predicted)
        // Linked and judged: 1-2 (same), 1-3 (different at last); judged same: 1-2, 2-4.
        #expect((s.agreed, s.predicted, s.gold) == (1, 2, 2))
    }

    @Test func emptySidesScoreOne() {
        let s = LinkScore.pairwise(claims: [1, 2], predicted: [:], gold: [:])
        #expect(s.precision == 1 && s.recall == 1 && s.f1 == 1)
    }
}
