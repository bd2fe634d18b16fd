import ArgumentParser
import Workbench

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a run (or the reviewed gold, with its dataset card) as JSONL, CSV or brat.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "jsonl, csv or brat.") var format: ExportFormat = .jsonl
    @Option(name: .long, help: ArgumentHelp("Output file (a folder for brat).", valueName: "PATH")) var out: String
    @Option(name: .customLong("run"), help: "The run to export.") var runName: String?
    @Flag(name: .long, help: "Export the reviewed gold instead of a run (documents marked done).") var gold = false
    @Flag(name: .long, help: "With --gold: also documents not marked done, with the reviews they have.") var includePartial = false
    @Option(name: .long, help: "With --gold: only this annotator's gold.") var annotator: String?
    @Flag(name: .long, help: "Replace an output folder that exists and is not empty.") var force = false

    func validate() throws {
        if (runName == nil) == !gold { throw ValidationError("give exactly one of --run NAME or --gold") }
        if !gold && (includePartial || annotator != nil) {
            throw ValidationError("--include-partial and --annotator go with --gold")
        }
    }

    func run() throws {
        try Entry.run {
            let workspace = try global.open()
            let selection: ExportSelection = gold
                ? .gold(annotator: annotator, includePartial: includePartial)
                : .run(runName ?? "")
            Console.out(try workspace.export(ExportRequest(format: format, out: out, selection: selection, force: force)).summary)
        }
    }
}

/// `claimdesk report`: one self-contained HTML page with scores, calibration and agreement.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML evaluation report (scores, per-source-type bars, reliability diagram, agreement).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("Output file.", valueName: "PATH")) var out: String
    @Option(name: .customLong("run"), help: "The run to score (default: the most recent extractor run).") var runName: String?
    @Option(name: .long, help: "Gold: annotations (the analysts' reviews) or a run name.") var against = "annotations"
    @Option(name: .long, help: "With --against annotations: only this annotator's gold.") var annotator: String?

    func run() throws {
        try Entry.run {
            let workspace = try global.open()
            Console.out(try workspace.writeReport(ReportRequest(out: out, run: runName, against: against, annotator: annotator)))
        }
    }
}
