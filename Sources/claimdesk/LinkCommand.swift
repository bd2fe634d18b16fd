import ArgumentParser
import Workbench

extension TrailFormat: ExpressibleByArgument {}

/// `claimdesk link`: links a run's claims across documents and stores the clusters as a link run.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link claims that say the same thing across documents (clusters of re-reports) and store them as a link run.",
        discussion: """
            Claims are named by their row id, the `#` column of `claimdesk claims`; `trail` and the REPL's \
            `same`/`different` use the same numbers.

            Then: `claimdesk trail 121` (a claim's path across outlets), `claimdesk export --run rules \
            --format graphml --out links.graphml` (the graph for Gephi or networkx), `claimdesk score \
            --run rules --against GOLD` (the links against a gold run's clusters).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "The run whose claims to link (default: the run the review REPL would open).") var runName: String?
    @Option(name: .long, help: ArgumentHelp("The link run's name (default: the run's name).", valueName: "L")) var name: String?
    @Flag(name: .long, help: "Replace a link run of that name.") var replace = false

    func run() throws {
        try Entry.run {
            let (report, docIDs) = try global.open().link(run: runName, name: name, replace: replace)
            Console.out(report.summary(docIDs: docIDs))
        }
    }
}

/// `claimdesk trail`: who carried a claim, in which order, crediting whom, with which words.
struct TrailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trail",
        abstract: "Show the trail of a claim (its row id, `42` or `#42`, as `claims` lists it) or of every linked claim of a document.",
        discussion: """
            A document whose id is all digits is named `doc:ID`. Examples: `claimdesk trail 121`, \
            `claimdesk trail doc:010_calloway-ferry-toll`, `claimdesk trail 121 --format json` (the \
            provenance JSON of docs/FORMAT.md).
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A claim's row id (`42`, `#42`) or a doc_id.", valueName: "CLAIM_ID|DOC_ID")) var target: String
    @Option(name: .long, help: "text or json (the provenance JSON of the cluster(s)).") var format: TrailFormat = .text
    @Option(name: .customLong("link-run"), help: ArgumentHelp("The link run (default: the newest of the claim's run).", valueName: "L"))
    var linkRun: String?

    func run() throws {
        try Entry.run {
            let text = try global.openForReading().trail(TrailTarget(target), format: format, linkRun: linkRun, typed: target)
            Console.out(text.hasSuffix("\n") ? String(text.dropLast()) : text, format: format == .json ? .json : .table)
        }
    }
}
