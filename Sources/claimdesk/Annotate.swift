import ArgumentParser
import Workbench

/// `claimdesk annotate`: the review REPL (issue 4).
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Review claims in the REPL.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Annotator name (default: $CLAIMDESK_ANNOTATOR, else $USER).") var annotator: String?
    @Option(name: .long, help: "The run to review (default: rules).") var run: String?
    @Option(name: .long, help: "Start at this document (doc_id).") var doc: String?

    func run() throws {
        try Entry.run { throw WorkbenchError.usage("annotate: the review REPL is not available yet") }
    }
}

/// Bare `claimdesk`: a short status and what to do next.
enum StartCommand {
    static func run(global: GlobalOptions) throws {
        let workspace = try global.open()
        print(try workspace.status())
    }
}
