import ClaimModel
import Evaluation

extension Workspace {
    /// Agreement between annotators: Cohen's κ per pair and Krippendorff's α (nominal) over all, on
    /// the verdicts of claims reviewed by more than one annotator and on the source types they kept.
    public func agreement(format: ListingFormat) throws(WorkbenchError) -> String {
        let labels = try reviewLabels()
        let verdicts = Agreement.report(labels.verdicts.filter { $0.value.count > 1 })
        let sourceTypes = Agreement.report(labels.sourceTypes.filter { $0.value.count > 1 })
        switch format {
        case .json:
            return "{\"verdict\": \(ReportRenderer.json(verdicts)),\n\"source_type\": \(ReportRenderer.json(sourceTypes))}"
        case .table:
            let coders = Set(labels.verdicts.values.flatMap(\.keys)).sorted()
            if coders.count < 2 {
                return "agreement needs claims reviewed by at least two annotators; annotators so far: "
                    + (coders.isEmpty ? "none" : coders.joined(separator: ", "))
            }
            return "on verdicts (confirmed / corrected / rejected / added)\n" + ReportRenderer.table(verdicts)
                + "\non source types (claims both kept)\n" + ReportRenderer.table(sourceTypes)
        }
    }
}
