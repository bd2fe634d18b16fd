import ClaimModel
import ClaimStore
import Review

/// The use cases behind the two REPLs (`annotate`, `adjudicate`): choose the run, load the queue,
/// read a document with its log, record actions, mark documents done, count progress, offer
/// completions, score. The terminal talks to this and never to the `ClaimStore` module, so that how the log is
/// stored can change without touching the screens, and the terminal module does not link the store.
///
/// Every operation is values in, values out; a store failure comes back as `WorkbenchError.store`
/// (its text is the store's own message).
public struct ReviewDesk: Sendable {
    /// A run as the sessions name it (row id, name, kind).
    public typealias Run = RunRef
    /// One claim of a run, or one an analyst added, with its row id and origin.
    public typealias Claim = StoredAttribution
    /// One document with its claims in a run and its whole log.
    public typealias Snapshot = DocumentSnapshot
    /// A stored document (the sessions use its row id).
    public typealias Document = StoredDocument
    /// A condition the store can test on a claim's columns (used to skip documents in a filtered queue).
    public typealias Condition = StoredClaimCondition
    /// A document the analyst marked done while reviewing another run, with the claims it holds in this one.
    public typealias DoneElsewhere = ClaimStore.DoneElsewhere

    public let workspace: Workspace
    var store: any StoreContract { workspace.store }

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    // MARK: - The analyst's preferences

    /// One of the analyst's remembered session settings (`keys`, `order`…), or nil when never set.
    public func preference(_ key: String, annotator: String) throws(WorkbenchError) -> String? {
        try db(store.preference(key, annotator: annotator))
    }

    /// Remembers a session setting for the analyst (nil forgets it).
    public func setPreference(_ key: String, _ value: String?, annotator: String) throws(WorkbenchError) {
        try db(store.setPreference(key, value, annotator: annotator))
    }

    // MARK: - The run and its queue

    /// The run to review: `name` if given, else "rules", else the only run that is not gold.
    public func runToReview(named name: String?) throws(WorkbenchError) -> Run {
        try chooseRun(named: name, find: { (n) throws(WorkbenchError) in try db(store.runRef(named: n)) },
                      all: { () throws(WorkbenchError) in try db(store.runRefs()) })
    }

    /// The same, chosen among `runs` (every run of the store, as `runs()` read them): a session
    /// that reads the list anyway (adjudicate names the runs its notes point to) looks nothing up again.
    public func runToReview(named name: String?, among runs: [Run]) throws(WorkbenchError) -> Run {
        // Names match byte for byte, as the store's lookup by name does.
        try chooseRun(named: name, find: { n in runs.first { $0.name.isExactly(n) } }, all: { runs })
    }

    /// The one rule of both: the run named, else "rules", else the only run that is not gold.
    private func chooseRun(named name: String?, find: (String) throws(WorkbenchError) -> Run?,
                           all: () throws(WorkbenchError) -> [Run]) throws(WorkbenchError) -> Run {
        if let name {
            guard let run = try find(name) else { throw Self.noRun(name) }
            return run
        }
        if let rules = try find("rules") { return rules }
        return try onlyRunToReview(try all())
    }

    static func noRun(_ name: String) -> WorkbenchError {
        .usage("no run named \(TerminalSafe.quoted(name)) (see `claimdesk runs`)")
    }

    /// With no run named and none called "rules": the only run that is not gold, or why there is none.
    private func onlyRunToReview(_ all: [Run]) throws(WorkbenchError) -> Run {
        let runs = all.filter { $0.kind != .gold }
        if runs.count == 1 { return runs[0] }
        if runs.isEmpty {
            if try db(store.documentCount()) == 0 {
                throw .usage("no documents to review yet: `claimdesk ingest PATH` stores them, then `claimdesk extract` finds their claims")
            }
            throw .usage("no claims to review yet: run `claimdesk extract` first")
        }
        throw .usage("no run named \"rules\": choose one with --run ("
            + runs.map { TerminalSafe.escape($0.name) }.joined(separator: ", ") + ")")
    }

    /// The runs (other than `runID`) whose documents include `docID`, those to review first (gold
    /// runs last), each in the store's run order: a `goto` or `--doc` that misses the run on
    /// screen can say where the document is.
    public func runsHolding(docID: String, except runID: Int64) throws(WorkbenchError) -> [String] {
        var reviewable: [String] = [], gold: [String] = []
        for run in try db(store.runRefs()) where run.rowID != runID {
            // The doc_id itself sorts first among the doc_ids it begins.
            let first = try db(store.documentIDs(runID: run.rowID, prefix: docID, limit: 1))
            guard first.first.map({ Array($0.utf8) == Array(docID.utf8) }) == true else { continue }
            if run.kind == .gold { gold.append(run.name) } else { reviewable.append(run.name) }
        }
        return reviewable + gold
    }

    /// Whether `run` holds gold brought in by `import-gold` (its claims are the imported reviews).
    public static func isGold(_ run: Run) -> Bool { run.kind == .gold }

    /// Every run of the store, in its order.
    public func runs() throws(WorkbenchError) -> [Run] {
        try db(store.runRefs())
    }

    /// Every run's name by row id, for the notes that name the run a mark or a gold comes from.
    public func runNames() throws(WorkbenchError) -> [Int64: String] { Self.names(of: try runs()) }

    /// `runs`' names by row id.
    public static func names(of runs: [Run]) -> [Int64: String] {
        var names: [Int64: String] = [:]
        for r in runs { names[r.rowID] = r.name }
        return names
    }

    /// The run's documents (row ids) in ingestion order: the review queue.
    public func documentRowIDs(processedBy runID: Int64) throws(WorkbenchError) -> [Int64] {
        try db(store.documentRowIDs(processedBy: runID))
    }

    /// Documents that several annotators marked done in the run: the adjudication queue.
    public func documentsDoneBySeveral(runID: Int64) throws(WorkbenchError) -> [(documentRowID: Int64, annotators: [String])] {
        try db(store.documentsDoneBySeveral(runID: runID))
    }

    /// Up to `limit` doc_ids of the run's documents beginning with `prefix`, in byte order.
    public func documentIDs(runID: Int64, prefix: String, limit: Int) throws(WorkbenchError) -> [String] {
        try db(store.documentIDs(runID: runID, prefix: prefix, limit: limit))
    }

    public func document(docID: String) throws(WorkbenchError) -> Document? {
        try db(store.document(docID: docID))
    }

    /// One document of the run with its claims and whole log; nil if it is gone.
    public func snapshot(documentRowID: Int64, runID: Int64) throws(WorkbenchError) -> Snapshot? {
        try db(store.snapshot(documentRowID: documentRowID, runID: runID))
    }

    public func claimRowIDs(runID: Int64, documentRowID: Int64) throws(WorkbenchError) -> [Int64] {
        try db(store.claimRowIDs(runID: runID, documentRowID: documentRowID))
    }

    public func attribution(rowID: Int64) throws(WorkbenchError) -> Claim? {
        try db(store.attribution(rowID: rowID))
    }

    /// The next (or previous) document of the run holding a claim that meets every condition.
    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool = false,
                             where conditions: [Condition]) throws(WorkbenchError) -> Int64? {
        try db(store.nextDocument(runID: runID, after: documentRowID, backwards: backwards, where: conditions))
    }

    // MARK: - The log

    /// One analyst's log in one run, oldest first (what undo and the counts are derived from).
    public func annotations(annotator: String, runID: Int64) throws(WorkbenchError) -> [LoggedReview] {
        try db(store.annotations(annotator: annotator, runID: runID))
    }

    /// Records one action, in its own transaction.
    public func append(_ entry: ReviewEntry) throws(WorkbenchError) -> LoggedReview {
        try db(store.append(entry))
    }

    /// Records several actions at once (all or nothing).
    public func append(_ entries: [ReviewEntry]) throws(WorkbenchError) -> [LoggedReview] {
        try db(store.append(entries))
    }

    /// Records one action that also changes the document's status for this analyst (undo of
    /// `done`), the mark in run `markRunID` (the entry's own run unless an undo restores an
    /// earlier mark made while reviewing another run).
    public func append(_ entry: ReviewEntry, documentStatus: String?, markRunID: Int64?) throws(WorkbenchError) -> LoggedReview {
        try db(store.append(entry, documentStatus: documentStatus, markRunID: markRunID))
    }

    /// Stores a claim an analyst added, with its `add` entry.
    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64,
                         annotator: String) throws(WorkbenchError) -> (Claim, LoggedReview) {
        try db(store.addClaim(attribution, runID: runID, documentRowID: documentRowID, annotator: annotator))
    }

    /// Marks a document done (or reopened) for one analyst, with its log entry.
    public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64,
                             status: String) throws(WorkbenchError) -> LoggedReview {
        try db(store.markDocument(documentRowID, annotator: annotator, runID: runID, status: status))
    }

    // MARK: - Progress, completion, score

    public func claimCount(runID: Int64) throws(WorkbenchError) -> Int {
        try db(store.claimCount(runID: runID))
    }

    public func doneDocumentRowIDs(annotator: String, runID: Int64) throws(WorkbenchError) -> [Int64] {
        try db(store.doneDocumentRowIDs(annotator: annotator, runID: runID))
    }

    /// Documents of run `runID` that `annotator` marked done while reviewing another run: after
    /// `train` and `extract --model`, the new run's queue leaves them out (their gold stands).
    public func documentsDoneElsewhere(annotator: String, runID: Int64) throws(WorkbenchError) -> [DoneElsewhere] {
        try db(store.documentsDoneElsewhere(annotator: annotator, runID: runID))
    }

    /// Outlets in the store, for TAB completion (at most `limit`).
    public func outlets(limit: Int) throws(WorkbenchError) -> [String] {
        try db(store.outlets(limit: limit))
    }

    /// Tag lists in the log, for TAB completion (at most `limit`).
    public func tagLists(limit: Int) throws(WorkbenchError) -> [[String]] {
        try db(store.tagLists(limit: limit))
    }
}
