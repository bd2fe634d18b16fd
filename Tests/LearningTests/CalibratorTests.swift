import ClaimModel
import Extraction
@testable import Learning
import TestSupport
import Testing

@Suite("Calibrator: isotonic confidences on synthetic scores")
struct CalibratorTests {
    /// Scores uniform in [-3, 3]; a claim is real with probability 1 / (1 + e^(-2s)).
    static func samples(_ n: Int, seed: UInt64) -> [(score: Double, real: Bool)] {
        var random = SeededRandom(seed: seed)
        return (0..<n).map { _ in
            let s = Double(random.next() % 60_001) / 10_000 - 3
            let p = 1 / (1 + _exp(-2 * s))
            return (s, Double(random.next() % 1_000_000) / 1_000_000 < p)
        }
    }

    static func ece(_ calibrator: Calibrator, _ samples: [(score: Double, real: Bool)]) -> Double {
        var count = [Int](repeating: 0, count: 10), confidence = [Double](repeating: 0, count: 10)
        var real = [Int](repeating: 0, count: 10)
        for s in samples {
            let p = calibrator.probability(s.score)
            let b = min(9, Int(p * 10))
            count[b] += 1
            confidence[b] += p
            if s.real { real[b] += 1 }
        }
        return (0..<10).reduce(0) { $0 + abs(confidence[$1] - Double(real[$1])) } / Double(samples.count)
    }

    @Test("fitted on one sample, ECE on a fresh one stays under 0.03")
    func calibrated() {
        let calibrator = Calibrator(samples: Self.samples(4000, seed: 1))
        #expect(Self.ece(calibrator, Self.samples(4000, seed: 2)) < 0.03)
    }

    @Test("the map is monotone and inside [0, 1]")
    func monotone() {
        let calibrator = Calibrator(samples: Self.samples(2000, seed: 3))
        let values = stride(from: -4.0, through: 4.0, by: 0.25).map { calibrator.probability($0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(values.first ?? 1 < 0.1)
        #expect(values.last ?? 0 > 0.9)
    }

    @Test("with no samples the map falls back to the logistic of the score")
    func empty() {
        let calibrator = Calibrator(samples: [])
        #expect(calibrator.probability(0) == 0.5)
    }
}

@Suite("AttributionModel: the calibration's samples")
struct CalibrationSampleTests {
    @Test("calibration labels only the readings above the threshold: one below it cannot take a kept one's gold")
    func calibrationSamplesAboveThreshold() throws {
        let marked = MarkedDocument(id: "steal", "{src1:Ana Ruiz} {cue1:said} that {con1:the dam holds}. Tom Becker said the pier is shut.")
        let doc = PreparedDocument(marked.labeled, rules: try RulesExtractor(), base: .rules)
        let content = try #require(doc.gold.first?.content).sorted()
        let cue = try #require(doc.gold.first?.cue).sorted()
        let first = try #require(content.first), last = try #require(content.last)
        func reading(_ score: Double, _ content: Range<Int>, anchor: Int) -> Learning.Decoder.Reading {
            Learning.Decoder.Reading(score: score, cue: [cue[0]..<(cue[0] + 1)], source: [], content: [content], proposal: nil,
                            sourceIsProposals: false, anchor: anchor)
        }
        // The kept reading covers part of the gold content; a reading below the threshold covers
        // all of it, and pairs with the gold first when both are labelled together.
        let readings = [reading(3, first..<last, anchor: 0), reading(-1, first..<(last + 1), anchor: 1)]
        let samples = AttributionModel.calibrationSamples([(doc: 0, readings: readings)], prepared: [doc], threshold: 0)
        #expect(samples.map(\.score) == [3])
        #expect(samples.map(\.real) == [true])
        #expect(doc.label(readings).map(\.content) == [false, true])
    }
}
