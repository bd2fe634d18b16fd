/// A REPL's verbs as data: names, aliases, usage and help. Both REPLs (`annotate`, `adjudicate`)
/// spell, suggest and explain their verbs through this one implementation.
public protocol VerbTable: RawRepresentable, CaseIterable, Sendable where RawValue == String, AllCases == [Self] {
    var aliases: [String] { get }
    var usage: String { get }
    var summary: String { get }
    var details: [String] { get }
}

extension VerbTable {
    /// Every name and alias.
    public var spellings: [String] { [rawValue] + aliases }

    /// The verb spelled `word` (name or alias), case-insensitively.
    public static func named(_ word: String) -> Self? {
        let lower = word.lowercased()
        return allCases.first { $0.spellings.contains(lower) }
    }

    /// The verb nearest a misspelling, when it is close enough to be a likely typo.
    public static func nearest(to word: String) -> Self? {
        let lower = word.lowercased()
        if lower.count >= 2, let prefixed = allCases.first(where: { $0.rawValue.hasPrefix(lower) }) { return prefixed }
        var best: (Self, Int)?
        for verb in allCases {
            let d = EditDistance.between(lower, verb.rawValue)
            if let (_, bestDistance) = best, bestDistance <= d { continue }
            best = (verb, d)
        }
        guard let (verb, distance) = best else { return nil }
        return distance <= max(2, verb.rawValue.count / 3) ? verb : nil
    }

    /// `help` (every verb, one line each, then `footer`) or `help VERB` (usage, summary, aliases, details).
    static func helpText(_ verb: Self?, footer: String) -> String {
        guard let verb else {
            var lines = ["verbs (aliases in brackets):"]
            for v in allCases {
                let name = v.rawValue + (v.aliases.isEmpty ? "" : " [" + v.aliases.joined(separator: ", ") + "]")
                lines.append("  " + name.padding(toLength: 18, withPad: " ", startingAt: 0) + v.summary)
            }
            lines.append(footer)
            return lines.joined(separator: "\n")
        }
        var lines = ["usage: \(verb.usage)", verb.summary]
        if !verb.aliases.isEmpty { lines.append("aliases: " + verb.aliases.joined(separator: ", ")) }
        lines += verb.details
        return lines.joined(separator: "\n")
    }
}
