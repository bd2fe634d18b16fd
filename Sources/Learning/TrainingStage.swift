/// Where `AttributionModel.train` is, for a progress line: training the full PolNeAR split takes
/// about half a minute, four fits of the learned parts, and a user deserves to see it move.
public enum TrainingStage: Sendable, Equatable {
    /// Reading the documents with the rules (tokens, proposals).
    case reading(documents: Int)
    /// Fitting the parts that decode calibration fold `fold` (1-based) of `folds`.
    case fold(Int, of: Int)
    /// Fitting the kept model on every document.
    case final(documents: Int)
    /// Choosing the threshold and learning the confidences from the decoded folds.
    case calibrating

    /// The stage as a short line: "fold 2 of 3: fitting on the other two thirds".
    public var line: String {
        switch self {
        case let .reading(n): return "reading \(n) document\(n == 1 ? "" : "s")"
        case let .fold(k, folds): return "cross-fitting: fold \(k) of \(folds) (fitted on the others, decoded for calibration)"
        case let .final(n): return n == 1 ? "fitting the model on its one document" : "fitting the model on all \(n) documents"
        case .calibrating: return "choosing the threshold and the confidences"
        }
    }
}
