/// Aligns rows of cells into columns for terminal reports.
///
/// Reports are read by people comparing figures down a column, so every column is padded to its
/// widest cell; cells are counted in Characters, which is right for the ASCII the reports use.
struct TextTable: Sendable {
    enum Alignment: Sendable { case left, right }

    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ alignments: [Alignment]) {
        self.alignments = alignments
    }

    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The rows joined by newlines, columns separated by two spaces, no trailing spaces.
    func render(indent: String = "") -> String {
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
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let alignment = column < alignments.count ? alignments[column] : .left
                if column > 0 { line += "  " }
                line += alignment == .left ? cell + padding : padding + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
