import ClaimStore
import Foundation

/// One implementation of the store contract the conformance suite runs against
/// (`@Test(arguments: StoreBackends.available)`): a name, and a factory of fresh, empty stores.
public struct StoreBackend: Sendable, CustomStringConvertible {
    /// What the test list shows for this argument ("sqlite-memory", "sqlite-file", "postgres").
    public let name: String
    /// Whether a store can be closed and opened again at the same location with what it held
    /// (false for an in-memory store, which ends with its last reference).
    public let persists: Bool
    let make: @Sendable (_ clock: @escaping @Sendable () -> String) throws -> FreshStore

    /// `make` returns a fresh, migrated, empty store on its own (a new file, a new database or
    /// schema), whose clock is the one given, and knows how to remove it afterwards.
    public init(name: String, persists: Bool,
                make: @escaping @Sendable (_ clock: @escaping @Sendable () -> String) throws -> FreshStore) {
        self.name = name
        self.persists = persists
        self.make = make
    }

    public var description: String { name }

    /// A fresh, empty store whose clock always answers `clock`.
    public func fresh(clock: String = StoreBackends.clock) throws -> FreshStore {
        try make { clock }
    }

    /// A fresh, empty store on a clock of its own (`ticking` tests: one time per operation).
    public func fresh(ticking: @escaping @Sendable () -> String) throws -> FreshStore {
        try make(ticking)
    }
}

/// A store made for one test, with what it takes to reopen it and to remove it when the test ends.
public final class FreshStore {
    public let store: any StoreContract
    private let reopener: (() throws -> any StoreContract)?
    private let cleanup: () -> Void

    /// `reopen` opens the same location again (nil when it cannot be, as for memory); `cleanup`
    /// runs once when the value goes, after the store is closed.
    public init(store: any StoreContract, reopen: (() throws -> any StoreContract)?, cleanup: @escaping () -> Void = {}) {
        self.store = store
        self.reopener = reopen
        self.cleanup = cleanup
    }

    /// The same location opened again (after `store.close()`), or nil for a backend that does not persist.
    public func reopen() throws -> (any StoreContract)? {
        try reopener?()
    }

    deinit {
        store.close()
        cleanup()
    }
}

/// The store implementations this build can test. The PostgreSQL one joins the list where it is
/// built; a backend that needs a server it cannot reach must say so, not vanish silently.
public enum StoreBackends {
    /// The time a fixed clock answers (expected outputs name it).
    public static let clock = "2026-11-30T12:00:00.000Z"

    /// SQLite in this process's memory.
    public static let sqliteMemory = StoreBackend(name: "sqlite-memory", persists: false) { clock in
        FreshStore(store: try SQLiteStore.inMemory(clock: clock), reopen: nil)
    }

    /// An SQLite file in a scratch folder of its own (WAL, a pool of connections: the way commands use it).
    public static let sqliteFile = StoreBackend(name: "sqlite-file", persists: true) { clock in
        let scratch = try Scratch(prefix: "claimdesk-conformance")
        let path = scratch.path("store.sqlite")
        return FreshStore(store: try SQLiteStore.open(path: path, clock: clock),
                          reopen: { try SQLiteStore.open(path: path, clock: clock) },
                          cleanup: { withExtendedLifetime(scratch) {} })
    }

    /// A database of its own on the test process's throwaway PostgreSQL cluster (`PostgresServer`).
    public static let postgres = StoreBackend(name: "postgres", persists: true) { clock in
        let url = try PostgresServer.freshDatabase(prefix: "conformance")
        return FreshStore(store: try PostgresStore.open(url: url, clock: clock),
                          reopen: { try PostgresStore.open(url: url, clock: clock) })
    }

    /// Every backend the conformance suite runs against, in this build: PostgreSQL wherever a
    /// cluster can be started, and always in CI (`CI=true`), where a missing server makes its runs
    /// fail with the reason instead of leaving them out.
    public static var available: [StoreBackend] {
        PostgresServer.unavailable == nil || PostgresServer.required ? [sqliteMemory, sqliteFile, postgres] : [sqliteMemory, sqliteFile]
    }
}
