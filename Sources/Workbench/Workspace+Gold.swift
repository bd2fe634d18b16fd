import ClaimModel
import ClaimStore

/// One document's gold attributions and where they came from.
public struct GoldDocument: Sendable {
    public var stored: StoredDocument
    public var attributions: [Attribution]
    /// The annotators whose review gives this gold.
    public var annotators: [String]
    /// Every claim stored for the document (all runs), as read for the gold: scoring takes a run's
    /// predictions from here instead of reading the document again.
    public var claims: [StoredAttribution] = []

    /// What a gold export writes as the document's `reviewed_by`: the annotators who marked it done,
    /// or nil when a reader derives them from the reviews (the annotators named by the reviews that
    /// are not adjudications), which keeps single-annotator exports as they were.
    public var reviewedBy: [String]? {
        var named: [String] = []
        for a in attributions {
            guard let r = a.review, !r.adjudication, let name = r.annotator else { continue }
            if !named.contains(name) { named.append(name) }
        }
        return !named.isEmpty && Set(named) == Set(annotators) ? nil : annotators
    }

    /// The document as a gold export writes it.
    public var exported: AnnotatedDocument {
        AnnotatedDocument(document: stored.document, attributions: attributions, reviewedBy: reviewedBy)
    }
}

/// The gold the analysts' annotations give: documents marked done, minus those left out.
public struct GoldSelection: Sendable {
    public var documents: [GoldDocument]
    /// doc_ids marked done by several annotators who disagree, with nothing adjudicated.
    public var disagreements: [String]
    public var totalDocuments: Int
    /// Claims in done documents that carry a verdict / all claims in done documents.
    public var reviewedClaims: Int
    public var claimsInDoneDocuments: Int
}

extension Workspace {
    /// Gold from annotations: per document marked done, the confirmed and corrected claims (as
    /// corrected) plus the added ones. With `annotator`, only that annotator's. Otherwise, where
    /// several annotators marked a document done, each claim is decided by their unanimous view or,
    /// where they differ, by an adjudication (an entry whose fields say `"adjudication": true`);
    /// a document with a difference nobody adjudicated is listed and left out.
    public func goldFromAnnotations(annotator: String? = nil) throws(WorkbenchError) -> GoldSelection {
        var documents: [GoldDocument] = []
        let walk = try forEachGoldDocument(annotator: annotator) { (gold) throws(WorkbenchError) in documents.append(gold) }
        return GoldSelection(documents: documents, disagreements: walk.disagreements, totalDocuments: walk.totalDocuments,
                             reviewedClaims: walk.reviewedClaims, claimsInDoneDocuments: walk.claimsInDoneDocuments)
    }

    /// The gold of one document, or nil when its annotators differ on a claim nobody adjudicated.
    static func decideGold(claims: [StoredAttribution], annotators: [String], log: ReviewLedger,
                           useAdjudication: Bool, tally: inout GoldSelection) -> [Attribution]? {
        var base: [Int64: Attribution] = [:]
        for c in claims { base[c.rowID] = c.attribution }
        var views: [String: [Int64: ClaimReview]] = [:]
        for name in annotators { views[name] = log.reviews(by: name) { base[$0] } }
        var adjudicated: [Int64: String] = [:]
        if useAdjudication {
            for e in log.effective {
                guard let claimID = e.entry.attributionID, Self.isAdjudication(e) else { continue }
                adjudicated[claimID] = e.entry.annotator
            }
        }
        var adjudicatorViews: [String: [Int64: ClaimReview]] = [:]
        for name in Set(adjudicated.values) { adjudicatorViews[name] = log.reviews(by: name) { base[$0] } }
        // An adjudication decides only once it has a verdict (a correction alone is work in progress).
        adjudicated = adjudicated.filter { claimID, name in adjudicatorViews[name]?[claimID]?.verdict != nil }

        let addedKeys = Self.addedKeys(claims: claims, annotators: annotators) { name, claimID in
            Self.standing(views[name]?[claimID])
        }
        var emittedAdded: Set<String> = []
        var gold: [Attribution] = []
        for c in claims {
            if c.origin == .added, let author = c.addedBy, !annotators.contains(author), adjudicated[c.rowID] == nil { continue }
            tally.claimsInDoneDocuments += 1
            if let adjudicator = adjudicated[c.rowID] {
                tally.reviewedClaims += 1
                if let r = adjudicatorViews[adjudicator]?[c.rowID], let verdict = r.verdict, verdict.isGold, !r.withdrawn {
                    var a = r.attribution
                    a.review = r.review
                    a.review?.adjudication = true
                    // Every annotator's own view travels with an adjudicated claim.
                    a.otherReviews = annotators.compactMap { name in
                        Self.standing(views[name]?[c.rowID]).flatMap { Self.otherReview($0, against: a) }
                    }
                    gold.append(a)
                }
                continue
            }
            let decisions = annotators.map { Self.standing(views[$0]?[c.rowID]) }
            if decisions.contains(where: { $0 != nil }) { tally.reviewedClaims += 1 }
            switch Self.consensus(of: c, annotators: annotators, decisions: decisions, addedKeys: addedKeys) {
            case .disputed:
                return nil
            case .agreedOut:
                continue
            case let .agreedKeep(r):
                if c.origin == .added {
                    // Several annotators adding the same missed claim give it once.
                    guard emittedAdded.insert(attributionKey(r.attribution)).inserted else { continue }
                }
                var a = r.attribution
                a.review = r.review
                // The others agree on the fields; their reviews travel where they differ otherwise.
                a.otherReviews = annotators.compactMap { name in
                    guard name != r.annotator, let theirs = Self.standing(views[name]?[c.rowID]),
                          let other = Self.otherReview(theirs, against: a) else { return nil }
                    var same = other
                    same.annotator = a.review?.annotator
                    return same == a.review ? nil : other
                }
                gold.append(a)
            }
        }
        return gold
    }

    /// An annotator's review as a gold export carries it beside the deciding one: with the
    /// correctable fields where their view differs from `gold`.
    static func otherReview(_ view: ClaimReview, against gold: Attribution) -> Review? {
        guard var review = view.review else { return nil }
        var changes: [(String, JSONValue)] = []
        for field in FieldChange.names {
            let theirs = FieldChange.encode(view.attribution, field: field)
            if theirs != FieldChange.encode(gold, field: field) { changes.append((field, theirs)) }
        }
        review.changes = changes.isEmpty ? nil : .object(changes)
        return review
    }

    /// How several annotators' views of one claim combine, adjudication aside.
    public enum Consensus: Sendable {
        /// Nobody keeps it (rejected, withdrawn or never judged by all).
        case agreedOut
        /// Everyone keeps it with the same fields: this view.
        case agreedKeep(ClaimReview)
        case disputed
    }

    /// A review that stands: it has a verdict and was not withdrawn.
    public static func standing(_ review: ClaimReview?) -> ClaimReview? {
        guard let review, review.verdict != nil, !review.withdrawn else { return nil }
        return review
    }

    /// The one rule for "annotators differ", used by the gold and by `adjudicate`: one keeps a claim
    /// and another does not, or all keep it with different fields. A claim one annotator added is
    /// agreed when every annotator added (and keeps) a claim with the same fields.
    /// `decisions` are the annotators' standing reviews of the claim, in `annotators`' order.
    public static func consensus(of claim: StoredAttribution, annotators: [String], decisions: [ClaimReview?],
                          addedKeys: [String: Set<String>]) -> Consensus {
        if decisions.count == 1 {
            guard let r = decisions[0], r.verdict?.isGold == true else { return .agreedOut }
            return .agreedKeep(r)
        }
        if claim.origin == .added, let author = claim.addedBy, let index = annotators.firstIndex(of: author) {
            guard let r = decisions[index], r.verdict?.isGold == true else { return .agreedOut }
            let key = attributionKey(r.attribution)
            return annotators.allSatisfy { addedKeys[$0]?.contains(key) == true } ? .agreedKeep(r) : .disputed
        }
        let kept = decisions.map { $0?.verdict?.isGold == true }
        if Set(kept).count > 1 { return .disputed }
        guard kept.first == true, let first = decisions.first ?? nil else { return .agreedOut }
        let keys = Set(decisions.compactMap { $0.map { attributionKey($0.attribution) } })
        return keys.count == 1 ? .agreedKeep(first) : .disputed
    }

    /// Per annotator, the fields of every claim they added and keep.
    public static func addedKeys(claims: [StoredAttribution], annotators: [String],
                          decision: (String, Int64) -> ClaimReview?) -> [String: Set<String>] {
        var keys: [String: Set<String>] = [:]
        guard annotators.count > 1 else { return keys }
        for c in claims where c.origin == .added {
            guard let author = c.addedBy, annotators.contains(author), let r = decision(author, c.rowID),
                  r.verdict?.isGold == true else { continue }
            keys[author, default: []].insert(attributionKey(r.attribution))
        }
        return keys
    }

    /// An entry written by `adjudicate` (its fields say `"adjudication": true`).
    static func isAdjudication(_ e: AnnotationEntry) -> Bool {
        guard let fields = e.entry.fields, mentionsAdjudication(fields),
              case .bool(true)? = JSONValue(parsing: fields)?["adjudication"] else { return false }
        return true
    }

    /// A cheap byte search before parsing: most entries are not adjudications.
    public static func mentionsAdjudication(_ fields: String) -> Bool {
        let needle = Array("\"adjudication\"".utf8)
        var fields = fields
        return fields.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == needle[0] {
                    var j = 1
                    while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    static func attributionKey(_ x: Attribution) -> String {
        "\(x.source?.description ?? "-")|\(x.cue?.description ?? "-")|\(x.content?.description ?? "-")|\(x.outlet ?? "-")|\(x.sourceType?.rawValue ?? "-")|\(x.anonymous.map { "\($0)" } ?? "-")|\(x.sourceEntity ?? "-")"
    }
}
