import ClaimModel
import GRDB

/// One document with everything a gold walk needs: its log and every claim stored for it.
public struct DocumentBundle: Sendable {
    public var stored: StoredDocument
    /// The whole annotation log of the document, oldest first.
    public var log: [AnnotationEntry]
    /// Claims of every run in the document, by run, then order.
    public var claims: [StoredAttribution]
}

extension ClaimStore {
    /// Documents with their logs and claims, read in one transaction with three queries and
    /// decoded by column position: the bulk path for exports and scoring over large stores.
    /// Unknown row ids are skipped; the result follows `documentRowIDs`' order.
    public func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle] {
        guard !documentRowIDs.isEmpty else { return [] }
        return try read("reading documents with their claims and logs") { db in
            let marks = Array(repeating: "?", count: documentRowIDs.count).joined(separator: ",")
            let arguments = StatementArguments(documentRowIDs)
            var documents: [Int64: StoredDocument] = [:]
            let documentRows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, docId, title, publisher, publicationDate, meta, text, scalarCount, origin, ingestedAt
                FROM document WHERE id IN (\(marks))
                """), arguments: arguments)
            while let row = try documentRows.next() {
                let id: Int64 = row[0]
                let meta: String? = row[5]
                documents[id] = StoredDocument(
                    rowID: id,
                    document: Document(id: row[1], text: row[6], title: row[2], publisher: row[3], publicationDate: row[4],
                                       meta: meta.flatMap { JSONValue(parsing: $0) }),
                    scalarCount: row[7], origin: row[8], ingestedAt: row[9])
            }
            var logs: [Int64: [AnnotationEntry]] = [:]
            let logRows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, annotator, runId, documentId, attributionId, action, fields, confidence, note, tags, target, createdAt
                FROM annotation WHERE documentId IN (\(marks)) ORDER BY documentId, id
                """), arguments: arguments)
            while let row = try logRows.next() {
                let documentID: Int64 = row[3]
                logs[documentID, default: []].append(AnnotationEntry(
                    id: row[0],
                    entry: NewAnnotation(annotator: row[1], runID: row[2], documentRowID: documentID, attributionID: row[4],
                                         action: row[5], fields: row[6], confidence: row[7], note: row[8], tags: row[9],
                                         target: row[10]),
                    createdAt: row[11]))
            }
            var claims: [Int64: [StoredAttribution]] = [:]
            let claimRows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, runId, documentId, ordinal, externalId, origin, addedBy, sourceFragments, cueFragments,
                       contentFragments, outlet, sourceType, anonymous, sourceEntity, confidence, createdAt
                FROM attribution WHERE documentId IN (\(marks)) ORDER BY documentId, runId, ordinal, id
                """), arguments: arguments)
            while let row = try claimRows.next() {
                let record = AttributionRecord(
                    id: row[0], runId: row[1], documentId: row[2], ordinal: row[3], externalId: row[4], origin: row[5],
                    addedBy: row[6], sourceFragments: row[7], cueFragments: row[8], contentFragments: row[9], outlet: row[10],
                    sourceType: row[11], anonymous: row[12], sourceEntity: row[13], confidence: row[14], createdAt: row[15])
                claims[record.documentId, default: []].append(try Self.stored(record))
            }
            return documentRowIDs.compactMap { id in
                documents[id].map { DocumentBundle(stored: $0, log: logs[id] ?? [], claims: claims[id] ?? []) }
            }
        }
    }
}
