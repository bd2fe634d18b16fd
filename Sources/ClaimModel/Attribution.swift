/// One claim and who it is attributed to (docs/FORMAT.md's attribution object).
///
/// Roles are optional: `source == nil` is a sourceless hedge ("is believed to").
public struct Attribution: Sendable, Equatable {
    /// Unique within the document when present.
    public var id: String?
    public var source: Fragments?
    public var cue: Fragments?
    public var content: Fragments?
    /// The channel the source spoke to or through ("told Newsweek" → "Newsweek").
    public var outlet: String?
    public var sourceType: SourceType?
    public var anonymous: Bool?
    /// Same value = same real-world source within one document.
    public var sourceEntity: String?
    /// Gold only: the cross-document cluster of the same claim this one belongs to (any label;
    /// equal labels = the same claim in several documents). Provenance scoring reads it.
    public var cluster: String?
    /// Extractor confidence in [0, 1].
    public var confidence: Double?
    public var review: Review?
    /// Gold only: the other annotators' own reviews of this claim where they differ from `review`
    /// (an adjudicated claim: every reviewer's), so that an import restores each annotator's view.
    public var otherReviews: [Review]

    public init(
        id: String? = nil, source: Fragments? = nil, cue: Fragments? = nil, content: Fragments? = nil,
        outlet: String? = nil, sourceType: SourceType? = nil, anonymous: Bool? = nil,
        sourceEntity: String? = nil, confidence: Double? = nil, review: Review? = nil, otherReviews: [Review] = [],
        cluster: String? = nil
    ) {
        self.cluster = cluster
        self.otherReviews = otherReviews
        self.id = id
        self.source = source
        self.cue = cue
        self.content = content
        self.outlet = outlet
        self.sourceType = sourceType
        self.anonymous = anonymous
        self.sourceEntity = sourceEntity
        self.confidence = confidence
        self.review = review
    }

    public subscript(role: Role) -> Fragments? {
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

/// The three spans of an attribution.
public enum Role: String, CaseIterable, Sendable, CustomStringConvertible {
    case source, cue, content
    public var description: String { rawValue }
}

/// An analyst's review of one attribution, as gold exports write it.
public struct Review: Sendable, Equatable {
    public var status: ReviewStatus
    public var annotator: String?
    public var confidence: AnalystConfidence?
    public var tags: [String]
    public var note: String?
    /// ISO 8601, UTC.
    public var at: String?
    /// Written by an adjudicator settling what the annotators disagreed on: it decides the claim.
    public var adjudication: Bool
    /// In `Attribution.otherReviews` only: this annotator's values of the correctable fields
    /// (`source`, `cue`, `content` as fragment lists, `outlet`, `type`, `anon`, `entity`) where
    /// they differ from the attribution's; nil when they equal it.
    public var changes: JSONValue?
    /// The verdict was given by `accept-above` to many claims at once (none read one by one), so a
    /// user of the gold can leave such claims out or weigh them.
    public var bulk: Bool

    public init(
        status: ReviewStatus, annotator: String? = nil, confidence: AnalystConfidence? = nil,
        tags: [String] = [], note: String? = nil, at: String? = nil, adjudication: Bool = false, changes: JSONValue? = nil,
        bulk: Bool = false
    ) {
        self.status = status
        self.bulk = bulk
        self.adjudication = adjudication
        self.changes = changes
        self.annotator = annotator
        self.confidence = confidence
        self.tags = tags
        self.note = note
        self.at = at
    }
}
