import ClaimModel
import GRDB
import GRDBSQLite
import Review

/// One document with everything a gold walk needs: its log and every claim stored for it.
public struct DocumentBundle: Sendable {
    public var stored: StoredDocument
    /// The whole annotation log of the document, oldest first.
    public var log: [LoggedReview]
    /// Claims of every run in the document, by run, then order.
    public var claims: [StoredAttribution]
}

extension SQLiteStore {
    /// Documents with their logs and claims, read in one transaction with three queries and
    /// decoded by column position: the bulk path for exports and scoring over large stores.
    /// Unknown row ids are skipped; the result follows `documentRowIDs`' order.
    public func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle] {
        guard !documentRowIDs.isEmpty else { return [] }
        return try read("reading documents with their claims and logs") { db in
            let marks = Array(repeating: "?", count: documentRowIDs.count).joined(separator: ",")
            let arguments = StatementArguments(documentRowIDs)
            var documents: [Int64: StoredDocument] = [:]
            try RawRows.each(db, sql: """
                SELECT id, docId, title, publisher, publicationDate, meta, text, scalarCount, origin, ingestedAt
                FROM document WHERE id IN (\(marks))
                """, arguments) { r in
                let id = r.int64(0)
                documents[id] = StoredDocument(
                    rowID: id,
                    document: Document(id: r.text(1) ?? "", text: r.text(6) ?? "", title: r.text(2), publisher: r.text(3),
                                       publicationDate: r.text(4), meta: r.text(5).flatMap { JSONValue(parsing: $0) }),
                    scalarCount: Int(r.int64(7)), origin: r.text(8) ?? "", ingestedAt: r.text(9) ?? "")
            }
            var logs: [Int64: [LoggedReview]] = [:]
            try RawRows.each(db, sql: """
                SELECT id, annotator, runId, documentId, attributionId, action, fields, confidence, note, tags, target, createdAt
                FROM annotation WHERE documentId IN (\(marks)) ORDER BY documentId, id
                """, arguments) { r in
                let documentID = r.int64(3)
                let row = AnnotationEntry(
                    id: r.int64(0),
                    entry: NewAnnotation(annotator: r.text(1) ?? "", runID: r.optionalInt64(2), documentRowID: documentID,
                                         attributionID: r.optionalInt64(4), action: r.text(5) ?? "", fields: r.text(6),
                                         confidence: r.text(7), note: r.text(8), tags: r.text(9), target: r.optionalInt64(10)),
                    createdAt: r.text(11) ?? "")
                if let logged = row.logged { logs[documentID, default: []].append(logged) }
            }
            var claims: [Int64: [StoredAttribution]] = [:]
            // A store opened read-only before `v8-claim-clusters` has no cluster column: NULL stands in.
            let cluster = try db.columns(in: "attribution").contains { $0.name == "cluster" } ? "cluster" : "NULL"
            try RawRows.each(db, sql: """
                SELECT id, runId, documentId, ordinal, externalId, origin, addedBy, sourceFragments, cueFragments,
                       contentFragments, outlet, sourceType, anonymous, sourceEntity, confidence, createdAt, \(cluster)
                FROM attribution a WHERE documentId IN (\(marks)) AND \(Self.visibleClaim("a"))
                ORDER BY documentId, runId, ordinal, id
                """, arguments) { r in
                // A NULL the schema forbids reads as "" and is refused by `stored`, never defaulted.
                let record = AttributionRecord(
                    id: r.int64(0), runId: r.int64(1), documentId: r.int64(2), ordinal: Int(r.int64(3)), externalId: r.text(4),
                    origin: r.text(5) ?? "", addedBy: r.text(6), sourceFragments: r.text(7), cueFragments: r.text(8),
                    contentFragments: r.text(9), outlet: r.text(10), sourceType: r.text(11),
                    anonymous: r.optionalInt64(12).map { $0 != 0 }, sourceEntity: r.text(13), confidence: r.optionalDouble(14),
                    createdAt: r.text(15) ?? "", cluster: r.text(16))
                claims[record.documentId, default: []].append(try Self.stored(record))
            }
            return documentRowIDs.compactMap { id in
                documents[id].map { DocumentBundle(stored: $0, log: logs[id] ?? [], claims: claims[id] ?? []) }
            }
        }
    }
}

/// Steps a cached statement with SQLite's C API and reads columns by position: the bulk read path,
/// several times faster than decoding `Row`s for millions of rows.
struct RawRows {
    let handle: OpaquePointer

    static func each(_ db: Database, sql: String, _ arguments: StatementArguments,
                     _ body: (RawRows) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        defer { sqlite3_reset(statement.sqliteStatement) }
        let row = RawRows(handle: statement.sqliteStatement)
        while true {
            let code = sqlite3_step(statement.sqliteStatement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body(row)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    func optionalDouble(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    /// The column's text (UTF-8, embedded NULs kept), or nil for NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
