import ClaimModel
import Review
import Testing

@Suite struct ConsensusTests {
    static let runClaims = [GoldClaim(id: 1, attribution: Claims.one, isAdded: false, addedBy: nil),
                            GoldClaim(id: 2, attribution: Claims.two, isAdded: false, addedBy: nil)]

    func decide(_ log: LogBuilder, _ annotators: [String], claims: [GoldClaim] = runClaims,
                useAdjudication: Bool = true) -> GoldOutcome {
        GoldConsensus(claims: claims, annotators: annotators, log: log.ledger).decide(log: log.ledger, useAdjudication: useAdjudication)
    }

    @Test func oneAnnotatorsVerdictsAreTheGold() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        let outcome = decide(log, ["ana"])
        #expect(outcome.gold?.count == 1)
        #expect(outcome.gold?[0].review == Review(status: .confirmed, annotator: "ana", at: "t1"))
        #expect(outcome.claims == 2)
        #expect(outcome.reviewed == 1)
    }

    @Test func twoAnnotatorsAgreeing() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        log.add("ben", 1, .confirm)
        log.add("ana", 2, .reject(reason: nil))
        log.add("ben", 2, .reject(reason: nil))
        let consensus = GoldConsensus(claims: Self.runClaims, annotators: ["ana", "ben"], log: log.ledger)
        #expect(consensus.consensus(of: Self.runClaims[1]) == .agreedOut)
        guard case let .agreedKeep(r) = consensus.consensus(of: Self.runClaims[0]) else {
            Issue.record("claim 1 is not agreed")
            return
        }
        #expect(r.annotator == "ana")
        let outcome = consensus.decide(log: log.ledger, useAdjudication: true)
        #expect(outcome.gold?.map(\.source) == [Claims.one.source])
        #expect(outcome.gold?[0].review?.annotator == "ana")
        // ben's review differs from ana's only in its time: it travels with the claim.
        #expect(outcome.gold?[0].otherReviews == [Review(status: .confirmed, annotator: "ben", at: "t2")])
        #expect(outcome.reviewed == 2)
    }

    @Test func twoAnnotatorsDisagreeingOnTheVerdictOrTheFields() {
        var verdicts = LogBuilder()
        verdicts.add("ana", 1, .confirm)
        verdicts.add("ben", 1, .reject(reason: "not a claim"))
        #expect(decide(verdicts, ["ana", "ben"]).gold == nil)

        var fields = LogBuilder()
        fields.add("ana", 1, .confirm)
        fields.add("ben", 1, Claims.correction("outlet", of: Claims.one) { $0.outlet = nil })
        fields.add("ben", 1, .confirm)
        let consensus = GoldConsensus(claims: Self.runClaims, annotators: ["ana", "ben"], log: fields.ledger)
        #expect(consensus.consensus(of: Self.runClaims[0]) == .disputed)
        #expect(consensus.decide(log: fields.ledger, useAdjudication: true).gold == nil)
    }

    @Test func anAdjudicationDecidesOnceItHasAVerdict() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        log.add("ben", 1, .reject(reason: nil))
        log.add("cy", 1, Claims.correction("outlet", of: Claims.one) { $0.outlet = "Times" }, adjudication: Adjudication())
        // A correction alone is work in progress: still disputed.
        #expect(decide(log, ["ana", "ben"]).gold == nil)
        log.add("cy", 1, .confirm, adjudication: Adjudication())
        let outcome = decide(log, ["ana", "ben"])
        #expect(outcome.gold?.count == 1)
        let gold = outcome.gold?[0]
        #expect(gold?.outlet == "Times")
        #expect(gold?.review == Review(status: .corrected, annotator: "cy", at: "t4", adjudication: true))
        #expect(gold?.otherReviews == [
            Review(status: .confirmed, annotator: "ana", at: "t1", changes: .object([("outlet", .string("Herald"))])),
            Review(status: .rejected, annotator: "ben", at: "t2", changes: .object([("outlet", .string("Herald"))])),
        ])
        // Without adjudications (one annotator's gold), the dispute stands.
        #expect(decide(log, ["ana", "ben"], useAdjudication: false).gold == nil)
    }

    @Test func claimsAddedAlikeByEveryAnnotatorEnterOnce() {
        let added = Attribution(content: Fragments(Span(32, 40)), sourceType: .implicit)
        let claims = Self.runClaims + [GoldClaim(id: 3, attribution: added, isAdded: true, addedBy: "ana"),
                                       GoldClaim(id: 4, attribution: added, isAdded: true, addedBy: "ben")]
        var base = LogBuilder()
        base.add("ana", 1, .reject(reason: nil))
        base.add("ben", 1, .reject(reason: nil))
        base.add("ana", 2, .reject(reason: nil))
        base.add("ben", 2, .reject(reason: nil))
        var both = base
        both.add("ana", 3, .add)
        both.add("ben", 4, .add)
        let outcome = decide(both, ["ana", "ben"], claims: claims)
        #expect(outcome.gold?.map(\.content) == [added.content])
        #expect(outcome.gold?[0].review?.status == .added)
        #expect(outcome.claims == 4)

        var one = base
        one.add("ana", 3, .add)
        let consensus = GoldConsensus(claims: claims, annotators: ["ana", "ben"], log: one.ledger)
        #expect(consensus.addedKeys["ana"]?.count == 1)
        #expect(consensus.addedKeys["ben"] == nil)
        #expect(consensus.consensus(of: claims[2]) == .disputed)
    }

    @Test func aClaimAddedByAnOutsiderIsNotCounted() {
        let added = Attribution(content: Fragments(Span(32, 40)))
        let claims = Self.runClaims + [GoldClaim(id: 3, attribution: added, isAdded: true, addedBy: "zed")]
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        log.add("zed", 3, .add)
        let outcome = decide(log, ["ana"], claims: claims)
        #expect(outcome.gold?.count == 1)
        #expect(outcome.claims == 2)
    }

    @Test func theKeyNamesEveryCorrectableField() {
        #expect(GoldConsensus.attributionKey(Claims.one) == "[0, 3]|[4, 8]|[9, 18]|Herald|named_person|-|-")
        var other = Claims.one
        other.sourceEntity = "ann"
        #expect(GoldConsensus.attributionKey(other) != GoldConsensus.attributionKey(Claims.one))
    }
}
