import ClaimModel

/// Everything that can go wrong in the store, with the context a user needs to act on it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists and is not an SQLite database: never opened, never overwritten.
    case notAStore(path: String)
    /// An SQLite database that ClaimDesk did not create (it has tables but no ClaimDesk migrations).
    case foreignDatabase(path: String)
    /// Written by a newer ClaimDesk: refused, never altered.
    case newerSchema(path: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    /// Nothing at the path, and the command only reads: a mistyped `--db` creates nothing.
    case noStore(path: String)
    /// Schema objects missing or altered: refused, so nothing runs without its tables' guards.
    case damaged(path: String, problems: [String])
    /// A document with this id is stored with a different text.
    case documentConflict(docID: String, origin: String)
    case unknownDocument(String)
    case unknownRun(String)
    case runExists(String)
    /// `train` or `import-model` names a model that exists, without `--replace`.
    case modelExists(String)
    /// `link` names a link run that exists, without `--replace`.
    case linkRunExists(String)
    case unknownLinkRun(String)
    /// An import names a run that exists and holds claims of another kind.
    case runKindTaken(name: String, kind: RunKind)
    /// A re-import would change documents already in the run (`count` of them): refused without `--replace`.
    /// `keptAs`: the name `--replace` would keep the run's current version under.
    case importChangesRun(run: String, docID: String, origin: String, count: Int, keptAs: String)
    case unknownAttribution(Int64)
    case invalidStoredValue(table: String, column: String, rowID: Int64, value: String)
    /// A string holding NUL, which SQLite would store cut at the NUL: refused, nothing written.
    case nulInValue(table: String, column: String)
    /// The annotator already has a live session of this kind on this store (in process `pid`).
    case sessionOpen(annotator: String, kind: String, pid: Int32?)
    /// An SQLite error, with the operation that hit it.
    case database(operation: String, message: String)
    /// `store copy` writes only into a store that holds no row (`holding` says what it holds).
    case destinationNotEmpty(path: String, holding: String)
    /// A store whose schema lacks migrations this ClaimDesk has (`store copy` needs both stores on
    /// the same schema): written by an older ClaimDesk and not opened for writing since.
    case olderSchema(path: String, missingMigrations: [String])

    public var description: String {
        switch self {
        case let .notAStore(path):
            return "\(TerminalSafe.path(path)): not an SQLite database (refusing to open or overwrite it)"
        case let .foreignDatabase(path):
            return "\(TerminalSafe.path(path)): an SQLite database that is not a ClaimDesk store (refusing to change it)"
        case let .newerSchema(path, unknown):
            return "\(TerminalSafe.path(path)): written by a newer ClaimDesk (unknown migrations: \(unknown.joined(separator: ", "))); upgrade ClaimDesk to open it"
        case let .cannotOpen(path, reason):
            return "\(TerminalSafe.path(path)): cannot open the store: \(reason)"
        case let .noStore(path):
            return "\(TerminalSafe.path(path)): no store there (this command only reads and does not create one; check --db or $CLAIMDESK_DB)"
        case let .damaged(path, problems):
            return "\(TerminalSafe.path(path)): damaged store: \(problems.joined(separator: "; ")) (refusing to use it; `claimdesk check` lists every problem)"
        case let .documentConflict(docID, origin):
            return "\(TerminalSafe.path(origin)): document \"\(docID)\" is already stored with a different text (refusing to overwrite it)"
        case let .unknownDocument(id):
            return "no document \"\(id)\" in the store"
        case let .unknownRun(name):
            return "no run named \"\(name)\" in the store"
        case let .runExists(name):
            return "a run named \"\(name)\" already exists"
        case let .modelExists(name):
            return "a model named \"\(name)\" already exists (use --replace to replace it, or another name)"
        case let .linkRunExists(name):
            return "a link run named \"\(name)\" already exists (use --replace to link again under that name, or another --name)"
        case let .unknownLinkRun(name):
            return "no link run named \"\(name)\" in the store (`claimdesk link` makes one)"
        case let .runKindTaken(name, kind):
            let holds = kind == .gold ? "imported gold" : kind == .imported ? "imported claims" : "an extractor's claims"
            return "a run named \"\(name)\" already exists and holds \(holds) (nothing imported; name another run)"
        case let .importChangesRun(run, docID, origin, count, keptAs):
            let others = count > 1 ? " (and \(count - 1) more document\(count == 2 ? "" : "s"))" : ""
            return "\(TerminalSafe.path(origin)): document \"\(docID)\" is already in run \"\(run)\" with other claims or reviews\(others): nothing imported; "
                + "use --replace to make this file the run's new version (the current one is kept as \"\(keptAs)\"), or another run name"
        case let .unknownAttribution(id):
            return "no claim #\(id) in the store"
        case let .invalidStoredValue(table, column, rowID, value):
            return "corrupt store: \(table).\(column) of row \(rowID) holds \(TerminalSafe.escape(value))"
        case let .nulInValue(table, column):
            return "refusing to store a NUL character (U+0000) in \(table).\(column): SQLite would keep only the text before it"
        case let .sessionOpen(annotator, kind, pid):
            return "\(TerminalSafe.escape(annotator)) already has \(kind == "review" ? "a review" : "an \(kind)") session open on this store"
                + (pid.map { " (process \($0))" } ?? "")
                + "; undo there and here would share one history: quit that session first, or review as another --annotator"
        case let .database(operation, message):
            return "store error while \(operation): \(message)"
        case let .destinationNotEmpty(path, holding):
            return "\(TerminalSafe.path(path)): the destination store is not empty (it holds \(holding)); `store copy` writes only into a new or empty store (nothing copied)"
        case let .olderSchema(path, missing):
            return "\(TerminalSafe.path(path)): written by an older ClaimDesk (migrations not applied: \(missing.joined(separator: ", "))); "
                + "opening it for writing migrates it (`store copy --migrate-source` does so for a source)"
        }
    }
}
