import Foundation
import GRDB

/// `store copy` on an SQLite store: tables read through a cursor in one read transaction (a
/// snapshot, in WAL mode, of the store as the copy began), rows inserted with their ids in one
/// write transaction. SQLite's `INTEGER PRIMARY KEY` continues after the largest id by itself.
extension SQLiteStore: RowTransferStore {
    func withTableReader<T: Sendable>(_ operation: String, _ body: (any TableReader) throws -> T) throws(StoreError) -> T {
        try read(operation) { db in try body(SQLiteTableAccess(db: db)) }
    }

    func withTableWriter<T: Sendable>(_ operation: String, _ body: (any TableWriter) throws -> T) throws(StoreError) -> T {
        try write(operation) { db in try body(SQLiteTableAccess(db: db)) }
    }
}

/// One SQLite connection inside a transaction, seen as rows of typed cells.
struct SQLiteTableAccess: TableWriter {
    let db: Database

    func columns(of table: CopiedTable) throws -> [CopiedColumn] {
        try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", arguments: [table.name]).map { row in
            CopiedColumn(name: row[0], kind: Self.kind(declared: row[1]))
        }
    }

    /// SQLite's affinity rules for a declared type, reduced to the four kinds the schema uses.
    static func kind(declared: String) -> CopiedColumn.Kind {
        let type = declared.uppercased()
        if type.contains("INT") { return .integer }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
        if type.isEmpty || type.contains("BLOB") { return .blob }
        return .real
    }

    func count(_ table: CopiedTable) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
    }

    func rows(of table: CopiedTable, columns: [CopiedColumn], chunk: Int, _ body: ([[StoreCell]]) throws -> Void) throws {
        let list = columns.map(\.name).joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table.name) ORDER BY \(table.orderBy)")
        var rows: [[StoreCell]] = []
        rows.reserveCapacity(chunk)
        while let row = try cursor.next() {
            var cells: [StoreCell] = []
            cells.reserveCapacity(columns.count)
            for (index, column) in columns.enumerated() {
                let value: DatabaseValue = row[index]
                guard let cell = Self.cell(value, kind: column.kind) else {
                    let id: Int64 = (row[0] as DatabaseValue).storage.int64 ?? 0
                    throw StoreError.invalidStoredValue(table: table.name, column: column.name, rowID: id,
                                                        value: String(String(describing: value).prefix(60)))
                }
                cells.append(cell)
            }
            rows.append(cells)
            if rows.count == chunk {
                try body(rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        if !rows.isEmpty { try body(rows) }
    }

    /// The value as its column's kind; nil when the stored value is of another kind (a store
    /// written behind ClaimDesk's back), which the copy refuses rather than carry over.
    static func cell(_ value: DatabaseValue, kind: CopiedColumn.Kind) -> StoreCell? {
        switch (value.storage, kind) {
        case (.null, _): .null
        case let (.int64(n), .integer): .integer(n)
        case let (.double(d), .real): .real(d)
        case let (.int64(n), .real): .real(Double(n))
        case let (.string(s), .text): .text(s)
        case let (.blob(data), .blob): .blob([UInt8](data))
        default: nil
        }
    }

    func insert(into table: CopiedTable, columns: [CopiedColumn], rows: [[StoreCell]]) throws {
        try checkNUL(table, columns: columns, rows: rows)
        let names = columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table.name) (\(names)) VALUES (\(marks))")
        for row in rows {
            let values: [DatabaseValue] = row.map { cell in
                switch cell {
                case .null: .null
                case let .integer(n): n.databaseValue
                case let .real(d): d.databaseValue
                case let .text(s): s.databaseValue
                case let .blob(bytes): Data(bytes).databaseValue
                }
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    func finish() throws {}
}

private extension DatabaseValue.Storage {
    var int64: Int64? {
        if case let .int64(n) = self { return n }
        return nil
    }
}
