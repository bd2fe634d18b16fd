import ArgumentParser
import Workbench

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export a run (or the reviewed gold) as JSONL, CSV or brat.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "jsonl, csv or brat.") var format: ExportFormat
    @Option(name: .long, help: ArgumentHelp("Output file (or folder for brat).", valueName: "PATH")) var out: String
    @Option(name: .long, help: "The run to export.") var run: String?
    @Flag(name: .long, help: "Export the reviewed gold instead of a run.") var gold = false

    func validate() throws {
        if (run == nil) == !gold { throw ValidationError("give exactly one of --run NAME or --gold") }
    }

    func run() throws {
        try Entry.run {
            let workspace = try global.open()
            guard let run, !gold else {
                throw WorkbenchError.usage("export --gold is not available yet")
            }
            switch format {
            case .jsonl: print(try workspace.exportJSONL(runName: run, to: out).summary)
            case .csv, .brat: throw WorkbenchError.usage("export --format \(format.rawValue) is not available yet")
            }
        }
    }
}

/// `claimdesk report`: one self-contained HTML page with scores, calibration and agreement (issue 6).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write an HTML evaluation report.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("Output file.", valueName: "PATH")) var out: String

    func run() throws {
        try Entry.run { throw WorkbenchError.usage("report is not available yet") }
    }
}
