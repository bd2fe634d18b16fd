/// Krippendorff's α (nominal) with the agreement figures it is made of.
///
/// α alone hides whether a low value comes from disagreement or from one dominant label
/// (high expected agreement); reporting observed and expected agreement beside it tells which.
public struct KrippendorffAlpha: Sendable, Codable, Equatable {
    /// `1 − D_o / D_e`; nil when expected disagreement is 0 (every pairable value is the same
    /// label), where the `krippendorff` package raises or returns NaN.
    public var alpha: Double?
    /// Share of pairable value pairs within units that agree: `1 − D_o / n`.
    public var observedAgreement: Double
    /// Share of pairs that would agree by chance given the label frequencies: `1 − D_e / n`.
    public var expectedAgreement: Double
    /// Units with at least two values (only these carry information about agreement).
    public var pairableUnits: Int
    /// Values in those units (`n`).
    public var pairableValues: Int

    public init(alpha: Double?, observedAgreement: Double, expectedAgreement: Double, pairableUnits: Int, pairableValues: Int) {
        self.alpha = alpha
        self.observedAgreement = observedAgreement
        self.expectedAgreement = expectedAgreement
        self.pairableUnits = pairableUnits
        self.pairableValues = pairableValues
    }

    enum CodingKeys: String, CodingKey {
        case alpha
        case observedAgreement = "observed_agreement"
        case expectedAgreement = "expected_agreement"
        case pairableUnits = "pairable_units"
        case pairableValues = "pairable_values"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        alpha = try container.decodeIfPresent(Double.self, forKey: .alpha)
        observedAgreement = try container.decode(Double.self, forKey: .observedAgreement)
        expectedAgreement = try container.decode(Double.self, forKey: .expectedAgreement)
        pairableUnits = try container.decode(Int.self, forKey: .pairableUnits)
        pairableValues = try container.decode(Int.self, forKey: .pairableValues)
    }

    /// Writes `"alpha": null` rather than dropping the key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(observedAgreement, forKey: .observedAgreement)
        try container.encode(expectedAgreement, forKey: .expectedAgreement)
        try container.encode(pairableUnits, forKey: .pairableUnits)
        try container.encode(pairableValues, forKey: .pairableValues)
    }
}
