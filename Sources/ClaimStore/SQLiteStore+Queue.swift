import GRDB

/// A run's claim as the queue's order and `accept-above` need it: no text, no spans.
public struct QueuedClaim: Sendable, Equatable {
    public var rowID: Int64
    public var documentRowID: Int64
    public var confidence: Double?

    public init(rowID: Int64, documentRowID: Int64, confidence: Double?) {
        self.rowID = rowID
        self.documentRowID = documentRowID
        self.confidence = confidence
    }
}

extension SQLiteStore {
    /// Every claim the run found (not those analysts added), in queue order (document, then claim):
    /// what `order uncertain|confidence` sorts. Three columns a claim, read once per ordering.
    public func queuedClaims(runID: Int64) throws(StoreError) -> [QueuedClaim] {
        try read("reading the queue") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, documentId, confidence FROM attribution a
                WHERE runId = ? AND origin = 'run' AND \(Self.visibleClaim("a"))
                ORDER BY documentId, ordinal, id
                """, arguments: [runID]).map { row in
                QueuedClaim(rowID: row[0], documentRowID: row[1], confidence: row[2])
            }
        }
    }

    /// The run's claims at or above extractor confidence `threshold` whose stored columns meet every
    /// one of `conditions`, in queue order: the candidates of `accept-above --filter`.
    public func queuedClaims(runID: Int64, atOrAbove threshold: Double,
                             where conditions: [StoredClaimCondition]) throws(StoreError) -> [QueuedClaim] {
        try read("reading the queue") { db in
            var arguments: StatementArguments = [runID, threshold]
            let clauses = Self.sql(conditions, into: &arguments)
            return try Row.fetchAll(db, sql: """
                SELECT id, documentId, confidence FROM attribution a
                WHERE runId = ? AND origin = 'run' AND confidence >= ?\(clauses.joined()) AND \(Self.visibleClaim("a"))
                ORDER BY documentId, ordinal, id
                """, arguments: arguments).map { row in
                QueuedClaim(rowID: row[0], documentRowID: row[1], confidence: row[2])
            }
        }
    }
}
