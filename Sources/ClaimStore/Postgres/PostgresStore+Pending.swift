import ClaimModel
import Foundation
import Review

// The contract's operations not yet implemented on PostgreSQL: each throws. Issue 15's helpers
// REMOVE a whole extension from this file when they implement its protocol in PostgresStore+X.swift;
// the file is gone when PostgreSQL is complete.

extension PostgresStore: ClaimQueries {
    public func attributions(runID: Int64, documentRowID: Int64) throws(StoreError) -> [StoredAttribution] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func attributions(runID: Int64?, documentRowID: Int64?, origin: ClaimOrigin?) throws(StoreError) -> [StoredAttribution] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func attribution(rowID: Int64) throws(StoreError) -> StoredAttribution? {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64, annotator: String, note: String?) throws(StoreError) -> (StoredAttribution, LoggedReview) {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func bundles(documentRowIDs: [Int64]) throws(StoreError) -> [DocumentBundle] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func snapshot(documentRowID: Int64, runID: Int64) throws(StoreError) -> DocumentSnapshot? {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func claimRowIDs(runID: Int64, documentRowID: Int64) throws(StoreError) -> [Int64] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func queuedClaims(runID: Int64) throws(StoreError) -> [QueuedClaim] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func queuedClaims(runID: Int64, atOrAbove threshold: Double, where conditions: [StoredClaimCondition]) throws(StoreError) -> [QueuedClaim] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func nextDocument(runID: Int64, after documentRowID: Int64, backwards: Bool, where conditions: [StoredClaimCondition]) throws(StoreError) -> Int64? {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func outlets(limit: Int) throws(StoreError) -> [String] {
        throw PostgresStore.notYet("ClaimQueries")
    }
    public func tagLists(limit: Int) throws(StoreError) -> [[String]] {
        throw PostgresStore.notYet("ClaimQueries")
    }
}

extension PostgresStore: ReviewLog {
    public func append(_ annotations: [NewAnnotation]) throws(StoreError) -> [AnnotationEntry] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func append(_ review: ReviewEntry, documentStatus: String?) throws(StoreError) -> LoggedReview {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func annotations(documentRowID: Int64, annotator: String?) throws(StoreError) -> [AnnotationEntry] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func annotations() throws(StoreError) -> [AnnotationEntry] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func annotations(annotator: String, runID: Int64) throws(StoreError) -> [LoggedReview] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func annotations(runID: Int64) throws(StoreError) -> [LoggedReview] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func annotation(id: Int64) throws(StoreError) -> AnnotationEntry? {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func markDocument(_ documentRowID: Int64, annotator: String, runID: Int64?, status: String) throws(StoreError) -> LoggedReview {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func documentReviews() throws(StoreError) -> [DocumentReviewEntry] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func doneDocumentRowIDs(annotator: String, runID: Int64) throws(StoreError) -> [Int64] {
        throw PostgresStore.notYet("ReviewLog")
    }
    public func documentsDoneBySeveral(runID: Int64) throws(StoreError) -> [(documentRowID: Int64, annotators: [String])] {
        throw PostgresStore.notYet("ReviewLog")
    }
}

extension PostgresStore: ImportStore {
    public func makeImportStage() throws(StoreError) -> ImportStage {
        throw PostgresStore.notYet("ImportStore")
    }
    public func commit(_ stage: ImportStage, replace: Bool) throws(StoreError) -> ImportCommit {
        throw PostgresStore.notYet("ImportStore")
    }
}

extension PostgresStore: LinkStore {
    public func saveLinkRun(name: String, runID: Int64, options: String, clusters: [StoredCluster], links: [StoredLink], replace: Bool) throws(StoreError) -> LinkRunInfo {
        throw PostgresStore.notYet("LinkStore")
    }
    public func linkRuns() throws(StoreError) -> [LinkRunInfo] {
        throw PostgresStore.notYet("LinkStore")
    }
    public func linkClusters(linkRunID: Int64) throws(StoreError) -> [StoredCluster] {
        throw PostgresStore.notYet("LinkStore")
    }
    public func links(linkRunID: Int64) throws(StoreError) -> [StoredLink] {
        throw PostgresStore.notYet("LinkStore")
    }
    public func linkVerdictLog() throws(StoreError) -> [LoggedReview] {
        throw PostgresStore.notYet("LinkStore")
    }
}

