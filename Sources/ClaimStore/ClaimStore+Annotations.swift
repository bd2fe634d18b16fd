import ClaimModel
import GRDB

extension ClaimStore {
    /// Appends one entry to the annotation log, in its own transaction.
    @discardableResult
    public func append(_ annotation: NewAnnotation) throws(StoreError) -> AnnotationEntry {
        try append([annotation])[0]
    }

    /// Appends several entries in one transaction (all or nothing).
    @discardableResult
    public func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry] {
        let now = clock()
        return try write("recording an annotation") { db in
            try annotations.map { a in try Self.insert(a, now: now, db) }
        }
    }

    static func insert(_ a: NewAnnotation, now: String, _ db: Database) throws -> AnnotationEntry {
        var record = AnnotationRecord(
            id: nil, annotator: a.annotator, runId: a.runID, documentId: a.documentRowID, attributionId: a.attributionID,
            action: a.action, fields: a.fields, confidence: a.confidence, note: a.note, tags: a.tags, target: a.target,
            createdAt: now)
        try record.insert(db)
        return AnnotationEntry(id: record.id ?? 0, entry: a, createdAt: now)
    }

    /// The log of one document, oldest first; all annotators unless `annotator` is given.
    public func annotations(documentRowID: Int64, annotator: String? = nil) throws(StoreError) -> [AnnotationEntry] {
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
    public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String,
                             target: Int64? = nil) throws(StoreError) -> AnnotationEntry {
        let now = clock()
        return try write("marking a document \(status)") { db in
            let action = status == "done" ? "done" : "reopen"
            let entry = try Self.insert(
                NewAnnotation(annotator: annotator, runID: runID, documentRowID: documentRowID, attributionID: nil,
                              action: action, target: target), now: now, db)
            var review = DocumentReviewRecord(
                id: nil, documentId: documentRowID, annotator: annotator, runId: runID, status: status,
                annotationId: entry.id, createdAt: now)
            try review.insert(db)
            return entry
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

    /// Imports reviewed gold in one transaction: the documents not yet stored, the gold runs, the
    /// claims with their log entries, and each document's done-markers. Nothing of it is visible
    /// before the commit and nothing stays behind when it fails (a run name taken by a run of
    /// another kind, a doc_id stored with another text). A document already in its gold run is
    /// left as it is and listed in `alreadyInRun`.
    public func importGold(_ documents: [GoldImportDocument], parameters: String?) throws(StoreError) -> GoldImportSummary {
        let now = clock()
        return try write("importing gold") { db in
            var summary = GoldImportSummary()
            var runs: [String: Int64] = [:]
            for item in documents {
                let documentRowID = try Self.insertIfNew(item.document, origin: item.origin, now: now, db, &summary.ingest)
                let runID: Int64
                if let known = runs[item.runName] {
                    runID = known
                } else if let existing = try RunRecord.filter(RunRecord.Columns.name == item.runName).fetchOne(db) {
                    guard existing.kind == RunKind.gold.rawValue else { throw StoreError.runExists(item.runName) }
                    runID = existing.id ?? 0
                } else {
                    var run = RunRecord(id: nil, name: item.runName, kind: RunKind.gold.rawValue, extractor: "import-gold",
                                        version: nil, parameters: parameters, createdAt: now)
                    try run.insert(db)
                    runID = run.id ?? 0
                }
                runs[item.runName] = runID
                try db.execute(sql: "INSERT OR IGNORE INTO runDocument (runId, documentId, processedAt) VALUES (?, ?, ?)",
                               arguments: [runID, documentRowID, now])
                if db.changesCount == 0 {
                    summary.alreadyInRun.append(GoldImportSummary.Placed(docID: item.document.id, origin: item.origin,
                                                                         documentRowID: documentRowID, runName: item.runName))
                    continue
                }
                for (ordinal, claim) in item.claims.enumerated() {
                    var record = Self.record(claim.attribution, runID: runID, documentRowID: documentRowID, ordinal: ordinal,
                                             origin: .run, addedBy: nil, now: now)
                    try record.insert(db)
                    for var entry in claim.entries {
                        entry.runID = runID
                        entry.documentRowID = documentRowID
                        entry.attributionID = record.id
                        _ = try Self.insert(entry, now: now, db)
                    }
                }
                for name in item.doneBy {
                    let mark = try Self.insert(
                        NewAnnotation(annotator: name, runID: runID, documentRowID: documentRowID, attributionID: nil, action: "done"),
                        now: now, db)
                    var review = DocumentReviewRecord(id: nil, documentId: documentRowID, annotator: name, runId: runID,
                                                      status: "done", annotationId: mark.id, createdAt: now)
                    try review.insert(db)
                }
                summary.imported.append(GoldImportSummary.Placed(docID: item.document.id, origin: item.origin,
                                                                 documentRowID: documentRowID, runName: item.runName))
                summary.claims[item.runName, default: 0] += item.claims.count
            }
            return summary
        }
    }
}

/// One document of a gold import, as the store writes it.
public struct GoldImportDocument: Sendable {
    public var document: Document
    /// `FILE:LINE` (or the brat file) it was read from.
    public var origin: String
    /// The gold run that holds its claims.
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
    public var entries: [NewAnnotation]

    public init(attribution: Attribution, entries: [NewAnnotation]) {
        self.attribution = attribution
        self.entries = entries
    }
}

/// What a gold import stored.
public struct GoldImportSummary: Sendable {
    public struct Placed: Sendable, Equatable {
        public var docID: String
        public var origin: String
        public var documentRowID: Int64
        public var runName: String
    }
    public var ingest = IngestSummary()
    public var imported: [Placed] = []
    public var alreadyInRun: [Placed] = []
    /// Claims stored, per run.
    public var claims: [String: Int] = [:]
}

extension ClaimStore {
    /// Stores `document` unless stored with the same text; a different text fails the transaction.
    static func insertIfNew(_ document: Document, origin: String, now: String, _ db: Database,
                            _ summary: inout IngestSummary) throws -> Int64 {
        if let existing = try DocumentRecord.filter(DocumentRecord.Columns.docId == document.id).fetchOne(db) {
            guard existing.text == document.text else { throw StoreError.documentConflict(docID: document.id, origin: origin) }
            summary.unchanged.append(document.id)
            return existing.id ?? 0
        }
        var record = DocumentRecord(
            id: nil, docId: document.id, title: document.title, publisher: document.publisher,
            publicationDate: document.publicationDate, meta: document.meta?.serialized,
            text: document.text, scalarCount: document.text.unicodeScalars.count, origin: origin, ingestedAt: now)
        try record.insert(db)
        summary.added.append(document.id)
        return record.id ?? 0
    }
}
