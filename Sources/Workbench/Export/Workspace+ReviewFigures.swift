import ClaimModel
import ClaimStore
import Evaluation
import Review

/// The analysts' verdicts as Evaluation's inputs: labels per claim and annotator for agreement.
/// Formulas stay in Evaluation; this only reads the log. (Calibration is not taken from here: it
/// comes from the scorer's pairing, `Workspace.scoreRun`, the same for `score` and `report`.)
struct ReviewLabels {
    /// claim row id → annotator → verdict.
    var verdicts: [String: [String: String]] = [:]
    /// claim row id → annotator → source type after their corrections (claims they kept).
    var sourceTypes: [String: [String: String]] = [:]
    /// Everyone with a standing verdict on a claim in scope, shared or not (adjudications left
    /// out): what `agreement` names when no claim has two of them yet.
    var judges: Set<String> = []
}

extension Workspace {
    /// Walks every document's log once.
    func reviewLabels(runID: Int64? = nil) throws(WorkbenchError) -> ReviewLabels {
        var labels = ReviewLabels()
        // Documents with their logs and claims come in batches (`forEachBundle`: a few statements a
        // batch), not one read a document: on PostgreSQL every read is a round trip.
        let documents: [Int64]
        if let runID { documents = try db(store.documentRowIDs(processedBy: runID)) } else { documents = try db(store.documentRowIDs()) }
        try forEachBundle(documents) { bundle in
            addLabels(from: ReviewLedger(bundle.log), claims: bundle.claims, into: &labels, onlyRun: runID)
        }
        return labels
    }

    /// Adds one document's labels. Agreement only needs claims judged by two annotators or more, so
    /// a document one annotator reviewed costs one pass over its log (who judged, for the message
    /// saying why there is no agreement yet) and nothing more.
    func addLabels(from fullLog: ReviewLedger, claims: [StoredAttribution], into labels: inout ReviewLabels,
                   onlyRun: Int64? = nil) {
        // The entries `effective` keeps, without building that array for every document.
        for e in fullLog.entries where e.entry.action.isVerdict && fullLog.isEffective(e)
            && e.entry.attributionID != nil && e.entry.adjudication == nil && (onlyRun.map { e.entry.runID == $0 } ?? true) {
            labels.judges.insert(e.entry.annotator)
        }
        guard fullLog.annotators.count > 1 else { return }
        // Agreement measures the analysts' independent judgements: an adjudicator's decisions are
        // not one of them.
        let log = fullLog.entries.contains(where: { $0.entry.adjudication != nil })
            ? ReviewLedger(fullLog.entries.filter { $0.entry.adjudication == nil }) : fullLog
        let annotators = log.annotators
        guard annotators.count > 1 else { return }
        var runIDs = Set(log.effective.compactMap { $0.entry.attributionID == nil ? nil : $0.entry.runID })
        if let onlyRun { runIDs = runIDs.intersection([onlyRun]) }
        guard !runIDs.isEmpty else { return }
        // The reviewed runs' claims in the document (a bundle holds the visible claims of every run;
        // a claim still pending in its run has no review to count).
        var base: [Int64: StoredAttribution] = [:]
        for c in claims where runIDs.contains(c.runID) { base[c.rowID] = c }
        var verdicts: [Int64: [String: String]] = [:]
        var types: [Int64: [String: String]] = [:]
        for annotator in annotators {
            for (claimID, review) in log.reviews(by: annotator, base: { base[$0]?.attribution }) {
                guard let verdict = review.verdict, !review.withdrawn, base[claimID] != nil else { continue }
                verdicts[claimID, default: [:]][annotator] = verdict.rawValue
                if verdict.isGold {
                    types[claimID, default: [:]][annotator] = review.attribution.sourceType?.rawValue ?? "(none)"
                }
            }
        }
        for (claimID, byAnnotator) in verdicts where byAnnotator.count > 1 { labels.verdicts[String(claimID)] = byAnnotator }
        for (claimID, byAnnotator) in types where byAnnotator.count > 1 { labels.sourceTypes[String(claimID)] = byAnnotator }
    }

    /// κ per annotator pair and α over all, on verdicts and on source types, for the card and the report.
    func agreementFigures(_ labels: ReviewLabels) -> ([AgreementFigure], String?) {
        var figures: [AgreementFigure] = []
        for (on, items) in [("verdict", labels.verdicts), ("source_type", labels.sourceTypes)] {
            let report = Agreement.report(items)
            for pair in report.pairs {
                figures.append(AgreementFigure(on: on, measure: "Cohen's kappa", between: "\(pair.coderA) / \(pair.coderB)",
                                               value: pair.kappa, observed: pair.observedAgreement, items: pair.items))
            }
            if let alpha = report.krippendorff, alpha.pairableUnits > 0 {
                figures.append(AgreementFigure(on: on, measure: "Krippendorff's alpha (nominal)",
                                               between: "all \(report.coders.count) annotators",
                                               value: alpha.alpha, observed: alpha.observedAgreement, items: alpha.pairableUnits))
            }
        }
        return figures.isEmpty ? ([], "No claim was reviewed by more than one annotator, so there is no agreement to measure.") : (figures, nil)
    }
}
