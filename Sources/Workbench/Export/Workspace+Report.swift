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
        // The same documents and gold as `claimdesk score`, so the page and the command agree.
        let (inputs, notes) = try scoringInputs(runName: runName, against: request.against, annotator: request.annotator)
        let against = request.against == "annotations"
            ? "against the analysts' gold" + (request.annotator.map { " (\($0))" } ?? "")
            : "against run \"\(request.against)\""
        let subtitle = ["run \"\(runName)\" (\(run.extractor)\(run.version.map { " \($0)" } ?? ""))", against] + notes
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
