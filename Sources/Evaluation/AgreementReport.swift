/// Inter-annotator agreement on one kind of label (verdicts, or source types): Cohen's κ for
/// every pair of annotators and Krippendorff's α over all of them.
///
/// Pairwise κ shows which analyst disagrees with whom; α summarises the whole team and copes
/// with analysts who reviewed different subsets.
public struct AgreementReport: Sendable, Codable, Equatable {
    /// Every annotator who labelled anything, sorted.
    public var coders: [String]
    /// Items labelled by at least two annotators.
    public var sharedItems: Int
    /// One entry per pair of annotators with at least one item in common, ordered by name.
    public var pairs: [CoderPairAgreement]
    /// α over all items; nil when no item has two labels.
    public var krippendorff: KrippendorffAlpha?

    public init(coders: [String], sharedItems: Int, pairs: [CoderPairAgreement], krippendorff: KrippendorffAlpha?) {
        self.coders = coders
        self.sharedItems = sharedItems
        self.pairs = pairs
        self.krippendorff = krippendorff
    }

    enum CodingKeys: String, CodingKey {
        case coders, pairs, krippendorff
        case sharedItems = "shared_items"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        coders = try container.decode([String].self, forKey: .coders)
        sharedItems = try container.decode(Int.self, forKey: .sharedItems)
        pairs = try container.decode([CoderPairAgreement].self, forKey: .pairs)
        krippendorff = try container.decodeIfPresent(KrippendorffAlpha.self, forKey: .krippendorff)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(coders, forKey: .coders)
        try container.encode(sharedItems, forKey: .sharedItems)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(krippendorff, forKey: .krippendorff)
    }
}
