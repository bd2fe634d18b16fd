import ClaimModel
import Review

/// `doc`: the whole document with every claim's source, cue and content marked and numbered by
/// the claim's `#` number (the one `goto` takes and `list` shows), so that an attribution the
/// extractor missed stands out next to the ones it found.
///
/// Spans may nest (a content quoting another claim's source) or cross (two contents sharing a
/// stretch). Marks are laid out as a tree: a span that crosses the end of the one enclosing it is
/// cut there and goes on in a second mark with the same label; marks on exactly the same text (a
/// cue two claims share) become one mark with both labels. Plain markers then always close in the
/// order they opened, and colours follow the innermost mark.
struct DocumentScreen {
    /// How far the analyst is with a claim, as the marks show it.
    enum State: Int { case unreviewed, reviewed, rejected }

    /// One role of one claim on a stretch of the text.
    struct Label: Equatable {
        var role: Role
        var claim: Int64
        var state: State
        var current: Bool
    }

    /// A stretch of text `start..<end` (Unicode-scalar offsets) with the labels of every role on it.
    struct Mark: Equatable {
        var start: Int
        var end: Int
        var labels: [Label]
    }

    /// Joins a plain marker's label to its text for `TextWrap` (shown as a space). A private-use
    /// scalar: the document's own are escaped on the way in, so none is mistaken for it.
    static let glue: Unicode.Scalar = "\u{E000}"

    static let roleNames: [Role: String] = [.source: "src", .cue: "cue", .content: "content"]

    /// Every role span of every visible claim, identical stretches merged; with each state's count
    /// and the claims that have no span in the text.
    static func marks(_ view: DocumentView, current: Int?) -> (marks: [Mark], counts: [Int], unmarked: [Int64]) {
        let count = view.text.count
        var flat: [(start: Int, end: Int, label: Label)] = []
        flat.reserveCapacity(view.visible.count * 3)
        var counts = [0, 0, 0]
        var unmarked: [Int64] = []
        for i in view.visible.indices {
            let claimID = view.visible[i].rowID
            let review = view.reviews[claimID]
            let a = review?.attribution ?? view.visible[i].attribution
            let state: State
            switch review?.verdict {
            case nil: state = .unreviewed
            case .rejected: state = .rejected
            case .confirmed, .corrected, .added: state = .reviewed
            }
            counts[state.rawValue] += 1
            var marked = false
            for role in [Role.source, .cue, .content] {
                guard let fragments = a[role] else { continue }
                for span in fragments.spans {
                    let start = max(0, min(span.start, count)), end = max(start, min(span.end, count))
                    guard start < end else { continue }
                    marked = true
                    flat.append((start, end, Label(role: role, claim: claimID, state: state, current: i == current)))
                }
            }
            if !marked { unmarked.append(claimID) }
        }
        // Outer first (by start, then the longer), then role and claim: labels of one stretch in order.
        flat.sort { x, y in
            if x.start != y.start { return x.start < y.start }
            if x.end != y.end { return x.end > y.end }
            if x.label.role != y.label.role { return order(x.label.role) < order(y.label.role) }
            return x.label.claim < y.label.claim
        }
        var marks: [Mark] = []
        marks.reserveCapacity(flat.count)
        for item in flat {
            if let last = marks.last, last.start == item.start, last.end == item.end {
                marks[marks.count - 1].labels.append(item.label)
            } else {
                marks.append(Mark(start: item.start, end: item.end, labels: [item.label]))
            }
        }
        return (marks, counts, unmarked)
    }

    static func order(_ role: Role) -> Int {
        switch role {
        case .source: 0
        case .cue: 1
        default: 2
        }
    }

    /// Outer marks open first: by start, then the longer one.
    static func opensBefore(_ a: Mark, _ b: Mark) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return (order(a.labels.first?.role ?? .content), a.labels.first?.claim ?? 0)
            < (order(b.labels.first?.role ?? .content), b.labels.first?.claim ?? 0)
    }

    /// `marks` (sorted by `opensBefore`) cut so that each lies inside the one enclosing it.
    static func nested(_ marks: [Mark]) -> [Mark] {
        var queue = marks
        var out: [Mark] = []
        out.reserveCapacity(marks.count)
        var openEnds: [Int] = []
        var i = 0
        while i < queue.count {
            var mark = queue[i]
            i += 1
            while let end = openEnds.last, end <= mark.start { openEnds.removeLast() }
            if let end = openEnds.last, end < mark.end {
                var rest = mark
                rest.start = end
                mark.end = end
                // The rest opens later: into the queue at its place.
                var lo = i, hi = queue.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if opensBefore(queue[mid], rest) { lo = mid + 1 } else { hi = mid }
                }
                queue.insert(rest, at: lo)
            }
            openEnds.append(mark.end)
            out.append(mark)
        }
        return out
    }

    // MARK: - Rendering

    let style: Renderer.Style

    /// The text with its marks as UTF-8, not yet wrapped: one output line per line of the document.
    func body(_ text: ScalarText, _ marks: [Mark]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + marks.count * 24)
        var position = 0
        var open: [Mark] = []
        // The marker written last, while no text has followed it: the escaping looks at both sides.
        var lastMarker: Marker?
        func emit(upTo end: Int, markerAfter: Marker?) {
            guard position < end else { return }
            Self.appendText(text.scalars, position, end, escapingMarkers: style == .plain,
                            markerBefore: lastMarker, markerAfter: markerAfter, to: &out)
            position = end
            lastMarker = nil
        }
        func close() {
            guard let mark = open.popLast() else { return }
            emit(upTo: mark.end, markerAfter: .closing)
            lastMarker = .closing
            switch style {
            case .plain: out.append(contentsOf: "]]".utf8)
            case .color:
                out.append(contentsOf: Renderer.reset.utf8)
                if let inner = open.last { Self.appendTextStyle(inner, within: open, to: &out) }
            }
        }
        for mark in Self.nested(marks) {
            while let last = open.last, last.end <= mark.start { close() }
            emit(upTo: mark.start, markerAfter: .opening)
            lastMarker = .opening
            open.append(mark)
            switch style {
            case .plain:
                out.append(contentsOf: "[[".utf8)
                for (n, label) in mark.labels.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: Self.plainLabel(label).utf8)
                }
                out.append(UInt8(ascii: ":"))
                UTF8.encode(Self.glue) { out.append($0) }
            case .color:
                out.append(contentsOf: Renderer.reset.utf8)
                for (n, label) in mark.labels.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendColorLabel(label, to: &out)
                }
                Self.appendTextStyle(mark, within: open, to: &out)
            }
        }
        while !open.isEmpty { close() }
        emit(upTo: text.count, markerAfter: nil)
        return out
    }

    /// `src#3`, `cue#3✓` (reviewed), `content#3✗` (rejected), `>src#3` (the current claim).
    static func plainLabel(_ label: Label) -> String {
        (label.current ? ">" : "") + (roleNames[label.role] ?? "") + "#\(label.claim)"
            + (label.state == .reviewed ? "✓" : label.state == .rejected ? "✗" : "")
    }

    /// The label's number in its role's colour and its state's styling (dim), then a reset.
    static func appendColorLabel(_ label: Label, to out: inout [UInt8]) {
        out.append(contentsOf: labelStyles[styleIndex(label, inside: false)])
        out.append(UInt8(ascii: "#"))
        out.append(contentsOf: String(label.claim).utf8)
        out.append(contentsOf: Renderer.reset.utf8)
    }

    /// The styling of a mark's text: its first label's role and state, reversed anywhere inside
    /// the current claim's marks.
    static func appendTextStyle(_ mark: Mark, within open: [Mark], to out: inout [UInt8]) {
        guard let label = mark.labels.first else { return }
        let inside = !label.current && open.contains(where: { $0.labels.contains(where: \.current) })
        out.append(contentsOf: textStyles[styleIndex(label, inside: inside)])
    }

    /// Every styling `doc` draws, made once: role × state × current × inside the current claim.
    static func styleIndex(_ label: Label, inside: Bool) -> Int {
        order(label.role) * 12 + label.state.rawValue * 4 + (label.current ? 2 : 0) + (inside ? 1 : 0)
    }

    static let combinations: [(Label, Bool)] = [Role.source, .cue, .content].flatMap { role in
        [State.unreviewed, .reviewed, .rejected].flatMap { state in
            [(false, false), (false, true), (true, false), (true, true)].map { current, inside in
                (Label(role: role, claim: 0, state: state, current: current), inside)
            }
        }
    }
    static let textStyles: [[UInt8]] = combinations.map { label, inside in
        Array(sgr(codes(label) + (inside && !label.current ? ["7"] : [])).utf8)
    }
    static let labelStyles: [[UInt8]] = combinations.map { label, _ in Array(sgr(codes(label) + ["2"]).utf8) }

    static let roleColors: [Role: String] = [.source: "36", .cue: "33", .content: "32"]

    /// Role colour, then: unreviewed bold and underlined, rejected dim and struck through,
    /// reviewed plain; the current claim in reverse video.
    static func codes(_ label: Label) -> [String] {
        var codes = [roleColors[label.role] ?? "39"]
        switch label.state {
        case .unreviewed: codes += ["1", "4"]
        case .rejected: codes += ["2", "9"]
        case .reviewed: break
        }
        if label.current { codes.append("7") }
        return codes
    }

    static func sgr(_ codes: [String]) -> String { "\u{1B}[" + codes.joined(separator: ";") + "m" }

    /// A plain marker written right before or right after a stretch of text: `[[label: ` opens,
    /// `]]` closes.
    enum Marker { case opening, closing }

    /// Document text as the terminal may show it: line breaks kept (CR LF and a lone CR as one),
    /// tabs as spaces, everything `TerminalSafe` escapes escaped.
    ///
    /// With `escapingMarkers` (the plain rendering) the text's brackets and backslashes are written
    /// so that every unescaped `[[` on the screen opens a marker and every unescaped `]]` closes one:
    /// - in each run of one bracket, every bracket but the last is written with a backslash in front
    ///   (`[[` → `\[[`, `]]]` → `\]\]]`), and the last one too where it touches a marker's brackets:
    ///   a `[` right before an opening marker (`a[` then a mark → `a\[[[src: …`), a `]` right before
    ///   a closing one (`…x\]]]`) or right after it (`…]]\]`);
    /// - a run of backslashes right before a bracket (the text's own, or a marker's) is doubled.
    ///
    /// Read back: a run of n backslashes right before `[` or `]` is n/2 backslashes of the text
    /// (rounded down), and when n is odd that bracket is text; other backslashes are text; every
    /// `[[` and `]]` left is a marker. Brackets of the text never form a `[[`/`]]` with each other
    /// or with a marker's, so where a marker begins and ends is never in doubt. `markerBefore` and
    /// `markerAfter` say which marker the caller writes on either side of `start..<end`; only a
    /// closing `]]` can touch a bracket of the text (an opening marker ends in `: `), so an opening
    /// one is passed for the reader's sake and changes nothing.
    /// `doc` and the one-line views that mark roles (`show`, `context`, the adjudication card) escape
    /// through this one function, so the rule reads the same on every screen.
    ///
    /// With `lineBreaksAsSpaces` (the one-line views) a line break (CR LF as one) is a space.
    static func appendText(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, escapingMarkers: Bool = false,
                           markerBefore: Marker? = nil, markerAfter: Marker? = nil,
                           lineBreaksAsSpaces: Bool = false, to out: inout [UInt8]) {
        var i = start
        while i < end {
            let s = scalars[i]
            if escapingMarkers && (s == "[" || s == "]") {
                let last = i + 1 == end || scalars[i + 1] != s
                let touches = s == "["
                    ? i + 1 == end && markerAfter == .opening
                    : (i + 1 == end && markerAfter == .closing) || (i == start && markerBefore == .closing)
                if !last || touches { out.append(UInt8(ascii: "\\")) }
                out.append(UInt8(s.value))
                i += 1
                continue
            }
            if escapingMarkers && s == "\\" {
                var j = i
                while j < end && scalars[j] == "\\" { j += 1 }
                let beforeBracket = j < end ? scalars[j] == "[" || scalars[j] == "]" : markerAfter != nil
                out.append(contentsOf: repeatElement(UInt8(ascii: "\\"), count: (j - i) * (beforeBracket ? 2 : 1)))
                i = j
                continue
            }
            if s.value >= 0x20 && s.value < 0x7F {
                out.append(UInt8(s.value))
            } else if s == "\n" {
                out.append(lineBreaksAsSpaces ? 0x20 : 0x0A)
            } else if s == "\r" {
                if i + 1 >= scalars.count || scalars[i + 1] != "\n" { out.append(lineBreaksAsSpaces ? 0x20 : 0x0A) }
            } else if s == "\t" {
                out.append(0x20)
            } else if s == glue {
                out.append(contentsOf: "\\u{e000}".utf8)
            } else if TerminalSafe.needsEscape(s) {
                out.append(contentsOf: TerminalSafe.escape(String(s)).utf8)
            } else {
                UTF8.encode(s) { out.append($0) }
            }
            i += 1
        }
    }
}

extension Renderer {
    /// The `doc` screen: a header, the document wrapped to the width with every claim marked,
    /// and how to go on from there.
    func document(_ view: DocumentView, current: Int?) -> String {
        let screen = DocumentScreen(style: style)
        let (marks, counts, unmarkedIDs) = DocumentScreen.marks(view, current: current)
        let d = view.snapshot.document.document
        let unmarked = unmarkedIDs.map { "#\($0)" }
        var status = "\(view.visible.count) claim\(view.visible.count == 1 ? "" : "s")"
        let parts = [(DocumentScreen.State.unreviewed, "unreviewed"), (.reviewed, "reviewed"), (.rejected, "rejected")]
            .compactMap { state, name in counts[state.rawValue] > 0 ? "\(counts[state.rawValue]) \(name)" : nil }
        if !parts.isEmpty { status += ": " + parts.joined(separator: ", ") }
        if let current, current < view.visible.count { status += " · current #\(view.visible[current].rowID)" }
        if !unmarked.isEmpty { status += " · without text: " + unmarked.joined(separator: ", ") }
        var bytes = Array(([bold(TerminalSafe.escape(d.id) + (d.title.map { " · " + TerminalSafe.short($0, 90) } ?? "")), status, "", ""])
            .joined(separator: "\n").utf8)
        bytes.append(contentsOf: screen.body(view.text, marks))
        var lines = ["", ""]
        // Glued: a marker or a verb never breaks across lines.
        let g = String(DocumentScreen.glue)
        switch style {
        case .plain: lines.append("[[role#N:\(g)text]]: ✓ reviewed, ✗ rejected, >\(g)current · `help\(g)doc` explains")
        case .color: lines.append(legend)
        }
        lines.append("`goto\(g)N` moves to claim #N · `add\(g)\"CONTENT\"\(g)…` adds a claim the extractor missed")
        bytes.append(contentsOf: lines.joined(separator: "\n").utf8)
        return String(decoding: TextWrap(width: width ?? 80, glue: DocumentScreen.glue).wrap(bytes: bytes), as: UTF8.self)
    }

    /// One line naming the colours and stylings (colour mode only).
    var legend: String {
        func sample(_ text: String, _ codes: [String]) -> String { DocumentScreen.sgr(codes) + text + Self.reset }
        return "colours: " + sample("source", ["36"]) + " " + sample("cue", ["33"]) + " " + sample("content", ["32"])
            + " · " + sample("unreviewed", ["1", "4"]) + " " + "reviewed" + " " + sample("rejected", ["2", "9"])
            + " " + sample("current", ["7"])
    }
}
