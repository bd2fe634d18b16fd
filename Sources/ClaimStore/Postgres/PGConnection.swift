import CPostgres
import Foundation

/// A value bound to a `$n` parameter of a PostgreSQL statement, sent in libpq's text format.
///
/// Text format keeps one code path for every type: integers and doubles print exactly (PostgreSQL
/// 12+ prints a float8 in its shortest round-tripping form, and Swift's `description` does too), and
/// `bytea` is sent as `\x` hex. `nil` is SQL NULL.
protocol PGArgument: Sendable {
    var pgText: String? { get }
}

extension String: PGArgument { var pgText: String? { self } }
extension Int: PGArgument { var pgText: String? { String(self) } }
extension Int64: PGArgument { var pgText: String? { String(self) } }
extension Double: PGArgument {
    var pgText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return "\(self)"
    }
}
extension Bool: PGArgument { var pgText: String? { self ? "true" : "false" } }
extension Optional: PGArgument where Wrapped: PGArgument { var pgText: String? { self?.pgText } }

/// `bytea` bytes (a model's weights): sent as `\x` followed by hex.
struct PGBytes: PGArgument {
    var bytes: [UInt8]
    var pgText: String? {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(2 + bytes.count * 2)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// What went wrong talking to PostgreSQL: the server's message (never the connection string) and,
/// for a statement, its SQLSTATE (`40001` serialization failure, `23505` unique violation, …).
struct PGError: Error, Sendable, CustomStringConvertible {
    var message: String
    var sqlState: String?
    /// The constraint a statement violated (`documentreview_status_check`), when the server names one.
    var constraint: String? = nil
    var description: String { message }
}

/// The rows of one statement's result, in libpq's text format. Owns the `PGresult`; immutable once made
/// (libpq only reads a result), hence safe to hand to another thread.
final class PGRows: @unchecked Sendable {
    fileprivate let result: OpaquePointer
    let count: Int
    let columns: Int

    fileprivate init(_ result: OpaquePointer) {
        self.result = result
        count = Int(PQntuples(result))
        columns = Int(PQnfields(result))
    }

    deinit { PQclear(result) }

    /// Rows changed by an INSERT, UPDATE or DELETE.
    var affected: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) != 0 }

    /// The cell as text, or nil for NULL. The bytes are UTF-8: the connection's client encoding is
    /// UTF8 and ClaimDesk's text columns only ever hold what it wrote.
    func string(_ row: Int, _ column: Int) -> String? {
        if isNull(row, column) { return nil }
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }

    func int64(_ row: Int, _ column: Int) -> Int64? { string(row, column).flatMap { Int64($0) } }
    func int(_ row: Int, _ column: Int) -> Int? { string(row, column).flatMap { Int($0) } }
    func double(_ row: Int, _ column: Int) -> Double? {
        guard let text = string(row, column) else { return nil }
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }
    func bool(_ row: Int, _ column: Int) -> Bool? { string(row, column).map { $0 == "t" || $0 == "true" } }

    /// A `bytea` cell (hex output, PostgreSQL's default `bytea_output`).
    func bytes(_ row: Int, _ column: Int) -> [UInt8]? {
        guard let text = string(row, column) else { return nil }
        let hex = Array(text.utf8)
        guard hex.count >= 2, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x"), hex.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity((hex.count - 2) / 2)
        var i = 2
        while i < hex.count {
            guard let hi = nibble(hex[i]), let lo = nibble(hex[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// The first column of every row as Int64 (NULLs skipped).
    var int64Column: [Int64] { (0..<count).compactMap { int64($0, 0) } }
    /// The first column of every row as text (NULLs skipped).
    var stringColumn: [String] { (0..<count).compactMap { string($0, 0) } }
}

/// One libpq connection. Not thread-safe by itself: `PostgresStore` serialises its use.
///
/// Every statement goes through `PQexecParams` with `$n` parameters: no value is ever spliced
/// into SQL text. Errors carry the server's message and SQLSTATE, never the connection string
/// (which may hold a password).
final class PGConnection: @unchecked Sendable {
    private var connection: OpaquePointer?

    /// Connects with a libpq connection string or `postgresql://` URL. libpq itself honours
    /// `PGPASSWORD`, `~/.pgpass`, `PGSSLMODE` and the other `PG*` variables, as `psql` does.
    init(conninfo: String) throws(PGError) {
        guard let conn = PQconnectdb(conninfo) else { throw PGError(message: "out of memory connecting", sqlState: nil) }
        if PQstatus(conn) != CONNECTION_OK {
            let message = Self.clean(PQerrorMessage(conn))
            PQfinish(conn)
            throw PGError(message: message, sqlState: nil)
        }
        connection = conn
        // Notices (e.g. "relation already exists, skipping") would go to libpq's default processor,
        // stderr; a store's messages are ClaimDesk's own to print.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        _ = try execute("SET client_encoding = 'UTF8'")
        _ = try execute("SET client_min_messages = warning")
    }

    deinit { close() }

    func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// Whether the connection is still up (false after the server went away).
    var isHealthy: Bool {
        guard let connection else { return false }
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Tries to reconnect with the same parameters (after a server restart or a dropped link).
    func reset() -> Bool {
        guard let connection else { return false }
        PQreset(connection)
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Runs one statement with `$1…$n` bound to `arguments` and returns its rows (none for a command).
    @discardableResult
    func execute(_ sql: String, _ arguments: [any PGArgument] = []) throws(PGError) -> PGRows {
        guard let connection else { throw PGError(message: "the connection is closed", sqlState: nil) }
        let texts = arguments.map(\.pgText)
        // libpq takes C strings: a NUL would cut the value short without a word. The store's own
        // checks (NULGuard) refuse such values with the table and column first; this is the net.
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PGError(message: "a value holds a NUL character (U+0000), which a PostgreSQL text cannot store", sqlState: "22021")
        }
        let result: OpaquePointer? = Self.withCStrings(texts) { values in
            if arguments.isEmpty {
                return PQexec(connection, sql)
            }
            return PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw PGError(message: Self.clean(PQerrorMessage(connection)), sqlState: nil)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PGRows(result)
        default:
            let error = Self.error(from: result, connection: connection)
            PQclear(result)
            throw error
        }
    }

    /// Inserts `rows` into `table` with as few round trips as the parameter limit allows
    /// (PostgreSQL takes at most 65,535 parameters a statement). `suffix` follows the VALUES list
    /// (e.g. `ON CONFLICT DO NOTHING` or `RETURNING id`); the returned rows are every chunk's, in order.
    @discardableResult
    func insert(into table: String, columns: [String], rows: [[any PGArgument]], suffix: String = "") throws(PGError) -> [PGRows] {
        guard !rows.isEmpty else { return [] }
        let perStatement = max(1, min(1_000, 65_535 / max(1, columns.count)))
        var results: [PGRows] = []
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            var arguments: [any PGArgument] = []
            arguments.reserveCapacity((end - start) * columns.count)
            var n = 0
            for index in start..<end {
                let row = rows[index]
                sql += index == start ? "(" : ", ("
                for column in 0..<columns.count {
                    n += 1
                    sql += column == 0 ? "$\(n)" : ", $\(n)"
                    arguments.append(column < row.count ? row[column] : Optional<String>.none)
                }
                sql += ")"
            }
            if !suffix.isEmpty { sql += " " + suffix }
            results.append(try execute(sql, arguments))
            start = end
        }
        return results
    }

    /// Loads `rows` (values in `columns` order) into `table` with one `COPY … FROM STDIN`: the server
    /// parses one statement however many rows there are, where a multi-row INSERT of thousands of
    /// claims spends most of its time parsing and binding parameters. Without an `id` column, ids
    /// come from the table's identity in row order, as they would from the INSERT; with one (staged
    /// imports), the given ids are kept, and the caller moves the identity past them.
    func copy(into table: String, columns: [String], rows: [[any PGArgument]]) throws(PGError) {
        guard !rows.isEmpty else { return }
        var data: [UInt8] = []
        data.reserveCapacity(rows.count * 200)
        for row in rows {
            for column in 0..<columns.count {
                if column > 0 { data.append(UInt8(ascii: "\t")) }
                guard column < row.count, let text = row[column].pgText else {
                    data.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                    continue
                }
                if text.utf8.contains(0) {
                    throw PGError(message: "a value holds a NUL character (U+0000), which a PostgreSQL text cannot store", sqlState: "22021")
                }
                Self.appendCopyText(text, to: &data)
            }
            data.append(UInt8(ascii: "\n"))
        }
        try copyIn("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN", data: data)
    }

    /// `text` as one field of COPY's text format: backslash, tab, line feed and carriage return
    /// escaped with a backslash (a bytea's `\x…` input thus arrives with its backslash doubled).
    static func appendCopyText(_ text: String, to data: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        for byte in text.utf8 {
            switch byte {
            case backslash: data.append(contentsOf: [backslash, backslash])
            case UInt8(ascii: "\t"): data.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): data.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): data.append(contentsOf: [backslash, UInt8(ascii: "r")])
            default: data.append(byte)
            }
        }
    }

    /// Runs `COPY … FROM STDIN` (`sql`) and sends `data`, rows already in COPY's text format, in one
    /// go: the server parses no statement per row, the fastest way to load many rows (`store copy`).
    /// Throws the server's message when the COPY fails; the transaction is then aborted as usual.
    func copyIn(_ sql: String, data: [UInt8]) throws(PGError) {
        guard let connection else { throw PGError(message: "the connection is closed", sqlState: nil) }
        guard let start = PQexec(connection, sql) else {
            throw PGError(message: Self.clean(PQerrorMessage(connection)), sqlState: nil)
        }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            let error = Self.error(from: start, connection: connection)
            PQclear(start)
            throw error
        }
        PQclear(start)
        var sent = true
        var offset = 0
        data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // PQputCopyData takes an Int32 length: large buffers go in pieces of at most 1 MiB.
                while offset < chars.count && sent {
                    let length = min(1 << 20, chars.count - offset)
                    sent = PQputCopyData(connection, chars.baseAddress.map { $0 + offset }, Int32(length)) == 1
                    offset += length
                }
            }
        }
        let ended = PQputCopyEnd(connection, sent ? nil : "the client could not send the rows") == 1
        try drainResults(connection)
        if !sent || !ended { throw PGError(message: Self.clean(PQerrorMessage(connection)), sqlState: nil) }
    }

    /// Reads every pending result of the last command; throws the first error among them.
    private func drainResults(_ connection: OpaquePointer) throws(PGError) {
        var failure: PGError?
        while let result = PQgetResult(connection) {
            let status = PQresultStatus(result)
            if failure == nil && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK {
                failure = Self.error(from: result, connection: connection)
            }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    /// The error a failed `result` reports: the primary message alone ("the annotation log is
    /// append-only"), as SQLite gives it — no "ERROR:" severity and no PL/pgSQL CONTEXT lines —
    /// with its SQLSTATE and the violated constraint's name, so `sqliteWording` can map a CHECK
    /// failure whichever path (statement or COPY) met it. The caller still owns and clears `result`.
    private static func error(from result: OpaquePointer, connection: OpaquePointer) -> PGError {
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M")))
        let message = clean(primary ?? PQresultErrorMessage(result))
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        let constraint = PQresultErrorField(result, Int32(UInt8(ascii: "n"))).map { String(cString: $0) }
        return PGError(message: message.isEmpty ? clean(PQerrorMessage(connection)) : message, sqlState: state,
                       constraint: constraint)
    }

    private static func clean(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// Calls `body` with C strings for `texts` (NULL pointers for nil), alive for the call only.
    private static func withCStrings<R>(_ texts: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for p in pointers { free(p) } }
        return body(pointers.map { $0.map { UnsafePointer($0) } })
    }
}
