import ClaimModel
import Evaluation
import Testing

/// Pairing rules, observed through the report's details.
/// Text "a b c d e f g h": one token per letter, token k starts at offset 2k.
@Suite("Pairing: greedy by content Jaccard, ties by gold then prediction order, each side once")
struct ContentPairingTests {
    let t = TextFixture("a b c d e f g h")

    func pairs(_ gold: [Attribution], _ predicted: [Attribution], _ mode: MatchMode = .overlap) throws -> DocumentDetail {
        let report = Scorer(match: mode).score([ScoringInput(documentID: "d", text: t.text, gold: gold, predicted: predicted)])
        return try #require(report.details.first)
    }

    func claim(_ words: String) throws -> Attribution {
        Attribution(content: try t.span(words))
    }

    @Test("Higher Jaccard wins even when it comes later")
    func highestJaccardFirst() throws {
        // g0 "b c": p0 "a b c d" J 2/4, p1 "b c d" J 2/3 → g0-p1; p0 then takes nothing.
        let detail = try pairs([try claim("b c")], [try claim("a b c d"), try claim("b c d")])
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 1]])
        #expect(detail.spurious == [0])
    }

    @Test("Equal Jaccard: the lower gold index takes the prediction first")
    func tiesByGoldOrder() throws {
        // p0 "b c d e": with g0 "a b c d" 3/5, with g1 "c d e f" 3/5 → g0 first.
        // p1 "c d": with g0 2/4, with g1 2/4 → g1 gets it.
        let detail = try pairs([try claim("a b c d"), try claim("c d e f")], [try claim("b c d e"), try claim("c d")])
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0], [1, 1]])
        #expect(detail.pairs.map(\.contentJaccard) == [0.6, 0.5])
    }

    @Test("Equal Jaccard for one gold: the lower prediction index wins")
    func tiesByPredictionOrder() throws {
        let detail = try pairs([try claim("b c")], [try claim("a b c"), try claim("b c d")])
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0]])
        #expect(detail.spurious == [1])
    }

    @Test("Greedy, not optimal: the best pair is taken even if it leaves another claim unmatched")
    func greedyNotOptimal() throws {
        // g0 "b c"-p0 "b c" (J 1) is taken first, though g0-p1 and g1 "a b"-p0 would match both.
        let detail = try pairs([try claim("b c"), try claim("a b")], [try claim("b c"), try claim("c d")])
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0]])
        #expect(detail.missed == [1])
        #expect(detail.spurious == [1])
    }

    @Test("Attributions without content never match, even with identical source and cue")
    func noContentNeverMatches() throws {
        let sourceOnly = Attribution(source: try t.span("a"), cue: try t.span("b"))
        let detail = try pairs([sourceOnly], [sourceOnly])
        #expect(detail.pairs.isEmpty)
        #expect(detail.missed == [0])
        #expect(detail.spurious == [0])
    }

    @Test("Overlapping hulls are not enough: discontinuous contents must share a token")
    func fragmentsNotHull() throws {
        let split = Attribution(content: try t.fragments("a b", "e f"))
        let detail = try pairs([split], [try claim("c d"), try claim("f")])
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 1]])
        #expect(detail.pairs.map(\.contentJaccard) == [0.25])
    }

    @Test("Touching spans share no token and do not match")
    func adjacentSpans() throws {
        let detail = try pairs([try claim("a b")], [try claim(" c d")])
        #expect(detail.pairs.isEmpty)
    }

    @Test("Exact mode: identical fragments only; duplicates pair one to one")
    func exactIdenticalOnly() throws {
        let detail = try pairs(
            [try claim("a b"), try claim("a b"), try claim("e f")], [try claim("a b"), try claim("e f g")], .exact)
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0]])
        #expect(detail.missed == [1, 2])
        #expect(detail.spurious == [1])
    }

    @Test("Pairs are found in any input order and listed in gold order")
    func unsortedInput() throws {
        let gold = [try claim("g h"), try claim("a b"), try claim("d e")]
        let predicted = [try claim("a"), try claim("e"), try claim("h")]
        let detail = try pairs(gold, predicted)
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 2], [1, 0], [2, 1]])
    }

    @Test("Nested contents: one long prediction against several short gold claims")
    func nestedContents() throws {
        let gold = [try claim("b"), try claim("d e"), try claim("g")]
        let predicted = [try claim("a b c d e f g h"), try claim("e")]
        let detail = try pairs(gold, predicted)
        // J: g1-p1 1/2, g1-p0 2/8, g0-p0 1/8, g2-p0 1/8 → g1-p1, then g0-p0.
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0], [1, 1]])
        #expect(detail.missed == [2])
    }
}
