import ClaimModel

/// Left-aligned plain-text columns, two spaces apart; the last column is never padded.
///
/// Cells are escaped by `TerminalSafe` when rendered (a no-op on cells already escaped), so no
/// caller can put a stored name or text on the terminal raw through a table.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public var rendered: String {
        let all = ([header] + rows).map { $0.map(TerminalSafe.escape) }
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// The REPL screens' name for `TerminalSafe`, the one escaping rule (kept so that call sites read
/// as before; new code may use `TerminalSafe` or `String.terminalSafe` directly).
public typealias SafeText = TerminalSafe
