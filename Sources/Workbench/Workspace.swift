import ClaimModel
import ClaimStore
import Foundation

/// The store a command works on, and where it came from.
///
/// Resolution order for the location: `--db`, then `$CLAIMDESK_DB`, then `annotations/claimdesk.sqlite`.
/// Everything here and above talks to the store contract (`any StoreContract`), never to one
/// implementation; only `open` chooses one.
public struct Workspace: Sendable {
    public static let defaultStorePath = "annotations/claimdesk.sqlite"

    public let store: any StoreContract
    /// Where the store is (a file, memory, a PostgreSQL database).
    public var location: StoreLocation { store.location }
    /// The store's location as messages and cards show it: the file path as given, `:memory:`, or
    /// a PostgreSQL URL with its password shown as `***`.
    public var storePath: String { location.description }

    public init(store: any StoreContract) {
        self.store = store
    }

    /// `--db` as given, even empty (`--db "$STORE"` with the variable unset: `open` refuses it, where
    /// falling back would have written to the default store); else `$CLAIMDESK_DB` unless empty; else
    /// the default.
    public static func resolvePath(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        if let env = environment["CLAIMDESK_DB"], !env.isEmpty { return env }
        return defaultStorePath
    }

    /// Opens the store at `path` (a file path, or a `postgresql://` / `postgres://` URL). A command
    /// that writes creates the store (and its folder) when missing; one that only reads (`mode`
    /// `.readOnly`) opens an existing store read-only, creates nothing, and says so when nothing is there.
    public static func open(path: String, mode: StoreOpenMode = .readWrite) throws(WorkbenchError) -> Workspace {
        // A PostgreSQL URL opens the team's database; anything else is an SQLite file.
        if case let .postgres(url) = StoreLocation(parsing: path) {
            do {
                return Workspace(store: try PostgresStore.open(url: url, mode: mode))
            } catch {
                throw WorkbenchError.store(error)
            }
        }
        // SQLite's private names are no file: `:memory:` and "" would keep nothing past this command
        // (and a writable one fails on its journal mode with SQLite's words, not ours).
        if path == ":memory:" || path.isEmpty {
            throw WorkbenchError.usage("store \(TerminalSafe.quoted(path)) (--db or $CLAIMDESK_DB): not a file; name a file path or a postgresql:// URL")
        }
        let folder = PathParts.split(path).folder
        if mode == .readWrite && !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WorkbenchError.cannotWrite(path: folder, reason: "cannot create the folder for the store")
            }
        }
        do {
            return Workspace(store: try SQLiteStore.open(path: path, mode: mode))
        } catch {
            throw WorkbenchError.store(error)
        }
    }

    /// Ends this process's use of the store (`SQLiteStore.close()` checkpoints a writable file store).
    public func close() { store.close() }

    /// Takes the one live session of `kind` ("review" or "adjudication") for `annotator` on this
    /// store, or refuses while another process holds it: `undo` follows the annotator's log, which
    /// two live sessions would share. Hold the lease for the session's length; nil when the store
    /// cannot hold such a lock (see `StoreMaintenance.acquireSessionLock`).
    public func acquireSessionLock(annotator: String, kind: String = "review") throws(WorkbenchError) -> SessionLease? {
        try db(store.acquireSessionLock(annotator: annotator, kind: kind))
    }

    /// What `claimdesk check` found: one line per problem, empty for a sound store.
    public func checkProblems(full: Bool) throws(WorkbenchError) -> [String] {
        var problems = try db(store.schemaProblems())
        problems += store.integrityProblems(full: full)
        problems += store.foreignKeyProblems()
        return problems
    }

    /// What `checkProblems` checks on this store, for the line that says it is sound: SQLite's page
    /// check is `quick_check` (`integrity_check` with `full`); PostgreSQL has no page check a client
    /// can run, so its check is the schema, the migrations applied and the references, `full` or not.
    public func checkScope(full: Bool) -> String {
        if case .postgres = location { return "schema, migrations, references" }
        return "schema, \(full ? "integrity_check" : "quick_check"), references"
    }

    /// A run by name, without its counts (`store.run(named:)` scans its claims to count them): row
    /// id, kind, and the maker's name and version that `compare` and `report` print.
    func requireRunRef(_ name: String) throws(WorkbenchError) -> RunRef {
        guard let run = try db(store.runRef(named: name)) else { throw WorkbenchError.unknownRun(name) }
        return run
    }

    public func requireDocument(_ docID: String) throws(WorkbenchError) -> StoredDocument {
        guard let document = try db(store.document(docID: docID)) else {
            throw WorkbenchError.unknownDocument(docID)
        }
        return document
    }
}
