/// The kinds of extractor error that a score report counts and can list one by one.
public enum ErrorKind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A gold attribution that no prediction content-matched.
    case missed
    /// A prediction that content-matched no gold attribution.
    case spurious
    /// A content-matched pair whose sources do not match in the scorer's mode.
    case wrongSource = "wrong_source"
    /// A content-matched pair whose cues do not match in the scorer's mode.
    case wrongCue = "wrong_cue"
    /// A content-matched pair whose three roles all match by token overlap (or are absent on
    /// both sides) while at least one role's fragments differ: right claim, wrong boundaries.
    case boundaryOnly = "boundary_only"

    public var description: String { rawValue }
}
