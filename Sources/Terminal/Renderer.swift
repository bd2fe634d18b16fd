import ClaimModel
import Extraction
import Foundation
import Review
import Workbench

/// Turns review state into terminal text. Every piece of document text, note, tag, outlet or
/// entity goes through `TerminalSafe.escape` here, so nothing untrusted reaches the terminal raw.
public struct Renderer: Sendable {
    /// ANSI colours, or plain `[[src: …]]` markers.
    public enum Style: Sendable { case color, plain }
    public var style: Style

    /// Where long lines break: nowhere (tests pin whole lines), at a fixed width, or at the width
    /// of the terminal at the time of each reply (it may have been resized).
    public enum Wrapping: Sendable, Equatable { case none, columns(Int), terminal }
    public var wrapping: Wrapping

    public init(style: Style, wrapping: Wrapping = .none) {
        self.style = style
        self.wrapping = wrapping
    }

    /// The width replies are wrapped to; nil when they are not.
    public var width: Int? {
        switch wrapping {
        case .none: nil
        case let .columns(n): n
        case .terminal: TerminalSize.columns()
        }
    }

    /// `text` wrapped at word boundaries to `width` (unchanged when replies are not wrapped).
    public func wrap(_ text: String) -> String {
        guard let width else { return text }
        return TextWrap(width: width).wrap(text)
    }

    /// Colour only on a terminal and only when `NO_COLOR` is unset (https://no-color.org).
    public static func style(stdoutIsTerminal: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty ? .color : .plain
    }

    static let reset = "\u{1B}[0m"
    static let roleColors: [Role: String] = [.source: "\u{1B}[1;36m", .cue: "\u{1B}[1;33m", .content: "\u{1B}[32m"]
    static let roleMarkers: [Role: String] = [.source: "src", .cue: "cue", .content: "con"]

    func bold(_ s: String) -> String { style == .color ? "\u{1B}[1m\(s)\(Self.reset)" : s }
    func dim(_ s: String) -> String { style == .color ? "\u{1B}[2m\(s)\(Self.reset)" : s }

    /// `span` of the text on one line (line breaks as spaces, the rest escaped for the terminal);
    /// without colours the text's brackets and backslashes are escaped as `doc` escapes them
    /// (`DocumentScreen.appendText`), so that every unescaped `[[`/`]]` on a view with role markers
    /// is a marker. `markerBefore`/`markerAfter`: the markers the caller writes around the span.
    func markedInline(_ text: ScalarText, _ span: Span, markerBefore: DocumentScreen.Marker? = nil,
                      markerAfter: DocumentScreen.Marker? = nil) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(span.end - span.start)
        DocumentScreen.appendText(text.scalars, span.start, span.end, escapingMarkers: style == .plain,
                                  markerBefore: markerBefore, markerAfter: markerAfter, lineBreaksAsSpaces: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `span` of the text with the claim's roles highlighted (source over cue over content where they overlap).
    func highlighted(_ text: ScalarText, _ span: Span, _ a: Attribution) -> String {
        func role(at i: Int) -> Role? {
            if a.source?.contains(i) == true { return .source }
            if a.cue?.contains(i) == true { return .cue }
            if a.content?.contains(i) == true { return .content }
            return nil
        }
        var out = ""
        var i = span.start
        while i < span.end {
            let r = role(at: i)
            var j = i + 1
            while j < span.end && role(at: j) == r { j += 1 }
            // A role's piece sits inside its markers; the text between two roles' pieces right after
            // one's `]]` and right before the next one's `[[`.
            let piece = r != nil
                ? markedInline(text, Span(i, j), markerBefore: .opening, markerAfter: .closing)
                : markedInline(text, Span(i, j), markerBefore: i > span.start ? .closing : nil,
                               markerAfter: j < span.end ? .opening : nil)
            if let r {
                switch style {
                case .color: out += (Self.roleColors[r] ?? "") + piece + Self.reset
                case .plain: out += "[[\(Self.roleMarkers[r] ?? ""): \(piece)]]"
                }
            } else {
                out += piece
            }
            i = j
        }
        return out
    }

    /// The claim screen.
    func screen(_ view: DocumentView, sentences: SentenceIndex, index: Int, documentPosition: Int, documentCount: Int,
                reviewedCount: Int, filter: QueueFilter?, order: String? = nil) -> String {
        let claim = view.visible[index]
        let a = view.attribution(claim)
        let review = view.review(claim)
        let d = view.snapshot.document.document
        var lines: [String] = []
        let title = d.title.map { " · " + TerminalSafe.short($0, 90) } ?? ""
        lines.append(bold(TerminalSafe.escape(d.id) + title))
        var progress = "claim \(index + 1)/\(view.visible.count) · doc \(documentPosition)/\(documentCount) · \(reviewedCount) reviewed · #\(claim.rowID)"
        if claim.origin == .added { progress += " · added by you" }
        if let filter { progress += " · filter: \(filter)" }
        if let order { progress += " · \(order)" }
        lines.append(progress)
        if let extent = DocumentView.extent(a), let covering = sentences.covering(extent) {
            lines.append("  " + highlighted(view.text, covering.span, a))
        }
        func field(_ name: String, _ value: String) { lines.append("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
        if a.source == nil { field("source", "none (sourceless)") }
        field("outlet", a.outlet.map(TerminalSafe.escape) ?? "-")
        field("type", a.sourceType?.rawValue ?? "-")
        field("anonymous", a.anonymous.map { $0 ? "yes" : "no" } ?? "-")
        field("entity", entityLine(view, claim, a))
        field("extractor", a.confidence.map { String(format: "%.2f", $0) } ?? "-")
        field("verdict", verdictLine(review))
        if let review {
            if !review.correctedFields.isEmpty { field("corrected", review.correctedFields.joined(separator: ", ")) }
            if let c = review.confidence { field("confidence", c.rawValue) }
            if !review.tags.isEmpty { field("tags", review.tags.map(TerminalSafe.escape).joined(separator: ", ")) }
            for note in review.notes { field("note", TerminalSafe.escape(note)) }
        }
        return lines.joined(separator: "\n")
    }

    func verdictLine(_ review: ClaimReview?) -> String {
        guard let verdict = review?.verdict else { return "- (unreviewed)" }
        return verdict.rawValue
    }

    /// The entity and its other mentions in the document: `derna-activist (also #14 "the activist")`.
    func entityLine(_ view: DocumentView, _ claim: StoredAttribution, _ a: Attribution) -> String {
        guard let entity = a.sourceEntity else { return "-" }
        let others = view.visible.filter { $0.rowID != claim.rowID && view.attribution($0).sourceEntity == entity }
        guard !others.isEmpty else { return TerminalSafe.escape(entity) }
        let mentions = others.prefix(5).map { other -> String in
            let source = view.attribution(other).source.map { "\"" + TerminalSafe.short(view.text.slice($0), 30) + "\"" } ?? "(no source)"
            return "#\(other.rowID) \(source)"
        }
        return TerminalSafe.escape(entity) + " (also " + mentions.joined(separator: ", ") + (others.count > 5 ? ", …" : "") + ")"
    }

    /// `list`: one line per claim.
    func list(_ view: DocumentView, current: Int?, filter: QueueFilter?) -> String {
        var lines = ["\(TerminalSafe.escape(view.docID)): \(view.visible.count) claim\(view.visible.count == 1 ? "" : "s")"
            + (filter.map { ", showing \($0)" } ?? "")]
        let limits = Self.listLimits(width: width)
        for (i, claim) in view.visible.enumerated() where view.admits(claim, filter, unreviewedOnly: false) {
            let a = view.attribution(claim)
            func role(_ f: Fragments?, _ limit: Int) -> String {
                f.map { "\"" + TerminalSafe.short(Self.plainInline(view.text.slice($0)), limit) + "\"" } ?? "-"
            }
            let marker = i == current ? ">" : " "
            let verdict = (view.review(claim)?.verdict?.rawValue ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0)
            let number = String(i + 1).leftPadded(3)
            let id = ("#" + String(claim.rowID)).padding(toLength: 7, withPad: " ", startingAt: 0)
            let head = "\(marker)\(number) \(id) \(verdict) "
            let row = head + "\(role(a.source, 28)) · \(role(a.cue, 18)) · \(role(a.content, 50))"
            lines.append(width.map { row.count > $0 } == true
                ? head + "\(role(a.source, limits.source)) · \(role(a.cue, limits.cue)) · \(role(a.content, limits.content))"
                : row)
        }
        return lines.joined(separator: "\n")
    }

    /// How many characters of source, cue and content a `list` row shows: 28, 18 and 50, or, for a
    /// row longer than the `width` replies wrap to, as many as keep it on one line (in the same
    /// proportions, never fewer than 8, 6 and 10): a wrapped row would break mid-excerpt.
    static func listLimits(width: Int?) -> (source: Int, cue: Int, content: Int) {
        let widest = (source: 28, cue: 18, content: 50)
        // The row's number, id and verdict take 24 columns; two " · " and three pairs of quotes, 12.
        guard let width, width - 36 < widest.source + widest.cue + widest.content else { return widest }
        let room = width - 36
        let source = max(8, room * widest.source / 96), cue = max(6, room * widest.cue / 96)
        return (source, cue, max(10, room - source - cue))
    }

    /// A field's value for messages: spans as their (escaped) text and offsets.
    static func fieldValue(_ field: String, _ a: Attribution, _ text: ScalarText) -> String {
        switch field {
        case "source", "cue", "content":
            let role = Role(rawValue: field) ?? .content
            guard let f = a[role] else { return "none" }
            return "\"" + TerminalSafe.short(Renderer.plainInline(text.slice(f)), 60) + "\" (\(f.spans.map { "\($0.start)-\($0.end)" }.joined(separator: ",")))"
        case "outlet": return a.outlet.map { TerminalSafe.escape($0) } ?? "none"
        case "type": return a.sourceType?.rawValue ?? "none"
        case "anon": return a.anonymous.map { $0 ? "yes" : "no" } ?? "unknown"
        case "entity": return a.sourceEntity.map { TerminalSafe.escape($0) } ?? "none"
        default: return "?"
        }
    }

    static func plainInline(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
    }

    /// `context`: the claim's sentence(s) highlighted, with `TextLocator.reachSentences` before and
    /// after (the stretch the correcting verbs find their TEXT in).
    func context(_ view: DocumentView, sentences: SentenceIndex, index: Int) -> String {
        let a = view.attribution(view.visible[index])
        guard let extent = DocumentView.extent(a), let covering = sentences.covering(extent) else { return "(no text)" }
        var lines: [String] = []
        let before = max(0, covering.range.lowerBound - TextLocator.reachSentences)
        for i in before..<covering.range.lowerBound {
            lines.append("  " + markedInline(view.text, sentences.spans[i]))
        }
        lines.append("> " + highlighted(view.text, covering.span, a))
        let after = min(sentences.spans.count - 1, covering.range.upperBound + TextLocator.reachSentences)
        if covering.range.upperBound < after {
            for i in (covering.range.upperBound + 1)...after {
                lines.append("  " + markedInline(view.text, sentences.spans[i]))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `show --all`: every annotator's verdict on the claim.
    func everyone(_ reviews: [ClaimReview]) -> String {
        guard !reviews.isEmpty else { return "verdicts: none yet" }
        var lines = ["verdicts:"]
        for r in reviews {
            var line = "  " + TerminalSafe.escape(r.annotator).padding(toLength: 14, withPad: " ", startingAt: 0)
                + (r.withdrawn ? "withdrawn" : r.verdict?.rawValue ?? "-")
            if !r.correctedFields.isEmpty { line += " (corrected: \(r.correctedFields.joined(separator: ", ")))" }
            if let c = r.confidence { line += " · confidence \(c.rawValue)" }
            if !r.tags.isEmpty { line += " · tags " + r.tags.map(TerminalSafe.escape).joined(separator: ", ") }
            if let at = r.at { line += " · " + TerminalSafe.escape(at) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
