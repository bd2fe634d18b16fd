import ClaimModel
import ClaimStore
import Foundation

/// The store a command works on, and where it came from.
///
/// Resolution order for the path: `--db`, then `$CLAIMDESK_DB`, then `annotations/claimdesk.sqlite`.
public struct Workspace: Sendable {
    public static let defaultStorePath = "annotations/claimdesk.sqlite"

    public let store: SQLiteStore
    public let storePath: String

    public init(store: SQLiteStore, storePath: String) {
        self.store = store
        self.storePath = storePath
    }

    public static func resolvePath(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["CLAIMDESK_DB"], !env.isEmpty { return env }
        return defaultStorePath
    }

    /// Opens the store at `path`. A command that writes creates the store (and its folder) when
    /// missing; one that only reads (`mode` `.readOnly`) opens an existing store read-only, creates
    /// nothing, and says so when nothing is there.
    public static func open(path: String, mode: SQLiteStore.OpenMode = .readWrite) throws(WorkbenchError) -> Workspace {
        let folder = PathParts.split(path).folder
        if mode == .readWrite && !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WorkbenchError.cannotWrite(path: folder, reason: "cannot create the folder for the store")
            }
        }
        do {
            return Workspace(store: try SQLiteStore.open(path: path, mode: mode), storePath: path)
        } catch {
            throw WorkbenchError.store(error)
        }
    }

    /// Ends this process's use of the store; see `SQLiteStore.close()` (checkpoints a writable store).
    public func close() { store.close() }

    /// What `claimdesk check` found: one line per problem, empty for a sound store.
    public func checkProblems(full: Bool) throws(WorkbenchError) -> [String] {
        var problems = try db(store.schemaProblems())
        problems += store.integrityProblems(full: full)
        problems += store.foreignKeyProblems()
        return problems
    }

    /// The run named `name`, or an error naming it.
    public func requireRun(_ name: String) throws(WorkbenchError) -> RunInfo {
        guard let run = try db(store.run(named: name)) else {
            throw WorkbenchError.unknownRun(name)
        }
        return run
    }

    public func requireDocument(_ docID: String) throws(WorkbenchError) -> StoredDocument {
        guard let document = try db(store.document(docID: docID)) else {
            throw WorkbenchError.unknownDocument(docID)
        }
        return document
    }
}
