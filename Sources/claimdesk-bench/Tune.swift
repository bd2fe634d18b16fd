import ClaimModel
import Evaluation
import Extraction
import Foundation
import Interchange

/// Extract + score on a gold file: the figures, the errors by kind, calibration, and examples.
enum Tune {
    static func run(path: String, show: String?, limit: Int, calibrate: Bool, pattern: String?, out: String?) throws {
        let items = try Corpus.load(path)
        // Refused before the work, as `train --out` is.
        if let out { try OutputFile.prepare(out, what: "the predictions", reading: [path]) }
        let extractor = try RulesExtractor()
        var inputs: [ScoringInput] = []
        var patterns: [[String]] = []
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for item in items {
                let detailed = extractor.extractDetailed(item.document)
                patterns.append(detailed.map(\.pattern))
                inputs.append(ScoringInput(documentID: item.document.id, text: ScalarText(item.document.text),
                                           gold: item.attributions, predicted: detailed.map(\.attribution)))
            }
        }
        let report = Scorer(match: .overlap).score(inputs)
        if let out {
            // The predictions in docs/FORMAT.md JSONL, for reading them with other tools.
            let documents = zip(items, inputs).map { AnnotatedDocument(document: $0.document, attributions: $1.predicted) }
            guard FileManager.default.createFile(atPath: out, contents: Data(JSONLWriter.encode(documents).utf8)) else {
                throw BenchError.input("\(out): cannot write the predictions")
            }
        }
        print(ReportRenderer.table(report))
        print(summary(report))
        let calibration = Calibration(report: report, inputs: inputs, patterns: patterns)
        print(String(format: "calibration    ECE %.3f  Brier %.3f  (10 equal-width bins, real = content-matched)",
                     calibration.ece, calibration.brier))
        print(String(format: "held-out ECE   %.3f  (2-fold by document: confidence.txt measured on one half, "
                     + "applied to the other)", calibration.crossValidatedECE()))
        print(calibration.reliabilityTable())
        print("per pattern (precision = content-matched / predicted):")
        print(calibration.patternTable(limit: 60))
        print(String(format: "extract+index  %.2f s for %d documents", SpeedBench.seconds(elapsed), items.count))
        if calibrate {
            print("\n# ---- confidence.txt ----")
            print(calibration.resourceFile(gold: (path as NSString).lastPathComponent, documents: items.count))
        }
        if let show {
            try Examples.print(kind: show, report: report, inputs: inputs, patterns: patterns, limit: limit,
                               pattern: pattern)
        }
    }

    static func summary(_ r: ScoreReport) -> String {
        func f(_ p: PRF) -> String { String(format: "P %.3f R %.3f F1 %.3f", p.precision, p.recall, p.f1) }
        var lines: [String] = []
        lines.append("claim          " + f(r.claim) + "  (tp \(r.claim.truePositives), pred \(r.claim.predicted), gold \(r.claim.gold))")
        lines.append("attribution    " + f(r.attribution))
        for role in Role.allCases {
            let s = r.roles[role]
            lines.append("\(role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))token   " + f(s.tokenOverlap)
                         + "   exact " + f(s.exact))
        }
        let e = r.errors
        lines.append("errors         missed \(e.missed)  spurious \(e.spurious)  wrong-source \(e.wrongSource)  "
                     + "wrong-cue \(e.wrongCue)  boundary \(e.boundaryOnly)")
        return lines.joined(separator: "\n")
    }
}

/// Confidence against reality: a prediction is real when it is content-matched to gold.
struct Calibration {
    var samples: [(confidence: Double, real: Bool, pattern: String)] = []
    var documentOf: [Int] = []

    init(report: ScoreReport, inputs: [ScoringInput], patterns: [[String]]) {
        for (d, detail) in report.details.enumerated() {
            let matched = Set(detail.pairs.map(\.predicted))
            for (p, a) in inputs[d].predicted.enumerated() {
                samples.append((a.confidence ?? 0.5, matched.contains(p), patterns[d][p]))
                documentOf.append(d)
            }
        }
    }

    private init(samples: [(confidence: Double, real: Bool, pattern: String)]) {
        self.samples = samples
    }

    var ece: Double {
        var sum = 0.0
        for bin in bins() where bin.count > 0 {
            sum += Double(bin.count) * abs(bin.meanConfidence - bin.accuracy)
        }
        return samples.isEmpty ? 0 : sum / Double(samples.count)
    }

    /// Documents split by parity: each half's confidences come from the table measured on the
    /// other half (same shrinkage as `resourceFile`), then ECE over all claims.
    func crossValidatedECE() -> Double {
        var rescored: [(confidence: Double, real: Bool, pattern: String)] = []
        for fold in 0..<2 {
            let train = Calibration(samples: samples.indices.filter { documentOf[$0] % 2 != fold }.map { samples[$0] })
            let table = train.table()
            for i in samples.indices where documentOf[i] % 2 == fold {
                let s = samples[i]
                let family = String(s.pattern.split(separator: "/").first ?? "")
                let value = table[s.pattern] ?? table[family] ?? table["default"] ?? 0.5
                rescored.append((value, s.real, s.pattern))
            }
        }
        return Calibration(samples: rescored).ece
    }

    /// Pattern → shrunk precision, as `resourceFile` writes it.
    func table() -> [String: Double] {
        var result: [String: Double] = [:]
        for line in resourceLines() {
            let words = line.split(separator: " ")
            if words.count >= 2, let value = Double(words[1]) { result[String(words[0])] = value }
        }
        return result
    }

    var brier: Double {
        samples.isEmpty ? 0
            : samples.reduce(0) { $0 + pow($1.confidence - ($1.real ? 1 : 0), 2) } / Double(samples.count)
    }

    struct Bin {
        var lower: Double
        var count = 0
        var confidenceSum = 0.0
        var real = 0
        var meanConfidence: Double { count == 0 ? 0 : confidenceSum / Double(count) }
        var accuracy: Double { count == 0 ? 0 : Double(real) / Double(count) }
    }

    func bins() -> [Bin] {
        var bins = (0..<10).map { Bin(lower: Double($0) / 10) }
        for s in samples {
            let b = min(9, max(0, Int(s.confidence * 10)))
            bins[b].count += 1
            bins[b].confidenceSum += s.confidence
            if s.real { bins[b].real += 1 }
        }
        return bins
    }

    func reliabilityTable() -> String {
        var lines = ["bin        n      conf   real"]
        for b in bins() where b.count > 0 {
            lines.append(String(format: "%.1f-%.1f  %5d  %.3f  %.3f", b.lower, b.lower + 0.1, b.count, b.meanConfidence,
                                b.accuracy))
        }
        return lines.joined(separator: "\n")
    }

    func perPattern() -> [(pattern: String, n: Int, real: Int)] {
        var table: [String: (Int, Int)] = [:]
        for s in samples {
            var entry = table[s.pattern] ?? (0, 0)
            entry.0 += 1
            if s.real { entry.1 += 1 }
            table[s.pattern] = entry
        }
        return table.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.n > $1.n }
    }

    func patternTable(limit: Int) -> String {
        perPattern().prefix(limit).map {
            String(format: "  %-34@ %5d  %.3f", $0.pattern as NSString, $0.n, Double($0.real) / Double($0.n))
        }.joined(separator: "\n")
    }

    /// `confidence.txt`, measured: a pattern's precision, shrunk towards its pattern family's
    /// (and the overall) precision when it has few claims, so rare patterns are not over-trusted.
    /// `gold`: the gold file's name and its number of `documents`, for the header.
    func resourceFile(gold: String, documents: Int) -> String {
        ([
            "# Precision of each extraction pattern: the share of its claims that are real attributions.",
            "#",
            "# Measured by `claimdesk-bench tune --gold \(gold) --calibrate` (\(documents) documents): a claim",
            "# is real when its content tokens overlap a gold attribution's content under",
            "# docs/ARCHITECTURE.md's greedy pairing. Each value is (real + 10 * prior) / (claims + 10), the prior being the",
            "# pattern family's precision (itself shrunk toward the overall precision), so rare patterns",
            "# are not over-trusted. Format: pattern precision claims",
        ] + resourceLines()).joined(separator: "\n")
    }

    /// The table's lines without the header: `pattern precision claims`, the default first.
    func resourceLines() -> [String] {
        let rows = perPattern()
        let total = rows.reduce(0) { $0 + $1.n }
        let totalReal = rows.reduce(0) { $0 + $1.real }
        let overall = total == 0 ? 0.5 : Double(totalReal) / Double(total)
        var family: [String: (Int, Int)] = [:]
        for r in rows {
            let name = String(r.pattern.split(separator: "/").first ?? "")
            var e = family[name] ?? (0, 0)
            e.0 += r.n
            e.1 += r.real
            family[name] = e
        }
        let prior = 10.0
        func shrink(_ real: Int, _ n: Int, toward p: Double) -> Double {
            (Double(real) + prior * p) / (Double(n) + prior)
        }
        var lines = [String(format: "default %.3f %d", overall, total)]
        for (name, e) in family.sorted(by: { $0.key < $1.key }) {
            lines.append(String(format: "%@ %.3f %d", name as NSString, shrink(e.1, e.0, toward: overall), e.0))
        }
        for r in rows.sorted(by: { $0.pattern < $1.pattern }) where r.pattern.contains("/") {
            let name = String(r.pattern.split(separator: "/").first ?? "")
            let f = family[name] ?? (0, 0)
            let familyP = shrink(f.1, f.0, toward: overall)
            lines.append(String(format: "%@ %.3f %d", r.pattern as NSString, shrink(r.real, r.n, toward: familyP), r.n))
        }
        return lines
    }
}

/// Lists errors of one kind with the gold and the predicted attribution marked inline.
enum Examples {
    /// `--show`'s names of the error kinds, in the order its error message lists them.
    static let kinds: KeyValuePairs<String, ErrorKind> = [
        "missed": .missed, "spurious": .spurious, "wrong-source": .wrongSource, "wrong-cue": .wrongCue,
        "boundary": .boundaryOnly,
    ]

    /// The error kind `--show NAME` names; a usage error naming the offending value otherwise.
    static func kind(named name: String) throws(BenchError) -> ErrorKind {
        guard let kind = kinds.first(where: { $0.key == name })?.value else {
            let names = kinds.map(\.key)
            throw .usage("--show takes \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""), not "
                         + TerminalSafe.quoted(name))
        }
        return kind
    }

    static func print(kind name: String, report: ScoreReport, inputs: [ScoringInput], patterns: [[String]],
                      limit: Int, pattern: String?) throws {
        let kind = try Self.kind(named: name)
        let byID = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($0.element.documentID, $0.offset) })
        var shown = 0
        var all = report.instances(of: kind)
        if let pattern {
            all = all.filter { i in
                guard let p = i.predicted, let d = byID[i.documentID] else { return false }
                return patterns[d][p].hasPrefix(pattern)
            }
        }
        Swift.print("\n\(all.count) \(name) (showing \(min(limit, all.count)), spread over the list)")
        let stride = max(1, all.count / max(1, limit))
        for (n, instance) in all.enumerated() where n % stride == 0 && shown < limit {
            guard let d = byID[instance.documentID] else { continue }
            let input = inputs[d]
            shown += 1
            Swift.print("--- " + TerminalSafe.escape(instance.documentID))
            if let g = instance.gold {
                Swift.print("  gold: " + Marking.mark(input.gold[g], in: input.text))
            }
            if let p = instance.predicted {
                Swift.print("  pred [\(patterns[d][p])]: " + Marking.mark(input.predicted[p], in: input.text))
            }
        }
    }
}
