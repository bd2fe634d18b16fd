import ClaimModel
import Foundation
import Review

// The store contract: every operation the rest of ClaimDesk asks of a store, grouped by area the way
// the SQLite store's files are (`SQLiteStore+Documents.swift` → `DocumentStore`…). `SQLiteStore`
// (GRDB) and `PostgresStore` implement it; Workbench, the REPLs (through `ReviewDesk`), the commands
// and the benchmarks hold an `any StoreContract` and never name an implementation, except where they
// open one. `StoreConformanceTests` runs the same tests against every implementation.
//
// What an implementation must keep, whatever its engine:
// - Row ids (`rowID`, `id`) are positive and ascend in insertion order; "ingestion order" and
//   "oldest first" mean ascending row id. Names and texts compare and sort by bytes (UTF-8),
//   whatever the engine's collation.
// - Every write operation is one transaction: all or nothing, and a reader never sees half of it.
//   An operation that throws has changed nothing.
// - The review log (`annotation`, `documentReview`) is append-only: nothing ever changes or removes
//   an entry once it is appended (enforced by the database itself, not only by this API).
// - A run's claims in a document are visible to readers only once the run has completed the
//   document (`saveRunOutput`, `completeDocument`); pending claims are seen by no reader.
// - Times come from the store's clock, one value per operation (every row an operation writes
//   carries the same time).
// - Errors are `StoreError`s, each naming what failed; a location in a message is the store's
//   `location` description, which never holds a password.

/// The documents: ingest them once, read them by doc_id or row id.
public protocol DocumentStore {
    /// Stores documents in one transaction: new doc_ids are added (in the order given), a doc_id
    /// already stored with the same text is a no-op (listed in `unchanged`), and a doc_id stored
    /// with another text fails the whole batch with `documentConflict` (nothing stored).
    func ingest(_ documents: [(document: Document, origin: String)]) throws(StoreError) -> IngestSummary
    /// How many documents the store holds.
    func documentCount() throws(StoreError) -> Int
    /// The document with this doc_id, or nil when none is stored.
    func document(docID: String) throws(StoreError) -> StoredDocument?
    /// The document with this row id, or nil when none is stored.
    func document(rowID: Int64) throws(StoreError) -> StoredDocument?
    /// Documents by row id, in the order given; unknown row ids are skipped (no error).
    func documents(rowIDs: [Int64]) throws(StoreError) -> [StoredDocument]
    /// Up to `limit` doc_ids of the run's processed documents that begin with `prefix` (a byte-wise
    /// prefix), in byte order of the doc_id (for `goto` by prefix and TAB completion).
    func documentIDs(runID: Int64, prefix: String, limit: Int) throws(StoreError) -> [String]
    /// Row ids of every document, in ingestion order.
    func documentRowIDs() throws(StoreError) -> [Int64]
    /// Every document without its text, in ingestion order, with its visible claims (every run,
    /// analyst-added ones included) and the annotators whose latest mark on it is "done", by name.
    func documentSummaries() throws(StoreError) -> [DocumentSummary]
    /// Which of `documents` the store already holds (by doc_id): with the same text, or with
    /// another one, as doc_ids' bytes (`exactKey`): a Set of Strings would hash the two Unicode
    /// forms of one doc_id as one. A read: it takes no write lock.
    func storedDocIDs(_ documents: [Document]) throws(StoreError) -> (sameText: Set<[UInt8]>, otherText: Set<[UInt8]>)
}

extension DocumentStore {
    /// The doc_ids among `documents` that the store holds with another text (an import leaves them
    /// out, or is refused), as their bytes (`exactKey`). A read: it takes no write lock.
    public func docIDsStoredWithOtherText(_ documents: [Document]) throws(StoreError) -> Set<[UInt8]> {
        try storedDocIDs(documents).otherText
    }
}

/// Runs (an extractor's output, imported claims, imported gold) and the writing of their claims.
public protocol RunStore {
    /// Creates a run with no documents and no claims; a run of that name must not exist
    /// (`runExists`, nothing stored).
    func createRun(name: String, kind: RunKind, extractor: String, version: String?, parameters: String?) throws(StoreError) -> RunInfo
    /// The run named `name` with its counts, or nil.
    func run(named name: String) throws(StoreError) -> RunInfo?
    /// Every run, oldest first, with the documents it has processed and the run's own visible claims
    /// (not analyst-added ones).
    func runs() throws(StoreError) -> [RunInfo]
    /// The run named `name` without its counts (cheap), or nil.
    func runRef(named name: String) throws(StoreError) -> RunRef?
    /// Every run without counts, oldest first.
    func runRefs() throws(StoreError) -> [RunRef]
    /// Row ids of the documents the run has not processed (completed) yet, in ingestion order.
    func documentRowIDs(notProcessedBy runID: Int64) throws(StoreError) -> [Int64]
    /// Row ids of the documents the run has processed, in ingestion order.
    func documentRowIDs(processedBy runID: Int64) throws(StoreError) -> [Int64]
    /// Stores the run's claims for a batch of documents and marks each document processed, in one
    /// transaction; ordinals are the claims' positions (from 0). A document the run already
    /// processed is skipped whole (a batch can be retried). Returns how many claims were stored.
    @discardableResult
    func saveRunOutput(runID: Int64, _ output: [(documentRowID: Int64, attributions: [Attribution])]) throws(StoreError) -> Int
    /// The documents the run has not completed, in ingestion order, with their length in Unicode
    /// scalars (to batch by size without reading any text).
    func pendingDocuments(notProcessedBy runID: Int64) throws(StoreError) -> [(rowID: Int64, scalars: Int)]
    /// Removes the claims an interrupted writer left in documents the run has not completed (never
    /// analyst-added claims), at most `chunk` rows per transaction. Returns how many went.
    @discardableResult
    func discardIncompleteClaims(runID: Int64, chunk: Int) throws(StoreError) -> Int
    /// Appends claims of a document the run has not completed, in one transaction, ordinals from
    /// `firstOrdinal`; they stay invisible until `completeDocument`. Refuses (`database`, nothing
    /// stored) a document the run has already completed. Returns how many were stored.
    @discardableResult
    func appendPendingClaims(runID: Int64, documentRowID: Int64, firstOrdinal: Int,
                             _ attributions: [Attribution]) throws(StoreError) -> Int
    /// Marks the document complete in the run: its claims become visible, all at once. Completing
    /// a document twice is a no-op.
    func completeDocument(runID: Int64, documentRowID: Int64) throws(StoreError)
    /// How many visible claims the run holds (its own, not analyst-added ones).
    func claimCount(runID: Int64) throws(StoreError) -> Int
}

extension RunStore {
    /// `discardIncompleteClaims(runID:chunk:)` with 5,000 rows per transaction.
    @discardableResult
    public func discardIncompleteClaims(runID: Int64) throws(StoreError) -> Int {
        try discardIncompleteClaims(runID: runID, chunk: 5_000)
    }
}

/// Reading claims (per document, per run, in bulk), and the analyst's own claims.
public protocol ClaimQueries {
    /// A run's claims in one document, by ordinal then row id (analyst-added ones after the run's
    /// own). Callers ask for documents the run has completed; pending claims are not filtered here.
    func attributions(runID: Int64, documentRowID: Int64) throws(StoreError) -> [StoredAttribution]
    /// Visible claims matching the optional run, document and origin (nil: any), ordered by
    /// document row id, run row id, ordinal, then row id.
    func attributions(runID: Int64?, documentRowID: Int64?, origin: ClaimOrigin?) throws(StoreError) -> [StoredAttribution]
    /// One claim by row id, or nil.
    func attribution(rowID: Int64) throws(StoreError) -> StoredAttribution?
    /// Stores a claim an analyst added (origin `added`, ordinal after the document's last in the
    /// run) and its `add` log entry, in one transaction.
    func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64, annotator: String,
                  note: String?) throws(StoreError) -> (StoredAttribution, LoggedReview)
    /// Documents with their whole logs (oldest first) and visible claims of every run (by run,
    /// ordinal, row id), read in one consistent snapshot; the result follows `documentRowIDs`'
    /// order, unknown row ids skipped. The bulk path for exports and scoring.
    func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle]
    /// One document with the run's claims in it (as `attributions(runID:documentRowID:)`) and its
    /// whole log (every annotator, oldest first), read in one consistent snapshot; nil when no
    /// such document.
    func snapshot(documentRowID: Int64, runID: Int64) throws(StoreError) -> DocumentSnapshot?
    /// The run's claim row ids in one document, by ordinal then row id.
    func claimRowIDs(runID: Int64, documentRowID: Int64) throws(StoreError) -> [Int64]
    /// The run's own visible claims, in queue order (document row id, ordinal, row id).
    func queuedClaims(runID: Int64) throws(StoreError) -> [QueuedClaim]
    /// The run's own visible claims with confidence at or above `threshold` whose columns meet
    /// every one of `conditions`, in queue order (a claim without confidence never qualifies).
    func queuedClaims(runID: Int64, atOrAbove threshold: Double,
                      where conditions: [StoredClaimCondition]) throws(StoreError) -> [QueuedClaim]
    /// The nearest document after `documentRowID` (before it, when `backwards`) in row-id order
    /// that holds a visible claim of the run (analyst-added ones included) meeting every one of
    /// `conditions`; nil when none. `outlet` compares ignoring ASCII case; the confidence bounds
    /// are strict.
    func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool,
                      where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64?
    /// Up to `limit` distinct non-null outlets over every stored claim (every run, analyst-added
    /// ones included), in byte order.
    func outlets(limit: Int) throws(StoreError) -> [String]
    /// Up to `limit` distinct tag lists of the log (every annotator), ordered by their stored
    /// JSON text.
    func tagLists(limit: Int) throws(StoreError) -> [[String]]
}

extension ClaimQueries {
    /// The run's own (`origin` `.run`) visible claims matching the optional run and document.
    public func attributions(runID: Int64?, documentRowID: Int64?) throws(StoreError) -> [StoredAttribution] {
        try attributions(runID: runID, documentRowID: documentRowID, origin: .run)
    }

    /// `addClaim` without a note.
    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64,
                         annotator: String) throws(StoreError) -> (StoredAttribution, LoggedReview) {
        try addClaim(attribution, runID: runID, documentRowID: documentRowID, annotator: annotator, note: nil)
    }

    /// The next document forwards (or backwards) holding a claim that meets `condition`.
    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool = false,
                             where condition: StoredClaimCondition) throws(StoreError) -> Int64? {
        try nextDocument(runID: runID, after: documentRowID, backwards: backwards, where: [condition])
    }

    /// The next document forwards holding a claim that meets every one of `conditions`.
    public func nextDocument(runID: Int64, after documentRowID: Int64,
                             where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64? {
        try nextDocument(runID: runID, after: documentRowID, backwards: false, where: conditions)
    }
}

/// The append-only review log and the done marks of documents.
public protocol ReviewLog {
    /// Appends entries in one transaction (all or nothing), in the order given; returns them as
    /// stored (ids ascending, the operation's time). Appending never changes an earlier entry.
    @discardableResult
    func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry]
    /// Appends one typed entry (an undo or redo) and, when `documentStatus` is "done" or
    /// "reopened", the matching document mark, in one transaction. The mark names `markRunID`:
    /// the entry's run, or, when an undo restores the mark an earlier `done` made while reviewing
    /// another run, that run.
    @discardableResult
    func append(_ review: ReviewEntry, documentStatus: String?, markRunID: Int64?) throws(StoreError) -> LoggedReview
    /// The log of one document, oldest first; every annotator when `annotator` is nil.
    func annotations(documentRowID: Int64, annotator: String?) throws(StoreError) -> [AnnotationEntry]
    /// The whole log, oldest first (audits and tests; the REPL and the gold read per document).
    func annotations() throws(StoreError) -> [AnnotationEntry]
    /// One annotator's typed entries in a run, oldest first.
    func annotations(annotator: String, runID: Int64) throws(StoreError) -> [LoggedReview]
    /// Every annotator's typed entries in a run, oldest first.
    func annotations(runID: Int64) throws(StoreError) -> [LoggedReview]
    /// One log entry by id, or nil.
    func annotation(id: Int64) throws(StoreError) -> AnnotationEntry?
    /// Records that `annotator` marked a document "done" (or "reopened" it): its log entry (`done`
    /// or `reopen`) and its mark, in one transaction.
    @discardableResult
    func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String) throws(StoreError) -> LoggedReview
    /// The latest mark per (document, annotator), ordered by document row id, then annotator.
    func documentReviews() throws(StoreError) -> [DocumentReviewEntry]
    /// The run's documents whose latest mark by `annotator` is "done", in ingestion order.
    func doneDocumentRowIDs(annotator: String, runID: Int64) throws(StoreError) -> [Int64]
    /// The documents of `runID` (those it processed) whose latest mark by `annotator` is "done",
    /// made while reviewing another run than `runID` (or none), each with that run's name and how
    /// many of `runID`'s own claims it holds: their gold stands, so a review of `runID` leaves them
    /// out. In ingestion order.
    func documentsDoneElsewhere(annotator: String, runID: Int64) throws(StoreError) -> [DoneElsewhere]
    /// The run's documents that two or more annotators currently hold "done" (latest mark), in
    /// ingestion order, each with those annotators in the order of their latest marks.
    func documentsDoneBySeveral(runID: Int64) throws(StoreError) -> [(documentRowID: Int64, annotators: [String])]
}

extension ReviewLog {
    /// `append(_:documentStatus:markRunID:)` with the mark in the entry's own run.
    @discardableResult
    public func append(_ review: ReviewEntry, documentStatus: String?) throws(StoreError) -> LoggedReview {
        try append(review, documentStatus: documentStatus, markRunID: review.runID)
    }

    /// Appends one entry, in its own transaction.
    @discardableResult
    public func append(_ annotation: NewAnnotation) throws(StoreError) -> AnnotationEntry {
        let stored = try append([annotation])
        guard let first = stored.first else {
            throw StoreError.database(operation: "recording an annotation", message: "the store returned no entry")
        }
        return first
    }

    /// Appends typed entries in one transaction (all or nothing); each comes back as a reader will
    /// see it (the written entry when its stored columns cannot be read back).
    @discardableResult
    public func append(_ reviews: [ReviewEntry]) throws(StoreError) -> [LoggedReview] {
        let stored = try append(reviews.map(NewAnnotation.init))
        return zip(stored, reviews).map { $0.logged ?? LoggedReview(id: $0.id, entry: $1, createdAt: $0.createdAt) }
    }

    /// Appends one typed entry, in its own transaction.
    @discardableResult
    public func append(_ review: ReviewEntry) throws(StoreError) -> LoggedReview {
        let stored = try append([review])
        guard let first = stored.first else {
            throw StoreError.database(operation: "recording an annotation", message: "the store returned no entry")
        }
        return first
    }

    /// The log of one document, every annotator, oldest first.
    public func annotations(documentRowID: Int64) throws(StoreError) -> [AnnotationEntry] {
        try annotations(documentRowID: documentRowID, annotator: nil)
    }

    /// The typed log of one document, oldest first; every annotator unless `annotator` is given.
    public func reviewLog(documentRowID: Int64, annotator: String? = nil) throws(StoreError) -> [LoggedReview] {
        try annotations(documentRowID: documentRowID, annotator: annotator).logged
    }
}

/// Staged imports: written outside the store, then committed in one transaction.
public protocol ImportStore {
    /// A new, empty staging area for an import into this store (an SQLite file the caller fills
    /// with `ImportStage.add`, never the store itself). Staging files left by killed imports are
    /// removed first.
    func makeImportStage() throws(StoreError) -> ImportStage
    /// Copies a staged import into the store in one transaction: all of it or nothing. Refused as
    /// a whole, storing nothing: a doc_id stored with another text (`documentConflict`); a run name
    /// taken by a run of another kind (`runKindTaken`); a document already in its run with other
    /// claims or reviews (`importChangesRun`) unless `replace`, which renames the run's older
    /// version `NAME@vN` (the first free N from 1). A document already in its run with the same
    /// content is left as it is (`unchanged`). Staged claims and entries keep their staged order.
    func commit(_ stage: ImportStage, replace: Bool) throws(StoreError) -> ImportCommit
}

/// Link runs (claims linked across documents): derived data, re-made at will.
public protocol LinkStore {
    /// Stores a link run with its clusters (in the order given) and links, in one transaction. A
    /// link run of that name is refused (`linkRunExists`) unless `replace`, which removes the old
    /// one in the same transaction.
    @discardableResult
    func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster], links: [StoredLink],
                     replace: Bool) throws(StoreError) -> LinkRunInfo
    /// Every link run, oldest first, with its distinct cluster and link counts; none on a store
    /// whose schema predates link runs.
    func linkRuns() throws(StoreError) -> [LinkRunInfo]
    /// A link run's clusters in the order they were stored, each one's claim row ids ascending.
    func linkClusters(linkRunID: Int64) throws(StoreError) -> [StoredCluster]
    /// A link run's links ordered by (a, b), each with the cluster of `a`.
    func links(linkRunID: Int64) throws(StoreError) -> [StoredLink]
    /// The typed log entries link verdicts fold from, every run's: `same`, `different`, `undo` and
    /// `redo`, oldest first; nothing else of the log.
    func linkVerdictLog() throws(StoreError) -> [LoggedReview]
}

extension LinkStore {
    /// `saveLinkRun` refusing a name that exists.
    @discardableResult
    public func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster],
                            links: [StoredLink]) throws(StoreError) -> LinkRunInfo {
        try saveLinkRun(name: name, runID: runID, options: options, clusters: clusters, links: links, replace: false)
    }
}

/// Trained models, stored by name with their bytes.
public protocol ModelStore {
    /// Stores a model under its name, returned with the store's time as `createdAt`. A name that
    /// exists is refused (`modelExists`) unless `replace`, which swaps it in one transaction.
    @discardableResult
    func saveModel(_ model: StoredModel, replace: Bool) throws(StoreError) -> StoredModel
    /// The model named `name` with its bytes (exactly as saved), or nil.
    func model(named name: String) throws(StoreError) -> StoredModel?
    /// Every model, oldest first, without its bytes (`size` counts them).
    func models() throws(StoreError) -> [ModelInfo]
}

extension ModelStore {
    /// `saveModel` refusing a name that exists.
    @discardableResult
    public func saveModel(_ model: StoredModel) throws(StoreError) -> StoredModel {
        try saveModel(model, replace: false)
    }
}

/// Per-analyst preferences (key → value).
public protocol PreferenceStore {
    /// The analyst's value for `key`, or nil when never set (or cleared). Other analysts' values
    /// are never seen.
    func preference(_ key: String, annotator: String) throws(StoreError) -> String?
    /// Sets the analyst's value for `key` (the last write wins), or with nil removes it.
    func setPreference(_ key: String, _ value: String?, annotator: String) throws(StoreError)
}

/// Where the store is, whether it is sound, and the end of its use.
public protocol StoreMaintenance {
    /// Where the store is, for messages and cards (its description never holds a password).
    var location: StoreLocation { get }
    /// Opened for reading only: every write fails, nothing is migrated.
    var isReadOnly: Bool { get }
    /// Ends this process's use of the store (a file store is checkpointed first). Idempotent;
    /// nothing else is called on the store afterwards.
    func close()
    /// The engine's own full check: "ok" for a healthy store, else its findings joined by "; ".
    func integrityCheck() throws(StoreError) -> String
    /// One line per missing or altered schema object (tables, indexes, triggers of the migrations
    /// applied); empty for a sound schema. Extra objects are allowed.
    func schemaProblems() throws(StoreError) -> [String]
    /// The engine's page-level check (quicker unless `full`), one line per problem; empty when sound.
    func integrityProblems(full: Bool) -> [String]
    /// Rows whose reference points at nothing, one line each; empty when sound.
    func foreignKeyProblems() -> [String]
    /// Identifiers of the migrations applied to this store, in the order applied.
    func appliedMigrations() throws(StoreError) -> [String]
    /// Identifiers of the migrations this version of ClaimDesk knows, in order; a fresh store has
    /// applied exactly these.
    var knownMigrations: [String] { get }
    /// Takes the one live session of `kind` ("review" or "adjudication") for `annotator` on this
    /// store, held until the lease is released, or refuses with `sessionOpen` (naming the holder's
    /// process when known) while any other lease holds it: another process's, or another one of
    /// this process (a second `Workspace` on the same store included). Other annotators and the
    /// other kind are independent. The lease is released when the value goes away and when the
    /// process ends however it ends (`kill -9` included). Nil only when this store cannot hold
    /// such a lock (a file store in a read-only folder: no session there can write, so none can
    /// undo another's action).
    func acquireSessionLock(annotator: String, kind: String) throws(StoreError) -> SessionLease?
}

/// Everything ClaimDesk asks of a store.
public typealias StoreContract = DocumentStore & RunStore & ClaimQueries & ReviewLog & ImportStore & LinkStore & ModelStore
    & PreferenceStore & StoreMaintenance & Sendable & AnyObject

/// A held session lock: released when this value is released (or the process ends).
public final class SessionLease: Sendable {
    private let release: @Sendable () -> Void

    /// `release` runs once, when the lease goes away.
    public init(release: @escaping @Sendable () -> Void) {
        self.release = release
    }

    deinit { release() }
}

/// How a command means to use the store.
public enum StoreOpenMode: Sendable {
    /// Creates the store when missing and migrates it to the current schema.
    case readWrite
    /// An existing store, read only: never created, migrated or changed, so a read-only file (or a
    /// copy on read-only media, or a read-only database role) can be listed.
    case readOnly
    /// Like `readOnly`, but a damaged schema is not refused: `claimdesk check` reports it instead.
    case inspect
}

/// The store's clock: the current time as ISO 8601 UTC with milliseconds.
public enum StoreClock {
    public static let system: @Sendable () -> String = {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
