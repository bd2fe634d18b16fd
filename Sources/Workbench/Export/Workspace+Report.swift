import ClaimModel
import ClaimStore
import Evaluation
import Extraction
import Foundation

/// One `report` command.
public struct ReportRequest: Sendable, Equatable {
    public var out: String
    /// nil = the run a user means (see `Workspace.defaultReportRun`).
    public var run: String?
    /// "annotations" or a run name.
    public var against: String
    public var annotator: String?
    /// For a run a model made: also score the documents the model learned from.
    public var includeTrained: Bool

    public init(out: String, run: String? = nil, against: String = "annotations", annotator: String? = nil,
                includeTrained: Bool = false) {
        self.out = out
        self.run = run
        self.against = against
        self.annotator = annotator
        self.includeTrained = includeTrained
    }
}

/// Which run `report` describes, and why.
public struct ReportRunChoice: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `--run NAME`.
        case named
        /// The built-in extractor's run: "rules", else the one run of its full profile.
        case builtIn
        /// No "rules": the newest of these runs of the built-in full profile (all of them, oldest first).
        case newestBuiltIn(of: [String])
        /// The store holds a single extractor or imported run.
        case onlyRun
    }

    public var name: String
    public var reason: Reason
}

extension Workspace {
    /// Scores the run against the gold, gathers calibration and agreement, and writes the page
    /// atomically. Returns the line to print, which says how the run was chosen when `--run` was not given.
    public func writeReport(_ request: ReportRequest) throws(WorkbenchError) -> String {
        try requireNotStore(file: request.out)
        let page = try reportPage(request)
        // A report is a view, regenerated at will: an existing report file is replaced (a symlink is not).
        var file = try AtomicFile(path: request.out, replacing: true)
        try file.write(HTMLReport.render(page.page))
        try file.commit()
        let line = "wrote the report on run \"\(TerminalSafe.escape(page.run.name))\" (\(plural(page.page.score.documents, "document"))) to \(TerminalSafe.path(request.out))"
        switch page.run.reason {
        case .named: return line
        case .builtIn: return line + "; no --run given: the built-in extractor's run"
        case let .newestBuiltIn(runs):
            // Several runs could be meant: say which rule chose this one and which others exist.
            return line + "; no --run given: the newest of \(runs.count) runs of the built-in extractor's full profile ("
                + runs.map { "\"\(TerminalSafe.escape($0))\"" }.joined(separator: ", ") + "; --run picks another)"
        case .onlyRun: return line + "; no --run given: the only run"
        }
    }

    /// The page's content, without writing it.
    public func reportPage(_ request: ReportRequest) throws(WorkbenchError) -> (run: ReportRunChoice, page: ReportPage) {
        let choice: ReportRunChoice
        if let name = request.run {
            choice = ReportRunChoice(name: name, reason: .named)
        } else {
            choice = try defaultReportRun()
        }
        let runName = choice.name
        let run = try requireRunRef(runName)
        // Scores and calibration come from the same call as `claimdesk score`, so the page and the command agree.
        let match = MatchMode.overlap
        let scored = try scoreRun(run: run, against: request.against, match: match,
                                  annotator: request.annotator, groupBy: .sourceType, alsoGroupBy: [.cueKind],
                                  includeTrained: request.includeTrained, command: "report")
        let against = request.against == "annotations"
            ? "against the analysts' gold" + (request.annotator.map { " (\($0))" } ?? "")
            : "against run \"\(request.against)\""
        let subtitle = ["run \"\(runName)\" (\(run.extractor)\(run.version.map { " \($0)" } ?? ""))", against] + scored.notes
        let (figures, agreementNote) = agreementFigures(try reviewLabels())
        let (calibration, calibrationNote) = Self.calibrationView(scored.calibration)
        let page = ReportPage(title: "ClaimDesk evaluation report", subtitle: subtitle, score: scored.report,
                              calibration: calibration, calibrationNote: calibrationNote,
                              agreement: figures, agreementNote: agreementNote)
        var withLinks = page
        // The same pairs grouped by kind of cue, counted in the same pass (a report holds one grouping).
        withLinks.byCueKind = scored.alsoGrouped[.cueKind]
        let linked = try loadedLinks(of: run)
        let goldLinks = request.against == "annotations" ? nil
            : try goldClusterScore(run: run, links: linked, against: request.against, inputs: scored.inputs, report: scored.report)
        withLinks.provenanceHTML = try provenanceSection(run: run, links: linked, annotator: request.annotator, goldLinks: goldLinks)
        return (choice, withLinks)
    }

    /// The run a user means when `report` is given no `--run`: the built-in extractor's run ("rules"
    /// when it is one, else the newest extractor run made by the built-in extractor's full profile),
    /// else the only extractor or imported run. Baselines such as `--profile direct-quotes` and
    /// imported gold are never picked on their own; with several candidates and no rule to choose,
    /// the user is asked for `--run`, with the candidates listed.
    func defaultReportRun() throws(WorkbenchError) -> ReportRunChoice {
        let runs = try db(store.runRefs())
        let builtIn = runs.filter {
            $0.kind == .extractor && $0.extractor == RulesExtractor.name && ExtractionProfile(parameters: $0.parameters) == .full
        }
        if let rules = builtIn.first(where: { $0.name == "rules" }) {
            return ReportRunChoice(name: rules.name, reason: .builtIn)
        }
        if let newest = builtIn.last {
            return ReportRunChoice(name: newest.name, reason: builtIn.count == 1 ? .builtIn : .newestBuiltIn(of: builtIn.map(\.name)))
        }
        let candidates = runs.filter { $0.kind == .extractor || $0.kind == .imported }
        if candidates.count == 1, let only = candidates.first {
            return ReportRunChoice(name: only.name, reason: .onlyRun)
        }
        if candidates.isEmpty {
            throw WorkbenchError.nothingToScore("no extractor run to report on: run `claimdesk extract` first")
        }
        let names = candidates.map { "\"\(TerminalSafe.escape($0.name))\"" }.joined(separator: ", ")
        throw WorkbenchError.usage("report needs --run NAME: no run of the built-in extractor, and \(plural(candidates.count, "run")) to choose from: \(names)")
    }

    /// The report's calibration figures: the same `CalibrationReport` that `score` prints.
    static func calibrationView(_ report: CalibrationReport) -> (CalibrationReport?, String?) {
        guard report.samples > 0 else {
            return (nil, "No scored prediction of this run carries an extractor confidence, so there is nothing to calibrate.")
        }
        return (report, nil)
    }
}
