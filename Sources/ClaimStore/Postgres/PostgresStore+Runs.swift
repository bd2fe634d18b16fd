import ClaimModel

/// Runs and the writing of their claims on PostgreSQL: `SQLiteStore+Runs.swift` and
/// `SQLiteStore+PendingOutput.swift` with the same results, orderings and errors. A batch of claims
/// costs a few round trips whatever its size (multi-row inserts), never one per claim.
extension PostgresStore: RunStore {
    /// Creates a run; a run of that name must not exist (`runExists`, checked before the NUL guard,
    /// as on SQLite).
    public func createRun(name: String, kind: RunKind, extractor: String, version: String?, parameters: String?) throws(StoreError) -> RunInfo {
        let now = clock()
        return try write("creating run \"\(name)\"") { db in
            if PostgresRows.storable(name),
               (try db.execute("SELECT count(*) FROM run WHERE name = $1", [name]).int(0, 0) ?? 0) > 0 {
                throw StoreError.runExists(name)
            }
            try NULGuard.check(table: "run", [("createdAt", now), ("extractor", extractor), ("kind", kind.rawValue), ("name", name),
                                              ("parameters", parameters), ("version", version)])
            let rows = try db.execute("""
                INSERT INTO run (name, kind, extractor, version, parameters, createdAt) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
                """, [name, kind.rawValue, extractor, version, parameters, now])
            return RunInfo(rowID: rows.int64(0, 0) ?? 0, name: name, kind: kind, extractor: extractor, version: version,
                           parameters: parameters, createdAt: now, documents: 0, claims: 0)
        }
    }

    /// The run named `name` (byte for byte, as `runRef(named:)` and `createRun` match it) with its
    /// counts, or nil; only that run's claims are counted.
    public func run(named name: String) throws(StoreError) -> RunInfo? {
        guard PostgresRows.storable(name) else { return nil }
        return try read("reading run \"\(name)\"") { db in
            let rows = try db.execute("SELECT \(PostgresRows.runInfoColumns) FROM run r WHERE r.name = $1", [name])
            return rows.count == 0 ? nil : try PostgresRows.runInfo(rows, 0)
        }
    }

    /// Every run, oldest first, with the documents it has processed and its own visible claims.
    public func runs() throws(StoreError) -> [RunInfo] {
        try read("listing runs") { db in
            let rows = try db.execute("SELECT \(PostgresRows.runInfoColumns) FROM run r ORDER BY r.id")
            return try (0..<rows.count).map { row throws(StoreError) in try PostgresRows.runInfo(rows, row) }
        }
    }

    /// The run named `name`, without counting its claims.
    public func runRef(named name: String) throws(StoreError) -> RunRef? {
        guard PostgresRows.storable(name) else { return nil }
        return try read("reading run \"\(name)\"") { db in
            let rows = try db.execute("SELECT \(PostgresRows.runRefColumns) FROM run r WHERE r.name = $1", [name])
            return rows.count == 0 ? nil : try PostgresRows.runRef(rows, 0)
        }
    }

    /// Every run, without counts, oldest first.
    public func runRefs() throws(StoreError) -> [RunRef] {
        try read("listing runs") { db in
            let rows = try db.execute("SELECT \(PostgresRows.runRefColumns) FROM run r ORDER BY r.id")
            return try (0..<rows.count).map { row throws(StoreError) in try PostgresRows.runRef(rows, row) }
        }
    }

    /// Row ids of the documents this run has not processed yet, in ingestion order.
    public func documentRowIDs(notProcessedBy runID: Int64) throws(StoreError) -> [Int64] {
        try read("listing documents to extract") { db in
            try db.execute("""
                SELECT d.id FROM document d
                WHERE NOT EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $1 AND rd.documentId = d.id)
                ORDER BY d.id
                """, [runID]).int64Column
        }
    }

    /// Row ids of the documents this run has processed, in ingestion order.
    public func documentRowIDs(processedBy runID: Int64) throws(StoreError) -> [Int64] {
        try read("listing a run's documents") { db in
            try db.execute("SELECT documentId FROM runDocument WHERE runId = $1 ORDER BY documentId", [runID]).int64Column
        }
    }

    /// Stores a run's claims for a batch of documents in one transaction and marks them processed;
    /// a document the run already processed is skipped whole (and a document given twice counts
    /// once, its first output), so a batch can be retried. Two multi-row inserts whatever the batch.
    @discardableResult
    public func saveRunOutput(runID: Int64, _ output: [(documentRowID: Int64, attributions: [Attribution])]) throws(StoreError) -> Int {
        let now = clock()
        return try write("storing claims") { db in
            var seen = Set<Int64>()
            let batch = output.filter { seen.insert($0.documentRowID).inserted }
            guard !batch.isEmpty else { return 0 }
            let marked = try db.insert(into: "runDocument", columns: ["runId", "documentId", "processedAt"],
                                       rows: batch.map { [runID, $0.documentRowID, now] },
                                       suffix: "ON CONFLICT DO NOTHING RETURNING documentId")
            let fresh = Set(marked.flatMap(\.int64Column))
            var rows: [[any PGArgument]] = []
            for (documentRowID, attributions) in batch where fresh.contains(documentRowID) {
                for (ordinal, a) in attributions.enumerated() {
                    rows.append(try PostgresRows.attributionValues(a, runID: runID, documentRowID: documentRowID, ordinal: ordinal,
                                                                   origin: .run, addedBy: nil, keepCluster: false, now: now))
                }
            }
            try db.copy(into: "attribution", columns: PostgresRows.attributionInsertColumns, rows: rows)
            return rows.count
        }
    }

    /// Documents this run has not completed, in ingestion order, with their length in scalars.
    public func pendingDocuments(notProcessedBy runID: Int64) throws(StoreError) -> [(rowID: Int64, scalars: Int)] {
        try read("listing documents to extract") { db in
            let rows = try db.execute("""
                SELECT d.id, d.scalarCount FROM document d
                WHERE NOT EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $1 AND rd.documentId = d.id)
                ORDER BY d.id
                """, [runID])
            return (0..<rows.count).compactMap { row in
                guard let id = rows.int64(row, 0), let scalars = rows.int(row, 1) else { return nil }
                return (rowID: id, scalars: scalars)
            }
        }
    }

    /// Removes the run's own claims in documents it has not completed (what an interrupted writer
    /// left), `chunk` rows per transaction; returns how many went. A chunk of 0 or less removes
    /// everything in one transaction.
    @discardableResult
    public func discardIncompleteClaims(runID: Int64, chunk: Int) throws(StoreError) -> Int {
        var removed = 0
        while true {
            let count = try write("discarding an interrupted run's claims") { db in
                try db.execute("""
                    DELETE FROM attribution WHERE id IN (
                        SELECT a.id FROM attribution a
                        WHERE a.runId = $1 AND a.origin = 'run'
                          AND NOT EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $1 AND rd.documentId = a.documentId)
                        LIMIT $2)
                    """, [runID, chunk > 0 ? chunk : nil]).affected
            }
            removed += count
            if chunk <= 0 || count < chunk { return removed }
        }
    }

    /// Appends claims of a document the run has not completed, in one transaction (one COPY);
    /// ordinals start at `firstOrdinal`. Refuses a document the run has already completed.
    @discardableResult
    public func appendPendingClaims(runID: Int64, documentRowID: Int64, firstOrdinal: Int,
                                    _ attributions: [Attribution]) throws(StoreError) -> Int {
        let now = clock()
        return try write("storing claims") { db in
            if try db.execute("SELECT 1 FROM runDocument WHERE runId = $1 AND documentId = $2", [runID, documentRowID]).count > 0 {
                throw StoreError.database(operation: "storing claims", message: "the document is already complete in this run")
            }
            let rows = try attributions.enumerated().map { offset, a throws(StoreError) in
                try PostgresRows.attributionValues(a, runID: runID, documentRowID: documentRowID, ordinal: firstOrdinal + offset,
                                                   origin: .run, addedBy: nil, keepCluster: false, now: now)
            }
            try db.copy(into: "attribution", columns: PostgresRows.attributionInsertColumns, rows: rows)
            return attributions.count
        }
    }

    /// Marks the document complete in the run: its claims become visible, all at once; twice is a no-op.
    public func completeDocument(runID: Int64, documentRowID: Int64) throws(StoreError) {
        let now = clock()
        try write("completing a document") { db in
            try db.execute("INSERT INTO runDocument (runId, documentId, processedAt) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                           [runID, documentRowID, now])
        }
    }

    /// How many visible claims the run holds (its own, not analyst-added ones): counted per
    /// document, each document's completion looked up once (as `SQLiteStore.claimCount`).
    public func claimCount(runID: Int64) throws(StoreError) -> Int {
        try read("counting claims") { db in
            try db.execute("""
                SELECT coalesce(sum(g.n), 0)::bigint FROM (
                    SELECT documentId, count(*) AS n FROM attribution
                    WHERE runId = $1 AND origin = 'run' GROUP BY documentId
                ) g
                WHERE EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = $1 AND rd.documentId = g.documentId)
                """, [runID]).int(0, 0) ?? 0
        }
    }
}
