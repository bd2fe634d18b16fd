import ClaimModel
import ClaimStore
import Evaluation

extension Workspace {
    /// `compare(runs:)` of two runs, A and B.
    public func compare(runA: String, runB: String, against: String, match: MatchMode, annotator: String? = nil,
                        examples: Int = 3, includeTrained: Bool = false, format: ListingFormat = .table) throws(WorkbenchError) -> String {
        try compare(runs: [runA, runB], against: against, match: match, annotator: annotator, examples: examples,
                    includeTrained: includeTrained, format: format)
    }

    /// The most runs one comparison takes: each has a letter, A to Z.
    public static let compareLimit = 26

    /// Two or more runs against one gold: per error category, how often each run errs and on which
    /// gold attributions one run is right where every other is not, with examples. The runs are
    /// lettered A, B, C… in the order given; two runs read as they always did.
    ///
    /// All runs are compared on the same documents (those every run processed): those any run's
    /// model learned from are left out (unless `includeTrained`), as `score` leaves them out.
    ///
    /// `format` json: the same figures as one object (docs/ARCHITECTURE.md, "Scoring definitions"),
    /// one object per run under its letter (`a`, `b`, `c`…).
    public func compare(runs names: [String], against: String, match: MatchMode, annotator: String? = nil,
                        examples: Int = 3, includeTrained: Bool = false, format: ListingFormat = .table) throws(WorkbenchError) -> String {
        guard names.count >= 2 else {
            throw WorkbenchError.usage("compare needs at least two runs: --run A --run B (got \(names.count))")
        }
        guard names.count <= Self.compareLimit else {
            throw WorkbenchError.usage("compare takes at most \(Self.compareLimit) runs (got \(names.count))")
        }
        for (i, name) in names.enumerated() where names[..<i].contains(name) {
            throw WorkbenchError.usage("compare needs \(names.count == 2 ? "two " : "")different runs (got \(TerminalSafe.quoted(name)) twice)")
        }
        let labels = names.indices.map { ComparisonJSON.letter($0).uppercased() }
        // Each run and the gold run looked up once, in the order their errors were always said
        // (run A, its gold, then run B, C…).
        var scored: [(inputs: [ScoringInput], notes: [String], trainedNote: String?, gold: RunRef?)] = []
        var refs: [RunRef] = []
        for name in names {
            let ref = try requireRunRef(name)
            refs.append(ref)
            scored.append(try scoringInputs(run: ref, against: against, goldRun: scored.first?.gold, annotator: annotator,
                                            includeTrained: includeTrained, command: "compare"))
        }
        // Documents by their doc_id's bytes: two Unicode forms of one doc_id are two documents.
        var shared = Set(scored[0].inputs.map(\.documentID.exactKey))
        for side in scored.dropFirst() { shared.formIntersection(side.inputs.map(\.documentID.exactKey)) }
        let inputs = scored.map { $0.inputs.filter { shared.contains($0.documentID.exactKey) } }
        let scorer = Scorer(match: match)
        let reports = inputs.map { scorer.score($0) }
        let outcomes = reports.map(Self.goldOutcomes)
        var texts: [[UInt8]: ScalarText] = [:]
        var golds: [[UInt8]: [Attribution]] = [:]
        for input in inputs[0] {
            texts[input.documentID.exactKey] = input.text
            golds[input.documentID.exactKey] = input.gold
        }

        let runsSaid = names.count == 2
            ? "run \"\(names[0])\" (A) with run \"\(names[1])\" (B)"
            : Self.listed(names.indices.map { "run \"\(names[$0])\" (\(labels[$0]))" })
        var lines = ["compare \(runsSaid) against \(against == "annotations" ? "the analysts' gold" : "run \"\(against)\""), \(match.rawValue) matching, \(plural(shared.count, "document"))"]
        // Runs made by trained models say which model (and which digest of it) made each: the
        // refs carry it (`requireRun` would count every run's claims, about 1 s at a million).
        if refs.contains(where: { Self.modelName(extractor: $0.extractor) != nil }) {
            lines.append(refs.indices.map { "\(labels[$0]) made by \(Self.maker(refs[$0]))" }.joined(separator: ", "))
        }
        // What each run's model learned from is out of every side.
        for note in scored.compactMap(\.trainedNote) where !lines.contains(note) { lines.append(note) }
        // Each error kind once, its examples as the gold's texts: the table, the example lines and
        // the JSON are all read from these.
        var categories: [ComparisonJSON.Category] = []
        for kind in [ErrorKind.missed, .wrongSource, .wrongCue, .boundaryOnly] {
            let erring = outcomes.map { Set($0.filter { $0.value.contains(kind) }.keys) }
            // Right in this respect: matched the gold attribution without this error (a run that
            // missed it altogether is not right about its source).
            func right(_ outcomes: [GoldKey: [ErrorKind]], _ key: GoldKey) -> Bool {
                guard let errors = outcomes[key] else { return false }
                return !errors.contains(.missed) && !errors.contains(kind)
            }
            // Only this run right: every other run errs there in this respect.
            let onlyRight = names.indices.map { i in
                let others = names.indices.filter { $0 != i }
                return erring[others[0]].filter { key in others.allSatisfy { erring[$0].contains(key) } && right(outcomes[i], key) }.sorted()
            }
            func shown(_ keys: [GoldKey]) -> [ComparisonJSON.Example] {
                keys.prefix(examples).compactMap { key in
                    guard let text = texts[key.document], let gold = golds[key.document]?[safe: key.gold] else { return nil }
                    func role(_ f: Fragments?) -> String? { f.map { text.slice($0) } }
                    return ComparisonJSON.Example(docID: String(decoding: key.document, as: UTF8.self), gold: key.gold,
                                                  source: role(gold.source), cue: role(gold.cue), content: role(gold.content))
                }
            }
            categories.append(ComparisonJSON.Category(kind: kind.description, errors: erring.map(\.count), onlyRight: onlyRight.map(\.count),
                                                      onlyRightExamples: onlyRight.map(shown)))
        }
        if format == .json {
            let notes = Array(lines.dropFirst())
            let sides = names.indices.map { i in
                ComparisonJSON.Side(run: names[i], madeBy: Self.maker(refs[i]), claim: reports[i].claim, attribution: reports[i].attribution,
                                    spurious: reports[i].errors.spurious)
            }
            return ComparisonJSON(against: against, match: match.rawValue, documents: shared.count, notes: notes, sides: sides,
                                  categories: categories).rendered
        }
        let blank = Array(repeating: "", count: names.count)
        var table = TextTable([""] + labels + labels.map { "only \($0) right" })
        table.add(["claim F1"] + reports.map { Self.ratio($0.claim.f1) } + blank)
        table.add(["attribution F1"] + reports.map { Self.ratio($0.attribution.f1) } + blank)
        var exampleLines: [String] = []
        for c in categories {
            let kind = c.kind.replacingOccurrences(of: "_", with: " ")
            table.add([kind] + c.errors.map(String.init) + c.onlyRight.map(String.init))
            for i in names.indices where !c.onlyRightExamples[i].isEmpty {
                exampleLines.append("\(labels[i]) right, \(Self.listed(labels.indices.filter { $0 != i }.map { labels[$0] })) \(kind):")
                for e in c.onlyRightExamples[i] {
                    exampleLines.append("  " + TerminalSafe.short(e.docID, 28).padding(toLength: 28, withPad: " ", startingAt: 0) + "  " + Self.describe(e))
                }
            }
        }
        table.add(["spurious"] + reports.map { String($0.errors.spurious) } + blank)
        lines.append("")
        lines.append(table.rendered)
        if !exampleLines.isEmpty {
            lines.append("")
            lines.append("examples (gold attribution: source | cue | content)")
            lines += exampleLines
        }
        return lines.joined(separator: "\n")
    }

    /// "x", "x and y", "x, y and z".
    static func listed(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
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

/// `compare --format json`: every run's figures on the shared documents, and per error category
/// how often each errs and where one is right and every other not (with up to `--examples` gold
/// attributions per run: doc_id, index in the document's gold, and the roles' texts). Runs are
/// keyed by their letter: `a`, `b` (as with two runs always), then `c`, `d`…
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

    /// One error kind: per run (in the runs' order) its count, and how often and where only it is right.
    struct Category: Encodable {
        var kind: String
        var errors: [Int]
        var onlyRight: [Int]
        var onlyRightExamples: [[Example]]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(kind, forKey: Key("kind"))
            for i in errors.indices {
                let letter = ComparisonJSON.letter(i)
                try container.encode(errors[i], forKey: Key(letter))
                try container.encode(onlyRight[i], forKey: Key("only_\(letter)_right"))
                try container.encode(onlyRightExamples[i], forKey: Key("only_\(letter)_right_examples"))
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The key of the `index`th run: "a", "b", "c"…
    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + index))) }

    var against: String
    var match: String
    var documents: Int
    /// What the text output says above its table (the makers of model runs, left-out documents).
    var notes: [String]
    var sides: [Side]
    var categories: [Category]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(against, forKey: Key("against"))
        try container.encode(match, forKey: Key("match"))
        try container.encode(documents, forKey: Key("documents"))
        try container.encode(notes, forKey: Key("notes"))
        for (i, side) in sides.enumerated() { try container.encode(side, forKey: Key(Self.letter(i))) }
        try container.encode(categories, forKey: Key("categories"))
    }

    /// Pretty, key-sorted JSON ending in a newline, as `score --format json` writes.
    var rendered: String {
        var writer = JSONWriter()
        writer.escapesDelete = false
        guard let value = try? JSONValueEncoder.encode(self) else { return "{\"error\": \"comparison could not be encoded\"}\n" }
        writer.pretty(value)
        return writer.text + "\n"
    }
}
