import ClaimStore
import Evaluation

/// What the review queue takes from a calibration of the run's confidences against the analysts'
/// gold (the one `score` computes): the auto-accept threshold, and per confidence bin how often the
/// extractor was right — enough to say what precision a bulk acceptance can expect.
public struct QueueCalibration: Sendable, Equatable {
    /// The lowest confidence from which precision reached the target (0.95); nil when none did.
    public var threshold: Double?
    /// The precision of the claims at or above `threshold`.
    public var thresholdPrecision: Double?
    /// Claims the calibration was measured on.
    public var samples: Int
    /// Per bin [k/10, (k+1)/10): claims and correct ones (`Calibration.bin(of:)` decides the bin).
    public var bins: [(count: Int, correct: Int)]

    public init(threshold: Double?, thresholdPrecision: Double?, samples: Int, bins: [(count: Int, correct: Int)]) {
        self.threshold = threshold
        self.thresholdPrecision = thresholdPrecision
        self.samples = samples
        self.bins = bins
    }

    public init(_ report: CalibrationReport) {
        self.init(threshold: report.autoAccept?.confidence, thresholdPrecision: report.autoAccept?.precision,
                  samples: report.samples, bins: report.bins.map { ($0.count, $0.correct) })
    }

    /// The precision to expect from accepting claims of these confidences: the mean, over the
    /// claims, of the accuracy the calibration measured in each one's bin (the claim's own
    /// confidence where its bin had no sample). nil for no claims or no samples at all.
    public func expectedPrecision(_ confidences: [Double]) -> Double? {
        guard !confidences.isEmpty, samples > 0 else { return nil }
        var sum = 0.0
        for c in confidences {
            let bin = Calibration.bin(of: c)
            let measured: (count: Int, correct: Int) = bins.indices.contains(bin) ? bins[bin] : (0, 0)
            sum += measured.count > 0 ? Double(measured.correct) / Double(measured.count) : c
        }
        return sum / Double(confidences.count)
    }

    public static func == (a: QueueCalibration, b: QueueCalibration) -> Bool {
        a.threshold == b.threshold && a.thresholdPrecision == b.thresholdPrecision && a.samples == b.samples
            && a.bins.map(\.count) == b.bins.map(\.count) && a.bins.map(\.correct) == b.bins.map(\.correct)
    }
}

extension ReviewDesk {
    /// The run's calibration against the analysts' gold as `score` computes it now; nil when
    /// there is nothing to calibrate against (`gap` says why, for the screens). A full score:
    /// sessions call it once and keep the answer.
    public func calibration(run: Run) throws(WorkbenchError) -> (calibration: QueueCalibration?, gap: String) {
        let none = "no document is marked done"
        do {
            let scored = try workspace.scoreRun(run: run, against: "annotations", match: .overlap)
            return (scored.calibration.samples == 0 ? nil : QueueCalibration(scored.calibration), none)
        } catch {
            switch error {
            case .nothingToScore, .noDoneDocuments: return (nil, none)
            // The model's own training documents would flatter its confidences.
            case .onlyTrainedGold: return (nil, "every document marked done is one its model learned from")
            default: throw error
            }
        }
    }

    /// The run's claims in queue order with their confidences (for `order`).
    public func queuedClaims(runID: Int64) throws(WorkbenchError) -> [QueuedClaim] {
        try db(store.queuedClaims(runID: runID))
    }

    /// The run's claims at or above `threshold` meeting the stored conditions (for `accept-above --filter`).
    public func queuedClaims(runID: Int64, atOrAbove threshold: Double,
                             where conditions: [Condition]) throws(WorkbenchError) -> [QueuedClaim] {
        try db(store.queuedClaims(runID: runID, atOrAbove: threshold, where: conditions))
    }
}

extension ReviewDesk {
    /// A run's claim as the queue's order and `accept-above` see it (row ids and confidence).
    public typealias Queued = QueuedClaim
}
