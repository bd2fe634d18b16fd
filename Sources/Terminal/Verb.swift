import ClaimModel
import Workbench

/// The REPL's verbs as data: name, aliases, usage and help. Parsing a line into a `Command` and
/// `help` both read this table, so a verb is declared once.
public enum Verb: String, CaseIterable, Sendable {
    case next, prev, show, goto, list, context
    case confirm, reject
    case source, cue, content, outlet, type, anon, entity
    case confidence, tag, note, add
    case undo, redo, done, filter, progress, score, help, quit

    /// Single-letter (and other) aliases.
    public var aliases: [String] {
        switch self {
        case .next: return ["n"]
        case .prev: return ["p"]
        case .confirm: return ["c"]
        case .reject: return ["r"]
        case .undo: return ["u"]
        case .help: return ["?"]
        case .quit: return ["q", "exit"]
        default: return []
        }
    }

    public var usage: String {
        switch self {
        case .next: return "next"
        case .prev: return "prev"
        case .show: return "show [ID] [--all]"
        case .goto: return "goto ID | DOC_ID"
        case .list: return "list [FILTER]"
        case .context: return "context"
        case .confirm: return "confirm"
        case .reject: return "reject [REASON]"
        case .source: return "source \"TEXT\" | --at START END | none"
        case .cue: return "cue \"TEXT\" | --at START END | none"
        case .content: return "content \"TEXT\" | --at START END"
        case .outlet: return "outlet NAME | none"
        case .type: return "type SOURCE_TYPE"
        case .anon: return "anon yes|no"
        case .entity: return "entity NAME | none"
        case .confidence: return "confidence high|medium|low"
        case .tag: return "tag TAG…"
        case .note: return "note TEXT"
        case .add: return "add \"CONTENT\" [source \"SOURCE\"] [cue \"CUE\"] [type SOURCE_TYPE] [outlet NAME]"
        case .undo: return "undo"
        case .redo: return "redo"
        case .done: return "done"
        case .filter: return "filter [EXPR | off]"
        case .progress: return "progress"
        case .score: return "score"
        case .help: return "help [VERB]"
        case .quit: return "quit"
        }
    }

    public var summary: String {
        switch self {
        case .next: return "the next claim in the queue"
        case .prev: return "the previous claim in the queue"
        case .show: return "the current claim again, or claim ID (without moving); --all adds everyone's verdicts"
        case .goto: return "move to claim ID (the # number), or to the first claim of document DOC_ID"
        case .list: return "this document's claims, one line each, with your verdicts"
        case .context: return "the sentences around the claim"
        case .confirm: return "the claim is right (corrected, if you changed it); moves to the next unreviewed claim"
        case .reject: return "not an attribution (the extractor's false positive); moves to the next unreviewed claim"
        case .source: return "correct the source: TEXT is found in the document near the claim"
        case .cue: return "correct the cue (the reporting expression)"
        case .content: return "correct the content (what is claimed)"
        case .outlet: return "correct the outlet (the channel the source spoke to or through)"
        case .type: return "correct the source type"
        case .anon: return "correct whether the source is anonymous"
        case .entity: return "correct the source entity (same value = same real-world source in this document)"
        case .confidence: return "how sure you are of your verdict"
        case .tag: return "tag the claim"
        case .note: return "attach a note to the claim"
        case .add: return "add a claim the extractor missed (texts found near the current claim)"
        case .undo: return "undo your last action (works after a restart too)"
        case .redo: return "redo what undo undid"
        case .done: return "this document is fully reviewed: every claim judged, every missed one added"
        case .filter: return "narrow the queue; no EXPR shows the filter, off clears it"
        case .progress: return "how much of the run you have reviewed"
        case .score: return "the extractor scored against your documents marked done"
        case .help: return "the verbs, or one verb in detail"
        case .quit: return "leave (every action is already saved)"
        }
    }

    /// Extra lines for `help VERB`.
    public var details: [String] {
        switch self {
        case .source, .cue, .content:
            return [
                "TEXT must occur in the document; the occurrence nearest the claim is taken.",
                "Text that does not occur, or occurs twice at the same distance, changes nothing.",
                "--at START END takes Unicode-scalar offsets (0-based, end exclusive).",
            ]
        case .type: return ["SOURCE_TYPE: " + SourceTypeNames.all.joined(separator: ", ")]
        case .filter:
            return [
                "EXPR: one condition, or several joined by `and` (a claim must meet them all):",
                "  unreviewed | type SOURCE_TYPE | outlet NAME | confidence < X | confidence > X | tag TAG",
                "  e.g. filter unreviewed and type anonymous and confidence < 0.8",
                "confidence compares the extractor's confidence, a number in [0, 1].",
                "filter off (or none) clears the filter.",
            ]
        case .list: return ["FILTER: as for filter (unreviewed, type X, outlet X, confidence < X, tag X, joined by and)."]
        case .add:
            return [
                "CONTENT is found near the current claim; SOURCE and CUE near the content.",
                "The new claim's verdict is `added`; correct its other fields with type, outlet, anon, entity.",
            ]
        case .done: return ["Refused while a claim of the document has no verdict from you. Scoring relies on it."]
        case .undo, .redo: return ["Nothing is erased: undo and redo are new entries in the log."]
        default: return []
        }
    }
}

extension Verb: VerbTable {}

/// Source type names as the REPL spells them.
enum SourceTypeNames {
    static let all = SourceType.allCases.map(\.rawValue)

    /// `named person`, `Named-Person` and `named_person` all name one type.
    static func parse(_ text: String) -> SourceType? {
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        return SourceType(rawValue: key)
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
