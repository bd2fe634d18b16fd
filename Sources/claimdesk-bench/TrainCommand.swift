import ArgumentParser

extension BenchCommand {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the learned extractor on one gold file, score it on another: F1, token F1, ECE, time, memory, size, speed.",
            discussion: "--curve trains on the first 50, 100, 200, 400 and 840 documents and prints the learning curve.")
        @Option(help: ArgumentHelp("Training gold (docs/FORMAT.md JSONL).", valueName: "FILE")) var train: String
        @Option(help: ArgumentHelp("Gold to measure on (docs/FORMAT.md JSONL).", valueName: "FILE")) var dev: String
        @Option(help: "Train on the first N documents only.") var docs: Int?
        @Option(help: "The training seed.") var seed: UInt64 = 1
        @Option(help: "Training epochs (default: the model's).") var epochs: Int?
        @Flag(help: "Print the learning curve (50, 100, 200, 400, 840 documents).") var curve = false
        @Flag(help: "Print the rules alone on the dev file first.") var rules = false
        @Flag(help: "Print where the model loses dev attributions (never proposed, no fitting reading, dropped, wrong reading).")
        var errors = false
        @Option(help: ArgumentHelp("Write the model's predictions on the dev file to FILE (docs/FORMAT.md JSONL).", valueName: "FILE"))
        var out: String?

        func validate() throws {
            if let docs, docs <= 0 { throw ValidationError("--docs needs a positive number, not \(docs)") }
            if let epochs, epochs <= 0 { throw ValidationError("--epochs needs a positive number, not \(epochs)") }
            if out != nil && curve { throw ValidationError("--out writes one model's dev claims; --curve trains five models") }
        }
        func run() throws {
            try runBench {
                try TrainBench.run(train: train, dev: dev, documents: docs, seed: seed, epochs: epochs, curve: curve, rules: rules,
                                   errors: errors, out: out)
            }
        }
    }
}
