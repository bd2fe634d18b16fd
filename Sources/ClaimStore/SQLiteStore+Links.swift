import ClaimModel
import GRDB
import Review

/// A link run as stored: which claim run it linked, with which options, and how much it found.
public struct LinkRunInfo: Sendable, Equatable {
    public var rowID: Int64
    public var name: String
    /// The claim run whose claims were linked.
    public var runID: Int64
    /// The linker's options as JSON text, so a later reader can tell two link runs apart.
    public var options: String
    public var createdAt: String
    public var clusters: Int
    public var links: Int

    public init(rowID: Int64, name: String, runID: Int64, options: String, createdAt: String, clusters: Int, links: Int) {
        self.rowID = rowID
        self.name = name
        self.runID = runID
        self.options = options
        self.createdAt = createdAt
        self.clusters = clusters
        self.links = links
    }
}

/// One stored link: two claim row ids (`a < b`), the cluster it joined, its score and its reasons
/// (a JSON array the Workbench writes and reads; the store does not interpret it).
public struct StoredLink: Sendable, Equatable {
    public var a: Int64
    public var b: Int64
    public var cluster: String
    public var score: Double
    public var reasons: String

    public init(a: Int64, b: Int64, cluster: String, score: Double, reasons: String) {
        self.a = a
        self.b = b
        self.cluster = cluster
        self.score = score
        self.reasons = reasons
    }
}

/// One stored cluster: its name (`C1`…) and its claims' row ids, ascending.
public struct StoredCluster: Sendable, Equatable {
    public var id: String
    public var claimIDs: [Int64]

    public init(id: String, claimIDs: [Int64]) {
        self.id = id
        self.claimIDs = claimIDs
    }
}

extension SQLiteStore {
    /// Stores a link run with its clusters and links in one transaction. A link run of that name is
    /// refused (`linkRunExists`) unless `replace`, which removes the old one's rows in the same
    /// transaction (link runs are derived data, re-made at will; verdicts live in the review log).
    @discardableResult
    public func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster], links: [StoredLink],
                            replace: Bool) throws(StoreError) -> LinkRunInfo {
        try NULGuard.check(table: "linkRun", [("name", name), ("options", options)])
        let now = clock()
        return try write("storing link run \"\(name)\"") { db in
            if let old = try Int64.fetchOne(db, sql: "SELECT id FROM linkRun WHERE name = ?", arguments: [name]) {
                guard replace else { throw StoreError.linkRunExists(name) }
                try db.execute(sql: "DELETE FROM claimLink WHERE linkRunId = ?", arguments: [old])
                try db.execute(sql: "DELETE FROM linkCluster WHERE linkRunId = ?", arguments: [old])
                try db.execute(sql: "DELETE FROM linkRun WHERE id = ?", arguments: [old])
            }
            try db.execute(sql: "INSERT INTO linkRun (name, runId, options, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [name, runID, options, now])
            let id = db.lastInsertedRowID
            let member = try db.cachedStatement(sql: """
                INSERT INTO linkCluster (linkRunId, cluster, position, attributionId) VALUES (?, ?, ?, ?)
                """)
            for (position, cluster) in clusters.enumerated() {
                for claim in cluster.claimIDs { try member.execute(arguments: [id, cluster.id, position, claim]) }
            }
            let link = try db.cachedStatement(sql: "INSERT INTO claimLink (linkRunId, a, b, score, reasons) VALUES (?, ?, ?, ?, ?)")
            for l in links { try link.execute(arguments: [id, l.a, l.b, l.score, l.reasons]) }
            return LinkRunInfo(rowID: id, name: name, runID: runID, options: options, createdAt: now,
                               clusters: clusters.count, links: links.count)
        }
    }

    /// Every link run, oldest first, with its cluster and link counts. None on a store opened
    /// read-only before its `v7-links` migration (read-only commands never migrate).
    public func linkRuns() throws(StoreError) -> [LinkRunInfo] {
        try read("listing link runs") { db in
            guard try db.tableExists("linkRun") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT l.*, (SELECT count(DISTINCT cluster) FROM linkCluster c WHERE c.linkRunId = l.id) AS clusters,
                       (SELECT count(*) FROM claimLink k WHERE k.linkRunId = l.id) AS links
                FROM linkRun l ORDER BY l.id
                """).map { row in
                LinkRunInfo(rowID: row["id"], name: row["name"], runID: row["runId"], options: row["options"],
                            createdAt: row["createdAt"], clusters: row["clusters"], links: row["links"])
            }
        }
    }

    /// The clusters of a link run, in the order they were stored (largest first), claims ascending.
    public func linkClusters(linkRunID: Int64) throws(StoreError) -> [StoredCluster] {
        try read("reading link clusters") { db in
            var clusters: [StoredCluster] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT cluster, attributionId FROM linkCluster WHERE linkRunId = ? ORDER BY position, attributionId
                """, arguments: [linkRunID]) {
                let name: String = row["cluster"]
                let claim: Int64 = row["attributionId"]
                if clusters.last?.id == name { clusters[clusters.count - 1].claimIDs.append(claim) } else {
                    clusters.append(StoredCluster(id: name, claimIDs: [claim]))
                }
            }
            return clusters
        }
    }

    /// The links of a link run, by (a, b).
    public func links(linkRunID: Int64) throws(StoreError) -> [StoredLink] {
        try read("reading links") { db in
            try Row.fetchAll(db, sql: """
                SELECT a, b, score, reasons, (SELECT cluster FROM linkCluster c WHERE c.linkRunId = k.linkRunId AND c.attributionId = k.a) AS cluster
                FROM claimLink k WHERE linkRunId = ? ORDER BY a, b
                """, arguments: [linkRunID]).map { row in
                StoredLink(a: row["a"], b: row["b"], cluster: row["cluster"] ?? "", score: row["score"], reasons: row["reasons"])
            }
        }
    }
}

extension SQLiteStore {
    /// Every analyst's log entries in a run, oldest first: the link verdicts are folded from these
    /// (with the undos and redos that may cancel them).
    public func annotations(runID: Int64) throws(StoreError) -> [LoggedReview] {
        try read("reading the annotation log") { db in
            try AnnotationRecord.fetchAll(
                db, sql: "SELECT * FROM annotation WHERE runId = ? ORDER BY id", arguments: [runID]).map(Self.entry).logged
        }
    }
}

extension SQLiteStore {
    /// The log entries link verdicts are folded from, every run's: `same`, `different`, and the
    /// undos and redos that may cancel them (others' undos are harmless to the fold). Without
    /// the rest of the log, which a gold export of a large store must not read twice.
    public func linkVerdictLog() throws(StoreError) -> [LoggedReview] {
        try read("reading the link verdicts") { db in
            try AnnotationRecord.fetchAll(
                db, sql: "SELECT * FROM annotation WHERE action IN ('same', 'different', 'undo', 'redo') ORDER BY id"
            ).map(Self.entry).logged
        }
    }
}
