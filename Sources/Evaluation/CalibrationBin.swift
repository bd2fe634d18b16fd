/// One confidence bin of a reliability table: how sure the extractor said it was, and how often
/// it was right.
public struct CalibrationBin: Sendable, Codable, Equatable {
    /// Inclusive lower bound.
    public var lower: Double
    /// Exclusive upper bound, except the last bin, which includes 1.0.
    public var upper: Double
    /// Samples whose confidence falls in the bin.
    public var count: Int
    /// Of those, how many were correct (confirmed or corrected).
    public var correct: Int
    /// Mean confidence of the samples; nil for an empty bin (there is nothing to average).
    public var meanConfidence: Double?

    public init(lower: Double, upper: Double, count: Int = 0, correct: Int = 0, meanConfidence: Double? = nil) {
        self.lower = lower
        self.upper = upper
        self.count = count
        self.correct = correct
        self.meanConfidence = meanConfidence
    }

    /// `correct / count`; nil for an empty bin.
    public var accuracy: Double? { count == 0 ? nil : Double(correct) / Double(count) }

    enum CodingKeys: String, CodingKey {
        case lower, upper, count, correct, accuracy
        case meanConfidence = "mean_confidence"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lower = try container.decode(Double.self, forKey: .lower)
        upper = try container.decode(Double.self, forKey: .upper)
        count = try container.decode(Int.self, forKey: .count)
        correct = try container.decode(Int.self, forKey: .correct)
        meanConfidence = try container.decodeIfPresent(Double.self, forKey: .meanConfidence)
    }

    /// Writes `accuracy` too, and `null` for the means of empty bins, so every bin has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(count, forKey: .count)
        try container.encode(correct, forKey: .correct)
        try container.encode(meanConfidence, forKey: .meanConfidence)
        try container.encode(accuracy, forKey: .accuracy)
    }
}
