import ClaimModel
import Foundation
import GRDB

/// The SQLite implementation of the store contract (`StoreContract`): the one owner of a ClaimDesk
/// SQLite store, every read and write through its named operations.
///
/// A file store is a `DatabasePool` in WAL mode with foreign keys on and a busy timeout, so two
/// analysts on one store wait for each other instead of failing with "database is locked".
public final class SQLiteStore: StoreContract {
    let writer: any DatabaseWriter
    /// The file behind the store, or nil for an in-memory store.
    public let path: String?
    /// Opened read-only: every write fails, nothing is migrated, nothing is checkpointed.
    public let isReadOnly: Bool
    let clock: @Sendable () -> String
    /// The review sessions held on an in-memory store ("KIND NUL ANNOTATOR"): no file to lock.
    let memorySessions = Locked(Set<String>())

    init(writer: any DatabaseWriter, path: String?, readOnly: Bool = false, clock: @escaping @Sendable () -> String) {
        self.writer = writer
        self.path = path
        self.isReadOnly = readOnly
        self.clock = clock
    }

    /// How a command means to use the store (`.readOnly` and `.inspect` open a read-only connection).
    public typealias OpenMode = StoreOpenMode

    /// The current time as ISO 8601 UTC with milliseconds.
    public static let systemClock: @Sendable () -> String = StoreClock.system

    /// The file, or `.memory`.
    public var location: StoreLocation { path.map { .file(path: $0) } ?? .memory }

    /// How long a write waits for another process's write before failing with "database is locked".
    static let busyLimit: Double = 30

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Poll every millisecond rather than SQLite's default back-off (which sleeps up to 100 ms
        // between tries): a batch job commits in short transactions with a pause between them, and
        // an analyst's write must take the first gap instead of sleeping through it.
        config.busyMode = .callback { tries in
            if tries == 0 { return true }
            usleep(1000)
            return Double(tries) / 1000 < busyLimit
        }
        config.label = "ClaimDesk"
        return config
    }

    /// Opens the store at `path`. `.readWrite` creates it when missing and migrates it to the current
    /// schema; `.readOnly` and `.inspect` need an existing store and never change it (except that a
    /// hot rollback journal left by a killed writer is rolled back first, as any SQLite open would).
    ///
    /// Refuses, without touching it, a path that is not a regular file (a FIFO would block the open),
    /// a file that is not SQLite, an SQLite database ClaimDesk did not create, a store written by a
    /// newer schema, and (except `.inspect`) a store missing a table, index or trigger of its schema.
    public static func open(path: String, mode: OpenMode = .readWrite,
                            clock: @escaping @Sendable () -> String = systemClock) throws(StoreError) -> SQLiteStore {
        let exists = try checkFileType(path: path)
        if !exists && mode != .readWrite { throw StoreError.noStore(path: path) }
        try checkHeader(path: path)
        if exists { try recoverHotJournal(path: path) }
        if mode != .readWrite {
            let store = try openReadOnly(path: path, clock: clock)
            // A store whose creation was cut short (killed before its first migration committed:
            // an empty file, or SQLite's header and nothing else) holds nothing yet. Reading it is
            // reading an empty store, not a damaged one; the next writing command creates the schema.
            if mode == .readOnly, try store.appliedMigrations().isEmpty, try store.isEmptyDatabase() {
                return try inMemory(clock: clock)
            }
            if mode == .readOnly {
                let problems = try store.schemaProblems()
                if !problems.isEmpty { throw StoreError.damaged(path: path, problems: problems) }
            }
            return store
        }
        if exists { try inspectReadOnly(path: path) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.message(error))
        }
        let store = SQLiteStore(writer: pool, path: path, clock: clock)
        try store.migrate(label: path)
        let problems = try store.schemaProblems()
        if !problems.isEmpty { throw StoreError.damaged(path: path, problems: problems) }
        return store
    }

    private static func openReadOnly(path: String, clock: @escaping @Sendable () -> String) throws(StoreError) -> SQLiteStore {
        var config = configuration()
        config.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try check(queue, label: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.message(error))
        }
        return SQLiteStore(writer: queue, path: path, readOnly: true, clock: clock)
    }

    /// A fresh store in memory, built by the real migrations (tests, benchmarks).
    public static func inMemory(clock: @escaping @Sendable () -> String = systemClock) throws(StoreError) -> SQLiteStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: Self.message(error))
        }
        let store = SQLiteStore(writer: queue, path: nil, clock: clock)
        try store.migrate(label: ":memory:")
        return store
    }

    /// Whether something exists at `path`; refuses anything there that is not a regular file (after
    /// following symbolic links) before anything opens it: opening a FIFO for reading blocks forever.
    private static func checkFileType(path: String) throws(StoreError) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFDIR: throw StoreError.cannotOpen(path: path, reason: "it is a directory")
        case S_IFIFO: throw StoreError.cannotOpen(path: path, reason: "it is a FIFO, not a regular file")
        default: throw StoreError.cannotOpen(path: path, reason: "it is not a regular file")
        }
    }

    private static func checkHeader(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw StoreError.cannotOpen(path: path, reason: "it is a directory")
                }
                throw StoreError.cannotOpen(path: path, reason: "the file cannot be read")
            }
            return
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        let magic = Array("SQLite format 3".utf8) + [0]
        if Array(header) != magic { throw StoreError.notAStore(path: path) }
    }

    /// A process killed inside a write transaction before the store switched to WAL (while its
    /// schema was being created) leaves a hot rollback journal: no read-only connection may open
    /// the store until SQLite rolls the journal back. A plain read-write connection does that on its
    /// first read, restoring the last committed state and changing nothing else.
    private static func recoverHotJournal(path: String) throws(StoreError) {
        let journal = path + "-journal"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? Int, size > 0 else { return }
        do {
            let queue = try DatabaseQueue(path: path, configuration: Configuration())
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            try queue.close()
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "rolling back an interrupted write: \(Self.message(error))")
        }
    }

    /// Checks an existing file through a read-only connection, so that a store this version must
    /// refuse is never opened for writing (a write connection alone can change the file).
    private static func inspectReadOnly(path: String) throws(StoreError) {
        var config = configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try check(queue, label: path)
            try queue.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.message(error))
        }
    }

    /// Refuses a foreign SQLite database and a store from a newer schema.
    private static func check(_ reader: any DatabaseReader, label: String) throws {
        let migrator = Migrations.migrator
        let state: (superseded: Bool, foreign: Bool, unknown: [String]) = try reader.read { db in
            let hasMigrationTable = try db.tableExists("grdb_migrations")
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
            if !hasMigrationTable { return (false, tableCount > 0, []) }
            let applied = try migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(migrator.migrations).sorted()
            return (try migrator.hasBeenSuperseded(db) || !unknown.isEmpty, false, unknown)
        }
        if state.foreign { throw StoreError.foreignDatabase(path: label) }
        if state.superseded { throw StoreError.newerSchema(path: label, unknownMigrations: state.unknown) }
    }

    private func migrate(label: String) throws(StoreError) {
        let migrator = Migrations.migrator
        do {
            try Self.check(writer, label: label)
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: label, reason: Self.message(error))
        }
    }

    /// Runs `body` in one write transaction, mapping errors to `StoreError`.
    func write<T: Sendable>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, message: Self.message(error))
        }
    }

    func read<T: Sendable>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, message: Self.message(error))
        }
    }

    static func message(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            return db.message ?? db.description
        }
        return String(describing: error)
    }

    /// Ends the store's use by this process. A writable file store is checkpointed first
    /// (`wal_checkpoint(TRUNCATE)`), so that the main file alone holds everything and can be copied on
    /// its own; a checkpoint that other connections hold up gives up after a fraction of a second
    /// (the next clean exit finishes it) rather than keep the command waiting.
    public func close() {
        guard path != nil else { return }
        if !isReadOnly {
            try? writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = 250")
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        if let pool = writer as? DatabasePool { try? pool.close() }
        if let queue = writer as? DatabaseQueue { try? queue.close() }
    }

    /// `PRAGMA integrity_check`: "ok" for a healthy store.
    public func integrityCheck() throws(StoreError) -> String {
        try read("checking integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// The journal mode in force ("wal" for a file store). SQLite's own: not in the contract.
    public func journalMode() throws(StoreError) -> String {
        try read("reading the journal mode") { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        }
    }

    /// Identifiers of the migrations applied to this store, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read("reading migrations") { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Identifiers of the migrations this version of ClaimDesk knows.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Identifiers of the migrations this version of ClaimDesk knows (the contract's spelling).
    public var knownMigrations: [String] { Self.knownMigrations }
}
