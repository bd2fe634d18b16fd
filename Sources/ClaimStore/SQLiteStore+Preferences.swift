import GRDB

extension SQLiteStore {
    /// The analyst's stored value for a preference key (`keys`, `order`…), or nil when never set.
    public func preference(_ key: String, annotator: String) throws(StoreError) -> String? {
        try read("reading a preference") { db in
            try String.fetchOne(db, sql: "SELECT value FROM preference WHERE annotator = ? AND key = ?",
                                arguments: [annotator, key])
        }
    }

    /// Sets (or with nil, clears) one of the analyst's preferences.
    public func setPreference(_ key: String, _ value: String?, annotator: String) throws(StoreError) {
        let now = clock()
        // A raw statement, so no record's guard: SQLite would keep only the text before a NUL.
        try NULGuard.check(table: "preference", [("annotator", annotator), ("key", key), ("updatedAt", now), ("value", value)])
        try write("saving a preference") { db in
            if let value {
                try db.execute(sql: """
                    INSERT INTO preference (annotator, key, value, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (annotator, key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
                    """, arguments: [annotator, key, value, now])
            } else {
                try db.execute(sql: "DELETE FROM preference WHERE annotator = ? AND key = ?", arguments: [annotator, key])
            }
        }
    }
}
