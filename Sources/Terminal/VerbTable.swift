/// A REPL's verbs as a table: each verb is one value holding its spelling, aliases, usage, help,
/// completion and action. Both REPLs (`annotate`, `adjudicate`) spell, suggest, explain, complete
/// and dispatch their verbs through this one implementation; adding a verb is adding one entry.
public protocol VerbTable: Equatable, Sendable {
    /// The session the verbs act on.
    associatedtype Host
    /// What a refused line throws.
    associatedtype Failure: Error

    var name: String { get }
    var aliases: [String] { get }
    var usage: String { get }
    var summary: String { get }
    var details: [String] { get }
    /// Candidates for the next word, given the verb's arguments typed so far.
    var complete: @Sendable (Host, [String]) -> [String] { get }
    /// Reads the arguments into what the verb will do; refuses before anything changes.
    var parse: @Sendable (Self, Arguments) throws(Failure) -> (Host) throws(Failure) -> Reply { get }

    /// Every verb, in the order `help` lists them.
    static var allCases: [Self] { get }
    static func unknownVerb(_ word: String, suggestion: Self?) -> Failure
    static func tokens(_ failure: Tokenizer.Failure) -> Failure
}

/// A verb's arguments: the words after it, and the line after it verbatim (notes and reasons keep
/// their quotes, unless the rest is one quoted string).
public struct Arguments: Sendable {
    public let words: [String]
    public let rest: String

    public init(_ words: [String], rest: String) {
        self.words = words
        self.rest = rest
    }

    public var isEmpty: Bool { words.isEmpty }
    public var count: Int { words.count }
    public var first: String? { words.first }
    public subscript(_ i: Int) -> String { words[i] }
}

extension VerbTable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }

    /// The verb's name (what `help` lists and errors name).
    public var rawValue: String { name }

    /// Every name and alias.
    public var spellings: [String] { [name] + aliases }

    /// The verb spelled `word` (name or alias), case-insensitively.
    public static func named(_ word: String) -> Self? {
        let lower = word.lowercased()
        return allCases.first { $0.spellings.contains(lower) }
    }

    /// The verb nearest a misspelling, when it is close enough to be a likely typo.
    public static func nearest(to word: String) -> Self? {
        let lower = word.lowercased()
        if lower.count >= 2, let prefixed = allCases.first(where: { $0.name.hasPrefix(lower) }) { return prefixed }
        var best: (Self, Int)?
        for verb in allCases {
            let d = EditDistance.between(lower, verb.name)
            if let (_, bestDistance) = best, bestDistance <= d { continue }
            best = (verb, d)
        }
        guard let (verb, distance) = best else { return nil }
        return distance <= max(2, verb.name.count / 3) ? verb : nil
    }

    /// Every verb's name (completion of the first word, and of `help`).
    public static var names: [String] { allCases.map(\.name) }

    /// Reads one line into what it will do: nil for an empty line.
    static func action(for line: String) throws(Failure) -> (verb: Self, run: (Host) throws(Failure) -> Reply)? {
        let words: [String]
        do { words = try Tokenizer.tokens(line) } catch { throw tokens(error) }
        guard let head = words.first else { return nil }
        guard let verb = named(head) else { throw unknownVerb(head, suggestion: nearest(to: head)) }
        return (verb, try verb.parse(verb, Arguments(Array(words.dropFirst()), rest: rest(of: line))))
    }

    /// The line after its first word, verbatim (notes and reasons keep their quotes), unless it is
    /// one quoted string.
    static func rest(of line: String) -> String {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let after = trimmed.drop { $0 != " " && $0 != "\t" }.drop { $0 == " " || $0 == "\t" }
        var text = String(after)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        if let words = try? Tokenizer.tokens(text), words.count == 1, let first = text.first, "\"'“‘".contains(first) {
            return words[0]
        }
        return text
    }

    /// Candidates for the word being typed: verbs first, then what the verb offers.
    static func completions(_ host: Host, previous: [String], word: String) -> [String] {
        let options: [String]
        if previous.isEmpty {
            options = names
        } else if let verb = named(previous[0]) {
            options = verb.complete(host, Array(previous.dropFirst()))
        } else {
            options = []
        }
        let lower = word.lowercased()
        return Set(options.filter { $0.lowercased().hasPrefix(lower) }).sorted()
    }

    /// `help` (every verb, one line each, then `footer`) or `help VERB` (usage, summary, aliases, details).
    static func helpText(_ verb: Self?, footer: String) -> String {
        guard let verb else {
            var lines = ["verbs (aliases in brackets):"]
            for v in allCases {
                let name = v.name + (v.aliases.isEmpty ? "" : " [" + v.aliases.joined(separator: ", ") + "]")
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
