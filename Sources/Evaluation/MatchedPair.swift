/// A gold attribution and the prediction content-matched to it, with what agrees between them.
///
/// Indexes point into the document's `gold` and `predicted` arrays as given to the scorer, so a
/// developer can go from a figure in the report to the very claims behind it.
public struct MatchedPair: Sendable, Codable, Equatable {
    /// Index into the document's gold attributions.
    public var gold: Int
    /// Index into the document's predictions.
    public var predicted: Int
    /// Jaccard similarity of the two content token sets (1 when both sets are empty and the
    /// fragments identical); the pairing takes pairs in descending order of it.
    public var contentJaccard: Double
    /// The sources match in the scorer's mode (absent on both sides matches).
    public var sourceMatches: Bool
    /// The cues match in the scorer's mode (absent on both sides matches).
    public var cueMatches: Bool
    /// All three roles overlap (or are absent on both sides) but are not all identical.
    public var boundaryOnly: Bool

    public init(
        gold: Int, predicted: Int, contentJaccard: Double, sourceMatches: Bool, cueMatches: Bool,
        boundaryOnly: Bool
    ) {
        self.gold = gold
        self.predicted = predicted
        self.contentJaccard = contentJaccard
        self.sourceMatches = sourceMatches
        self.cueMatches = cueMatches
        self.boundaryOnly = boundaryOnly
    }

    /// Source, cue and content all match: an attribution-level true positive. (Content always
    /// matches within a pair, since that is what made the pair.)
    public var attributionMatches: Bool { sourceMatches && cueMatches }

    /// The error kinds this pair counts towards; empty for a fully correct attribution.
    public var errors: [ErrorKind] {
        var kinds: [ErrorKind] = []
        if !sourceMatches { kinds.append(.wrongSource) }
        if !cueMatches { kinds.append(.wrongCue) }
        if boundaryOnly { kinds.append(.boundaryOnly) }
        return kinds
    }

    enum CodingKeys: String, CodingKey {
        case gold, predicted
        case contentJaccard = "content_jaccard"
        case sourceMatches = "source_matches"
        case cueMatches = "cue_matches"
        case boundaryOnly = "boundary_only"
    }
}
