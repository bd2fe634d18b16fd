import ClaimModel
import Evaluation

extension Workspace {
    /// Agreement between annotators: Cohen's κ per pair and Krippendorff's α (nominal) over all, on
    /// the verdicts of claims reviewed by more than one annotator and on the source types they kept.
    /// Agreement between the annotators on the claims two or more of them judged: of every run,
    /// or of run `runName` only (its claims, as its review queue shows them).
    public func agreement(format: ListingFormat, runName: String? = nil) throws(WorkbenchError) -> String {
        let runID = try runName.map { (name) throws(WorkbenchError) in try requireRunRef(name).rowID }
        let labels = try reviewLabels(runID: runID)
        let verdicts = Agreement.report(labels.verdicts.filter { $0.value.count > 1 })
        let sourceTypes = Agreement.report(labels.sourceTypes.filter { $0.value.count > 1 })
        switch format {
        case .json:
            return "{\"verdict\": \(ReportRenderer.json(verdicts)),\n\"source_type\": \(ReportRenderer.json(sourceTypes))}"
        case .table:
            let scope = runName.map { " in run \"\(TerminalSafe.escape($0))\"" } ?? ""
            if labels.verdicts.isEmpty {
                // Only claims judged by two or more annotators are labelled, so no label means no
                // shared claim: name who has judged (before: "annotators so far: none" even after
                // one analyst's work).
                let judges = labels.judges.sorted().map(TerminalSafe.escape)
                let why = switch judges.count {
                case 0: "no claim has a verdict yet"
                case 1: "so far only \(judges[0]) has given verdicts"
                default: "\(judges.joined(separator: ", ")) have given verdicts, but never on the same claim"
                }
                return "agreement needs claims reviewed by at least two annotators\(scope); \(why)"
            }
            return (runName == nil ? "" : "run \"\(TerminalSafe.escape(runName ?? ""))\" only\n") + "on verdicts (confirmed / corrected / rejected / added)\n" + ReportRenderer.table(verdicts)
                + "\non source types (claims both kept)\n" + ReportRenderer.table(sourceTypes)
        }
    }
}
