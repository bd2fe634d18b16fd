/// How often a content-matched prediction gets each field of its gold claim right.
///
/// Only content-matched pairs count: a field of a claim that was missed or invented has nothing
/// to be compared with, and those cases are already counted as missed or spurious. `total` is the
/// number of matched pairs, except for `sourceType` and `anonymous`, which count only pairs whose
/// gold carries at least one of the two (gold annotated without them, as PolNeAR is, says nothing).
public struct FieldAccuracy: Sendable, Codable, Equatable {
    /// Source span matches in the scorer's mode (token intersection or identical fragments;
    /// absent on both sides matches, absent on one side does not).
    public var source: Accuracy
    /// Cue span matches, as for `source`.
    public var cue: Accuracy
    /// Outlets equal ignoring case; nil equals nil only.
    public var outlet: Accuracy
    /// Source types equal; nil equals nil only.
    public var sourceType: Accuracy
    /// Anonymity flags equal; nil equals nil only.
    public var anonymous: Accuracy

    public init(
        source: Accuracy = Accuracy(), cue: Accuracy = Accuracy(), outlet: Accuracy = Accuracy(),
        sourceType: Accuracy = Accuracy(), anonymous: Accuracy = Accuracy()
    ) {
        self.source = source
        self.cue = cue
        self.outlet = outlet
        self.sourceType = sourceType
        self.anonymous = anonymous
    }

    enum CodingKeys: String, CodingKey {
        case source, cue, outlet, anonymous
        case sourceType = "source_type"
    }
}
