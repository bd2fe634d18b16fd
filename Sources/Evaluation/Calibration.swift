/// Calibration of extractor confidence against analysts' verdicts (rejected = incorrect,
/// confirmed or corrected = correct).
///
/// A namespace rather than a type with state: samples in, report out.
public enum Calibration {
    /// Ten equal-width bins, the usual reliability-diagram resolution.
    public static let binCount = 10

    /// The reliability table, ECE, Brier score and auto-accept threshold of `samples`.
    ///
    /// A sample belongs to bin k when `k/10 <= confidence < (k+1)/10` (bounds as Doubles, so
    /// 0.3 falls in [0.3, 0.4)); 1.0 belongs to the last bin. Samples with a non-finite confidence
    /// or one outside [0, 1] are left out and counted in `ignored`.
    public static func compute(
        _ samples: [(confidence: Double, correct: Bool)], targetPrecision: Double = 0.95
    ) -> CalibrationReport {
        var counts = [Int](repeating: 0, count: binCount)
        var corrects = [Int](repeating: 0, count: binCount)
        var sums = [Double](repeating: 0, count: binCount)
        var used: [(confidence: Double, correct: Bool)] = []
        used.reserveCapacity(samples.count)
        var squaredErrors = 0.0
        for sample in samples {
            let confidence = sample.confidence
            guard confidence.isFinite, confidence >= 0, confidence <= 1 else { continue }
            let bin = Self.bin(of: confidence)
            counts[bin] += 1
            sums[bin] += confidence
            if sample.correct { corrects[bin] += 1 }
            let error = confidence - (sample.correct ? 1 : 0)
            squaredErrors += error * error
            used.append(sample)
        }

        let total = used.count
        var bins: [CalibrationBin] = []
        var calibrationError = 0.0
        for index in 0..<binCount {
            let lower = Double(index) / Double(binCount)
            let upper = Double(index + 1) / Double(binCount)
            var bin = CalibrationBin(lower: lower, upper: upper, count: counts[index], correct: corrects[index])
            if counts[index] > 0 {
                let mean = sums[index] / Double(counts[index])
                bin.meanConfidence = mean
                let accuracy = Double(corrects[index]) / Double(counts[index])
                calibrationError += Double(counts[index]) / Double(total) * abs(accuracy - mean)
            }
            bins.append(bin)
        }
        return CalibrationReport(
            samples: total, ignored: samples.count - total, bins: bins,
            expectedCalibrationError: total == 0 ? nil : calibrationError,
            brierScore: total == 0 ? nil : squaredErrors / Double(total),
            targetPrecision: targetPrecision,
            autoAccept: autoAcceptThreshold(used, targetPrecision: targetPrecision))
    }

    /// The bin index of a confidence in [0, 1], compared with the bounds `k/10` as Doubles (the
    /// review queue's expected precision bins claims by this too).
    public static func bin(of confidence: Double) -> Int {
        var bin = 0
        while bin < binCount - 1 && confidence >= Double(bin + 1) / Double(binCount) { bin += 1 }
        return bin
    }

    /// The smallest sample confidence t with precision(confidence ≥ t) ≥ target.
    ///
    /// Precision is not monotone in t, so every distinct confidence is tried, from the highest
    /// down, and the lowest one that qualifies wins.
    static func autoAcceptThreshold(
        _ samples: [(confidence: Double, correct: Bool)], targetPrecision: Double
    ) -> AutoAcceptThreshold? {
        let sorted = samples.sorted { $0.confidence > $1.confidence }
        var best: AutoAcceptThreshold?
        var accepted = 0
        var correct = 0
        var index = 0
        while index < sorted.count {
            let confidence = sorted[index].confidence
            while index < sorted.count && sorted[index].confidence == confidence {
                accepted += 1
                if sorted[index].correct { correct += 1 }
                index += 1
            }
            if Double(correct) / Double(accepted) >= targetPrecision {
                best = AutoAcceptThreshold(confidence: confidence, accepted: accepted, correct: correct)
            }
        }
        return best
    }
}
