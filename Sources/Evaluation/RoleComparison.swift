import ClaimModel

/// How one role (source, cue or content) of a gold attribution compares with a prediction's.
///
/// One place decides what "the roles match" means, so attribution P/R/F1, field accuracy and
/// the error counts cannot drift apart.
struct RoleComparison: Sendable {
    /// Tokens of the role shared by both sides (0 when either side is absent).
    var sharedTokens: Int
    /// Both absent, or both present and sharing a token or with identical fragments.
    var overlaps: Bool
    /// Both absent, or both present with identical fragments.
    var identical: Bool
    /// Both sides have the role.
    var bothPresent: Bool

    init(_ gold: Fragments?, _ predicted: Fragments?, tokens: TokenIndex) {
        switch (gold, predicted) {
        case (nil, nil):
            self.sharedTokens = 0
            self.overlaps = true
            self.identical = true
            self.bothPresent = false
        case let (gold?, predicted?):
            let shared = tokens.intersectionCount(gold, predicted)
            let identical = gold == predicted
            self.sharedTokens = shared
            self.overlaps = shared > 0 || identical
            self.identical = identical
            self.bothPresent = true
        default:
            self.sharedTokens = 0
            self.overlaps = false
            self.identical = false
            self.bothPresent = false
        }
    }

    /// Whether the role matches under `mode`.
    func matches(_ mode: MatchMode) -> Bool {
        switch mode {
        case .overlap: return overlaps
        case .exact: return identical
        }
    }
}
