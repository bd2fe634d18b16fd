import ArgumentParser
import Evaluation
import Workbench

extension MatchMode: ExpressibleByArgument {}
extension ScoreGrouping: ExpressibleByArgument {}

/// `claimdesk score`: an extractor run against gold (another run, or the analysts' annotations).
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score a run against gold: P/R/F1 per claim, attribution and role.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "The run to score.") var runName: String
    @Option(name: .long, help: "Gold: another run's name, or 'annotations' (documents marked done).") var against = "annotations"
    @Option(name: .long, help: "overlap or exact content matching.") var match: MatchMode = .overlap
    @Option(name: .long, help: "source-type, outlet or cue-kind (the rules lexicon's class of the cue's first known verb, \"according to\", or other): the same figures per group.") var by: ScoreGrouping?
    @Option(name: .long, help: "Gold from this annotator only (default: all, where they agree).") var annotator: String?
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table
    @Flag(name: .long, help: "For a run a model made: also score the documents the model learned from (left out by default: they flatter it).")
    var includeTrained = false

    func run() throws {
        try Entry.run {
            Console.out(try global.openForReading().score(runName: runName, against: against, match: match, format: format,
                                         annotator: annotator, groupBy: by, includeTrained: includeTrained), format: format)
        }
    }
}

/// `claimdesk compare`: two or more runs against one gold, error category by error category.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two or more runs against one gold: per error category, what each gets right that the others miss.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "A run; give --run two or more times (A, B, C… in that order).") var runs: [String] = []
    @Option(name: .long, help: "Gold: a run's name, or 'annotations'.") var against = "annotations"
    @Option(name: .long, help: "overlap or exact content matching.") var match: MatchMode = .overlap
    @Option(name: .long, help: "Gold from this annotator only.") var annotator: String?
    @Option(name: .long, help: "Examples per category and side.") var examples = 3
    @Flag(name: .long, help: "Also compare on the documents a run's model learned from (left out by default).")
    var includeTrained = false
    @Option(name: .long, help: "table or json (keys: docs/ARCHITECTURE.md, \"Scoring definitions\").") var format: ListingFormat = .table

    func validate() throws {
        if runs.count < 2 { throw ValidationError("give two or more runs: --run A --run B [--run C …]") }
    }

    func run() throws {
        try Entry.run {
            Console.out(try global.openForReading().compare(runs: runs, against: against, match: match,
                                            annotator: annotator, examples: max(0, examples), includeTrained: includeTrained,
                                            format: format), format: format)
        }
    }
}

/// `claimdesk agreement`: how far the annotators agree.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Cohen's kappa per annotator pair and Krippendorff's alpha, on verdicts and source types.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table
    @Option(name: .customLong("run"), help: "Only the claims of this run (default: every run's).") var runName: String?

    func run() throws {
        try Entry.run { Console.out(try global.openForReading().agreement(format: format, runName: runName), format: format) }
    }
}
