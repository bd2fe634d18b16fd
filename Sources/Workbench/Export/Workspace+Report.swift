import ClaimModel
import ClaimStore
import Evaluation
import Foundation

/// One `report` command.
public struct ReportRequest: Sendable, Equatable {
    public var out: String
    /// nil = the most recent extractor (or imported) run.
    public var run: String?
    /// "annotations" or a run name.
    public var against: String
    public var annotator: String?

    public init(out: String, run: String? = nil, against: String = "annotations", annotator: String? = nil) {
        self.out = out
        self.run = run
        self.against = against
        self.annotator = annotator
    }
}

extension Workspace {
    /// Scores the run against the gold, gathers calibration and agreement, and writes the page
    /// atomically. Returns the line to print.
    public func writeReport(_ request: ReportRequest) throws(WorkbenchError) -> String {
        let page = try reportPage(request)
        var file = try AtomicFile(path: request.out)
        try file.write(HTMLReport.render(page.page))
        try file.commit()
        return "wrote the report on run \"\(page.runName)\" (\(page.page.score.documents) documents) to \(request.out)"
    }

    /// The page's content, without writing it.
    public func reportPage(_ request: ReportRequest) throws(WorkbenchError) -> (runName: String, page: ReportPage) {
        let runName: String
        if let name = request.run {
            runName = name
        } else {
            let runs = try db { () throws(StoreError) in try store.runs() }
            guard let latest = runs.last(where: { $0.kind == .extractor || $0.kind == .imported }) else {
                throw WorkbenchError.nothingToScore("no extractor run to report on: run `claimdesk extract` first")
            }
            runName = latest.name
        }
        let run = try requireRun(runName)
        let processed = Set(try db { () throws(StoreError) in try store.documentRowIDs(processedBy: run.rowID) })
        var inputs: [ScoringInput] = []
        var subtitle = ["run \"\(runName)\" (\(run.extractor)\(run.version.map { " \($0)" } ?? ""))"]
        func add(_ stored: StoredDocument, _ gold: [Attribution]) throws(WorkbenchError) {
            guard processed.contains(stored.rowID) else { return }
            let predicted = try db { () throws(StoreError) in try store.attributions(runID: run.rowID, documentRowID: stored.rowID) }
                .filter { $0.origin == .run }.map(\.attribution)
            inputs.append(ScoringInput(documentID: stored.document.id, text: ScalarText(stored.document.text), gold: gold, predicted: predicted))
        }
        if request.against == "annotations" {
            let walk = try forEachGoldDocument(annotator: request.annotator) { (gold) throws(WorkbenchError) in
                try add(gold.stored, gold.attributions)
            }
            subtitle.append("against the analysts' gold\(request.annotator.map { " (\($0))" } ?? ""): \(walk.documents)/\(walk.totalDocuments) documents done, \(walk.reviewedClaims)/\(walk.claimsInDoneDocuments) claims in them reviewed")
            if !walk.disagreements.isEmpty {
                subtitle.append("left out (annotators disagree, nothing adjudicated): \(walk.disagreements.joined(separator: ", "))")
            }
        } else {
            let goldRun = try requireRun(request.against)
            for id in try db({ () throws(StoreError) in try store.documentRowIDs(processedBy: goldRun.rowID) }) {
                guard let stored = try db({ () throws(StoreError) in try store.document(rowID: id) }) else { continue }
                let gold = try db { () throws(StoreError) in try store.attributions(runID: goldRun.rowID, documentRowID: id) }
                try add(stored, gold.map(\.attribution))
            }
            subtitle.append("against run \"\(request.against)\"")
        }
        if inputs.isEmpty {
            throw WorkbenchError.nothingToScore(
                "nothing to report: no gold document has been processed by run \"\(runName)\" (mark documents done in `claimdesk annotate`, or use --against RUN)")
        }
        let score = Scorer(match: .overlap).score(inputs, groupBy: .sourceType)
        let labels = try reviewLabels(calibrationRunID: run.rowID)
        let (figures, agreementNote) = agreementFigures(labels)
        let (calibration, calibrationNote) = calibrationView(labels)
        let page = ReportPage(title: "ClaimDesk evaluation report", subtitle: subtitle, score: score,
                              calibration: calibration, calibrationNote: calibrationNote,
                              agreement: figures, agreementNote: agreementNote)
        return (runName, page)
    }
}
