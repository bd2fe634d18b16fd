/// The one rule for text that did not come from ClaimDesk's own code (document text, doc_ids, names,
/// outlets, tags, notes, values quoted from input files) on its way to a terminal.
///
/// A terminal obeys what it is sent: an annotator named `"\u{1B}]52;c;…\u{7}"` would write the
/// analyst's clipboard, `"\u{1B}[2J"` clear the screen, U+202E reverse what follows so that a line
/// reads differently from what it holds. So every scalar a terminal may act on, or that shows
/// nothing, is written as a visible Swift-style escape (`\u{1b}`), and line breaks and tabs as
/// `\n`, `\r`, `\t` so that one value stays on one line:
///
/// - C0 and C1 controls and DEL (general category Cc): ESC, BEL, CSI (U+009B), NUL…;
/// - format characters (Cf): the bidi embeddings and overrides U+202A–U+202E, the isolates
///   U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width space U+200B, the word joiner,
///   U+FEFF, soft hyphen, tag characters; except ZWNJ and ZWJ (U+200C, U+200D), which are part of
///   how Persian, Indic scripts and emoji sequences are written and move nothing;
/// - the line and paragraph separators U+2028 and U+2029.
///
/// The output holds none of these and no backslash is added before a backslash already there, so
/// escaping escaped text changes nothing: a boundary may apply the rule again without harm.
public enum TerminalSafe {
    /// Whether `scalar` must not reach a terminal as it is.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0xA0 { return false }
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        case .format: return v != 0x200C && v != 0x200D
        default: return false
        }
    }

    /// `text` with every scalar that `needsEscape` written as `\n`, `\r`, `\t` or `\u{hex}`.
    public static func escape(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsEscape) { return text }
        return escaped(text, keepingNewlines: false)
    }

    /// For multi-line output ClaimDesk composed itself (a table, a summary): line feeds stay, every
    /// other scalar that `needsEscape` is escaped.
    public static func lines(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) { return text }
        return escaped(text, keepingNewlines: true)
    }

    /// A value quoted for a one-line message: cut to `limit` characters (`ellipsis` after the
    /// first `limit - ellipsis.count`, without white space before it), in double quotes, `"` and `\` written `\"` and `\\`, then
    /// `escape`d. Messages cut with `...`; listings that cut their other columns with `short`'s
    /// `…` (`trail`) pass `…`, so that one output shows one mark for cut text.
    ///
    /// Also cut at `4 × limit` Unicode scalars: one character may hold any number of scalars
    /// (`"a"` and 100,000 combining accents is one character), and a message must stay one short line.
    public static func quoted(_ text: String, limit: Int = 60, ellipsis: String = "...") -> String {
        var short = text.count > limit ? trimmingTrailingSpace(text.prefix(max(0, limit - ellipsis.count))) + ellipsis : text
        short = boundedCharacters(short, 4 * limit, ellipsis: ellipsis)
        var out = String.UnicodeScalarView()
        for scalar in short.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.append("\\") }
            out.append(scalar)
        }
        return "\"" + escape(String(out)) + "\""
    }

    /// `text` escaped and cut to `limit` characters with an ellipsis (and, as `quoted`, to
    /// `4 × limit` scalars). The cut falls between characters (an emoji sequence or an accented
    /// letter is kept whole or left out), and white space before the ellipsis is dropped: a column
    /// cut after a word reads `Ana said…`, not `Ana said …`, which looks like a word left out.
    public static func short(_ text: String, _ limit: Int) -> String {
        let escaped = escape(boundedCharacters(text, 4 * limit))
        let cut = escaped.count > limit ? trimmingTrailingSpace(escaped.prefix(max(0, limit - 1))) + "…" : escaped
        // Escaping may have lengthened it past the scalar bound again.
        return boundedCharacters(cut, 4 * limit)
    }

    /// `text` cut to at most `limit` Unicode scalars ending in `ellipsis`, at the last character
    /// boundary that fits and without the white space before it. Only a first character longer
    /// than the bound by itself (a letter and thousands of combining marks) is cut inside: the
    /// line must stay bounded, and leaving it out would show nothing of the value.
    static func boundedCharacters(_ text: String, _ limit: Int, ellipsis: String = "…") -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        let keep = max(0, limit - ellipsis.unicodeScalars.count)
        var end = text.startIndex, used = 0
        while end < text.endIndex {
            let width = text[end].unicodeScalars.count
            if used + width > keep { break }
            used += width
            end = text.index(after: end)
        }
        if end == text.startIndex { return String(String.UnicodeScalarView(scalars.prefix(keep))) + ellipsis }
        return trimmingTrailingSpace(text[..<end]) + ellipsis
    }

    private static func trimmingTrailingSpace(_ text: Substring) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// A few names for a one-line message: the first three, each `escape`d in double quotes,
    /// separated by ", ", then ", …" when there are more (`"a", "b", "c", …`); "" for none.
    /// One rule for every such list, so that a long list never floods the line.
    public static func nameList(_ names: [String]) -> String {
        names.prefix(3).map { "\"" + escape($0) + "\"" }.joined(separator: ", ") + (names.count > 3 ? ", …" : "")
    }

    /// Run names as a message names them: `run "a"` for one, `runs "a", "b", "c", …` for several
    /// (`nameList`); "" for none.
    public static func runList(_ names: [String]) -> String {
        names.isEmpty ? "" : (names.count == 1 ? "run " : "runs ") + nameList(names)
    }

    /// How much of a file path or store location one error line shows, in characters: any
    /// everyday path whole, and a line naming a path and its folder stays under 400 bytes however
    /// long the path given (`--out` of 100,000 characters was echoed whole).
    public static let pathLimit = 120

    /// A path or store location for a one-line message, escaped: whole up to `pathLimit`
    /// characters, else its start and its end around an ellipsis, so that the file name (the end)
    /// stays in view.
    public static func path(_ path: String) -> String {
        let scalars = path.unicodeScalars
        // Escaping lengthens a scalar at most tenfold: each end is escaped from a bounded slice.
        let bound = 10 * pathLimit
        guard scalars.count > bound else { return middleCut(escape(path)) }
        let head = escape(String(String.UnicodeScalarView(scalars.prefix(bound))))
        let tail = escape(String(String.UnicodeScalarView(scalars.suffix(bound))))
        return middleCut(head, tail)
    }

    /// `escaped` (or `head` … `tail`, the two ends of one longer text) within `pathLimit`
    /// characters: the first `pathLimit / 2 - 1`, "…", the last `pathLimit / 2`.
    private static func middleCut(_ head: String, _ tail: String? = nil) -> String {
        if tail == nil && head.count <= pathLimit { return boundedCharacters(head, 4 * pathLimit, ellipsis: "…") }
        let keepHead = pathLimit / 2 - 1, keepTail = pathLimit - keepHead - 1
        let cut = String(head.prefix(keepHead)) + "…" + String((tail ?? head).suffix(keepTail))
        // A character may hold any number of scalars (combining marks): the line stays bounded.
        return boundedCharacters(cut, 4 * pathLimit, ellipsis: "…")
    }

    /// Serialised JSON made safe for a terminal without changing what it parses to: each scalar
    /// that `needsEscape` and that JSON allows raw (C1 controls, format characters, U+2028/9) is
    /// written as a `\uXXXX` escape (a surrogate pair above U+FFFF). Such scalars can only stand
    /// inside JSON strings, where the escape means the same scalar. C0 controls are already
    /// escaped by any valid JSON; one that is not is escaped the same way.
    public static func json(_ serialized: String) -> String {
        if !serialized.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) { return serialized }
        var out = String.UnicodeScalarView()
        for scalar in serialized.unicodeScalars {
            guard scalar != "\n", needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    private static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out.append(contentsOf: (keepingNewlines ? "\n" : "\\n").unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(out)
    }
}

extension String {
    /// This text as it may be shown on a terminal (`TerminalSafe.escape`).
    public var terminalSafe: String { TerminalSafe.escape(self) }
}
