/// What can go wrong while preparing the extractor; extraction itself never fails.
public enum ExtractionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A lexicon resource is not in the module bundle.
    case missingResource(name: String)
    /// A lexicon resource exists but could not be read or decoded as UTF-8.
    case unreadableResource(name: String, reason: String)
    /// A line of a lexicon resource does not follow the file's format.
    case malformedLexicon(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .missingResource(name):
            return "extractor resource \(name) is missing from the Extraction bundle"
        case let .unreadableResource(name, reason):
            return "extractor resource \(name) cannot be read: \(reason)"
        case let .malformedLexicon(file, line, reason):
            return "\(file):\(line): \(reason)"
        }
    }
}
