import Evaluation
import Foundation
import Testing

@Suite("Calibration: 10 bins, ECE, Brier, auto-accept threshold")
struct CalibrationTests {
    /// Twenty verdicts; expected figures computed independently (plain Python 3 floats, same
    /// binning) and checked to 1e-12.
    static let samples: [(confidence: Double, correct: Bool)] = [
        (0.05, false), (0.15, false), (0.15, true), (0.3, false), (0.35, true), (0.45, false),
        (0.5, true), (0.55, true), (0.62, false), (0.68, true), (0.7, true), (0.75, true),
        (0.8, false), (0.85, true), (0.88, true), (0.9, true), (0.92, true), (0.95, true),
        (0.99, true), (1.0, true),
    ]

    @Test("Bins: counts, correct counts, mean confidence and accuracy")
    func bins() {
        let report = Calibration.compute(Self.samples)
        #expect(report.samples == 20)
        #expect(report.ignored == 0)
        #expect(report.bins.count == 10)
        #expect(report.bins.map(\.count) == [1, 2, 0, 2, 1, 2, 2, 2, 3, 5])
        #expect(report.bins.map(\.correct) == [0, 1, 0, 1, 0, 2, 1, 2, 2, 5])
        #expect(report.bins.map(\.lower) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        #expect(report.bins.map(\.upper) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        #expect(report.bins[2].meanConfidence == nil)
        #expect(report.bins[2].accuracy == nil)
        let means = report.bins.map { $0.meanConfidence ?? -1 }
        let expected = [0.05, 0.15, -1, 0.32499999999999996, 0.45, 0.525, 0.65, 0.725, 0.8433333333333333, 0.952]
        for (mean, value) in zip(means, expected) { #expect(abs(mean - value) < 1e-12) }
        #expect(report.bins[8].accuracy == 2.0 / 3.0)
    }

    @Test("ECE and Brier score")
    func eceAndBrier() throws {
        let report = Calibration.compute(Self.samples)
        let ece = try #require(report.expectedCalibrationError)
        let brier = try #require(report.brierScore)
        #expect(abs(ece - 0.20600000000000002) < 1e-12)
        #expect(abs(brier - 0.16251) < 1e-12)
    }

    @Test("Auto-accept: the lowest confidence whose tail reaches precision 0.95")
    func autoAccept() throws {
        // From the top: 1.0 … 0.85 are all correct (7/7); 0.8 is wrong (7/8) and the tail never
        // climbs back to 0.95.
        let threshold = try #require(Calibration.compute(Self.samples).autoAccept)
        #expect(threshold == AutoAcceptThreshold(confidence: 0.85, accepted: 7, correct: 7))
        #expect(threshold.precision == 1)
        // A lower target reaches further down: at 0.68, 10/11 ≥ 0.9; below, 0.62 is wrong (10/12)
        // and the tail stays under 0.9.
        let lower = try #require(Calibration.compute(Self.samples, targetPrecision: 0.9).autoAccept)
        #expect(lower == AutoAcceptThreshold(confidence: 0.68, accepted: 11, correct: 10))
    }

    @Test("Auto-accept: precision exactly at the target qualifies; precision is not monotone")
    func autoAcceptBoundary() throws {
        // 19 correct and 1 wrong at 0.6: 19/20 = 0.95 exactly. Above them, one wrong at 0.9.
        var samples: [(confidence: Double, correct: Bool)] = Array(repeating: (0.6, true), count: 19)
        samples.append((0.6, false))
        samples.append((0.9, false))
        // Tail at 0.9: 0/1; at 0.6: 19/21 < 0.95 → none.
        #expect(Calibration.compute(samples).autoAccept == nil)
        samples.removeLast()
        samples.append((0.9, true))
        // At 0.9: 1/1; at 0.6: 20/21 = 0.952… → 0.6.
        #expect(Calibration.compute(samples).autoAccept == AutoAcceptThreshold(confidence: 0.6, accepted: 21, correct: 20))
        samples.removeLast()
        #expect(Calibration.compute(samples).autoAccept == AutoAcceptThreshold(confidence: 0.6, accepted: 20, correct: 19))
    }

    @Test("Bin edges: a bound belongs to the bin it opens; 1.0 to the last bin")
    func binEdges() {
        let edges: [Double] = [0, 0.09999999, 0.1, 0.3, 0.29999999999999993, 0.7, 0.9, 0.95, 1.0]
        let report = Calibration.compute(edges.map { ($0, true) })
        #expect(report.bins.map(\.count) == [2, 1, 1, 1, 0, 0, 0, 1, 0, 3])
    }

    @Test("Invalid confidences are ignored and counted; no samples gives nil figures")
    func invalidAndEmpty() {
        let report = Calibration.compute([(.nan, true), (1.5, true), (-0.1, false), (.infinity, true), (0.5, true)])
        #expect(report.samples == 1)
        #expect(report.ignored == 4)
        #expect(report.brierScore == 0.25)
        let empty = Calibration.compute([])
        #expect(empty.samples == 0)
        #expect(empty.expectedCalibrationError == nil)
        #expect(empty.brierScore == nil)
        #expect(empty.autoAccept == nil)
        #expect(empty.bins.map(\.count) == Array(repeating: 0, count: 10))
    }

    @Test("Reliability chart: ASCII bars to accuracy, a mark at mean confidence")
    func chart() {
        let report = Calibration.compute([(0.04, false), (0.55, true), (0.55, false), (0.95, true), (0.95, true)])
        // ECE = 1/5·|0 − 0.04| + 2/5·|0.5 − 0.55| + 2/5·|1 − 0.95| = 0.048;
        // Brier = (0.0016 + 0.2025 + 0.3025 + 0.0025 + 0.0025) / 5 = 0.10232.
        let expected = """
            confidence  n   conf    acc  # accuracy, | mean confidence
            [0.0, 0.1)  1  0.040  0.000  [|...................]
            [0.1, 0.2)  0      -      -  [                    ]
            [0.2, 0.3)  0      -      -  [                    ]
            [0.3, 0.4)  0      -      -  [                    ]
            [0.4, 0.5)  0      -      -  [                    ]
            [0.5, 0.6)  2  0.550  0.500  [##########|.........]
            [0.6, 0.7)  0      -      -  [                    ]
            [0.7, 0.8)  0      -      -  [                    ]
            [0.8, 0.9)  0      -      -  [                    ]
            [0.9, 1.0]  2  0.950  1.000  [##################|#]

            5 samples
            ECE    0.048
            Brier  0.102
            auto-accept at confidence >= 0.950: precision 1.000 (2/2), 2 of 5 claims

            """
        let chart = ReportRenderer.reliabilityChart(report)
        #expect(chart == expected)
        let isASCII = chart.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII)
    }

    @Test("JSON: every bin with the same keys, nulls for empty bins, round trip")
    func json() throws {
        let report = Calibration.compute(Self.samples)
        let text = ReportRenderer.json(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["auto_accept", "bins", "brier", "ece", "ignored", "samples", "target_precision"])
        let bins = try #require(object["bins"] as? [[String: Any]])
        #expect(bins.count == 10)
        #expect(bins[2]["mean_confidence"] is NSNull)
        #expect(bins[2]["accuracy"] is NSNull)
        #expect(bins[9]["accuracy"] as? Double == 1)
        #expect(try JSONDecoder().decode(CalibrationReport.self, from: Data(text.utf8)) == report)
    }
}
