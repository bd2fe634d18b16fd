import GRDB

extension ClaimStore {
    /// Tries to rewrite an annotation in place: the append-only trigger must refuse it.
    /// Exists so tests can prove the log cannot be altered.
    public func tamperWithAnnotation(_ id: Int64) throws(StoreError) {
        try write("rewriting an annotation") { db in
            try db.execute(sql: "UPDATE annotation SET note = 'changed' WHERE id = ?", arguments: [id])
        }
    }

    /// Records a migration this version does not know, as a newer ClaimDesk would (tests only).
    public func recordMigrationForTesting(_ identifier: String) throws(StoreError) {
        try write("recording a migration") { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
    }
}
