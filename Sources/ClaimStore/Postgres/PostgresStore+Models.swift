/// Trained models on PostgreSQL: `SQLiteStore+Models.swift`'s operations, the bytes in a `bytea`.
extension PostgresStore: ModelStore {
    /// Stores a model under its name. A model of that name is refused (`modelExists`) unless
    /// `replace`, which swaps it in the same transaction (the new row lists last, as on SQLite).
    @discardableResult
    public func saveModel(_ model: StoredModel, replace: Bool) throws(StoreError) -> StoredModel {
        try NULGuard.check(table: "model", [("name", model.name), ("family", model.family), ("digest", model.digest),
                                            ("provenance", model.provenance)])
        let now = clock()
        return try write("storing model \"\(model.name)\"") { db in
            let existing = try db.execute("SELECT count(*) FROM model WHERE name = $1", [model.name]).int(0, 0) ?? 0
            if existing > 0 {
                guard replace else { throw StoreError.modelExists(model.name) }
                try db.execute("DELETE FROM model WHERE name = $1", [model.name])
            }
            try db.execute("""
                INSERT INTO model (name, family, bytes, digest, provenance, createdAt) VALUES ($1, $2, $3, $4, $5, $6)
                """, [model.name, model.family, PGBytes(bytes: model.bytes), model.digest, model.provenance, now])
            var stored = model
            stored.createdAt = now
            return stored
        }
    }

    /// The model named `name` with its bytes, or nil.
    public func model(named name: String) throws(StoreError) -> StoredModel? {
        guard PostgresRows.storable(name) else { return nil }
        return try read("reading model \"\(name)\"") { db in
            let rows = try db.execute("SELECT id, name, family, bytes, digest, provenance, createdAt FROM model WHERE name = $1", [name])
            guard rows.count > 0 else { return nil }
            let id = rows.int64(0, 0) ?? 0
            func text(_ column: Int, _ label: String) throws(StoreError) -> String {
                try PostgresRows.required(rows, 0, column, "model", label, rowID: id) { $0.string(0, column) }
            }
            return StoredModel(name: try text(1, "name"), family: try text(2, "family"),
                               bytes: try PostgresRows.required(rows, 0, 3, "model", "bytes", rowID: id) { $0.bytes(0, 3) },
                               digest: try text(4, "digest"), provenance: try text(5, "provenance"), createdAt: try text(6, "createdAt"))
        }
    }

    /// Every model, oldest first, without their bytes (the server counts them).
    public func models() throws(StoreError) -> [ModelInfo] {
        try read("listing models") { db in
            let rows = try db.execute("SELECT id, name, family, length(bytes), digest, provenance, createdAt FROM model ORDER BY id")
            return try (0..<rows.count).map { row throws(StoreError) in
                let id = rows.int64(row, 0) ?? 0
                func text(_ column: Int, _ label: String) throws(StoreError) -> String {
                    try PostgresRows.required(rows, row, column, "model", label, rowID: id) { $0.string(row, column) }
                }
                return ModelInfo(name: try text(1, "name"), family: try text(2, "family"), size: rows.int(row, 3) ?? 0,
                                 digest: try text(4, "digest"), provenance: try text(5, "provenance"), createdAt: try text(6, "createdAt"))
            }
        }
    }
}
