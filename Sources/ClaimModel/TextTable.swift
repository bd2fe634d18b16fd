/// Plain-text columns, two spaces apart, for the reports (Evaluation) and the listings and screens
/// (Workbench, Terminal): the one table type, so every aligned screen follows one rule.
///
/// Two shapes, because the two kinds of screen differ on purpose:
/// - a **report** (`init(_ alignments:)`) holds figures ClaimDesk computed: columns may be
///   right-aligned, cells are written as given, and lines carry no trailing spaces;
/// - a **listing** (`init(_ header:)`) shows stored names and texts: the header is the first row,
///   every cell is escaped by `TerminalSafe` (a no-op on cells already escaped), so no caller can put
///   a stored text on the terminal raw through a table; all columns are left-aligned, the last is never
///   padded, and a line keeps the separator before an empty last cell (screens pinned by tests).
///
/// Widths are counted in Characters in both shapes.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var alignments: [Alignment]
    /// The listing's header (`nil` for a report); rendered as the first row.
    public var header: [String]?
    public var rows: [[String]] = []

    /// A report table: one alignment per column (missing ones are `.left`).
    public init(_ alignments: [Alignment]) {
        self.alignments = alignments
        self.header = nil
    }

    /// A listing table under `header`; cells are escaped when rendered.
    public init(_ header: [String]) {
        self.alignments = []
        self.header = header
    }

    public mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// A listing: header and rows, escaped, the last column unpadded, joined by newlines.
    public var rendered: String {
        let header = self.header ?? []
        let all = ([header] + rows).map { $0.map(TerminalSafe.escape) }
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 || column >= widths.count ? cell : Self.pad(cell, widths[column], .left)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A report: the rows joined by newlines, columns separated by two spaces, no trailing spaces.
    public func render(indent: String = "") -> String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                let alignment = column < alignments.count ? alignments[column] : .left
                if column > 0 { line += "  " }
                line += Self.pad(cell, widths[column], alignment)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private static func pad(_ cell: String, _ width: Int, _ alignment: Alignment) -> String {
        let padding = String(repeating: " ", count: max(0, width - cell.count))
        return alignment == .left ? cell + padding : padding + cell
    }
}
