import Foundation
import ClaimModel
import ClaimStore
import Evaluation
import Extraction
import Review

/// A run scored against its gold, with the calibration of its confidences on the same pairs.
public struct ScoredRun: Sendable {
    /// Coverage and what was left out, one line each.
    public var notes: [String]
    public var report: ScoreReport
    public var calibration: CalibrationReport
    /// What the scorer was given (the link score against gold clusters pairs claims through it).
    public var inputs: [ScoringInput] = []
    /// `report` grouped by each of `scoreRun`'s `alsoGroupBy`, from the same pairs.
    public var alsoGrouped: [ScoreGrouping: ScoreReport] = [:]
}

extension Workspace {
    /// The one path from a run and its gold to figures: `score` and `report` both call it, so that
    /// their scores and calibration agree on the same store.
    ///
    /// Calibration: a prediction counts as correct when it is content-matched to a gold attribution;
    /// against the analysts' review of this very run that is its verdict (rejected = 0,
    /// confirmed/corrected = 1).
    ///
    /// `alsoGroupBy`: the same scores under other groupings (`alsoGrouped`), counted in the same
    /// pass over the pairs rather than by scoring the run again.
    ///
    /// A run a model made is scored without the documents the model learned from (its own
    /// training data flatters it), unless `includeTrained`; the notes say how many.
    public func scoreRun(runName: String, against: String, match: MatchMode, annotator: String? = nil,
                         groupBy: ScoreGrouping? = nil, alsoGroupBy: [ScoreGrouping] = [],
                         includeTrained: Bool = false, command: String = "score") throws(WorkbenchError) -> ScoredRun {
        try scoreRun(run: try requireRunRef(runName), against: against, match: match, annotator: annotator, groupBy: groupBy,
                     alsoGroupBy: alsoGroupBy, includeTrained: includeTrained, command: command)
    }

    /// The same for a run already resolved: a command looks its run up once and hands the ref down.
    public func scoreRun(run: RunRef, against: String, match: MatchMode, annotator: String? = nil,
                         groupBy: ScoreGrouping? = nil, alsoGroupBy: [ScoreGrouping] = [],
                         includeTrained: Bool = false, command: String = "score") throws(WorkbenchError) -> ScoredRun {
        let (inputs, notes, _, _) = try scoringInputs(run: run, against: against, annotator: annotator,
                                                      includeTrained: includeTrained, command: command)
        let groupings = (groupBy.map { [$0] } ?? []) + alsoGroupBy
        let cueKinds = groupings.contains(.cueKind) ? try RulesCueKinds.make() : nil
        var session = ScoringSession(match: match, groupings: groupings, cueKinds: cueKinds)
        for input in inputs { session.add(input) }
        // The main report in `groupBy` alone (the other groupings counted are `alsoGrouped`'s).
        let report = session.report(groupedBy: groupBy) ?? session.report()
        let calibration = Calibration.compute(Self.calibrationSamples(inputs, report))
        var scored = ScoredRun(notes: notes, report: report, calibration: calibration, inputs: inputs)
        for grouping in alsoGroupBy { scored.alsoGrouped[grouping] = session.report(groupedBy: grouping) }
        return scored
    }

    /// Scores `runName` against another run, or against the analysts' gold (`annotations`).
    public func score(runName: String, against: String, match: MatchMode, format: ListingFormat,
                      annotator: String? = nil, groupBy: ScoreGrouping? = nil, includeTrained: Bool = false) throws(WorkbenchError) -> String {
        try score(run: try requireRunRef(runName), against: against, match: match, format: format, annotator: annotator,
                  groupBy: groupBy, includeTrained: includeTrained)
    }

    /// The same for a run already resolved (the review REPL's `score` holds its run's ref).
    public func score(run: RunRef, against: String, match: MatchMode, format: ListingFormat,
                      annotator: String? = nil, groupBy: ScoreGrouping? = nil, includeTrained: Bool = false) throws(WorkbenchError) -> String {
        let runName = run.name
        let scored: ScoredRun
        do {
            scored = try scoreRun(run: run, against: against, match: match, annotator: annotator, groupBy: groupBy,
                                  includeTrained: includeTrained)
        } catch {
            // Link verdicts (`same`/`different`) need no document marked done: an analyst who only
            // judges links still sees their score, with the line saying why claims have none.
            guard case .noDoneDocuments = error, format == .table, let linked = try loadedLinks(of: run) else { throw error }
            let links = try linkScore(run: run, links: linked, annotator: annotator)
            guard links.verdicts > 0 else { throw error }
            return "run \"\(runName)\" against the analysts' gold: claims not scored, " + error.description + "\n\n" + links.table
        }
        let (notes, report, calibration) = (scored.notes, scored.report, scored.calibration)
        // Issue 14: a "links" section when the run has a link run (loaded once for both sections).
        let linked = try loadedLinks(of: run)
        let links = try linked.map { (l) throws(WorkbenchError) in try linkScore(run: run, links: l, annotator: annotator) }
        let goldLinks = against == "annotations" ? nil
            : try goldClusterScore(run: run, links: linked, against: against, inputs: scored.inputs, report: report)
        switch format {
        case .json:
            let noteList = JSONValue.array(notes.map { .string($0) }).serialized
            return "{\"run\": \(JSONValue.string(runName).serialized), \"against\": \(JSONValue.string(against).serialized),"
                + " \"notes\": \(noteList),\n\"score\": \(ReportRenderer.json(report)),\n\"calibration\": \(ReportRenderer.json(calibration))"
                + (links.map { ",\n\"links\": " + $0.json.serialized } ?? "")
                + (goldLinks.map { ",\n\"gold_links\": " + $0.json.serialized } ?? "") + "}"
        case .table:
            let text = (["run \"\(runName)\" against \(against == "annotations" ? "the analysts' gold" : "run \"\(against)\""), \(match.rawValue) matching"] + notes)
                .joined(separator: "\n") + "\n\n" + ReportRenderer.table(report)
                + "\n\ncalibration of extractor confidence (correct = content-matched to gold)\n"
                + ReportRenderer.reliabilityChart(calibration)
            var out = text
            for section in [links?.table, goldLinks?.table].compactMap({ $0 }) {
                out += (out.hasSuffix("\n") ? "\n" : "\n\n") + section
            }
            return out
        }
    }
}

extension Workspace {
    /// `gold: 120 claims, 37 of them bulk-accepted above 0.90`: how much of the gold nobody read
    /// claim by claim (`accept-above`); the threshold is the lowest used, left out when only
    /// imported reviews (which do not say it) are bulk.
    static func bulkNote(claims: Int, bulk: Int, threshold: Double?) -> String {
        "gold: \(claims) claim\(claims == 1 ? "" : "s"), \(bulk) of them bulk-accepted"
            + (threshold.map { " above " + String(format: "%.2f", $0) } ?? "")
    }

    /// (confidence, correct) for every prediction that has a confidence: correct when the scorer
    /// paired it with a gold attribution.
    static func calibrationSamples(_ inputs: [ScoringInput], _ report: ScoreReport) -> [(confidence: Double, correct: Bool)] {
        var samples: [(confidence: Double, correct: Bool)] = []
        var details: [[UInt8]: DocumentDetail] = [:]
        for detail in report.details { details[detail.documentID.exactKey] = detail }
        for input in inputs {
            let matched = Set(details[input.documentID.exactKey]?.pairs.map(\.predicted) ?? [])
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
    /// with notes on coverage and on what was left out: for a run a model made, the documents the
    /// model learned from, unless `includeTrained` (`trainedNote`, also among the notes, says how
    /// many, or that the gold includes them; `compare` repeats it).
    /// `command`: the command whose `--include-trained` the notes offer (score, compare, report).
    /// `goldRun`: the run `against` names, when the caller has it (`compare` scores two runs
    /// against one gold); `gold` in the answer is that run's ref, for the next call.
    func scoringInputs(run: RunRef, against: String, goldRun known: RunRef? = nil, annotator: String? = nil,
                       includeTrained: Bool = false, command: String = "score")
        throws(WorkbenchError) -> (inputs: [ScoringInput], notes: [String], trainedNote: String?, gold: RunRef?) {
        let runName = run.name
        var goldRef: RunRef?
        var inputs: [ScoringInput] = []
        var notes: [String] = []
        var unscored = 0
        let processed = Set(try db(store.documentRowIDs(processedBy: run.rowID)))
        let trainedOn = try trainingDocuments(of: run)
        let learned = trainedOn?.documents ?? []
        var leftOutTrained = 0
        /// Whether the document is one the run's model learned from and is left out (counted).
        func leftOut(_ document: StoredDocument) -> Bool {
            guard learned.contains(document.document.id.exactKey) else { return false }
            leftOutTrained += 1
            return !includeTrained
        }

        func predictions(_ claims: [StoredAttribution]) -> [Attribution] {
            claims.filter { $0.runID == run.rowID && $0.origin == .run }.map(\.attribution)
        }
        func add(_ document: StoredDocument, gold: [Attribution], predicted: [Attribution]) {
            inputs.append(ScoringInput(documentID: document.document.id, text: ScalarText(document.document.text),
                                       gold: gold, predicted: predicted))
        }

        if against == "annotations" {
            let gold = try goldFromAnnotations(annotator: annotator)
            if gold.documents.isEmpty && !gold.disagreements.isEmpty {
                throw WorkbenchError.nothingToScore(
                    "every document marked done is disputed (annotators disagree, nothing adjudicated): "
                        + gold.disagreements.joined(separator: ", ") + "; settle them with `claimdesk adjudicate`")
            }
            if gold.documents.isEmpty { throw WorkbenchError.noDoneDocuments(annotator: annotator, command: command) }
            notes.append("gold: \(gold.documents.count)/\(gold.totalDocuments) documents done, \(gold.reviewedClaims)/\(gold.claimsInDoneDocuments) claims in them reviewed")
            if gold.bulkAccepted > 0 {
                notes.append(Self.bulkNote(claims: gold.documents.reduce(0) { $0 + $1.attributions.count },
                                           bulk: gold.bulkAccepted, threshold: gold.bulkThreshold))
            }
            if let note = GoldSelection.disagreementNote(gold.disagreements) { notes.append(note) }
            for g in gold.documents {
                guard processed.contains(g.stored.rowID) else {
                    unscored += 1
                    continue
                }
                if leftOut(g.stored) { continue }
                add(g.stored, gold: g.attributions, predicted: predictions(g.claims))
            }
        } else {
            let goldRun: RunRef
            if let known { goldRun = known } else { goldRun = try requireRunRef(against) }
            goldRef = goldRun
            let goldIDs = try db(store.documentRowIDs(processedBy: goldRun.rowID))
            try forEachBundle(goldIDs) { bundle in
                guard processed.contains(bundle.stored.rowID) else {
                    unscored += 1
                    return
                }
                if leftOut(bundle.stored) { return }
                add(bundle.stored, gold: Self.runGold(bundle, goldRun), predicted: predictions(bundle.claims))
            }
            notes.append("gold: run \"\(against)\", \(plural(goldIDs.count, "document"))")
        }
        if unscored > 0 {
            notes.append("not scored (run \"\(runName)\" has not processed them): \(plural(unscored, "document"))")
        }
        var trainedNote: String?
        if includeTrained && trainedOn == nil {
            notes.append("note: --include-trained changes nothing here: run \"\(runName)\" was not made by a trained model")
        }
        if let trainedOn {
            let model = TerminalSafe.escape(trainedOn.model)
            if trainedOn.documents == nil {
                trainedNote = "note: the documents model \"\(model)\" learned from are not recorded (replaced or removed since, "
                    + "or trained before ClaimDesk listed them): the gold may include some, which flatters it"
            } else if leftOutTrained > 0 {
                trainedNote = includeTrained
                    ? "note: \(plural(leftOutTrained, "gold document")) scored \(leftOutTrained == 1 ? "is one" : "are ones") model \"\(model)\" learned from (the figures flatter it)"
                    : "left out (model \"\(model)\" learned from them): \(plural(leftOutTrained, "document")); `claimdesk \(command) --include-trained` scores them too"
            }
        }
        if let trainedNote { notes.append(trainedNote) }
        if inputs.isEmpty, !includeTrained, let trainedOn, leftOutTrained > 0 {
            throw WorkbenchError.onlyTrainedGold(
                "every gold document run \"\(runName)\" has processed is one model \"\(TerminalSafe.escape(trainedOn.model))\" learned from "
                    + "(\(plural(leftOutTrained, "document"))): score it on gold it did not learn from, or `claimdesk \(command) --include-trained` to score its training data")
        }
        if inputs.isEmpty {
            throw WorkbenchError.nothingToScore("run \"\(runName)\" has processed none of the gold documents: run `claimdesk extract --run \(ShellWord.quoted(runName))` first")
        }
        return (inputs, notes, trainedNote, goldRef)
    }

    /// A run's claims in one document as gold (`score --against RUN`, `train --from RUN`): the run's
    /// own claims, minus those an imported gold run keeps as rejected (documented negatives).
    static func runGold(_ bundle: DocumentBundle, _ goldRun: RunRef) -> [Attribution] {
        var claims = bundle.claims.filter { $0.runID == goldRun.rowID && $0.origin == .run }
        if goldRun.kind == .gold {
            let rejected = ReviewLedger(bundle.log).rejectedClaims
            claims.removeAll { rejected.contains($0.rowID) }
        }
        return claims.map(\.attribution)
    }

    /// Documents with their claims and logs, read in batches (three queries per batch).
    func forEachBundle(_ documentRowIDs: [Int64], _ body: (DocumentBundle) throws(WorkbenchError) -> Void) throws(WorkbenchError) {
        var index = 0
        while index < documentRowIDs.count {
            let batch = Array(documentRowIDs[index..<min(index + Self.goldBatchSize, documentRowIDs.count)])
            for bundle in try db(store.bundles(documentRowIDs: batch)) { try body(bundle) }
            index += batch.count
        }
    }
}

/// The rules lexicon's kinds of cue (`RulesExtractor.cueKind(ofCue:)`) for `score --by cue-kind`.
struct RulesCueKinds: CueKindClassifier {
    let rules: RulesExtractor

    static func make() throws(WorkbenchError) -> RulesCueKinds {
        do { return RulesCueKinds(rules: try RulesExtractor()) } catch { throw .extractor(error) }
    }

    func cueKind(ofCue text: String) -> String { rules.cueKind(ofCue: text) }
}
