/// The lowest extractor confidence from which claims could be accepted without review while
/// keeping the accepted ones at the target precision.
///
/// This is the figure an analyst team needs to decide how much review the extractor saves.
public struct AutoAcceptThreshold: Sendable, Codable, Equatable {
    /// Accept claims with confidence `>=` this value (one of the samples' confidences).
    public var confidence: Double
    /// Samples at or above `confidence`.
    public var accepted: Int
    /// Of those, how many were correct.
    public var correct: Int

    public init(confidence: Double, accepted: Int, correct: Int) {
        self.confidence = confidence
        self.accepted = accepted
        self.correct = correct
    }

    /// `correct / accepted`: at least the target precision by construction.
    public var precision: Double { accepted == 0 ? 0 : Double(correct) / Double(accepted) }

    enum CodingKeys: String, CodingKey { case confidence, accepted, correct, precision }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        confidence = try container.decode(Double.self, forKey: .confidence)
        accepted = try container.decode(Int.self, forKey: .accepted)
        correct = try container.decode(Int.self, forKey: .correct)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(accepted, forKey: .accepted)
        try container.encode(correct, forKey: .correct)
        try container.encode(precision, forKey: .precision)
    }
}
