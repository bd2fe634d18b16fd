import ClaimModel
import Workbench

/// Where a correcting verb puts a role.
public enum SpanTarget: Equatable, Sendable {
    /// Text found in the document, the occurrence nearest the claim.
    case text(String)
    /// Scalar offsets, `start ..< end`.
    case offsets(Int, Int)
    /// The role is absent (a sourceless claim has no source).
    case none
}

/// One parsed REPL line.
public enum Command: Equatable, Sendable {
    case next, prev
    case show(claim: String?, all: Bool)
    case goto(String)
    case list(QueueFilter?)
    case context
    case confirm
    case reject(reason: String?)
    case span(Role, SpanTarget)
    case outlet(String?)
    case type(SourceType)
    case anon(Bool)
    case entity(String?)
    case confidence(AnalystConfidence)
    case tag([String])
    case note(String)
    case add(AddedClaim)
    case undo, redo, done
    /// nil shows the filter; `.some(nil)` clears it.
    case filter(QueueFilter??)
    case progress, score
    case help(Verb?)
    case quit

    /// Parses a line; an empty line is nil (it does nothing).
    public static func parse(_ line: String) throws(REPLError) -> Command? {
        let words: [String]
        do { words = try Tokenizer.tokens(line) } catch { throw .tokens(error) }
        guard let head = words.first else { return nil }
        guard let verb = Verb.named(head) else { throw .unknownVerb(head, suggestion: Verb.nearest(to: head)) }
        return try parse(verb, Array(words.dropFirst()), rest: rest(of: line))
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

    static func parse(_ verb: Verb, _ args: [String], rest: String? = nil) throws(REPLError) -> Command {
        func none() throws(REPLError) {
            if !args.isEmpty { throw .usage(verb, "takes no arguments") }
        }
        func text() throws(REPLError) -> String {
            guard !args.isEmpty else { throw .usage(verb, "needs a value") }
            return args.joined(separator: " ")
        }
        switch verb {
        case .next: try none(); return .next
        case .prev: try none(); return .prev
        case .context: try none(); return .context
        case .confirm: try none(); return .confirm
        case .undo: try none(); return .undo
        case .redo: try none(); return .redo
        case .done: try none(); return .done
        case .progress: try none(); return .progress
        case .score: try none(); return .score
        case .quit: try none(); return .quit
        case .show:
            var all = false
            var id: String?
            for a in args {
                if a == "--all" { all = true; continue }
                if a.hasPrefix("-") { throw .usage(verb, "unknown option \(SafeText.escape(a))") }
                if id != nil { throw .usage(verb, "takes one claim ID") }
                id = a
            }
            return .show(claim: id, all: all)
        case .goto:
            guard args.count == 1 else { throw .usage(verb, "needs one claim ID or doc_id") }
            return .goto(args[0])
        case .list:
            return .list(args.isEmpty ? nil : try QueueFilter.parse(args, verb: verb))
        case .reject:
            return .reject(reason: args.isEmpty ? nil : rest ?? args.joined(separator: " "))
        case .source, .cue, .content:
            let role: Role = verb == .source ? .source : verb == .cue ? .cue : .content
            guard let first = args.first else { throw .usage(verb, "needs the text to find, --at START END or none") }
            if first == "--at" {
                guard args.count == 3, let start = Int(args[1]), let end = Int(args[2]) else {
                    throw .usage(verb, "--at needs two offsets, START END")
                }
                return .span(role, .offsets(start, end))
            }
            if args == ["none"] {
                if role == .content { throw .usage(verb, "a claim always has content") }
                return .span(role, .none)
            }
            return .span(role, .text(args.joined(separator: " ")))
        case .outlet:
            let value = try text()
            return .outlet(value == "none" ? nil : value)
        case .entity:
            let value = try text()
            return .entity(value == "none" ? nil : value)
        case .type:
            let value = try text()
            guard let type = SourceTypeNames.parse(value) else {
                throw .usage(verb, "\"\(SafeText.escape(value))\" is not a source type (\(SourceTypeNames.all.joined(separator: ", ")))")
            }
            return .type(type)
        case .anon:
            switch try text().lowercased() {
            case "yes", "y", "true": return .anon(true)
            case "no", "n", "false": return .anon(false)
            default: throw .usage(verb, "expected yes or no")
            }
        case .confidence:
            guard args.count == 1, let level = AnalystConfidence(rawValue: args[0].lowercased()) else {
                throw .usage(verb, "expected high, medium or low")
            }
            return .confidence(level)
        case .tag:
            guard !args.isEmpty else { throw .usage(verb, "needs a tag") }
            return .tag(args)
        case .note:
            _ = try text()
            return .note(rest ?? args.joined(separator: " "))
        case .add:
            return .add(try AddedClaim.parse(args))
        case .filter:
            if args.isEmpty { return .filter(nil) }
            if args.count == 1, ["off", "none", "clear", "all"].contains(args[0].lowercased()) { return .filter(.some(nil)) }
            return .filter(.some(try QueueFilter.parse(args, verb: verb)))
        case .help:
            guard args.count <= 1 else { throw .usage(verb, "takes at most one verb") }
            guard let word = args.first else { return .help(nil) }
            guard let target = Verb.named(word) else { throw .unknownVerb(word, suggestion: Verb.nearest(to: word)) }
            return .help(target)
        }
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
            guard i + 1 < args.count else { throw .usage(.add, "\(SafeText.escape(args[i])) needs a value") }
            let value = args[i + 1]
            switch key {
            case "source": claim.source = value
            case "cue": claim.cue = value
            case "outlet": claim.outlet = value
            case "type":
                guard let type = SourceTypeNames.parse(value) else {
                    throw .usage(.add, "\"\(SafeText.escape(value))\" is not a source type (\(SourceTypeNames.all.joined(separator: ", ")))")
                }
                claim.sourceType = type
            default:
                throw .usage(.add, "unexpected \"\(SafeText.escape(args[i]))\"; quote texts with spaces")
            }
            i += 2
        }
        return claim
    }

    init(content: String) { self.content = content }
}
