/// How `AttributionModel.train` fits a model. Equal options and equal data give byte-identical models.
public struct TrainingOptions: Sendable, Equatable {
    /// Seeds the only randomness in training: how documents are dealt into calibration folds, the
    /// order they are visited in each epoch, and the net's initial weights.
    public var seed: UInt64 = 1
    /// What the model builds on: the rules' proposals as candidates and features, or nothing.
    public var base: Base = .rules
    /// Passes of the learners (perceptrons, net) over the training candidates.
    public var epochs: Int = 5
    /// Folds of the cross-fitting that calibrates the confidences (isotonic regression) and chooses
    /// the threshold: each fold is decoded by a model fitted on the others, and the kept model learns
    /// from every document. Training costs about `calibrationFolds` + 1 fits; below 10 documents
    /// each document is a fold of its own (leave one out), and a single one calibrates on itself.
    public var calibrationFolds: Int = 3

    public enum Base: String, Sendable, CaseIterable {
        /// The rules extractor's proposals (with their pattern keys) are candidates and features.
        case rules
        /// Only the learned cue detector proposes candidates.
        case none
    }

    public init() {}
}
