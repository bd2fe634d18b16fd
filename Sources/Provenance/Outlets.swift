/// News outlets by one canonical name, so that "the AP", "AP" and "Associated Press" are one outlet,
/// and the credit a claim gives to an outlet when its `outlet` field is empty.
public enum Outlets {
    /// The canonical display name of an outlet or publisher ("the AP" → "Associated Press").
    public static func canonical(_ name: String) -> String {
        var s = name.trimmingSpaces
        if s.lowercased().hasPrefix("the ") { s = String(s.dropFirst(4)).trimmingSpaces }
        return aliases[s.lowercased()] ?? s
    }

    /// The comparison key of an outlet or publisher: its canonical name, lowercased.
    public static func key(_ name: String?) -> String? {
        guard let name else { return nil }
        let k = canonical(name).lowercased()
        return k.isEmpty ? nil : k
    }

    /// The outlet a claim credits: its `outlet` field, else an outlet named in its source or cue
    /// text ("Reuters reported" has the outlet as its source; "according to the AP" may keep
    /// "the AP" in the source) among the well-known wires and the corpus's own publishers.
    public static func credited(_ claim: LinkableClaim, publishers: [String] = []) -> String? {
        credited(claim, index: Index(publishers: publishers))
    }

    static func credited(_ claim: LinkableClaim, index: Index) -> String? {
        if let outlet = claim.outlet, !outlet.trimmingSpaces.isEmpty { return canonical(outlet) }
        var best: String? = nil
        for text in [claim.sourceText, claim.cueText] {
            guard let text, let found = index.longestName(in: text) else { continue }
            if best.map({ found.count > $0.count }) ?? true { best = found }
        }
        return best
    }

    /// Outlet names by their lowercase word sequences ("associated press", "ap"), built once per
    /// corpus so that finding a credit in a text costs a few dictionary lookups, not one scan per outlet.
    /// Public so that a caller drawing many trails (the benchmark, an export) builds it once.
    public struct Index: Sendable {
        var names: [String: String] = [:]
        var longest = 1

        /// The well-known wires and `publishers`.
        public init(publishers: [String]) {
            for name in (known + publishers).map(canonical) {
                for form in forms(of: name) {
                    let words = Outlets.words(form)
                    guard !words.isEmpty else { continue }
                    let key = words.joined(separator: " ")
                    if let existing = names[key], existing.count >= name.count { continue }
                    names[key] = name
                    longest = max(longest, words.count)
                }
            }
        }

        /// The longest outlet name (in characters) any run of words of `text` spells.
        func longestName(in text: String) -> String? {
            let words = Outlets.words(text)
            var best: String? = nil
            for i in words.indices {
                var key = ""
                for j in i..<min(words.count, i + longest) {
                    key += (j > i ? " " : "") + words[j]
                    if let name = names[key], best.map({ name.count > $0.count }) ?? true { best = name }
                }
            }
            return best
        }
    }

    /// Lowercase words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Lowercase forms under which `name` may appear in text.
    static func forms(of name: String) -> [String] {
        let lower = name.lowercased()
        var out = [lower]
        for (alias, target) in aliases where target.lowercased() == lower { out.append(alias) }
        return out.sorted()
    }

    static let known = ["Reuters", "Associated Press", "AFP", "BBC", "Al Jazeera", "Newsweek", "CNN"]

    static let aliases: [String: String] = [
        "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
        "agence france-presse": "AFP", "agence france presse": "AFP", "afp": "AFP",
        "reuters": "Reuters", "thomson reuters": "Reuters", "bbc": "BBC", "bbc news": "BBC",
        "al jazeera": "Al Jazeera", "newsweek": "Newsweek", "cnn": "CNN",
    ]
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
