/// How a predicted span must agree with a gold span to count as the same.
///
/// `overlap` forgives boundary disagreements (annotators rarely agree on whether "said" or a
/// trailing clause belongs to a span); `exact` is the strict figure papers usually report.
public enum MatchMode: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// Spans match when they share at least one token.
    case overlap
    /// Spans match when their fragments are identical.
    case exact

    public var description: String { rawValue }
}
