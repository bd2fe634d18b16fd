import ClaimModel
import ClaimStore
import Dispatch
import Evaluation
import Extraction
import Foundation
import Interchange
import Learning

/// Where a model's training data comes from.
public enum TrainingSource: Sendable, Equatable {
    /// The claims of a run holding gold (an imported gold run, or imported claims), as `score
    /// --against RUN` takes them.
    case run(String)
    /// The analysts' gold from documents marked done, as `score --against annotations` takes it.
    case gold(annotator: String?)
}

/// What `claimdesk train` is asked to do.
public struct TrainRequest: Sendable {
    public var model: String
    public var source: TrainingSource
    public var options: TrainingOptions
    /// A run holding gold to measure the new model on (and the rules beside it).
    public var dev: String?
    /// Replace a model of the same name instead of refusing.
    public var replace: Bool

    public init(model: String, source: TrainingSource, options: TrainingOptions = TrainingOptions(), dev: String? = nil,
                replace: Bool = false) {
        self.model = model
        self.source = source
        self.options = options
        self.dev = dev
        self.replace = replace
    }
}

/// The documents a model learns from, in a canonical order, with the digest that names them.
public struct TrainingSet: Sendable {
    /// Sorted by doc_id (UTF-8 byte order), so that the same gold gives the same model and the
    /// same digest whatever order the store ingested it in.
    public var documents: [LabeledDocument]
    public var attributions: Int
    /// SHA-256 over the documents' canonical JSONL lines, in `documents` order (docs/FORMAT.md
    /// "Model files").
    public var digest: String
    /// What was left out, one line each.
    public var notes: [String]
    /// Where it came from, as a phrase ("the analysts' gold", "run \"x\"").
    public var origin: String
}

/// A model's figures on a dev run, beside the rules' on the same documents.
public struct DevFigures: Sendable, Equatable {
    public var run: String
    public var documents: Int
    /// Attribution partial F1 / P / R (overlap matching), as `score` computes them.
    public var model: PRF
    public var rules: PRF
    /// Expected calibration error of the model's confidences on the dev documents.
    public var ece: Double?
    /// Dev documents that are also training documents (their figures flatter the model).
    public var sharedWithTraining: Int
}

/// The documents a model learned from (`Workspace.trainingDocuments(of:)`), by their doc_ids' bytes.
public struct TrainedDocuments: Sendable, Equatable {
    public var model: String
    /// nil: not known (the model was replaced or removed since, or its provenance predates the list).
    public var documents: Set<[UInt8]>?
}

/// What `claimdesk import-model` stored.
public struct ImportedModel: Sendable {
    public var model: StoredModel
    public var summary: ModelSummary
    /// The store's models as the import found them (names and digests): `afterImport` names the
    /// twins among them without reading the store again.
    var storedBefore: [ModelInfo]
}

/// What `claimdesk train` did.
public struct TrainReport: Sendable {
    public var model: StoredModel
    public var set: TrainingSet
    public var summary: ModelSummary
    public var dev: DevFigures?
    public var replaced: Bool
    /// Other models in the store with the same bytes (trained on the same data with the same
    /// options and seed): a second name for one model is easily taken for a second model.
    public var sameAs: [String] = []
    /// The run `extract --model NAME` would write by default already holds another extractor's
    /// claims (an earlier model of this name, before `--replace`), so the next step names a new run.
    public var defaultRunTaken = false

    /// The lines `claimdesk train` prints.
    public var lines: [String] {
        let s = summary
        var out = ["model \"\(model.name)\": trained on \(set.origin), \(set.documents.count) document\(set.documents.count == 1 ? "" : "s"), "
            + "\(set.attributions) attribution\(set.attributions == 1 ? "" : "s") (data \(String(set.digest.prefix(12))))"]
        out += set.notes
        out.append("\(s.family), base \(s.base.rawValue), seed \(s.seed), \(s.features) features, \(model.bytes.count) bytes, "
            + "digest \(String(model.digest.prefix(12)))\(replaced ? " (replaced the previous model of that name)" : "")")
        if let twins = Workspace.twinNote(sameAs) { out.append(twins) }
        if s.keepsRulesClaims {
            out.append("keeps the rules' claims as the rules give them and adds its learned cues' claims: "
                + (s.calibrationDocuments == 0
                    ? "with one document, none can be held out to show it judges the rules' proposals better than the rules do"
                    : "out of fold that did better than rescoring the rules' proposals (as with few documents; more done documents change it)"))
        }
        if s.calibrationDocuments == 0 {
            // A single document cannot be held out: the threshold and confidences were fitted on
            // the training document, which the model knows.
            out.append("note: too few documents to calibrate out of fold: its threshold and confidences were fitted on its own "
                + "\(set.documents.count) training document\(set.documents.count == 1 ? "" : "s") (optimistic until more are done)")
        }
        if let dev { out += dev.lines }
        return out
    }

    /// The step after training, printed last: extract with the model.
    public var next: String { Workspace.extractHint(model.name, digest: model.digest, base: summary.base, defaultRunTaken: defaultRunTaken) }
}

extension Workspace {
    /// `note: the same model as "a", byte for byte …` for the other names a stored model has, or nil.
    static func twinNote(_ names: [String], trained: Bool = true) -> String? {
        guard !names.isEmpty else { return nil }
        return "note: the same model as " + TerminalSafe.nameList(names) + ", byte for byte"
            + (trained ? " (the same data, options and seed): mark more documents done, or give another --seed, for a different one"
                       : ": this store already had it")
    }

    /// `next: \`claimdesk extract --model m\` …`, with a run of its own when run "m" holds another
    /// extractor's claims (an earlier model of the name). What finds the claims follows the model's
    /// base: a model trained with `--base none` runs alone, without the rules.
    static func extractHint(_ name: String, digest: String, base: TrainingOptions.Base, defaultRunTaken: Bool) -> String {
        let run = defaultRunTaken ? "\(name)-\(digest.prefix(12))" : name
        return "next: `claimdesk extract --model \(ShellWord.quoted(name))\(defaultRunTaken ? " --run \(ShellWord.quoted(run))" : "")` finds claims with it in run "
            + "\"\(run)\" (\(base == .none ? "the model alone" : "the rules plus the model"))"
    }

    /// Whether run `name` exists and was not made by the model with this digest.
    func modelRunTaken(_ name: String, digest: String) throws(WorkbenchError) -> Bool {
        // The ref: its extractor and parameters are all this needs (`run(named:)` counts its claims).
        guard let run = try db(store.runRef(named: name)) else { return false }
        return run.extractor != Self.modelExtractorName(name) || Self.modelDigest(extractor: run.extractor, parameters: run.parameters) != digest
    }

    /// What `import-model` prints after its first line: a twin already stored, and the next step.
    public func afterImport(_ imported: ImportedModel) throws(WorkbenchError) -> [String] {
        let model = imported.model
        // The list `importModel` read: the model it stored is left out by its name.
        let twins = imported.storedBefore.filter { $0.name != model.name && $0.digest == model.digest }.map(\.name)
        return (Self.twinNote(twins, trained: false).map { [$0] } ?? [])
            + [Self.extractHint(model.name, digest: model.digest, base: imported.summary.base,
                                defaultRunTaken: try modelRunTaken(model.name, digest: model.digest))]
    }
}

extension DevFigures {
    static func ratio(_ x: Double) -> String { String(format: "%.3f", x) }

    /// `dev run "d" (3 documents): attribution partial F1 0.800 (P 0.800, R 0.800), rules 0.500 …`.
    public var lines: [String] {
        var out = ["dev run \"\(run)\" (\(documents) document\(documents == 1 ? "" : "s")): attribution partial F1 "
            + "\(Self.ratio(model.f1)) (P \(Self.ratio(model.precision)), R \(Self.ratio(model.recall))); "
            + "rules \(Self.ratio(rules.f1)) (P \(Self.ratio(rules.precision)), R \(Self.ratio(rules.recall)))"
            + (ece.map { "; ECE \(Self.ratio($0))" } ?? "")]
        if sharedWithTraining > 0 {
            out.append("note: \(sharedWithTraining) dev document\(sharedWithTraining == 1 ? " is" : "s are") also in the training data (the figures flatter the model)")
        }
        return out
    }

    var json: JSONValue {
        func prf(_ p: PRF) -> JSONValue {
            .object([("f1", .number(String(format: "%.4f", p.f1))), ("precision", .number(String(format: "%.4f", p.precision))),
                     ("recall", .number(String(format: "%.4f", p.recall))), ("true_positives", .number(String(p.truePositives))),
                     ("predicted", .number(String(p.predicted))), ("gold", .number(String(p.gold)))])
        }
        return .object([
            ("run", .string(run)), ("documents", .number(String(documents))), ("match", .string(MatchMode.overlap.rawValue)),
            ("attribution", prf(model)), ("rules_attribution", prf(rules)),
            ("ece", ece.map { .number(String(format: "%.4f", $0)) } ?? .null),
            ("shared_with_training", .number(String(sharedWithTraining))),
        ])
    }
}

extension Workspace {
    /// Trains a model on gold from the store and stores it with its provenance.
    /// `progress` hears a line as each step starts (reading the gold, the training's stages, the dev
    /// run's measure), for a progress line on a terminal.
    public func train(_ request: TrainRequest, now: String = StoreClock.system(),
                      progress: (@Sendable (String) -> Void)? = nil) throws(WorkbenchError) -> TrainReport {
        let models = try db(store.models())
        let exists = models.contains { $0.name.isExactly(request.model) }
        if exists && !request.replace { throw WorkbenchError.store(.modelExists(request.model)) }
        // Before the training, which can take a while: a dev run must exist and hold gold.
        let devRun = try request.dev.map { (name) throws(WorkbenchError) in try requireGoldRun(name, flag: .dev) }
        progress?("training: reading the gold")
        let set = try trainingSet(request.source)
        let model: AttributionModel
        var stages: (@Sendable (TrainingStage) -> Void)?
        if let progress { stages = { stage in progress("training: " + stage.line) } }
        do {
            model = try AttributionModel.train(set.documents, options: request.options, progress: stages)
        } catch {
            throw WorkbenchError.learning(error, context: "train --model \(request.model)")
        }
        let dev = try devRun.map { (run) throws(WorkbenchError) in
            progress?("training: measuring the model and the rules on run \"\(run.name)\"")
            return try devFigures(model, run: run, training: set)
        }
        let bytes = model.encoded()
        let digest = SHA256.hex(bytes)
        let provenance = Self.provenance(name: request.model, summary: model.summary, digest: digest, source: request.source,
                                         set: set, options: request.options, dev: dev, trainedAt: now)
        let stored = try db(store.saveModel(
            StoredModel(name: request.model, family: model.summary.family, bytes: bytes, digest: digest,
                        provenance: provenance.serialized),
            replace: request.replace))
        var report = TrainReport(model: stored, set: set, summary: model.summary, dev: dev, replaced: exists)
        report.sameAs = models.filter { $0.name != request.model && $0.digest == digest }.map(\.name)
        report.defaultRunTaken = try modelRunTaken(request.model, digest: digest)
        return report
    }

    /// The training data of `source`: each document with its gold attributions (reduced to what a
    /// model learns from), sorted by doc_id. Documents with no gold attribution stay in: they
    /// teach what is not a claim.
    public func trainingSet(_ source: TrainingSource) throws(WorkbenchError) -> TrainingSet {
        var documents: [LabeledDocument] = []
        var notes: [String] = []
        let origin: String
        switch source {
        case let .gold(annotator):
            let walk = try forEachGoldDocument(annotator: annotator) { (gold) throws(WorkbenchError) in
                documents.append(Self.labeled(gold.stored.document, gold.attributions))
            }
            if walk.documents == 0 {
                throw WorkbenchError.nothingToScore(
                    "no gold to train on: no documents are marked done\(annotator.map { " by \($0)" } ?? "")"
                        + (walk.disagreements.isEmpty ? "" : " without a disagreement nobody adjudicated")
                        + " (review them with `claimdesk annotate`, then `done`; or train --from RUN)")
            }
            if let note = GoldSelection.disagreementNote(walk.disagreements) { notes.append(note) }
            origin = annotator.map { "the gold of \($0)" } ?? "the analysts' gold"
        case let .run(name):
            let run = try requireGoldRun(name, flag: .from)
            try forEachBundle(try db(store.documentRowIDs(processedBy: run.rowID))) { bundle in
                documents.append(Self.labeled(bundle.stored.document, Self.runGold(bundle, run)))
            }
            if documents.isEmpty { throw WorkbenchError.nothingToScore("run \"\(name)\" holds no documents to train on") }
            origin = "run \"\(name)\""
        }
        documents.sort { Array($0.document.id.utf8).lexicographicallyPrecedes(Array($1.document.id.utf8)) }
        return TrainingSet(documents: documents, attributions: documents.reduce(0) { $0 + $1.attributions.count },
                           digest: Self.trainingDigest(documents), notes: notes, origin: origin)
    }

    /// The flag of `train` that names a gold run.
    enum GoldRunFlag {
        /// `--from RUN`: the run to learn from.
        case from
        /// `--dev RUN`: the run to measure on.
        case dev
    }

    /// The run `name` given to `flag`, which must exist and hold gold (an imported gold run or
    /// imported claims), not an extractor's output: else the error saying what to give instead.
    func requireGoldRun(_ name: String, flag: GoldRunFlag) throws(WorkbenchError) -> RunRef {
        let run = try requireRunRef(name)
        guard run.kind != .extractor else {
            let what = "run \"\(TerminalSafe.escape(name))\" holds an extractor's output, not gold: "
            switch flag {
            case .from:
                throw WorkbenchError.usage(what + "train --from an imported gold run (`claimdesk import-gold`, `import-claims`) or --gold")
            case .dev:
                throw WorkbenchError.usage("--dev: " + what + "measure on an imported gold run (`claimdesk import-gold`, `import-claims`)")
            }
        }
        return run
    }

    /// A document and its gold as a model sees them: doc_id and text; attributions with their
    /// spans and fields but no id, confidence or review (none of which a model learns from, and
    /// all of which would make the digest of the same gold differ between stores).
    static func labeled(_ document: Document, _ gold: [Attribution]) -> LabeledDocument {
        LabeledDocument(
            document: Document(id: document.id, text: document.text),
            attributions: gold.map {
                Attribution(source: $0.source, cue: $0.cue, content: $0.content, outlet: $0.outlet, sourceType: $0.sourceType,
                            anonymous: $0.anonymous, sourceEntity: $0.sourceEntity)
            })
    }

    /// SHA-256 over the documents' docs/FORMAT.md JSONL lines (`JSONLWriter`), in the given order.
    static func trainingDigest(_ documents: [LabeledDocument]) -> String {
        var hash = SHA256()
        var writer = JSONLWriter()
        for d in documents {
            hash.update(writer.line(for: AnnotatedDocument(document: d.document, attributions: d.attributions)))
        }
        return hash.hexDigest()
    }

    /// The model and the rules on the documents of a gold run, scored like `score --against RUN`.
    func devFigures(_ model: AttributionModel, run: RunRef, training: TrainingSet) throws(WorkbenchError) -> DevFigures {
        let name = run.name
        var documents: [(Document, [Attribution])] = []
        try forEachBundle(try db(store.documentRowIDs(processedBy: run.rowID))) { bundle in
            documents.append((bundle.stored.document, Self.runGold(bundle, run)))
        }
        if documents.isEmpty { throw WorkbenchError.nothingToScore("--dev: run \"\(name)\" holds no documents to measure on") }
        let extractor = try Self.modelExtractor(model, context: "train --dev \(name)")
        let rules: RulesExtractor
        do { rules = try RulesExtractor() } catch { throw WorkbenchError.extractor(error) }
        let texts = documents.map(\.0)
        let byModel = Self.extractAll(texts) { extractor.extract($0) }
        let byRules = Self.extractAll(texts) { rules.extract($0) }
        func inputs(_ predicted: [[Attribution]]) -> [ScoringInput] {
            zip(documents, predicted).map { pair, found in
                ScoringInput(documentID: pair.0.id, text: ScalarText(pair.0.text), gold: pair.1, predicted: found)
            }
        }
        let scorer = Scorer(match: .overlap)
        let modelInputs = inputs(byModel)
        let modelReport = scorer.score(modelInputs)
        let calibration = Calibration.compute(Self.calibrationSamples(modelInputs, modelReport))
        let trained = Set(training.documents.map(\.document.id.exactKey))
        return DevFigures(run: name, documents: documents.count, model: modelReport.attribution,
                          rules: scorer.score(inputs(byRules)).attribution, ece: calibration.expectedCalibrationError,
                          sharedWithTraining: documents.filter { trained.contains($0.0.id.exactKey) }.count)
    }

    static func modelExtractor(_ model: AttributionModel, context: String) throws(WorkbenchError) -> ModelExtractor {
        do { return try ModelExtractor(model: model) } catch { throw WorkbenchError.learning(error, context: context) }
    }

    /// The provenance JSON stored beside a model (docs/FORMAT.md "Model files").
    static func provenance(name: String, summary: ModelSummary, digest: String, source: TrainingSource, set: TrainingSet,
                           options: TrainingOptions, dev: DevFigures?, trainedAt: String) -> JSONValue {
        let sourceJSON: JSONValue
        switch source {
        case let .run(run): sourceJSON = .object([("kind", .string("run")), ("run", .string(run))])
        case let .gold(annotator):
            sourceJSON = .object([("kind", .string("gold")), ("annotator", annotator.map { .string($0) } ?? .null)])
        }
        return .object([
            ("name", .string(name)), ("family", .string(summary.family)), ("digest", .string(digest)),
            ("source", sourceJSON), ("documents", .number(String(set.documents.count))),
            ("attributions", .number(String(set.attributions))), ("data_digest", .string(set.digest)),
            ("training_documents", .array(set.documents.map { .string($0.document.id) })),
            ("options", .object([
                ("seed", .number(String(options.seed))), ("base", .string(options.base.rawValue)),
                ("epochs", .number(String(options.epochs))),
                ("calibration_folds", .number(String(options.calibrationFolds))),
            ])),
            ("summary", summary.json),
            ("trained_at", .string(trainedAt)), ("claimdesk_version", .string(ClaimDeskVersion.current)),
            ("extractor_version", .string(RulesExtractor.version)),
            ("dev", dev?.json ?? .null),
        ])
    }
}

extension Workspace {
    /// The model named `name`, decoded, or an error naming it.
    public func requireModel(_ name: String) throws(WorkbenchError) -> (stored: StoredModel, model: AttributionModel) {
        guard let stored = try db(store.model(named: name)) else { throw WorkbenchError.unknownModel(name) }
        do {
            return (stored, try AttributionModel(decoding: stored.bytes))
        } catch {
            throw WorkbenchError.learning(error, context: "model \"\(name)\"")
        }
    }

    /// Runs the rules and the model over every document the run has not processed yet (the same
    /// bounded batches and writes as `extract`). The run records the model: extractor
    /// `model:NAME`, version the digest's first 12 hex digits, parameters JSON with the name and
    /// the whole digest. A run made by another model (or the same name since replaced) is refused.
    public func extract(model modelName: String, runName requested: String? = nil, limits: ExtractLimits = ExtractLimits(),
                        progress: (@Sendable (Int, Int) -> Void)? = nil) throws(WorkbenchError) -> ExtractReport {
        let runName = requested ?? modelName
        let (stored, model) = try requireModel(modelName)
        let extractor = try Self.modelExtractor(model, context: "extract --model \(modelName)")
        let name = Self.modelExtractorName(modelName)
        // The run's ref (no claim count): looked up once, and handed down.
        var run = try db(store.runRef(named: runName))
        if let existing = run {
            guard existing.kind == .extractor else {
                throw WorkbenchError.runKind(name: runName, expected: "an extractor", actual: existing.kind.rawValue)
            }
            guard existing.extractor == name, Self.modelDigest(existing) == stored.digest else {
                throw WorkbenchError.usage(try madeByAnother(existing, extracting: (modelName, stored.digest)))
            }
        }
        if run == nil {
            let parameters = JSONValue.object([
                ("model", .string(modelName)), ("digest", .string(stored.digest)), ("family", .string(stored.family)),
                ("base", .string(model.summary.base.rawValue)),
            ]).serialized
            run = RunRef(try db(store.createRun(name: runName, kind: .extractor, extractor: name, version: String(stored.digest.prefix(12)),
                                                parameters: parameters)))
        }
        guard let run else { throw WorkbenchError.unknownRun(runName) }
        return try extractPending(run: run, limits: limits, progress: progress) { extractor.extract($0) }
    }

    static func modelExtractorName(_ model: String) -> String { modelPrefix + model }

    /// The model that made a run, from its extractor (`model:NAME`, `modelExtractorName`), or nil
    /// for a run no model made.
    public static func modelName(extractor: String) -> String? {
        extractor.hasPrefix(modelPrefix) ? String(extractor.dropFirst(modelPrefix.count)) : nil
    }

    private static let modelPrefix = "model:"

    /// The full digest a model run records in its parameters, or nil for another run.
    static func modelDigest(_ run: RunRef) -> String? {
        modelDigest(extractor: run.extractor, parameters: run.parameters)
    }

    static func modelDigest(extractor: String, parameters: String?) -> String? {
        guard modelName(extractor: extractor) != nil, let parameters, let json = JSONValue(parsing: parameters) else { return nil }
        return json["digest"]?.stringValue
    }

    /// The documents the model behind a run learned from, as `score` leaves them out of its gold:
    /// nil for a run no model made; `documents` nil when the store cannot tell (the model was
    /// replaced or removed since, or trained before its provenance listed them).
    public func trainingDocuments(of run: RunRef) throws(WorkbenchError) -> TrainedDocuments? {
        guard let name = Self.modelName(extractor: run.extractor) else { return nil }
        let digest = Self.modelDigest(extractor: run.extractor, parameters: run.parameters)
        guard let info = try db(store.models()).first(where: { $0.name.isExactly(name) && $0.digest == digest }),
              case let .array(ids)? = JSONValue(parsing: info.provenance)?["training_documents"] else {
            return TrainedDocuments(model: name, documents: nil)
        }
        return TrainedDocuments(model: name, documents: Set(ids.compactMap { $0.stringValue?.exactKey }))
    }

    /// "model \"x\" (1a2b3c4d5e6f)" for a model run, "rules 0.4.11" for the rules' (from the run's
    /// ref: naming a maker reads no claim counts).
    static func maker(_ run: RunRef) -> String { maker(extractor: run.extractor, version: run.version) }

    static func maker(extractor: String, version: String?) -> String {
        if let model = modelName(extractor: extractor) { return "model \"\(model)\" (\(version ?? "?"))" }
        return extractor + (version.map { " \($0)" } ?? "")
    }

    /// Why an existing extractor run cannot take another extractor's claims (`extracting`: the
    /// model `extract --model` runs, by name and digest; nil for the rules). The one place that
    /// tells a model's run apart from the model as stored now: offers to continue it only while
    /// the store holds that model as it was (a model replaced or gone cannot continue it), and a
    /// run of the very model being extracted with, since replaced, gets a run name that works.
    /// The store's model is known by its digest alone: no model's bytes are read here (the model
    /// being extracted with was read once, by `extract`, and is not read again).
    func madeByAnother(_ run: RunRef, extracting: (name: String, digest: String)? = nil) throws(WorkbenchError) -> String {
        let notBy = extracting.map { " (not by model \"\($0.name)\" \($0.digest.prefix(12)))" } ?? ""
        guard let model = Self.modelName(extractor: run.extractor) else {
            return "run \"\(run.name)\" was made by \(Self.maker(run)): name another run" + notBy
        }
        let digest: String?
        if let extracting, extracting.name.isExactly(model) {
            digest = extracting.digest
        } else {
            digest = try db(store.models()).first { $0.name.isExactly(model) }?.digest
        }
        if let digest, Self.modelDigest(run) == digest {
            return "run \"\(run.name)\" was made by model \"\(model)\" (\(run.version ?? "?")): continue it with "
                + "`claimdesk extract --model \(ShellWord.quoted(model)) --run \(ShellWord.quoted(run.name))`, or name another run" + notBy
        }
        if let extracting, extracting.name.isExactly(model) {
            // `train --replace` kept the name: the run holds the earlier model's claims.
            let now = String(extracting.digest.prefix(12))
            return "run \"\(run.name)\" holds the claims of model \"\(model)\" as it was before it was replaced "
                + "(\(run.version ?? "?"); now \(now)): give the new one a run of its own, e.g. "
                + "`claimdesk extract --model \(ShellWord.quoted(model)) --run \(ShellWord.quoted("\(run.name)-\(now)"))`"
        }
        return "run \"\(run.name)\" was made by model \"\(model)\" (\(run.version ?? "?")), "
            + (digest == nil ? "which is no longer in the store" : "since replaced") + ": name another run" + notBy
    }
}

extension Workspace {
    /// `claimdesk models`: name, family, what it was trained on, digest, date, whether it keeps the
    /// rules' claims ("kept") or rescores them, dev F1.
    public func modelsListing(format: ListingFormat) throws(WorkbenchError) -> String {
        let models = try db(store.models())
        switch format {
        case .json:
            return "[" + models.map { m in
                JSONValue.object([
                    ("name", .string(m.name)), ("family", .string(m.family)), ("bytes", .number(String(m.size))),
                    ("digest", .string(m.digest)), ("created_at", .string(m.createdAt)),
                    ("provenance", JSONValue(parsing: m.provenance) ?? .string(m.provenance)),
                ]).serialized
            }.joined(separator: ",\n ") + "]"
        case .table:
            if models.isEmpty { return "no models yet: `claimdesk train --model NAME --gold` trains one on the analysts' gold" }
            var table = TextTable(["model", "family", "trained on", "documents", "attributions", "digest", "created", "rules' claims",
                                   "dev F1"])
            for m in models {
                let p = JSONValue(parsing: m.provenance)
                let source: String
                switch (p?["source"]?["kind"]?.stringValue, p?["source"]?["run"]?.stringValue, p?["source"]?["annotator"]?.stringValue) {
                // The provenance may come from a file (`import-model`): its names are escaped like every value read.
                case let ("run", run?, _): source = "run \(TerminalSafe.short(run, 40))"
                case let ("gold", _, annotator?): source = "gold of \(TerminalSafe.short(annotator, 40))"
                case ("gold", _, nil): source = "gold"
                default: source = "-"
                }
                func number(_ key: String) -> String {
                    if case let .number(n)? = p?[key] { return n }
                    return "-"
                }
                // Models before format 6 never keep the rules' claims, and their summaries lack the key.
                let rulesClaims = p == nil ? "-" : p?["summary"]?["keeps_rules_claims"] == .bool(true) ? "kept" : "rescored"
                var devF1 = "-"
                if case let .number(f1)? = p?["dev"]?["attribution"]?["f1"], let value = Double(f1) {
                    devF1 = String(format: "%.3f", value)
                }
                table.add([TerminalSafe.short(m.name, 40), TerminalSafe.short(m.family, 40), source, number("documents"), number("attributions"),
                           String(m.digest.prefix(12)), m.createdAt, rulesClaims, devF1])
            }
            return table.rendered
        }
    }
}

extension Workspace {
    /// `checkModelOut(_:)`, and the store's own files (its journal too, which may not exist yet) are
    /// never a model file: for a store that is open, before a long training.
    public func checkModelOut(_ path: String) throws(WorkbenchError) {
        try requireNotStore(file: path)
        try Self.checkModelOut(path)
    }

    /// Refuses an `--out` path before a long training (and before the store is opened): an existing
    /// file is never replaced (a model file is a record of what was trained), and the folder must exist.
    public static func checkModelOut(_ path: String) throws(WorkbenchError) {
        try PathParts.requireName(path)
        let folder = PathParts.split(path).folder
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw WorkbenchError.cannotWrite(path: path, reason: "the folder \(folder.isEmpty ? "." : TerminalSafe.path(folder)) does not exist")
        }
        if AtomicFile.fileType(path) != nil {
            throw WorkbenchError.cannotWrite(path: path, reason: "something is already there (a model file is never replaced: remove it or name another)")
        }
    }

    /// Writes the model named `name` as a model file (docs/FORMAT.md "Model files"); returns its size.
    @discardableResult
    public func writeModelFile(_ name: String, to path: String) throws(WorkbenchError) -> Int {
        try checkModelOut(path)
        guard let stored = try db(store.model(named: name)) else { throw WorkbenchError.unknownModel(name) }
        let bytes = ModelFile.encode(stored)
        var file = try AtomicFile(path: path, replacing: false)
        try file.write(bytes)
        try file.commit()
        return bytes.count
    }

    /// Stores the model in a model file under its own name or `name`: refused (one located line)
    /// when the file is not a model file, another version of the format, cut short, altered (its
    /// digest), or holds a model this ClaimDesk cannot run.
    public func importModel(file: String, as name: String? = nil, replace: Bool = false) throws(WorkbenchError) -> ImportedModel {
        var info = stat()
        guard stat(file, &info) == 0 else { throw WorkbenchError.cannotRead(path: file, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw WorkbenchError.cannotRead(path: file, reason: "not a regular file") }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw WorkbenchError.cannotRead(path: file, reason: (error as NSError).localizedFailureReason ?? "permission denied or unreadable")
        }
        var stored = try ModelFile.decode(bytes, file: file)
        if let name {
            stored.name = try Names.checked(name, what: "model name", origin: "--as")
        } else {
            stored.name = try Names.checked(stored.name, what: "model name", origin: "\(TerminalSafe.path(file)):2")
        }
        let model: AttributionModel
        do {
            model = try AttributionModel(decoding: stored.bytes)
        } catch {
            throw WorkbenchError.invalidInput([InterchangeIssue(file: file, line: 4, message: error.description)])
        }
        // The header's family is what `models` lists: it must say what the bytes are, not whatever the file claims.
        guard stored.family == model.summary.family else {
            throw WorkbenchError.invalidInput([InterchangeIssue(
                file: file, line: 2,
                message: "invalid header: \"family\" is \(TerminalSafe.quoted(stored.family)), the model's bytes are \(model.summary.family)")])
        }
        // Names and digests, no model bytes: read once, for this check and `afterImport`'s twin note.
        let before = try db(store.models())
        if !replace, let existing = before.first(where: { $0.name.isExactly(stored.name) }) {
            // `import-model` names the model with --as: "another name" alone left the flag to guess.
            throw WorkbenchError.usage("a model named \"\(TerminalSafe.escape(stored.name))\" already exists"
                + (existing.digest == stored.digest ? ", the same model byte for byte: nothing to import" :
                    " (--as NAME stores this one under another name, --replace replaces it)"))
        }
        let saved = try db(store.saveModel(stored, replace: replace))
        return ImportedModel(model: saved, summary: model.summary, storedBefore: before)
    }
}
