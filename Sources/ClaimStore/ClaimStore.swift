import ClaimModel
import Foundation
import GRDB

/// The one owner of a ClaimDesk SQLite store: every read and write goes through its named operations.
///
/// A file store is a `DatabasePool` in WAL mode with foreign keys on and a busy timeout, so two
/// analysts on one store wait for each other instead of failing with "database is locked".
public final class ClaimStore: Sendable {
    let writer: any DatabaseWriter
    /// The file behind the store, or nil for an in-memory store.
    public let path: String?
    let clock: @Sendable () -> String

    init(writer: any DatabaseWriter, path: String?, clock: @escaping @Sendable () -> String) {
        self.writer = writer
        self.path = path
        self.clock = clock
    }

    /// The current time as ISO 8601 UTC with milliseconds.
    public static let systemClock: @Sendable () -> String = {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.label = "ClaimDesk"
        return config
    }

    /// Opens (or creates) the store at `path`, migrating it to the current schema.
    ///
    /// Refuses, without touching it, a file that is not SQLite, an SQLite database ClaimDesk did
    /// not create, and a store written by a newer schema.
    public static func open(path: String, clock: @escaping @Sendable () -> String = systemClock) throws(StoreError) -> ClaimStore {
        try checkHeader(path: path)
        if FileManager.default.fileExists(atPath: path) { try inspectReadOnly(path: path) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.message(error))
        }
        let store = ClaimStore(writer: pool, path: path, clock: clock)
        try store.migrate(label: path)
        return store
    }

    /// A fresh store in memory, built by the real migrations (tests, benchmarks).
    public static func inMemory(clock: @escaping @Sendable () -> String = systemClock) throws(StoreError) -> ClaimStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: Self.message(error))
        }
        let store = ClaimStore(writer: queue, path: nil, clock: clock)
        try store.migrate(label: ":memory:")
        return store
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
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, message: Self.message(error))
        }
    }

    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
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

    /// `PRAGMA integrity_check`: "ok" for a healthy store.
    public func integrityCheck() throws(StoreError) -> String {
        try read("checking integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// The journal mode in force ("wal" for a file store).
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
}
