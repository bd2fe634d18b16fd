import ClaimModel
import GRDB
import Review

extension SQLiteStore {
    /// Appends several entries in one transaction (all or nothing).
    @discardableResult
    public func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry] {
        let now = clock()
        return try write("recording an annotation") { db in
            try annotations.map { a in try Self.insert(a, now: now, db) }
        }
    }

    /// The stored entry as a reader will see it (the columns read back), the written one if they
    /// cannot be read.
    static func logged(_ row: AnnotationEntry, _ written: ReviewEntry) -> LoggedReview {
        row.logged ?? LoggedReview(id: row.id, entry: written, createdAt: row.createdAt)
    }

    /// One row through one cached statement: an `accept-above` writes a thousand rows in one
    /// transaction, and the record's Codable path cost several times SQLite's own work per row.
    static func insert(_ a: NewAnnotation, now: String, _ db: Database) throws -> AnnotationEntry {
        // What the record's NULGuard checked, in its (column name) order.
        try NULGuard.check(table: "annotation", [("action", a.action), ("annotator", a.annotator), ("confidence", a.confidence),
                                                 ("createdAt", now), ("fields", a.fields), ("note", a.note), ("tags", a.tags)])
        let statement = try db.cachedStatement(sql: """
            INSERT INTO annotation (annotator, runId, documentId, attributionId, action, fields, confidence, note, tags,
                                    target, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [a.annotator, a.runID, a.documentRowID, a.attributionID, a.action, a.fields,
                                          a.confidence, a.note, a.tags, a.target, now])
        return AnnotationEntry(id: db.lastInsertedRowID, entry: a, createdAt: now)
    }

    /// The log of one document, oldest first; all annotators unless `annotator` is given.
    public func annotations(documentRowID: Int64, annotator: String?) throws(StoreError) -> [AnnotationEntry] {
        try read("reading the annotation log") { db in
            var sql = "SELECT * FROM annotation WHERE documentId = ?"
            var arguments: StatementArguments = [documentRowID]
            if let annotator {
                sql += " AND annotator = ?"
                arguments += [annotator]
            }
            sql += " ORDER BY id"
            return try AnnotationRecord.fetchAll(db, sql: sql, arguments: arguments).map(Self.entry)
        }
    }

    /// The whole log, oldest first (audits and tests; the REPL and the gold read per document).
    public func annotations() throws(StoreError) -> [AnnotationEntry] {
        try read("reading the annotation log") { db in
            try AnnotationRecord.fetchAll(db, sql: "SELECT * FROM annotation ORDER BY id").map(Self.entry)
        }
    }

    static func entry(_ r: AnnotationRecord) -> AnnotationEntry {
        AnnotationEntry(
            id: r.id ?? 0,
            entry: NewAnnotation(
                annotator: r.annotator, runID: r.runId, documentRowID: r.documentId, attributionID: r.attributionId,
                action: r.action, fields: r.fields, confidence: r.confidence, note: r.note, tags: r.tags, target: r.target),
            createdAt: r.createdAt)
    }

    /// Records that `annotator` marked a document done (or reopened it), with its log entry, in one transaction.
    @discardableResult
    public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String) throws(StoreError) -> LoggedReview {
        let now = clock()
        let review = ReviewEntry(annotator: annotator, runID: runID, documentRowID: documentRowID, attributionID: nil,
                                 action: status == "done" ? .done : .reopen)
        return try write("marking a document \(status)") { db in
            let entry = try Self.insert(NewAnnotation(review), now: now, db)
            var record = DocumentReviewRecord(
                id: nil, documentId: documentRowID, annotator: annotator, runId: runID, status: status,
                annotationId: entry.id, createdAt: now)
            try record.insert(db)
            return Self.logged(entry, review)
        }
    }

    /// The latest review entry per (document, annotator).
    public func documentReviews() throws(StoreError) -> [DocumentReviewEntry] {
        try read("reading document reviews") { db in
            try DocumentReviewRecord.fetchAll(db, sql: """
                SELECT r.* FROM documentReview r
                WHERE r.id = (SELECT max(id) FROM documentReview x
                              WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId, r.annotator
                """).map { r in
                DocumentReviewEntry(id: r.id ?? 0, documentRowID: r.documentId, annotator: r.annotator, runID: r.runId,
                                    status: r.status, annotationID: r.annotationId, createdAt: r.createdAt)
            }
        }
    }

    /// Which of `documents` the store already holds, with the same text or with another one.
    /// A read: it takes no write lock.
    public func storedDocIDs(_ documents: [Document]) throws(StoreError) -> (sameText: Set<[UInt8]>, otherText: Set<[UInt8]>) {
        guard !documents.isEmpty else { return ([], []) }
        return try read("comparing documents") { db in
            var same: Set<[UInt8]> = [], other: Set<[UInt8]> = []
            let statement = try db.cachedStatement(sql: "SELECT text FROM document WHERE docId = ?")
            for d in documents {
                guard let text = try String.fetchOne(statement, arguments: [d.id]) else { continue }
                // The same bytes, not merely canonically equivalent text: stored as read.
                if text.isExactly(d.text) { same.insert(d.id.exactKey) } else { other.insert(d.id.exactKey) }
            }
            return (same, other)
        }
    }
}

/// One document of an import (`import-gold`, `import-claims`), as the store stages it.
public struct GoldImportDocument: Sendable {
    public var document: Document
    /// `FILE:LINE` (or the brat file) it was read from.
    public var origin: String
    /// The run that holds its claims; empty for a document stored without a run (`ingest`).
    public var runName: String
    public var claims: [ImportedClaim]
    /// The annotators whose done-marker it gets, in order.
    public var doneBy: [String]

    public init(document: Document, origin: String, runName: String, claims: [ImportedClaim], doneBy: [String]) {
        self.document = document
        self.origin = origin
        self.runName = runName
        self.claims = claims
        self.doneBy = doneBy
    }
}

/// An imported claim and the log entries that give each annotator's review of it (their run,
/// document and claim ids are filled in by the store).
public struct ImportedClaim: Sendable {
    public var attribution: Attribution
    public var entries: [ReviewEntry]

    public init(attribution: Attribution, entries: [ReviewEntry]) {
        self.attribution = attribution
        self.entries = entries
    }
}
