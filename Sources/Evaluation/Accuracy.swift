/// A proportion kept as its counts (`correct` of `total`), so that it can be summed and shown
/// as "0.875 (273/312)".
public struct Accuracy: Sendable, Codable, Equatable, CustomStringConvertible {
    public var correct: Int
    public var total: Int

    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// `correct / total`, 0 when `total` is 0 (never NaN, so JSON stays valid).
    public var ratio: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    public static func + (lhs: Accuracy, rhs: Accuracy) -> Accuracy {
        Accuracy(correct: lhs.correct + rhs.correct, total: lhs.total + rhs.total)
    }

    public var description: String { "\(correct)/\(total)" }

    enum CodingKeys: String, CodingKey { case correct, total, ratio }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        correct = try container.decode(Int.self, forKey: .correct)
        total = try container.decode(Int.self, forKey: .total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(correct, forKey: .correct)
        try container.encode(total, forKey: .total)
        try container.encode(ratio, forKey: .ratio)
    }
}
