import GRDB

/// What is cheap to check at every open (the schema's tables, indexes and triggers are all there,
/// the migrations applied are ones this version knows, in order), and what `claimdesk check` adds
/// on demand (SQLite's own page checks, foreign keys).
extension SQLiteStore {
    /// One line per missing or altered schema object, compared with what the migrations applied to
    /// this store create; empty for a sound schema. Extra objects (an analyst's own index) are allowed.
    public func schemaProblems() throws(StoreError) -> [String] {
        let applied = try appliedMigrations()
        let known = Self.knownMigrations
        guard let last = applied.last else {
            if try isEmptyDatabase() {
                return ["no ClaimDesk schema yet: creating the store was cut short before anything was stored (the next command that writes creates it)"]
            }
            return ["no ClaimDesk schema (no migration applied)"]
        }
        if Array(known.prefix(applied.count)) != applied {
            return ["migrations applied out of order or unknown: \(applied.joined(separator: ", "))"]
        }
        let expected = try Self.schema(upTo: last)
        let actual = try read("reading the schema") { db in try Self.schemaObjects(db) }
        var problems: [String] = []
        for object in expected.keys.sorted() {
            guard let sql = actual[object] else {
                problems.append("missing \(object.type) \(object.name)")
                continue
            }
            if sql != expected[object] { problems.append("\(object.type) \(object.name) differs from ClaimDesk's schema") }
        }
        return problems
    }

    /// Whether the database holds no schema object at all (a store whose creation was cut short),
    /// or only the empty table of applied migrations (cut short after GRDB created it, before the
    /// first migration committed).
    func isEmptyDatabase() throws(StoreError) -> Bool {
        try read("reading the schema") { db in
            let others = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """) ?? 0
            guard others == 0 else { return false }
            guard try db.tableExists("grdb_migrations") else { return true }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
        }
    }

    /// SQLite's page-level check: `quick_check`, or with `full` the slower `integrity_check` (which
    /// also checks that every index matches its table). One line per problem; empty when sound.
    public func integrityProblems(full: Bool) -> [String] {
        let pragma = full ? "integrity_check" : "quick_check"
        do {
            let rows = try read("running \(pragma)") { db in try String.fetchAll(db, sql: "PRAGMA \(pragma)") }
            if rows == ["ok"] { return [] }
            // A row may hold several lines under a "*** in database main ***" heading: one line each.
            return rows.flatMap { $0.split(separator: "\n") }
                .filter { !$0.hasPrefix("*** in database") }
                .map { "\(pragma): \($0)" }
        } catch {
            return ["\(pragma): \(error.description)"]
        }
    }

    /// Rows whose reference points at nothing (`PRAGMA foreign_key_check`), one line each.
    public func foreignKeyProblems() -> [String] {
        do {
            return try read("checking references") { db in
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    let table: String = row[0]
                    let rowID: Int64? = row[1]
                    let parent: String = row[2]
                    return "\(table) row \(rowID.map(String.init) ?? "?") refers to a missing \(parent)"
                }
            }
        } catch {
            return ["foreign_key_check: \(error.description)"]
        }
    }

    struct SchemaObject: Hashable, Comparable {
        var type: String
        var name: String
        static func < (a: SchemaObject, b: SchemaObject) -> Bool { (a.type, a.name) < (b.type, b.name) }
    }

    /// The store's own schema objects with their SQL (SQLite's internal objects and GRDB's
    /// migration table left out).
    static func schemaObjects(_ db: Database) throws -> [SchemaObject: String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' AND type IN ('table', 'index', 'trigger', 'view')
            """)
        var objects: [SchemaObject: String] = [:]
        for row in rows {
            let sql: String? = row["sql"]
            objects[SchemaObject(type: row["type"], name: row["name"])] = sql ?? ""
        }
        return objects
    }

    /// The schema the migrations up to `identifier` create, built in memory by the real migrations.
    static func schema(upTo identifier: String) throws(StoreError) -> [SchemaObject: String] {
        do {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue, upTo: identifier)
            return try queue.read { db in try schemaObjects(db) }
        } catch {
            throw StoreError.database(operation: "building the reference schema", message: message(error))
        }
    }
}
