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
    /// By the kind of the cue (a speech verb, a belief, …), as a `CueKindClassifier` tells it from
    /// the cue's text.
    case cueKind = "cue-kind"

    /// The group name used when the attribution has no value for the field (no cue, for
    /// `cueKind`; and every claim when no classifier is given).
    public static let noValue = "(none)"

    /// The group an attribution of `text` belongs to.
    public func key(for attribution: Attribution, in text: ScalarText, cueKinds: (any CueKindClassifier)?) -> String {
        switch self {
        case .sourceType: return attribution.sourceType?.rawValue ?? Self.noValue
        case .outlet: return attribution.outlet ?? Self.noValue
        case .cueKind:
            guard let cue = attribution.cue, let cueKinds else { return Self.noValue }
            return cueKinds.cueKind(ofCue: text.slice(cue, separator: " "))
        }
    }

    public var description: String { rawValue }
}

/// Tells the kind of a cue from its text, for `score --by cue-kind` (the rules extractor's lexicon
/// does, through the workbench; Evaluation itself knows no words).
public protocol CueKindClassifier: Sendable {
    func cueKind(ofCue text: String) -> String
}
