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

    /// Imports reviewed gold: a `gold` run holding the attributions, a review entry per attribution
    /// (its `review` where present, else `added`), and every document marked done by `annotator`.
    /// One transaction: all or nothing.
    public func importGold(runName: String, annotator: String,
                           _ documents: [(documentRowID: Int64, attributions: [Attribution])]) throws(StoreError) -> RunInfo {
        let now = clock()
        return try write("importing gold") { db in
            var run: RunRecord
            if let existing = try RunRecord.filter(RunRecord.Columns.name == runName).fetchOne(db) {
                guard existing.kind == RunKind.gold.rawValue else { throw StoreError.runExists(runName) }
                run = existing
            } else {
                run = RunRecord(id: nil, name: runName, kind: RunKind.gold.rawValue, extractor: "import-gold",
                                version: nil, parameters: "annotator=\(annotator)", createdAt: now)
                try run.insert(db)
            }
            let runID = run.id ?? 0
            for (documentRowID, attributions) in documents {
                let already = try Int.fetchOne(db, sql: "SELECT count(*) FROM runDocument WHERE runId = ? AND documentId = ?",
                                               arguments: [runID, documentRowID]) ?? 0
                if already > 0 { continue }
                try db.execute(sql: "INSERT INTO runDocument (runId, documentId, processedAt) VALUES (?, ?, ?)",
                               arguments: [runID, documentRowID, now])
                for (ordinal, a) in attributions.enumerated() {
                    let review = a.review ?? Review(status: .added)
                    let reviewer = review.annotator ?? annotator
                    var record = Self.record(a, runID: runID, documentRowID: documentRowID, ordinal: ordinal,
                                             origin: .run, addedBy: nil, now: now)
                    try record.insert(db)
                    let action: String
                    switch review.status {
                    case .confirmed: action = "confirm"
                    case .corrected: action = "confirm"
                    case .rejected: action = "reject"
                    case .added: action = "confirm"
                    }
                    var fields: [(String, JSONValue)] = [("status", .string(review.status.rawValue)), ("import", .bool(true))]
                    if let at = review.at { fields.append(("at", .string(at))) }
                    _ = try Self.insert(
                        NewAnnotation(
                            annotator: reviewer, runID: runID, documentRowID: documentRowID, attributionID: record.id,
                            action: action, fields: JSONValue.object(fields).serialized,
                            confidence: review.confidence?.rawValue, note: review.note,
                            tags: review.tags.isEmpty ? nil : JSONValue.array(review.tags.map { .string($0) }).serialized),
                        now: now, db)
                }
                let mark = try Self.insert(
                    NewAnnotation(annotator: annotator, runID: runID, documentRowID: documentRowID, attributionID: nil, action: "done"),
                    now: now, db)
                var review = DocumentReviewRecord(id: nil, documentId: documentRowID, annotator: annotator, runId: runID,
                                                  status: "done", annotationId: mark.id, createdAt: now)
                try review.insert(db)
            }
            let documentsCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM runDocument WHERE runId = ?", arguments: [runID]) ?? 0
            let claimCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM attribution WHERE runId = ?", arguments: [runID]) ?? 0
            return RunInfo(rowID: runID, name: run.name, kind: .gold, extractor: run.extractor, version: run.version,
                           parameters: run.parameters, createdAt: run.createdAt, documents: documentsCount, claims: claimCount)
        }
    }
}
