/// How well the extractor's confidence predicts the analysts' verdicts (docs/ARCHITECTURE.md "Scoring definitions").
///
/// A well-calibrated extractor that says 0.8 is right 80% of the time; then its confidence can
/// be used to order the review queue and to auto-accept claims.
public struct CalibrationReport: Sendable, Codable, Equatable {
    /// Samples used (finite confidence in [0, 1]).
    public var samples: Int
    /// Samples left out because their confidence was NaN, infinite or outside [0, 1].
    public var ignored: Int
    /// The ten equal-width bins [0, 0.1), …, [0.9, 1.0], in order.
    public var bins: [CalibrationBin]
    /// Expected calibration error, `Σ_b n_b / N · |accuracy_b − meanConfidence_b|` over non-empty
    /// bins; nil without samples.
    public var expectedCalibrationError: Double?
    /// Brier score, the mean of `(confidence − y)²` with y = 1 for correct, 0 otherwise; nil
    /// without samples.
    public var brierScore: Double?
    /// The precision the auto-accept threshold must reach.
    public var targetPrecision: Double
    /// The smallest sample confidence t such that samples with confidence ≥ t reach
    /// `targetPrecision`; nil when no t does.
    public var autoAccept: AutoAcceptThreshold?

    public init(
        samples: Int, ignored: Int, bins: [CalibrationBin], expectedCalibrationError: Double?,
        brierScore: Double?, targetPrecision: Double, autoAccept: AutoAcceptThreshold?
    ) {
        self.samples = samples
        self.ignored = ignored
        self.bins = bins
        self.expectedCalibrationError = expectedCalibrationError
        self.brierScore = brierScore
        self.targetPrecision = targetPrecision
        self.autoAccept = autoAccept
    }

    enum CodingKeys: String, CodingKey {
        case samples, ignored, bins
        case expectedCalibrationError = "ece"
        case brierScore = "brier"
        case targetPrecision = "target_precision"
        case autoAccept = "auto_accept"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        samples = try container.decode(Int.self, forKey: .samples)
        ignored = try container.decode(Int.self, forKey: .ignored)
        bins = try container.decode([CalibrationBin].self, forKey: .bins)
        expectedCalibrationError = try container.decodeIfPresent(Double.self, forKey: .expectedCalibrationError)
        brierScore = try container.decodeIfPresent(Double.self, forKey: .brierScore)
        targetPrecision = try container.decode(Double.self, forKey: .targetPrecision)
        autoAccept = try container.decodeIfPresent(AutoAcceptThreshold.self, forKey: .autoAccept)
    }

    /// Writes `null` for absent figures rather than leaving keys out, so readers see every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(samples, forKey: .samples)
        try container.encode(ignored, forKey: .ignored)
        try container.encode(bins, forKey: .bins)
        try container.encode(expectedCalibrationError, forKey: .expectedCalibrationError)
        try container.encode(brierScore, forKey: .brierScore)
        try container.encode(targetPrecision, forKey: .targetPrecision)
        try container.encode(autoAccept, forKey: .autoAccept)
    }
}
