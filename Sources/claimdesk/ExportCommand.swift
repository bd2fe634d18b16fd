import ArgumentParser
import Interchange
import Workbench

extension InterchangeFormat: ExpressibleByArgument {}

/// `--labels source=SPEAKER,cue=CUE,content=QUOTE`, shared by export and the import commands.
struct LabelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Span labels for doccano, Label Studio, Prodigy, INCEpTION, and brat T types on import (default Source, Cue, Content; matched case-insensitively).",
        valueName: "source=L,cue=L,content=L")) var labels: String?

    func validate() throws { _ = try map() }

    func map() throws -> LabelMap {
        guard let labels else { return .standard }
        switch LabelMap.parse(labels) {
        case let .success(map): return map
        case let .failure(issue): throw ValidationError("--labels: \(issue.message)")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a run (or the reviewed gold, with its dataset card) as JSONL, CSV, brat, doccano, Label Studio, Prodigy or INCEpTION.",
        discussion: "--format provenance or graphml writes a run's link clusters (after `claimdesk link`) as JSON or as a graph: give --run.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Output format (docs/FORMAT.md).") var format: ExportFormat = .jsonl
    @Option(name: .long, help: ArgumentHelp("Output file (a folder for brat and inception).", valueName: "PATH")) var out: String
    @Option(name: .customLong("run"), help: "The run to export.") var runName: String?
    @Flag(name: .long, help: "Export the reviewed gold instead of a run (documents marked done).") var gold = false
    @Flag(name: .long, help: "With --gold: also documents not marked done, with the reviews they have.") var includePartial = false
    @Option(name: .long, help: "With --gold: only this annotator's gold.") var annotator: String?
    @Flag(name: .long, help: "Replace an output file that exists, or an output folder holding an earlier export of the format (and nothing else).") var force = false
    @OptionGroup var labelOptions: LabelOptions

    func validate() throws {
        if (format == .provenance || format == .graphml) && runName == nil && !gold {
            // A link run's clusters: no gold form of them to offer (with --gold, the export says so).
            throw ValidationError("--format \(format.rawValue) exports a link run: give --run NAME (the run `claimdesk link` linked)")
        }
        if (runName == nil) == !gold { throw ValidationError("give exactly one of --run NAME or --gold") }
        if !gold && (includePartial || annotator != nil) {
            throw ValidationError("--include-partial and --annotator go with --gold")
        }
    }

    func run() throws {
        try Entry.run {
            let workspace = try global.openForReading()
            let selection: ExportSelection = gold
                ? .gold(annotator: annotator, includePartial: includePartial)
                : .run(runName ?? "")
            let request = ExportRequest(format: format, out: out, selection: selection, force: force, labels: try labelOptions.map())
            Console.out(try workspace.export(request).summary)
        }
    }
}

/// `claimdesk report`: one self-contained HTML page with scores, calibration and agreement.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML evaluation report (scores, per-source-type bars, reliability diagram, agreement).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("Output file.", valueName: "PATH")) var out: String
    @Option(name: .customLong("run"), help: "The run to score (default: rules, else the newest run of the built-in extractor's full profile, else the only run).") var runName: String?
    @Option(name: .long, help: "Gold: annotations (the analysts' reviews) or a run name.") var against = "annotations"
    @Option(name: .long, help: "With --against annotations: only this annotator's gold.") var annotator: String?
    @Flag(name: .long, help: "For a run a model made: also score the documents the model learned from (left out by default: they flatter it).")
    var includeTrained = false

    func run() throws {
        try Entry.run {
            let workspace = try global.openForReading()
            Console.out(try workspace.writeReport(ReportRequest(out: out, run: runName, against: against, annotator: annotator,
                                                                includeTrained: includeTrained)))
        }
    }
}
