import ClaimModel
import ClaimStore

/// What narrows the review queue (`filter EXPR`) or a `list`.
public enum QueueFilter: Equatable, Sendable, CustomStringConvertible {
    case unreviewed
    case sourceType(SourceType)
    case outlet(String)
    case confidenceBelow(Double)
    case confidenceAbove(Double)
    case tag(String)

    public var description: String {
        switch self {
        case .unreviewed: return "unreviewed"
        case let .sourceType(type): return "type \(type.rawValue)"
        case let .outlet(name): return "outlet \(SafeText.escape(name))"
        case let .confidenceBelow(x): return "confidence < \(x)"
        case let .confidenceAbove(x): return "confidence > \(x)"
        case let .tag(tag): return "tag \(SafeText.escape(tag))"
        }
    }

    /// Parses `unreviewed`, `type X`, `outlet X`, `confidence < X`, `confidence > X`, `tag X`.
    public static func parse(_ words: [String], verb: Verb) throws(REPLError) -> QueueFilter {
        guard let head = words.first?.lowercased() else {
            throw .usage(verb, "expected unreviewed, type X, outlet X, confidence < X, confidence > X or tag X")
        }
        let rest = Array(words.dropFirst())
        let restText = rest.joined(separator: " ")
        switch head {
        case "unreviewed":
            guard rest.isEmpty else { throw .usage(verb, "unreviewed takes nothing after it") }
            return .unreviewed
        case "type":
            guard !rest.isEmpty else { throw .usage(verb, "type needs a source type: \(SourceTypeNames.all.joined(separator: ", "))") }
            guard let type = SourceTypeNames.parse(restText) else {
                throw .usage(verb, "\"\(SafeText.escape(restText))\" is not a source type (\(SourceTypeNames.all.joined(separator: ", ")))")
            }
            return .sourceType(type)
        case "outlet":
            guard !rest.isEmpty else { throw .usage(verb, "outlet needs a name") }
            return .outlet(restText)
        case "tag":
            guard rest.count == 1 else { throw .usage(verb, "tag needs one tag") }
            return .tag(rest[0])
        default:
            // `confidence < 0.5`, `confidence<0.5`, `confidence <0.5`.
            let joined = words.joined()
            guard joined.lowercased().hasPrefix("confidence") else {
                throw .usage(verb, "\"\(SafeText.escape(words[0]))\" is not a filter; expected unreviewed, type X, outlet X, confidence < X, confidence > X or tag X")
            }
            let comparison = joined.dropFirst("confidence".count)
            guard let op = comparison.first, op == "<" || op == ">",
                  let value = Double(comparison.dropFirst()), value >= 0, value <= 1 else {
                throw .usage(verb, "confidence needs < or > and a number in [0, 1], e.g. confidence < 0.5")
            }
            return op == "<" ? .confidenceBelow(value) : .confidenceAbove(value)
        }
    }

    /// Whether a claim, as this analyst sees it, passes.
    func admits(_ attribution: Attribution, review: ClaimReview?) -> Bool {
        switch self {
        case .unreviewed: return review?.verdict == nil
        case let .sourceType(type): return attribution.sourceType == type
        case let .outlet(name): return attribution.outlet?.lowercased() == name.lowercased()
        case let .confidenceBelow(x): return (attribution.confidence ?? 1) < x
        case let .confidenceAbove(x): return (attribution.confidence ?? 0) > x
        case let .tag(tag): return review?.tags.contains(tag) ?? false
        }
    }

    /// The stored-column condition that finds candidate documents, when there is one.
    var storedCondition: StoredClaimCondition? {
        switch self {
        case let .sourceType(type): return .sourceType(type.rawValue)
        case let .outlet(name): return .outlet(name)
        case let .confidenceBelow(x): return .confidenceBelow(x)
        case let .confidenceAbove(x): return .confidenceAbove(x)
        case .unreviewed, .tag: return nil
        }
    }
}
