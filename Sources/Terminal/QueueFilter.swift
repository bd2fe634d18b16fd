import ClaimModel
import Review
import Workbench

/// What narrows the review queue (`filter EXPR`) or a `list`.
public enum QueueFilter: Equatable, Sendable, CustomStringConvertible {
    case unreviewed
    case sourceType(SourceType)
    case outlet(String)
    case confidenceBelow(Double)
    case confidenceAbove(Double)
    case tag(String)
    /// Every condition at once (`unreviewed and type anonymous`); never nested, never fewer than two.
    indirect case all([QueueFilter])

    /// The word that joins conditions.
    static let conjunction = "and"
    /// The words a condition starts with.
    static let heads = ["unreviewed", "type", "outlet", "confidence", "tag"]

    public var description: String {
        switch self {
        case let .all(conditions): return conditions.map(\.description).joined(separator: " and ")
        case .unreviewed: return "unreviewed"
        case let .sourceType(type): return "type \(type.rawValue)"
        case let .outlet(name): return "outlet \(TerminalSafe.escape(name))"
        case let .confidenceBelow(x): return "confidence < \(x)"
        case let .confidenceAbove(x): return "confidence > \(x)"
        case let .tag(tag): return "tag \(TerminalSafe.escape(tag))"
        }
    }

    /// Parses conditions joined by `and`, each as `condition(_:verb:)` reads it. An outlet's name
    /// may hold the word "and" when what follows it starts no condition (`outlet Johnson and Johnson`).
    public static func parse(_ words: [String], verb: Verb) throws(REPLError) -> QueueFilter {
        var groups: [[String]] = [[]]
        for (i, word) in words.enumerated() {
            if word.lowercased() == conjunction {
                let current = groups[groups.count - 1]
                let next = i + 1 < words.count ? words[i + 1].lowercased() : ""
                let startsCondition = heads.contains(next) || next.hasPrefix("confidence")
                if current.first?.lowercased() == "outlet", current.count > 1, !next.isEmpty, !startsCondition {
                    groups[groups.count - 1].append(word)
                    continue
                }
                guard !current.isEmpty, i + 1 < words.count else {
                    throw .usage(verb, "\"and\" joins two conditions, e.g. unreviewed and type anonymous")
                }
                groups.append([])
                continue
            }
            groups[groups.count - 1].append(word)
        }
        if groups.count == 1 { return try condition(words, verb: verb) }
        var conditions: [QueueFilter] = []
        for group in groups { conditions.append(try condition(group, verb: verb)) }
        return .all(conditions)
    }

    /// Parses one condition: `unreviewed`, `type X`, `outlet X`, `confidence < X`, `confidence > X`, `tag X`.
    static func condition(_ words: [String], verb: Verb) throws(REPLError) -> QueueFilter {
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
                throw .usage(verb, "\"\(TerminalSafe.escape(restText))\" is not a source type (\(SourceTypeNames.all.joined(separator: ", ")))")
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
                throw .usage(verb, "\"\(TerminalSafe.escape(words[0]))\" is not a filter; expected unreviewed, type X, outlet X, confidence < X, confidence > X or tag X")
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
        case let .all(conditions): return conditions.allSatisfy { $0.admits(attribution, review: review) }
        case .unreviewed: return review?.verdict == nil
        case let .sourceType(type): return attribution.sourceType == type
        case let .outlet(name): return attribution.outlet?.lowercased() == name.lowercased()
        case let .confidenceBelow(x): return (attribution.confidence ?? 1) < x
        case let .confidenceAbove(x): return (attribution.confidence ?? 0) > x
        case let .tag(tag): return review?.tags.contains(tag) ?? false
        }
    }

    /// The stored-column conditions a claim must meet (all of them) for a document to be worth
    /// reading, when the analyst has not changed it; empty when the columns cannot tell.
    var storedConditions: [StoredClaimCondition] {
        if case let .all(conditions) = self { return conditions.compactMap(\.storedCondition) }
        return storedCondition.map { [$0] } ?? []
    }

    /// Whether only claims without a verdict pass.
    var requiresUnreviewed: Bool {
        if case let .all(conditions) = self { return conditions.contains(.unreviewed) }
        return self == .unreviewed
    }

    /// Whether only claims this analyst tagged pass (so only documents they touched can hold one).
    var requiresTag: Bool {
        if case let .all(conditions) = self { return conditions.contains { $0.requiresTag } }
        if case .tag = self { return true }
        return false
    }

    /// The stored-column condition that finds candidate documents, when there is one.
    var storedCondition: StoredClaimCondition? {
        switch self {
        case .all: return nil
        case let .sourceType(type): return .sourceType(type.rawValue)
        case let .outlet(name): return .outlet(name)
        case let .confidenceBelow(x): return .confidenceBelow(x)
        case let .confidenceAbove(x): return .confidenceAbove(x)
        case .unreviewed, .tag: return nil
        }
    }
}
