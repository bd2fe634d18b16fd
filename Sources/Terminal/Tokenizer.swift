/// Splits a REPL line into words the way a shell would, minus expansion.
///
/// Words are separated by blanks; `"…"` and `'…'` (and typographic “…” / ‘…’) group words,
/// `\"` and `\\` escape inside double quotes and outside quotes. A single quote opens a quote only
/// at the start of a word, so `note it's wrong` needs no quoting. Quotes are removed, so
/// `source "the Shura Council"` gives two words.
public enum Tokenizer {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unclosedQuote(Character)
        public var description: String {
            switch self {
            case let .unclosedQuote(q): return "unclosed quote \(q): close it or escape it with a backslash"
            }
        }
    }

    public static func tokens(_ line: String) throws(Failure) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: (open: Character, close: Character)?
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if let q = quote {
                if c == q.close {
                    quote = nil
                } else if c == "\\" && q.open == "\"" {
                    escaped = true
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            case "\\":
                escaped = true
                inWord = true
            case "\"": quote = ("\"", "\""); inWord = true
            case "'" where !inWord: quote = ("'", "'"); inWord = true
            case "“": quote = ("“", "”"); inWord = true
            case "‘" where !inWord: quote = ("‘", "’"); inWord = true
            default:
                current.append(c)
                inWord = true
            }
        }
        if let q = quote { throw .unclosedQuote(q.open) }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
