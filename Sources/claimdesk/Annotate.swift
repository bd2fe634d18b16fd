import ArgumentParser
import Foundation
import Terminal
import Workbench

extension QueueOrder: ExpressibleByArgument {}

/// `claimdesk annotate`: the review REPL (issue 4).
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review claims in the REPL.",
        discussion: """
            Without --doc the session opens where you stopped: the first claim without your verdict, \
            from the document of your last action on (else the first unreviewed claim). `help` inside \
            lists the verbs, `help VERB` explains one: the verdicts (confirm, correct the roles, reject, add \
            what was missed, done), your confidence and notes, and, after `claimdesk link`, `trail` (the \
            claim's path across outlets) and `same #N` / `different #N` (your verdict on a link).

            On a terminal: line editing, history in ~/.claimdesk_history, TAB completion, Ctrl-C clears \
            the line, Ctrl-D quits. Otherwise the verbs are read line by line and echoed, so \
            `claimdesk annotate < session.txt` replays a session (exit 1 if a command was refused).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Annotator name \(Annotator.defaultHelp).") var annotator: String?
    @Option(name: .customLong("run"), help: "The run to review (default: rules, else the only run).") var runName: String?
    @Option(name: .long, help: "Start at this document (doc_id).") var doc: String?
    @Option(name: .long, help: "The queue's order, remembered for you: document, uncertain or confidence.") var order: QueueOrder?
    @Flag(name: .long, help: "Also queue the documents you marked done while reviewing another run (left out by default: their gold stands).")
    var includeDone = false

    func run() throws {
        try Entry.run {
            let name = try Annotator.resolve(annotator)
            let workspace = try global.open()
            if let order { try ReviewDesk(workspace).setPreference("order", order.rawValue, annotator: name) }
            try AnnotateREPL.open(workspace, annotator: name, run: runName, doc: doc, includeDone: includeDone)
        }
    }
}

/// Bare `claimdesk`: on a new store, ingest corpora/ and extract; then the REPL, where this analyst stopped.
enum StartCommand {
    static func run(global: GlobalOptions) throws {
        let annotator = try Annotator.resolve(nil)
        let workspace = try global.open()
        if try workspace.store.documentCount() == 0 {
            guard FileManager.default.fileExists(atPath: "corpora") else {
                throw WorkbenchError.noInput("a new store and no corpora/ folder here: add documents with `claimdesk ingest PATH`")
            }
            REPL.writeStdout(try workspace.ingest(["corpora"]).summary + "\n")
        }
        if try workspace.store.runRefs().isEmpty {
            REPL.writeStdout(try workspace.extract(runName: "rules").summary + "\n")
        }
        try AnnotateREPL.open(workspace, annotator: annotator, run: nil, doc: nil)
    }
}

/// Wires a `Session` to the terminal: readline when stdin is a terminal, plain lines otherwise.
enum AnnotateREPL {
    static func open(_ workspace: Workspace, annotator: String, run: String?, doc: String?, includeDone: Bool = false) throws {
        // One live session per annotator: `undo` follows the annotator's log, which a second live
        // session would share (see `StoreMaintenance.acquireSessionLock`).
        let lock = try workspace.acquireSessionLock(annotator: annotator)
        defer { withExtendedLifetime(lock) {} }
        let renderer = Renderer(style: Renderer.style(stdoutIsTerminal: isatty(1) == 1), wrapping: .terminal)
        let session: Session
        do {
            session = try Session(workspace: workspace, annotator: annotator, runName: run, startDocument: doc, renderer: renderer,
                                  includeDone: includeDone)
        } catch {
            throw WorkbenchError.usage(error.description)
        }
        session.asksBeforeBulk = isatty(0) == 1
        let status = REPL.runOnTerminal(session)
        if status != 0 { throw ExitCode(status) }
    }
}
