import ClaimModel

/// Why a model could not be trained, read or used.
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No document with at least one gold attribution was given.
    case noTrainingData
    /// The bytes are not a model this release wrote intact (truncated, altered, not a model at all).
    case corruptModel(reason: String)
    /// A model of another format version; `found` and `expected` name the two.
    case incompatibleModel(found: String, expected: String)
    /// The rules extractor's bundled resources could not be read (base `rules`).
    case rulesUnavailable(reason: String)
    /// An option outside its range, named with its value.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .noTrainingData:
            return "no training data: no document has a gold attribution"
        case let .corruptModel(reason):
            return "not a valid model: \(reason)"
        case let .incompatibleModel(found, expected):
            // `found` comes from the file: escaped.
            return "incompatible model: format \(TerminalSafe.escape(found)), this release reads \(expected)"
        case let .rulesUnavailable(reason):
            return "the rules extractor cannot start: \(reason)"
        case let .invalidOption(message):
            return "invalid training option: \(message)"
        }
    }
}
