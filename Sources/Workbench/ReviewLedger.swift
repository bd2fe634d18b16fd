import ClaimModel
import ClaimStore

/// One annotator's current view of one claim, derived from the append-only log.
public struct ClaimReview: Sendable, Equatable {
    public var claimID: Int64
    public var annotator: String
    /// nil while the claim is unreviewed.
    public var verdict: ReviewStatus?
    /// The claim with this annotator's corrections applied.
    public var attribution: Attribution
    /// Fields this annotator changed (in order of first change).
    public var correctedFields: [String]
    public var confidence: AnalystConfidence?
    public var tags: [String]
    public var notes: [String]
    /// When the verdict (or last change) was recorded.
    public var at: String?
    /// Added claims withdrawn by undo are gone.
    public var withdrawn: Bool

    /// The docs/FORMAT.md review object for exports.
    public var review: Review? {
        guard let verdict else { return nil }
        return Review(status: verdict, annotator: annotator, confidence: confidence, tags: tags,
                      note: notes.isEmpty ? nil : notes.joined(separator: "\n"), at: at)
    }
}

/// Folds the annotation log into current state. Nothing in the log is ever changed: `undo` appends an
/// entry whose `target` is the entry it cancels, `redo` appends one whose `target` is that undo.
///
/// Actions on a claim: `confirm`, `reject`, `correct` (fields: `{"field": F, "old": V, "new": V}`),
/// `add`, `confidence`, `tag`, `untag`, `note`; on a document: `done`, `reopen`; `undo`, `redo`.
public struct ReviewLedger: Sendable {
    public let entries: [AnnotationEntry]
    /// Ids of entries cancelled by an effective undo (and undos cancelled by a redo).
    public let cancelled: Set<Int64>

    public init(_ entries: [AnnotationEntry]) {
        self.entries = entries
        var cancelled: Set<Int64> = []
        var undone: [Int64: Int64] = [:]
        for e in entries {
            switch e.entry.action {
            case "undo":
                if let target = e.entry.target {
                    cancelled.insert(target)
                    undone[e.id] = target
                }
            case "redo":
                if let undo = e.entry.target, let original = undone[undo] {
                    cancelled.remove(original)
                    cancelled.insert(undo)
                }
            default: break
            }
        }
        self.cancelled = cancelled
    }

    /// Entries that still count: not undone, and not themselves undo/redo bookkeeping.
    public var effective: [AnnotationEntry] {
        entries.filter { !cancelled.contains($0.id) && $0.entry.action != "undo" && $0.entry.action != "redo" }
    }

    /// The annotator's review of every claim they touched, keyed by claim id.
    /// `base` gives the stored claim for a claim id.
    public func reviews(by annotator: String, base: (Int64) -> Attribution?) -> [Int64: ClaimReview] {
        var result: [Int64: ClaimReview] = [:]
        for e in effective where e.entry.annotator == annotator {
            guard let claimID = e.entry.attributionID, let original = base(claimID) else { continue }
            var review = result[claimID] ?? ClaimReview(
                claimID: claimID, annotator: annotator, verdict: nil, attribution: original, correctedFields: [],
                confidence: nil, tags: [], notes: [], at: nil, withdrawn: false)
            Self.apply(e, to: &review)
            result[claimID] = review
        }
        // A claim this annotator added and then undid is withdrawn: it is no longer theirs to show or score.
        for e in entries where e.entry.action == "add" && e.entry.annotator == annotator && cancelled.contains(e.id) {
            guard let claimID = e.entry.attributionID, let original = base(claimID) else { continue }
            var review = result[claimID] ?? ClaimReview(
                claimID: claimID, annotator: annotator, verdict: nil, attribution: original, correctedFields: [],
                confidence: nil, tags: [], notes: [], at: nil, withdrawn: true)
            review.withdrawn = true
            review.verdict = nil
            result[claimID] = review
        }
        return result
    }

    /// Everyone who has a log entry on a claim, in order of their first entry.
    public var annotators: [String] {
        var seen: [String] = []
        for e in entries where !seen.contains(e.entry.annotator) { seen.append(e.entry.annotator) }
        return seen
    }

    static func apply(_ e: AnnotationEntry, to review: inout ClaimReview) {
        let fields = e.entry.fields.flatMap { JSONValue(parsing: $0) }
        switch e.entry.action {
        case "confirm":
            if let status = fields?["status"]?.stringValue, let imported = ReviewStatus(rawValue: status) {
                review.verdict = imported
                review.at = fields?["at"]?.stringValue ?? e.createdAt
            } else {
                review.verdict = review.correctedFields.isEmpty ? .confirmed : .corrected
                review.at = e.createdAt
            }
        case "reject":
            review.verdict = .rejected
            // An imported review keeps the time it was given.
            review.at = fields?["at"]?.stringValue ?? e.createdAt
        case "add":
            review.verdict = .added
            review.at = e.createdAt
        case "correct":
            guard let fields, let name = fields["field"]?.stringValue else { return }
            FieldChange.apply(name, fields["new"] ?? .null, to: &review.attribution)
            if !review.correctedFields.contains(name) { review.correctedFields.append(name) }
            if review.verdict == .confirmed { review.verdict = .corrected }
        case "confidence":
            review.confidence = e.entry.confidence.flatMap(AnalystConfidence.init(rawValue:))
        case "tag":
            for tag in Self.tags(e) where !review.tags.contains(tag) { review.tags.append(tag) }
        case "untag":
            let removed = Set(Self.tags(e))
            review.tags.removeAll { removed.contains($0) }
        case "note":
            if let note = e.entry.note { review.notes.append(note) }
        default:
            break
        }
        if let note = e.entry.note, e.entry.action != "note", !review.notes.contains(note) { review.notes.append(note) }
        if let level = e.entry.confidence, e.entry.action != "confidence" {
            review.confidence = AnalystConfidence(rawValue: level) ?? review.confidence
        }
        if let tags = e.entry.tags, e.entry.action != "tag" && e.entry.action != "untag",
           case let .array(items)? = JSONValue(parsing: tags) {
            for case let .string(tag) in items where !review.tags.contains(tag) { review.tags.append(tag) }
        }
    }

    public static func tags(_ e: AnnotationEntry) -> [String] {
        guard let text = e.entry.tags, case let .array(items)? = JSONValue(parsing: text) else { return [] }
        return items.compactMap(\.stringValue)
    }
}

/// A correctable field of a claim and its JSON encoding in the log.
public enum FieldChange {
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

    /// The log entry's `fields` text for changing `field` from `old` to `new`.
    public static func entryText(field: String, old: Attribution, new: Attribution) -> String {
        JSONValue.object([("field", .string(field)), ("old", encode(old, field: field)), ("new", encode(new, field: field))]).serialized
    }

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
