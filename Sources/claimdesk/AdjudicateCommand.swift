import ArgumentParser
import Foundation
import Terminal
import Workbench

/// `claimdesk adjudicate`: walk the claims annotators dispute and decide each (issue 5, item 5).
struct AdjudicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate",
        abstract: "Decide the claims annotators disagree on, in a REPL.",
        discussion: """
            Walks, document by document, the claims of documents that two or more annotators marked \
            done and on which their views differ; unanimous claims are accepted without a stop. \
            `pick NAME` takes one annotator's view; the correcting verbs and confirm/reject write the \
            final by hand. Each adjudication is an annotation of the adjudicator (--annotator), marked \
            "adjudication": true, and `score` takes the gold of those claims from it. `goto #ID` or \
            `goto DOC_ID` moves within the walk (a claim adjudicated in an earlier session comes back \
            into it), `undo` and `redo` take back and restore a whole adjudication, and `help` inside \
            lists every verb. A document whose gold comes from another run (most of its annotators \
            marked it done while reviewing that one) is left out: adjudicating it here would change no \
            gold. The first screen says how many; `goto DOC_ID` brings one back, --include-settled all.

            On a terminal: line editing, history, TAB completion, and with `keys on` (the same \
            remembered choice as in annotate) one key acts at an empty prompt: 1-9 pick the card's \
            annotators, c confirms, x rejects. Otherwise the verbs are read line by line and echoed \
            (exit 1 if a command was refused). Replies wrap to the terminal's width ($COLUMNS); a \
            card too narrow for the annotators' table shows one block per annotator.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The adjudicator \(Annotator.defaultHelp).") var annotator: String?
    @Option(name: .customLong("run"), help: "The run whose claims to adjudicate (default: rules, else the only run).") var runName: String?
    @Option(name: .long, help: "Adjudicate this document (doc_id) only.") var doc: String?
    @Flag(name: .long, help: "Also walk the documents whose gold comes from another run (left out by default: most of their annotators marked them done there).")
    var includeSettled = false

    func run() throws {
        try Entry.run {
            let adjudicator = try Annotator.resolve(annotator)
            let workspace = try global.open()
            // One live adjudication per adjudicator: its `undo` follows the adjudicator's log.
            let lock = try workspace.acquireSessionLock(annotator: adjudicator, kind: "adjudication")
            defer { withExtendedLifetime(lock) {} }
            let renderer = Renderer(style: Renderer.style(stdoutIsTerminal: isatty(1) == 1), wrapping: .terminal)
            let session: AdjudicationSession
            do {
                session = try AdjudicationSession(workspace: workspace, adjudicator: adjudicator,
                                                  runName: runName, document: doc, renderer: renderer,
                                                  includeSettled: includeSettled)
            } catch {
                throw WorkbenchError.usage(String(describing: error))
            }
            let status = REPL.runOnTerminal(session)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
