import ClaimModel
import Foundation
import Review

/// Reading claims, the REPL's per-document snapshot, the queue's walks, and the analyst's own claims,
/// on PostgreSQL: the statements of `SQLiteStore+Attributions/+Bundles/+Review/+Queue` in
/// PostgreSQL's dialect, rows decoded by `PostgresRows` (as the SQLite side decodes them, so that a
/// stored value reads back the same, and a damaged one fails the same, on both stores).
///
/// Every operation a REPL verb calls is one transaction with a fixed number of statements, each
/// answered from an index: `snapshot` three (by primary key and by document), `nextDocument` a walk
/// of the claims in document order that stops at the first match (as on SQLite: a rare filter value
/// walks far), `outlets` and `tagLists` one probe of their partial index per distinct value.
extension PostgresStore: ClaimQueries {
    public func attributions(runID: Int64, documentRowID: Int64) throws(StoreError) -> [StoredAttribution] {
        try read("reading claims") { db in
            try Self.claims(try db.execute("""
                SELECT \(PostgresRows.attributionColumns) FROM attribution a WHERE runId = $1 AND documentId = $2 ORDER BY ordinal, id
                """, [runID, documentRowID]))
        }
    }

    public func attributions(runID: Int64?, documentRowID: Int64?, origin: ClaimOrigin?) throws(StoreError) -> [StoredAttribution] {
        try read("listing claims") { db in
            var clauses: [String] = []
            var arguments: [any PGArgument] = []
            if let runID {
                arguments.append(runID)
                clauses.append("runId = $\(arguments.count)")
            }
            if let documentRowID {
                arguments.append(documentRowID)
                clauses.append("documentId = $\(arguments.count)")
            }
            if let origin {
                arguments.append(origin.rawValue)
                clauses.append("origin = $\(arguments.count)")
            }
            // Claims of a document its run has not completed stay out of sight.
            clauses.append(PostgresRows.visibleClaim("a"))
            return try Self.claims(try db.execute("""
                SELECT \(PostgresRows.attributionColumns) FROM attribution a WHERE \(clauses.joined(separator: " AND "))
                ORDER BY documentId, runId, ordinal, id
                """, arguments))
        }
    }

    public func attribution(rowID: Int64) throws(StoreError) -> StoredAttribution? {
        try read("reading a claim") { db in
            try Self.claims(try db.execute("SELECT \(PostgresRows.attributionColumns) FROM attribution a WHERE id = $1", [rowID])).first
        }
    }

    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64, annotator: String,
                         note: String?) throws(StoreError) -> (StoredAttribution, LoggedReview) {
        let now = clock()
        return try write("adding a claim") { db in
            let last = try db.execute("SELECT max(ordinal) FROM attribution WHERE runId = $1 AND documentId = $2",
                                      [runID, documentRowID]).int(0, 0)
            let ordinal = (last ?? -1) + 1
            let values = try PostgresRows.attributionValues(attribution, runID: runID, documentRowID: documentRowID,
                                                            ordinal: ordinal, origin: .added, addedBy: annotator,
                                                            keepCluster: true, now: now)
            let rows = try db.insert(into: "attribution", columns: PostgresRows.attributionInsertColumns, rows: [values],
                                     suffix: "RETURNING id")
            guard let id = rows.first?.int64(0, 0) else {
                throw StoreError.database(operation: "adding a claim", message: "the server returned no row id")
            }
            // The claim as SQLite returns it: the stored columns read back (no review fields).
            var inserted = SQLiteStore.record(attribution, runID: runID, documentRowID: documentRowID, ordinal: ordinal,
                                              origin: .added, addedBy: annotator, now: now)
            inserted.id = id
            let review = ReviewEntry(annotator: annotator, runID: runID, documentRowID: documentRowID,
                                     attributionID: inserted.id, action: .add, note: note)
            let entry = try Self.insertAnnotations([NewAnnotation(review)], now: now, db)[0]
            return (try SQLiteStore.stored(inserted), SQLiteStore.logged(entry, review))
        }
    }

    public func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle] {
        guard !documentRowIDs.isEmpty else { return [] }
        return try read("reading documents with their claims and logs") { db in
            let ids = PostgresRows.bigintArray(documentRowIDs)
            var documents: [Int64: StoredDocument] = [:]
            for document in try Self.documents(try db.execute(
                "SELECT \(PostgresRows.documentColumns) FROM document d WHERE id = ANY($1::bigint[])", [ids])) {
                documents[document.rowID] = document
            }
            var logs: [Int64: [LoggedReview]] = [:]
            for entry in try Self.entries(try db.execute("""
                SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE documentId = ANY($1::bigint[]) ORDER BY documentId, id
                """, [ids])) {
                if let logged = entry.logged { logs[entry.entry.documentRowID, default: []].append(logged) }
            }
            var claims: [Int64: [StoredAttribution]] = [:]
            for claim in try Self.claims(try db.execute("""
                SELECT \(PostgresRows.attributionColumns) FROM attribution a WHERE documentId = ANY($1::bigint[]) AND \(PostgresRows.visibleClaim("a"))
                ORDER BY documentId, runId, ordinal, id
                """, [ids])) {
                claims[claim.documentRowID, default: []].append(claim)
            }
            return documentRowIDs.compactMap { id in
                documents[id].map { DocumentBundle(stored: $0, log: logs[id] ?? [], claims: claims[id] ?? []) }
            }
        }
    }

    public func snapshot(documentRowID: Int64, runID: Int64) throws(StoreError) -> DocumentSnapshot? {
        try read("reading a document for review") { db in
            guard let document = try Self.documents(try db.execute(
                "SELECT \(PostgresRows.documentColumns) FROM document d WHERE id = $1", [documentRowID])).first else { return nil }
            let claims = try Self.claims(try db.execute("""
                SELECT \(PostgresRows.attributionColumns) FROM attribution a WHERE runId = $1 AND documentId = $2 ORDER BY ordinal, id
                """, [runID, documentRowID]))
            let log = try Self.entries(try db.execute(
                "SELECT \(PostgresRows.annotationColumns) FROM annotation n WHERE documentId = $1 ORDER BY id", [documentRowID]))
            return DocumentSnapshot(document: document, claims: claims, log: log.logged)
        }
    }

    public func claimRowIDs(runID: Int64, documentRowID: Int64) throws(StoreError) -> [Int64] {
        try read("listing claims") { db in
            try db.execute("SELECT id FROM attribution WHERE runId = $1 AND documentId = $2 ORDER BY ordinal, id",
                           [runID, documentRowID]).int64Column
        }
    }

    public func queuedClaims(runID: Int64) throws(StoreError) -> [QueuedClaim] {
        try read("reading the queue") { db in
            Self.queued(try db.execute("""
                SELECT id, documentId, confidence FROM attribution a
                WHERE runId = $1 AND origin = 'run' AND \(PostgresRows.visibleClaim("a"))
                ORDER BY documentId, ordinal, id
                """, [runID]))
        }
    }

    public func queuedClaims(runID: Int64, atOrAbove threshold: Double,
                             where conditions: [StoredClaimCondition]) throws(StoreError) -> [QueuedClaim] {
        guard Self.storable(conditions) else { return [] }
        return try read("reading the queue") { db in
            var arguments: [any PGArgument] = [runID, threshold]
            let clauses = Self.sql(conditions, into: &arguments)
            return Self.queued(try db.execute("""
                SELECT id, documentId, confidence FROM attribution a
                WHERE runId = $1 AND origin = 'run' AND confidence >= $2\(clauses.joined()) AND \(PostgresRows.visibleClaim("a"))
                ORDER BY documentId, ordinal, id
                """, arguments))
        }
    }

    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool,
                             where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64? {
        guard Self.storable(conditions) else { return nil }
        return try read("searching the queue") { db in
            let comparison = backwards ? "documentId < $2" : "documentId > $2"
            let order = backwards ? "DESC" : "ASC"
            var arguments: [any PGArgument] = [runID, documentRowID]
            let clauses = Self.sql(conditions, into: &arguments)
            return try db.execute("""
                SELECT documentId FROM attribution a WHERE runId = $1 AND \(comparison)\(clauses.joined()) AND \(PostgresRows.visibleClaim("a"))
                ORDER BY documentId \(order) LIMIT 1
                """, arguments).int64Column.first
        }
    }

    /// A loose index scan, as on SQLite: each step asks `attribution_byOutlet` for the least outlet
    /// after the previous one, so the cost follows the number of outlets, not of claims.
    public func outlets(limit: Int) throws(StoreError) -> [String] {
        try read("listing outlets") { db in
            try db.execute("""
                WITH RECURSIVE o(v) AS (
                    SELECT min(outlet) FROM attribution WHERE outlet IS NOT NULL
                    UNION ALL
                    SELECT (SELECT min(outlet) FROM attribution WHERE outlet > o.v) FROM o WHERE o.v IS NOT NULL
                )
                SELECT v FROM o WHERE v IS NOT NULL LIMIT $1
                """, [Self.limit(limit)]).stringColumn
        }
    }

    /// The same loose index scan over the partial index `annotation_byTags`: a log of a million
    /// verdicts holds few distinct tag lists.
    public func tagLists(limit: Int) throws(StoreError) -> [[String]] {
        try read("listing tags") { db in
            try db.execute("""
                WITH RECURSIVE t(v) AS (
                    SELECT min(tags) FROM annotation WHERE tags IS NOT NULL
                    UNION ALL
                    SELECT (SELECT min(tags) FROM annotation WHERE tags > t.v) FROM t WHERE t.v IS NOT NULL
                )
                SELECT v FROM t WHERE v IS NOT NULL LIMIT $1
                """, [Self.limit(limit)]).stringColumn.compactMap(NewAnnotation.tags(column:))
        }
    }
}

extension PostgresStore {
    /// Every row of `PostgresRows.attributionColumns`.
    static func claims(_ rows: PGRows) throws(StoreError) -> [StoredAttribution] {
        var out: [StoredAttribution] = []
        out.reserveCapacity(rows.count)
        for r in 0..<rows.count { out.append(try PostgresRows.attribution(rows, r)) }
        return out
    }

    /// Every row of `PostgresRows.documentColumns`.
    static func documents(_ rows: PGRows) throws(StoreError) -> [StoredDocument] {
        var out: [StoredDocument] = []
        for r in 0..<rows.count { out.append(try PostgresRows.document(rows, r)) }
        return out
    }

    /// Every row of `PostgresRows.annotationColumns`.
    static func entries(_ rows: PGRows) throws(StoreError) -> [AnnotationEntry] {
        var out: [AnnotationEntry] = []
        out.reserveCapacity(rows.count)
        for r in 0..<rows.count { out.append(try PostgresRows.annotation(rows, r)) }
        return out
    }

    static func queued(_ rows: PGRows) -> [QueuedClaim] {
        (0..<rows.count).map { r in
            QueuedClaim(rowID: rows.int64(r, 0) ?? 0, documentRowID: rows.int64(r, 1) ?? 0, confidence: rows.double(r, 2))
        }
    }

    /// `conditions` as clauses over an attribution's columns (each ` AND …`), their values appended to
    /// `arguments` as `$n` in order. `outlet` folds ASCII case only, as SQLite's NOCASE does: `lower`
    /// under the C collation, the parameter's included (the database's own collation may fold more).
    static func sql(_ conditions: [StoredClaimCondition], into arguments: inout [any PGArgument]) -> [String] {
        conditions.map { condition in
            let value: any PGArgument
            let clause: (Int) -> String
            switch condition {
            case let .sourceType(type): (value, clause) = (type, { "sourceType = $\($0)" })
            case let .outlet(outlet): (value, clause) = (outlet, { "lower(outlet) = lower($\($0)::text COLLATE \"C\")" })
            case let .confidenceBelow(limit): (value, clause) = (limit, { "confidence < $\($0)::double precision" })
            case let .confidenceAbove(limit): (value, clause) = (limit, { "confidence > $\($0)::double precision" })
            }
            arguments.append(value)
            return " AND " + clause(arguments.count)
        }
    }

    /// Whether every text a condition compares could be stored: a NUL matches no claim (no stored
    /// value holds one), and the server could not receive it.
    static func storable(_ conditions: [StoredClaimCondition]) -> Bool {
        conditions.allSatisfy { condition in
            switch condition {
            case let .sourceType(text), let .outlet(text): PostgresRows.storable(text)
            case .confidenceBelow, .confidenceAbove: true
            }
        }
    }

    /// SQLite reads a negative LIMIT as "no limit"; PostgreSQL refuses one, and reads NULL so.
    static func limit(_ limit: Int) -> Int? {
        limit < 0 ? nil : limit
    }
}
