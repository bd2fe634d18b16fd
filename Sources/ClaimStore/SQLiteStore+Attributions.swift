import ClaimModel
import GRDB
import Review

extension SQLiteStore {
    /// A run's claims in one document, in order (analyst-added claims after the run's own).
    public func attributions(runID: Int64, documentRowID: Int64) throws(StoreError) -> [StoredAttribution] {
        try read("reading claims") { db in
            let records = try AttributionRecord
                .filter(AttributionRecord.Columns.runId == runID && AttributionRecord.Columns.documentId == documentRowID)
                .order(AttributionRecord.Columns.ordinal, Column("id"))
                .fetchAll(db)
            return try records.map(Self.stored)
        }
    }

    /// One claim by row id.
    public func attribution(rowID: Int64) throws(StoreError) -> StoredAttribution? {
        try read("reading a claim") { db in try AttributionRecord.fetchOne(db, key: rowID).map(Self.stored) }
    }

    /// Claims matching the optional run and document, grouped by document in ingestion order.
    public func attributions(runID: Int64?, documentRowID: Int64?, origin: ClaimOrigin?) throws(StoreError) -> [StoredAttribution] {
        try read("listing claims") { db in
            var request = AttributionRecord.all()
            if let runID { request = request.filter(AttributionRecord.Columns.runId == runID) }
            if let documentRowID { request = request.filter(AttributionRecord.Columns.documentId == documentRowID) }
            if let origin { request = request.filter(Column("origin") == origin.rawValue) }
            // Claims of a document its run has not completed stay out of sight.
            request = request.filter(sql: Self.visibleClaim("attribution"))
            let records = try request
                .order(AttributionRecord.Columns.documentId, AttributionRecord.Columns.runId, AttributionRecord.Columns.ordinal, Column("id"))
                .fetchAll(db)
            return try records.map(Self.stored)
        }
    }

    /// Stores a claim an analyst added, with its `add` annotation, in one transaction.
    public func addClaim(_ attribution: Attribution, runID: Int64, documentRowID: Int64, annotator: String,
                         note: String?) throws(StoreError) -> (StoredAttribution, LoggedReview) {
        let now = clock()
        return try write("adding a claim") { db in
            let ordinal = (try Int.fetchOne(db, sql: "SELECT max(ordinal) FROM attribution WHERE runId = ? AND documentId = ?",
                                            arguments: [runID, documentRowID]) ?? -1) + 1
            var record = Self.record(attribution, runID: runID, documentRowID: documentRowID, ordinal: ordinal,
                                     origin: .added, addedBy: annotator, now: now)
            try record.insert(db)
            let claimID = record.id ?? 0
            let review = ReviewEntry(annotator: annotator, runID: runID, documentRowID: documentRowID,
                                     attributionID: claimID, action: .add, note: note)
            let entry = try Self.insert(NewAnnotation(review), now: now, db)
            return (try Self.stored(record), Self.logged(entry, review))
        }
    }

    static func record(_ a: Attribution, runID: Int64, documentRowID: Int64, ordinal: Int, origin: ClaimOrigin,
                       addedBy: String?, now: String) -> AttributionRecord {
        AttributionRecord(
            id: nil, runId: runID, documentId: documentRowID, ordinal: ordinal, externalId: a.id,
            origin: origin.rawValue, addedBy: addedBy,
            sourceFragments: FragmentCoding.encode(a.source), cueFragments: FragmentCoding.encode(a.cue),
            contentFragments: FragmentCoding.encode(a.content), outlet: a.outlet, sourceType: a.sourceType?.rawValue,
            anonymous: a.anonymous, sourceEntity: a.sourceEntity, confidence: a.confidence, createdAt: now,
            cluster: a.cluster)
    }

    static func stored(_ r: AttributionRecord) throws -> StoredAttribution {
        let rowID = r.id ?? 0
        func fragments(_ column: String, _ text: String?) throws -> Fragments? {
            switch FragmentCoding.decode(text) {
            case let .success(value): return value
            case .failure:
                throw StoreError.invalidStoredValue(table: "attribution", column: column, rowID: rowID, value: text ?? "NULL")
            }
        }
        var sourceType: SourceType?
        if let raw = r.sourceType {
            guard let type = SourceType(rawValue: raw) else {
                throw StoreError.invalidStoredValue(table: "attribution", column: "sourceType", rowID: rowID, value: raw)
            }
            sourceType = type
        }
        guard let origin = ClaimOrigin(rawValue: r.origin) else {
            throw StoreError.invalidStoredValue(table: "attribution", column: "origin", rowID: rowID, value: r.origin)
        }
        let attribution = Attribution(
            id: r.externalId,
            source: try fragments("sourceFragments", r.sourceFragments),
            cue: try fragments("cueFragments", r.cueFragments),
            content: try fragments("contentFragments", r.contentFragments),
            outlet: r.outlet, sourceType: sourceType, anonymous: r.anonymous, sourceEntity: r.sourceEntity,
            confidence: r.confidence, cluster: r.cluster)
        return StoredAttribution(
            rowID: rowID, runID: r.runId, documentRowID: r.documentId, ordinal: r.ordinal,
            origin: origin, addedBy: r.addedBy, attribution: attribution,
            createdAt: r.createdAt)
    }
}
