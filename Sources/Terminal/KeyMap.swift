import Workbench

/// Single-key mode (`keys on`): at an empty prompt one key runs a verb at once, without Enter,
/// as Prodigy's shortcuts do. The map is this one table beside the verb table: giving a verb a
/// key is adding one entry here, and the prompt's legend, `help keys` and the terminal's bindings
/// all read it.
public struct KeyMap: Sendable, Equatable {
    /// One key and the verb it runs (the line it stands for is the verb's name, so the screen
    /// shows `claimdesk> confirm` as if it had been typed).
    public struct Key: Sendable, Equatable {
        /// A printable ASCII character (readline binds single bytes), or → / ← for the arrow keys.
        public let key: Character
        /// The verb's name: the line the key stands for.
        public let line: String
        /// Whether the prompt's legend shows it (a second key for the same verb is not shown).
        public let shown: Bool
        /// How the legend shows it when `label`'s rule does not fit (`[1-9]pick` for nine keys).
        public let shownAs: String?

        public init(_ key: Character, _ verb: some VerbTable, shown: Bool = true) {
            self.key = key
            self.line = verb.name
            self.shown = shown
            self.shownAs = nil
        }

        /// A key that stands for a verb with its argument (`pick 2`).
        public init(_ key: Character, line: String, shown: Bool = true, shownAs: String? = nil) {
            self.key = key
            self.line = line
            self.shown = shown
            self.shownAs = shownAs
        }

        /// What terminals send for an arrow key (normal and application cursor mode); none for a character.
        public static func arrowSequences(_ key: Character) -> [String] {
            switch key {
            case "→": return ["\u{1B}[C", "\u{1B}OC"]
            case "←": return ["\u{1B}[D", "\u{1B}OD"]
            default: return []
            }
        }

        /// `[c]onfirm` when the verb starts with its key, else `[x]reject`.
        public var label: String {
            if let shownAs { return shownAs }
            let name = line
            if let first = name.first, first == key { return "[\(key)]" + name.dropFirst() }
            return "[\(key)]" + name
        }
    }

    public let keys: [Key]

    /// The per-analyst preference that remembers the mode ("on" or "off").
    public static let preference = "keys"

    public init(_ keys: [Key]) { self.keys = keys }

    /// The line `key` stands for, or nil when the key is no shortcut (it is then just a character).
    public func line(for key: Character) -> String? {
        keys.first { $0.key == key }?.line
    }

    /// What the prompt shows above itself in keys mode: the shown keys, then how to type a verb
    /// (kept within 80 columns).
    public var legend: String {
        keys.filter(\.shown).map(\.label).joined(separator: " ") + " · space to type"
    }

    /// What `keys` answers: the mode as it is, or as it is now set (the same words in `annotate`
    /// and `adjudicate`).
    public static func state(_ on: Bool) -> String {
        on ? "single keys: on (`help keys` lists them)" : "single keys: off (`keys on` makes one key act at an empty prompt)"
    }

    public static func changed(_ on: Bool) -> String {
        on ? "single keys on: a key acts at an empty prompt (`help keys` lists them)" : "single keys off: type verbs and press Enter"
    }

    /// What `help keys` says before the list of keys.
    public static let helpLines = [
        "Remembered for you. Typed verbs still work: a space first, then the verb (the keys act only on an empty line).",
        "On a terminal the keys are shown above the prompt; under a pipe lines are read as usual.",
        "The keys:",
    ]

    /// Every key, for `help keys`: one line each.
    public var details: [String] {
        keys.map { "  \($0.key)  \($0.line)" }
    }
}

extension KeyMap {
    /// The review REPL's keys. `x` rejects as in Prodigy; `r` too, as the `r` alias does; `d` shows the
    /// whole document with every claim marked. The arrows move like `n` and `p` (left and right do
    /// nothing else on an empty line; up and down keep the history).
    public static let review = KeyMap([
        Key("c", Verb.confirm),
        Key("x", Verb.reject),
        Key("r", Verb.reject, shown: false),
        Key("s", Verb.skip),
        Key("u", Verb.undo),
        Key("n", Verb.next),
        Key("p", Verb.prev),
        Key("d", Verb.doc),
        Key("?", Verb.help),
        Key("→", Verb.next, shown: false),
        Key("←", Verb.prev, shown: false),
    ])
}

extension KeyMap {
    /// The adjudication REPL's keys: `1`…`9` pick the view of the card's first…ninth annotator
    /// (`pick 1`…), then the same letters as the review REPL's for the same verbs (`c` writes the
    /// final as confirmed, `x` or `r` as rejected). The legend leaves `p` out to stay within 80
    /// columns (← does the same; `help keys` lists it).
    public static let adjudication = KeyMap(
        (1...9).map { n in Key(Character(String(n)), line: "pick \(n)", shown: n == 1, shownAs: "[1-9]pick") } + [
        Key("c", AdjudicationVerb.confirm),
        Key("x", AdjudicationVerb.reject),
        Key("r", AdjudicationVerb.reject, shown: false),
        Key("s", AdjudicationVerb.skip),
        Key("u", AdjudicationVerb.undo),
        Key("n", AdjudicationVerb.next),
        Key("p", AdjudicationVerb.prev, shown: false),
        Key("?", AdjudicationVerb.help),
        Key("→", AdjudicationVerb.next, shown: false),
        Key("←", AdjudicationVerb.prev, shown: false),
    ])
}

/// The `keys` preference, stored per analyst as "on" or "off", read and written in one place for
/// both REPLs.
extension ReviewDesk {
    func singleKeys(_ analyst: String) throws(WorkbenchError) -> Bool {
        try preference(KeyMap.preference, annotator: analyst) == "on"
    }

    func setSingleKeys(_ on: Bool, _ analyst: String) throws(WorkbenchError) {
        try setPreference(KeyMap.preference, on ? "on" : "off", annotator: analyst)
    }
}
