import ClaimModel
import Workbench

/// One verb of the adjudication REPL, declared once like `Verb` for the review REPL. The verbs
/// that write the final by hand (`confirm`, `reject`, `source`…) are the review REPL's own: their
/// arguments are read by the same `Verb`, so they read and fail exactly as they do in `annotate`.
public struct AdjudicationVerb: VerbTable {
    public typealias Host = AdjudicationSession
    public typealias Failure = AdjudicationError
    /// What a parsed line does to the session.
    public typealias Action = (AdjudicationSession) throws(AdjudicationError) -> Reply

    public let name: String
    public let aliases: [String]
    public let usage: String
    public let summary: String
    public let details: [String]
    public let complete: @Sendable (AdjudicationSession, [String]) -> [String]
    public let parse: @Sendable (AdjudicationVerb, Arguments) throws(AdjudicationError) -> Action

    /// Aliases and usage default to the review REPL's verb of the same name.
    init(_ name: String, usage: String? = nil, _ summary: String, details: [String] = [],
         complete: @escaping @Sendable (AdjudicationSession, [String]) -> [String] = { _, _ in [] },
         parse: @escaping @Sendable (AdjudicationVerb, Arguments) throws(AdjudicationError) -> Action) {
        let shared = Verb.allCases.first { $0.name == name }
        self.name = name
        self.aliases = shared?.aliases ?? []
        self.usage = usage ?? shared?.usage ?? name
        self.summary = summary
        self.details = details
        self.complete = complete
        self.parse = parse
    }

    /// A verb without arguments whose action gives the reply's text.
    static func simple(_ name: String, usage: String? = nil, _ summary: String, details: [String] = [],
                       run: @escaping @Sendable (AdjudicationSession) throws(AdjudicationError) -> String) -> AdjudicationVerb {
        AdjudicationVerb(name, usage: usage, summary, details: details) { verb, args throws(AdjudicationError) in
            if !args.isEmpty { throw .usage(verb, "takes no arguments") }
            return { session throws(AdjudicationError) in Reply(text: try run(session)) }
        }
    }

    /// A review verb that writes the claim, here writing the final.
    static func writing(_ shared: Verb, _ summary: String, details: [String],
                        complete: @escaping @Sendable (AdjudicationSession, [String]) -> [String] = { _, _ in [] }) -> AdjudicationVerb {
        AdjudicationVerb(shared.name, summary, details: details, complete: complete) { verb, args throws(AdjudicationError) in
            guard let read = shared.edit else { throw .usage(verb, "is not available here") }
            let edit: Edit
            do throws(REPLError) { edit = try read(shared, args) } catch { throw .repl(error) }
            return { session throws(AdjudicationError) in Reply(text: try session.write(edit)) }
        }
    }

    public static let allCases: [AdjudicationVerb] = [
        .pick,
        .confirm, .reject,
        .source, .cue, .content, .outlet, .type, .anon, .entity,
        .next, .prev, .skip, .goto, .show, .undo, .redo, .progress, .keys, .help, .quit,
    ]

    /// A verb of `annotate` that adjudication has not ("note", "done") is named as such, rather
    /// than matched to a verb of similar spelling.
    public static func unknownVerb(_ word: String, suggestion: AdjudicationVerb?) -> AdjudicationError {
        Verb.named(word) != nil ? .reviewVerb(word) : .unknownVerb(word, suggestion: suggestion)
    }
    public static func tokens(_ failure: Tokenizer.Failure) -> AdjudicationError { .repl(.tokens(failure)) }
}

// MARK: - The adjudication REPL's verbs

extension AdjudicationVerb {
    public static let pick = AdjudicationVerb(
        "pick", usage: "pick NAME | N", "take annotator NAME's view as the final (their verdict and fields); moves on",
        details: [
            "NAME is one of the annotators who marked the document done (the rows of the screen);",
            "  a number N is the Nth row (pick 2 = the second annotator), unless an annotator is named N.",
            "Their corrected fields are written as yours, then their verdict: one transaction.",
        ],
        complete: { session, args in args.isEmpty ? session.current?.annotators ?? [] : [] }
    ) { verb, args throws(AdjudicationError) in
        guard args.count == 1 else { throw .usage(verb, args.isEmpty ? "needs an annotator's name" : "takes one annotator's name") }
        let name = args[0]
        return { session throws(AdjudicationError) in Reply(text: try session.pick(name)) }
    }

    static let verdictDetails = [
        "Starts from the claim as stored (or as you corrected it); correct fields first to write a different final.",
    ]

    static func fieldDetails(_ shared: Verb) -> [String] {
        ["Changes the final in place; `confirm` then records it."] + shared.details
    }

    public static let confirm = writing(.confirm, "the final: the claim as you have it now is right; moves on", details: verdictDetails)
    public static let reject = writing(.reject, "the final: not an attribution; moves on", details: verdictDetails)
    public static let source = writing(.source, "write the final's source: TEXT is found in the document near the claim",
                                       details: fieldDetails(.source))
    public static let cue = writing(.cue, "write the final's cue", details: fieldDetails(.cue))
    public static let content = writing(.content, "write the final's content", details: fieldDetails(.content))
    public static let outlet = writing(.outlet, "write the final's outlet", details: fieldDetails(.outlet))
    public static let type = writing(.type, "write the final's source type", details: fieldDetails(.type),
                                     complete: { _, args in args.isEmpty ? SourceTypeNames.all : [] })
    public static let anon = writing(.anon, "write whether the final's source is anonymous", details: fieldDetails(.anon),
                                     complete: { _, args in args.isEmpty ? ["yes", "no"] : [] })
    public static let entity = writing(.entity, "write the final's source entity", details: fieldDetails(.entity))

    public static let next = simple("next", "the next disputed claim") { session throws(AdjudicationError) in try session.move(forward: true) }
    public static let prev = simple("prev", "the previous disputed claim") { session throws(AdjudicationError) in try session.move(forward: false) }
    public static let skip = simple("skip", usage: "skip", "leave this claim undecided; the next one awaiting adjudication") {
        session throws(AdjudicationError) in try session.skip()
    }
    public static let goto = AdjudicationVerb(
        "goto", usage: "goto #ID | DOC_ID | PREFIX", "move to disputed claim ID, or to the first disputed claim of document DOC_ID",
        details: [
            "#ID (with the #) is always claim #ID; digits that begin no doc_id of the walk are a claim too.",
            "A claim adjudicated before this session comes back into the walk, to be decided again.",
            "A doc_id, or the beginning of one, names a document two or more annotators marked done:",
            "  its first claim awaiting adjudication (else its first disputed one).",
        ],
        complete: { session, args in args.isEmpty ? session.documents.map(\.docID) : [] }
    ) { verb, args throws(AdjudicationError) in
        guard args.count == 1, !args[0].isEmpty else { throw .usage(verb, "needs one claim ID or doc_id") }
        let target = args[0]
        return { session throws(AdjudicationError) in Reply(text: try session.goto(target)) }
    }
    public static let show = AdjudicationVerb(
        "show", usage: "show [#ID]", "the current claim again, or disputed claim ID (without moving)"
    ) { verb, args throws(AdjudicationError) in
        guard args.count <= 1 else { throw .usage(verb, "takes at most one claim ID") }
        let target = args.first
        return { session throws(AdjudicationError) in Reply(text: try session.show(target)) }
    }
    public static let undo = simple(
        "undo", "undo your last adjudication (a pick as a whole)",
        details: ["Nothing is erased: undo appends one undo entry per entry of the adjudication, in one transaction."]
    ) { session throws(AdjudicationError) in try session.undo() }
    public static let redo = simple(
        "redo", "redo the adjudication undo took back (a pick as a whole)",
        details: ["Redo follows undo, before any new adjudication; one redo entry per undo entry, in one transaction."]
    ) { session throws(AdjudicationError) in try session.redo() }
    public static let progress = simple(
        "progress", "how many disputed claims are adjudicated, and which documents are still left out"
    ) { $0.progress() }

    public static let keys = AdjudicationVerb(
        "keys", Verb.keys.summary, details: KeyMap.helpLines + KeyMap.adjudication.details,
        complete: { _, args in args.isEmpty ? ["on", "off"] : [] }
    ) { _, args throws(AdjudicationError) in
        let change: Bool?
        do throws(REPLError) { change = try Verb.keysChange(.keys, args) } catch { throw .repl(error) }
        return { session throws(AdjudicationError) in Reply(text: try session.keys(change)) }
    }

    public static let help = AdjudicationVerb(
        "help", "the verbs, or one verb in detail", complete: { _, args in args.isEmpty ? AdjudicationVerb.names : [] }
    ) { verb, args throws(AdjudicationError) in
        guard args.count <= 1 else { throw .usage(verb, "takes at most one verb") }
        var target: AdjudicationVerb?
        if let word = args.first {
            guard let named = AdjudicationVerb.named(word) else {
                throw AdjudicationVerb.unknownVerb(word, suggestion: AdjudicationVerb.nearest(to: word))
            }
            target = named
        }
        return { _ in Reply(text: AdjudicationSession.help(target)) }
    }

    public static let quit = AdjudicationVerb("quit", "leave (every adjudication is already saved)") {
        verb, args throws(AdjudicationError) in
        if !args.isEmpty { throw .usage(verb, "takes no arguments") }
        return { _ in Reply(text: "bye: every adjudication is saved", quit: true) }
    }
}

/// One parsed line of the adjudication REPL: the verb, and what it will do (nothing has changed yet).
public struct AdjudicationCommand {
    public let verb: AdjudicationVerb
    let run: AdjudicationVerb.Action

    /// Parses a line; an empty line is nil (it does nothing).
    public static func parse(_ line: String) throws(AdjudicationError) -> AdjudicationCommand? {
        guard let (verb, run) = try AdjudicationVerb.action(for: line) else { return nil }
        return AdjudicationCommand(verb: verb, run: run)
    }
}

/// Everything the adjudication REPL can refuse, one line each. A refused command changes nothing.
public enum AdjudicationError: Error, Equatable, CustomStringConvertible {
    case repl(REPLError)
    case unknownVerb(String, suggestion: AdjudicationVerb?)
    /// A verb of the review REPL that adjudication does not have.
    case reviewVerb(String)
    case usage(AdjudicationVerb, String)
    case unknownAnnotator(String, known: [String])
    case nothingToAdjudicate(run: String)
    case nothingToUndo(run: String)
    case nothingToRedo
    /// `goto`/`show` of a claim or document outside the walk (not in a document two or more
    /// annotators marked done).
    case notInWalk(claim: String)
    case documentNotInWalk(String)
    /// A claim of the walk the annotators agree on, or a document with none they dispute.
    case notDisputed(Int64)
    case nothingDisputed(document: String)
    /// `show` of a claim an adjudication decided before this session (not in the walk until `goto`).
    case decidedBefore(Int64)
    /// `show` of a claim in a document left out of the walk (its gold comes from another run).
    case leftOut(claim: String, document: String)

    public var description: String {
        switch self {
        case let .repl(error):
            return error.description
        case let .unknownVerb(word, suggestion):
            let hint = suggestion.map { "; did you mean \"\($0.rawValue)\"?" } ?? "; `help` lists the verbs"
            return "unknown verb \"\(TerminalSafe.escape(word))\"\(hint)"
        case let .reviewVerb(word):
            return "\"\(TerminalSafe.escape(word))\" is a verb of `claimdesk annotate`, not of adjudication; `help` lists the verbs here"
        case let .usage(verb, message):
            return "\(verb.rawValue): \(message) (usage: \(verb.usage))"
        case let .unknownAnnotator(name, known):
            return "pick: \"\(TerminalSafe.escape(name))\" did not mark this document done; pick one of "
                + known.map(TerminalSafe.escape).joined(separator: ", ") + "; nothing changed"
        case let .nothingToAdjudicate(run):
            return "nothing to adjudicate in run \"\(TerminalSafe.escape(run))\": no claim is disputed (`progress` says why)"
        case let .nothingToUndo(run):
            return "nothing to undo: you have no adjudication in run \"\(TerminalSafe.escape(run))\" left to undo"
        case .nothingToRedo:
            return "nothing to redo (redo follows undo, before any new adjudication)"
        case let .notInWalk(claim):
            return "no claim #\(TerminalSafe.escape(claim)) in the documents two or more annotators marked done"
        case let .documentNotInWalk(id):
            return "no document \"\(TerminalSafe.escape(id))\" among the documents two or more annotators marked done"
        case let .notDisputed(id):
            return "claim #\(id) is not disputed: its annotators agree, so there is nothing to adjudicate"
        case let .nothingDisputed(document):
            return "document \"\(TerminalSafe.escape(document))\" has no disputed claim in this walk (its annotators agree, "
                + "or every dispute was adjudicated before: goto #ID takes one up again)"
        case let .decidedBefore(id):
            return "claim #\(id) was adjudicated before this session: goto #\(id) brings it back into the walk"
        case let .leftOut(claim, document):
            return "claim #\(TerminalSafe.escape(claim)) is in document \"\(TerminalSafe.escape(document))\", left out of the walk "
                + "(its gold comes from another run): goto #\(TerminalSafe.escape(claim)) brings it back"
        }
    }
}
