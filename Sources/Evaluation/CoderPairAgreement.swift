/// Agreement between two annotators on the items both labelled.
public struct CoderPairAgreement: Sendable, Codable, Equatable {
    /// The first annotator (the pair is ordered by name).
    public var coderA: String
    public var coderB: String
    /// Items both annotators labelled.
    public var items: Int
    /// Share of those items with the same label.
    public var observedAgreement: Double
    /// Cohen's κ on those items; nil when undefined (both used one and the same label throughout).
    public var kappa: Double?

    public init(coderA: String, coderB: String, items: Int, observedAgreement: Double, kappa: Double?) {
        self.coderA = coderA
        self.coderB = coderB
        self.items = items
        self.observedAgreement = observedAgreement
        self.kappa = kappa
    }

    enum CodingKeys: String, CodingKey {
        case coderA = "coder_a"
        case coderB = "coder_b"
        case items, kappa
        case observedAgreement = "observed_agreement"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        coderA = try container.decode(String.self, forKey: .coderA)
        coderB = try container.decode(String.self, forKey: .coderB)
        items = try container.decode(Int.self, forKey: .items)
        observedAgreement = try container.decode(Double.self, forKey: .observedAgreement)
        kappa = try container.decodeIfPresent(Double.self, forKey: .kappa)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(coderA, forKey: .coderA)
        try container.encode(coderB, forKey: .coderB)
        try container.encode(items, forKey: .items)
        try container.encode(observedAgreement, forKey: .observedAgreement)
        try container.encode(kappa, forKey: .kappa)
    }
}
