import ClaimModel
import Foundation

/// A ClaimDesk store on a PostgreSQL database: the same schema, the same operations and the same
/// append-only log as the SQLite store, for a team whose analysts work from several machines.
///
/// One libpq connection per store object, used by one caller at a time (a `Locked` connection).
/// Write transactions take one transaction-scoped advisory lock first, so that writers follow each
/// other exactly as they do on SQLite (one writer at a time, readers never blocked): an operation's
/// check-then-insert (a run name, a document id) cannot race another process's, and no write ever
/// fails with a serialization error that an analyst would see. Reads run in REPEATABLE READ
/// snapshots, so a multi-statement read sees one state of the store, as an SQLite read transaction does.
public final class PostgresStore: Sendable {
    let connection: Locked<PGConnection>
    /// Where the store is; its description (every message's) shows the URL's password as `***`.
    public let location: StoreLocation
    /// Opened read-only: every write fails in the database, nothing is migrated.
    public let isReadOnly: Bool
    let clock: @Sendable () -> String

    /// The advisory lock every write transaction takes (one writer at a time, as on SQLite).
    static let writerLockKey: Int64 = 0x436C_6169_6D44_6B57 // "ClaimDkW"
    /// The advisory lock migrations take, so that two first opens do not both create the schema.
    static let migrationLockKey: Int64 = 0x436C_6169_6D44_6B4D // "ClaimDkM"

    init(connection: PGConnection, location: StoreLocation, readOnly: Bool, clock: @escaping @Sendable () -> String) {
        self.connection = Locked(connection)
        self.location = location
        self.isReadOnly = readOnly
        self.clock = clock
    }

    /// Opens the store at `url`. `.readWrite` creates the schema in an empty database and migrates an
    /// older one; `.readOnly` and `.inspect` need an existing store and run every transaction
    /// read-only (`.inspect` opens a damaged schema too, for `claimdesk check` to report).
    ///
    /// Refuses a database with tables but no ClaimDesk schema, and one written by a newer ClaimDesk.
    public static func open(url: String, mode: StoreOpenMode = .readWrite,
                            clock: @escaping @Sendable () -> String = StoreClock.system) throws(StoreError) -> PostgresStore {
        let place = StoreLocation.postgres(url: url)
        let location = place.description
        let connection: PGConnection
        do {
            connection = try PGConnection(conninfo: url)
        } catch {
            throw StoreError.cannotOpen(path: location, reason: shortenedQuotes(redactSecrets(error.message, url: url)))
        }
        let readOnly = mode != .readWrite
        let store = PostgresStore(connection: connection, location: place, readOnly: readOnly, clock: clock)
        if readOnly {
            do {
                try connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            } catch {
                throw StoreError.cannotOpen(path: location, reason: error.message)
            }
            let state = try store.migrationState()
            if !state.hasTable {
                if state.otherTables > 0 { throw StoreError.foreignDatabase(path: location) }
                throw StoreError.noStore(path: location)
            }
            if !state.unknown.isEmpty { throw StoreError.newerSchema(path: location, unknownMigrations: state.unknown) }
            if mode == .readOnly {
                let problems = try store.schemaProblems()
                if !problems.isEmpty { throw StoreError.damaged(path: location, problems: problems) }
            }
            return store
        }
        try store.migrate()
        let problems = try store.schemaProblems()
        if !problems.isEmpty { throw StoreError.damaged(path: location, problems: problems) }
        return store
    }

    /// libpq's message with each double-quoted value (the host, database or user it was given)
    /// cut as the location is (`TerminalSafe.path`): a host name of 100,000 characters was
    /// echoed whole in the error line.
    static func shortenedQuotes(_ message: String) -> String {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return message }
        return parts.enumerated().map { index, part in
            index % 2 == 1 && part.count > TerminalSafe.pathLimit ? TerminalSafe.path(String(part)) : String(part)
        }.joined(separator: "\"")
    }

    /// libpq's messages name the host and user, not the password; this removes the password too in
    /// case a server or a proxy echoes the connection string.
    static func redactSecrets(_ message: String, url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return message }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return message }
        let password = String(authority[authority.index(after: colon)..<at])
        return password.isEmpty ? message : message.replacingOccurrences(of: password, with: "***")
    }

    /// What the database holds: whether ClaimDesk's migration table exists, how many other tables
    /// there are, and migrations applied that this version does not know.
    private func migrationState() throws(StoreError) -> (hasTable: Bool, otherTables: Int, unknown: [String]) {
        try read("reading migrations") { db in
            let hasTable = try db.execute("SELECT to_regclass($1) IS NOT NULL", [PostgresSchema.migrationTable]).bool(0, 0) ?? false
            let others = try db.execute("""
                SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename <> $1
                """, [PostgresSchema.migrationTable]).int(0, 0) ?? 0
            guard hasTable else { return (false, others, []) }
            let applied = try db.execute("SELECT identifier FROM \(PostgresSchema.migrationTable)").stringColumn
            let known = Set(PostgresSchema.migrations.map(\.identifier))
            return (true, others, applied.filter { !known.contains($0) }.sorted())
        }
    }

    /// Creates or completes the schema in one transaction, under an advisory lock so that two
    /// processes opening a new database at once do not both create it.
    private func migrate() throws(StoreError) {
        let location = self.location.description
        let now = clock()
        try transaction("migrating \(location)", readOnly: false, lock: Self.migrationLockKey) { db in
            let hasTable = try db.execute("SELECT to_regclass($1) IS NOT NULL", [PostgresSchema.migrationTable]).bool(0, 0) ?? false
            if !hasTable {
                let others = try db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").int(0, 0) ?? 0
                if others > 0 { throw StoreError.foreignDatabase(path: location) }
                try db.execute("""
                    CREATE TABLE \(PostgresSchema.migrationTable) (
                        identifier text COLLATE "C" PRIMARY KEY,
                        appliedAt text COLLATE "C" NOT NULL
                    )
                    """)
            }
            let applied = Set(try db.execute("SELECT identifier FROM \(PostgresSchema.migrationTable)").stringColumn)
            let known = Set(PostgresSchema.migrations.map(\.identifier))
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty { throw StoreError.newerSchema(path: location, unknownMigrations: unknown) }
            for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
                try db.execute(migration.sql)
                try db.execute("INSERT INTO \(PostgresSchema.migrationTable) (identifier, appliedAt) VALUES ($1, $2)",
                               [migration.identifier, now])
            }
        }
    }

    /// Runs `body` in one write transaction (all or nothing), after every other writer.
    @discardableResult
    func write<T: Sendable>(_ operation: String, _ body: (PGConnection) throws -> T) throws(StoreError) -> T {
        try transaction(operation, readOnly: false, lock: Self.writerLockKey, body)
    }

    /// Runs `body` in one read-only snapshot of the store.
    func read<T: Sendable>(_ operation: String, _ body: (PGConnection) throws -> T) throws(StoreError) -> T {
        try transaction(operation, readOnly: true, lock: nil, body)
    }

    private func transaction<T: Sendable>(_ operation: String, readOnly: Bool, lock: Int64?,
                                          _ body: (PGConnection) throws -> T) throws(StoreError) -> T {
        let result: Result<T, StoreError> = connection.withLock { db in
            // A connection the server dropped (restart, network) is re-established once, before the
            // transaction starts: nothing of it had been sent, so nothing can be applied twice.
            if !db.isHealthy && !db.reset() {
                return .failure(.database(operation: operation, message: "the connection to the server was lost"))
            }
            let begin = readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"
            do throws(PGError) {
                try db.execute(begin)
            } catch {
                // The server may have dropped an idle connection: reconnect once and begin again.
                guard db.reset(), (try? db.execute(begin)) != nil else {
                    return .failure(.database(operation: operation, message: error.message))
                }
            }
            do {
                if let lock { try db.execute("SELECT pg_advisory_xact_lock($1)", [lock]) }
                let value = try body(db)
                try db.execute("COMMIT")
                return .success(value)
            } catch {
                _ = try? db.execute("ROLLBACK")
                if let storeError = error as? StoreError { return .failure(storeError) }
                if let pgError = error as? PGError { return .failure(.database(operation: operation, message: pgError.sqliteWording)) }
                return .failure(.database(operation: operation, message: String(describing: error)))
            }
        }
        return try result.get()
    }

    /// Ends this process's use of the store: closes the connection (the server releases its locks).
    /// Idempotent.
    public func close() {
        connection.withLock { $0.close() }
    }

    /// Identifiers of the migrations applied to this store, in the order they were applied.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read("reading migrations") { db in
            let applied = Set(try db.execute("SELECT identifier FROM \(PostgresSchema.migrationTable)").stringColumn)
            return PostgresSchema.migrations.map(\.identifier).filter { applied.contains($0) }
        }
    }

    /// Moves every identity sequence past the highest id in its table, after rows were inserted
    /// with explicit ids (`store copy` keeps ids, so that a copy's exports are the source's).
    func resyncIdentities(_ db: PGConnection) throws {
        for table in PostgresSchema.identityTables { try Self.resyncIdentity(table, db) }
    }

    /// Moves `table`'s identity sequence past its highest id (to 1 when empty), so that the next row
    /// inserted without an id gets a fresh one after rows were written with explicit ids.
    static func resyncIdentity(_ table: String, _ db: PGConnection) throws {
        try db.execute("""
            SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)
            """, [table])
    }
}
