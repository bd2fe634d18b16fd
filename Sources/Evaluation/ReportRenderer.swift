import ClaimModel
import Foundation

/// Turns a `ScoreReport` into what `claimdesk score` prints.
///
/// Two audiences: people read the table (every figure with the counts it comes from, so a
/// surprising number can be checked at a glance); scripts read the JSON (stable key order, so
/// diffs between runs show only what changed).
public enum ReportRenderer {
    /// An aligned plain-text report, e.g.
    /// `attribution  P 0.712 (312/438)  R 0.655 (312/476)  F1 0.682`.
    public static func table(_ report: ScoreReport) -> String {
        var sections: [String] = []
        let noun = report.documents == 1 ? "document" : "documents"
        sections.append("\(report.documents) \(noun), match \(report.match)")

        var scores = TextTable([.left, .left, .left, .left])
        addPRF(&scores, ["claim"], report.claim)
        addPRF(&scores, ["attribution"], report.attribution)
        for (name, role) in [("source", report.roles.source), ("cue", report.roles.cue), ("content", report.roles.content)] {
            addPRF(&scores, ["\(name) tokens"], role.tokenOverlap)
            addPRF(&scores, ["\(name) exact"], role.exact)
        }
        sections.append(scores.render())

        let fields = report.fieldAccuracy
        var accuracy = TextTable([.left, .left])
        for (name, value) in [
            ("source", fields.source), ("cue", fields.cue), ("outlet", fields.outlet),
            ("source_type", fields.sourceType), ("anonymous", fields.anonymous),
        ] {
            accuracy.add([name, value.total == 0 ? "- (0/0: gold does not say)" : "\(ratio(value.ratio)) (\(value.correct)/\(value.total))"])
        }
        sections.append("field accuracy among \(report.claim.truePositives) matched claims\n" + accuracy.render(indent: "  "))

        var errors = TextTable([.left, .right])
        for kind in ErrorKind.allCases {
            errors.add([kind.rawValue.replacingOccurrences(of: "_", with: " "), String(report.errors[kind])])
        }
        sections.append("errors\n" + errors.render(indent: "  "))

        if let grouping = report.grouping {
            var groups = TextTable([.left, .left, .left, .left, .left])
            for key in report.groups.keys.sorted() {
                guard let group = report.groups[key] else { continue }
                addPRF(&groups, [key, "claim"], group.claim)
                addPRF(&groups, ["", "attribution"], group.attribution)
            }
            let body = groups.rows.isEmpty ? "  (no claims)" : groups.render(indent: "  ")
            sections.append("by \(grouping)\n" + body)
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The report as pretty-printed JSON with sorted keys; per-document details only when
    /// `includeDetails` is set, since they can run to megabytes.
    public static func json(_ report: ScoreReport, includeDetails: Bool = false) -> String {
        var report = report
        if !includeDetails { report.details = [] }
        return encode(report)
    }

    /// Pretty, key-sorted JSON of any report value, ending in a newline.
    ///
    /// Reports go through ClaimModel's one codec like everything else (docs/ARCHITECTURE.md, "Where
    /// new things go"): their `Codable` shape becomes a `JSONValue`, written in the layout and number
    /// format `JSONEncoder` used before, so scripts reading `--format json` see the same bytes.
    static func encode(_ value: some Encodable) -> String {
        do {
            var writer = JSONWriter()
            writer.escapesDelete = false
            writer.pretty(try JSONValueEncoder.encode(value))
            return writer.text + "\n"
        } catch {
            // Report types encode only numbers, strings and containers, so this cannot happen
            // today; still, answer with valid JSON rather than trap.
            return "{\"error\": \"report could not be encoded\"}\n"
        }
    }

    private static func addPRF(_ table: inout TextTable, _ labels: [String], _ prf: PRF) {
        table.add(
            labels + [
                "P \(ratio(prf.precision)) (\(prf.truePositives)/\(prf.predicted))",
                "R \(ratio(prf.recall)) (\(prf.truePositives)/\(prf.gold))",
                "F1 \(ratio(prf.f1))",
            ])
    }

    /// Three decimals, the precision at which these figures are usually compared.
    static func ratio(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
