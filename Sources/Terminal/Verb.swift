import ClaimModel
import Workbench

/// One verb of the review REPL (`annotate`), declared once: its spelling, aliases, usage, help,
/// completion and action. `Verb.allCases` is the table; `help`, parsing, "did you mean" and TAB
/// completion all read it.
public struct Verb: VerbTable {
    public typealias Host = Session
    public typealias Failure = REPLError
    /// What a parsed line does to the session.
    public typealias Action = (Session) throws(REPLError) -> Reply

    public let name: String
    public let aliases: [String]
    public let usage: String
    public let summary: String
    public let details: [String]
    public let complete: @Sendable (Session, [String]) -> [String]
    public let parse: @Sendable (Verb, Arguments) throws(REPLError) -> Action

    init(_ name: String, aliases: [String] = [], usage: String? = nil, _ summary: String, details: [String] = [],
         complete: @escaping @Sendable (Session, [String]) -> [String] = { _, _ in [] },
         parse: @escaping @Sendable (Verb, Arguments) throws(REPLError) -> Action) {
        self.name = name
        self.aliases = aliases
        self.usage = usage ?? name
        self.summary = summary
        self.details = details
        self.complete = complete
        self.parse = parse
    }

    /// A verb without arguments whose action gives the reply's text.
    static func simple(_ name: String, aliases: [String] = [], _ summary: String, details: [String] = [],
                       run: @escaping @Sendable (Session) throws(REPLError) -> String) -> Verb {
        Verb(name, aliases: aliases, summary, details: details) { verb, args throws(REPLError) in
            try args.none(verb)
            return { session throws(REPLError) in Reply(text: try run(session)) }
        }
    }

    /// A verb that writes the claim (shared with `adjudicate`, which applies the same edit to the final).
    static func writing(_ name: String, aliases: [String] = [], usage: String, _ summary: String, details: [String] = [],
                        complete: @escaping @Sendable (Session, [String]) -> [String] = { _, _ in [] },
                        edit: @escaping @Sendable (Verb, Arguments) throws(REPLError) -> Edit) -> Verb {
        var verb = Verb(name, aliases: aliases, usage: usage, summary, details: details, complete: complete) {
            verb, args throws(REPLError) in
            let change = try edit(verb, args)
            return { session throws(REPLError) in Reply(text: try session.write(change)) }
        }
        verb.edit = edit
        return verb
    }

    /// How the verb reads its arguments into an edit, for the verbs that write the claim
    /// (`adjudicate` applies the same edit to the final).
    public private(set) var edit: (@Sendable (Verb, Arguments) throws(REPLError) -> Edit)? = nil

    public static let allCases: [Verb] = [
        .next, .prev, .show, .goto, .list, .context, .doc,
        .confirm, .reject, .skip,
        .source, .cue, .content, .outlet, .type, .anon, .entity,
        .confidence, .tag, .untag, .note, .add,
        .undo, .redo, .done, .filter, .progress, .score, .keys, .help, .quit,
        .acceptAbove, .order,
        .trail, .same, .different,
    ]

    public static func unknownVerb(_ word: String, suggestion: Verb?) -> REPLError { .unknownVerb(word, suggestion: suggestion) }
    public static func tokens(_ failure: Tokenizer.Failure) -> REPLError { .tokens(failure) }
}

// MARK: - The review REPL's verbs

extension Verb {
    public static let next = Verb.simple("next", aliases: ["n"], "the next claim in the queue") { session throws(REPLError) in try session.move(forward: true) }
    public static let prev = Verb.simple("prev", aliases: ["p"], "the previous claim in the queue") { session throws(REPLError) in try session.move(forward: false) }

    public static let show = Verb(
        "show", usage: "show [ID] [--all | --doc]",
        "the current claim again, or claim ID (without moving); --all adds everyone's verdicts",
        details: [
            "Without colours (NO_COLOR, a pipe) the claim's sentence marks its roles [[src: …]], [[cue: …]] and [[con: …]]; the document's own brackets and backslashes are escaped as in `doc` and `context`, so every unescaped [[ or ]] is a marker:",
            markerEscapeRule,
            "--doc shows the claim's whole document with every claim marked, as `doc` does.",
        ]
    ) { verb, args throws(REPLError) in
        var all = false
        var document = false
        var id: String?
        for a in args.words {
            if a == "--all" { all = true; continue }
            if a == "--doc" { document = true; continue }
            if a.hasPrefix("-") { throw .usage(verb, "unknown option \(TerminalSafe.escape(a))") }
            if id != nil { throw .usage(verb, "takes one claim ID") }
            id = a
        }
        if document {
            if all { throw .usage(verb, "--all and --doc do not go together") }
            return { session throws(REPLError) in Reply(text: try session.document(id), paged: true) }
        }
        return { session throws(REPLError) in Reply(text: try session.show(id, all: all)) }
    }

    public static let goto = Verb(
        "goto", usage: "goto #ID | DOC_ID | PREFIX", "move to claim ID (the # number), or to the first claim of document DOC_ID",
        details: [
            "#ID (with the #) is always claim #ID.",
            "Otherwise a doc_id, or the beginning of one (goto 001 = the document whose doc_id begins with 001):",
            "  exactly one document begins with it: that document; several: they are listed, nothing moves.",
            "Digits that begin no doc_id are a claim: goto 12 = goto #12 when no doc_id begins with 12.",
            "A document you marked done while reviewing another run is left out of the queue (its gold stands); goto brings it back.",
            "TAB completes doc_ids.",
        ],
        complete: { session, args in args.isEmpty ? session.documentIDs(beginning: session.completingWord) : [] }
    ) { verb, args throws(REPLError) in
        guard args.count == 1 else { throw .usage(verb, "needs one claim ID or doc_id") }
        let target = args[0]
        return { session throws(REPLError) in Reply(text: try session.goto(target)) }
    }

    public static let list = Verb(
        "list", usage: "list [FILTER]", "this document's claims, one line each, with your verdicts",
        details: ["FILTER: as for filter (unreviewed, type X, outlet X, confidence < X, tag X, joined by and)."],
        complete: { session, args in session.filterCandidates(args, offersOff: false) }
    ) { verb, args throws(REPLError) in
        let filter = args.isEmpty ? nil : try QueueFilter.parse(args.words, verb: verb)
        return { session throws(REPLError) in Reply(text: try session.list(filter)) }
    }

    public static let doc = Verb(
        "doc", usage: "doc", "the whole document, every claim's source, cue and content marked",
        details: [
            "Wrapped to the terminal's width at word boundaries; taller than the terminal, it opens in $PAGER (default less -R).",
            "Without colours (NO_COLOR, a pipe) each role is marked [[src#N: …]], [[cue#N: …]] or [[content#N: …]], N being the claim's # number (the one `goto N` and `list` use). After the number: ✓ when you confirmed, corrected or added the claim, ✗ when you rejected it, nothing while it is unreviewed; > before a label marks the current claim.",
            "Text several claims share carries every label: [[cue#1,cue#2: said]]. A mark inside another (a content quoting a source) closes first; a mark crossing the end of the one around it goes on in a second mark with the same label. The document's own brackets and backslashes are escaped, so every unescaped [[ or ]] is a marker:",
            markerEscapeRule,
            "With colours: source cyan, cue yellow, content green, #N before each mark; unreviewed bold and underlined, reviewed plain, rejected dim and struck through, the current claim in reverse video.",
            "From there: `goto N` moves to claim #N; `add \"CONTENT\" …` adds a claim the extractor missed.",
        ]
    ) { verb, args throws(REPLError) in
        try args.none(verb)
        return { session throws(REPLError) in Reply(text: try session.document(nil), paged: true) }
    }

    /// How the plain rendering escapes the document's own `[`, `]` and `\` (`DocumentScreen.appendText`),
    /// in the words `help doc` and `help show` give it, so that a reader can take the text back.
    static let markerEscapeRule = "  In a run of the document's own [ or ], every bracket but the last has a backslash in front ([[ shows as \\[[, ]] as \\]]), and the last one too where it touches a marker: a [ right before [[ (a[ then a mark: a\\[[[src: …), a ] right before or right after ]] (…\\]]] or …]]\\]). A run of backslashes right before a bracket or a marker is doubled (C:\\ then a mark: C:\\\\[[src: …). To read the text back: n backslashes right before [ or ] stand for n/2 backslashes (rounded down) and, when n is odd, make that bracket text; other backslashes are text; every [[ or ]] left is a marker."

    public static let context = Verb.simple(
        "context", "the sentences around the claim",
        details: ["Up to two sentences before and after the claim's, which is marked as in `show` (> in front); without colours the document's own brackets and backslashes are escaped on every line as in `doc` (`help doc`)."]
    ) { session throws(REPLError) in try session.context() }

    public static let confirm = Verb.writing(
        "confirm", aliases: ["c"], usage: "confirm",
        "the claim is right (corrected, if you changed it); moves to the next unreviewed claim"
    ) { verb, args throws(REPLError) in
        try args.none(verb)
        return .confirm
    }

    public static let reject = Verb.writing(
        "reject", aliases: ["r"], usage: "reject [REASON]",
        "not an attribution (the extractor's false positive); moves to the next unreviewed claim"
    ) { _, args throws(REPLError) in
        .reject(reason: args.isEmpty ? nil : args.rest)
    }

    public static let skip = Verb.simple(
        "skip", "leave this claim without a verdict for now; moves to the next unreviewed claim"
    ) { session throws(REPLError) in try session.skip() }

    static let spanDetails = [
        "TEXT must occur in the claim's sentences (from its first fragment's to its last's) or in the two before or after them (in annotate, what `context` shows); of the occurrences there, the one nearest the claim is taken.",
        "Text that does not occur there, or occurs twice at the same distance, changes nothing; when it occurs only farther away, the refusal gives the nearest occurrence's offsets and a few words around it, and --at with those offsets takes it anyway.",
        "--at START END takes Unicode-scalar offsets (0-based, end exclusive).",
        "Two signed numbers move the boundaries by words: the first the start, the second the end; negative shrinks, positive grows: -1 +2 drops the first word and takes in two more at the end; 0 leaves one as it is.",
        "  A word is letters and digits (with ' and - inside); punctuation goes with the word beside it.",
        "  On several fragments: the first fragment's start, the last one's end. Refused, changing nothing, when a boundary would leave the claim's sentence or a fragment would lose every word.",
    ]

    public static let source = Verb.writing(
        "source", usage: "source \"TEXT\" | --at START END | none",
        "correct the source: TEXT is found in the document near the claim", details: spanDetails + [
            "Moved to other words (not overlapping the old ones), the source takes its entity along: read from the new words as the extractor reads them (\"the governor\" → governor), or none for a pronoun or no source; written as a `correct` of the entity that `undo` takes back with the source. An entity set by hand (`entity NAME`) stays; the type is never changed, a note says when the new words read as another.",
        ]
    ) { verb, args throws(REPLError) in try Edit.span(.source, verb, args) }

    public static let cue = Verb.writing(
        "cue", usage: "cue \"TEXT\" | --at START END | none", "correct the cue (the reporting expression)",
        details: spanDetails
    ) { verb, args throws(REPLError) in try Edit.span(.cue, verb, args) }

    public static let content = Verb.writing(
        "content", usage: "content \"TEXT\" | --at START END", "correct the content (what is claimed)",
        details: spanDetails
    ) { verb, args throws(REPLError) in try Edit.span(.content, verb, args) }

    public static let outlet = Verb.writing(
        "outlet", usage: "outlet NAME | none", "correct the outlet (the channel the source spoke to or through)",
        complete: { session, args in Session.continuing(args, among: session.outlets()) }
    ) { verb, args throws(REPLError) in
        let value = try args.text(verb)
        return .outlet(value == "none" ? nil : value)
    }

    public static let type = Verb.writing(
        "type", usage: "type SOURCE_TYPE", "correct the source type",
        details: ["SOURCE_TYPE: " + SourceTypeNames.all.joined(separator: ", ")],
        complete: { _, args in args.isEmpty ? SourceTypeNames.all : [] }
    ) { verb, args throws(REPLError) in
        .type(try SourceTypeNames.parse(try args.text(verb), for: verb))
    }

    public static let anon = Verb.writing(
        "anon", usage: "anon yes|no", "correct whether the source is anonymous",
        complete: { _, args in args.isEmpty ? ["yes", "no"] : [] }
    ) { verb, args throws(REPLError) in
        switch try args.text(verb).lowercased() {
        case "yes", "y", "true": return .anon(true)
        case "no", "n", "false": return .anon(false)
        default: throw .usage(verb, "expected yes or no")
        }
    }

    public static let entity = Verb.writing(
        "entity", usage: "entity NAME | none",
        "correct the source entity (same value = same real-world source in this document)",
        complete: { session, args in Session.continuing(args, among: session.entities()) }
    ) { verb, args throws(REPLError) in
        let value = try args.text(verb)
        return .entity(value == "none" ? nil : value)
    }

    public static let confidence = Verb(
        "confidence", usage: "confidence high|medium|low", "how sure you are of your verdict",
        complete: { _, args in args.isEmpty ? AnalystConfidence.allCases.map(\.rawValue) : [] }
    ) { verb, args throws(REPLError) in
        guard args.count == 1, let level = AnalystConfidence(rawValue: args[0].lowercased()) else {
            throw .usage(verb, "expected high, medium or low")
        }
        return { session throws(REPLError) in Reply(text: try session.confidence(level)) }
    }

    public static let tag = Verb(
        "tag", usage: "tag TAG…", "tag the claim", complete: { session, _ in session.tags() }
    ) { verb, args throws(REPLError) in
        guard !args.isEmpty else { throw .usage(verb, "needs a tag") }
        let tags = args.words
        return { session throws(REPLError) in Reply(text: try session.tag(tags)) }
    }

    public static let untag = Verb(
        "untag", usage: "untag TAG…", "remove tags from the claim (TAB offers the claim's tags)",
        details: ["Refused, changing nothing, when the claim does not carry every tag named."],
        complete: { session, args in session.currentTags().filter { !args.contains($0) } }
    ) { verb, args throws(REPLError) in
        guard !args.isEmpty else { throw .usage(verb, "needs a tag") }
        let tags = args.words
        return { session throws(REPLError) in Reply(text: try session.untag(tags)) }
    }

    public static let note = Verb("note", usage: "note TEXT", "attach a note to the claim") { verb, args throws(REPLError) in
        _ = try args.text(verb)
        let text = args.rest
        return { session throws(REPLError) in Reply(text: try session.note(text)) }
    }

    public static let add = Verb(
        "add", usage: "add \"CONTENT\" [source \"SOURCE\"] [cue \"CUE\"] [type SOURCE_TYPE] [outlet NAME]",
        "add a claim the extractor missed (texts found near the current claim)",
        details: [
            "CONTENT is found near the current claim; SOURCE and CUE near the content.",
            "Its entity is that of a claim with the same source words, else what SOURCE reads as (a pronoun: none).",
            "The new claim's verdict is `added`; correct its other fields with type, outlet, anon, entity.",
        ],
        complete: { _, args in
            args.count >= 1 && args.count % 2 == 1 ? ["source", "cue", "type", "outlet"] : (args.last == "type" ? SourceTypeNames.all : [])
        }
    ) { _, args throws(REPLError) in
        let claim = try AddedClaim.parse(args.words)
        return { session throws(REPLError) in Reply(text: try session.add(claim)) }
    }

    static let undoDetails = ["Nothing is erased: undo and redo are new entries in the log."]

    public static let undo = Verb.simple("undo", aliases: ["u"], "undo your last action (works after a restart too)",
                                         details: undoDetails) { session throws(REPLError) in try session.undo() }
    public static let redo = Verb.simple("redo", "redo what undo undid", details: undoDetails) { session throws(REPLError) in try session.redo() }

    public static let done = Verb.simple(
        "done", "this document is fully reviewed: every claim judged, every missed one added",
        details: ["Refused while a claim of the document has no verdict from you. Scoring relies on it."]
    ) { session throws(REPLError) in try session.done() }

    public static let filter = Verb(
        "filter", usage: "filter [EXPR | off]", "narrow the queue; no EXPR shows the filter, off clears it",
        details: [
            "EXPR: one condition, or several joined by `and` (a claim must meet them all):",
            "  unreviewed | type SOURCE_TYPE | outlet NAME | confidence < X | confidence > X | tag TAG",
            "  e.g. filter unreviewed and type anonymous and confidence < 0.8",
            "confidence compares the extractor's confidence, a number in [0, 1].",
            "filter off (or none) clears the filter.",
        ],
        complete: { session, args in session.filterCandidates(args, offersOff: true) }
    ) { verb, args throws(REPLError) in
        // nil shows the filter; `.some(nil)` clears it.
        let change: QueueFilter??
        if args.isEmpty {
            change = nil
        } else if args.count == 1, ["off", "none", "clear", "all"].contains(args[0].lowercased()) {
            change = .some(nil)
        } else {
            change = .some(try QueueFilter.parse(args.words, verb: verb))
        }
        return { session throws(REPLError) in Reply(text: try session.setFilter(change)) }
    }

    public static let progress = Verb.simple(
        "progress", "how much of the run you have reviewed, and your pace",
        details: [
            "Claims you added count in the total and among the reviewed; an add you undid counts in neither.",
            "Documents you marked done while reviewing another run are left out of the queue and of the counts, and named.",
            "Pace: the median gap between your verdicts (confirm, reject, add; undone ones too; not accept-above's) in this run, gaps over 10 minutes left out as pauses; claims per hour = 3600 s / that median.",
        ]
    ) { session throws(REPLError) in try session.progress() }
    public static let score = Verb.simple("score", "the extractor scored against your documents marked done") { session throws(REPLError) in try session.score() }

    public static let keys = Verb(
        "keys", usage: "keys [on|off]", "single-key mode: at an empty prompt one key acts at once (c confirms…)",
        details: KeyMap.helpLines + KeyMap.review.details,
        complete: { _, args in args.isEmpty ? ["on", "off"] : [] }
    ) { verb, args throws(REPLError) in
        let change = try keysChange(verb, args)
        return { session throws(REPLError) in Reply(text: try session.keys(change)) }
    }

    /// `keys`' argument: nil (say the mode), on or off. `adjudicate`'s `keys` reads it the same way.
    static func keysChange(_ verb: Verb, _ args: Arguments) throws(REPLError) -> Bool? {
        guard args.count <= 1 else { throw .usage(verb, "takes on or off") }
        guard let word = args.first else { return nil }
        switch word.lowercased() {
        case "on": return true
        case "off": return false
        default: throw .usage(verb, "expected on or off, not \"\(TerminalSafe.escape(word))\"")
        }
    }

    public static let help = Verb(
        "help", aliases: ["?"], usage: "help [VERB]", "the verbs, or one verb in detail",
        complete: { _, args in args.isEmpty ? Verb.names : [] }
    ) { verb, args throws(REPLError) in
        guard args.count <= 1 else { throw .usage(verb, "takes at most one verb") }
        var target: Verb?
        if let word = args.first {
            guard let named = Verb.named(word) else { throw .unknownVerb(word, suggestion: Verb.nearest(to: word)) }
            target = named
        }
        return { session in Reply(text: session.helpText(target)) }
    }

    public static let quit = Verb("quit", aliases: ["q", "exit"], usage: "quit", "leave (every action is already saved)") {
        verb, args throws(REPLError) in
        try args.none(verb)
        return { session in Reply(text: "bye: every action is saved" + session.nextAfterReview, quit: true) }
    }
}

// MARK: - Bulk acceptance and the queue's order (issue 12)

extension Verb {
    public static let acceptAbove = Verb(
        "accept-above", usage: "accept-above T [--doc | --filter]",
        "confirm at once every claim you have not judged at or above extractor confidence T",
        details: [
            "--doc (the default): the claims of this document the queue shows; --filter: the whole queue under the current filter (every document of the run when there is none).",
            "First a preview: how many claims, and the precision to expect from the calibration of the run's confidence against the documents marked done (computed once per session, as score does).",
            "On a terminal it asks before acting (answer y to accept); when input is a pipe or a script it does not ask: it acts and says what it did.",
            "One action: one transaction, one `undo` takes every claim of it back, one `redo` restores them.",
            "Such verdicts are marked bulk in the log, in gold exports (\"bulk\": true) and in score.",
        ]
    ) { verb, args throws(REPLError) in
        var threshold: Double?
        var scope = BulkScope.document
        for word in args.words {
            switch word {
            case "--doc": scope = .document
            case "--filter": scope = .filter
            default:
                if word.hasPrefix("-") && Double(word) == nil { throw .usage(verb, "unknown option \(TerminalSafe.escape(word))") }
                guard threshold == nil else { throw .usage(verb, "takes one threshold") }
                guard let value = Double(word), value.isFinite, value >= 0, value <= 1 else {
                    throw .usage(verb, "the threshold must be a number in [0, 1], not \"\(TerminalSafe.escape(word))\"")
                }
                threshold = value
            }
        }
        guard let threshold else { throw .usage(verb, "needs a threshold, e.g. accept-above 0.9") }
        return { session throws(REPLError) in try session.acceptAbove(threshold, scope: scope) }
    }

    public static let order = Verb(
        "order", usage: "order [document | uncertain | confidence]",
        "the order of the queue; no argument shows it",
        details: [
            "document: documents in ingestion order, claims in text order (the default).",
            "uncertain: the claims whose confidence is closest to the calibrated auto-accept threshold first (your verdict teaches most there); closest to 0.5 while no calibration exists.",
            "confidence: the highest extractor confidence first.",
            "Remembered for you (also set by `claimdesk annotate --order`); shown on the status line.",
        ],
        complete: { _, args in args.isEmpty ? QueueOrder.allCases.map(\.rawValue) : [] }
    ) { verb, args throws(REPLError) in
        guard args.count <= 1 else { throw .usage(verb, "takes one order") }
        guard let word = args.first else { return { session throws(REPLError) in Reply(text: try session.setOrder(nil)) } }
        guard let order = QueueOrder(rawValue: word.lowercased()) else {
            throw .usage(verb, "\"\(TerminalSafe.escape(word))\" is not an order (document, uncertain, confidence)")
        }
        return { session throws(REPLError) in Reply(text: try session.setOrder(order)) }
    }
}

extension Arguments {
    /// Refuses arguments to a verb that takes none.
    func none(_ verb: Verb) throws(REPLError) {
        if !isEmpty { throw .usage(verb, "takes no arguments") }
    }

    /// The words as one value; refused when there is none.
    func text(_ verb: Verb) throws(REPLError) -> String {
        guard !isEmpty else { throw .usage(verb, "needs a value") }
        return words.joined(separator: " ")
    }
}

/// Source type names as the REPL spells them.
enum SourceTypeNames {
    static let all = SourceType.allCases.map(\.rawValue)

    /// `named person`, `Named-Person` and `named_person` all name one type.
    static func parse(_ text: String) -> SourceType? {
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        return SourceType(rawValue: key)
    }

    /// The type `text` names, or the verb's refusal listing the types.
    static func parse(_ text: String, for verb: Verb) throws(REPLError) -> SourceType {
        guard let type = parse(text) else {
            throw .usage(verb, "\"\(TerminalSafe.escape(text))\" is not a source type (\(all.joined(separator: ", ")))")
        }
        return type
    }
}

/// Levenshtein distance over characters, for "did you mean".
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

// MARK: - Links across documents (issue 14)

extension Verb {
    public static let trail = Verb.simple(
        "trail", "the current claim's trail: the documents that carry it, by date, crediting whom, with which words",
        details: ["From the newest link run of this run (`claimdesk link` makes one). Claims are named by their # number."]
    ) { session throws(REPLError) in try session.trail() }

    public static let same = linkVerdict("same", "the current claim and claim ID are the same claim (a link verdict, logged and undoable)")
    public static let different = linkVerdict("different", "the current claim and claim ID are not the same claim (a link verdict)")

    /// `same ID` / `different ID`: one verdict on the pair (current claim, ID), ID a claim's # number.
    static func linkVerdict(_ name: String, _ summary: String) -> Verb {
        Verb(name, usage: "\(name) ID", summary,
             details: ["ID: another claim's # number, as `trail` and `claimdesk claims` show it; a later verdict on the pair replaces this one."]
        ) { verb, args throws(REPLError) in
            guard args.count == 1 else { throw .usage(verb, "needs one claim ID") }
            let text = args[0]
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard let other = Int64(digits), other > 0 else { throw .usage(verb, "\"\(TerminalSafe.escape(text))\" is not a claim ID") }
            let same = name == "same"
            return { session throws(REPLError) in Reply(text: try session.linkVerdict(same: same, other: other)) }
        }
    }
}
