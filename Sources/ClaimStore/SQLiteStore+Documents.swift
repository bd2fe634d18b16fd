import ClaimModel
import GRDB

extension SQLiteStore {
    /// Stores documents in one transaction: new ones are added, identical ones are a no-op, and a
    /// known doc_id with a different text fails the whole batch (nothing is stored).
    public func ingest(_ documents: [(document: Document, origin: String)]) throws(StoreError) -> IngestSummary {
        let now = clock()
        return try write("ingesting documents") { db in
            var summary = IngestSummary()
            for (document, origin) in documents {
                if let existing = try DocumentRecord.filter(DocumentRecord.Columns.docId == document.id).fetchOne(db) {
                    if existing.text.isExactly(document.text) {
                        summary.unchanged.append(document.id)
                        continue
                    }
                    throw StoreError.documentConflict(docID: document.id, origin: origin)
                }
                var record = DocumentRecord(
                    id: nil, docId: document.id, title: document.title, publisher: document.publisher,
                    publicationDate: document.publicationDate, meta: document.meta?.serialized,
                    text: document.text, scalarCount: document.text.unicodeScalars.count, origin: origin, ingestedAt: now)
                try record.insert(db)
                summary.added.append(document.id)
            }
            return summary
        }
    }

    public func documentCount() throws(StoreError) -> Int {
        try read("counting documents") { db in try DocumentRecord.fetchCount(db) }
    }

    /// The document with this doc_id, or nil.
    public func document(docID: String) throws(StoreError) -> StoredDocument? {
        try read("reading a document") { db in
            try DocumentRecord.filter(DocumentRecord.Columns.docId == docID).fetchOne(db).map(Self.stored)
        }
    }

    public func document(rowID: Int64) throws(StoreError) -> StoredDocument? {
        try read("reading a document") { db in try DocumentRecord.fetchOne(db, key: rowID).map(Self.stored) }
    }

    /// Documents by row id, in the order given (unknown ids are skipped).
    public func documents(rowIDs: [Int64]) throws(StoreError) -> [StoredDocument] {
        try read("reading documents") { db in
            let records = try DocumentRecord.fetchAll(db, keys: rowIDs)
            var byID: [Int64: DocumentRecord] = [:]
            for record in records { if let id = record.id { byID[id] = record } }
            return rowIDs.compactMap { byID[$0].map(Self.stored) }
        }
    }

    /// Up to `limit` doc_ids of the run's documents that begin with `prefix`, in byte order: one
    /// range scan of the doc_id index (for `goto` by prefix and TAB completion of doc_ids).
    public func documentIDs(runID: Int64, prefix: String, limit: Int) throws(StoreError) -> [String] {
        try read("listing doc_ids") { db in
            // Every doc_id that begins with `prefix` sorts between it and `prefix` + U+10FFFF.
            try String.fetchAll(db, sql: """
                SELECT d.docId FROM document d
                WHERE d.docId >= ? AND d.docId < ?
                  AND EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = ? AND rd.documentId = d.id)
                ORDER BY d.docId LIMIT ?
                """, arguments: [prefix, prefix + "\u{10FFFF}", runID, limit]).filter { $0.hasPrefix(prefix) }
        }
    }

    /// Row ids of every document, in ingestion order.
    public func documentRowIDs() throws(StoreError) -> [Int64] {
        try read("listing documents") { db in try Int64.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") }
    }

    /// Every document without its text, with claim counts and who marked it done.
    public func documentSummaries() throws(StoreError) -> [DocumentSummary] {
        try read("listing documents") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.docId, d.title, d.publisher, d.scalarCount,
                       (SELECT count(*) FROM attribution a WHERE a.documentId = d.id AND \(Self.visibleClaim("a"))) AS claims
                FROM document d ORDER BY d.id
                """)
            let done = try Self.doneAnnotators(db)
            return rows.map { row in
                let id: Int64 = row["id"]
                return DocumentSummary(
                    rowID: id, docID: row["docId"], title: row["title"], publisher: row["publisher"],
                    scalarCount: row["scalarCount"], claims: row["claims"], doneBy: done[id] ?? [])
            }
        }
    }

    /// For each document, the annotators whose latest review entry is "done".
    static func doneAnnotators(_ db: Database) throws -> [Int64: [String]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.documentId, r.annotator, r.status FROM documentReview r
            WHERE r.id = (SELECT max(id) FROM documentReview x
                          WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
            ORDER BY r.documentId, r.annotator
            """)
        var result: [Int64: [String]] = [:]
        for row in rows where (row["status"] as String) == "done" {
            result[row["documentId"], default: []].append(row["annotator"])
        }
        return result
    }

    static func stored(_ record: DocumentRecord) -> StoredDocument {
        StoredDocument(
            rowID: record.id ?? 0,
            document: Document(
                id: record.docId, text: record.text, title: record.title, publisher: record.publisher,
                publicationDate: record.publicationDate, meta: record.meta.flatMap { JSONValue(parsing: $0) }),
            scalarCount: record.scalarCount, origin: record.origin, ingestedAt: record.ingestedAt)
    }
}

