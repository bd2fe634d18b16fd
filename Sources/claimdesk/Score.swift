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
    @Option(name: .long, help: "source-type or outlet: the same figures per group.") var by: ScoreGrouping?
    @Option(name: .long, help: "Gold from this annotator only (default: all, where they agree).") var annotator: String?
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table

    func run() throws {
        try Entry.run {
            print(try global.open().score(runName: runName, against: against, match: match, format: format,
                                         annotator: annotator, groupBy: by))
        }
    }
}
