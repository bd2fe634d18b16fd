import GRDB

/// One row of `document`.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "document"
    var id: Int64?
    var docId: String
    var title: String?
    var publisher: String?
    var publicationDate: String?
    var meta: String?
    var text: String
    var scalarCount: Int
    var origin: String
    var ingestedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let docId = Column(CodingKeys.docId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of `run`: an extractor's output, an imported run, or imported gold.
struct RunRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "run"
    var id: Int64?
    var name: String
    var kind: String
    var extractor: String
    var version: String?
    var parameters: String?
    var createdAt: String

    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of `runDocument`: the run has processed this document (even when it found nothing).
struct RunDocumentRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "runDocument"
    var runId: Int64
    var documentId: Int64
    var processedAt: String
}

/// One row of `attribution`.
struct AttributionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "attribution"
    var id: Int64?
    var runId: Int64
    var documentId: Int64
    var ordinal: Int
    var externalId: String?
    var origin: String
    var addedBy: String?
    var sourceFragments: String?
    var cueFragments: String?
    var contentFragments: String?
    var outlet: String?
    var sourceType: String?
    var anonymous: Bool?
    var sourceEntity: String?
    var confidence: Double?
    var createdAt: String
    /// The imported gold cluster (`v8-claim-clusters`); absent (nil) in a store not migrated yet.
    var cluster: String?

    enum Columns {
        static let runId = Column(CodingKeys.runId)
        static let documentId = Column(CodingKeys.documentId)
        static let ordinal = Column(CodingKeys.ordinal)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of the append-only `annotation` log.
struct AnnotationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "annotation"
    var id: Int64?
    var annotator: String
    var runId: Int64?
    var documentId: Int64
    var attributionId: Int64?
    var action: String
    var fields: String?
    var confidence: String?
    var note: String?
    var tags: String?
    var target: Int64?
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of the append-only `documentReview`: who marked which document done (or reopened it).
struct DocumentReviewRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "documentReview"
    var id: Int64?
    var documentId: Int64
    var annotator: String
    var runId: Int64?
    var status: String
    var annotationId: Int64?
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
