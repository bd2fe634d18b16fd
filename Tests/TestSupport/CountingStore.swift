import ClaimModel
import ClaimStore
import Review

/// A store that counts the calls made to it and passes each to the store it wraps: the seam for
/// tests that pin how often a command asks the store something (a run looked up once per command,
/// a model's bytes read once, the runs after the first with a dispute not read at all).
///
/// Keys are the requirement's name with its argument labels, as Swift spells a function:
/// `runRef(named:)`, `runs()`, `snapshot(documentRowID:runID:)`.
public final class CountingStore: StoreContract {
    public let base: any StoreContract
    private let counts = Locked<[String: Int]>([:])

    public init(_ base: any StoreContract) { self.base = base }

    /// How many times each of `keys` was called, in all.
    public func calls(_ keys: String...) -> Int {
        counts.withLock { counts in keys.reduce(0) { $0 + (counts[$1] ?? 0) } }
    }

    /// Calls that look a run up: by name (`run(named:)`, `runRef(named:)`) or in the list of all runs.
    public var runLookups: Int { calls("run(named:)", "runRef(named:)", "runs()", "runRefs()") }

    /// Starts counting again from zero (after a fixture's setup).
    public func reset() { counts.withLock { $0 = [:] } }

    private func count(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }

    public func ingest(_ documents: [(document: Document, origin: String)]) throws(StoreError) -> IngestSummary { count("ingest(_:)"); return try base.ingest(documents) }
    public func documentCount() throws(StoreError) -> Int { count("documentCount()"); return try base.documentCount() }
    public func document(docID: String) throws(StoreError) -> StoredDocument? { count("document(docID:)"); return try base.document(docID: docID) }
    public func document(rowID: Int64) throws(StoreError) -> StoredDocument? { count("document(rowID:)"); return try base.document(rowID: rowID) }
    public func documents(rowIDs: [Int64]) throws(StoreError) -> [StoredDocument] { count("documents(rowIDs:)"); return try base.documents(rowIDs: rowIDs) }
    public func documentIDs(runID: Int64, prefix: String, limit: Int) throws(StoreError) -> [String] { count("documentIDs(runID:prefix:limit:)"); return try base.documentIDs(runID: runID, prefix: prefix, limit: limit) }
    public func documentRowIDs() throws(StoreError) -> [Int64] { count("documentRowIDs()"); return try base.documentRowIDs() }
    public func documentSummaries() throws(StoreError) -> [DocumentSummary] { count("documentSummaries()"); return try base.documentSummaries() }
    public func storedDocIDs(_ documents: [Document]) throws(StoreError) -> (sameText: Set<[UInt8]>, otherText: Set<[UInt8]>) { count("storedDocIDs(_:)"); return try base.storedDocIDs(documents) }
    public func createRun(name: String, kind: RunKind, extractor: String, version: String?, parameters: String?) throws(StoreError) -> RunInfo { count("createRun(name:kind:extractor:version:parameters:)"); return try base.createRun(name: name, kind: kind, extractor: extractor, version: version, parameters: parameters) }
    public func run(named name: String) throws(StoreError) -> RunInfo? { count("run(named:)"); return try base.run(named: name) }
    public func runs() throws(StoreError) -> [RunInfo] { count("runs()"); return try base.runs() }
    public func runRef(named name: String) throws(StoreError) -> RunRef? { count("runRef(named:)"); return try base.runRef(named: name) }
    public func runRefs() throws(StoreError) -> [RunRef] { count("runRefs()"); return try base.runRefs() }
    public func documentRowIDs(notProcessedBy runID: Int64) throws(StoreError) -> [Int64] { count("documentRowIDs(notProcessedBy:)"); return try base.documentRowIDs(notProcessedBy: runID) }
    public func documentRowIDs(processedBy runID: Int64) throws(StoreError) -> [Int64] { count("documentRowIDs(processedBy:)"); return try base.documentRowIDs(processedBy: runID) }
    @discardableResult public func saveRunOutput(runID: Int64, _ output: [(documentRowID: Int64, attributions: [Attribution])]) throws(StoreError) -> Int { count("saveRunOutput(runID:_:)"); return try base.saveRunOutput(runID: runID, output) }
    public func pendingDocuments(notProcessedBy runID: Int64) throws(StoreError) -> [(rowID: Int64, scalars: Int)] { count("pendingDocuments(notProcessedBy:)"); return try base.pendingDocuments(notProcessedBy: runID) }
    @discardableResult public func discardIncompleteClaims(runID: Int64, chunk: Int) throws(StoreError) -> Int { count("discardIncompleteClaims(runID:chunk:)"); return try base.discardIncompleteClaims(runID: runID, chunk: chunk) }
    @discardableResult public func appendPendingClaims(runID: Int64, documentRowID: Int64, firstOrdinal: Int, _ attributions: [Attribution]) throws(StoreError) -> Int { count("appendPendingClaims(runID:documentRowID:firstOrdinal:_:)"); return try base.appendPendingClaims(runID: runID, documentRowID: documentRowID, firstOrdinal: firstOrdinal, attributions) }
    public func completeDocument(runID: Int64, documentRowID: Int64) throws(StoreError) { count("completeDocument(runID:documentRowID:)"); return try base.completeDocument(runID: runID, documentRowID: documentRowID) }
    public func claimCount(runID: Int64) throws(StoreError) -> Int { count("claimCount(runID:)"); return try base.claimCount(runID: runID) }
    public func attributions(runID: Int64, documentRowID: Int64) throws(StoreError) -> [StoredAttribution] { count("attributions(runID:documentRowID:)"); return try base.attributions(runID: runID, documentRowID: documentRowID) }
    public func attributions(runID: Int64?, documentRowID: Int64?, origin: ClaimOrigin?) throws(StoreError) -> [StoredAttribution] { count("attributions(runID:documentRowID:origin:)"); return try base.attributions(runID: runID, documentRowID: documentRowID, origin: origin) }
    public func attribution(rowID: Int64) throws(StoreError) -> StoredAttribution? { count("attribution(rowID:)"); return try base.attribution(rowID: rowID) }
    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64, annotator: String, note: String?) throws(StoreError) -> (StoredAttribution, LoggedReview) { count("addClaim(_:runID:documentRowID:annotator:note:)"); return try base.addClaim(attribution, runID: runID, documentRowID: documentRowID, annotator: annotator, note: note) }
    public func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle] { count("bundles(documentRowIDs:)"); return try base.bundles(documentRowIDs: documentRowIDs) }
    public func snapshot(documentRowID: Int64, runID: Int64) throws(StoreError) -> DocumentSnapshot? { count("snapshot(documentRowID:runID:)"); return try base.snapshot(documentRowID: documentRowID, runID: runID) }
    public func claimRowIDs(runID: Int64, documentRowID: Int64) throws(StoreError) -> [Int64] { count("claimRowIDs(runID:documentRowID:)"); return try base.claimRowIDs(runID: runID, documentRowID: documentRowID) }
    public func queuedClaims(runID: Int64) throws(StoreError) -> [QueuedClaim] { count("queuedClaims(runID:)"); return try base.queuedClaims(runID: runID) }
    public func queuedClaims(runID: Int64, atOrAbove threshold: Double, where conditions: [StoredClaimCondition]) throws(StoreError) -> [QueuedClaim] { count("queuedClaims(runID:atOrAbove:where:)"); return try base.queuedClaims(runID: runID, atOrAbove: threshold, where: conditions) }
    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool, where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64? { count("nextDocument(runID:after:backwards:where:)"); return try base.nextDocument(runID: runID, after: documentRowID, backwards: backwards, where: conditions) }
    public func outlets(limit: Int) throws(StoreError) -> [String] { count("outlets(limit:)"); return try base.outlets(limit: limit) }
    public func tagLists(limit: Int) throws(StoreError) -> [[String]] { count("tagLists(limit:)"); return try base.tagLists(limit: limit) }
    @discardableResult public func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry] { count("append(_:)"); return try base.append(annotations) }
    @discardableResult public func append(_ review: ReviewEntry, documentStatus: String?, markRunID: Int64?) throws(StoreError) -> LoggedReview { count("append(_:documentStatus:markRunID:)"); return try base.append(review, documentStatus: documentStatus, markRunID: markRunID) }
    public func annotations(documentRowID: Int64, annotator: String?) throws(StoreError) -> [AnnotationEntry] { count("annotations(documentRowID:annotator:)"); return try base.annotations(documentRowID: documentRowID, annotator: annotator) }
    public func annotations() throws(StoreError) -> [AnnotationEntry] { count("annotations()"); return try base.annotations() }
    public func annotations(annotator: String, runID: Int64) throws(StoreError) -> [LoggedReview] { count("annotations(annotator:runID:)"); return try base.annotations(annotator: annotator, runID: runID) }
    public func annotations(runID: Int64) throws(StoreError) -> [LoggedReview] { count("annotations(runID:)"); return try base.annotations(runID: runID) }
    public func annotation(id: Int64) throws(StoreError) -> AnnotationEntry? { count("annotation(id:)"); return try base.annotation(id: id) }
    @discardableResult public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String) throws(StoreError) -> LoggedReview { count("markDocument(_:annotator:runID:status:)"); return try base.markDocument(documentRowID, annotator: annotator, runID: runID, status: status) }
    public func documentReviews() throws(StoreError) -> [DocumentReviewEntry] { count("documentReviews()"); return try base.documentReviews() }
    public func doneDocumentRowIDs(annotator: String, runID: Int64) throws(StoreError) -> [Int64] { count("doneDocumentRowIDs(annotator:runID:)"); return try base.doneDocumentRowIDs(annotator: annotator, runID: runID) }
    public func documentsDoneElsewhere(annotator: String, runID: Int64) throws(StoreError) -> [DoneElsewhere] { count("documentsDoneElsewhere(annotator:runID:)"); return try base.documentsDoneElsewhere(annotator: annotator, runID: runID) }
    public func documentsDoneBySeveral(runID: Int64) throws(StoreError) -> [(documentRowID: Int64, annotators: [String])] { count("documentsDoneBySeveral(runID:)"); return try base.documentsDoneBySeveral(runID: runID) }
    public func makeImportStage() throws(StoreError) -> ImportStage { count("makeImportStage()"); return try base.makeImportStage() }
    public func commit(_ stage: ImportStage, replace: Bool) throws(StoreError) -> ImportCommit { count("commit(_:replace:)"); return try base.commit(stage, replace: replace) }
    @discardableResult public func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster], links: [StoredLink], replace: Bool) throws(StoreError) -> LinkRunInfo { count("saveLinkRun(name:runID:options:clusters:links:replace:)"); return try base.saveLinkRun(name: name, runID: runID, options: options, clusters: clusters, links: links, replace: replace) }
    public func linkRuns() throws(StoreError) -> [LinkRunInfo] { count("linkRuns()"); return try base.linkRuns() }
    public func linkClusters(linkRunID: Int64) throws(StoreError) -> [StoredCluster] { count("linkClusters(linkRunID:)"); return try base.linkClusters(linkRunID: linkRunID) }
    public func links(linkRunID: Int64) throws(StoreError) -> [StoredLink] { count("links(linkRunID:)"); return try base.links(linkRunID: linkRunID) }
    public func linkVerdictLog() throws(StoreError) -> [LoggedReview] { count("linkVerdictLog()"); return try base.linkVerdictLog() }
    @discardableResult public func saveModel(_ model: StoredModel, replace: Bool) throws(StoreError) -> StoredModel { count("saveModel(_:replace:)"); return try base.saveModel(model, replace: replace) }
    public func model(named name: String) throws(StoreError) -> StoredModel? { count("model(named:)"); return try base.model(named: name) }
    public func models() throws(StoreError) -> [ModelInfo] { count("models()"); return try base.models() }
    public func preference(_ key: String, annotator: String) throws(StoreError) -> String? { count("preference(_:annotator:)"); return try base.preference(key, annotator: annotator) }
    public func setPreference(_ key: String, _ value: String?, annotator: String) throws(StoreError) { count("setPreference(_:_:annotator:)"); return try base.setPreference(key, value, annotator: annotator) }
    public var location: StoreLocation { base.location }
    public var isReadOnly: Bool { base.isReadOnly }
    public func close() { count("close()"); return base.close() }
    public func integrityCheck() throws(StoreError) -> String { count("integrityCheck()"); return try base.integrityCheck() }
    public func schemaProblems() throws(StoreError) -> [String] { count("schemaProblems()"); return try base.schemaProblems() }
    public func integrityProblems(full: Bool) -> [String] { count("integrityProblems(full:)"); return base.integrityProblems(full: full) }
    public func foreignKeyProblems() -> [String] { count("foreignKeyProblems()"); return base.foreignKeyProblems() }
    public func appliedMigrations() throws(StoreError) -> [String] { count("appliedMigrations()"); return try base.appliedMigrations() }
    public var knownMigrations: [String] { base.knownMigrations }
    public func acquireSessionLock(annotator: String, kind: String) throws(StoreError) -> SessionLease? { count("acquireSessionLock(annotator:kind:)"); return try base.acquireSessionLock(annotator: annotator, kind: kind) }
}
