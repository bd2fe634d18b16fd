/// Wraps terminal text at word boundaries: a terminal left to itself cuts a long line at its last
/// column, in the middle of a word. Spaces (U+0020) are the only break points; a word wider than
/// the line is the only thing ever cut. ANSI SGR sequences (`ESC [ … m`) take no room, and the
/// styling active at a break is closed before the line ends and opened again after the indent, so
/// that an indent never shows reverse video and a pager (`less -R`) sees whole styled lines.
///
/// Width is counted in terminal columns: East Asian wide scalars take two, combining marks and
/// zero-width joiners none, every other scalar one (the text reaching here is already escaped by
/// `TerminalSafe`, so no control character remains to be counted). The work is done on UTF-8
/// bytes: `doc` wraps a 100 KB article on every call.
public struct TextWrap: Sendable {
    public var width: Int
    /// A scalar that joins two words into one and is shown as a space (`doc` glues a marker's
    /// label to its first word, so that `[[cue#3: added]]` never breaks after `[[cue#3:`).
    public var glue: Unicode.Scalar?
    private let glueBytes: [UInt8]

    public init(width: Int, glue: Unicode.Scalar? = nil) {
        self.width = max(8, width)
        self.glue = glue
        var bytes: [UInt8] = []
        if let glue { UTF8.encode(glue) { bytes.append($0) } }
        glueBytes = bytes
    }

    /// Every line of `text` wrapped; lines that fit are returned as they are.
    public func wrap(_ text: String) -> String {
        String(decoding: wrap(bytes: Array(text.utf8)), as: UTF8.self)
    }

    /// `wrap` on UTF-8 bytes.
    func wrap(bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { wrap(buffer: $0) }
    }

    private func wrap(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 16)
        var active: [UInt8] = []
        var start = 0
        while start <= text.count {
            var end = start
            while end < text.count && text[end] != 0x0A { end += 1 }
            if start > 0 { out.append(0x0A) }
            wrapLine(text, start, end, into: &out, active: &active)
            start = end + 1
        }
        return out
    }

    /// Where a wrapped line continues: under the value of a `  name      value` field line (also
    /// `  name [aliases]   value`, as `help` lists the verbs), two in from a `> ` line, else under
    /// the line's own leading spaces.
    static func continuationIndent(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let limit = min(end, start + 24)
        var leading = 0
        while start + leading < limit && text[start + leading] == 0x20 { leading += 1 }
        if leading == 0, limit - start >= 2, text[start] == UInt8(ascii: ">"), text[start + 1] == 0x20 { return 2 }
        if leading == 2 {
            // `  name` (with its ` [aliases]`, spaces and all) then two or more spaces then the value.
            var i = start + leading
            while i < limit && text[i] != 0x20 { i += 1 }
            if i + 1 < limit && text[i + 1] == UInt8(ascii: "[") && text[start + leading] != UInt8(ascii: "[") {
                var close = i + 1
                while close < limit && text[close] != UInt8(ascii: "]") { close += 1 }
                if close < limit { i = close + 1 }
            }
            var j = i
            while j < limit && text[j] == 0x20 { j += 1 }
            if j - i >= 2 && j < limit { return j - start }
        }
        return leading
    }

    private func wrapLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8], active: inout [UInt8]) {
        // Styling left open by the previous line goes on.
        if !active.isEmpty && end > start { out.append(contentsOf: active) }
        // Bytes never undercount columns (a wide scalar takes three or four bytes for its two).
        if end - start <= width || Self.columns(text, start, end) <= width {
            copy(text, start, end, into: &out, active: &active)
            if !active.isEmpty { out.append(contentsOf: Self.reset) }
            return
        }
        let rawIndent = Self.continuationIndent(text, start, end)
        let indent = rawIndent * 2 > width ? 0 : rawIndent
        var column = 0
        var pendingSpaces = 0
        var placed = false
        var pendingStyle: (Int, Int)?
        func breakLine() {
            if !active.isEmpty { out.append(contentsOf: Self.reset) }
            out.append(0x0A)
            for _ in 0..<indent { out.append(0x20) }
            if !active.isEmpty { out.append(contentsOf: active) }
            column = indent
            placed = false
        }
        func flushStyle() {
            guard let (from, to) = pendingStyle else { return }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[from..<to]))
            Self.track(text, from, to, &active)
            pendingStyle = nil
        }
        var i = start
        // The line's own leading spaces stay.
        while i < end && text[i] == 0x20 {
            out.append(0x20)
            column += 1
            i += 1
        }
        while i < end {
            let b = text[i]
            if b == 0x20 {
                pendingSpaces += 1
                i += 1
                continue
            }
            if b == 0x1B {
                // Styling between words goes with the next word (never onto the spaces before it).
                let stop = Self.sequenceEnd(text, from: i, end)
                if let (from, _) = pendingStyle { pendingStyle = (from, stop) } else { pendingStyle = (i, stop) }
                i = stop
                continue
            }
            // A word: up to the next space, its styling inside it.
            var j = i
            var wordWidth = 0
            while j < end && text[j] != 0x20 {
                if text[j] == 0x1B { j = Self.sequenceEnd(text, from: j, end); continue }
                if isGlue(text, j, end) { wordWidth += 1; j += glueBytes.count; continue }
                wordWidth += Self.columns(text, at: j, end)
                j += 1
            }
            if placed && column + pendingSpaces + wordWidth > width {
                pendingSpaces = 0
                breakLine()
            }
            for _ in 0..<pendingSpaces { out.append(0x20) }
            column += pendingSpaces
            pendingSpaces = 0
            flushStyle()
            if column + wordWidth <= width {
                // The whole word fits: copied in runs.
                copy(text, i, j, into: &out, active: &active)
                column += wordWidth
                placed = true
                i = j
                continue
            }
            var k = i
            while k < j {
                if text[k] == 0x1B {
                    let stop = Self.sequenceEnd(text, from: k, end)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[k..<stop]))
                    Self.track(text, k, stop, &active)
                    k = stop
                    continue
                }
                if isGlue(text, k, end) {
                    if column + 1 > width && column > indent { breakLine() }
                    out.append(0x20)
                    column += 1
                    placed = true
                    k += glueBytes.count
                    continue
                }
                let w = Self.columns(text, at: k, end)
                // Only a word wider than the line is cut (never inside a scalar: continuation bytes take no room).
                if w > 0 && column + w > width && column > indent { breakLine() }
                out.append(text[k])
                column += w
                placed = true
                k += 1
            }
            i = j
        }
        flushStyle()
        if !active.isEmpty { out.append(contentsOf: Self.reset) }
    }

    /// Copies `text[from..<to]` as it is, in runs: escape sequences tracked, glue shown as a space.
    private func copy(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout [UInt8], active: inout [UInt8]) {
        var run = from
        var k = from
        let glueFirst = glueBytes.first
        while k < to {
            let b = text[k]
            if b == 0x1B {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<k]))
                let stop = Self.sequenceEnd(text, from: k, to)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[k..<stop]))
                Self.track(text, k, stop, &active)
                k = stop
                run = k
            } else if b == glueFirst && isGlue(text, k, to) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<k]))
                out.append(0x20)
                k += glueBytes.count
                run = k
            } else {
                k += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<to]))
    }

    @inline(__always)
    private func isGlue(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard let first = glueBytes.first, text[i] == first, i + glueBytes.count <= end else { return false }
        for n in 1..<glueBytes.count where text[i + n] != glueBytes[n] { return false }
        return true
    }

    static let reset: [UInt8] = Array("\u{1B}[0m".utf8)

    /// The index after the escape sequence starting at `i` (CSI: up to its final byte).
    static func sequenceEnd(_ text: UnsafeBufferPointer<UInt8>, from i: Int, _ end: Int) -> Int {
        var j = i + 1
        guard j < end, text[j] == UInt8(ascii: "[") else { return j }
        j += 1
        while j < end, !(0x40...0x7E).contains(text[j]) { j += 1 }
        return min(j + 1, end)
    }

    /// Keeps `active` to the SGR sequences in force after `text[from..<to]`: a reset clears them.
    static func track(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ active: inout [UInt8]) {
        var i = from
        while i < to {
            guard text[i] == 0x1B else { i += 1; continue }
            let stop = sequenceEnd(text, from: i, to)
            if text[stop - 1] == UInt8(ascii: "m") {
                let isReset = stop - i <= 3 || (stop - i == 4 && text[i + 2] == UInt8(ascii: "0"))
                if isReset { active.removeAll(keepingCapacity: true) } else { active.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<stop])) }
            }
            i = stop
        }
    }

    /// The columns `text` takes on a terminal, escape sequences excluded (one line).
    static func columns(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { columns($0, 0, $0.count) }
    }

    /// The columns `text[start..<end]` takes on a terminal, escape sequences excluded.
    static func columns(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var total = 0
        var i = start
        while i < end {
            if text[i] == 0x1B { i = sequenceEnd(text, from: i, end); continue }
            total += columns(text, at: i, end)
            i += 1
        }
        return total
    }

    /// The columns of the scalar whose UTF-8 encoding starts at `i`; 0 for a continuation byte.
    @inline(__always)
    static func columns(_ text: UnsafeBufferPointer<UInt8>, at i: Int, _ end: Int) -> Int {
        let b = text[i]
        if b < 0x80 { return 1 }
        if b < 0xC0 { return 0 }
        var value: UInt32
        var count: Int
        if b < 0xE0 { value = UInt32(b & 0x1F); count = 1 } else if b < 0xF0 { value = UInt32(b & 0x0F); count = 2 } else { value = UInt32(b & 0x07); count = 3 }
        guard i + count < end else { return 1 }
        for n in 1...count { value = value << 6 | UInt32(text[i + n] & 0x3F) }
        return Unicode.Scalar(value).map(columns) ?? 1
    }

    /// The columns one scalar takes (a simplified wcwidth).
    static func columns(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if v == 0x200B || v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        // Punctuation, arrows, symbols and dingbats (· → ✓ ✗): one column, no table lookup.
        if (0x2010...0x20CF).contains(v) || (0x2100...0x2E7F).contains(v) { return 1 }
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
