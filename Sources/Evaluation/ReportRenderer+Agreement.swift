import ClaimModel
/// Table and JSON of an `AgreementReport`.
extension ReportRenderer {
    /// Pairwise κ with the number of shared items and raw agreement, then α over all annotators.
    /// Undefined statistics show as `-` (e.g. κ when both annotators used a single label).
    public static func table(_ report: AgreementReport) -> String {
        var lines: [String] = []
        lines.append(plural(report.coders.count, "annotator") + ", " + plural(report.sharedItems, "item") + " labelled by more than one")
        if report.pairs.isEmpty {
            lines.append("no two annotators labelled the same item")
        } else {
            var table = TextTable([.left, .left, .right, .right, .right])
            table.add(["annotator", "annotator", "items", "agree", "kappa"])
            for pair in report.pairs {
                table.add([
                    pair.coderA, pair.coderB, String(pair.items), ratio(pair.observedAgreement),
                    pair.kappa.map(ratio) ?? "-",
                ])
            }
            lines.append(table.render())
        }
        if let alpha = report.krippendorff {
            lines.append(
                "Krippendorff's alpha (nominal) \(alpha.alpha.map(ratio) ?? "-")"
                    + "  observed agreement \(ratio(alpha.observedAgreement))"
                    + "  expected \(ratio(alpha.expectedAgreement))"
                    + "  (\(plural(alpha.pairableUnits, "item")), \(plural(alpha.pairableValues, "label")))")
        } else {
            lines.append("Krippendorff's alpha (nominal) -")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The agreement report as pretty-printed JSON with sorted keys.
    public static func json(_ report: AgreementReport) -> String {
        encode(report)
    }
}
