import ClaimModel
import Evaluation
import Foundation

/// Everything `claimdesk report` puts on its page.
public struct ReportPage: Sendable {
    public var title: String
    /// Lines under the title: run, gold, coverage.
    public var subtitle: [String]
    public var score: ScoreReport
    /// Evaluation's figures, as `score` prints them; nil with a note when no claim has a confidence.
    public var calibration: CalibrationReport?
    public var calibrationNote: String?
    public var agreement: [AgreementFigure]
    public var agreementNote: String?
    /// The provenance section (issue 14), already HTML with every stored text escaped; nil when
    /// the run has no link run. Rendered by `Workspace.provenanceSection`.
    public var provenanceHTML: String?
    /// The same scores grouped by kind of cue (`score --by cue-kind`); nil leaves the section out.
    public var byCueKind: ScoreReport?

    public init(title: String, subtitle: [String], score: ScoreReport, calibration: CalibrationReport?, calibrationNote: String?,
                agreement: [AgreementFigure], agreementNote: String?) {
        self.title = title
        self.subtitle = subtitle
        self.score = score
        self.calibration = calibration
        self.calibrationNote = calibrationNote
        self.agreement = agreement
        self.agreementNote = agreementNote
    }
}

/// Renders a `ReportPage` as one self-contained HTML page: inline CSS and SVG, no script, no
/// external font, image or link, so it opens offline and can be attached to a mail as it is.
public enum HTMLReport {
    public static func render(_ page: ReportPage) -> String {
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"en\">")
        html.append("<head>")
        html.append("<meta charset=\"utf-8\"/>")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        html.append("<title>\(escape(page.title))</title>")
        html.append("<style>\(css)</style>")
        html.append("</head>")
        html.append("<body>")
        html.append("<header><h1>\(escape(page.title))</h1>")
        for line in page.subtitle { html.append("<p class=\"sub\">\(escape(line))</p>") }
        html.append("</header>")
        html.append(scores(page.score))
        html.append(groupBars(page.score, id: "by-source-type", title: "Claims by source type", what: "source type",
                              attribute: "data-source-type"))
        if let kinds = page.byCueKind {
            html.append(groupBars(kinds, id: "by-cue-kind", title: "Claims by kind of cue", what: "kind of cue",
                                  attribute: "data-cue-kind"))
        }
        html.append(reliability(page.calibration, note: page.calibrationNote))
        html.append(agreement(page.agreement, note: page.agreementNote))
        if let provenance = page.provenanceHTML { html.append(provenance) }
        html.append("<footer>Written by <code>claimdesk report</code>. Figures are micro-averaged over documents; counts in brackets.</footer>")
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    static let css = """
        body{font-family:-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1120px;color:#1d2330;background:#fff;line-height:1.4;padding:0 24px}\
        h1{font-size:26px;margin:0 0 6px}h2{font-size:19px;margin:22px 0 8px;border-bottom:1px solid #d8dce4;padding-bottom:4px}\
        .sub{margin:2px 0;color:#556}table{border-collapse:collapse;margin:4px 0;font-size:13px}\
        th,td{padding:3px 9px;border-bottom:1px solid #e6e8ee;text-align:right;font-variant-numeric:tabular-nums}\
        th:first-child,td:first-child{text-align:left}th{background:#f3f5f9;font-weight:600}\
        .grid{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}.note{color:#667;font-size:14px}\
        .kpi{display:flex;gap:18px;margin:8px 0 14px}.kpi div{background:#f3f5f9;border-radius:8px;padding:10px 16px;min-width:150px}\
        .kpi b{display:block;font-size:28px}.kpi span{color:#556;font-size:13px}footer{margin:36px 0 12px;color:#778;font-size:13px}\
        svg text{font-family:inherit}
        """

    static func scores(_ r: ScoreReport) -> String {
        var out = ["<section id=\"scores\"><h2>Scores</h2>"]
        out.append("<div class=\"kpi\">")
        out.append("<div><span>claim F1</span><b>\(fixed(r.claim.f1))</b><span>P \(fixed(r.claim.precision)) · R \(fixed(r.claim.recall))</span></div>")
        out.append("<div><span>attribution F1</span><b>\(fixed(r.attribution.f1))</b><span>P \(fixed(r.attribution.precision)) · R \(fixed(r.attribution.recall))</span></div>")
        out.append("<div><span>documents scored</span><b>\(r.documents)</b><span>match: \(escape(r.match.rawValue))</span></div>")
        out.append("</div>")
        out.append("<div class=\"grid\">")
        out.append("<table class=\"prf\"><thead><tr><th>level</th><th>precision</th><th>recall</th><th>F1</th></tr></thead><tbody>")
        func row(_ name: String, _ p: PRF) {
            out.append("<tr><td>\(escape(name))</td><td>\(fixed(p.precision)) (\(p.truePositives)/\(p.predicted))</td><td>\(fixed(p.recall)) (\(p.truePositives)/\(p.gold))</td><td>\(fixed(p.f1))</td></tr>")
        }
        row("claim", r.claim)
        row("attribution", r.attribution)
        row("source tokens", r.roles.source.tokenOverlap)
        row("source exact", r.roles.source.exact)
        row("cue tokens", r.roles.cue.tokenOverlap)
        row("cue exact", r.roles.cue.exact)
        row("content tokens", r.roles.content.tokenOverlap)
        row("content exact", r.roles.content.exact)
        out.append("</tbody></table>")
        out.append("<table class=\"accuracy\"><thead><tr><th>field (matched claims)</th><th>accuracy</th></tr></thead><tbody>")
        let f = r.fieldAccuracy
        for (name, a) in [("source", f.source), ("cue", f.cue), ("outlet", f.outlet), ("source type", f.sourceType), ("anonymous", f.anonymous)] {
            out.append("<tr><td>\(name)</td><td>\(fixed(a.ratio)) (\(a.correct)/\(a.total))</td></tr>")
        }
        out.append("</tbody></table>")
        out.append("<table class=\"errors\"><thead><tr><th>errors</th><th>count</th></tr></thead><tbody>")
        for kind in ErrorKind.allCases {
            out.append("<tr><td>\(escape(kind.rawValue.replacingOccurrences(of: "_", with: " ")))</td><td>\(r.errors[kind])</td></tr>")
        }
        out.append("</tbody></table></div></section>")
        return out.joined(separator: "\n")
    }

    /// Grouped horizontal bars: precision, recall and F1 of claims per group of a grouped report
    /// (source type, kind of cue), each group a `<g>` with its key in `attribute`.
    static func groupBars(_ r: ScoreReport, id: String, title: String, what: String, attribute: String) -> String {
        var out = ["<section id=\"\(id)\"><h2>\(escape(title))</h2>"]
        let keys = r.groups.keys.sorted()
        guard r.grouping != nil, !keys.isEmpty else {
            out.append("<p class=\"note\">No claims to split by \(escape(what)).</p></section>")
            return out.joined(separator: "\n")
        }
        let label = 170.0, plot = 560.0, rowHeight = 44.0, top = 28.0
        let width = label + plot + 150, height = top + rowHeight * Double(keys.count) + 30
        let colors = [("precision", "#5b8def"), ("recall", "#f0a43a"), ("F1", "#3aa675")]
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"precision, recall and F1 per \(escape(what))\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\">")
        for (i, (name, color)) in colors.enumerated() {
            let x = label + Double(i) * 110
            out.append("<rect x=\"\(n(x))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(n(x + 18))\" y=\"16\" font-size=\"13\">\(name)</text>")
        }
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = label + plot * tick
            out.append("<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(height - 24))\" stroke=\"#e1e4ea\"/>")
            out.append("<text x=\"\(n(x))\" y=\"\(n(height - 8))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#667\">\(String(format: "%.2f", tick))</text>")
        }
        for (row, key) in keys.enumerated() {
            guard let g = r.groups[key] else { continue }
            let y = top + Double(row) * rowHeight
            out.append("<g class=\"bar-group\" \(attribute)=\"\(escape(key))\">")
            out.append("<text x=\"\(n(label - 10))\" y=\"\(n(y + 17))\" font-size=\"14\" text-anchor=\"end\">\(escape(key))</text>")
            out.append("<text x=\"\(n(label - 10))\" y=\"\(n(y + 32))\" font-size=\"11\" text-anchor=\"end\" fill=\"#778\">gold \(g.claim.gold) · predicted \(g.claim.predicted)</text>")
            for (i, value) in [g.claim.precision, g.claim.recall, g.claim.f1].enumerated() {
                let barY = y + 2 + Double(i) * 13
                out.append("<rect x=\"\(n(label))\" y=\"\(n(barY))\" width=\"\(n(max(plot * value, 1)))\" height=\"11\" fill=\"\(colors[i].1)\"><title>\(escape(key)) \(colors[i].0) \(fixed(value))</title></rect>")
                out.append("<text x=\"\(n(label + max(plot * value, 1) + 6))\" y=\"\(n(barY + 10))\" font-size=\"10\">\(fixed(value))</text>")
            }
            out.append("</g>")
        }
        out.append("</svg></section>")
        return out.joined(separator: "\n")
    }

    /// Reliability diagram: per confidence bin, the share of claims matched to gold, against the
    /// diagonal of perfect calibration; bar opacity follows the bin's size.
    static func reliability(_ c: CalibrationReport?, note: String?) -> String {
        var out = ["<section id=\"reliability\"><h2>Calibration of extractor confidence</h2>"]
        guard let c, !c.bins.isEmpty else {
            out.append("<p class=\"note\">\(escape(note ?? "No extractor confidence to calibrate."))</p></section>")
            return out.joined(separator: "\n")
        }
        out.append("<p class=\"note\">A claim is correct when it is content-matched to a gold attribution: the same figures as <code>claimdesk score</code>.</p>")
        out.append("<div class=\"grid\">")
        let left = 56.0, size = 300.0, top = 16.0
        let width = left + size + 24, height = top + size + 52
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"reliability diagram\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\">")
        func x(_ v: Double) -> Double { left + size * v }
        func y(_ v: Double) -> Double { top + size * (1 - v) }
        out.append("<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(size))\" height=\"\(n(size))\" fill=\"#fafbfd\" stroke=\"#c9ced8\"/>")
        for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
            out.append("<line x1=\"\(n(x(tick)))\" y1=\"\(n(top))\" x2=\"\(n(x(tick)))\" y2=\"\(n(top + size))\" stroke=\"#eceef3\"/>")
            out.append("<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + size))\" y2=\"\(n(y(tick)))\" stroke=\"#eceef3\"/>")
            out.append("<text x=\"\(n(x(tick)))\" y=\"\(n(top + size + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#667\">\(String(format: "%.1f", tick))</text>")
            out.append("<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#667\">\(String(format: "%.1f", tick))</text>")
        }
        let largest = Double(c.bins.map(\.count).max() ?? 1)
        for bin in c.bins {
            guard bin.count > 0, let accuracy = bin.accuracy else { continue }
            let opacity = 0.35 + 0.65 * Double(bin.count) / max(largest, 1)
            out.append("<rect class=\"bin\" x=\"\(n(x(bin.lower) + 2))\" y=\"\(n(y(accuracy)))\" width=\"\(n(size * (bin.upper - bin.lower) - 4))\" height=\"\(n(size * accuracy))\" fill=\"#5b8def\" fill-opacity=\"\(String(format: "%.2f", opacity))\"><title>\(fixed(bin.lower))–\(fixed(bin.upper)): \(plural(bin.count, "claim")), correct \(fixed(accuracy))</title></rect>")
            if let mean = bin.meanConfidence {
                out.append("<circle cx=\"\(n(x(mean)))\" cy=\"\(n(y(accuracy)))\" r=\"3.5\" fill=\"#1d2330\"/>")
            }
        }
        out.append("<line x1=\"\(n(x(0)))\" y1=\"\(n(y(0)))\" x2=\"\(n(x(1)))\" y2=\"\(n(y(1)))\" stroke=\"#d0453a\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>")
        if let t = c.autoAccept?.confidence {
            out.append("<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(top + size))\" stroke=\"#3aa675\" stroke-width=\"1.5\"/>")
            out.append("<text x=\"\(n(x(min(t, 0.97)) - 4))\" y=\"\(n(top + size - 8))\" font-size=\"11\" text-anchor=\"end\" fill=\"#2a7a55\">P ≥ 0.95 from \(fixed(t))</text>")
        }
        out.append("<text x=\"\(n(left + size / 2))\" y=\"\(n(top + size + 36))\" font-size=\"13\" text-anchor=\"middle\">extractor confidence</text>")
        out.append("<text transform=\"translate(16 \(n(top + size / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">share correct</text>")
        out.append("</svg>")
        out.append("<div><table class=\"calibration\"><thead><tr><th>confidence</th><th>claims</th><th>mean conf.</th><th>correct</th></tr></thead><tbody>")
        for bin in c.bins {
            out.append("<tr><td>\(String(format: "%.1f–%.1f", bin.lower, bin.upper))</td><td>\(bin.count)</td><td>\(fixed(bin.meanConfidence))</td><td>\(fixed(bin.accuracy))</td></tr>")
        }
        out.append("</tbody></table>")
        out.append("<p>ECE <b>\(fixed(c.expectedCalibrationError))</b> · Brier <b>\(fixed(c.brierScore))</b> · auto-accept threshold <b>\(c.autoAccept.map { fixed($0.confidence) } ?? "none")</b> · \(plural(c.samples, "claim")) with a confidence</p>")
        out.append("</div></div></section>")
        return out.joined(separator: "\n")
    }

    static func agreement(_ figures: [AgreementFigure], note: String?) -> String {
        var out = ["<section id=\"agreement\"><h2>Agreement between analysts</h2>"]
        guard !figures.isEmpty else {
            out.append("<p class=\"note\">\(escape(note ?? "No claim was reviewed by more than one annotator."))</p></section>")
            return out.joined(separator: "\n")
        }
        out.append("<table class=\"agreement\"><thead><tr><th>on</th><th>measure</th><th>between</th><th>value</th><th>observed</th><th>items</th></tr></thead><tbody>")
        for f in figures {
            out.append("<tr><td>\(escape(f.on))</td><td>\(escape(f.measure))</td><td>\(escape(f.between))</td><td>\(fixed(f.value))</td><td>\(fixed(f.observed))</td><td>\(f.items)</td></tr>")
        }
        out.append("</tbody></table></section>")
        return out.joined(separator: "\n")
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" {
                    out += "&#xFFFD;"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func fixed(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "–" }
        return String(format: "%.3f", d)
    }

    static func fixed(_ d: Double) -> String { fixed(Optional(d)) }

    static func n(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }
}
