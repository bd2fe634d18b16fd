import ClaimModel
import Provenance
import Testing

@Suite struct ClaimTextTests {
    @Test func normalisesWordsNumbersAndNames() {
        let t = ClaimText("\"At least 1,200 homes,\" she said, were flooded in Dovrana's valleys, twenty more at Kell.")
        #expect(t.words == ["#", "home", "flood", "dovrana", "valley", "#", "kell"])
        #expect(t.numbers == ["1200", "20"])
        #expect(t.qualifiedNumber)
        #expect(t.names == ["dovrana", "kell"])
    }

    @Test func overlapCountsSharedAndAllShingles() {
        let a = ClaimText("fighters killed near the dam"), b = ClaimText("the dam: fighters killed")
        // a: fighter, kill, near, dam, fighter kill, kill near, near dam; b: dam, fighter, kill, dam fighter, fighter kill.
        #expect(ClaimText.overlap(a.shingles, b.shingles) == (shared: 4, total: 8))
    }
}

@Suite struct LinkerTests {
    @Test func linksParaphraseQualifiedAndConflictingVariantsButNotDistractors() {
        let result = Linker().link(Story.all)
        #expect(result.clusters.map(\.claimIDs) == [[1, 2, 3]])
        let links = result.links
        #expect(links.map { "\($0.a)-\($0.b) \($0.score) " + $0.reasons.map(\.description).joined(separator: "; ") } == [
            "1-2 1.0 shared shingles 10/14; credits Meridian Press; number hedged differently",
            "1-3 1.0 shared shingles 12/12; credits Meridian Press; number conflict 20 vs 40",
            "2-3 0.964 shared shingles 10/14; both credit Meridian Press; number conflict 20 vs 40",
        ])
        #expect(links.filter(\.isConflicting).count == 2)
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let forward = Linker().link(Story.all)
        let backward = Linker().link(Story.all.reversed())
        #expect(forward == backward)
    }

    @Test func anonymousClaimsWithDifferentNumbersAreNotLinked() {
        let a = claim(1, "x", "12 people were hurt when the tram left the rails")
        let b = claim(2, "y", "30 people were hurt when the tram left the rails")
        #expect(Linker().link([a, b]).clusters.isEmpty)
        let c = claim(3, "z", "about 12 people were hurt when the tram left the rails")
        #expect(Linker().link([a, b, c]).clusters.map(\.claimIDs) == [[1, 3]])
    }

    @Test func differentNamedSourcesOrNamesOrDatesAreNotLinked() {
        let a = claim(1, "x", "the budget will be frozen for a year", source: "Minister Ana Vell", type: .namedPerson)
        let b = claim(2, "y", "the budget will be frozen for a year", source: "Minister Paul Ostrow", type: .namedPerson)
        let c = claim(3, "z", "the budget will be frozen for a year", source: "Vell", type: .namedPerson)
        #expect(Linker().link([a, b, c]).clusters.map(\.claimIDs) == [[1, 3]])
        let d = claim(4, "p", "floods closed the road to Kell", date: "2026-03-01")
        let e = claim(5, "q", "floods closed the road to Marrow", date: "2026-03-01")
        let f = claim(6, "r", "floods closed the road to Kell", date: "2026-05-01")
        #expect(Linker().link([d, e, f]).clusters.isEmpty)
    }

    @Test func sameDocumentLinksOnlyTheClaimRepeated() {
        let headline = claim(1, "x", "Tarsk dam to close for a month")
        let lead = claim(2, "x", "the Tarsk dam will close for a month")
        let later = claim(3, "x", "the Tarsk dam will close for a month, then reopen to lorries only")
        let result = Linker().link([headline, lead, later])
        #expect(result.clusters.map(\.claimIDs) == [[1, 2]])
        #expect(result.links.first?.reasons.last == .repeatedInDocument)
    }
}

/// LSH buckets pair only claims at most `maxDays` apart (undated claims with every member): the
/// candidates the judge would reject by date are never made, and none it would accept are lost.
@Suite struct LinkerDayWindowTests {
    @Test func aBucketPairsClaimsWithinTheWindowAndUndatedClaimsWithAll() {
        let text = "the ferry to Olk was cancelled for the rest of the week"
        let claims = [
            claim(4, "d4", text, date: nil),
            claim(3, "d3", text, date: "2026-03-31"),
            claim(2, "d2", text, date: "2026-03-15"),  // 14 days after 1: linked; 16 before 3: not
            claim(1, "d1", text, date: "2026-03-01"),
        ]
        let result = Linker().link(claims)
        #expect(result.links.map { "\($0.a)-\($0.b)" } == ["1-2", "1-4", "2-4", "3-4"])
        #expect(result.clusters.map(\.claimIDs) == [[1, 2, 3, 4]])
    }
}
