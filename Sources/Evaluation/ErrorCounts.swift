/// How many errors of each kind a run makes (see `ErrorKind` for the definitions).
///
/// The kinds are not exclusive among matched pairs: one pair can have both a wrong source and a
/// wrong cue; and in `exact` mode a boundary-only pair also counts as a wrong source or cue when
/// that role's boundaries differ. `missed` and `spurious` exclude each other and the rest.
public struct ErrorCounts: Sendable, Codable, Equatable {
    /// Gold attributions left unmatched.
    public var missed: Int
    /// Predictions left unmatched.
    public var spurious: Int
    /// Matched pairs whose sources do not match.
    public var wrongSource: Int
    /// Matched pairs whose cues do not match.
    public var wrongCue: Int
    /// Matched pairs whose roles all overlap but are not all identical.
    public var boundaryOnly: Int

    public init(missed: Int = 0, spurious: Int = 0, wrongSource: Int = 0, wrongCue: Int = 0, boundaryOnly: Int = 0) {
        self.missed = missed
        self.spurious = spurious
        self.wrongSource = wrongSource
        self.wrongCue = wrongCue
        self.boundaryOnly = boundaryOnly
    }

    public subscript(kind: ErrorKind) -> Int {
        switch kind {
        case .missed: return missed
        case .spurious: return spurious
        case .wrongSource: return wrongSource
        case .wrongCue: return wrongCue
        case .boundaryOnly: return boundaryOnly
        }
    }

    enum CodingKeys: String, CodingKey {
        case missed, spurious
        case wrongSource = "wrong_source"
        case wrongCue = "wrong_cue"
        case boundaryOnly = "boundary_only"
    }
}
