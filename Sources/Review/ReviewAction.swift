import ClaimModel

/// What one entry of the append-only review log does. The log is only ever appended to: `undo`
/// names the entry it cancels, `redo` names the undo it cancels in turn.
public enum ReviewAction: Sendable, Equatable {
    /// The claim is right (as corrected so far). An imported review keeps its own status and time.
    case confirm
    /// Not an attribution, with the analyst's reason when they gave one.
    case reject(reason: String?)
    /// One field of the claim changed from `old` to `new`.
    case correct(FieldChange)
    /// A claim the extractor missed, stored beside the run's own.
    case add
    /// The analyst's confidence in their own verdict.
    case confidence(AnalystConfidence)
    case tag([String])
    case untag([String])
    case note(String)
    /// The analyst marks the document reviewed, or takes that back.
    case done
    case reopen
    /// The claim is the same claim as `other` (a claim row id, usually in another document): an
    /// analyst's verdict on a link, for scoring the linker. It says nothing about either claim's
    /// own correctness, so it is not a claim verdict (`isVerdict`).
    case same(other: Int64)
    /// The claim is not the same claim as `other`: a gold non-link.
    case different(other: Int64)
    /// Cancels the entry with this id (an action, or a redo).
    case undo(of: Int64)
    /// Cancels the undo with this id, so its action counts again.
    case redo(of: Int64)

    /// The spelling of each action in the log's `action` column: defined here and nowhere else.
    public enum Kind: String, CaseIterable, Sendable {
        case confirm, reject, correct, add, confidence, tag, untag, note, done, reopen, same, different, undo, redo
    }

    public var kind: Kind {
        switch self {
        case .confirm: .confirm
        case .reject: .reject
        case .correct: .correct
        case .add: .add
        case .confidence: .confidence
        case .tag: .tag
        case .untag: .untag
        case .note: .note
        case .done: .done
        case .reopen: .reopen
        case .same: .same
        case .different: .different
        case .undo: .undo
        case .redo: .redo
        }
    }

    /// A verdict on a claim: these make a claim "reviewed" for the queue.
    public var isVerdict: Bool {
        switch self {
        case .confirm, .reject, .add: true
        default: false
        }
    }

    /// Undo/redo bookkeeping rather than an action of its own.
    public var isBookkeeping: Bool {
        switch self {
        case .undo, .redo: true
        default: false
        }
    }

    /// The entry this one cancels (undo, redo).
    public var target: Int64? {
        switch self {
        case let .undo(id), let .redo(id): id
        default: nil
        }
    }

    /// The other claim of a link verdict (`same`, `different`).
    public var linkedClaim: Int64? {
        switch self {
        case let .same(other), let .different(other): other
        default: nil
        }
    }

    /// `confirm`, `correct source`, `same #40`, `done`: how messages name the action.
    public var label: String {
        if case let .correct(change) = self { return "correct " + change.field }
        if let other = linkedClaim { return kind.rawValue + " #\(other)" }
        return kind.rawValue
    }
}

/// A correctable field of a claim, changed from one value to another; the values are the JSON the
/// log stores (spans as `[[start, end], …]` in Unicode scalars).
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var old: JSONValue
    public var new: JSONValue

    public init(field: String, old: JSONValue, new: JSONValue) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// The change of `field` from `old`'s value to `new`'s.
    public init(field: String, from old: Attribution, to new: Attribution) {
        self.init(field: field, old: Self.encode(old, field: field), new: Self.encode(new, field: field))
    }

    public static let names = ["source", "cue", "content", "outlet", "type", "anon", "entity"]

    public static func encode(_ attribution: Attribution, field: String) -> JSONValue {
        switch field {
        case "source": return fragments(attribution.source)
        case "cue": return fragments(attribution.cue)
        case "content": return fragments(attribution.content)
        case "outlet": return attribution.outlet.map { .string($0) } ?? .null
        case "type": return attribution.sourceType.map { .string($0.rawValue) } ?? .null
        case "anon": return attribution.anonymous.map { .bool($0) } ?? .null
        case "entity": return attribution.sourceEntity.map { .string($0) } ?? .null
        default: return .null
        }
    }

    public static func apply(_ field: String, _ value: JSONValue, to a: inout Attribution) {
        switch field {
        case "source": a.source = decodeFragments(value)
        case "cue": a.cue = decodeFragments(value)
        case "content": a.content = decodeFragments(value)
        case "outlet": a.outlet = value.stringValue
        case "type": a.sourceType = value.stringValue.flatMap(SourceType.init(rawValue:))
        case "anon": if case let .bool(b) = value { a.anonymous = b } else { a.anonymous = nil }
        case "entity": a.sourceEntity = value.stringValue
        default: break
        }
    }

    /// Applies this change's new value.
    public func apply(to a: inout Attribution) { Self.apply(field, new, to: &a) }

    static func fragments(_ f: Fragments?) -> JSONValue {
        guard let f else { return .null }
        return .array(f.spans.map { .array([.number(String($0.start)), .number(String($0.end))]) })
    }

    static func decodeFragments(_ value: JSONValue) -> Fragments? {
        guard case let .array(items) = value else { return nil }
        var spans: [Span] = []
        for item in items {
            guard case let .array(pair) = item, pair.count == 2,
                  case let .number(a) = pair[0], case let .number(b) = pair[1],
                  let start = Int(a), let end = Int(b) else { return nil }
            spans.append(Span(start, end))
        }
        return Fragments(unchecked: spans)
    }
}
