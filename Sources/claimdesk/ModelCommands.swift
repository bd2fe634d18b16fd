import ArgumentParser
import ClaimModel
import Foundation
import Learning
import Workbench

extension TrainingOptions.Base: ExpressibleByArgument {}

/// `claimdesk train`: a model from gold in the store, stored with its provenance.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model on gold in the store (an imported gold run, or the analysts' done documents).",
        discussion: """
            The model is stored under --model with what it learned from (source, documents, a digest of the \
            data, options, date, versions, dev figures); `claimdesk models` lists them and \
            `claimdesk extract --model NAME` runs one (the rules plus the model). Same data and seed: the same model, byte for byte. \
            With --base rules it keeps the rules' claims as they are and adds its learned cues' claims where \
            that did better on held-out documents (and with a single document); otherwise it rescores them.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The new model's name.") var model: String
    @Option(name: .customLong("from"), help: ArgumentHelp("Train on the gold of this run (imported with import-gold or import-claims).", valueName: "RUN"))
    var fromRun: String?
    @Flag(name: .long, help: "Train on the analysts' gold: documents marked done (the gold `score` uses).") var gold = false
    @Option(name: .long, help: "With --gold: only this annotator's gold (default: all, where they agree).") var annotator: String?
    @Option(name: .long, help: "rules: the model builds on the rules' proposals; none: the model alone.")
    var base: TrainingOptions.Base = .rules
    @Option(name: .long, help: "Seed of the training's randomness: the same data and seed give the same model.") var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp("Measure the model (and the rules) on this gold run; the figures go into the provenance.", valueName: "RUN"))
    var dev: String?
    @Option(name: .long, help: ArgumentHelp("Also write the model to FILE (docs/FORMAT.md \"Model files\"), for `import-model`.", valueName: "FILE"))
    var out: String?
    @Flag(name: .long, help: "Replace a model of the same name instead of refusing.") var replace = false

    func validate() throws {
        if (fromRun == nil) == !gold { throw ValidationError("give one training source: --from RUN or --gold") }
        if annotator != nil && !gold { throw ValidationError("--annotator goes with --gold") }
    }

    func run() throws {
        try Entry.run {
            try Names.checked(model, what: "model name", origin: "--model")
            if let annotator { try Names.checked(annotator, what: "annotator name", origin: "--annotator") }
            if let out { try Workspace.checkModelOut(out) }
            let workspace = try global.open()
            if let out { try workspace.checkModelOut(out) }
            var options = TrainingOptions()
            options.base = base
            options.seed = seed
            let source: TrainingSource = fromRun.map { .run($0) } ?? .gold(annotator: annotator)
            // On a terminal, the stage under way on one line of stderr (about half a minute for PolNeAR's train split).
            let progress = ProgressLine(enabled: Console.stderrIsTerminal)
            defer { progress.finish() }
            let report = try workspace.train(TrainRequest(model: model, source: source, options: options, dev: dev, replace: replace)) { line in
                progress.update(0, 0) { TerminalSafe.escape(line) }
            }
            progress.finish()
            var lines = report.lines
            if let out {
                let size = try workspace.writeModelFile(model, to: out)
                lines.append("wrote \(out) (\(size) bytes)")
            }
            lines.append(report.next)
            Console.out(lines.joined(separator: "\n"))
        }
    }
}

/// `claimdesk models`: the trained models in the store.
struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the trained models: what each learned from, its digest, its dev F1.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "table or json (json: each model's whole provenance).") var format: ListingFormat = .table

    func run() throws {
        try Entry.run { Console.out(try global.openForReading().modelsListing(format: format), format: format) }
    }
}

/// `claimdesk import-model`: a model file (`train --out`) into this store.
struct ImportModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-model",
        abstract: "Store the model in FILE (written by `train --out`); a damaged or foreign file is refused.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as"), help: ArgumentHelp("Store it under this name (default: the name in the file).", valueName: "NAME"))
    var name: String?
    @Flag(name: .long, help: "Replace a model of the same name instead of refusing.") var replace = false
    @Argument(help: ArgumentHelp("A model file (docs/FORMAT.md \"Model files\").", valueName: "FILE")) var file: String

    func run() throws {
        try Entry.run {
            let workspace = try global.open()
            let imported = try workspace.importModel(file: file, as: name, replace: replace)
            let (model, summary) = (imported.model, imported.summary)
            Console.out("model \"\(model.name)\": imported from \(TerminalSafe.path(file)) (\(summary.family), \(plural(summary.documents, "document")), "
                + "\(plural(summary.attributions, "attribution")), digest \(model.digest.prefix(12)))")
            Console.out(try workspace.afterImport(imported).joined(separator: "\n"))
        }
    }
}
