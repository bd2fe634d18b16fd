import ClaimModel

/// A document as stored, with its row id (stable within one store only; `document.id` is the doc_id).
public struct StoredDocument: Sendable, Equatable {
    public var rowID: Int64
    public var document: Document
    public var scalarCount: Int
    /// Where it was ingested from (`FILE` or `FILE:LINE`).
    public var origin: String
    public var ingestedAt: String
}

/// One line of `docs`: a document without its text.
public struct DocumentSummary: Sendable, Equatable {
    public var rowID: Int64
    public var docID: String
    public var title: String?
    public var publisher: String?
    public var scalarCount: Int
    /// Claims over all runs.
    public var claims: Int
    /// Annotators who have marked it done (current state).
    public var doneBy: [String]
}

/// What kind of claims a run holds.
public enum RunKind: String, Sendable, CaseIterable {
    /// Produced by an extractor inside ClaimDesk (`extract`).
    case extractor
    /// Another extractor's output (`import-claims`).
    case imported
    /// Reviewed gold brought in by `import-gold`.
    case gold
}

/// A run and its counts.
public struct RunInfo: Sendable, Equatable {
    public var rowID: Int64
    public var name: String
    public var kind: RunKind
    public var extractor: String
    public var version: String?
    public var parameters: String?
    public var createdAt: String
    public var documents: Int
    public var claims: Int
}

/// How a stored claim came to be.
public enum ClaimOrigin: String, Sendable {
    /// Produced by the run's extractor (or imported with it).
    case run
    /// Added by an analyst: a claim the extractor missed.
    case added
}

/// A claim as stored: the run's attribution plus its identity in the store.
public struct StoredAttribution: Sendable, Equatable {
    public var rowID: Int64
    public var runID: Int64
    public var documentRowID: Int64
    public var ordinal: Int
    public var origin: ClaimOrigin
    public var addedBy: String?
    public var attribution: Attribution
    public var createdAt: String
}

/// A new entry for the append-only annotation log.
public struct NewAnnotation: Sendable, Equatable {
    public var annotator: String
    public var runID: Int64?
    public var documentRowID: Int64
    public var attributionID: Int64?
    public var action: String
    /// JSON text describing changed fields (old and new values); the REPL defines its shape.
    public var fields: String?
    public var confidence: String?
    public var note: String?
    /// JSON array text.
    public var tags: String?
    /// The annotation this one reverses or re-applies (undo / redo).
    public var target: Int64?

    public init(
        annotator: String, runID: Int64?, documentRowID: Int64, attributionID: Int64?, action: String,
        fields: String? = nil, confidence: String? = nil, note: String? = nil, tags: String? = nil, target: Int64? = nil
    ) {
        self.annotator = annotator
        self.runID = runID
        self.documentRowID = documentRowID
        self.attributionID = attributionID
        self.action = action
        self.fields = fields
        self.confidence = confidence
        self.note = note
        self.tags = tags
        self.target = target
    }
}

/// One stored entry of the annotation log.
public struct AnnotationEntry: Sendable, Equatable {
    public var id: Int64
    public var entry: NewAnnotation
    public var createdAt: String
}

/// The current review state of a document for one annotator.
public struct DocumentReviewEntry: Sendable, Equatable {
    public var id: Int64
    public var documentRowID: Int64
    public var annotator: String
    public var runID: Int64?
    /// "done" or "reopened".
    public var status: String
    public var annotationID: Int64?
    public var createdAt: String
}

/// A document an annotator marked done while reviewing another run (`documentsDoneElsewhere`).
public struct DoneElsewhere: Sendable, Equatable {
    public var documentRowID: Int64
    /// The run reviewed when it was marked done (nil: a mark without a run).
    public var runName: String?
    /// The claims of the run asked about (its own, not analysts' additions) in the document.
    public var claims: Int

    public init(documentRowID: Int64, runName: String?, claims: Int) {
        self.documentRowID = documentRowID
        self.runName = runName
        self.claims = claims
    }
}

/// The outcome of storing a batch of documents.
public struct IngestSummary: Sendable, Equatable {
    public var added: [String] = []
    /// Already stored with the same text: a no-op.
    public var unchanged: [String] = []
    public init() {}
}
