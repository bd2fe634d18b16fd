import ClaimModel
import ClaimStore
import Extraction
import Interchange
import Learning

/// Every user-facing failure of a ClaimDesk command, each rendered as one line saying what and where.
public enum WorkbenchError: Error, CustomStringConvertible {
    case store(StoreError)
    /// Problems found in input files (`FILE:LINE: what`), all of them, in file order.
    case invalidInput([InterchangeIssue])
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noInput(String)
    case extractor(ExtractionError)
    case unknownRun(String)
    case unknownModel(String)
    /// A model could not be trained, decoded or run; `context` names the command and model.
    case learning(LearningError, context: String)
    case runKind(name: String, expected: String, actual: String)
    case unknownDocument(String)
    case usage(String)
    case nothingToScore(String)
    /// Scoring against the analysts' gold (of `annotator`, if given) with no document marked done;
    /// `command` is the one whose `--against RUN` would score against a gold run instead.
    case noDoneDocuments(annotator: String?, command: String)
    /// Every gold document the run could be scored on is one its model learned from.
    case onlyTrainedGold(String)

    public var description: String {
        switch self {
        case let .store(error): return error.description
        case let .invalidInput(issues):
            let shown = issues.prefix(20).map(\.description).joined(separator: "\n")
            let more = issues.count > 20 ? "\n… and \(issues.count - 20) more problems" : ""
            return shown + more
        case let .cannotRead(path, reason): return "\(TerminalSafe.path(path)): cannot read: \(reason)"
        case let .cannotWrite(path, reason): return "\(path.isEmpty ? "\"\"" : TerminalSafe.path(path)): cannot write: \(reason)"
        case let .noInput(message): return message
        case let .extractor(error): return error.description
        case let .unknownRun(name): return "no run named \(TerminalSafe.quoted(name)) (see `claimdesk runs`)"
        case let .unknownModel(name): return "no model named \(TerminalSafe.quoted(name)) (see `claimdesk models`)"
        case let .learning(error, context): return "\(context): \(error.description)"
        case let .runKind(name, expected, actual):
            // Kinds are words of the store (extractor, imported, gold): the article follows the word.
            let article = actual.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            return "run \(TerminalSafe.quoted(name)) is \(article) \(actual) run, not \(expected) run (run kinds do not mix: choose another name)"
        case let .unknownDocument(id): return "no document \(TerminalSafe.quoted(id)) in the store (see `claimdesk docs`)"
        case let .usage(message): return message
        case let .nothingToScore(message): return message
        case let .noDoneDocuments(annotator, command):
            return "no documents are marked done\(annotator.map { " by \(TerminalSafe.escape($0))" } ?? ""): review them "
                + "(`claimdesk annotate`, then `done`) or score against a gold run: `claimdesk \(command) --against RUN`"
        case let .onlyTrainedGold(message): return message
        }
    }

    /// Lines for stderr: one per problem, each passed through `TerminalSafe` (messages quote
    /// doc_ids, names and values from input files).
    public var lines: [String] {
        if case let .invalidInput(issues) = self { return issues.map { TerminalSafe.escape($0.description) } }
        return [TerminalSafe.escape(description)]
    }
}
