import ClaimModel

/// What a span correction changed, as a word diff in the manner of `git diff --word-diff`:
/// `the port [-will-] {+would+} reopen`. Two spans that differ by a word late in a long content
/// read differently here, where two texts cut at a fixed length would look the same.
///
/// Words are the text split at blanks (line breaks included), punctuation staying with its word;
/// unchanged words are kept only near a change (`context` on each side), the rest shown as `…`.
/// Every word is escaped for the terminal.
enum WordDiff {
    /// Unchanged words shown on each side of a change.
    static let context = 3

    enum Piece: Equatable {
        case same([String])
        case removed([String])
        case added([String])
    }

    /// The diff of `old` and `new`, or nil when they have the same words (the span moved to the
    /// same text elsewhere).
    static func render(_ old: String, _ new: String) -> String? {
        let pieces = diff(words(old), words(new))
        guard pieces.contains(where: { if case .same = $0 { false } else { true } }) else { return nil }
        var out: [String] = []
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case let .removed(w): out.append("[-" + w.map(TerminalSafe.escape).joined(separator: " ") + "-]")
            case let .added(w): out.append("{+" + w.map(TerminalSafe.escape).joined(separator: " ") + "+}")
            case let .same(w):
                let shown = w.map(TerminalSafe.escape)
                let isFirst = i == 0, isLast = i == pieces.count - 1
                if isFirst && shown.count > context {
                    out.append((["…"] + shown.suffix(context)).joined(separator: " "))
                } else if isLast && shown.count > context {
                    out.append((shown.prefix(context) + ["…"]).joined(separator: " "))
                } else if !isFirst && !isLast && shown.count > 2 * context + 1 {
                    out.append((shown.prefix(context) + ["…"] + shown.suffix(context)).joined(separator: " "))
                } else {
                    out.append(shown.joined(separator: " "))
                }
            }
        }
        return out.joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The two word lists as runs of same, removed and added words (removed before added where
    /// both stand between the same unchanged words): common ends first, then a longest common
    /// subsequence of the middle.
    static func diff(_ a: [String], _ b: [String]) -> [Piece] {
        // One operation per word: same, removed, added.
        let ops: [(Int, String)] = WordAlignment.steps(a, b).map { step in
            switch step {
            case let .same(i, _): (0, a[i])
            case let .removed(i): (1, a[i])
            case let .added(j): (2, b[j])
            }
        }

        // Runs, with the removed words of a stretch between unchanged ones before its added words.
        var pieces: [Piece] = []
        var removed: [String] = [], added: [String] = [], same: [String] = []
        func flushChanges() {
            if !removed.isEmpty { pieces.append(.removed(removed)) }
            if !added.isEmpty { pieces.append(.added(added)) }
            removed = []; added = []
        }
        for (kind, word) in ops {
            if kind == 0 {
                flushChanges()
                same.append(word)
            } else {
                if !same.isEmpty { pieces.append(.same(same)); same = [] }
                if kind == 1 { removed.append(word) } else { added.append(word) }
            }
        }
        flushChanges()
        if !same.isEmpty { pieces.append(.same(same)) }
        return pieces
    }
}

extension Renderer {
    /// A correction's message: for a span, what changed as a word diff with the offsets before and
    /// after (`content: … the port [-will-] {+would+} reopen … (120-161 → 120-162)`); for another
    /// field, the old and new values (`outlet: Reuters → none`). A source set on a claim typed
    /// `implicit` (no explicit source: what `add` gives a claim added without one) leaves the type
    /// to the analyst, and a second line says so.
    static func change(_ field: String, _ old: Attribution, _ new: Attribution, _ text: ScalarText) -> String {
        let note = field == Role.source.rawValue && new.source != nil && new.sourceType == .implicit
            ? "\nnote: its type is still implicit (no explicit source): `type TYPE` sets the source's" : ""
        return changeLine(field, old, new, text) + note
    }

    private static func changeLine(_ field: String, _ old: Attribution, _ new: Attribution, _ text: ScalarText) -> String {
        guard let role = Role(rawValue: field) else {
            return "\(field): \(fieldValue(field, old, text)) → \(fieldValue(field, new, text))"
        }
        func words(_ f: Fragments?) -> String { f.map { plainInline(text.slice($0)) } ?? "" }
        func offsets(_ f: Fragments?) -> String { f.map { $0.spans.map { "\($0.start)-\($0.end)" }.joined(separator: ",") } ?? "none" }
        let diff = WordDiff.render(words(old[role]), words(new[role]))
            ?? "\"" + TerminalSafe.short(plainInline(words(new[role])), 60) + "\", the same words elsewhere"
        return "\(field): \(diff) (\(offsets(old[role])) → \(offsets(new[role])))"
    }
}
