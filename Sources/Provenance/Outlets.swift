import Extraction

/// News outlets by one canonical name, so that "the AP", "AP" and "Associated Press" are one outlet,
/// and the credit a claim gives to an outlet when its `outlet` field is empty.
///
/// The names and aliases are the extractor's gazetteer (`OutletNames`, read from Extraction's
/// `outlets.txt`), so that a trail, a link's reasons and a GraphML node name an outlet as the
/// claim's `outlet` field does ("AFP" → "Agence France-Presse" in both). Two differences, on purpose:
/// - a name the gazetteer does not know loses a leading "the" ("The Harbour Ledger" → "Harbour
///   Ledger"), so that a publisher typed with and without it is one outlet; the extractor's own
///   publisher name keeps it as written;
/// - the search for a credit in source or cue text (`credited`) ignores case, since those texts are
///   whatever an annotator or an import wrote, so it looks only for the outlets in `known` and the
///   corpus's publishers, not for every gazetteer outlet: "at the time", "at dawn" or "an
///   independent monitor" would credit Time, Dawn or The Independent. The extractor finds every
///   gazetteer outlet in running text, where it asks for a capital letter.
public enum Outlets {
    /// The canonical display name of an outlet or publisher ("the AP" → "Associated Press").
    public static func canonical(_ name: String) -> String {
        var s = name.trimmingSpaces
        if s.lowercased().hasPrefix("the ") { s = String(s.dropFirst(4)).trimmingSpaces }
        return OutletNames.canonical(s) ?? s
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

    /// Lowercase forms under which `name` (a canonical name) may appear in text: the gazetteer's
    /// names of that outlet, or the name alone.
    static func forms(of name: String) -> [String] {
        formsByName[name.lowercased()] ?? [name.lowercased()]
    }

    /// The search forms of every gazetteer outlet, sorted, by its canonical name lowercased: the name, also
    /// without a leading "the", and its aliases but those written with "the" ("the Times", "the
    /// Post", "the Journal"): the extractor takes those short forms only capitalised, and lowercase
    /// in a source text they name any paper ("at the times of the floods").
    static let formsByName: [String: [String]] = {
        var forms: [String: [String]] = [:]
        for names in OutletNames.all {
            guard let canonical = names.first?.lowercased() else { continue }
            var set: Set<String> = [canonical]
            if canonical.hasPrefix("the ") { set.insert(String(canonical.dropFirst(4))) }
            for alias in names.dropFirst().map({ $0.lowercased() }) where !alias.hasPrefix("the ") { set.insert(alias) }
            forms[canonical] = set.sorted()
        }
        return forms
    }()

    /// The outlets a source or cue text is searched for besides the corpus's publishers: the wire
    /// agencies and the few outlets most quoted by others (gazetteer names).
    static let known = ["Reuters", "Associated Press", "Agence France-Presse", "BBC", "Al Jazeera", "Newsweek", "CNN"]
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
