import ClaimModel

/// The documents on PostgreSQL: `SQLiteStore+Documents.swift`'s operations with the same results,
/// orderings and errors. A batch of documents costs a few round trips whatever its size: one read of
/// the doc_ids already stored, one multi-row insert per thousand new documents.
extension PostgresStore: DocumentStore {
    /// Stores documents in one transaction: new ones are added in the order given, identical ones are
    /// a no-op, and a known doc_id with another text fails the whole batch (nothing stored). The
    /// documents are judged in order, as SQLite's one-by-one loop judges them, so the same document
    /// is the one named in a conflict or a NUL refusal (a doc_id given twice meets its first copy).
    public func ingest(_ documents: [(document: Document, origin: String)]) throws(StoreError) -> IngestSummary {
        let now = clock()
        return try write("ingesting documents") { db in
            var summary = IngestSummary()
            guard !documents.isEmpty else { return summary }
            var known = try Self.storedTexts(db, docIDs: documents.map(\.document.id))
            var rows: [[any PGArgument]] = []
            for (document, origin) in documents {
                if let text = known[Array(document.id.utf8)] {
                    if text.isExactly(document.text) {
                        summary.unchanged.append(document.id)
                        continue
                    }
                    throw StoreError.documentConflict(docID: document.id, origin: origin)
                }
                rows.append(try PostgresRows.documentValues(document, origin: origin, now: now))
                known[Array(document.id.utf8)] = document.text
                summary.added.append(document.id)
            }
            try db.copy(into: "document", columns: PostgresRows.documentInsertColumns, rows: rows)
            return summary
        }
    }

    public func documentCount() throws(StoreError) -> Int {
        try read("counting documents") { db in try db.execute("SELECT count(*) FROM document").int(0, 0) ?? 0 }
    }

    /// The document with this doc_id, or nil.
    public func document(docID: String) throws(StoreError) -> StoredDocument? {
        guard PostgresRows.storable(docID) else { return nil }
        return try read("reading a document") { db in
            let rows = try db.execute("SELECT \(PostgresRows.documentColumns) FROM document d WHERE d.docId = $1", [docID])
            return rows.count == 0 ? nil : try PostgresRows.document(rows, 0)
        }
    }

    public func document(rowID: Int64) throws(StoreError) -> StoredDocument? {
        try read("reading a document") { db in
            let rows = try db.execute("SELECT \(PostgresRows.documentColumns) FROM document d WHERE d.id = $1", [rowID])
            return rows.count == 0 ? nil : try PostgresRows.document(rows, 0)
        }
    }

    /// Documents by row id, in the order given (unknown ids skipped, a repeated id repeated), read
    /// with one statement.
    public func documents(rowIDs: [Int64]) throws(StoreError) -> [StoredDocument] {
        guard !rowIDs.isEmpty else { return [] }
        return try read("reading documents") { db in
            let rows = try db.execute("SELECT \(PostgresRows.documentColumns) FROM document d WHERE d.id = ANY($1::bigint[])",
                                      [PostgresRows.bigintArray(rowIDs)])
            var byID: [Int64: StoredDocument] = [:]
            for row in 0..<rows.count {
                let document = try PostgresRows.document(rows, row)
                byID[document.rowID] = document
            }
            return rowIDs.compactMap { byID[$0] }
        }
    }

    /// Up to `limit` doc_ids of the run's documents that begin with `prefix`, in byte order: one range
    /// scan of the doc_id index (the column is C-collated, so `>=`/`<` compare bytes as on SQLite).
    public func documentIDs(runID: Int64, prefix: String, limit: Int) throws(StoreError) -> [String] {
        // No stored doc_id holds a NUL (every write refuses one), so none begins with such a prefix.
        guard PostgresRows.storable(prefix) else { return [] }
        return try read("listing doc_ids") { db in
            try db.execute("""
                SELECT d.docId FROM document d
                WHERE d.docId >= $1 AND d.docId < $2
                  AND EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $3 AND rd.documentId = d.id)
                ORDER BY d.docId LIMIT $4
                """, [prefix, prefix + "\u{10FFFF}", runID, Self.limit(limit)]).stringColumn.filter { $0.hasPrefix(prefix) }
        }
    }

    /// Row ids of every document, in ingestion order.
    public func documentRowIDs() throws(StoreError) -> [Int64] {
        try read("listing documents") { db in try db.execute("SELECT id FROM document ORDER BY id").int64Column }
    }

    /// Every document without its text, with its visible claims and who holds it done, in one snapshot.
    public func documentSummaries() throws(StoreError) -> [DocumentSummary] {
        try read("listing documents") { db in
            let rows = try db.execute("""
                SELECT d.id, d.docId, d.title, d.publisher, d.scalarCount,
                       (SELECT count(*) FROM attribution a WHERE a.documentId = d.id AND \(PostgresRows.visibleClaim("a")))
                FROM document d ORDER BY d.id
                """)
            let done = try Self.doneAnnotators(db)
            return try (0..<rows.count).map { row throws(StoreError) in
                let id = try PostgresRows.required(rows, row, 0, "document", "id", rowID: 0) { $0.int64(row, 0) }
                return DocumentSummary(
                    rowID: id,
                    docID: try PostgresRows.required(rows, row, 1, "document", "docId", rowID: id) { $0.string(row, 1) },
                    title: rows.string(row, 2), publisher: rows.string(row, 3),
                    scalarCount: try PostgresRows.required(rows, row, 4, "document", "scalarCount", rowID: id) { $0.int(row, 4) },
                    claims: rows.int(row, 5) ?? 0, doneBy: done[id] ?? [])
            }
        }
    }

    /// For each document, the annotators whose latest mark is "done", by name (byte order).
    static func doneAnnotators(_ db: PGConnection) throws -> [Int64: [String]] {
        let rows = try db.execute("""
            SELECT r.documentId, r.annotator FROM documentReview r
            WHERE r.id = (SELECT max(id) FROM documentReview x
                          WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
              AND r.status = 'done'
            ORDER BY r.documentId, r.annotator
            """)
        var result: [Int64: [String]] = [:]
        for row in 0..<rows.count {
            guard let document = rows.int64(row, 0), let annotator = rows.string(row, 1) else { continue }
            result[document, default: []].append(annotator)
        }
        return result
    }

    /// The stored text of each of `docIDs` the store holds, in one read, keyed by the doc_id's UTF-8
    /// bytes: doc_ids are equal when their bytes are (as in SQL), not when Swift's `==` finds them
    /// canonically equivalent. A doc_id holding NUL is not asked for (no stored one can hold it).
    /// `ingest` and `storedDocIDs` judge documents against it.
    static func storedTexts(_ db: PGConnection, docIDs: [String]) throws -> [[UInt8]: String] {
        let rows = try db.execute("SELECT docId, text FROM document WHERE docId = ANY($1::text[])",
                                  [PostgresRows.textArray(docIDs.filter(PostgresRows.storable))])
        var texts: [[UInt8]: String] = [:]
        for row in 0..<rows.count {
            if let id = rows.string(row, 0), let text = rows.string(row, 1) { texts[Array(id.utf8)] = text }
        }
        return texts
    }

    /// Which of `documents` the store holds (by doc_id), with the same text or another: one read.
    public func storedDocIDs(_ documents: [Document]) throws(StoreError) -> (sameText: Set<[UInt8]>, otherText: Set<[UInt8]>) {
        guard !documents.isEmpty else { return ([], []) }
        return try read("comparing documents") { db in
            let stored = try Self.storedTexts(db, docIDs: documents.map(\.id))
            var same: Set<[UInt8]> = [], other: Set<[UInt8]> = []
            for d in documents {
                guard let text = stored[Array(d.id.utf8)] else { continue }
                // The same bytes, not merely canonically equivalent text: stored as read.
                if text.isExactly(d.text) { same.insert(d.id.exactKey) } else { other.insert(d.id.exactKey) }
            }
            return (same, other)
        }
    }
}
