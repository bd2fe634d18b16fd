import GRDB

/// Read operations of the adjudication REPL.
extension SQLiteStore {
    /// The run's documents that two or more annotators currently hold marked done, in ingestion
    /// order, with those annotators in order of their (latest) mark. Only these can hold a
    /// disagreement that keeps a document out of the gold.
    public func documentsDoneBySeveral(runID: Int64) throws(StoreError) -> [(documentRowID: Int64, annotators: [String])] {
        try read("reading document reviews") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.documentId, r.annotator FROM documentReview r
                WHERE r.runId = ? AND r.status = 'done'
                  AND r.id = (SELECT max(id) FROM documentReview x WHERE x.documentId = r.documentId AND x.annotator = r.annotator)
                ORDER BY r.documentId, r.id
                """, arguments: [runID])
            var result: [(documentRowID: Int64, annotators: [String])] = []
            for row in rows {
                let document: Int64 = row[0], annotator: String = row[1]
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
