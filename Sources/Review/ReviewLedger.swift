import ClaimModel

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
    /// The verdict came from `accept-above` (many claims at once, none read one by one); it stays
    /// bulk until this annotator gives the claim a verdict of their own.
    public var bulk: Bool = false
    /// The confidence that `accept-above` accepted at or above; nil when not bulk or not known.
    public var bulkThreshold: Double?

    public init(claimID: Int64, annotator: String, verdict: ReviewStatus? = nil, attribution: Attribution,
                correctedFields: [String] = [], confidence: AnalystConfidence? = nil, tags: [String] = [],
                notes: [String] = [], at: String? = nil, withdrawn: Bool = false) {
        self.claimID = claimID
        self.annotator = annotator
        self.verdict = verdict
        self.attribution = attribution
        self.correctedFields = correctedFields
        self.confidence = confidence
        self.tags = tags
        self.notes = notes
        self.at = at
        self.withdrawn = withdrawn
    }

    /// The docs/FORMAT.md review object for exports.
    public var review: Review? {
        guard let verdict else { return nil }
        return Review(status: verdict, annotator: annotator, confidence: confidence, tags: tags,
                      note: notes.isEmpty ? nil : notes.joined(separator: "\n"), at: at, bulk: bulk)
    }

    /// A review that stands: it has a verdict and was not withdrawn.
    public var standing: ClaimReview? { verdict != nil && !withdrawn ? self : nil }

    /// Applies one entry of this annotator on this claim: the fold's step, and how a session
    /// learns what its own new entry did (it is the newest, so nothing can cancel it yet). Undo and
    /// redo change nothing here; the ledger works them out before folding.
    public mutating func apply(_ e: LoggedReview) {
        let entry = e.entry
        if entry.action.isVerdict {
            bulk = entry.bulk != nil
            bulkThreshold = entry.bulk?.threshold
        }
        switch entry.action {
        case .confirm:
            if let status = entry.imported?.status {
                verdict = status
                at = entry.imported?.at ?? e.createdAt
            } else {
                verdict = correctedFields.isEmpty ? .confirmed : .corrected
                at = e.createdAt
            }
        case let .reject(reason):
            verdict = .rejected
            // An imported review keeps the time it was given.
            at = entry.imported?.at ?? e.createdAt
            if let reason, !notes.contains(reason) { notes.append(reason) }
        case .add:
            verdict = .added
            at = e.createdAt
        case let .correct(change):
            change.apply(to: &attribution)
            if !correctedFields.contains(change.field) { correctedFields.append(change.field) }
            if verdict == .confirmed { verdict = .corrected }
        case let .confidence(level):
            confidence = level
        case let .tag(added):
            for tag in added where !tags.contains(tag) { tags.append(tag) }
        case let .untag(removed):
            let removed = Set(removed)
            tags.removeAll { removed.contains($0) }
        case let .note(text):
            notes.append(text)
        case .done, .reopen, .same, .different, .undo, .redo:
            break
        }
        if let note = entry.note, !notes.contains(note) { notes.append(note) }
        if let level = entry.confidence { confidence = level }
        for tag in entry.tags ?? [] where !tags.contains(tag) { tags.append(tag) }
    }
}

/// Folds the review log into current state. Nothing in the log is ever changed: `undo` appends an
/// entry naming the entry it cancels, `redo` one naming that undo, so the fold first works out
/// which entries are cancelled, then applies the rest in order.
public struct ReviewLedger: Sendable {
    public let entries: [LoggedReview]
    /// Ids of entries cancelled by an effective undo (and undos cancelled by a redo).
    public let cancelled: Set<Int64>

    public init(_ entries: [LoggedReview]) {
        self.entries = entries
        var cancelled: Set<Int64> = []
        var undone: [Int64: Int64] = [:]
        for e in entries {
            switch e.entry.action {
            case let .undo(target):
                cancelled.insert(target)
                undone[e.id] = target
            case let .redo(undo):
                if let original = undone[undo] {
                    cancelled.remove(original)
                    cancelled.insert(undo)
                }
            default: break
            }
        }
        self.cancelled = cancelled
    }

    /// Entries that still count: not undone, and not themselves undo/redo bookkeeping.
    public var effective: [LoggedReview] {
        entries.filter(isEffective)
    }

    /// Whether `e` is one of `effective`'s entries (to walk them without building the array).
    public func isEffective(_ e: LoggedReview) -> Bool {
        !cancelled.contains(e.id) && !e.entry.action.isBookkeeping
    }

    /// The annotator's review of every claim they touched, keyed by claim id.
    /// `base` gives the stored claim for a claim id.
    public func reviews(by annotator: String, base: (Int64) -> Attribution?) -> [Int64: ClaimReview] {
        var result: [Int64: ClaimReview] = [:]
        for e in effective where e.entry.annotator == annotator {
            guard let claimID = e.entry.attributionID, let original = base(claimID) else { continue }
            var review = result[claimID] ?? ClaimReview(claimID: claimID, annotator: annotator, attribution: original)
            review.apply(e)
            result[claimID] = review
        }
        // A claim this annotator added and then undid is withdrawn: it is no longer theirs to show or score.
        for e in entries where e.entry.action == .add && e.entry.annotator == annotator && cancelled.contains(e.id) {
            guard let claimID = e.entry.attributionID, let original = base(claimID) else { continue }
            var review = result[claimID] ?? ClaimReview(claimID: claimID, annotator: annotator, attribution: original,
                                                        withdrawn: true)
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

    /// The ids of the claims rejected by an entry that still counts.
    public var rejectedClaims: Set<Int64> {
        Set(effective.compactMap { e in
            if case .reject = e.entry.action { return e.entry.attributionID }
            return nil
        })
    }
}

/// An analyst's standing verdict on whether two claims are one claim (`same ID` / `different ID`),
/// the pair ordered `a < b` whichever claim the analyst was on.
public struct LinkJudgement: Sendable, Equatable {
    public var a: Int64
    public var b: Int64
    public var same: Bool
    public var annotator: String

    public init(a: Int64, b: Int64, same: Bool, annotator: String) {
        self.a = min(a, b)
        self.b = max(a, b)
        self.same = same
        self.annotator = annotator
    }
}

extension ReviewLedger {
    /// The link verdicts that still count, one per pair and annotator (a later verdict on a pair
    /// replaces an earlier one, whichever side it was given from), by pair then annotator.
    public var linkJudgements: [LinkJudgement] {
        var latest: [String: LinkJudgement] = [:]
        for e in effective {
            guard let claim = e.entry.attributionID, let other = e.entry.action.linkedClaim else { continue }
            let same = if case .same = e.entry.action { true } else { false }
            let j = LinkJudgement(a: claim, b: other, same: same, annotator: e.entry.annotator)
            latest["\(j.a) \(j.b) \(j.annotator)"] = j
        }
        return latest.values.sorted { ($0.a, $0.b, $0.annotator) < ($1.a, $1.b, $1.annotator) }
    }
}
