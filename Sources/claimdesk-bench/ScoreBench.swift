import ClaimModel
import Evaluation
import Foundation

/// Scoring at scale: 1,000,000 predictions against 1,000,000 gold attributions (target: < 3 s,
/// < 1 GB peak). Documents are generated one at a time and streamed through `ScoringSession`, as
/// `score` reads them from the store; only the scoring itself is timed.
enum ScoreBench {
    static func run(documents: Int = 20_000, sentences: Int = 50) {
        let sentence = "The minister told Reuters that the dam broke after rain. "
        let length = sentence.unicodeScalars.count
        let text = ScalarText(String(repeating: sentence, count: sentences))
        var session = ScoringSession(match: .overlap, groupBy: nil)
        let clock = ContinuousClock()
        var scoring = Duration.zero
        for document in 0..<documents {
            var gold: [Attribution] = []
            var predicted: [Attribution] = []
            gold.reserveCapacity(sentences)
            predicted.reserveCapacity(sentences)
            for s in 0..<sentences {
                let base = s * length
                gold.append(Attribution(
                    source: Fragments(Span(base, base + 12)), cue: Fragments(Span(base + 13, base + 17)),
                    content: Fragments(Span(base + 31, base + 56)), outlet: "Reuters", sourceType: .namedPerson, anonymous: false))
                if (s + document) % 10 == 0 {
                    // Every tenth gold claim is missed and a spurious one stands in its place.
                    predicted.append(Attribution(content: Fragments(Span(base + 18, base + 25)), outlet: "AP", confidence: 0.3))
                } else {
                    predicted.append(Attribution(
                        source: Fragments(Span(base + 4, base + 12)), cue: Fragments(Span(base + 13, base + 30)),
                        content: Fragments(Span(base + 26, base + 55)), outlet: "reuters", sourceType: .namedPerson,
                        anonymous: false, confidence: 0.8))
                }
            }
            let input = ScoringInput(documentID: "doc\(document)", text: text, gold: gold, predicted: predicted)
            scoring += clock.measure { session.add(input) }
        }
        var report = ScoreReport(match: .overlap)
        scoring += clock.measure { report = session.report() }
        let seconds = SpeedBench.seconds(scoring)
        print("scoring        \(report.claim.predicted) predicted vs \(report.claim.gold) gold in \(plural(documents, "document"))")
        print("matched        \(report.claim.truePositives) claims, attribution F1 \(String(format: "%.3f", report.attribution.f1))")
        print("time           \(String(format: "%.2f", seconds)) s (target < 3 s), "
              + "\(String(format: "%.0f", Double(report.claim.predicted) / seconds)) predictions/s")
        print("peak memory    \(String(format: "%.1f", Double(SpeedBench.peakResidentBytes()) / 1_048_576)) MiB (target < 1024)")
    }
}
