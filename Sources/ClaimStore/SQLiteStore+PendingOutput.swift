import ClaimModel
import GRDB

/// A run's output for one document written over several short transactions, invisible until done.
///
/// A document's claims count for a run only once its `runDocument` row exists. `saveRunOutput`
/// writes both in one transaction; a document too big for one short transaction (a 100 MB text
/// with millions of claims) gets its claims through `appendPendingClaims` in bounded chunks and
/// becomes visible with `completeDocument`, so no write holds the lock for long and no reader
/// (another analyst, `score`, `export`, the listings) sees half a document. Every reader of claims
/// filters on `visibleClaim`. Any writer of a run's claims (extract, imports) can use this.
extension SQLiteStore {
    /// SQL condition on an `attribution` row (under `alias`): its document is complete in its run.
    static func visibleClaim(_ alias: String) -> String {
        "EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = \(alias).runId AND rd.documentId = \(alias).documentId)"
    }

    /// Documents this run has not completed, in ingestion order, with their length in scalars
    /// (so a caller can batch by size without reading any text).
    public func pendingDocuments(notProcessedBy runID: Int64) throws(StoreError) -> [(rowID: Int64, scalars: Int)] {
        try read("listing documents to extract") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, scalarCount FROM document
                WHERE id NOT IN (SELECT documentId FROM runDocument WHERE runId = ?) ORDER BY id
                """, arguments: [runID]).map { (rowID: $0[0], scalars: $0[1]) }
        }
    }

    /// Removes what an interrupted writer left of this run's incomplete documents (claims without a
    /// `runDocument` row), `chunk` rows per transaction. Returns how many claims went.
    @discardableResult
    public func discardIncompleteClaims(runID: Int64, chunk: Int) throws(StoreError) -> Int {
        var removed = 0
        while true {
            let count = try write("discarding an interrupted run's claims") { db in
                try db.execute(sql: """
                    DELETE FROM attribution WHERE id IN (
                        SELECT a.id FROM document d JOIN attribution a ON a.runId = ? AND a.documentId = d.id
                        WHERE d.id NOT IN (SELECT documentId FROM runDocument WHERE runId = ?) AND a.origin = 'run'
                        LIMIT ?)
                    """, arguments: [runID, runID, chunk])
                return db.changesCount
            }
            removed += count
            if count < chunk { return removed }
        }
    }

    /// Appends claims of a document the run has not completed, in one transaction; ordinals start
    /// at `firstOrdinal`. Refuses a document the run has already completed.
    @discardableResult
    public func appendPendingClaims(runID: Int64, documentRowID: Int64, firstOrdinal: Int,
                                    _ attributions: [Attribution]) throws(StoreError) -> Int {
        let now = clock()
        return try write("storing claims") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM runDocument WHERE runId = ? AND documentId = ?",
                                 arguments: [runID, documentRowID]) == true {
                throw StoreError.database(operation: "storing claims", message: "the document is already complete in this run")
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO attribution (runId, documentId, ordinal, externalId, origin, addedBy,
                    sourceFragments, cueFragments, contentFragments, outlet, sourceType, anonymous,
                    sourceEntity, confidence, createdAt)
                VALUES (?, ?, ?, ?, 'run', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (offset, a) in attributions.enumerated() {
                try NULGuard.check(table: "attribution", [("externalId", a.id), ("outlet", a.outlet), ("sourceEntity", a.sourceEntity)])
                try insert.execute(arguments: [
                    runID, documentRowID, firstOrdinal + offset, a.id,
                    FragmentCoding.encode(a.source), FragmentCoding.encode(a.cue), FragmentCoding.encode(a.content),
                    a.outlet, a.sourceType?.rawValue, a.anonymous, a.sourceEntity, a.confidence, now,
                ])
            }
            return attributions.count
        }
    }

    /// Marks the document complete in the run: its claims become visible, all at once.
    public func completeDocument(runID: Int64, documentRowID: Int64) throws(StoreError) {
        let now = clock()
        try write("completing a document") { db in
            try db.execute(sql: "INSERT OR IGNORE INTO runDocument (runId, documentId, processedAt) VALUES (?, ?, ?)",
                           arguments: [runID, documentRowID, now])
        }
    }
}
