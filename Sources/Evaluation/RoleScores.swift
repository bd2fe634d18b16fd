/// The two span scores of one role (source, cue or content).
///
/// Token overlap gives partial credit for boundary disagreements; exact span shows how often the
/// boundaries are right. Reporting both tells boundary errors from real misses.
public struct RoleScores: Sendable, Codable, Equatable {
    /// TP = tokens of the role shared by gold and prediction, summed over content-matched pairs;
    /// predicted = tokens of the role over all predictions; gold = over all gold attributions.
    public var tokenOverlap: PRF
    /// TP = content-matched pairs whose role fragments are identical (both present);
    /// predicted = predictions with the role present; gold = gold attributions with it present.
    public var exact: PRF

    public init(tokenOverlap: PRF = PRF(), exact: PRF = PRF()) {
        self.tokenOverlap = tokenOverlap
        self.exact = exact
    }

    enum CodingKeys: String, CodingKey {
        case tokenOverlap = "token_overlap"
        case exact
    }
}
