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
        if let outlet = claim.outlet, !outlet.trimmingSpaces.isEmpty { return canonical(outlet) }
        let text = ((claim.sourceText ?? "") + " " + (claim.cueText ?? "")).lowercased()
        let words = " " + String(text.unicodeScalars.map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " " }) + " "
        let candidates = (known + publishers).map(canonical)
        var best: String? = nil
        for name in candidates {
            for form in forms(of: name) where words.contains(" " + form + " ") {
                if best.map({ name.count > $0.count }) ?? true { best = name }
            }
        }
        return best
    }

    /// Lowercase word forms under which `name` may appear in text.
    static func forms(of name: String) -> [String] {
        let lower = name.lowercased()
        let spaced = String(lower.unicodeScalars.map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " " })
        var out = [spaced]
        for (alias, target) in aliases where target.lowercased() == lower { out.append(alias) }
        return out
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
