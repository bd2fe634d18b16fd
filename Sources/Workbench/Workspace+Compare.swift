import ClaimModel
import ClaimStore
import Evaluation

extension Workspace {
    /// Two runs against one gold: per error category, how often each run errs and on which gold
    /// attributions one run is right where the other is not, with examples.
    ///
    /// Both runs are compared on the same documents: those either run's model learned from are
    /// left out (unless `includeTrained`), as `score` leaves them out.
    public func compare(runA: String, runB: String, against: String, match: MatchMode, annotator: String? = nil,
                        examples: Int = 3, includeTrained: Bool = false) throws(WorkbenchError) -> String {
        if runA == runB { throw WorkbenchError.usage("compare needs two different runs (got \(TerminalSafe.quoted(runA)) twice)") }
        let a = try scoringInputs(runName: runA, against: against, annotator: annotator, includeTrained: includeTrained,
                                  command: "compare")
        let b = try scoringInputs(runName: runB, against: against, annotator: annotator, includeTrained: includeTrained,
                                  command: "compare")
        // Documents by their doc_id's bytes: two Unicode forms of one doc_id are two documents.
        let shared = Set(a.inputs.map(\.documentID.exactKey)).intersection(b.inputs.map(\.documentID.exactKey))
        let inputsA = a.inputs.filter { shared.contains($0.documentID.exactKey) }
        let inputsB = b.inputs.filter { shared.contains($0.documentID.exactKey) }
        let scorer = Scorer(match: match)
        let reportA = scorer.score(inputsA)
        let reportB = scorer.score(inputsB)
        let outcomesA = Self.goldOutcomes(reportA)
        let outcomesB = Self.goldOutcomes(reportB)
        var texts: [[UInt8]: ScalarText] = [:]
        var golds: [[UInt8]: [Attribution]] = [:]
        for input in inputsA {
            texts[input.documentID.exactKey] = input.text
            golds[input.documentID.exactKey] = input.gold
        }

        var lines = ["compare run \"\(runA)\" (A) with run \"\(runB)\" (B) against \(against == "annotations" ? "the analysts' gold" : "run \"\(against)\""), \(match.rawValue) matching, \(plural(shared.count, "document"))"]
        // Runs made by trained models say which model (and which digest of it) made each: the
        // refs carry it (`requireRun` would count every run's claims, about 1 s at a million).
        let runInfoA = try requireRunRef(runA), runInfoB = try requireRunRef(runB)
        if Self.modelName(extractor: runInfoA.extractor) != nil || Self.modelName(extractor: runInfoB.extractor) != nil {
            lines.append("A made by \(Self.maker(runInfoA)), B made by \(Self.maker(runInfoB))")
        }
        // What each run's model learned from is out of both sides.
        for note in [a.trainedNote, b.trainedNote].compactMap({ $0 }) where !lines.contains(note) { lines.append(note) }
        var table = TextTable(["", "A", "B", "only A right", "only B right"])
        table.add(["claim F1", Self.ratio(reportA.claim.f1), Self.ratio(reportB.claim.f1), "", ""])
        table.add(["attribution F1", Self.ratio(reportA.attribution.f1), Self.ratio(reportB.attribution.f1), "", ""])
        var exampleLines: [String] = []
        for kind in [ErrorKind.missed, .wrongSource, .wrongCue, .boundaryOnly] {
            let inA = Set(outcomesA.filter { $0.value.contains(kind) }.keys)
            let inB = Set(outcomesB.filter { $0.value.contains(kind) }.keys)
            // Right in this respect: matched the gold attribution without this error (a run that
            // missed it altogether is not right about its source).
            func right(_ outcomes: [GoldKey: [ErrorKind]], _ key: GoldKey) -> Bool {
                guard let errors = outcomes[key] else { return false }
                return !errors.contains(.missed) && !errors.contains(kind)
            }
            let onlyBRight = inA.filter { right(outcomesB, $0) }.sorted()
            let onlyARight = inB.filter { right(outcomesA, $0) }.sorted()
            table.add([kind.description.replacingOccurrences(of: "_", with: " "), String(inA.count), String(inB.count),
                       String(onlyARight.count), String(onlyBRight.count)])
            for (label, keys) in [("A right, B \(kind)", onlyARight), ("B right, A \(kind)", onlyBRight)] where !keys.isEmpty && examples > 0 {
                exampleLines.append("\(label.replacingOccurrences(of: "_", with: " ")):")
                for key in keys.prefix(examples) {
                    guard let text = texts[key.document], let gold = golds[key.document]?[safe: key.gold] else { continue }
                    exampleLines.append("  " + TerminalSafe.short(String(decoding: key.document, as: UTF8.self), 28).padding(toLength: 28, withPad: " ", startingAt: 0) + "  " + Self.describe(gold, text))
                }
            }
        }
        table.add(["spurious", String(reportA.errors.spurious), String(reportB.errors.spurious), "", ""])
        lines.append("")
        lines.append(table.rendered)
        if !exampleLines.isEmpty {
            lines.append("")
            lines.append("examples (gold attribution: source | cue | content)")
            lines += exampleLines
        }
        return lines.joined(separator: "\n")
    }

    /// A gold attribution: its document's doc_id bytes (`exactKey`) and its index there.
    struct GoldKey: Hashable, Comparable {
        var document: [UInt8]
        var gold: Int
        static func < (l: GoldKey, r: GoldKey) -> Bool {
            l.document != r.document ? l.document.lexicographicallyPrecedes(r.document) : l.gold < r.gold
        }
    }

    /// For each gold attribution, the error kinds the run makes on it (empty = fully right).
    static func goldOutcomes(_ report: ScoreReport) -> [GoldKey: [ErrorKind]] {
        var outcomes: [GoldKey: [ErrorKind]] = [:]
        for detail in report.details {
            for pair in detail.pairs { outcomes[GoldKey(document: detail.documentID.exactKey, gold: pair.gold)] = pair.errors }
            for index in detail.missed { outcomes[GoldKey(document: detail.documentID.exactKey, gold: index)] = [.missed] }
        }
        return outcomes
    }

    static func describe(_ a: Attribution, _ text: ScalarText) -> String {
        func role(_ f: Fragments?, _ limit: Int) -> String { f.map { TerminalSafe.short(text.slice($0), limit) } ?? "-" }
        return "\(role(a.source, 30)) | \(role(a.cue, 20)) | \(role(a.content, 60))"
    }

    static func ratio(_ value: Double) -> String { String(format: "%.3f", value) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
