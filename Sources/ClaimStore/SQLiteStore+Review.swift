import ClaimModel
import GRDB
import Review

/// A run's identity without its counts (cheap: no scan of its claims).
public struct RunRef: Sendable, Equatable {
    public var rowID: Int64
    public var name: String
    public var kind: RunKind
    /// What made it ("rules", "model:NAME", an importer's name) and its parameters as stored.
    public var extractor: String
    public var parameters: String?
    /// The maker's version as stored (the rules' version, a model's digest prefix): `compare` and
    /// `report` name a run's maker from the ref alone, without `run(named:)`'s claim counts.
    public var version: String?

    public init(rowID: Int64, name: String, kind: RunKind, extractor: String, parameters: String?, version: String?) {
        self.rowID = rowID
        self.name = name
        self.kind = kind
        self.extractor = extractor
        self.parameters = parameters
        self.version = version
    }
}

/// Everything the review REPL shows about one document, read in one transaction so that the
/// claims and the log agree with each other.
public struct DocumentSnapshot: Sendable {
    public var document: StoredDocument
    /// The run's claims in the document, in order (analyst-added ones after the run's own).
    public var claims: [StoredAttribution]
    /// The document's whole log, every annotator, oldest first.
    public var log: [LoggedReview]
}

/// Column conditions on stored claims that narrow the documents a filtered queue has to visit.
public enum StoredClaimCondition: Sendable, Equatable {
    case sourceType(String)
    case outlet(String)
    case confidenceBelow(Double)
    case confidenceAbove(Double)
}

/// Store operations of the review REPL. Every query here is per document or walks an index, so
/// that a store of a million claims answers in well under a millisecond.
extension SQLiteStore {
    /// The run named `name`, without counting its claims.
    public func runRef(named name: String) throws(StoreError) -> RunRef? {
        try read("reading run \"\(name)\"") { db in
            try RunRecord.filter(RunRecord.Columns.name == name).fetchOne(db).map(Self.runRef)
        }
    }

    /// A run record as a ref; a kind no release writes is `invalidStoredValue`, as `runs()` has it.
    private static func runRef(_ r: RunRecord) throws -> RunRef {
        let id = r.id ?? 0
        guard let kind = RunKind(rawValue: r.kind) else {
            throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: id, value: r.kind)
        }
        return RunRef(rowID: id, name: r.name, kind: kind, extractor: r.extractor, parameters: r.parameters, version: r.version)
    }

    /// Every run, without counts, oldest first.
    public func runRefs() throws(StoreError) -> [RunRef] {
        try read("listing runs") { db in
            try RunRecord.order(Column("id")).fetchAll(db).map(Self.runRef)
        }
    }

    /// One document with the run's claims in it and its log, in one read transaction.
    public func snapshot(documentRowID: Int64, runID: Int64) throws(StoreError) -> DocumentSnapshot? {
        try read("reading a document for review") { db in
            guard let document = try DocumentRecord.fetchOne(db, key: documentRowID) else { return nil }
            let claims = try AttributionRecord
                .filter(AttributionRecord.Columns.runId == runID && AttributionRecord.Columns.documentId == documentRowID)
                .order(AttributionRecord.Columns.ordinal, Column("id"))
                .fetchAll(db)
            let log = try AnnotationRecord.fetchAll(
                db, sql: "SELECT * FROM annotation WHERE documentId = ? ORDER BY id", arguments: [documentRowID])
            return DocumentSnapshot(document: Self.stored(document), claims: try claims.map(Self.stored),
                                    log: log.map(Self.entry).logged)
        }
    }

    /// The run's claim row ids in one document, in order (cheap: the index alone answers).
    public func claimRowIDs(runID: Int64, documentRowID: Int64) throws(StoreError) -> [Int64] {
        try read("listing claims") { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM attribution WHERE runId = ? AND documentId = ? ORDER BY ordinal, id
                """, arguments: [runID, documentRowID])
        }
    }

    /// One annotator's log entries in a run, oldest first.
    public func annotations(annotator: String, runID: Int64) throws(StoreError) -> [LoggedReview] {
        try read("reading the annotation log") { db in
            try AnnotationRecord.fetchAll(
                db, sql: "SELECT * FROM annotation WHERE annotator = ? AND runId = ? ORDER BY id",
                arguments: [annotator, runID]).map(Self.entry).logged
        }
    }

    /// One log entry by id.
    public func annotation(id: Int64) throws(StoreError) -> AnnotationEntry? {
        try read("reading the annotation log") { db in try AnnotationRecord.fetchOne(db, key: id).map(Self.entry) }
    }

    /// Appends an undo or redo entry; when it flips a document's done mark, the matching
    /// `documentReview` row (in run `markRunID`) is written in the same transaction
    /// (`documentStatus`: "done" or "reopened").
    @discardableResult
    public func append(_ review: ReviewEntry, documentStatus: String?, markRunID: Int64?) throws(StoreError) -> LoggedReview {
        let now = clock()
        let annotation = NewAnnotation(review)
        return try write("recording an annotation") { db in
            let entry = try Self.insert(annotation, now: now, db)
            if let documentStatus {
                var review = DocumentReviewRecord(
                    id: nil, documentId: annotation.documentRowID, annotator: annotation.annotator, runId: markRunID,
                    status: documentStatus, annotationId: entry.id, createdAt: now)
                try review.insert(db)
            }
            return Self.logged(entry, review)
        }
    }

    /// The first document after (or before, when `backwards`) `documentRowID` in the run that holds
    /// a claim whose stored columns meet every one of `conditions`.
    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool,
                             where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64? {
        try read("searching the queue") { db in
            let comparison = backwards ? "documentId < ?" : "documentId > ?"
            let order = backwards ? "DESC" : "ASC"
            var arguments: StatementArguments = [runID, documentRowID]
            let clauses = Self.sql(conditions, into: &arguments)
            return try Int64.fetchOne(db, sql: """
                SELECT documentId FROM attribution a WHERE runId = ? AND \(comparison)\(clauses.joined()) AND \(Self.visibleClaim("a"))
                ORDER BY documentId \(order) LIMIT 1
                """, arguments: arguments)
        }
    }

    /// Up to `limit` distinct outlets of claims over all runs, in byte order. A loose index scan:
    /// one probe of `attribution_byOutlet` per outlet, however many claims the store holds.
    public func outlets(limit: Int) throws(StoreError) -> [String] {
        try read("listing outlets") { db in
            try String.fetchAll(db, sql: """
                WITH RECURSIVE o(v) AS (
                    SELECT min(outlet) FROM attribution WHERE outlet IS NOT NULL
                    UNION ALL
                    SELECT (SELECT min(outlet) FROM attribution WHERE outlet > o.v) FROM o WHERE o.v IS NOT NULL
                )
                SELECT v FROM o WHERE v IS NOT NULL LIMIT ?
                """, arguments: [limit])
        }
    }

    /// Up to `limit` distinct tag lists (the log's `tags` column) of every annotator, read from the
    /// partial index `annotation_byTags`.
    public func tagLists(limit: Int) throws(StoreError) -> [[String]] {
        try read("listing tags") { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT tags FROM annotation WHERE tags IS NOT NULL ORDER BY tags LIMIT ?
                """, arguments: [limit]).compactMap(NewAnnotation.tags(column:))
        }
    }

    /// How many visible claims the run holds (its own, not analyst-added ones): counted per
    /// document along the (runId, documentId) index, each document's completion looked up once
    /// rather than once per claim (`progress` at a million claims: 0.28 s -> 0.15 s of SQLite).
    public func claimCount(runID: Int64) throws(StoreError) -> Int {
        try read("counting claims") { db in
            try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(n), 0) FROM (
                    SELECT documentId, count(*) AS n FROM attribution
                    WHERE runId = ? AND origin = 'run' GROUP BY documentId
                ) g
                WHERE EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = ? AND rd.documentId = g.documentId)
                """, arguments: [runID, runID]) ?? 0
        }
    }

    /// The documents of the run whose latest review entry by `annotator` is "done".
    public func doneDocumentRowIDs(annotator: String, runID: Int64) throws(StoreError) -> [Int64] {
        try read("reading document reviews") { db in
            try Int64.fetchAll(db, sql: """
                SELECT r.documentId FROM documentReview r
                WHERE r.annotator = ? AND r.runId = ? AND r.status = 'done'
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId
                """, arguments: [annotator, runID])
        }
    }

    /// Only the documents `runID` processed: a review of the run asks about no other, and the
    /// claims of the others were counted for nothing (the session dropped them after the count).
    public func documentsDoneElsewhere(annotator: String, runID: Int64) throws(StoreError) -> [DoneElsewhere] {
        try read("reading document reviews") { db in
            try Row.fetchAll(db, sql: """
                SELECT r.documentId, run.name,
                       (SELECT count(*) FROM attribution a WHERE a.runId = ? AND a.documentId = r.documentId AND a.origin = 'run')
                FROM documentReview r LEFT JOIN run ON run.id = r.runId
                WHERE r.annotator = ? AND r.runId IS NOT ? AND r.status = 'done'
                  AND EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = ? AND rd.documentId = r.documentId)
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId
                """, arguments: [runID, annotator, runID, runID]).map { row in
                DoneElsewhere(documentRowID: row[0], runName: row[1], claims: row[2])
            }
        }
    }
}

extension SQLiteStore {
    /// `conditions` as SQL clauses over an attribution's columns (each ` AND …`, joined by the
    /// caller), their values appended to `arguments` in order: the one spelling of a queue filter.
    static func sql(_ conditions: [StoredClaimCondition], into arguments: inout StatementArguments) -> [String] {
        conditions.map { condition in
            let (clause, value): (String, DatabaseValueConvertible) = switch condition {
            case let .sourceType(type): ("sourceType = ?", type)
            case let .outlet(outlet): ("outlet = ? COLLATE NOCASE", outlet)
            case let .confidenceBelow(limit): ("confidence < ?", limit)
            case let .confidenceAbove(limit): ("confidence > ?", limit)
            }
            arguments += [value]
            return " AND " + clause
        }
    }
}
