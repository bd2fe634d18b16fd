/// Wraps terminal text at word boundaries: a terminal left to itself cuts a long line at its last
/// column, in the middle of a word. Spaces (U+0020) are the only break points; a word wider than
/// the line is the only thing ever cut. ANSI SGR sequences (`ESC [ … m`) take no room, and the
/// styling active at a break is closed before the line ends and opened again after the indent, so
/// that an indent never shows reverse video and a pager (`less -R`) sees whole styled lines.
///
/// Width is counted in terminal columns: East Asian wide scalars take two, combining marks and
/// zero-width joiners none, every other scalar one (the text reaching here is already escaped by
/// `TerminalSafe`, so no control character remains to be counted).
public struct TextWrap: Sendable {
    public var width: Int
    /// A scalar that joins two words into one and is shown as a space (`doc` glues a marker's
    /// label to its first word, so that `[[cue#3: added]]` never breaks after `[[cue#3:`).
    public var glue: Unicode.Scalar?

    public init(width: Int, glue: Unicode.Scalar? = nil) {
        self.width = max(8, width)
        self.glue = glue
    }

    /// Every line of `text` wrapped; lines that fit are returned as they are.
    public func wrap(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var active = String.UnicodeScalarView()
        var first = true
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out.append("\n") }
            first = false
            wrapLine(Array(line), indent: Self.continuationIndent(line), into: &out, active: &active)
        }
        return String(out)
    }

    /// Where a wrapped line continues: under the value of a `  name      value` field line, two in
    /// from a `> ` line, else under the line's own leading spaces; never past half the width.
    static func continuationIndent(_ line: Substring.UnicodeScalarView) -> Int {
        var leading = 0
        var iterator = line.makeIterator()
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 24, let s = iterator.next() { scalars.append(s) }
        while leading < scalars.count && scalars[leading] == " " { leading += 1 }
        if leading == 0, scalars.count >= 2, scalars[0] == ">", scalars[1] == " " { return 2 }
        if leading == 2 {
            // `  name` then two or more spaces then the value.
            var i = leading
            while i < scalars.count && scalars[i] != " " { i += 1 }
            var j = i
            while j < scalars.count && scalars[j] == " " { j += 1 }
            if j - i >= 2 && j < scalars.count { return j }
        }
        return leading
    }

    private func wrapLine(_ line: [Unicode.Scalar], indent rawIndent: Int, into out: inout String.UnicodeScalarView,
                          active: inout String.UnicodeScalarView) {
        // Styling left open by the previous line goes on.
        if !active.isEmpty && !line.isEmpty { out.append(contentsOf: active) }
        let indent = rawIndent * 2 > width ? 0 : rawIndent
        if Self.columns(line) <= width {
            if let glue, line.contains(glue) {
                out.append(contentsOf: line.map { $0 == glue ? " " : $0 })
            } else {
                out.append(contentsOf: line)
            }
            Self.track(line, &active)
            if !active.isEmpty { out.append(contentsOf: Self.reset) }
            return
        }
        var column = 0
        var pendingSpaces = 0
        var placed = false
        var pendingStyle = String.UnicodeScalarView()
        func breakLine() {
            if !active.isEmpty { out.append(contentsOf: Self.reset) }
            out.append("\n")
            for _ in 0..<indent { out.append(" ") }
            if !active.isEmpty { out.append(contentsOf: active) }
            column = indent
            placed = false
        }
        var i = 0
        // The line's own leading spaces stay.
        while i < line.count && line[i] == " " {
            out.append(" ")
            column += 1
            i += 1
        }
        while i < line.count {
            let s = line[i]
            if s == " " {
                pendingSpaces += 1
                i += 1
                continue
            }
            if s == "\u{1B}" {
                let end = Self.sequenceEnd(line, from: i)
                pendingStyle.append(contentsOf: line[i..<end])
                i = end
                continue
            }
            // A word: up to the next space, its styling inside it.
            var j = i
            var wordWidth = 0
            while j < line.count && line[j] != " " {
                if line[j] == "\u{1B}" { j = Self.sequenceEnd(line, from: j); continue }
                wordWidth += Self.columns(line[j])
                j += 1
            }
            if placed && column + pendingSpaces + wordWidth > width {
                pendingSpaces = 0
                breakLine()
            }
            for _ in 0..<pendingSpaces { out.append(" ") }
            column += pendingSpaces
            pendingSpaces = 0
            if !pendingStyle.isEmpty {
                out.append(contentsOf: pendingStyle)
                Self.track(Array(pendingStyle), &active)
                pendingStyle = String.UnicodeScalarView()
            }
            var k = i
            while k < j {
                if line[k] == "\u{1B}" {
                    let end = Self.sequenceEnd(line, from: k)
                    out.append(contentsOf: line[k..<end])
                    Self.track(Array(line[k..<end]), &active)
                    k = end
                    continue
                }
                let w = Self.columns(line[k])
                if column + w > width && column > indent {
                    // Only a word wider than the line is cut.
                    breakLine()
                }
                out.append(line[k] == glue ? " " : line[k])
                column += w
                placed = true
                k += 1
            }
            i = j
        }
        if !pendingStyle.isEmpty {
            out.append(contentsOf: pendingStyle)
            Self.track(Array(pendingStyle), &active)
        }
        if !active.isEmpty { out.append(contentsOf: Self.reset) }
    }

    static let reset = "\u{1B}[0m".unicodeScalars

    /// The index after the escape sequence starting at `i` (CSI: up to its final byte).
    static func sequenceEnd(_ line: [Unicode.Scalar], from i: Int) -> Int {
        var j = i + 1
        guard j < line.count, line[j] == "[" else { return j }
        j += 1
        while j < line.count, !(0x40...0x7E).contains(line[j].value) { j += 1 }
        return min(j + 1, line.count)
    }

    /// Keeps `active` to the SGR sequences in force after `scalars`: a reset clears them.
    static func track(_ scalars: [Unicode.Scalar], _ active: inout String.UnicodeScalarView) {
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\u{1B}" else { i += 1; continue }
            let end = sequenceEnd(scalars, from: i)
            let sequence = scalars[i..<end]
            if sequence.last == "m" {
                if sequence.count <= 3 || Array(sequence) == Array("\u{1B}[0m".unicodeScalars) {
                    active = String.UnicodeScalarView()
                } else {
                    active.append(contentsOf: sequence)
                }
            }
            i = end
        }
    }

    /// The columns `line` takes on a terminal, escape sequences excluded.
    static func columns(_ line: [Unicode.Scalar]) -> Int {
        var total = 0
        var i = 0
        while i < line.count {
            if line[i] == "\u{1B}" { i = sequenceEnd(line, from: i); continue }
            total += columns(line[i])
            i += 1
        }
        return total
    }

    /// The columns one scalar takes (a simplified wcwidth).
    static func columns(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if v == 0x200B || v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
