import ClaimModel
import Foundation
import Interchange
import Learning

/// The learned extractor alone, timed over a corpus on one thread: MB/s of UTF-8 text by CPU time
/// (getrusage; the machine is shared, so wall time counts other work too) and by wall time, the
/// median of the timed passes. The model is read from a file (`claimdesk train --out`) or trained
/// here on a gold file. `--out` writes the predictions as JSONL and `--check` compares them, byte
/// for byte, with such a file: a speed change must not change a single output.
enum ModelSpeedBench {
    struct Source {
        var model: String?
        var train: String?
        var saveModel: String?
        var seed: UInt64
    }

    static func run(path: String, source: Source, repeats: Int, out: String?, check: String?) throws {
        let documents = try Corpus.load(path).map(\.document)
        let inputs = [path, source.model, source.train, check]
        if let out { try OutputFile.prepare(out, what: "the predictions", reading: inputs) }
        if let saved = source.saveModel { try OutputFile.prepare(saved, what: "the model", reading: inputs + [out]) }
        let model = try loadModel(source)
        let extractor = try ModelExtractor(model: model)
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        let mb = Double(bytes) / 1_000_000

        // One untimed pass: warms up, and gives the output that --out writes and --check compares.
        let predictions = documents.map { extractor.extract($0) }
        let claims = predictions.reduce(0) { $0 + $1.count }
        let lines = Array(JSONLWriter.encode(zip(documents, predictions).map {
            AnnotatedDocument(document: $0, attributions: $1)
        }).utf8)

        let clock = ContinuousClock()
        var cpu: [Double] = [], wall: [Double] = []
        for _ in 0..<repeats {
            var n = 0
            let c0 = cpuSeconds()
            let elapsed = clock.measure {
                for d in documents { n += extractor.extract(d).count }
            }
            cpu.append(cpuSeconds() - c0)
            wall.append(SpeedBench.seconds(elapsed))
            guard n == claims else { throw BenchError.input("a timed pass found \(n) claims, the first \(claims): not deterministic") }
        }
        print("model          \(model.summary.family), \(model.summary.features) features, \(model.encoded().count) bytes")
        print("documents      \(documents.count)")
        print("text           \(String(format: "%.2f", mb)) MB (UTF-8), \(repeats) timed passes, single thread")
        print("claims/pass    \(claims)")
        print("passes         " + zip(cpu, wall).map { String(format: "%.2f/%.2f", mb / $0, mb / $1) }.joined(separator: "  ")
              + "  MB/s CPU/wall")
        print(String(format: "extraction     %.2f MB/s CPU, %.2f MB/s wall (median of %d passes)",
                     mb / median(cpu), mb / median(wall), repeats))
        print("peak memory    \(String(format: "%.1f", Double(SpeedBench.peakResidentBytes()) / 1_048_576)) MiB (ru_maxrss)")
        print("output digest  \(String(format: "%016llx", fnv1a(lines))) (FNV-1a of the predictions' JSONL)")
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(lines)) else {
                throw BenchError.input("\(out): cannot write the predictions")
            }
        }
        if let check { try compare(lines, with: check) }
    }

    static func loadModel(_ source: Source) throws -> AttributionModel {
        if let train = source.train {
            var options = TrainingOptions()
            options.seed = source.seed
            let data = try Corpus.load(train).map { LabeledDocument(document: $0.document, attributions: $0.attributions) }
            let model: AttributionModel
            do { model = try AttributionModel.train(data, options: options) } catch {
                throw BenchError.input("\(train): cannot train: \(error)")
            }
            if let save = source.saveModel {
                guard FileManager.default.createFile(atPath: save, contents: Data(model.encoded())) else {
                    throw BenchError.input("\(save): cannot write the model")
                }
            }
            return model
        }
        guard let path = source.model else { throw BenchError.usage("give --model FILE or --train GOLD") }
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.input("\(path): cannot read the model") }
        do { return try AttributionModel(decoding: [UInt8](data)) } catch {
            throw BenchError.input("\(path): \(error)")
        }
    }

    /// Byte comparison with a saved output; the first differing line is named (document and offset).
    static func compare(_ lines: [UInt8], with path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.input("\(path): cannot read the saved output") }
        let saved = [UInt8](data)
        if saved == lines {
            print("check          identical to \(TerminalSafe.path(path)) (\(saved.count) bytes)")
            return
        }
        let mine = lines.split(separator: 0x0A, omittingEmptySubsequences: false)
        let theirs = saved.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = zip(mine, theirs).enumerated().first { !$0.element.0.elementsEqual($0.element.1) }?.offset
            ?? min(mine.count, theirs.count)
        throw BenchError.input("\(path):\(line + 1): the predictions differ from the saved ones "
                               + "(\(lines.count) bytes now, \(saved.count) saved)")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        if n == 0 { return .nan }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
