import ClaimModel
import Review

/// The one place where a typed review entry meets the `annotation` table's columns (`action`,
/// `fields`, `confidence`, `note`, `tags`, `target`). Every write of the log goes through
/// `NewAnnotation(_:)` and every read through `reviewEntry`; the action's spelling comes from
/// `ReviewAction.Kind`.
///
/// `fields` is a JSON object whose keys appear in this order: `field`, `old`, `new` (a correction),
/// `other` (a link verdict, `same`/`different`: the other claim's row id; the entry's own
/// `attributionId` is the claim the analyst was on),
/// `status` (an imported verdict), `picked`, `import`, `at`, `adjudication` — the order the
/// releases before the typed log wrote them in, so that a new entry's bytes are what they were —
/// then `bulk` (an `accept-above` verdict: `{"threshold": 0.9, "count": 37}`, the threshold null
/// when a file said only that the review was bulk), then `follows` (a correction the REPL wrote
/// because of the one before it: `"source"` on the entity that follows a moved source). These
/// marks live in `fields` like the adjudication and import marks, so the log needed no new column.
extension NewAnnotation {
    public init(_ e: ReviewEntry) {
        var fields: [(String, JSONValue)] = []
        var note = e.note, confidence = e.confidence?.rawValue, tags = e.tags
        var target: Int64?
        switch e.action {
        case .confirm, .add, .done, .reopen: break
        case let .reject(reason): note = reason ?? note
        case let .correct(change):
            fields += [("field", .string(change.field)), ("old", change.old), ("new", change.new)]
        case let .confidence(level): confidence = level.rawValue
        case let .tag(list), let .untag(list): tags = list
        case let .note(text): note = text
        case let .undo(id), let .redo(id): target = id
        case let .same(other), let .different(other): fields.append(("other", .number(String(other))))
        }
        if let status = e.imported?.status { fields.append(("status", .string(status.rawValue))) }
        if let picked = e.adjudication?.picked { fields.append(("picked", .string(picked))) }
        if let imported = e.imported {
            fields.append(("import", .bool(true)))
            if let at = imported.at { fields.append(("at", .string(at))) }
        }
        if e.adjudication != nil { fields.append(("adjudication", .bool(true))) }
        if let bulk = e.bulk {
            fields.append(("bulk", .object([("threshold", bulk.threshold.map { .number(String($0)) } ?? .null),
                                            ("count", .number(String(bulk.count)))])))
        }
        if let follows = e.follows { fields.append(("follows", .string(follows))) }
        self.init(annotator: e.annotator, runID: e.runID, documentRowID: e.documentRowID, attributionID: e.attributionID,
                  action: e.action.kind.rawValue, fields: fields.isEmpty ? nil : JSONValue.object(fields).serialized,
                  confidence: confidence, note: note,
                  tags: tags.map { JSONValue.array($0.map { .string($0) }).serialized }, target: target)
    }

    /// The typed entry these columns hold; nil for a row no release writes (an unknown action, a
    /// correction without its field, an undo without its target), which the fold then skips.
    public var reviewEntry: ReviewEntry? {
        guard let kind = ReviewAction.Kind(rawValue: action) else { return nil }
        let fields = self.fields.flatMap { JSONValue(parsing: $0) }
        let tagList = tags.flatMap(Self.tags(column:))
        let level = confidence.flatMap(AnalystConfidence.init(rawValue:))
        var e = ReviewEntry(annotator: annotator, runID: runID, documentRowID: documentRowID, attributionID: attributionID,
                            action: .confirm, note: note, confidence: level, tags: tagList)
        switch kind {
        case .confirm: e.action = .confirm
        case .add: e.action = .add
        case .done: e.action = .done
        case .reopen: e.action = .reopen
        case .reject:
            e.action = .reject(reason: note)
            e.note = nil
        case .correct:
            guard let fields, let field = fields["field"]?.stringValue else { return nil }
            e.action = .correct(FieldChange(field: field, old: fields["old"] ?? .null, new: fields["new"] ?? .null))
        case .confidence:
            guard let level else { return nil }
            e.action = .confidence(level)
            e.confidence = nil
        case .tag, .untag:
            e.action = kind == .tag ? .tag(tagList ?? []) : .untag(tagList ?? [])
            e.tags = nil
        case .note:
            guard let note else { return nil }
            e.action = .note(note)
            e.note = nil
        case .same, .different:
            guard case let .number(text)? = fields?["other"], let other = Int64(text) else { return nil }
            e.action = kind == .same ? .same(other: other) : .different(other: other)
        case .undo, .redo:
            guard let target else { return nil }
            e.action = kind == .undo ? .undo(of: target) : .redo(of: target)
        }
        if case .bool(true)? = fields?["adjudication"] {
            e.adjudication = Adjudication(picked: fields?["picked"]?.stringValue)
        }
        if case let .object(mark)? = fields?["bulk"] {
            let values = Dictionary(mark, uniquingKeysWith: { first, _ in first })
            let threshold: Double? = if case let .number(text)? = values["threshold"] { Double(text) } else { nil }
            let count: Int = if case let .number(text)? = values["count"], let n = Int(text), n > 0 { n } else { 1 }
            e.bulk = BulkAcceptance(threshold: threshold, count: count)
        }
        e.follows = fields?["follows"]?.stringValue
        if case .bool(true)? = fields?["import"] {
            e.imported = ImportedReview(status: fields?["status"]?.stringValue.flatMap(ReviewStatus.init(rawValue:)),
                                        at: fields?["at"]?.stringValue)
        }
        return e
    }
}

extension NewAnnotation {
    /// The tags a `tags` column holds (a JSON array of strings).
    static func tags(column text: String) -> [String]? {
        guard case let .array(items)? = JSONValue(parsing: text) else { return nil }
        return items.compactMap(\.stringValue)
    }
}

extension AnnotationEntry {
    /// The stored entry, typed; nil for a row `NewAnnotation.reviewEntry` cannot read.
    public var logged: LoggedReview? {
        entry.reviewEntry.map { LoggedReview(id: id, entry: $0, createdAt: createdAt) }
    }
}

extension Array where Element == AnnotationEntry {
    /// The typed log, rows no release writes left out.
    var logged: [LoggedReview] { compactMap(\.logged) }
}
