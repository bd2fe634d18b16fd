import ClaimModel
import ClaimStore
import Evaluation

extension Workspace {
    /// Scores `runName` against another run, or against the analysts' gold (`annotations`).
    ///
    /// Calibration: a prediction counts as correct when it is content-matched to a gold attribution;
    /// against the analysts' review of this very run that is its verdict (rejected = 0,
    /// confirmed/corrected = 1).
    public func score(runName: String, against: String, match: MatchMode, format: ListingFormat,
                      annotator: String? = nil, groupBy: ScoreGrouping? = nil) throws(WorkbenchError) -> String {
        let (inputs, notes) = try scoringInputs(runName: runName, against: against, annotator: annotator)
        let report = Scorer(match: match).score(inputs, groupBy: groupBy)
        let calibration = Calibration.compute(Self.calibrationSamples(inputs, report))
        switch format {
        case .json:
            let noteList = JSONValue.array(notes.map { .string($0) }).serialized
            return "{\"run\": \(JSONValue.string(runName).serialized), \"against\": \(JSONValue.string(against).serialized),"
                + " \"notes\": \(noteList),\n\"score\": \(ReportRenderer.json(report)),\n\"calibration\": \(ReportRenderer.json(calibration))}"
        case .table:
            return (["run \"\(runName)\" against \(against == "annotations" ? "the analysts' gold" : "run \"\(against)\""), \(match.rawValue) matching"] + notes)
                .joined(separator: "\n") + "\n\n" + ReportRenderer.table(report)
                + "\n\ncalibration of extractor confidence (correct = content-matched to gold)\n"
                + ReportRenderer.reliabilityChart(calibration)
        }
    }
}

extension Workspace {
    /// (confidence, correct) for every prediction that has a confidence.
    static func calibrationSamples(_ inputs: [ScoringInput], _ report: ScoreReport) -> [(confidence: Double, correct: Bool)] {
        var samples: [(confidence: Double, correct: Bool)] = []
        var details: [String: DocumentDetail] = [:]
        for detail in report.details { details[detail.documentID] = detail }
        for input in inputs {
            let matched = Set(details[input.documentID]?.pairs.map(\.predicted) ?? [])
            for (index, prediction) in input.predicted.enumerated() {
                guard let confidence = prediction.confidence else { continue }
                samples.append((confidence, matched.contains(index)))
            }
        }
        return samples
    }
}

extension Workspace {
    /// The documents to score: gold from `against` (a run, or `annotations`) and the run's predictions,
    /// with notes on coverage and on what was left out.
    public func scoringInputs(runName: String, against: String, annotator: String? = nil) throws(WorkbenchError) -> (inputs: [ScoringInput], notes: [String]) {
        let run = try requireRun(runName)
        var inputs: [ScoringInput] = []
        var notes: [String] = []
        let processed = Set(try db { () throws(StoreError) in try store.documentRowIDs(processedBy: run.rowID) })

        func predictions(_ documentRowID: Int64) throws(WorkbenchError) -> [Attribution] {
            try db { () throws(StoreError) in try store.attributions(runID: run.rowID, documentRowID: documentRowID) }
                .filter { $0.origin == .run }.map(\.attribution)
        }

        var goldDocuments: [(StoredDocument, [Attribution])] = []
        if against == "annotations" {
            let gold = try goldFromAnnotations(annotator: annotator)
            if gold.documents.isEmpty && !gold.disagreements.isEmpty {
                throw WorkbenchError.nothingToScore(
                    "every document marked done is disputed (annotators disagree, nothing adjudicated): "
                        + gold.disagreements.joined(separator: ", ") + "; settle them with `claimdesk adjudicate`")
            }
            if gold.documents.isEmpty {
                throw WorkbenchError.nothingToScore(
                    "no documents are marked done\(annotator.map { " by \($0)" } ?? ""): review them (`claimdesk annotate`, then `done`) or score --against RUN")
            }
            goldDocuments = gold.documents.map { ($0.stored, $0.attributions) }
            notes.append("gold: \(gold.documents.count)/\(gold.totalDocuments) documents done, \(gold.reviewedClaims)/\(gold.claimsInDoneDocuments) claims in them reviewed")
            if !gold.disagreements.isEmpty {
                notes.append("left out (annotators disagree, nothing adjudicated): \(gold.disagreements.joined(separator: ", "))")
            }
        } else {
            let goldRun = try requireRun(against)
            let goldIDs = try db { () throws(StoreError) in try store.documentRowIDs(processedBy: goldRun.rowID) }
            let documents = try db { () throws(StoreError) in try store.documents(rowIDs: goldIDs) }
            for d in documents {
                let claims = try db { () throws(StoreError) in try store.attributions(runID: goldRun.rowID, documentRowID: d.rowID) }
                var attributions = claims.map(\.attribution)
                if goldRun.kind == .gold {
                    let log = ReviewLedger(try db { () throws(StoreError) in try store.annotations(documentRowID: d.rowID) })
                    let rejected = Set(log.effective.filter { $0.entry.action == "reject" }.compactMap(\.entry.attributionID))
                    attributions = claims.filter { !rejected.contains($0.rowID) }.map(\.attribution)
                }
                goldDocuments.append((d, attributions))
            }
            notes.append("gold: run \"\(against)\", \(documents.count) documents")
        }
        var unscored: [String] = []
        for (document, gold) in goldDocuments {
            guard processed.contains(document.rowID) else {
                unscored.append(document.document.id)
                continue
            }
            inputs.append(ScoringInput(documentID: document.document.id, text: ScalarText(document.document.text),
                                       gold: gold, predicted: try predictions(document.rowID)))
        }
        if !unscored.isEmpty {
            notes.append("not scored (run \"\(runName)\" has not processed them): \(unscored.count) documents")
        }
        if inputs.isEmpty {
            throw WorkbenchError.nothingToScore("run \"\(runName)\" has processed none of the gold documents: run `claimdesk extract --run \(runName)` first")
        }
        return (inputs, notes)
    }
}
