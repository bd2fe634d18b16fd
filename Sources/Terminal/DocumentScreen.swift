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
    enum State { case unreviewed, reviewed, rejected }

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
    static let roleOrder: [Role: Int] = [.source: 0, .cue: 1, .content: 2]

    /// Every role span of every visible claim, identical stretches merged.
    static func marks(_ view: DocumentView, current: Int?) -> [Mark] {
        let count = view.text.count
        var byStretch: [Int: [Int: [Label]]] = [:]
        for (i, claim) in view.visible.enumerated() {
            let a = view.attribution(claim)
            let state: State
            switch view.review(claim)?.verdict {
            case nil: state = .unreviewed
            case .rejected: state = .rejected
            case .confirmed, .corrected, .added: state = .reviewed
            }
            for role in [Role.source, .cue, .content] {
                guard let fragments = a[role] else { continue }
                for span in fragments.spans {
                    let start = max(0, min(span.start, count)), end = max(start, min(span.end, count))
                    guard start < end else { continue }
                    byStretch[start, default: [:]][end, default: []]
                        .append(Label(role: role, claim: claim.rowID, state: state, current: i == current))
                }
            }
        }
        var marks: [Mark] = []
        marks.reserveCapacity(byStretch.count)
        for (start, ends) in byStretch {
            for (end, labels) in ends {
                marks.append(Mark(start: start, end: end, labels: labels.sorted { a, b in
                    (roleOrder[a.role] ?? 0, a.claim) < (roleOrder[b.role] ?? 0, b.claim)
                }))
            }
        }
        return marks.sorted(by: opensBefore)
    }

    /// Outer marks open first: by start, then the longer one.
    static func opensBefore(_ a: Mark, _ b: Mark) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return (a.labels.first?.claim ?? 0, roleOrder[a.labels.first?.role ?? .content] ?? 0)
            < (b.labels.first?.claim ?? 0, roleOrder[b.labels.first?.role ?? .content] ?? 0)
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

    /// The text with its marks, not yet wrapped: one output line per line of the document.
    func body(_ text: ScalarText, _ marks: [Mark]) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.count + marks.count * 16)
        var position = 0
        var open: [Mark] = []
        func emit(upTo end: Int) {
            Self.appendText(text.scalars, position, end, to: &out)
            position = end
        }
        func close() {
            guard let mark = open.popLast() else { return }
            emit(upTo: mark.end)
            switch style {
            case .plain: out.append(contentsOf: "]]".unicodeScalars)
            case .color:
                out.append(contentsOf: Renderer.reset.unicodeScalars)
                if let inner = open.last { out.append(contentsOf: textStyle(inner, within: open).unicodeScalars) }
            }
        }
        for mark in Self.nested(marks) {
            while let last = open.last, last.end <= mark.start { close() }
            emit(upTo: mark.start)
            open.append(mark)
            switch style {
            case .plain:
                out.append(contentsOf: ("[[" + mark.labels.map(Self.plainLabel).joined(separator: ",") + ":").unicodeScalars)
                out.append(Self.glue)
            case .color:
                out.append(contentsOf: Renderer.reset.unicodeScalars)
                out.append(contentsOf: mark.labels.map(colorLabel).joined(separator: ",").unicodeScalars)
                out.append(contentsOf: textStyle(mark, within: open).unicodeScalars)
            }
        }
        while !open.isEmpty { close() }
        emit(upTo: text.count)
        return String(out)
    }

    /// `src#3`, `cue#3✓` (reviewed), `content#3✗` (rejected), `>src#3` (the current claim).
    static func plainLabel(_ label: Label) -> String {
        (label.current ? ">" : "") + (roleNames[label.role] ?? "") + "#\(label.claim)"
            + (label.state == .reviewed ? "✓" : label.state == .rejected ? "✗" : "")
    }

    /// The label's number in its role's colour and its state's styling, then a reset.
    func colorLabel(_ label: Label) -> String {
        Self.sgr(Self.codes(label) + ["2"]) + "#\(label.claim)" + Renderer.reset
    }

    /// The styling of a mark's text: its first label's role and state, reversed anywhere inside
    /// the current claim's marks.
    func textStyle(_ mark: Mark, within open: [Mark]) -> String {
        guard let label = mark.labels.first else { return "" }
        var codes = Self.codes(label)
        if !label.current && open.contains(where: { $0.labels.contains(where: \.current) }) { codes.append("7") }
        return Self.sgr(codes)
    }

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

    /// Document text as the terminal may show it: line breaks kept (CR LF and a lone CR as one),
    /// tabs as spaces, everything `TerminalSafe` escapes escaped.
    static func appendText(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, to out: inout String.UnicodeScalarView) {
        var i = start
        while i < end {
            let s = scalars[i]
            if s.value >= 0x20 && s.value < 0x7F {
                out.append(s)
            } else if s == "\n" {
                out.append("\n")
            } else if s == "\r" {
                if i + 1 >= scalars.count || scalars[i + 1] != "\n" { out.append("\n") }
            } else if s == "\t" {
                out.append(" ")
            } else if s == glue {
                out.append(contentsOf: "\\u{e000}".unicodeScalars)
            } else if TerminalSafe.needsEscape(s) {
                out.append(contentsOf: TerminalSafe.escape(String(s)).unicodeScalars)
            } else {
                out.append(s)
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
        let marks = DocumentScreen.marks(view, current: current)
        let d = view.snapshot.document.document
        var counts: [DocumentScreen.State: Int] = [:]
        var unmarked: [String] = []
        for claim in view.visible {
            let state: DocumentScreen.State
            switch view.review(claim)?.verdict {
            case nil: state = .unreviewed
            case .rejected: state = .rejected
            default: state = .reviewed
            }
            counts[state, default: 0] += 1
            if DocumentView.extent(view.attribution(claim)) == nil { unmarked.append("#\(claim.rowID)") }
        }
        var status = "\(view.visible.count) claim\(view.visible.count == 1 ? "" : "s")"
        let parts = [(DocumentScreen.State.unreviewed, "unreviewed"), (.reviewed, "reviewed"), (.rejected, "rejected")]
            .compactMap { state, name in counts[state].map { "\($0) \(name)" } }
        if !parts.isEmpty { status += ": " + parts.joined(separator: ", ") }
        if let current, current < view.visible.count { status += " · current #\(view.visible[current].rowID)" }
        if !unmarked.isEmpty { status += " · without text: " + unmarked.joined(separator: ", ") }
        var lines = [bold(TerminalSafe.escape(d.id) + (d.title.map { " · " + TerminalSafe.short($0, 90) } ?? "")), status, ""]
        lines.append(screen.body(view.text, marks))
        lines.append("")
        // Glued: a marker or a verb never breaks across lines.
        let g = String(DocumentScreen.glue)
        switch style {
        case .plain: lines.append("[[role#N:\(g)text]]: ✓ reviewed, ✗ rejected, >\(g)current · `help\(g)doc` explains")
        case .color: lines.append(legend)
        }
        lines.append("`goto\(g)N` moves to claim #N · `add\(g)\"CONTENT\"\(g)…` adds a claim the extractor missed")
        return TextWrap(width: width ?? 80, glue: DocumentScreen.glue).wrap(lines.joined(separator: "\n"))
    }

    /// One line naming the colours and stylings (colour mode only).
    var legend: String {
        func sample(_ text: String, _ codes: [String]) -> String { DocumentScreen.sgr(codes) + text + Self.reset }
        return "colours: " + sample("source", ["36"]) + " " + sample("cue", ["33"]) + " " + sample("content", ["32"])
            + " · " + sample("unreviewed", ["1", "4"]) + " " + "reviewed" + " " + sample("rejected", ["2", "9"])
            + " " + sample("current", ["7"])
    }
}
