import ClaimModel
import Foundation
import Review

/// The append-only review log and the documents' done marks on PostgreSQL: the statements of
/// `SQLiteStore+Annotations/+Review/+Adjudication/+Links` in PostgreSQL's dialect. The database's
/// triggers refuse any change to an entry once appended (`PostgresSchema`, v1-core).
///
/// An append is one write transaction whatever the number of entries: an `accept-above` of a
/// thousand claims sends its entries in one multi-row INSERT, not a thousand.
extension PostgresStore: ReviewLog {
    @discardableResult
    public func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry] {
        let now = clock()
        return try write("recording an annotation") { db in
            try Self.insertAnnotations(annotations, now: now, db)
        }
    }

    @discardableResult
    public func append(_ review: ReviewEntry, documentStatus: String?, markRunID: Int64?) throws(StoreError) -> LoggedReview {
        let now = clock()
        let annotation = NewAnnotation(review)
        return try write("recording an annotation") { db in
            let entry = try Self.insertAnnotations([annotation], now: now, db)[0]
            if let documentStatus {
                try Self.insertDocumentReview(documentRowID: annotation.documentRowID, annotator: annotation.annotator,
                                              runID: markRunID, status: documentStatus, annotationID: entry.id,
                                              now: now, db)
            }
            return SQLiteStore.logged(entry, review)
        }
    }

    public func annotations(documentRowID: Int64, annotator: String?) throws(StoreError) -> [AnnotationEntry] {
        // No stored name holds a NUL (every write refuses one), and the server could not receive it.
        if let annotator, !PostgresRows.storable(annotator) { return [] }
        return try read("reading the annotation log") { db in
            if let annotator {
                return try Self.entries(try db.execute("""
                    SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE documentId = $1 AND annotator = $2 ORDER BY id
                    """, [documentRowID, annotator]))
            }
            return try Self.entries(try db.execute(
                "SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE documentId = $1 ORDER BY id", [documentRowID]))
        }
    }

    public func annotations() throws(StoreError) -> [AnnotationEntry] {
        try read("reading the annotation log") { db in
            try Self.entries(try db.execute("SELECT \(PostgresRows.annotationColumns) FROM annotation n ORDER BY id"))
        }
    }

    public func annotations(annotator: String, runID: Int64) throws(StoreError) -> [LoggedReview] {
        guard PostgresRows.storable(annotator) else { return [] }
        return try read("reading the annotation log") { db in
            try Self.entries(try db.execute("""
                SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE annotator = $1 AND runId = $2 ORDER BY id
                """, [annotator, runID])).logged
        }
    }

    public func annotations(runID: Int64) throws(StoreError) -> [LoggedReview] {
        try read("reading the annotation log") { db in
            try Self.entries(try db.execute(
                "SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE runId = $1 ORDER BY id", [runID])).logged
        }
    }

    public func annotation(id: Int64) throws(StoreError) -> AnnotationEntry? {
        try read("reading the annotation log") { db in
            try Self.entries(try db.execute("SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE id = $1", [id])).first
        }
    }

    @discardableResult
    public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String) throws(StoreError) -> LoggedReview {
        let now = clock()
        let review = ReviewEntry(annotator: annotator, runID: runID, documentRowID: documentRowID, attributionID: nil,
                                 action: status == "done" ? .done : .reopen)
        return try write("marking a document \(status)") { db in
            let entry = try Self.insertAnnotations([NewAnnotation(review)], now: now, db)[0]
            try Self.insertDocumentReview(documentRowID: documentRowID, annotator: annotator, runID: runID, status: status,
                                          annotationID: entry.id, now: now, db)
            return SQLiteStore.logged(entry, review)
        }
    }

    public func documentReviews() throws(StoreError) -> [DocumentReviewEntry] {
        try read("reading document reviews") { db in
            let rows = try db.execute("""
                SELECT \(PostgresRows.documentReviewColumns) FROM documentReview dr
                WHERE dr.id = (SELECT max(id) FROM documentReview x
                               WHERE x.documentId = dr.documentId AND x.annotator = dr.annotator)
                ORDER BY dr.documentId, dr.annotator
                """)
            var out: [DocumentReviewEntry] = []
            for r in 0..<rows.count { out.append(try PostgresRows.documentReview(rows, r)) }
            return out
        }
    }

    public func doneDocumentRowIDs(annotator: String, runID: Int64) throws(StoreError) -> [Int64] {
        guard PostgresRows.storable(annotator) else { return [] }
        return try read("reading document reviews") { db in
            try db.execute("""
                SELECT r.documentId FROM documentReview r
                WHERE r.annotator = $1 AND r.runId = $2 AND r.status = 'done'
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId
                """, [annotator, runID]).int64Column
        }
    }

    public func documentsDoneElsewhere(annotator: String, runID: Int64) throws(StoreError) -> [DoneElsewhere] {
        guard PostgresRows.storable(annotator) else { return [] }
        return try read("reading document reviews") { db in
            let rows = try db.execute("""
                SELECT r.documentId, run.name,
                       (SELECT count(*) FROM attribution a WHERE a.runId = $2 AND a.documentId = r.documentId AND a.origin = 'run')
                FROM documentReview r LEFT JOIN run ON run.id = r.runId
                WHERE r.annotator = $1 AND r.runId IS DISTINCT FROM $2 AND r.status = 'done'
                  AND EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $2 AND rd.documentId = r.documentId)
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId
                """, [annotator, runID])
            return (0..<rows.count).map {
                DoneElsewhere(documentRowID: rows.int64($0, 0) ?? 0, runName: rows.string($0, 1), claims: rows.int($0, 2) ?? 0)
            }
        }
    }

    public func documentsDoneBySeveral(runID: Int64) throws(StoreError) -> [(documentRowID: Int64, annotators: [String])] {
        try read("reading document reviews") { db in
            let rows = try db.execute("""
                SELECT r.documentId, r.annotator FROM documentReview r
                WHERE r.runId = $1 AND r.status = 'done'
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId, r.id
                """, [runID])
            var result: [(documentRowID: Int64, annotators: [String])] = []
            for r in 0..<rows.count {
                let document = rows.int64(r, 0) ?? 0, annotator = rows.string(r, 1) ?? ""
                if let last = result.last, last.documentRowID == document {
                    result[result.count - 1].annotators.append(annotator)
                } else {
                    result.append((document, [annotator]))
                }
            }
            return result.filter { $0.annotators.count >= 2 }
        }
    }
}

extension PostgresStore {
    /// Appends `annotations` in the order given, with one multi-row INSERT (a few for very many),
    /// after the NUL checks the SQLite store makes for each row in turn (same error, same column).
    static func insertAnnotations(_ annotations: [NewAnnotation], now: String, _ db: PGConnection) throws -> [AnnotationEntry] {
        for a in annotations {
            try NULGuard.check(table: "annotation", [("action", a.action), ("annotator", a.annotator), ("confidence", a.confidence),
                                                     ("createdAt", now), ("fields", a.fields), ("note", a.note), ("tags", a.tags)])
        }
        let results = try db.insert(
            into: "annotation",
            columns: ["annotator", "runId", "documentId", "attributionId", "action", "fields", "confidence", "note", "tags",
                      "target", "createdAt"],
            rows: annotations.map { a in
                [a.annotator, a.runID, a.documentRowID, a.attributionID, a.action, a.fields, a.confidence, a.note, a.tags,
                 a.target, now] as [any PGArgument]
            },
            suffix: "RETURNING id")
        // One writer at a time and rows numbered in VALUES order: the ids ascend as the entries go.
        let ids = results.flatMap(\.int64Column).sorted()
        guard ids.count == annotations.count else {
            throw StoreError.database(operation: "recording an annotation", message: "the server returned \(ids.count) ids for \(annotations.count) entries")
        }
        return zip(ids, annotations).map { AnnotationEntry(id: $0, entry: $1, createdAt: now) }
    }

    /// Appends one done or reopened mark, after the NUL checks of the SQLite record.
    static func insertDocumentReview(documentRowID: Int64, annotator: String, runID: Int64?, status: String,
                                     annotationID: Int64, now: String, _ db: PGConnection) throws {
        try NULGuard.check(table: "documentReview", [("annotator", annotator), ("createdAt", now), ("status", status)])
        try db.execute("""
            INSERT INTO documentReview (documentId, annotator, runId, status, annotationId, createdAt)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [documentRowID, annotator, runID, status, annotationID, now] as [any PGArgument])
    }
}

extension PGError {
    /// The message SQLite gives for the same violation, so that a refused write reads the same on
    /// both stores (`StoreError.database`'s message): a reference to nothing is SQLite's "FOREIGN KEY
    /// constraint failed", a value a CHECK refuses names the check's expression as SQLite does.
    /// Other errors keep the server's own message.
    var sqliteWording: String {
        switch sqlState {
        case "23503"?:
            return "FOREIGN KEY constraint failed"
        case "23514"?:
            guard let constraint, let check = Self.checks[constraint] else { return message }
            return "CHECK constraint failed: \(check)"
        default:
            return message
        }
    }

    /// The schema's CHECK constraints (PostgreSQL's default names) and their expressions as the
    /// SQLite migrations spell them.
    static let checks = [
        "run_kind_check": "kind IN ('extractor', 'imported', 'gold')",
        "attribution_origin_check": "origin IN ('run', 'added')",
        "documentreview_status_check": "status IN ('done', 'reopened')",
    ]
}
