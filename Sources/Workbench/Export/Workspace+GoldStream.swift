import ClaimModel
import ClaimStore
import Review

/// What a walk over the gold saw, beside the documents it handed out.
public struct GoldWalkSummary: Sendable, Equatable {
    public var documents = 0
    public var attributions = 0
    /// doc_ids left out because their annotators disagree and nothing is adjudicated.
    public var disagreements: [String] = []
    /// doc_ids taken from reviews of documents not marked done (`includePartial`).
    public var partial: [String] = []
    public var totalDocuments = 0
    public var reviewedClaims = 0
    public var claimsInDoneDocuments = 0
    /// Gold claims whose verdict came from `accept-above`, and the lowest confidence accepted so.
    public var bulkAccepted = 0
    public var bulkThreshold: Double?
}

extension Workspace {
    /// Hands out the analysts' gold one document at a time, in ingestion order, holding only that
    /// document in memory: the same selection as `goldFromAnnotations` (documents marked done;
    /// with `annotator`, only theirs; disagreeing documents left out), so that export and `score`
    /// agree. With `includePartial`, documents nobody marked done but with reviewed claims follow
    /// the same rule, each annotator's reviews so far counting as their gold. `eachLog` sees the
    /// log and the claims (every run's, as the bundle holds them) of every document marked done
    /// (the card's agreement figures come from it).
    @discardableResult
    public func forEachGoldDocument(
        annotator: String? = nil, includePartial: Bool = false,
        eachLog: ((ReviewLedger, [StoredAttribution]) throws(WorkbenchError) -> Void)? = nil,
        _ body: (GoldDocument) throws(WorkbenchError) -> Void
    ) throws(WorkbenchError) -> GoldWalkSummary {
        let reviews = try db(store.documentReviews())
            .filter { $0.status == "done" && (annotator == nil || $0.annotator == annotator) }
        var byDocument: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews { byDocument[r.documentRowID, default: []].append(r) }
        var selection = GoldSelection(documents: [], disagreements: [], totalDocuments: 0, reviewedClaims: 0, claimsInDoneDocuments: 0)
        var summary = GoldWalkSummary()
        summary.totalDocuments = try db(store.documentCount())
        let order = includePartial
            ? try db(store.documentRowIDs())
            : byDocument.keys.sorted()
        // Documents are read and decided in batches on a background thread while the previous
        // batch is handed out here: reading and deciding use one core, encoding and writing the other.
        let batches = stride(from: 0, to: order.count, by: Self.goldBatchSize).map {
            Array(order[$0..<min($0 + Self.goldBatchSize, order.count)])
        }
        let useAdjudication = annotator == nil
        let doneBy = byDocument
        let reader = BatchPrefetcher(batches) { [store] ids throws(StoreError) in
            try store.bundles(documentRowIDs: ids).compactMap { bundle in
                Self.decide(bundle, done: doneBy[bundle.stored.rowID] ?? [], annotator: annotator,
                            includePartial: includePartial, useAdjudication: useAdjudication)
            }
        }
        while let next = reader.next() {
            let decisions: [GoldDecision]
            switch next {
            case let .success(value): decisions = value
            case let .failure(error): throw WorkbenchError.store(error)
            }
            for decision in decisions {
                if decision.partial {
                    summary.partial.append(decision.stored.document.id)
                } else {
                    try eachLog?(decision.log, decision.claims)
                    selection.reviewedClaims += decision.tally.reviewedClaims
                    selection.claimsInDoneDocuments += decision.tally.claimsInDoneDocuments
                    selection.addBulk(decision.tally.bulkAccepted, decision.tally.bulkThreshold)
                }
                guard let gold = decision.gold else {
                    summary.disagreements.append(decision.stored.document.id)
                    continue
                }
                summary.documents += 1
                summary.attributions += gold.count
                try body(GoldDocument(stored: decision.stored, attributions: gold, annotators: decision.annotators,
                                      claims: decision.claims))
            }
        }
        summary.reviewedClaims = selection.reviewedClaims
        summary.claimsInDoneDocuments = selection.claimsInDoneDocuments
        summary.bulkAccepted = selection.bulkAccepted
        summary.bulkThreshold = selection.bulkThreshold
        return summary
    }

    static let goldBatchSize = 256

    /// The reviews of one run: annotators who marked a document done while reviewing different runs
    /// judged different claims, so the gold comes from the run most of them reviewed (ties: the
    /// older run); the other reviews do not enter this document's gold.
    static func reviewedRun(_ done: [DocumentReviewEntry]) -> [DocumentReviewEntry] {
        // The common case, one run, without grouping (the export decides 100,000s of documents).
        guard let first = done.first, done.contains(where: { $0.runID != first.runID }),
              let best = goldRunKey(done.map(\.runID)) else { return done }
        return done.filter { ($0.runID ?? -1) == best }
    }

    /// The rule `reviewedRun` applies, over the runs of a document's standing done marks (one per
    /// annotator): the run most marks were given in, ties to the older (lower) run id; a mark
    /// without a run counts as run -1. Nil for no marks. The REPL says with it where a document's
    /// gold comes from.
    public static func goldRunKey(_ runs: [Int64?]) -> Int64? {
        var counts: [Int64: Int] = [:]
        for run in runs { counts[run ?? -1, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    /// One document's gold, decided off the main thread.
    struct GoldDecision: Sendable {
        var stored: StoredDocument
        var log: ReviewLedger
        var annotators: [String]
        /// nil: the annotators differ and nothing is adjudicated.
        var gold: [Attribution]?
        var claims: [StoredAttribution]
        /// Nobody marked it done; its reviews so far were taken (`includePartial`).
        var partial: Bool
        var tally: GoldSelection
    }

    /// The gold of one document: marked done (by `done`), or partial, or nil when it gives none.
    static func decide(_ bundle: DocumentBundle, done allDone: [DocumentReviewEntry], annotator: String?,
                       includePartial: Bool, useAdjudication: Bool) -> GoldDecision? {
        let log = ReviewLedger(bundle.log)
        let done = reviewedRun(allDone)
        var names = done.map(\.annotator)
        var runs = Set(done.compactMap(\.runID))
        if done.isEmpty {
            guard includePartial else { return nil }
            let reviewers = Self.reviewers(in: log, annotator: annotator)
            guard !reviewers.isEmpty else { return nil }
            names = []
            for (name, _) in reviewers where !names.contains(name) { names.append(name) }
            runs = Set(reviewers.map(\.1))
        }
        var tally = GoldSelection(documents: [], disagreements: [], totalDocuments: 0, reviewedClaims: 0, claimsInDoneDocuments: 0)
        // Most documents hold claims of the reviewed run only: then the bundle's array is shared, not copied.
        let claims = bundle.claims.allSatisfy({ runs.contains($0.runID) }) ? bundle.claims
            : bundle.claims.filter { runs.contains($0.runID) }
        let gold = decideGold(claims: claims, annotators: names, log: log, useAdjudication: useAdjudication, tally: &tally)
        return GoldDecision(stored: bundle.stored, log: log, annotators: names, gold: gold, claims: bundle.claims,
                            partial: done.isEmpty, tally: tally)
    }

    /// Who reviewed claims of which run in a document, in order of their first entry.
    static func reviewers(in log: ReviewLedger, annotator: String?) -> [(String, Int64)] {
        var seen: [(String, Int64)] = []
        for e in log.effective where e.entry.attributionID != nil {
            guard let runID = e.entry.runID, annotator == nil || e.entry.annotator == annotator else { continue }
            if !seen.contains(where: { $0.0 == e.entry.annotator && $0.1 == runID }) { seen.append((e.entry.annotator, runID)) }
        }
        return seen
    }
}
