import ClaimModel
import Review
import Workbench

/// Where a correcting verb puts a role.
public enum SpanTarget: Equatable, Sendable {
    /// Text found in the document, the occurrence nearest the claim among those within its reach
    /// (its sentences and two either side, `TextLocator.reach`).
    case text(String)
    /// Scalar offsets, `start ..< end`.
    case offsets(Int, Int)
    /// The role is absent (a sourceless claim has no source).
    case none
    /// The role's start and end moved by whole words (`source -1 +2`).
    case nudge(SpanNudge)
}

/// What a verb that writes the claim changes. `annotate` records it as this analyst's review;
/// `adjudicate` applies it to the final. Both REPLs read these verbs' arguments the same way.
/// A session that writes edits: the review session records them as the analyst's review, the
/// adjudication session writes them into the final. The dispatch from `Edit` to its write is here,
/// once; each session says how a verdict, a span and a field are written.
protocol EditWriting {
    associatedtype Failure: Error
    func verdict(_ action: ReviewAction) throws(Failure) -> String
    func correctSpan(_ role: Role, _ target: SpanTarget) throws(Failure) -> String
    func correct(_ field: String, _ change: (inout Attribution) -> Void) throws(Failure) -> String
}

extension EditWriting {
    func write(_ edit: Edit) throws(Failure) -> String {
        switch edit {
        case .confirm: return try verdict(.confirm)
        case let .reject(reason): return try verdict(.reject(reason: reason))
        case let .span(role, target): return try correctSpan(role, target)
        case let .outlet(name): return try correct("outlet") { $0.outlet = name }
        case let .type(type): return try correct("type") { $0.sourceType = type }
        case let .anon(value): return try correct("anon") { $0.anonymous = value }
        case let .entity(name): return try correct("entity") { $0.sourceEntity = name }
        }
    }
}

public enum Edit: Equatable, Sendable {
    case confirm
    case reject(reason: String?)
    case span(Role, SpanTarget)
    case outlet(String?)
    case type(SourceType)
    case anon(Bool)
    case entity(String?)

    /// `source` / `cue` / `content`: TEXT, `--at START END`, `none`, or two signed word counts
    /// (`-1 +2`: the start, then the end; negative shrinks, positive grows).
    static func span(_ role: Role, _ verb: Verb, _ args: Arguments) throws(REPLError) -> Edit {
        guard let first = args.first else { throw .usage(verb, "needs the text to find, --at START END or none") }
        if first == "--at" {
            guard args.count == 3, let start = Int(args[1]), let end = Int(args[2]) else {
                throw .usage(verb, "--at needs two offsets, START END")
            }
            return .span(role, .offsets(start, end))
        }
        if let nudge = SpanNudge.parse(args.words) { return .span(role, .nudge(nudge)) }
        if args.words == ["none"] {
            if role == .content { throw .usage(verb, "a claim always has content") }
            return .span(role, .none)
        }
        return .span(role, .text(args.words.joined(separator: " ")))
    }
}

/// One parsed line of the review REPL: the verb, and what it will do (nothing has changed yet).
public struct Command {
    public let verb: Verb
    let run: Verb.Action

    /// Parses a line; an empty line is nil (it does nothing).
    public static func parse(_ line: String) throws(REPLError) -> Command? {
        guard let (verb, run) = try Verb.action(for: line) else { return nil }
        return Command(verb: verb, run: run)
    }
}

/// `add "CONTENT" source "SOURCE" cue "CUE" [type T] [outlet O]`.
public struct AddedClaim: Equatable, Sendable {
    public var content: String
    public var source: String?
    public var cue: String?
    public var sourceType: SourceType?
    public var outlet: String?

    static func parse(_ args: [String]) throws(REPLError) -> AddedClaim {
        guard let content = args.first, !content.isEmpty else { throw .usage(.add, "needs the content text") }
        var claim = AddedClaim(content: content)
        var i = 1
        while i < args.count {
            let key = args[i].lowercased()
            guard i + 1 < args.count else { throw .usage(.add, "\(TerminalSafe.escape(args[i])) needs a value") }
            let value = args[i + 1]
            switch key {
            case "source": claim.source = value
            case "cue": claim.cue = value
            case "outlet": claim.outlet = value
            case "type": claim.sourceType = try SourceTypeNames.parse(value, for: .add)
            default:
                throw .usage(.add, "unexpected \"\(TerminalSafe.escape(args[i]))\"; quote texts with spaces")
            }
            i += 2
        }
        return claim
    }

    init(content: String) { self.content = content }
}
