import ClaimModel

/// What `score --by` splits a report by.
///
/// A claim belongs to the group of its GOLD attribution (the truth decides, so a prediction that
/// got the source type wrong still counts where the claim really belongs); a spurious prediction,
/// having no gold, belongs to the group of its own value.
public enum ScoreGrouping: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// By `source_type`.
    case sourceType = "source-type"
    /// By `outlet`, as written (not case-folded).
    case outlet

    /// The group name used when the attribution has no value for the field.
    public static let noValue = "(none)"

    /// The group an attribution belongs to.
    public func key(for attribution: Attribution) -> String {
        switch self {
        case .sourceType: return attribution.sourceType?.rawValue ?? Self.noValue
        case .outlet: return attribution.outlet ?? Self.noValue
        }
    }

    public var description: String { rawValue }
}
