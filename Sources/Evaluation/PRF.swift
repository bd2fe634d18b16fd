/// Precision, recall and F1 kept as the counts they come from.
///
/// Counts, not ratios, are stored so that reports can be summed (micro-averaging) and every
/// figure can be shown with its counts ("P 0.712 (312/438)"), which is what makes a score
/// checkable by hand. Ratios with a zero denominator are 0, never NaN, so JSON stays valid.
public struct PRF: Sendable, Codable, Equatable, CustomStringConvertible {
    public var truePositives: Int
    /// How many were predicted (the precision denominator).
    public var predicted: Int
    /// How many are in gold (the recall denominator).
    public var gold: Int

    public init(truePositives: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.truePositives = truePositives
        self.predicted = predicted
        self.gold = gold
    }

    /// `truePositives / predicted`, 0 when nothing was predicted.
    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    /// `truePositives / gold`, 0 when gold is empty.
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    /// Harmonic mean of precision and recall, computed as `2·TP / (predicted + gold)` (the same
    /// value without the rounding of two divisions); 0 when both are empty.
    public var f1: Double {
        predicted + gold == 0 ? 0 : Double(2 * truePositives) / Double(predicted + gold)
    }

    /// Micro-averaging: counts add up.
    public static func + (lhs: PRF, rhs: PRF) -> PRF {
        PRF(
            truePositives: lhs.truePositives + rhs.truePositives,
            predicted: lhs.predicted + rhs.predicted, gold: lhs.gold + rhs.gold)
    }

    public var description: String {
        "P \(truePositives)/\(predicted) R \(truePositives)/\(gold)"
    }

    enum CodingKeys: String, CodingKey {
        case truePositives = "true_positives"
        case predicted, gold, precision, recall, f1
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        predicted = try container.decode(Int.self, forKey: .predicted)
        gold = try container.decode(Int.self, forKey: .gold)
    }

    /// Writes the ratios next to the counts so that JSON readers need not recompute them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(predicted, forKey: .predicted)
        try container.encode(gold, forKey: .gold)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
    }
}
