import ClaimModel
import Evaluation
import Extraction
import Foundation
import Interchange
import Learning

/// Trains the learned extractor on one gold file and measures it on another: the same scorer and
/// match mode as `tune`, the ECE over the model's confidences, training time, peak memory, model
/// size and extraction speed; `--curve` repeats training on growing prefixes of the training file.
enum TrainBench {
    struct Figures {
        var documents: Int
        var report: ScoreReport
        var ece: Double
        var trainSeconds: Double
        var extractMBps: Double
        /// CPU seconds of this process (the machine is shared: wall time counts other work too).
        var trainCPU: Double
        var extractCPUMBps: Double
        var modelBytes: Int
        var model: AttributionModel?
        /// The model's claims on each dev document, in the dev file's order.
        var predictions: [[Attribution]]
    }

    static func run(train: String, dev: String, documents: Int?, seed: UInt64, epochs: Int?, curve: Bool, rules: Bool,
                    errors: Bool = false, out: String? = nil) throws {
        let trainItems = try Corpus.load(train)
        let devItems = try Corpus.load(dev)
        // Refused before training, not after it.
        if let out { try OutputFile.prepare(out, what: "the predictions", reading: [train, dev]) }
        if rules { try printRules(devItems) }
        if curve {
            print("docs   attribution F1   P      R      content tok F1  source tok F1  ECE    train CPU s  claims")
            for n in [50, 100, 200, 400, 840] where n <= trainItems.count || n == 840 {
                let f = try measure(Array(trainItems.prefix(n)), devItems, seed: seed, epochs: epochs)
                // Which claims the model chose on its out-of-fold documents: the rules' (with its
                // learned cues' beside them) or its own readings.
                let keeps = f.model?.summary.keepsRulesClaims == true ? "rules'" : "own"
                print(String(format: "%4d   %.3f            %.3f  %.3f  %.3f           %.3f          %.3f  %-11.1f  ",
                             f.documents, f.report.attribution.f1, f.report.attribution.precision,
                             f.report.attribution.recall, f.report.roles[.content].tokenOverlap.f1,
                             f.report.roles[.source].tokenOverlap.f1, f.ece, f.trainCPU) + keeps)
            }
            return
        }
        let items = documents.map { Array(trainItems.prefix($0)) } ?? trainItems
        let f = try measure(items, devItems, seed: seed, epochs: epochs)
        if let out {
            let documents = zip(devItems, f.predictions).map { AnnotatedDocument(document: $0.document, attributions: $1) }
            guard FileManager.default.createFile(atPath: out, contents: Data(JSONLWriter.encode(documents).utf8)) else {
                throw BenchError.input("\(out): cannot write the predictions")
            }
        }
        if errors, let model = f.model {
            if model.summary.keepsRulesClaims {
                print("# this model keeps the rules' claims: the breakdown below is of its own readings, at its learned cues' "
                    + "threshold, not of what it extracts")
            }
            printErrors(try model.errorBreakdown(devItems.map { LabeledDocument(document: $0.document, attributions: $0.attributions) }))
        }
        print(ReportRenderer.table(f.report))
        print(Tune.summary(f.report))
        print(String(format: "ECE            %.3f  (10 equal-width bins, real = content-matched)", f.ece))
        print(String(format: "training       %.1f s wall, %.1f s CPU on %d documents (one thread)", f.trainSeconds, f.trainCPU,
                     f.documents))
        print(String(format: "peak memory    %.1f MiB (ru_maxrss)", Double(SpeedBench.peakResidentBytes()) / 1_048_576))
        print(String(format: "model          %.2f MB (%d bytes)", Double(f.modelBytes) / 1_000_000, f.modelBytes))
        print(String(format: "extraction     %.2f MB/s wall, %.2f MB/s CPU with the model", f.extractMBps, f.extractCPUMBps))
    }

    static func measure(_ train: [AnnotatedDocument], _ dev: [AnnotatedDocument], seed: UInt64, epochs: Int?) throws -> Figures {
        var options = TrainingOptions()
        options.seed = seed
        if let epochs { options.epochs = epochs }
        let data = train.map { LabeledDocument(document: $0.document, attributions: $0.attributions) }
        let clock = ContinuousClock()
        var model: AttributionModel?
        let cpu0 = cpuSeconds()
        let trainTime = try clock.measure { model = try AttributionModel.train(data, options: options) }
        let cpu1 = cpuSeconds()
        guard let model else { throw BenchError.input("training produced no model") }
        let bytes = model.encoded()
        let extractor = try ModelExtractor(model: try AttributionModel(decoding: bytes))
        var inputs: [ScoringInput] = []
        var predictions: [[Attribution]] = []
        let cpu2 = cpuSeconds()
        let extractTime = clock.measure {
            for item in dev { predictions.append(extractor.extract(item.document)) }
        }
        let cpu3 = cpuSeconds()
        for (item, predicted) in zip(dev, predictions) {
            inputs.append(ScoringInput(documentID: item.document.id, text: ScalarText(item.document.text),
                                       gold: item.attributions, predicted: predicted))
        }
        let report = Scorer(match: .overlap).score(inputs)
        let calibration = Calibration(report: report, inputs: inputs,
                                      patterns: predictions.map { Array(repeating: "model", count: $0.count) })
        let mb = Double(dev.reduce(0) { $0 + $1.document.text.utf8.count }) / 1_000_000
        return Figures(documents: train.count, report: report, ece: calibration.ece, trainSeconds: SpeedBench.seconds(trainTime),
                       extractMBps: mb / SpeedBench.seconds(extractTime), trainCPU: cpu1 - cpu0,
                       extractCPUMBps: mb / max(1e-9, cpu3 - cpu2), modelBytes: bytes.count, model: model,
                       predictions: predictions)
    }

    /// The model's own error breakdown on the dev file: where the missed attributions are lost.
    static func printErrors(_ b: ErrorBreakdown) {
        func share(_ n: Int) -> String { String(format: "%5d  %5.1f %%", n, 100 * Double(n) / Double(max(1, b.gold))) }
        print("# error breakdown on dev (\(b.gold) gold attributions, \(b.kept) kept readings, \(b.spurious) spurious)")
        print("found                 \(share(b.found))")
        print("never proposed        \(share(b.neverProposed))   no anchor on the gold cue")
        print("no fitting reading    \(share(b.noFittingReading))   anchored, no reading overlaps all three roles")
        print("below threshold       \(share(b.belowThreshold))   a fitting reading, its anchor kept nothing")
        print("wrong reading         \(share(b.wrongReading))   its anchor kept a reading that does not fit")
        print("lost to overlap       \(share(b.lostToOverlap))   dropped for a better-scoring reading's content")
        let n = Double(max(1, b.found))
        print(String(format: "boundaries of found   content token F1 %.3f (best offered %.3f), source %.3f (best offered %.3f)",
                     b.contentF1 / n, b.bestContentF1 / n, b.sourceF1 / n, b.bestSourceF1 / n))
        print("by kind of cue          gold  found  share   never  no-fit  below  wrong  overlap   kept  fitting   rare cue  found")
        for k in b.byCueKind where k.gold > 0 || k.kept > 0 {
            print(k.kind.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + String(format: "  %6d %6d  %5.3f  %6d  %6d %6d %6d  %7d  %5d    %5.3f  %9d  %5d", k.gold, k.found,
                           Double(k.found) / Double(max(1, k.gold)), k.neverProposed, k.noFittingReading, k.belowThreshold,
                           k.wrongReading, k.lostToOverlap, k.kept, Double(k.keptFitting) / Double(max(1, k.kept)),
                           k.rareCue, k.rareFound))
        }
        print(String(format: "rare cue: every word of the gold cue was a gold cue word in under %.0f %% of its training occurrences",
                     100 * ErrorBreakdown.rareCueRate))
        print("no fitting, by shape  " + b.noFittingShapes.map { "\($0.cue) \($0.count)" }.joined(separator: ", "))
        print("never-proposed cues   " + b.neverProposedCues.map { "\($0.cue) \($0.count)" }.joined(separator: ", "))
    }

    /// The rules alone on the same dev file, by the same scorer, for comparison.
    static func printRules(_ dev: [AnnotatedDocument]) throws {
        let rules = try RulesExtractor()
        let inputs = dev.map {
            ScoringInput(documentID: $0.document.id, text: ScalarText($0.document.text), gold: $0.attributions,
                         predicted: rules.extract($0.document))
        }
        print("# rules alone")
        print(Tune.summary(Scorer(match: .overlap).score(inputs)))
        print("# model")
    }
}

/// CPU seconds used by this process so far (user + system).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
