import Foundation

/// What `claimdesk check` (and every open) verifies on PostgreSQL, where there is no `PRAGMA
/// quick_check` or `foreign_key_check`: the schema objects the applied migrations create (tables,
/// their columns, indexes, the log's append-only triggers, enabled), the migrations themselves, and
/// the references (every foreign key present, validated and enforced, and no row pointing at nothing).
extension PostgresStore {
    /// One line per missing or altered schema object of the migrations applied to this store (an
    /// older store opened for inspection is not blamed for a newer migration's objects); empty for
    /// a sound schema. Extra objects (an administrator's own index) are allowed.
    public func schemaProblems() throws(StoreError) -> [String] {
        try read("reading the schema") { db in
            let hasTable = try db.execute("SELECT to_regclass($1) IS NOT NULL", [PostgresSchema.migrationTable]).bool(0, 0) ?? false
            guard hasTable else { return ["no ClaimDesk schema (no migration applied)"] }
            let applied = Set(try db.execute("SELECT identifier FROM \(PostgresSchema.migrationTable)").stringColumn)
            let known = PostgresSchema.migrations.map(\.identifier)
            // Applied migrations must be a prefix of the known ones (each builds on the ones before).
            let prefix = known.prefix { applied.contains($0) }
            if applied.isEmpty { return ["no ClaimDesk schema (no migration applied)"] }
            if prefix.count != applied.count {
                return ["migrations applied out of order or unknown: \(known.filter(applied.contains).joined(separator: ", "))"
                            + (applied.subtracting(known).isEmpty ? "" : " (unknown: \(applied.subtracting(known).sorted().joined(separator: ", ")))")]
            }
            let expected = PostgresSchema.objects(of: Array(prefix))
            let tables = Set(try db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").stringColumn)
            let indexes = Set(try db.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()").stringColumn)
            let columnRows = try db.execute("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                """)
            var columns: Set<String> = []
            for row in 0..<columnRows.count {
                columns.insert("\(columnRows.string(row, 0) ?? "").\(columnRows.string(row, 1) ?? "")")
            }
            let triggers = try db.execute("""
                SELECT t.tgname, t.tgenabled FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND NOT t.tgisinternal
                """)
            var enabled: [String: Bool] = [:]
            for row in 0..<triggers.count {
                if let name = triggers.string(row, 0) { enabled[name] = triggers.string(row, 1) != "D" }
            }
            var problems: [String] = []
            for table in expected.tables where !tables.contains(table) { problems.append("missing table \(table)") }
            for column in expected.columns where tables.contains(column.table) && !columns.contains("\(column.table).\(column.column)") {
                problems.append("missing column \(column.table).\(column.column)")
            }
            for index in expected.indexes where !indexes.contains(index) { problems.append("missing index \(index)") }
            for trigger in expected.triggers {
                switch enabled[trigger] {
                case nil: problems.append("missing trigger \(trigger)")
                case false?: problems.append("trigger \(trigger) is disabled")
                default: break
                }
            }
            return problems
        }
    }

    /// The references of the applied migrations: each foreign key must exist, be validated and be
    /// enforced (its internal triggers enabled: `ALTER TABLE … DISABLE TRIGGER ALL` turns them off),
    /// and no row may point at nothing (what a disabled or dropped key could have let in), one line
    /// per problem, as SQLite's `foreign_key_check` reports rows: "TABLE row ID refers to a missing
    /// PARENT" (the first 100 per reference).
    public func foreignKeyProblems() -> [String] {
        do {
            return try read("checking references") { db in
                let applied = Set(try db.execute("SELECT identifier FROM \(PostgresSchema.migrationTable)").stringColumn)
                let expected = PostgresSchema.objects(of: PostgresSchema.migrations.map(\.identifier).filter(applied.contains))
                let rows = try db.execute("""
                    SELECT c.conrelid::regclass::text, a.attname, c.conname, c.convalidated,
                           EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid AND t.tgenabled = 'D')
                    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                    WHERE c.contype = 'f' AND n.nspname = current_schema()
                    ORDER BY 1, 2
                    """)
                var present: Set<String> = []
                var problems: [String] = []
                for row in 0..<rows.count {
                    let table = rows.string(row, 0) ?? "?", column = rows.string(row, 1) ?? "?", name = rows.string(row, 2) ?? "?"
                    present.insert("\(table).\(column)")
                    if rows.bool(row, 3) == false { problems.append("\(table) constraint \(name) is not validated") }
                    if rows.bool(row, 4) == true { problems.append("\(table) constraint \(name) is not enforced (its trigger is disabled)") }
                }
                let tables = Set(try db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").stringColumn)
                for reference in expected.references {
                    let table = reference.table.lowercased(), column = reference.column.lowercased()
                    guard tables.contains(table), tables.contains(reference.parent.lowercased()) else { continue }
                    if !present.contains("\(table).\(column)") {
                        problems.append("missing reference \(reference.table).\(reference.column) to \(reference.parent)")
                    }
                    // Names from the migrations' own SQL, never from input.
                    let id = PostgresSchema.identityTables.contains(reference.table) ? "c.id" : "NULL::bigint"
                    let orphans = try db.execute("""
                        SELECT \(id) FROM \(reference.table) c
                        WHERE c.\(reference.column) IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM \(reference.parent) p WHERE p.id = c.\(reference.column))
                        ORDER BY 1 LIMIT 100
                        """)
                    for row in 0..<orphans.count {
                        problems.append("\(reference.table) row \(orphans.string(row, 0) ?? "?") refers to a missing \(reference.parent)")
                    }
                }
                return problems
            }
        } catch {
            return ["references: \(error.description)"]
        }
    }
}

extension PostgresSchema {
    /// The schema objects a list of migrations creates, read from their own SQL (so that the list
    /// cannot drift from the migrations): tables, indexes and triggers in lower case as the catalog
    /// names them, columns `table.column` in lower case, and references as written (`table`,
    /// `column`, `parent`) for messages and checks.
    struct Objects {
        var tables: [String] = []
        var indexes: [String] = []
        var triggers: [String] = []
        var columns: [(table: String, column: String)] = []
        var references: [(table: String, column: String, parent: String)] = []
    }

    static func objects(of identifiers: [String]) -> Objects {
        var objects = Objects()
        for migration in migrations where identifiers.contains(migration.identifier) {
            var table: String?
            for line in migration.sql.split(separator: "\n") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," }).map(String.init)
                guard let first = words.first else { continue }
                if words.count >= 3, first == "CREATE", words[1] == "TABLE" {
                    table = words[2]
                    objects.tables.append(words[2].lowercased())
                } else if words.count >= 3, first == "CREATE", words[1] == "INDEX" {
                    objects.indexes.append(words[2].lowercased())
                } else if words.count >= 3, first == "CREATE", words[1] == "TRIGGER" {
                    objects.triggers.append(words[2].lowercased())
                } else if words.count >= 6, first == "ALTER", words[1] == "TABLE", words[3] == "ADD", words[4] == "COLUMN" {
                    objects.columns.append((words[2].lowercased(), words[5].lowercased()))
                } else if first.hasPrefix(")") {
                    table = nil
                } else if let current = table, !["PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"].contains(first) {
                    objects.columns.append((current.lowercased(), first.lowercased()))
                    if let at = words.firstIndex(of: "REFERENCES"), at + 1 < words.count {
                        objects.references.append((current, first, words[at + 1]))
                    }
                }
            }
        }
        return objects
    }
}
