import ClaimModel
import Workbench

/// The adjudication REPL's verbs as data, like `Verb` for the review REPL. The verbs that write
/// the final by hand (`confirm`, `reject`, `source`…) are the review REPL's own: their arguments
/// are parsed by `Command.parse`, so they read and fail exactly as they do in `annotate`.
public enum AdjudicationVerb: String, CaseIterable, Sendable {
    case pick
    case confirm, reject
    case source, cue, content, outlet, type, anon, entity
    case next, prev, skip, show, undo, progress, help, quit

    /// The review REPL's verb of the same name, for the verbs the two share.
    var shared: Verb? {
        switch self {
        case .pick, .skip: return nil
        default: return Verb(rawValue: rawValue)
        }
    }

    public var aliases: [String] { shared?.aliases ?? [] }

    public var usage: String {
        switch self {
        case .pick: return "pick NAME"
        case .skip: return "skip"
        default: return shared?.usage ?? rawValue
        }
    }

    public var summary: String {
        switch self {
        case .pick: return "take annotator NAME's view as the final (their verdict and fields); moves on"
        case .confirm: return "the final: the claim as you have it now is right; moves on"
        case .reject: return "the final: not an attribution; moves on"
        case .source: return "write the final's source: TEXT is found in the document near the claim"
        case .cue: return "write the final's cue"
        case .content: return "write the final's content"
        case .outlet: return "write the final's outlet"
        case .type: return "write the final's source type"
        case .anon: return "write whether the final's source is anonymous"
        case .entity: return "write the final's source entity"
        case .next: return "the next disputed claim"
        case .prev: return "the previous disputed claim"
        case .skip: return "leave this claim undecided; the next one awaiting adjudication"
        case .show: return "the current claim again"
        case .undo: return "undo your last adjudication (a pick as a whole)"
        case .progress: return "how many disputed claims are adjudicated, and which documents are still left out"
        case .help: return "the verbs, or one verb in detail"
        case .quit: return "leave (every adjudication is already saved)"
        }
    }

    public var details: [String] {
        switch self {
        case .pick:
            return [
                "NAME is one of the annotators who marked the document done (the rows of the screen).",
                "Their corrected fields are written as yours, then their verdict: one transaction.",
            ]
        case .confirm, .reject:
            return ["Starts from the claim as stored (or as you corrected it); correct fields first to write a different final."]
        case .source, .cue, .content, .outlet, .type, .anon, .entity:
            return ["Changes the final in place; `confirm` then records it."] + (shared?.details ?? [])
        case .undo:
            return ["Nothing is erased: undo appends one undo entry per entry of the adjudication, in one transaction."]
        default: return []
        }
    }
}

extension AdjudicationVerb: VerbTable {}

/// One parsed line of the adjudication REPL.
public enum AdjudicationCommand: Equatable, Sendable {
    case pick(String)
    /// `confirm`, `reject` or a correcting verb, as the review REPL parses it.
    case write(Command)
    case next, prev, skip, show, undo, progress
    case help(AdjudicationVerb?)
    case quit

    /// Parses a line; an empty line is nil (it does nothing).
    public static func parse(_ line: String) throws(AdjudicationError) -> AdjudicationCommand? {
        let words: [String]
        do { words = try Tokenizer.tokens(line) } catch { throw .repl(.tokens(error)) }
        guard let head = words.first else { return nil }
        guard let verb = AdjudicationVerb.named(head) else {
            throw .unknownVerb(head, suggestion: AdjudicationVerb.nearest(to: head))
        }
        let args = Array(words.dropFirst())
        func none() throws(AdjudicationError) {
            if !args.isEmpty { throw .usage(verb, "takes no arguments") }
        }
        switch verb {
        case .pick:
            guard args.count == 1 else { throw .usage(verb, args.isEmpty ? "needs an annotator's name" : "takes one annotator's name") }
            return .pick(args[0])
        case .next: try none(); return .next
        case .prev: try none(); return .prev
        case .skip: try none(); return .skip
        case .show: try none(); return .show
        case .undo: try none(); return .undo
        case .progress: try none(); return .progress
        case .quit: try none(); return .quit
        case .help:
            guard args.count <= 1 else { throw .usage(verb, "takes at most one verb") }
            guard let word = args.first else { return .help(nil) }
            guard let target = AdjudicationVerb.named(word) else {
                throw .unknownVerb(word, suggestion: AdjudicationVerb.nearest(to: word))
            }
            return .help(target)
        case .confirm, .reject, .source, .cue, .content, .outlet, .type, .anon, .entity:
            guard let shared = verb.shared else { throw .usage(verb, "is not available here") }
            do {
                return .write(try Command.parse(shared, args, rest: Command.rest(of: line)))
            } catch {
                throw .repl(error)
            }
        }
    }
}

/// Everything the adjudication REPL can refuse, one line each. A refused command changes nothing.
public enum AdjudicationError: Error, Equatable, CustomStringConvertible {
    case repl(REPLError)
    case unknownVerb(String, suggestion: AdjudicationVerb?)
    case usage(AdjudicationVerb, String)
    case unknownAnnotator(String, known: [String])
    case nothingToAdjudicate(run: String)
    case nothingToUndo(run: String)

    public var description: String {
        switch self {
        case let .repl(error):
            return error.description
        case let .unknownVerb(word, suggestion):
            let hint = suggestion.map { "; did you mean \"\($0.rawValue)\"?" } ?? "; `help` lists the verbs"
            return "unknown verb \"\(SafeText.escape(word))\"\(hint)"
        case let .usage(verb, message):
            return "\(verb.rawValue): \(message) (usage: \(verb.usage))"
        case let .unknownAnnotator(name, known):
            return "pick: \"\(SafeText.escape(name))\" did not mark this document done; pick one of "
                + known.map(SafeText.escape).joined(separator: ", ") + "; nothing changed"
        case let .nothingToAdjudicate(run):
            return "nothing to adjudicate in run \"\(SafeText.escape(run))\": no claim is disputed (`progress` says why)"
        case let .nothingToUndo(run):
            return "nothing to undo: you have no adjudication in run \"\(SafeText.escape(run))\" left to undo"
        }
    }
}
