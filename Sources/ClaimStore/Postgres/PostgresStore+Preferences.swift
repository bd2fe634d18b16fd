/// Per-analyst preferences on PostgreSQL: `SQLiteStore+Preferences.swift`'s operations.
extension PostgresStore: PreferenceStore {
    /// The analyst's stored value for a preference key, or nil when never set (or cleared).
    public func preference(_ key: String, annotator: String) throws(StoreError) -> String? {
        guard PostgresRows.storable(key), PostgresRows.storable(annotator) else { return nil }
        return try read("reading a preference") { db in
            try db.execute("SELECT value FROM preference WHERE annotator = $1 AND key = $2", [annotator, key]).string(0, 0)
        }
    }

    /// Sets (the last write wins) or, with nil, clears one of the analyst's preferences.
    public func setPreference(_ key: String, _ value: String?, annotator: String) throws(StoreError) {
        let now = clock()
        try NULGuard.check(table: "preference", [("annotator", annotator), ("key", key), ("updatedAt", now), ("value", value)])
        try write("saving a preference") { db in
            if let value {
                try db.execute("""
                    INSERT INTO preference (annotator, key, value, updatedAt) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (annotator, key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
                    """, [annotator, key, value, now])
            } else {
                try db.execute("DELETE FROM preference WHERE annotator = $1 AND key = $2", [annotator, key])
            }
        }
    }
}
