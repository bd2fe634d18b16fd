import ClaimModel

/// `claimdesk store copy`: moves a whole store, row for row with every row id kept, from one store
/// to another (SQLite or PostgreSQL, either way). Keeping the ids is what makes a copy's `score`,
/// `agreement`, `compare`, `report` and exports byte-identical to the source's: they order by ids.
///
/// The copy reads the source in one consistent snapshot (a store being written meanwhile is copied
/// as it was when the copy began) and writes the destination in one transaction: all or nothing,
/// so an interrupted copy leaves the destination as empty as it was. Rows travel in chunks, so
/// memory stays bounded whatever the store's size. The destination must be empty (checked inside
/// its transaction, after its writer lock) and have the source's schema (the same migrations).
public enum StoreCopier {
    /// Rows read and written at a time: small enough to bound memory, large enough that a
    /// PostgreSQL side pays few round trips.
    static let chunk = 2_000

    /// Copies every table of `source` into the empty `destination` and returns what was copied.
    /// `progress` is called after every chunk, with the rows copied so far and the total.
    ///
    /// Refuses, changing nothing: a destination that holds any row (`destinationNotEmpty`), and
    /// stores whose applied migrations differ (`olderSchema`, naming the older one).
    public static func copy(from source: any StoreContract, to destination: any StoreContract,
                            progress: @escaping (CopyProgress) -> Void = { _ in }) throws(StoreError) -> CopySummary {
        guard let from = source as? any RowTransferStore else { throw StoreError.database(operation: "copying the store", message: "\(source.location) cannot be read row by row") }
        guard let to = destination as? any RowTransferStore else { throw StoreError.database(operation: "copying the store", message: "\(destination.location) cannot be written row by row") }
        let sourceMigrations = try source.appliedMigrations()
        let destinationMigrations = try destination.appliedMigrations()
        if sourceMigrations != destinationMigrations {
            let (older, newer) = sourceMigrations.count < destinationMigrations.count
                ? (source, destinationMigrations.filter { !sourceMigrations.contains($0) })
                : (destination, sourceMigrations.filter { !destinationMigrations.contains($0) })
            throw StoreError.olderSchema(path: older.location.description, missingMigrations: newer)
        }
        let target = destination.location.description
        let copied: [Int] = try from.withTableReader("reading \(source.location) for a copy") { (reader) throws -> [Int] in
            let totals = try CopiedTable.all.map { try reader.count($0) }
            let grandTotal = totals.reduce(0, +)
            return try to.withTableWriter("copying into \(target)") { (writer) throws -> [Int] in
                let present = try CopiedTable.all.map { try writer.count($0) }
                if present.contains(where: { $0 > 0 }) {
                    throw StoreError.destinationNotEmpty(path: target, holding: describe(present, nonZeroOnly: true))
                }
                var counts: [Int] = []
                var done = 0
                for (index, table) in CopiedTable.all.enumerated() {
                    let columns = try reader.columns(of: table)
                    let expected = try writer.columns(of: table)
                    if Set(columns.map { $0.name.lowercased() }) != Set(expected.map { $0.name.lowercased() }) {
                        throw StoreError.database(operation: "copying table \(table.name)",
                                                  message: "the two stores' columns differ: \(columns.map(\.name).joined(separator: ", ")) "
                                                      + "and \(expected.map(\.name).joined(separator: ", "))")
                    }
                    var count = 0
                    try reader.rows(of: table, columns: columns, chunk: chunk) { rows in
                        try writer.insert(into: table, columns: columns, rows: rows)
                        count += rows.count
                        done += rows.count
                        progress(CopyProgress(table: table.pluralNoun, copied: done, total: max(grandTotal, done)))
                    }
                    if count != totals[index] {
                        throw StoreError.database(operation: "copying table \(table.name)",
                                                  message: "read \(count) rows where the snapshot counted \(totals[index])")
                    }
                    counts.append(count)
                }
                try writer.finish()
                return counts
            }
        }
        return CopySummary(counts: zip(CopiedTable.all, copied).map {
            CopySummary.TableCount(noun: $0.noun, pluralNoun: $0.pluralNoun, count: $1)
        }, migrations: sourceMigrations)
    }

    /// What `store` holds ("16 documents, 1 run"), or nil when it holds no row: a read, so that a
    /// destination can be refused before it is opened for writing. Tables an older schema lacks
    /// count as empty.
    public static func contents(of store: any StoreContract) throws(StoreError) -> String? {
        guard let access = store as? any RowTransferStore else { return nil }
        let counts = try access.withTableReader("reading \(store.location)") { reader in
            try CopiedTable.all.map { table in try reader.columns(of: table).isEmpty ? 0 : try reader.count(table) }
        }
        return counts.contains { $0 > 0 } ? describe(counts, nonZeroOnly: true) : nil
    }

    /// "16 documents, 1 run": every table's count, or only the non-empty ones.
    static func describe(_ counts: [Int], nonZeroOnly: Bool) -> String {
        zip(CopiedTable.all, counts).filter { !nonZeroOnly || $1 > 0 }
            .map { plural($1, $0.noun, $0.pluralNoun) }.joined(separator: ", ")
    }
}

/// How far a copy is: rows copied so far of all tables, out of the source's total.
public struct CopyProgress: Sendable, Equatable {
    /// The table being copied, as the summary names its rows ("claims", "log entries").
    public var table: String
    public var copied: Int
    public var total: Int
}

/// What a copy moved: every table's row count, in copy order, and the migrations both stores have.
public struct CopySummary: Sendable, Equatable {
    /// One table's rows: how many, and what they are called.
    public struct TableCount: Sendable, Equatable {
        public var noun: String
        public var pluralNoun: String
        public var count: Int
    }

    public var counts: [TableCount]
    public var migrations: [String]

    /// "16 documents, 3 runs, …, 12 links": every table, empty ones too, so the line is the same
    /// shape for every store.
    public var rows: String {
        counts.map { plural($0.count, $0.noun, $0.pluralNoun) }.joined(separator: ", ")
    }

    /// Rows copied, all tables together.
    public var total: Int { counts.reduce(0) { $0 + $1.count } }
}

/// One table as `store copy` moves it: its name, the columns rows are read in order of (the key),
/// and what the summary calls its rows. The columns themselves are read from each store's schema,
/// so a migration that adds a column needs nothing here; a migration that adds a TABLE must add it
/// to `all` (`StoreCopyTableTests` fails until it does), in an order where every table comes after
/// the tables it references.
struct CopiedTable: Sendable {
    var name: String
    var key: [String]
    var noun: String
    var pluralNoun: String

    init(_ name: String, key: [String] = ["id"], noun: String, _ pluralNoun: String? = nil) {
        self.name = name
        self.key = key
        self.noun = noun
        self.pluralNoun = pluralNoun ?? noun + "s"
    }

    /// Every table of the schema, referenced tables first (annotation.target points at an earlier
    /// annotation: id order inserts it after its target).
    static let all: [CopiedTable] = [
        CopiedTable("document", noun: "document"),
        CopiedTable("run", noun: "run"),
        CopiedTable("runDocument", key: ["runId", "documentId"], noun: "run document"),
        CopiedTable("attribution", noun: "claim"),
        CopiedTable("annotation", noun: "log entry", "log entries"),
        CopiedTable("documentReview", noun: "document mark"),
        CopiedTable("importDigest", key: ["runId", "documentId"], noun: "import digest"),
        CopiedTable("preference", key: ["annotator", "key"], noun: "preference"),
        CopiedTable("model", noun: "model"),
        CopiedTable("linkRun", noun: "link run"),
        CopiedTable("linkCluster", key: ["linkRunId", "attributionId"], noun: "cluster member"),
        CopiedTable("claimLink", key: ["linkRunId", "a", "b"], noun: "link"),
    ]

    /// The key columns, for `ORDER BY`.
    var orderBy: String { key.joined(separator: ", ") }
}

/// A column of a copied table and the kind of value it holds (its declared type).
struct CopiedColumn: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case integer, real, text, blob }
    var name: String
    var kind: Kind
}

/// One cell, typed by its column: what travels between the two engines.
enum StoreCell: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// What a store offers `StoreCopier`: its tables read in key order in one snapshot, and rows
/// inserted with their ids in one transaction. Internal: the copy is the only user.
protocol RowTransferStore {
    /// Runs `body` with a reader over one consistent snapshot of the store.
    func withTableReader<T: Sendable>(_ operation: String, _ body: (any TableReader) throws -> T) throws(StoreError) -> T
    /// Runs `body` in one write transaction (all or nothing, after every other writer).
    func withTableWriter<T: Sendable>(_ operation: String, _ body: (any TableWriter) throws -> T) throws(StoreError) -> T
}

protocol TableReader {
    /// The table's columns as this store declares them.
    func columns(of table: CopiedTable) throws -> [CopiedColumn]
    func count(_ table: CopiedTable) throws -> Int
    /// Every row in key order, `chunk` rows at a time, cells in `columns`' order.
    func rows(of table: CopiedTable, columns: [CopiedColumn], chunk: Int, _ body: ([[StoreCell]]) throws -> Void) throws
}

protocol TableWriter: TableReader {
    /// Inserts `rows` (cells in `columns`' order) with the ids they carry.
    func insert(into table: CopiedTable, columns: [CopiedColumn], rows: [[StoreCell]]) throws
    /// After the last insert: whatever assigns new ids must continue past the copied ones.
    func finish() throws
}

extension TableWriter {
    /// Refuses text holding NUL, as every other write path does (`NULGuard`), before the engine
    /// sees it: SQLite would cut it short, PostgreSQL cannot store it.
    func checkNUL(_ table: CopiedTable, columns: [CopiedColumn], rows: [[StoreCell]]) throws(StoreError) {
        for row in rows {
            for (column, cell) in zip(columns, row) {
                if case let .text(text) = cell, text.utf8.contains(0) {
                    throw StoreError.nulInValue(table: table.name, column: column.name)
                }
            }
        }
    }
}
