import ClaimModel
import ClaimStore
import Evaluation

/// The analysts' verdicts as Evaluation's inputs: labels per claim and annotator for agreement,
/// (confidence, kept) samples for calibration. Formulas stay in Evaluation; this only reads the log.
struct ReviewLabels {
    /// claim row id → annotator → verdict.
    var verdicts: [String: [String: String]] = [:]
    /// claim row id → annotator → source type after their corrections (claims they kept).
    var sourceTypes: [String: [String: String]] = [:]
    /// Per claim of the run and annotator who judged it: extractor confidence, and whether kept.
    var samples: [(confidence: Double, correct: Bool)] = []
}

extension Workspace {
    /// Walks every document's log once; `calibrationRunID` picks the run whose confidences are calibrated.
    func reviewLabels(calibrationRunID: Int64?) throws(WorkbenchError) -> ReviewLabels {
        var labels = ReviewLabels()
        for documentRowID in try db({ () throws(StoreError) in try store.documentRowIDs() }) {
            let log = ReviewLedger(try db { () throws(StoreError) in try store.annotations(documentRowID: documentRowID) })
            try addLabels(from: log, documentRowID: documentRowID, calibrationRunID: calibrationRunID, into: &labels)
        }
        return labels
    }

    /// Adds one document's labels. Agreement only needs claims judged by two annotators or more, so
    /// a document one annotator reviewed costs nothing unless its confidences are calibrated.
    func addLabels(from fullLog: ReviewLedger, documentRowID: Int64, calibrationRunID: Int64?,
                   into labels: inout ReviewLabels) throws(WorkbenchError) {
        guard fullLog.annotators.count > 1 || calibrationRunID != nil else { return }
        // Agreement and calibration measure the analysts' independent judgements: an adjudicator's
        // decisions are not one of them.
        let log = fullLog.entries.contains(where: Self.isAdjudication)
            ? ReviewLedger(fullLog.entries.filter { !Self.isAdjudication($0) }) : fullLog
        let annotators = log.annotators
        guard annotators.count > 1 || calibrationRunID != nil else { return }
        let runIDs = Set(log.effective.compactMap { $0.entry.attributionID == nil ? nil : $0.entry.runID })
        guard !runIDs.isEmpty else { return }
        var base: [Int64: StoredAttribution] = [:]
        for runID in runIDs.sorted() {
            for c in try db({ () throws(StoreError) in try store.attributions(runID: runID, documentRowID: documentRowID) }) {
                base[c.rowID] = c
            }
        }
        var verdicts: [Int64: [String: String]] = [:]
        var types: [Int64: [String: String]] = [:]
        for annotator in annotators {
            for (claimID, review) in log.reviews(by: annotator, base: { base[$0]?.attribution }) {
                guard let verdict = review.verdict, !review.withdrawn, let claim = base[claimID] else { continue }
                verdicts[claimID, default: [:]][annotator] = verdict.rawValue
                if verdict.isGold {
                    types[claimID, default: [:]][annotator] = review.attribution.sourceType?.rawValue ?? "(none)"
                }
                if claim.runID == calibrationRunID, claim.origin == .run, verdict != .added,
                   let confidence = claim.attribution.confidence {
                    labels.samples.append((confidence, verdict.isGold))
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

    func calibrationView(_ labels: ReviewLabels) -> (CalibrationView?, String?) {
        guard !labels.samples.isEmpty else {
            return (nil, "No reviewed claim of this run carries an extractor confidence, so there is nothing to calibrate.")
        }
        let report = Calibration.compute(labels.samples)
        let bins = report.bins.map {
            ReliabilityBin(lower: $0.lower, upper: $0.upper, count: $0.count, meanConfidence: $0.meanConfidence, accuracy: $0.accuracy)
        }
        return (CalibrationView(bins: bins, ece: report.expectedCalibrationError, brier: report.brierScore,
                                threshold: report.autoAccept?.confidence, claims: report.samples), nil)
    }
}
