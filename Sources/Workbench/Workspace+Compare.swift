import ClaimModel
import ClaimStore
import Evaluation

extension Workspace {
    /// Two runs against one gold: per error category, how often each run errs and on which gold
    /// attributions one run is right where the other is not, with examples.
    ///
    /// Both runs are compared on the same documents: those either run's model learned from are
    /// left out (unless `includeTrained`), as `score` leaves them out.
    ///
    /// `format` json: the same figures as one object (docs/ARCHITECTURE.md, "Scoring definitions").
    public func compare(runA: String, runB: String, against: String, match: MatchMode, annotator: String? = nil,
                        examples: Int = 3, includeTrained: Bool = false, format: ListingFormat = .table) throws(WorkbenchError) -> String {
        if runA == runB { throw WorkbenchError.usage("compare needs two different runs (got \(TerminalSafe.quoted(runA)) twice)") }
        // Each run and the gold run looked up once, in the order their errors were always said
        // (run A, its gold, then run B).
        let runInfoA = try requireRunRef(runA)
        let a = try scoringInputs(run: runInfoA, against: against, annotator: annotator, includeTrained: includeTrained,
                                  command: "compare")
        let runInfoB = try requireRunRef(runB)
        let b = try scoringInputs(run: runInfoB, against: against, goldRun: a.gold, annotator: annotator,
                                  includeTrained: includeTrained, command: "compare")
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
        if Self.modelName(extractor: runInfoA.extractor) != nil || Self.modelName(extractor: runInfoB.extractor) != nil {
            lines.append("A made by \(Self.maker(runInfoA)), B made by \(Self.maker(runInfoB))")
        }
        // What each run's model learned from is out of both sides.
        for note in [a.trainedNote, b.trainedNote].compactMap({ $0 }) where !lines.contains(note) { lines.append(note) }
        // Each error kind once, its examples as the gold's texts: the table, the example lines and
        // the JSON are all read from these.
        var categories: [ComparisonJSON.Category] = []
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
            func shown(_ keys: [GoldKey]) -> [ComparisonJSON.Example] {
                keys.prefix(examples).compactMap { key in
                    guard let text = texts[key.document], let gold = golds[key.document]?[safe: key.gold] else { return nil }
                    func role(_ f: Fragments?) -> String? { f.map { text.slice($0) } }
                    return ComparisonJSON.Example(docID: String(decoding: key.document, as: UTF8.self), gold: key.gold,
                                                  source: role(gold.source), cue: role(gold.cue), content: role(gold.content))
                }
            }
            categories.append(ComparisonJSON.Category(
                kind: kind.description, a: inA.count, b: inB.count, onlyARight: onlyARight.count, onlyBRight: onlyBRight.count,
                onlyARightExamples: shown(onlyARight), onlyBRightExamples: shown(onlyBRight)))
        }
        if format == .json {
            let notes = Array(lines.dropFirst())
            func side(_ name: String, _ ref: RunRef, _ report: ScoreReport) -> ComparisonJSON.Side {
                ComparisonJSON.Side(run: name, madeBy: Self.maker(ref), claim: report.claim, attribution: report.attribution,
                                    spurious: report.errors.spurious)
            }
            return ComparisonJSON(against: against, match: match.rawValue, documents: shared.count, notes: notes,
                                  a: side(runA, runInfoA, reportA), b: side(runB, runInfoB, reportB), categories: categories).rendered
        }
        var table = TextTable(["", "A", "B", "only A right", "only B right"])
        table.add(["claim F1", Self.ratio(reportA.claim.f1), Self.ratio(reportB.claim.f1), "", ""])
        table.add(["attribution F1", Self.ratio(reportA.attribution.f1), Self.ratio(reportB.attribution.f1), "", ""])
        var exampleLines: [String] = []
        for c in categories {
            let kind = c.kind.replacingOccurrences(of: "_", with: " ")
            table.add([kind, String(c.a), String(c.b), String(c.onlyARight), String(c.onlyBRight)])
            for (label, shown) in [("A right, B \(kind)", c.onlyARightExamples), ("B right, A \(kind)", c.onlyBRightExamples)] where !shown.isEmpty {
                exampleLines.append("\(label):")
                for e in shown {
                    exampleLines.append("  " + TerminalSafe.short(e.docID, 28).padding(toLength: 28, withPad: " ", startingAt: 0) + "  " + Self.describe(e))
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

    /// A gold attribution's roles on one line, each cut to its width (`-` for none).
    static func describe(_ e: ComparisonJSON.Example) -> String {
        func role(_ text: String?, _ limit: Int) -> String { text.map { TerminalSafe.short($0, limit) } ?? "-" }
        return "\(role(e.source, 30)) | \(role(e.cue, 20)) | \(role(e.content, 60))"
    }

    static func ratio(_ value: Double) -> String { String(format: "%.3f", value) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// `compare --format json`: both runs' figures on the shared documents, and per error category how
/// often each errs and where one is right and the other not (with up to `--examples` gold
/// attributions per side: doc_id, index in the document's gold, and the roles' texts).
struct ComparisonJSON: Encodable {
    struct Side: Encodable {
        var run: String
        var madeBy: String
        var claim: PRF
        var attribution: PRF
        var spurious: Int
        enum CodingKeys: String, CodingKey { case run, madeBy = "made_by", claim, attribution, spurious }
    }

    struct Example: Encodable {
        var docID: String
        var gold: Int
        var source: String?
        var cue: String?
        var content: String?
        enum CodingKeys: String, CodingKey { case docID = "doc_id", gold, source, cue, content }
    }

    struct Category: Encodable {
        var kind: String
        var a: Int
        var b: Int
        var onlyARight: Int
        var onlyBRight: Int
        var onlyARightExamples: [Example]
        var onlyBRightExamples: [Example]
        enum CodingKeys: String, CodingKey {
            case kind, a, b, onlyARight = "only_a_right", onlyBRight = "only_b_right"
            case onlyARightExamples = "only_a_right_examples", onlyBRightExamples = "only_b_right_examples"
        }
    }

    var against: String
    var match: String
    var documents: Int
    /// What the text output says above its table (the makers of model runs, left-out documents).
    var notes: [String]
    var a: Side
    var b: Side
    var categories: [Category]

    /// Pretty, key-sorted JSON ending in a newline, as `score --format json` writes.
    var rendered: String {
        var writer = JSONWriter()
        writer.escapesDelete = false
        guard let value = try? JSONValueEncoder.encode(self) else { return "{\"error\": \"comparison could not be encoded\"}\n" }
        writer.pretty(value)
        return writer.text + "\n"
    }
}
