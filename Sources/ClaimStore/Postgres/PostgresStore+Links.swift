import ClaimModel
import Foundation
import Review

/// Link runs on PostgreSQL, as `SQLiteStore+Links` keeps them: derived data, replaced at will, each
/// save one transaction; clusters and links are sent with multi-row inserts (a link run over a
/// million claims is a few hundred round trips, not a million).
extension PostgresStore: LinkStore {
    @discardableResult
    public func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster], links: [StoredLink],
                            replace: Bool) throws(StoreError) -> LinkRunInfo {
        try NULGuard.check(table: "linkRun", [("name", name), ("options", options)])
        for cluster in clusters { try NULGuard.check(table: "linkCluster", [("cluster", cluster.id)]) }
        for link in links { try NULGuard.check(table: "claimLink", [("reasons", link.reasons)]) }
        let now = clock()
        return try write("storing link run \"\(name)\"") { db in
            if let old = try db.execute("SELECT id FROM linkRun WHERE name = $1", [name]).int64(0, 0) {
                guard replace else { throw StoreError.linkRunExists(name) }
                try db.execute("DELETE FROM claimLink WHERE linkRunId = $1", [old])
                try db.execute("DELETE FROM linkCluster WHERE linkRunId = $1", [old])
                try db.execute("DELETE FROM linkRun WHERE id = $1", [old])
            }
            // The id SQLite gives (the highest plus one), so that both stores number link runs alike.
            let inserted = try db.execute("""
                INSERT INTO linkRun (id, name, runId, options, createdAt)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM linkRun), $1, $2, $3, $4) RETURNING id
                """, [name, runID, options, now])
            guard let id = inserted.int64(0, 0) else {
                throw StoreError.database(operation: "storing link run \"\(name)\"", message: "the store returned no id")
            }
            try Self.resyncIdentity("linkRun", db)
            var members: [[any PGArgument]] = []
            for (position, cluster) in clusters.enumerated() {
                for claim in cluster.claimIDs { members.append([id, cluster.id, position, claim]) }
            }
            try db.insert(into: "linkCluster", columns: ["linkRunId", "cluster", "position", "attributionId"], rows: members)
            try db.insert(into: "claimLink", columns: ["linkRunId", "a", "b", "score", "reasons"],
                          rows: links.map { [id, $0.a, $0.b, $0.score, $0.reasons] })
            return LinkRunInfo(rowID: id, name: name, runID: runID, options: options, createdAt: now,
                               clusters: clusters.count, links: links.count)
        }
    }

    public func linkRuns() throws(StoreError) -> [LinkRunInfo] {
        try read("listing link runs") { db in
            let rows = try db.execute("""
                SELECT l.id, l.name, l.runId, l.options, l.createdAt,
                       (SELECT count(DISTINCT cluster) FROM linkCluster c WHERE c.linkRunId = l.id),
                       (SELECT count(*) FROM claimLink k WHERE k.linkRunId = l.id)
                FROM linkRun l ORDER BY l.id
                """)
            return try (0..<rows.count).map { (row: Int) throws(StoreError) -> LinkRunInfo in
                let id = try PostgresRows.required(rows, row, 0, "linkRun", "id", rowID: 0) { $0.int64(row, 0) }
                func text(_ c: Int, _ column: String) throws(StoreError) -> String {
                    try PostgresRows.required(rows, row, c, "linkRun", column, rowID: id) { $0.string(row, c) }
                }
                return LinkRunInfo(
                    rowID: id, name: try text(1, "name"),
                    runID: try PostgresRows.required(rows, row, 2, "linkRun", "runId", rowID: id) { $0.int64(row, 2) },
                    options: try text(3, "options"), createdAt: try text(4, "createdAt"),
                    clusters: rows.int(row, 5) ?? 0, links: rows.int(row, 6) ?? 0)
            }
        }
    }

    public func linkClusters(linkRunID: Int64) throws(StoreError) -> [StoredCluster] {
        try read("reading link clusters") { db in
            let rows = try db.execute("""
                SELECT cluster, attributionId FROM linkCluster WHERE linkRunId = $1 ORDER BY position, attributionId
                """, [linkRunID])
            var clusters: [StoredCluster] = []
            for row in 0..<rows.count {
                let name = try PostgresRows.required(rows, row, 0, "linkCluster", "cluster", rowID: linkRunID) { $0.string(row, 0) }
                let claim = try PostgresRows.required(rows, row, 1, "linkCluster", "attributionId", rowID: linkRunID) { $0.int64(row, 1) }
                if clusters.last?.id == name { clusters[clusters.count - 1].claimIDs.append(claim) } else {
                    clusters.append(StoredCluster(id: name, claimIDs: [claim]))
                }
            }
            return clusters
        }
    }

    public func links(linkRunID: Int64) throws(StoreError) -> [StoredLink] {
        try read("reading links") { db in
            let rows = try db.execute("""
                SELECT a, b, score, reasons,
                       (SELECT cluster FROM linkCluster c WHERE c.linkRunId = k.linkRunId AND c.attributionId = k.a)
                FROM claimLink k WHERE linkRunId = $1 ORDER BY a, b
                """, [linkRunID])
            return try (0..<rows.count).map { (row: Int) throws(StoreError) -> StoredLink in
                func value<T>(_ c: Int, _ column: String, _ read: (PGRows) -> T?) throws(StoreError) -> T {
                    try PostgresRows.required(rows, row, c, "claimLink", column, rowID: linkRunID, read)
                }
                return StoredLink(a: try value(0, "a") { $0.int64(row, 0) }, b: try value(1, "b") { $0.int64(row, 1) },
                                  cluster: rows.string(row, 4) ?? "", score: try value(2, "score") { $0.double(row, 2) },
                                  reasons: try value(3, "reasons") { $0.string(row, 3) })
            }
        }
    }

    /// The log entries link verdicts fold from (`same`, `different`, `undo`, `redo`), oldest first.
    public func linkVerdictLog() throws(StoreError) -> [LoggedReview] {
        try read("reading the link verdicts") { db in
            let rows = try db.execute("""
                SELECT \(PostgresRows.annotationColumns) FROM annotation n
                WHERE n.action IN ('same', 'different', 'undo', 'redo') ORDER BY n.id
                """)
            return try (0..<rows.count).map { (row: Int) throws(StoreError) -> AnnotationEntry in
                try PostgresRows.annotation(rows, row)
            }.logged
        }
    }
}
