import ArgumentParser
import ClaimModel
import ClaimStore
import Foundation
import Workbench

/// `claimdesk-bench`: the extractor's developer loop and the benchmarks, one subcommand each.
/// Nothing here names a machine's folders: the gold corpus comes from `--gold` or `$CLAIMDESK_DATA`,
/// scratch stores and exports go to the system's temporary folder unless `--store`/`--out` say.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimdesk-bench",
        abstract: "The extractor's developer loop (speed, accuracy, calibration, error lists) and ClaimDesk's benchmarks.",
        subcommands: [Extract.self, Tune.self, Show.self, Pipeline.self, Score.self, REPL.self, Export.self, Contention.self,
                      Train.self, LinkCommand.self])

    /// Parses and runs; exit codes as `claimdesk`'s: 0 ok (help included), 1 failure, a usage error included
    /// (a developer tool: the parser's usage text follows the error).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            Foundation.exit(1)
        }
    }
}

/// Where the gold corpus is: `--gold PATH`, else `$CLAIMDESK_DATA` (a JSONL file in docs/FORMAT.md).
struct GoldOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Gold JSONL (docs/FORMAT.md); default: $\(GoldOption.variable).", valueName: "PATH"))
    var gold: String?

    static let variable = "CLAIMDESK_DATA"

    /// A usage error (exit 1, with the subcommand's usage) when neither names a corpus.
    func validate() throws { _ = try path() }

    func path() throws -> String {
        if let gold { return gold }
        if let path = ProcessInfo.processInfo.environment[Self.variable], !path.isEmpty { return path }
        throw ValidationError("no gold corpus: give --gold PATH or set \(Self.variable) to a JSONL file (docs/FORMAT.md)")
    }
}

/// A file in the system's temporary folder (`$TMPDIR`, else /tmp), for scratch stores and exports.
func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(name).path
}

/// Runs a bench body, turning `BenchError` into one stderr line and exit code 1 (a usage error
/// becomes the parser's, with the subcommand's usage after it, also exit 1).
func runBench(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as BenchError {
        if case let .usage(message) = error { throw ValidationError(message) }
        // Messages quote paths and values from the command line: escaped for the terminal.
        FileHandle.standardError.write(Data("claimdesk-bench: \(TerminalSafe.escape(error.description))\n".utf8))
        throw ExitCode(1)
    }
}

extension BenchCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extraction alone over the gold corpus's documents: MB/s, claims/s, documents, peak memory.",
            discussion: """
                With --model FILE (bytes of `claimdesk train --out`) or --train GOLD, the learned extractor alone: \
                MB/s of CPU and wall time, median of the passes; --out saves its predictions as JSONL and --check \
                compares them byte for byte with a saved file.
                """)
        @OptionGroup var gold: GoldOption
        @Option(name: .customLong("repeat"), help: "Timed passes (default: 5; 3 with a model).") var repeats: Int?
        @Option(help: ArgumentHelp("Measure the learned extractor with this model file.", valueName: "FILE")) var model: String?
        @Option(help: ArgumentHelp("Measure the learned extractor trained here on this gold file.", valueName: "GOLD")) var train: String?
        @Option(name: .customLong("save-model"), help: ArgumentHelp("With --train: write the model here.", valueName: "FILE"))
        var saveModel: String?
        @Option(help: "With --train: the training seed.") var seed: UInt64 = 1
        @Option(help: ArgumentHelp("With a model: write its predictions as JSONL.", valueName: "FILE")) var out: String?
        @Option(help: ArgumentHelp("With a model: fail unless its predictions equal this JSONL byte for byte.", valueName: "FILE"))
        var check: String?

        func validate() throws {
            if let repeats, repeats <= 0 { throw ValidationError("--repeat needs a positive number, not \(repeats)") }
            if model != nil && train != nil { throw ValidationError("give --model FILE or --train GOLD, not both") }
            if model == nil && train == nil {
                for (name, value) in [("--save-model", saveModel), ("--out", out), ("--check", check)] where value != nil {
                    throw ValidationError("\(name) needs --model FILE or --train GOLD")
                }
            }
            if saveModel != nil && train == nil { throw ValidationError("--save-model needs --train GOLD") }
        }
        func run() throws {
            try runBench {
                if model != nil || train != nil {
                    try ModelSpeedBench.run(path: try gold.path(),
                                            source: .init(model: model, train: train, saveModel: saveModel, seed: seed),
                                            repeats: repeats ?? 3, out: out, check: check)
                } else {
                    try SpeedBench.run(path: try gold.path(), repeats: repeats ?? 5)
                }
            }
        }
    }

    struct Tune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract and score against the gold: per-role figures, errors by kind, ECE.",
            discussion: "--show lists examples of one error kind; --calibrate prints confidence.txt.")
        @OptionGroup var gold: GoldOption
        @Option(help: "List examples of one error kind: missed, spurious, wrong-source, wrong-cue or boundary.") var show: String?
        @Option(help: "Examples listed by --show.") var limit = 20
        @Flag(help: "Print confidence.txt (the per-pattern confidences) from the gold.") var calibrate = false
        @Option(help: "Only the claims of one pattern key.") var pattern: String?
        @Option(help: ArgumentHelp("Write the predictions as JSONL.", valueName: "PREDICTIONS.jsonl")) var out: String?

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit needs a positive number, not \(limit)") }
            if let show { _ = try Examples.kind(named: show) }
        }
        func run() throws {
            try runBench {
                try claimdesk_bench.Tune.run(path: try gold.path(), show: show, limit: limit, calibrate: calibrate,
                                             pattern: pattern, out: out)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The extractor's attributions on a text, marked inline.")
        @Argument(help: ArgumentHelp("A plain text or a JSONL file.", valueName: "FILE.txt|FILE.jsonl")) var file: String
        @Option(help: "The publisher of a plain text.") var publisher: String?

        func run() throws { try runBench { try claimdesk_bench.Show.run(path: file, publisher: publisher) } }
    }

    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "`ingest` and `extract` end to end with storing, on N copies of the gold corpus: MB/s (SQLite, and PostgreSQL with --store).")
        @OptionGroup var gold: GoldOption
        @Option(help: "Copies of the corpus.") var copies = 20
        @Option(help: ArgumentHelp("An empty PostgreSQL database to run the same ingest and extract on, after SQLite's.",
                                   valueName: "URL"))
        var store: String?

        func validate() throws {
            guard copies > 0 else { throw ValidationError("--copies needs a positive number, not \(copies)") }
            if let store, !StoreLocation.isPostgresURL(store) {
                throw ValidationError("--store takes a postgresql:// URL (SQLite's figures are always measured on a scratch file)")
            }
        }
        func run() throws { try runBench { try PipelineBench.run(path: try gold.path(), copies: copies, store: store) } }
    }

    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The scorer at scale: 1M predictions against 1M gold attributions.")
        func run() { ScoreBench.run() }
    }

    struct REPL: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The review REPL's latencies on a large store: start-up, next, show, confirm (median, p99).")
        @Option(help: ArgumentHelp("The store to build or reuse (a file or a postgresql:// URL); default: claimdesk-repl-bench.sqlite in the temporary folder.",
                                   valueName: "PATH|URL"))
        var store: String?
        @Option(help: "Documents when building.") var docs = 100_000
        @Option(help: "Claims per document when building.") var claims = 10
        @Option(help: "Timed calls per verb.") var iterations = 2000
        @Flag(help: "Build a fresh store.") var rebuild = false

        func validate() throws {
            for (name, value) in [("--docs", docs), ("--claims", claims), ("--iterations", iterations)] where value <= 0 {
                throw ValidationError("\(name) needs a positive number, not \(value)")
            }
        }
        func run() throws {
            let status = REPLBench.run(path: store ?? temporaryPath("claimdesk-repl-bench.sqlite"), documents: docs, claims: claims,
                                       iterations: iterations, rebuild: rebuild)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A gold export at scale: seconds, MB/s and peak memory.",
            discussion: "The first run builds the store (slow); run again to measure the export alone in a fresh process.")
        @Option(help: ArgumentHelp("The store to build or reuse (a file or a postgresql:// URL); default: claimdesk-export-bench.sqlite in the temporary folder.",
                                   valueName: "PATH|URL"))
        var store: String?
        @Option(help: "Gold attributions when building.") var attributions = 1_000_000
        @Option(name: .customLong("per-document"), help: "Attributions per document when building.") var perDocument = 10
        @Option(help: ArgumentHelp("The export; default: claimdesk-export-bench.jsonl in the temporary folder.", valueName: "PATH"))
        var out: String?
        @Option(help: ArgumentHelp("jsonl, csv or brat.", valueName: "FORMAT")) var format: String = "jsonl"

        func validate() throws {
            guard attributions > 0 else { throw ValidationError("--attributions needs a positive number, not \(attributions)") }
            guard perDocument > 0 else { throw ValidationError("--per-document needs a positive number, not \(perDocument)") }
            guard ExportFormat(rawValue: format) != nil else { throw ValidationError("--format takes jsonl, csv or brat, not \(format)") }
        }
        func run() throws {
            let status = ExportBench.run(store: store ?? temporaryPath("claimdesk-export-bench.sqlite"),
                                         out: out ?? temporaryPath("claimdesk-export-bench.jsonl"),
                                         total: attributions, perDocument: perDocument, format: ExportFormat(rawValue: format) ?? .jsonl)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension BenchCommand {
    struct Contention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An analyst's confirm next to `claimdesk extract` of an N MB document in another process.",
            discussion: "Prints every confirm's wait, the extract's time and peak memory.")
        @Option(help: "Size of the generated document in MB.") var mb = 50
        @Option(help: "Milliseconds between two confirms.") var every = 20
        @Option(help: ArgumentHelp("The store to build (replaced); default: claimdesk-contention.sqlite in the temporary folder.", valueName: "PATH"))
        var store: String?
        @Option(help: ArgumentHelp("The binary that runs the extract; default: the claimdesk beside this bench.", valueName: "PATH"))
        var claimdesk: String?

        func validate() throws {
            guard mb > 0 else { throw ValidationError("--mb needs a positive number, not \(mb)") }
            guard every > 0 else { throw ValidationError("--every needs a positive number, not \(every)") }
        }
        func run() throws {
            let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("claimdesk").path
            let status = ContentionBench.run(megabytes: mb, every: every, store: store ?? temporaryPath("claimdesk-contention.sqlite"),
                                             binary: claimdesk ?? beside)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case input(String)

    var description: String {
        switch self {
        case let .usage(message): return message
        case let .input(message): return message
        }
    }
}
