import Foundation

/// `store copy` on PostgreSQL: tables read through a server-side cursor inside one REPEATABLE READ
/// snapshot (the store as the copy began, fetched a chunk at a time so that memory stays bounded),
/// rows loaded with their ids by COPY in one write transaction, after which every identity sequence is
/// moved past the copied ids (`resyncIdentities`), so that the next row gets the id SQLite would give.
extension PostgresStore: RowTransferStore {
    func withTableReader<T: Sendable>(_ operation: String, _ body: (any TableReader) throws -> T) throws(StoreError) -> T {
        try read(operation) { db in try body(PostgresTableAccess(store: self, db: db)) }
    }

    func withTableWriter<T: Sendable>(_ operation: String, _ body: (any TableWriter) throws -> T) throws(StoreError) -> T {
        try write(operation) { db in try body(PostgresTableAccess(store: self, db: db)) }
    }
}

/// One PostgreSQL connection inside a transaction, seen as rows of typed cells.
struct PostgresTableAccess: TableWriter {
    let store: PostgresStore
    let db: PGConnection

    /// The cursor a copy reads a table through (one at a time, closed before the next).
    static let cursor = "claimdesk_copy"

    func columns(of table: CopiedTable) throws -> [CopiedColumn] {
        let rows = try db.execute("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [table.name.lowercased()])
        return (0..<rows.count).map { row in
            CopiedColumn(name: rows.string(row, 0) ?? "", kind: Self.kind(dataType: rows.string(row, 1) ?? ""))
        }
    }

    static func kind(dataType: String) -> CopiedColumn.Kind {
        switch dataType {
        case "bigint", "integer", "smallint": .integer
        case "double precision", "real", "numeric": .real
        case "bytea": .blob
        default: .text
        }
    }

    func count(_ table: CopiedTable) throws -> Int {
        try db.execute("SELECT count(*) FROM \(table.name)").int(0, 0) ?? 0
    }

    func rows(of table: CopiedTable, columns: [CopiedColumn], chunk: Int, _ body: ([[StoreCell]]) throws -> Void) throws {
        let list = columns.map(\.name).joined(separator: ", ")
        try db.execute("DECLARE \(Self.cursor) NO SCROLL CURSOR FOR SELECT \(list) FROM \(table.name) ORDER BY \(table.orderBy)")
        while true {
            let result = try db.execute("FETCH FORWARD \(chunk) FROM \(Self.cursor)")
            if result.count == 0 { break }
            var rows: [[StoreCell]] = []
            rows.reserveCapacity(result.count)
            for row in 0..<result.count {
                var cells: [StoreCell] = []
                cells.reserveCapacity(columns.count)
                for (index, column) in columns.enumerated() {
                    guard let cell = Self.cell(result, row, index, kind: column.kind) else {
                        throw StoreError.invalidStoredValue(table: table.name, column: column.name, rowID: result.int64(row, 0) ?? 0,
                                                            value: String((result.string(row, index) ?? "").prefix(60)))
                    }
                    cells.append(cell)
                }
                rows.append(cells)
            }
            try body(rows)
        }
        try db.execute("CLOSE \(Self.cursor)")
    }

    /// The cell in its column's kind, from libpq's text format; nil when the text does not parse.
    static func cell(_ result: PGRows, _ row: Int, _ column: Int, kind: CopiedColumn.Kind) -> StoreCell? {
        if result.isNull(row, column) { return .null }
        switch kind {
        case .integer: return result.int64(row, column).map(StoreCell.integer)
        case .real: return result.double(row, column).map(StoreCell.real)
        case .text: return result.string(row, column).map(StoreCell.text)
        case .blob: return result.bytes(row, column).map(StoreCell.blob)
        }
    }

    /// One `COPY … FROM STDIN` per chunk: rows in COPY's text format (tab between columns, `\N`
    /// for NULL, backslash, tab, line feed and carriage return escaped), so that the server parses
    /// no statement per row.
    func insert(into table: CopiedTable, columns: [CopiedColumn], rows: [[StoreCell]]) throws {
        try checkNUL(table, columns: columns, rows: rows)
        var data: [UInt8] = []
        data.reserveCapacity(rows.count * 160)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { data.append(UInt8(ascii: "\t")) }
                Self.append(cell, to: &data)
            }
            data.append(UInt8(ascii: "\n"))
        }
        try db.copyIn("COPY \(table.name) (\(columns.map(\.name).joined(separator: ", "))) FROM STDIN", data: data)
    }

    /// A cell in COPY's text format (`\N` for NULL; text escaped by `PGConnection.appendCopyText`).
    static func append(_ cell: StoreCell, to data: inout [UInt8]) {
        switch cell {
        case .null: data.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
        case let .integer(n): data.append(contentsOf: String(n).utf8)
        case let .real(d): data.append(contentsOf: (d.pgText ?? "NaN").utf8)
        case let .text(text): PGConnection.appendCopyText(text, to: &data)
        case let .blob(bytes): PGConnection.appendCopyText(PGBytes(bytes: bytes).pgText ?? "", to: &data)
        }
    }

    func finish() throws {
        try store.resyncIdentities(db)
    }
}
