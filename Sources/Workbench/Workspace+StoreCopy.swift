import ClaimModel
import ClaimStore
import Foundation

/// What `claimdesk store copy` did.
public struct StoreCopyReport: Sendable, Equatable {
    public var summary: CopySummary
    /// Both locations as messages show them (a URL's password as `***`).
    public var from: String
    public var to: String

    /// "copied 16 documents, …, 12 links from X to Y (schema v8-claim-clusters)".
    public var line: String {
        "copied \(summary.rows) from \(from) to \(to) (schema \(summary.migrations.last ?? "none"))"
    }
}

extension Workspace {
    /// Copies the whole store at `from` into the store at `to` (each a file path or a PostgreSQL
    /// URL), keeping every row id, so that the copy scores, compares and exports byte for byte as
    /// the source does. `progress` hears, after every chunk, the rows copied so far, the source's
    /// total, and what the rows of the table being copied are called ("claims").
    ///
    /// The source is only read, in one snapshot. One written by an older ClaimDesk is refused with
    /// the migrations it lacks, unless `migrateSource`, which migrates it in place first (as any
    /// writing command would). The destination is created when missing; one that holds any row is
    /// refused before it is opened for writing (and again inside the copy's transaction, against a
    /// writer that slipped in meanwhile). The copy is one transaction on the destination: a failed
    /// or interrupted copy leaves it empty.
    public static func copyStore(from: String, to: String, migrateSource: Bool = false,
                                 progress: @escaping (_ copied: Int, _ total: Int, _ table: String) -> Void = { _, _, _ in })
        throws(WorkbenchError) -> StoreCopyReport {
        // An empty path would open SQLite's private temporary database: refused with its flag instead.
        for (flag, path) in [("--from", from), ("--to", to)] where path.isEmpty {
            throw WorkbenchError.usage("\(flag): the store path is empty (nothing copied)")
        }
        let fromLocation = StoreLocation(parsing: from), toLocation = StoreLocation(parsing: to)
        if sameStore(fromLocation, toLocation) {
            throw WorkbenchError.usage("--from and --to name the same store (\(TerminalSafe.path(toLocation.description))): nothing copied")
        }
        let source = try openSource(from, migrate: migrateSource)
        defer { source.close() }
        try checkDestinationEmpty(to)
        let destination = try Workspace.open(path: to, mode: .readWrite)
        defer { destination.close() }
        let summary = try db(StoreCopier.copy(from: source.store, to: destination.store) { progress($0.copied, $0.total, $0.table) })
        return StoreCopyReport(summary: summary, from: source.storePath, to: destination.storePath)
    }

    /// Two spellings of one file (after symbolic links), or the same URL.
    static func sameStore(_ a: StoreLocation, _ b: StoreLocation) -> Bool {
        switch (a, b) {
        case let (.file(x), .file(y)):
            let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
            return resolve(x) == resolve(y)
        case let (.postgres(x), .postgres(y)): return x == y
        default: return false
        }
    }

    /// The source, opened without changing it; migrated first only when asked.
    private static func openSource(_ path: String, migrate: Bool) throws(WorkbenchError) -> Workspace {
        let inspected: Workspace
        do {
            inspected = try Workspace.open(path: path, mode: .inspect)
        } catch WorkbenchError.store(.noStore(let location)) {
            throw WorkbenchError.cannotRead(path: location, reason: "no store there (nothing copied)")
        }
        let applied = try db(inspected.store.appliedMigrations())
        let known = inspected.store.knownMigrations
        var source = inspected
        if applied.isEmpty {
            // A store whose creation was cut short holds nothing: read it as the empty store it is.
            inspected.close()
            source = try Workspace.open(path: path, mode: .readOnly)
        } else if applied != known {
            let missing = known.filter { !applied.contains($0) }
            guard migrate else {
                inspected.close()
                throw WorkbenchError.store(.olderSchema(path: inspected.storePath, missingMigrations: missing))
            }
            inspected.close()
            source = try Workspace.open(path: path, mode: .readWrite)
        }
        let problems = try db(source.store.schemaProblems())
        if !problems.isEmpty {
            source.close()
            throw WorkbenchError.store(.damaged(path: source.storePath, problems: problems))
        }
        return source
    }

    /// Refuses an existing destination that holds rows before anything opens it for writing (which
    /// would migrate an older one).
    private static func checkDestinationEmpty(_ path: String) throws(WorkbenchError) {
        if case .file = StoreLocation(parsing: path), !FileManager.default.fileExists(atPath: path) { return }
        let existing: Workspace
        do {
            existing = try Workspace.open(path: path, mode: .inspect)
        } catch WorkbenchError.store(.noStore) {
            return
        }
        defer { existing.close() }
        if let holding = try db(StoreCopier.contents(of: existing.store)) {
            throw WorkbenchError.store(.destinationNotEmpty(path: existing.storePath, holding: holding))
        }
    }
}
