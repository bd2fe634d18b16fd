import ClaimModel
import Workbench

/// Everything a REPL command can refuse, each one line saying what is wrong and what to do.
/// A refused command changes nothing.
public enum REPLError: Error, Equatable, CustomStringConvertible {
    case unknownVerb(String, suggestion: Verb?)
    case usage(Verb, String)
    case tokens(Tokenizer.Failure)
    case noClaim
    case notFound(role: String, text: String)
    /// Not in the document on screen but in the one whose claims the analyst just finished.
    case notFoundInThisButFinished(role: String, text: String, here: String, finished: String)
    case ambiguous(role: String, text: String, spans: [Span])
    /// A correcting verb's text occurs only beyond the claim's reach (`TextLocator.reach`): where
    /// the nearest occurrence is (`excerpt`: already quoted and escaped) and how to take it anyway.
    /// `adding`: met by `add` (its source or cue), which stores nothing; the role is set afterwards.
    case outOfReach(role: String, text: String, reach: Span, nearest: Span, excerpt: String, adding: Bool = false)
    case badOffsets(start: Int, end: Int, count: Int)
    case unknownClaim(String)
    case unknownDocument(String)
    /// A doc_id of the store that the run on screen does not hold: the runs that do.
    case documentInOtherRuns(String, run: String, others: [String])
    /// `goto PREFIX` names several documents: the first few of them, and whether there are more.
    case ambiguousDocument(String, candidates: [String], more: Bool)
    /// A boundary nudge that cannot be done (`source -1 +2`), and why.
    case boundary(role: String, nudge: String, reason: String)
    case notVisible(Int64)
    case nothingToUndo
    case nothingToRedo
    case incomplete(unreviewed: Int, first: Int64)
    /// `done` on a document not begun, right after the queue left one whose claims are all judged.
    case incompleteJustArrived(unreviewed: Int, first: Int64, finished: String)
    case noDocument
    case store(String)

    public var description: String {
        switch self {
        case let .unknownVerb(word, suggestion):
            let hint = suggestion.map { "; did you mean \"\($0.rawValue)\"?" } ?? "; `help` lists the verbs"
            return "unknown verb \"\(TerminalSafe.escape(word))\"\(hint)"
        case let .usage(verb, message):
            return "\(verb.rawValue): \(message) (usage: \(verb.usage))"
        case let .tokens(failure):
            return failure.description
        case .noClaim:
            return "no claim on screen: use next, goto ID or filter off"
        case let .notFound(role, text):
            // `content +1` reads as a text to find: a nudge takes two numbers, the start's then the end's.
            let nudge = SpanNudge.signed(text).flatMap { $0 == 0 ? nil : $0 }.map { n in
                let one = n > 0 ? "+\(n)" : "\(n)"
                return "; to move its boundaries by words give two numbers, the start's then the end's "
                    + "(`\(role) 0 \(one)` moves the end, `\(role) \(one) 0` the start)"
            } ?? ""
            return "\(role): \"\(TerminalSafe.escape(text))\" does not occur in this document\(nudge); nothing changed"
        case let .notFoundInThisButFinished(role, text, here, finished):
            let id = TerminalSafe.escape(finished)
            return "\(role): \"\(TerminalSafe.escape(text))\" does not occur in \(TerminalSafe.escape(here)); it does in \(id), "
                + "whose claims you just finished: `goto \(id)`, then add it there; nothing changed"
        case let .ambiguous(role, text, spans):
            let at = spans.prefix(4).map { "\($0.start)-\($0.end)" }.joined(separator: ", ")
            return "\(role): \"\(TerminalSafe.escape(text))\" occurs \(spans.count) times equally near the claim (at \(at)); "
                + "quote more of the text or use --at START END; nothing changed"
        case let .outOfReach(role, text, reach, nearest, excerpt, adding):
            return "\(role): \"\(TerminalSafe.escape(text))\" does not occur in the claim's sentences or the two before or after them "
                + "(\(reach.start)-\(reach.end)); the nearest is at \(nearest.start)-\(nearest.end), \(excerpt); "
                + (adding ? "add the claim without its \(role), then " : "")
                + "`\(role) --at \(nearest.start) \(nearest.end)` takes it anyway; nothing changed"
        case let .badOffsets(start, end, count):
            return "--at \(start) \(end): not a span of this document (0 <= START < END <= \(count)); nothing changed"
        case let .unknownClaim(id):
            return "no claim #\(TerminalSafe.escape(id)) in this run"
        case let .unknownDocument(id):
            return "no document \"\(TerminalSafe.escape(id))\" in this run"
        case let .documentInOtherRuns(id, run, others):
            return "no document \"\(TerminalSafe.escape(id))\" in run \"\(TerminalSafe.escape(run))\": it is in "
                + TerminalSafe.runList(others) + " (`claimdesk annotate --run "
                + ShellWord.quoted(others[0]) + " --doc " + ShellWord.quoted(id) + "` reviews it there)"
        case let .ambiguousDocument(prefix, candidates, more):
            let listed = candidates.map(TerminalSafe.escape).joined(separator: ", ") + (more ? ", …" : "")
            // Digits without a leading zero may have meant a claim number.
            let claim = prefix.allSatisfy(\.isNumber) && !prefix.hasPrefix("0") ? " (or goto #\(TerminalSafe.escape(prefix)) for claim #\(TerminalSafe.escape(prefix)))" : ""
            return "\"\(TerminalSafe.escape(prefix))\" begins several documents: \(listed); type more of the doc_id\(claim)"
        case let .boundary(role, nudge, reason):
            return "\(role) \(nudge): \(reason); nothing changed"
        case let .notVisible(id):
            return "claim #\(id) was added by another analyst or withdrawn; it is not in your queue"
        case .nothingToUndo:
            return "nothing to undo"
        case .nothingToRedo:
            return "nothing to redo (redo follows undo, before any new action)"
        case let .incomplete(count, first):
            return "not done: \(count) claim\(count == 1 ? "" : "s") of this document \(count == 1 ? "has" : "have") no verdict from you yet (first: #\(first)); nothing changed"
        case let .incompleteJustArrived(count, first, finished):
            let id = TerminalSafe.escape(finished)
            return "not done: no claim of this document has a verdict from you yet (\(count) to judge, first: #\(first)); "
                + "to mark \(id) done, whose claims you just finished: `goto \(id)`, then `done`; nothing changed"
        case .noDocument:
            return "no document on screen"
        case let .store(message):
            return message
        }
    }
}
