import ClaimModel

/// One entry of the review log as the program means it: who, on which document and claim, which
/// action, and what travels with it (a note, a confidence, tags given with an imported review; the
/// adjudication and import marks).
public struct ReviewEntry: Sendable, Equatable {
    public var annotator: String
    public var runID: Int64?
    public var documentRowID: Int64
    public var attributionID: Int64?
    public var action: ReviewAction
    /// A note given with an action other than `note` and `reject` (whose payloads hold their text).
    public var note: String?
    /// A confidence given with an action other than `confidence` (an imported review's).
    public var confidence: AnalystConfidence?
    /// Tags given with an action other than `tag`/`untag` (an imported review's).
    public var tags: [String]?
    /// Written by `adjudicate`: it decides the claim for the gold.
    public var adjudication: Adjudication?
    /// Written by `import-gold`: the review as the file gave it.
    public var imported: ImportedReview?
    /// Written by `accept-above`: a verdict given to many claims at once, not read one by one.
    public var bulk: BulkAcceptance?
    /// Written by the review REPLs right after a correction of this field, in the same transaction,
    /// because of it: the entity re-read from a moved source (`follows: "source"`). The analyst did
    /// not type it, and `undo` takes it back with the correction it follows (`UndoHistory`).
    public var follows: String?

    public init(annotator: String, runID: Int64?, documentRowID: Int64, attributionID: Int64?, action: ReviewAction,
                note: String? = nil, confidence: AnalystConfidence? = nil, tags: [String]? = nil,
                adjudication: Adjudication? = nil, imported: ImportedReview? = nil, bulk: BulkAcceptance? = nil,
                follows: String? = nil) {
        self.annotator = annotator
        self.runID = runID
        self.documentRowID = documentRowID
        self.attributionID = attributionID
        self.action = action
        self.note = note
        self.confidence = confidence
        self.tags = tags
        self.adjudication = adjudication
        self.imported = imported
        self.bulk = bulk
        self.follows = follows
    }
}

/// The mark of a verdict given by `accept-above`: the gold must say which claims nobody read one
/// by one, and `undo` must take the whole action back as one step.
public struct BulkAcceptance: Sendable, Equatable {
    /// The extractor confidence the analyst accepted at or above; nil when not known (a review
    /// imported from a file, which says only that it was bulk).
    public var threshold: Double?
    /// How many entries the action wrote together (one transaction): the entries of one undo step.
    public var count: Int

    public init(threshold: Double?, count: Int) {
        self.threshold = threshold
        self.count = count
    }
}

/// The mark of an adjudication entry. A `pick` writes several entries (the picked annotator's
/// fields, then their verdict), each naming whom it picked, so that `undo` takes them back together.
public struct Adjudication: Sendable, Equatable {
    public var picked: String?
    public init(picked: String? = nil) { self.picked = picked }
}

/// The mark of an imported review: the verdict's status and time as the file gave them (nil on an
/// imported correction, which has neither).
public struct ImportedReview: Sendable, Equatable {
    public var status: ReviewStatus?
    public var at: String?
    public init(status: ReviewStatus? = nil, at: String? = nil) {
        self.status = status
        self.at = at
    }
}

/// A stored entry: its id in the log (later entries have larger ids) and when it was written.
public struct LoggedReview: Sendable, Equatable {
    public var id: Int64
    public var entry: ReviewEntry
    public var createdAt: String

    public init(id: Int64, entry: ReviewEntry, createdAt: String) {
        self.id = id
        self.entry = entry
        self.createdAt = createdAt
    }

    /// `confirm of #12`, `correct source of #12`, `done of this document`.
    public var described: String {
        if let claim = entry.attributionID { return "\(entry.action.label) of #\(claim)" }
        return entry.action.label + " of this document"
    }
}
