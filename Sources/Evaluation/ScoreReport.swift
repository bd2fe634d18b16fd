/// Everything `claimdesk score` reports about a run against gold, micro-averaged over documents.
///
/// Every figure keeps its counts (see `PRF`, `Accuracy`) so that reports can be checked by hand
/// and compared across runs; `details` keeps the pairing itself so that errors can be listed.
public struct ScoreReport: Sendable, Codable, Equatable {
    /// The match mode the report was computed with.
    public var match: MatchMode
    /// Number of documents scored.
    public var documents: Int
    /// TP = content-matched pairs; predicted = all predictions; gold = all gold attributions.
    public var claim: PRF
    /// TP = content-matched pairs whose source and cue also match (in the mode; a role absent on
    /// both sides matches, absent on one side does not); denominators as for `claim`.
    public var attribution: PRF
    /// Token-overlap and exact-span scores per role.
    public var roles: RoleScoreSet
    /// Field accuracy among content-matched pairs.
    public var fieldAccuracy: FieldAccuracy
    /// Error counts.
    public var errors: ErrorCounts
    /// Per-document pairing, in input order; empty in group sub-reports and in JSON unless asked.
    public var details: [DocumentDetail]
    /// What `groups` is split by, when it is.
    public var grouping: ScoreGrouping?
    /// The same figures per group (see `ScoreGrouping`), keyed by group name; sub-reports have
    /// no details and no groups.
    public var groups: [String: ScoreReport]

    public init(
        match: MatchMode, documents: Int = 0, claim: PRF = PRF(), attribution: PRF = PRF(),
        roles: RoleScoreSet = RoleScoreSet(), fieldAccuracy: FieldAccuracy = FieldAccuracy(),
        errors: ErrorCounts = ErrorCounts(), details: [DocumentDetail] = [],
        grouping: ScoreGrouping? = nil, groups: [String: ScoreReport] = [:]
    ) {
        self.match = match
        self.documents = documents
        self.claim = claim
        self.attribution = attribution
        self.roles = roles
        self.fieldAccuracy = fieldAccuracy
        self.errors = errors
        self.details = details
        self.grouping = grouping
        self.groups = groups
    }

    /// Every error of `kind`, in document order, so a developer can walk through them.
    public func instances(of kind: ErrorKind) -> [ErrorInstance] {
        details.flatMap { $0.instances(of: kind) }
    }

    enum CodingKeys: String, CodingKey {
        case match, documents, claim, attribution, roles, errors, details, grouping, groups
        case fieldAccuracy = "field_accuracy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        match = try container.decode(MatchMode.self, forKey: .match)
        documents = try container.decode(Int.self, forKey: .documents)
        claim = try container.decode(PRF.self, forKey: .claim)
        attribution = try container.decode(PRF.self, forKey: .attribution)
        roles = try container.decode(RoleScoreSet.self, forKey: .roles)
        fieldAccuracy = try container.decode(FieldAccuracy.self, forKey: .fieldAccuracy)
        errors = try container.decode(ErrorCounts.self, forKey: .errors)
        details = try container.decodeIfPresent([DocumentDetail].self, forKey: .details) ?? []
        grouping = try container.decodeIfPresent(ScoreGrouping.self, forKey: .grouping)
        groups = try container.decodeIfPresent([String: ScoreReport].self, forKey: .groups) ?? [:]
    }

    /// Leaves out empty `details`, `grouping` and `groups`, so the usual JSON is just the figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(match, forKey: .match)
        try container.encode(documents, forKey: .documents)
        try container.encode(claim, forKey: .claim)
        try container.encode(attribution, forKey: .attribution)
        try container.encode(roles, forKey: .roles)
        try container.encode(fieldAccuracy, forKey: .fieldAccuracy)
        try container.encode(errors, forKey: .errors)
        if !details.isEmpty { try container.encode(details, forKey: .details) }
        try container.encodeIfPresent(grouping, forKey: .grouping)
        if !groups.isEmpty { try container.encode(groups, forKey: .groups) }
    }
}
