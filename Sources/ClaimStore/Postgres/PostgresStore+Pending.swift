import ClaimModel
import Foundation
import Review

// The contract's operations not yet implemented on PostgreSQL: each throws. Issue 15's helpers
// REMOVE a whole extension from this file when they implement its protocol in PostgresStore+X.swift;
// the file is gone when PostgreSQL is complete.

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

