import ClaimModel

/// `RoleScores` for each of the three roles.
///
/// A struct with one property per role rather than a `[Role: RoleScores]` dictionary so that the
/// JSON has fixed, readable keys (`"source"`, `"cue"`, `"content"`) and no role can be missing.
public struct RoleScoreSet: Sendable, Codable, Equatable {
    public var source: RoleScores
    public var cue: RoleScores
    public var content: RoleScores

    public init(source: RoleScores = RoleScores(), cue: RoleScores = RoleScores(), content: RoleScores = RoleScores()) {
        self.source = source
        self.cue = cue
        self.content = content
    }

    public subscript(role: Role) -> RoleScores {
        get {
            switch role {
            case .source: return source
            case .cue: return cue
            case .content: return content
            }
        }
        set {
            switch role {
            case .source: source = newValue
            case .cue: cue = newValue
            case .content: content = newValue
            }
        }
    }
}
