import ClaimModel
import ClaimStore
import Review

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
    /// Gold claims whose verdict came from `accept-above`, and the lowest confidence accepted so.
    public var bulkAccepted = 0
    public var bulkThreshold: Double?

    /// The note `score`, `export` and `train` print for the documents they leave out as disputed
    /// (`disagreements`), naming the command that settles them; nil when none is.
    public static func disagreementNote(_ disagreements: [String]) -> String? {
        disagreements.isEmpty ? nil
            : "left out (annotators disagree, nothing adjudicated): \(disagreements.joined(separator: ", ")); `claimdesk adjudicate` settles them"
    }

    /// Adds another part's bulk counts.
    mutating func addBulk(_ count: Int, _ threshold: Double?) {
        bulkAccepted += count
        if let threshold { bulkThreshold = min(bulkThreshold ?? threshold, threshold) }
    }
}

extension Workspace {
    /// Gold from annotations: per document marked done, the confirmed and corrected claims (as
    /// corrected) plus the added ones. With `annotator`, only that annotator's. Otherwise, where
    /// several annotators marked a document done, each claim is decided by their unanimous view or,
    /// where they differ, by an adjudication (`GoldConsensus`);
    /// a document with a difference nobody adjudicated is listed and left out.
    public func goldFromAnnotations(annotator: String? = nil) throws(WorkbenchError) -> GoldSelection {
        var documents: [GoldDocument] = []
        let walk = try forEachGoldDocument(annotator: annotator) { (gold) throws(WorkbenchError) in documents.append(gold) }
        return GoldSelection(documents: documents, disagreements: walk.disagreements, totalDocuments: walk.totalDocuments,
                             reviewedClaims: walk.reviewedClaims, claimsInDoneDocuments: walk.claimsInDoneDocuments,
                             bulkAccepted: walk.bulkAccepted, bulkThreshold: walk.bulkThreshold)
    }

    /// The gold of one document, or nil when its annotators differ on a claim nobody adjudicated.
    /// The rule is `GoldConsensus`'s; this adds its counts to `tally`.
    static func decideGold(claims: [StoredAttribution], annotators: [String], log: ReviewLedger,
                           useAdjudication: Bool, tally: inout GoldSelection) -> [Attribution]? {
        let consensus = GoldConsensus(claims: claims.map(\.goldClaim), annotators: annotators, log: log)
        let outcome = consensus.decide(log: log, useAdjudication: useAdjudication)
        tally.claimsInDoneDocuments += outcome.claims
        tally.reviewedClaims += outcome.reviewed
        if outcome.gold != nil { tally.addBulk(outcome.bulkAccepted, outcome.bulkThreshold) }
        return outcome.gold
    }
}

extension StoredAttribution {
    /// The claim as the gold rule sees it.
    public var goldClaim: GoldClaim {
        GoldClaim(id: rowID, attribution: attribution, isAdded: origin == .added, addedBy: addedBy)
    }
}
