import ClaimModel
import GRDB

extension SQLiteStore {
    /// Creates a run; a run of that name must not exist.
    public func createRun(
        name: String, kind: RunKind, extractor: String, version: String?, parameters: String?
    ) throws(StoreError) -> RunInfo {
        let now = clock()
        return try write("creating run \"\(name)\"") { db in
            if try RunRecord.filter(RunRecord.Columns.name == name).fetchCount(db) > 0 {
                throw StoreError.runExists(name)
            }
            var record = RunRecord(
                id: nil, name: name, kind: kind.rawValue, extractor: extractor, version: version,
                parameters: parameters, createdAt: now)
            try record.insert(db)
            return RunInfo(
                rowID: record.id ?? 0, name: name, kind: kind, extractor: extractor, version: version,
                parameters: parameters, createdAt: now, documents: 0, claims: 0)
        }
    }

    /// The run named `name` (byte for byte, as `runRef(named:)` and `createRun` match it) with its
    /// counts, or nil; only that run's claims are counted.
    public func run(named name: String) throws(StoreError) -> RunInfo? {
        try read("reading run \"\(name)\"") { db in
            try Self.runInfos(db, where: "WHERE r.name = ?", arguments: [name]).first
        }
    }

    /// Every run, oldest first, with the documents it has processed and the claims it holds.
    public func runs() throws(StoreError) -> [RunInfo] {
        try read("listing runs") { db in try Self.runInfos(db, where: "", arguments: []) }
    }

    /// The runs the condition on `run r` selects, oldest first, with their counts.
    private static func runInfos(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [RunInfo] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, (SELECT count(*) FROM runDocument d WHERE d.runId = r.id) AS documents,
                   (SELECT count(*) FROM attribution a WHERE a.runId = r.id AND a.origin = 'run' AND \(visibleClaim("a"))) AS claims
            FROM run r \(condition) ORDER BY r.id
            """, arguments: arguments)
        return try rows.map { row in
            let id: Int64 = row["id"]
            let kindText: String = row["kind"]
            guard let kind = RunKind(rawValue: kindText) else {
                throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: id, value: kindText)
            }
            return RunInfo(
                rowID: id, name: row["name"], kind: kind, extractor: row["extractor"], version: row["version"],
                parameters: row["parameters"], createdAt: row["createdAt"], documents: row["documents"],
                claims: row["claims"])
        }
    }

    /// Row ids of the documents this run has not processed yet, in ingestion order.
    public func documentRowIDs(notProcessedBy runID: Int64) throws(StoreError) -> [Int64] {
        try read("listing documents to extract") { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM document WHERE id NOT IN (SELECT documentId FROM runDocument WHERE runId = ?)
                ORDER BY id
                """, arguments: [runID])
        }
    }

    /// Stores a run's claims for a batch of documents in one transaction and marks them processed.
    /// A document already processed by the run is skipped, so a batch can be retried safely.
    @discardableResult
    public func saveRunOutput(runID: Int64, _ output: [(documentRowID: Int64, attributions: [Attribution])]) throws(StoreError) -> Int {
        let now = clock()
        return try write("storing claims") { db in
            var stored = 0
            let insert = try db.cachedStatement(sql: """
                INSERT INTO attribution (runId, documentId, ordinal, externalId, origin, addedBy,
                    sourceFragments, cueFragments, contentFragments, outlet, sourceType, anonymous,
                    sourceEntity, confidence, createdAt)
                VALUES (?, ?, ?, ?, 'run', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let mark = try db.cachedStatement(sql: "INSERT OR IGNORE INTO runDocument (runId, documentId, processedAt) VALUES (?, ?, ?)")
            for (documentRowID, attributions) in output {
                try mark.execute(arguments: [runID, documentRowID, now])
                if db.changesCount == 0 { continue }
                for (ordinal, a) in attributions.enumerated() {
                    try NULGuard.check(table: "attribution", [("externalId", a.id), ("outlet", a.outlet), ("sourceEntity", a.sourceEntity)])
                    try insert.execute(arguments: [
                        runID, documentRowID, ordinal, a.id,
                        FragmentCoding.encode(a.source), FragmentCoding.encode(a.cue), FragmentCoding.encode(a.content),
                        a.outlet, a.sourceType?.rawValue, a.anonymous, a.sourceEntity, a.confidence, now,
                    ])
                    stored += 1
                }
            }
            return stored
        }
    }
}

extension SQLiteStore {
    /// Row ids of the documents this run has processed, in ingestion order.
    public func documentRowIDs(processedBy runID: Int64) throws(StoreError) -> [Int64] {
        try read("listing a run's documents") { db in
            try Int64.fetchAll(db, sql: "SELECT documentId FROM runDocument WHERE runId = ? ORDER BY documentId", arguments: [runID])
        }
    }
}
