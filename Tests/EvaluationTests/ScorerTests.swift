import ClaimModel
import Evaluation
import Testing

/// One document whose every figure is worked out by hand in the comments.
///
/// Tokens: Officials said the dam broke . Police told Reuters that two men died . It is believed
/// that rain fell .
/// - g0 Officials / said / "the dam broke" (3)   p0 Officials / said / "the dam broke." (4): J 3/4
/// - g1 Police / told / "two men died" (3)        p1 Reuters / told / "two men died" (3):     J 1
/// - g2 — / "is believed" / "rain fell" (2)       p2 — / "believed" / "that rain fell" (3):   J 2/3
/// - g3 — / — / "It" (1), missed                  p3 — / "told" / "Police" (1), spurious
struct MetricsFixture {
    let input: ScoringInput

    init() throws {
        let t = TextFixture(
            "Officials said the dam broke. Police told Reuters that two men died. It is believed that rain fell.")
        let gold = [
            Attribution(
                source: try t.span("Officials"), cue: try t.span("said"), content: try t.span("the dam broke"),
                outlet: nil, sourceType: .namedOrganization, anonymous: false),
            Attribution(
                source: try t.span("Police"), cue: try t.span("told"), content: try t.span("two men died"),
                outlet: "Reuters", sourceType: .namedOrganization, anonymous: false),
            Attribution(
                source: nil, cue: try t.span("is believed"), content: try t.span("rain fell"),
                outlet: nil, sourceType: .implicit, anonymous: nil),
            Attribution(source: nil, cue: nil, content: try t.span("It"), sourceType: .implicit),
        ]
        let predicted = [
            Attribution(
                source: try t.span("Officials"), cue: try t.span("said"), content: try t.span("the dam broke."),
                outlet: "Reuters", sourceType: .namedOrganization, anonymous: true),
            Attribution(
                source: try t.span("Reuters"), cue: try t.span("told"), content: try t.span("two men died"),
                outlet: "reuters", sourceType: .newsOutlet, anonymous: true),
            Attribution(
                source: nil, cue: try t.span("believed"), content: try t.span("that rain fell"),
                outlet: "AP", sourceType: .implicit, anonymous: nil),
            Attribution(source: nil, cue: try t.span("told"), content: try t.span("Police"), sourceType: .anonymous),
        ]
        input = ScoringInput(documentID: "fixture", text: t.text, gold: gold, predicted: predicted)
    }
}

@Suite("Scorer: the figures of docs/ARCHITECTURE.md \"Scoring definitions\" on a hand-worked document")
struct ScorerTests {
    @Test("Overlap mode: pairing, claim and attribution P/R/F1")
    func overlapHeadline() throws {
        let report = Scorer(match: .overlap).score([try MetricsFixture().input])
        #expect(report.match == .overlap)
        #expect(report.documents == 1)
        #expect(report.claim == PRF(truePositives: 3, predicted: 4, gold: 4))
        #expect(report.claim.precision == 0.75)
        #expect(report.claim.recall == 0.75)
        #expect(report.claim.f1 == 0.75)
        // g1/p1 has the wrong source; g0/p0 and g2/p2 match on all roles (g2/p2: no source on
        // either side, cues share "believed").
        #expect(report.attribution == PRF(truePositives: 2, predicted: 4, gold: 4))
        #expect(report.attribution.f1 == 0.5)
        let detail = try #require(report.details.first)
        #expect(detail.documentID == "fixture")
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[0, 0], [1, 1], [2, 2]])
        #expect(detail.pairs.map(\.contentJaccard) == [0.75, 1, 2.0 / 3.0])
        #expect(detail.missed == [3])
        #expect(detail.spurious == [3])
    }

    @Test("Overlap mode: per-role token overlap and exact span")
    func overlapRoles() throws {
        let roles = Scorer(match: .overlap).score([try MetricsFixture().input]).roles
        // source tokens: gold Officials, Police; predicted Officials, Reuters; shared Officials.
        #expect(roles.source.tokenOverlap == PRF(truePositives: 1, predicted: 2, gold: 2))
        // cue tokens: gold said, told, is believed (4); predicted said, told, believed, told (4);
        // shared said, told, believed.
        #expect(roles.cue.tokenOverlap == PRF(truePositives: 3, predicted: 4, gold: 4))
        // content tokens: gold 3+3+2+1; predicted 4+3+3+1; shared 3+3+2.
        #expect(roles.content.tokenOverlap == PRF(truePositives: 8, predicted: 11, gold: 9))
        #expect(roles.content.tokenOverlap.precision == 8.0 / 11.0)
        #expect(roles.content.tokenOverlap.recall == 8.0 / 9.0)
        #expect(roles.content.tokenOverlap.f1 == 0.8)
        // exact: identical non-null fragments among matched pairs / non-null roles.
        #expect(roles.source.exact == PRF(truePositives: 1, predicted: 2, gold: 2))
        #expect(roles.cue.exact == PRF(truePositives: 2, predicted: 4, gold: 3))
        #expect(roles.content.exact == PRF(truePositives: 1, predicted: 4, gold: 4))
        #expect(roles[.cue] == roles.cue)
    }

    @Test("Overlap mode: field accuracy among the three matched pairs")
    func overlapFields() throws {
        let fields = Scorer(match: .overlap).score([try MetricsFixture().input]).fieldAccuracy
        #expect(fields.source == Accuracy(correct: 2, total: 3))  // Police ≠ Reuters
        #expect(fields.cue == Accuracy(correct: 3, total: 3))
        #expect(fields.outlet == Accuracy(correct: 1, total: 3))  // nil≠Reuters, Reuters=reuters, nil≠AP
        #expect(fields.sourceType == Accuracy(correct: 2, total: 3))  // named_organization ≠ news_outlet
        #expect(fields.anonymous == Accuracy(correct: 1, total: 3))  // false≠true twice, nil=nil
        #expect(fields.outlet.ratio == 1.0 / 3.0)
    }

    @Test("Overlap mode: error counts, and listing errors of one kind")
    func overlapErrors() throws {
        let report = Scorer(match: .overlap).score([try MetricsFixture().input])
        #expect(report.errors == ErrorCounts(missed: 1, spurious: 1, wrongSource: 1, wrongCue: 0, boundaryOnly: 2))
        #expect(
            report.instances(of: .boundaryOnly) == [
                ErrorInstance(documentID: "fixture", kind: .boundaryOnly, gold: 0, predicted: 0),
                ErrorInstance(documentID: "fixture", kind: .boundaryOnly, gold: 2, predicted: 2),
            ])
        #expect(
            report.instances(of: .wrongSource) == [
                ErrorInstance(documentID: "fixture", kind: .wrongSource, gold: 1, predicted: 1)
            ])
        #expect(report.instances(of: .wrongCue) == [])
        #expect(report.instances(of: .missed) == [ErrorInstance(documentID: "fixture", kind: .missed, gold: 3, predicted: nil)])
        #expect(report.instances(of: .spurious) == [ErrorInstance(documentID: "fixture", kind: .spurious, gold: nil, predicted: 3)])
        let pairs = try #require(report.details.first).pairs
        #expect(pairs.map(\.errors) == [[.boundaryOnly], [.wrongSource], [.boundaryOnly]])
        #expect(pairs.map(\.attributionMatches) == [true, false, true])
    }

    @Test("Exact mode: only identical contents pair; token denominators do not change")
    func exactMode() throws {
        let report = Scorer(match: .exact).score([try MetricsFixture().input])
        #expect(report.match == .exact)
        #expect(report.claim == PRF(truePositives: 1, predicted: 4, gold: 4))
        #expect(report.attribution == PRF(truePositives: 0, predicted: 4, gold: 4))
        #expect(report.roles.source.tokenOverlap == PRF(truePositives: 0, predicted: 2, gold: 2))
        #expect(report.roles.cue.tokenOverlap == PRF(truePositives: 1, predicted: 4, gold: 4))
        #expect(report.roles.content.tokenOverlap == PRF(truePositives: 3, predicted: 11, gold: 9))
        #expect(report.roles.source.exact == PRF(truePositives: 0, predicted: 2, gold: 2))
        #expect(report.roles.cue.exact == PRF(truePositives: 1, predicted: 4, gold: 3))
        #expect(report.roles.content.exact == PRF(truePositives: 1, predicted: 4, gold: 4))
        #expect(report.fieldAccuracy.source == Accuracy(correct: 0, total: 1))
        #expect(report.fieldAccuracy.cue == Accuracy(correct: 1, total: 1))
        #expect(report.fieldAccuracy.outlet == Accuracy(correct: 1, total: 1))
        #expect(report.errors == ErrorCounts(missed: 3, spurious: 3, wrongSource: 1, wrongCue: 0, boundaryOnly: 0))
        let detail = try #require(report.details.first)
        #expect(detail.pairs.map { [$0.gold, $0.predicted] } == [[1, 1]])
        #expect(detail.missed == [0, 2, 3])
        #expect(detail.spurious == [0, 2, 3])
    }

    @Test("Exact mode: a boundary-only pair also counts as a wrong source when its source differs")
    func exactModeBoundaryAlsoWrongSource() throws {
        let t = TextFixture("The minister said rain fell.")
        let gold = [Attribution(source: try t.span("The minister"), cue: try t.span("said"), content: try t.span("rain fell"))]
        let predicted = [Attribution(source: try t.span("minister"), cue: try t.span("said"), content: try t.span("rain fell"))]
        let input = ScoringInput(documentID: "d", text: t.text, gold: gold, predicted: predicted)
        let exact = Scorer(match: .exact).score([input])
        #expect(exact.errors == ErrorCounts(missed: 0, spurious: 0, wrongSource: 1, wrongCue: 0, boundaryOnly: 1))
        #expect(exact.attribution.truePositives == 0)
        let overlap = Scorer(match: .overlap).score([input])
        #expect(overlap.errors == ErrorCounts(missed: 0, spurious: 0, wrongSource: 0, wrongCue: 0, boundaryOnly: 1))
        #expect(overlap.attribution.truePositives == 1)
    }

    @Test("A role absent on both sides matches; absent on one side does not")
    func absentRoles() throws {
        let t = TextFixture("It is believed that rain fell.")
        let gold = [
            Attribution(source: nil, cue: try t.span("is believed"), content: try t.span("rain fell")),
            Attribution(source: nil, cue: nil, content: try t.span("It")),
        ]
        let predicted = [
            Attribution(source: try t.span("It"), cue: try t.span("is believed"), content: try t.span("rain fell")),
            Attribution(source: nil, cue: nil, content: try t.span("It")),
        ]
        let report = Scorer().score([ScoringInput(documentID: "d", text: t.text, gold: gold, predicted: predicted)])
        #expect(report.attribution == PRF(truePositives: 1, predicted: 2, gold: 2))
        #expect(report.errors.wrongSource == 1)
        #expect(report.errors.wrongCue == 0)
        // Absent roles are neither predicted nor gold for exact-span scores.
        #expect(report.roles.source.exact == PRF(truePositives: 0, predicted: 1, gold: 0))
        #expect(report.roles.cue.exact == PRF(truePositives: 1, predicted: 1, gold: 1))
    }

    @Test("Micro-averaging: counts add up over documents; empty documents still count")
    func microAverage() throws {
        let fixture = try MetricsFixture().input
        var second = fixture
        second.documentID = "second"
        second.predicted = []
        let empty = ScoringInput(documentID: "empty", text: ScalarText(""), gold: [], predicted: [])
        let report = Scorer().score([fixture, second, empty])
        #expect(report.documents == 3)
        #expect(report.claim == PRF(truePositives: 3, predicted: 4, gold: 8))
        #expect(report.errors.missed == 5)
        #expect(report.details.map(\.documentID) == ["fixture", "second", "empty"])
    }

    @Test("No documents: every ratio is 0, not NaN")
    func noDocuments() {
        let report = Scorer().score([])
        #expect(report.documents == 0)
        #expect(report.claim.precision == 0)
        #expect(report.claim.recall == 0)
        #expect(report.claim.f1 == 0)
        #expect(report.fieldAccuracy.source.ratio == 0)
    }

    @Test("A session fed document by document gives the same report as the scorer")
    func sessionMatchesScorer() throws {
        let input = try MetricsFixture().input
        var session = ScoringSession(match: .overlap)
        session.add(input)
        session.add(input)
        #expect(session.report() == Scorer().score([input, input]))
    }
}

@Suite struct UnannotatedFieldsTests {
    @Test func goldWithoutSourceTypeOrAnonymityIsNotCountedForThem() throws {
        let text = ScalarText("The mayor said taxes rise.")
        let gold = Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)), content: Fragments(Span(15, 25)))
        let predicted = Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)), content: Fragments(Span(15, 25)),
                                    sourceType: .namedPerson, anonymous: false)
        let report = Scorer().score([ScoringInput(documentID: "d", text: text, gold: [gold], predicted: [predicted])])
        #expect(report.fieldAccuracy.sourceType == Accuracy(correct: 0, total: 0))
        #expect(report.fieldAccuracy.anonymous == Accuracy(correct: 0, total: 0))
        #expect(report.fieldAccuracy.outlet == Accuracy(correct: 1, total: 1))
        #expect(ReportRenderer.table(report).contains("  source_type  - (0/0: gold does not say)\n"))
    }
}
