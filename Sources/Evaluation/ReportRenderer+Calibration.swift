import ClaimModel
/// The reliability chart and JSON of a `CalibrationReport`.
extension ReportRenderer {
    /// Width of a full bar (accuracy 1.0), in characters.
    static let barWidth = 20

    /// A reliability table with a bar per bin, ASCII only so it survives any terminal or log:
    /// `#` fills to the bin's accuracy, `|` marks its mean confidence. A calibrated extractor's
    /// bars end at their marks; bars short of the mark mean over-confidence.
    public static func reliabilityChart(_ report: CalibrationReport) -> String {
        var table = TextTable([.left, .right, .right, .right, .left])
        table.add(["confidence", "n", "conf", "acc", "# accuracy, | mean confidence"])
        for (index, bin) in report.bins.enumerated() {
            let closing = index == report.bins.count - 1 ? "]" : ")"
            let range = "[\(decimal(bin.lower)), \(decimal(bin.upper))\(closing)"
            table.add([
                range, String(bin.count), bin.meanConfidence.map(ratio) ?? "-", bin.accuracy.map(ratio) ?? "-",
                bar(accuracy: bin.accuracy, confidence: bin.meanConfidence),
            ])
        }
        var lines = [table.render()]
        lines.append("")
        var summary = plural(report.samples, "sample")
        if report.ignored > 0 { summary += " (\(report.ignored) ignored: confidence missing or outside [0, 1])" }
        lines.append(summary)
        lines.append("ECE    \(report.expectedCalibrationError.map(ratio) ?? "-")")
        lines.append("Brier  \(report.brierScore.map(ratio) ?? "-")")
        if let threshold = report.autoAccept {
            lines.append(
                "auto-accept at confidence >= \(ratio(threshold.confidence)): precision \(ratio(threshold.precision))"
                    + " (\(threshold.correct)/\(threshold.accepted)), \(threshold.accepted) of \(plural(report.samples, "claim"))")
        } else {
            lines.append("auto-accept: no confidence threshold reaches precision \(ratio(report.targetPrecision))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The calibration report as pretty-printed JSON with sorted keys.
    public static func json(_ report: CalibrationReport) -> String {
        encode(report)
    }

    /// `[#########|.........]`-style bar; empty bins get an empty frame.
    static func bar(accuracy: Double?, confidence: Double?) -> String {
        guard let accuracy, let confidence else { return "[" + String(repeating: " ", count: barWidth) + "]" }
        let filled = Int((accuracy * Double(barWidth)).rounded())
        var cells = Array(String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled))
        let mark = min(barWidth - 1, max(0, Int((confidence * Double(barWidth)).rounded()) - 1))
        cells[mark] = "|"
        return "[" + String(cells) + "]"
    }

    /// One decimal for bin bounds ("0.3").
    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
