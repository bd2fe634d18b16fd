import ClaimModel
import Extraction
import Learning
import Testing

@Suite("AttributionModel: training, determinism, bytes")
struct AttributionModelTests {
    static let training = (0..<6).map { TownNews.document($0).labeled }

    @Test("the same data and seed give byte-identical models")
    func deterministic() throws {
        let a = try AttributionModel.train(Self.training, options: TrainingOptions())
        let b = try AttributionModel.train(Self.training, options: TrainingOptions())
        #expect(a.encoded() == b.encoded())
        #expect(a.encoded().count > 100)
    }

    @Test("encoded bytes decode to the same model and the same extractions")
    func roundTrip() throws {
        let model = try AttributionModel.train(Self.training, options: TrainingOptions())
        let decoded = try AttributionModel(decoding: model.encoded())
        #expect(decoded.encoded() == model.encoded())
        #expect(decoded.summary == model.summary)
        let document = TownNews.document(40).document
        #expect(try ModelExtractor(model: decoded).extract(document) == ModelExtractor(model: model).extract(document))
    }

    @Test("the summary counts documents, gold attributions and the options")
    func summary() throws {
        var options = TrainingOptions()
        options.seed = 7
        options.epochs = 3
        let model = try AttributionModel.train(Self.training, options: options)
        #expect(model.summary.family == "anchor-net/6")
        // Out of fold (one document per fold) its own readings did as well as the rules' claims.
        #expect(!model.summary.keepsRulesClaims)
        #expect(model.summary.documents == 6)
        #expect(model.summary.attributions == 18)
        #expect(model.summary.seed == 7)
        #expect(model.summary.epochs == 3)
        #expect(model.summary.base == .rules)
        #expect(model.summary.features > 0)
        #expect(model.summary.json["documents"] == .number("6"))
        // Six documents: each a fold of its own, all calibrated out of fold.
        #expect(model.summary.calibrationDocuments == 6)
        let one = try AttributionModel.train(Array(Self.training.prefix(1)), options: options)
        #expect(one.summary.calibrationDocuments == 0)
        // A single document cannot be held out: it keeps the rules' claims.
        #expect(one.summary.keepsRulesClaims)
        let crossFitted = try AttributionModel.train((0..<12).map { TownNews.document($0).labeled }, options: options)
        #expect(crossFitted.summary.calibrationDocuments == 12)
        #expect(crossFitted.summary.json["calibration_documents"] == .number("12"))
    }

    @Test("progress hears each stage as it starts, in order: cross-fitting folds, then the kept model")
    func progressStages() throws {
        let seen = Locked([TrainingStage]())
        _ = try AttributionModel.train((0..<12).map { TownNews.document($0).labeled }, options: TrainingOptions()) { stage in
            seen.withLock { $0.append(stage) }
        }
        #expect(seen.withLock { $0 } == [.reading(documents: 12), .fold(1, of: 3), .fold(2, of: 3), .fold(3, of: 3),
                                          .final(documents: 12), .calibrating])
        // Below 10 documents each is a fold of its own.
        let few = Locked([TrainingStage]())
        _ = try AttributionModel.train(Array(Self.training.prefix(3)), options: TrainingOptions()) { stage in
            few.withLock { $0.append(stage) }
        }
        #expect(few.withLock { $0 } == [.reading(documents: 3), .fold(1, of: 3), .fold(2, of: 3), .fold(3, of: 3),
                                         .final(documents: 3), .calibrating])
        // A single document: no folds.
        let one = Locked([TrainingStage]())
        _ = try AttributionModel.train(Array(Self.training.prefix(1)), options: TrainingOptions()) { stage in
            one.withLock { $0.append(stage) }
        }
        #expect(one.withLock { $0 }.map(\.line) == ["reading 1 document", "fitting the model on its one document",
                                                     "choosing the threshold and the confidences"])
        #expect(TrainingStage.fold(2, of: 3).line == "cross-fitting: fold 2 of 3 (fitted on the others, decoded for calibration)")
    }

    @Test("no gold attribution at all is refused")
    func noData() {
        let empty = [LabeledDocument(document: Document(id: "d", text: "Nothing is claimed here."), attributions: [])]
        #expect(throws: LearningError.noTrainingData) { try AttributionModel.train(empty, options: TrainingOptions()) }
        #expect(throws: LearningError.noTrainingData) { try AttributionModel.train([], options: TrainingOptions()) }
    }

    @Test("epochs below 1 and fewer than two calibration folds are refused with the value")
    func badOptions() {
        var epochs = TrainingOptions()
        epochs.epochs = 0
        var folds = TrainingOptions()
        folds.calibrationFolds = 1
        for (options, message) in [(epochs, "epochs must be at least 1, not 0"), (folds, "calibrationFolds must be at least 2, not 1")] {
            #expect(throws: LearningError.invalidOption(message)) { try AttributionModel.train(Self.training, options: options) }
        }
    }
}
