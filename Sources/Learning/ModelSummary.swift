import ClaimModel

/// What a model is and what it was trained on, for `claimdesk models` and the store's provenance.
public struct ModelSummary: Sendable, Equatable {
    /// The model family and its format version as the model file stores it: "anchor-net/4" (models
    /// written before the family was renamed say "anchor-perceptron/4": same format, same reader).
    public var family: String
    public var base: TrainingOptions.Base
    public var seed: UInt64
    public var epochs: Int
    /// Training documents (all of them, calibration ones included) and their gold attributions.
    public var documents: Int
    public var attributions: Int
    /// Features the reading scorer learned (rows whose linear weight training moved off 0).
    public var features: Int
    /// Documents whose out-of-fold readings calibrated the confidences (0: calibrated on the
    /// training documents themselves, with too few of them to cross-fit).
    public var calibrationDocuments: Int
    /// Words the model learned as cues from the gold.
    public var cueWords: Int
    /// The model keeps the rules' claims as the rules give them and adds its learned cues' claims
    /// (chosen in training when that did better out of fold, as with few documents, and always
    /// with a single document); the model sets it from what it does.
    public var keepsRulesClaims = false

    public init(family: String, base: TrainingOptions.Base, seed: UInt64, epochs: Int, documents: Int, attributions: Int,
                features: Int, calibrationDocuments: Int, cueWords: Int) {
        self.family = family
        self.base = base
        self.seed = seed
        self.epochs = epochs
        self.documents = documents
        self.attributions = attributions
        self.features = features
        self.calibrationDocuments = calibrationDocuments
        self.cueWords = cueWords
    }

    /// The summary as a JSON object, keys in a fixed order (`keeps_rules_claims` only when true).
    public var json: JSONValue {
        .object([
            ("family", .string(family)), ("base", .string(base.rawValue)), ("seed", .number(String(seed))),
            ("epochs", .number(String(epochs))), ("documents", .number(String(documents))),
            ("attributions", .number(String(attributions))), ("features", .number(String(features))),
            ("calibration_documents", .number(String(calibrationDocuments))), ("cue_words", .number(String(cueWords))),
        ] + (keepsRulesClaims ? [("keeps_rules_claims", .bool(true))] : []))
    }
}
