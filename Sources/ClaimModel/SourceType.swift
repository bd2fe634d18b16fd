/// What kind of source an attribution names (docs/FORMAT.md `source_type`).
public enum SourceType: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case namedPerson = "named_person"
    case namedOrganization = "named_organization"
    case anonymous
    case document
    case newsOutlet = "news_outlet"
    /// No explicit source: "is believed to", "it was revealed that".
    case implicit
    case other

    public var description: String { rawValue }
}

/// An analyst's verdict on one claim (docs/FORMAT.md `review.status`).
public enum ReviewStatus: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The extractor's claim is right as it stands.
    case confirmed
    /// The claim is real but one or more fields were corrected.
    case corrected
    /// Not an attribution: the extractor's false positive.
    case rejected
    /// A claim the extractor missed, added by the analyst.
    case added

    public var description: String { rawValue }
    /// Counts as a real attribution in gold.
    public var isGold: Bool { self != .rejected }
}

/// How sure the analyst is of their own verdict.
public enum AnalystConfidence: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case high, medium, low
    public var description: String { rawValue }
}
