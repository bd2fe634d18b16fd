import ClaimModel
import Evaluation
import Foundation
import Testing

/// The benchmark's scale: a million predictions against a million gold attributions.
///
/// Opt-in (`CLAIMDESK_PERF=1 swift test -c release --filter ScorerPerformanceTests`) because it
/// needs a release build to mean anything; the limit it guards is DESIGN's "< 3 s".
@Suite("Scorer performance", .enabled(if: ProcessInfo.processInfo.environment["CLAIMDESK_PERF"] != nil))
struct ScorerPerformanceTests {
    /// 20,000 documents of 50 sentences; one gold claim per sentence and one prediction per
    /// sentence with shifted boundaries, every tenth missing and replaced by a spurious one.
    static func corpus(documents: Int = 20_000, sentences: Int = 50) -> [ScoringInput] {
        let sentence = "The minister told Reuters that the dam broke after rain. "
        let length = sentence.unicodeScalars.count
        let text = ScalarText(String(repeating: sentence, count: sentences))
        var inputs: [ScoringInput] = []
        inputs.reserveCapacity(documents)
        for document in 0..<documents {
            var gold: [Attribution] = []
            var predicted: [Attribution] = []
            gold.reserveCapacity(sentences)
            predicted.reserveCapacity(sentences)
            for s in 0..<sentences {
                let base = s * length
                gold.append(
                    Attribution(
                        source: Fragments(Span(base, base + 12)), cue: Fragments(Span(base + 13, base + 17)),
                        content: Fragments(Span(base + 31, base + 56)), outlet: "Reuters",
                        sourceType: .namedPerson, anonymous: false))
                if (s + document) % 10 == 0 {
                    predicted.append(Attribution(content: Fragments(Span(base + 18, base + 25)), outlet: "AP"))
                } else {
                    predicted.append(
                        Attribution(
                            source: Fragments(Span(base + 4, base + 12)), cue: Fragments(Span(base + 13, base + 30)),
                            content: Fragments(Span(base + 26, base + 55)), outlet: "reuters",
                            sourceType: .namedPerson, anonymous: false, confidence: 0.8))
                }
            }
            inputs.append(ScoringInput(documentID: "doc\(document)", text: text, gold: gold, predicted: predicted))
        }
        return inputs
    }

    @Test("1,000,000 predictions against 1,000,000 gold in under 3 s")
    func millionClaims() {
        let inputs = Self.corpus()
        let clock = ContinuousClock()
        var report = ScoreReport(match: .overlap)
        let elapsed = clock.measure { report = Scorer().score(inputs) }
        print("scored \(report.claim.gold) gold, \(report.claim.predicted) predicted in \(elapsed)")
        #expect(report.claim.gold == 1_000_000)
        #expect(report.claim.predicted == 1_000_000)
        #expect(report.claim.truePositives == 900_000)
        #expect(elapsed < .seconds(3))
    }
}
