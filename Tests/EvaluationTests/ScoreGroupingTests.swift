import ClaimModel
import Evaluation
import Testing

/// Groups of the hand-worked fixture (see `MetricsFixture`). Gold source types: g0, g1
/// named_organization; g2, g3 implicit. The spurious p3 says anonymous. Gold outlets: g1 Reuters,
/// the rest none.
@Suite("Scorer --by: claims grouped by the gold value; spurious predictions by their own")
struct ScoreGroupingTests {
    @Test("By source type: each matched prediction counts in its gold claim's group")
    func bySourceType() throws {
        let report = Scorer().score([try MetricsFixture().input], groupBy: .sourceType)
        #expect(report.grouping == .sourceType)
        #expect(report.groups.keys.sorted() == ["anonymous", "implicit", "named_organization"])
        let named = try #require(report.groups["named_organization"])
        #expect(named.documents == 1)
        // p1 says news_outlet but belongs to its gold claim's group.
        #expect(named.claim == PRF(truePositives: 2, predicted: 2, gold: 2))
        #expect(named.attribution == PRF(truePositives: 1, predicted: 2, gold: 2))
        #expect(named.errors == ErrorCounts(missed: 0, spurious: 0, wrongSource: 1, wrongCue: 0, boundaryOnly: 1))
        #expect(named.fieldAccuracy.sourceType == Accuracy(correct: 1, total: 2))
        #expect(named.roles.content.tokenOverlap == PRF(truePositives: 6, predicted: 7, gold: 6))
        let implicit = try #require(report.groups["implicit"])
        #expect(implicit.claim == PRF(truePositives: 1, predicted: 1, gold: 2))
        #expect(implicit.errors == ErrorCounts(missed: 1, spurious: 0, wrongSource: 0, wrongCue: 0, boundaryOnly: 1))
        let anonymous = try #require(report.groups["anonymous"])
        #expect(anonymous.claim == PRF(truePositives: 0, predicted: 1, gold: 0))
        #expect(anonymous.errors.spurious == 1)
        #expect(anonymous.details.isEmpty && anonymous.groups.isEmpty && anonymous.grouping == nil)
    }

    @Test("By outlet: attributions without an outlet form the \"(none)\" group")
    func byOutlet() throws {
        let report = Scorer().score([try MetricsFixture().input], groupBy: .outlet)
        #expect(report.groups.keys.sorted() == ["(none)", "Reuters"])
        #expect(report.groups["(none)"]?.claim == PRF(truePositives: 2, predicted: 3, gold: 3))
        #expect(report.groups["Reuters"]?.claim == PRF(truePositives: 1, predicted: 1, gold: 1))
    }

    /// A stand-in for the rules lexicon: "said" and "told" are speech, "believed" belief.
    struct FixtureKinds: CueKindClassifier {
        func cueKind(ofCue text: String) -> String {
            let words = text.split(separator: " ")
            return words.contains { $0 == "said" || $0 == "told" } ? "speech" : words.contains("believed") ? "belief" : "other"
        }
    }

    @Test("By cue kind: the classifier reads the gold cue's text; a claim without a cue is \"(none)\"")
    func byCueKind() throws {
        let report = Scorer().score([try MetricsFixture().input], groupBy: .cueKind, cueKinds: FixtureKinds())
        #expect(report.grouping == .cueKind)
        #expect(report.groups.keys.sorted() == ["(none)", "belief", "speech"])
        // g0 "said" and g1 "told" matched; the spurious p3 ("told") counts in its own kind.
        #expect(report.groups["speech"]?.claim == PRF(truePositives: 2, predicted: 3, gold: 2))
        #expect(report.groups["speech"]?.errors == ErrorCounts(missed: 0, spurious: 1, wrongSource: 1, wrongCue: 0, boundaryOnly: 1))
        // g2 "is believed" matched by p2 (cue "believed"); g3 has no cue and is missed.
        #expect(report.groups["belief"]?.claim == PRF(truePositives: 1, predicted: 1, gold: 1))
        #expect(report.groups["(none)"]?.claim == PRF(truePositives: 0, predicted: 0, gold: 1))
        // Without a classifier every claim is "(none)".
        let blind = Scorer().score([try MetricsFixture().input], groupBy: .cueKind)
        #expect(blind.groups.keys.sorted() == ["(none)"])
        #expect(blind.groups["(none)"]?.claim == blind.claim)
    }

    @Test("A cue in pieces is handed over as its words in text order, a space between pieces")
    func splitCue() throws {
        let t = TextFixture("Officials, it is believed, said the dam broke.")
        // Glued together the pieces would read "believedsaid" and land in "other".
        let gold = [Attribution(source: try t.span("Officials"), cue: try t.fragments("said", "believed"),
                                content: try t.span("the dam broke"))]
        let input = ScoringInput(documentID: "split", text: t.text, gold: gold, predicted: [])
        let report = Scorer().score([input], groupBy: .cueKind, cueKinds: FixtureKinds())
        #expect(report.groups.keys.sorted() == ["speech"])
        #expect(report.groups["speech"]?.claim == PRF(truePositives: 0, predicted: 0, gold: 1))
    }

    @Test("Group counts add up to the totals; a document counts once per group it touches")
    func groupsPartitionTheTotals() throws {
        let fixture = try MetricsFixture().input
        for grouping in ScoreGrouping.allCases {
            let report = Scorer().score([fixture, fixture], groupBy: grouping, cueKinds: FixtureKinds())
            let groups = Array(report.groups.values)
            #expect(groups.map(\.claim).reduce(PRF(), +) == report.claim)
            #expect(groups.map(\.attribution).reduce(PRF(), +) == report.attribution)
            #expect(groups.map(\.roles.cue.tokenOverlap).reduce(PRF(), +) == report.roles.cue.tokenOverlap)
            #expect(groups.map(\.errors.missed).reduce(0, +) == report.errors.missed)
            #expect(groups.allSatisfy { $0.documents == 2 })
        }
    }

    /// `claimdesk report` shows the scores by source type and by kind of cue: one session counts
    /// both from one pairing, and each report is exactly the one its own scoring gives.
    @Test("Several groupings in one session: each report equals scoring again with that grouping")
    func severalGroupingsInOnePass() throws {
        let fixture = try MetricsFixture().input
        let documents = [fixture, ScoringInput(documentID: "second", text: fixture.text, gold: fixture.gold, predicted: Array(fixture.predicted.prefix(2)))]
        var session = ScoringSession(groupings: [.sourceType, .cueKind, .outlet, .cueKind], cueKinds: FixtureKinds())
        for document in documents { session.add(document) }
        #expect(session.groupings == [.sourceType, .cueKind, .outlet])
        #expect(session.report() == Scorer().score(documents, groupBy: .sourceType, cueKinds: FixtureKinds()))
        for grouping in ScoreGrouping.allCases {
            #expect(session.report(groupedBy: grouping) == Scorer().score(documents, groupBy: grouping, cueKinds: FixtureKinds()), "\(grouping)")
        }
        var ungrouped = ScoringSession(groupBy: .outlet)
        ungrouped.add(fixture)
        #expect(ungrouped.report(groupedBy: .cueKind) == nil)
    }

    @Test("Without grouping there are no groups")
    func noGrouping() throws {
        let report = Scorer().score([try MetricsFixture().input])
        #expect(report.grouping == nil)
        #expect(report.groups.isEmpty)
    }

    @Test("Group keys are the command line's --by values")
    func rawValues() {
        #expect(ScoreGrouping(rawValue: "source-type") == .sourceType)
        #expect(ScoreGrouping(rawValue: "outlet") == .outlet)
        #expect(ScoreGrouping(rawValue: "cue-kind") == .cueKind)
    }
}
