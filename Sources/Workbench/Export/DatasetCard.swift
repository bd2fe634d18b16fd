import Foundation
import ClaimModel
import ClaimStore

/// Counts an export gathers while it streams, for its dataset card.
public struct ExportTally: Sendable, Equatable {
    public var documents = 0
    public var attributions = 0
    public var bySourceType: [String: Int] = [:]
    public var byOutlet: [String: Int] = [:]
    public var byVerdict: [String: Int] = [:]
    public var byAnalystConfidence: [String: Int] = [:]
    /// Attributions per annotator named in their review.
    public var byAnnotator: [String: Int] = [:]
    /// Attributions whose review is an adjudication, per adjudicator: the team reading the card
    /// sees who settled the disagreements (the annotators table alone counts them as reviews).
    public var byAdjudicator: [String: Int] = [:]

    /// Attributions that name a source entity (`source_entity`: the same real-world source
    /// within a document), and how many entities they name (per document).
    public var withSourceEntity = 0
    public var sourceEntities = 0
    /// Attributions in a claim cluster (`cluster`: the same claim across documents), and the
    /// clusters' labels.
    public var withCluster = 0
    public var clusters: Set<String> = []

    public init() {}

    static let none = "(none)"

    public mutating func add(_ item: AnnotatedDocument) {
        documents += 1
        var entities: Set<String> = []
        for a in item.attributions {
            if let entity = a.sourceEntity {
                withSourceEntity += 1
                entities.insert(entity)
            }
            if let cluster = a.cluster {
                withCluster += 1
                clusters.insert(cluster)
            }
            attributions += 1
            bySourceType[a.sourceType?.rawValue ?? Self.none, default: 0] += 1
            byOutlet[a.outlet ?? Self.none, default: 0] += 1
            byVerdict[a.review?.status.rawValue ?? Self.none, default: 0] += 1
            byAnalystConfidence[a.review?.confidence?.rawValue ?? Self.none, default: 0] += 1
            byAnnotator[a.review?.annotator ?? Self.none, default: 0] += 1
            if let review = a.review, review.adjudication { byAdjudicator[review.annotator ?? Self.none, default: 0] += 1 }
        }
        sourceEntities += entities.count
    }
}

/// One agreement figure as a card or report shows it.
public struct AgreementFigure: Sendable, Equatable {
    /// "verdict" or "source_type".
    public var on: String
    /// "Cohen's kappa" or "Krippendorff's alpha".
    public var measure: String
    /// "ana / ben", or "all annotators".
    public var between: String
    public var value: Double?
    public var observed: Double?
    public var items: Int

    public init(on: String, measure: String, between: String, value: Double?, observed: Double?, items: Int) {
        self.on = on
        self.measure = measure
        self.between = between
        self.value = value
        self.observed = observed
        self.items = items
    }
}

/// What a gold dataset is, how it was made and how to check it: written beside every gold export
/// as Markdown (for people) and JSON (for tools). It holds no timestamp of its own, so the same
/// store exported twice gives the same card.
public struct DatasetCard: Sendable, Equatable {
    public var format: String
    /// "annotator ana" or "all annotators (documents where they disagree are left out)".
    public var selection: String
    public var includesPartial: Bool
    public var tally: ExportTally
    public var annotatorsDone: [String]
    public var leftOut: [String]
    public var partial: [String]
    public var runs: [RunInfo]
    public var agreement: [AgreementFigure]
    /// Why agreement figures are missing, when they are.
    public var agreementNote: String?
    public var files: [ExportedFile]
    /// The ClaimDesk that wrote the card and the version of its rules extractor (the runs table
    /// gives the version of each run's extractor, which may be older).
    public var claimDeskVersion = Versions.claimDesk
    public var extractorVersion = Versions.rulesExtractor
    /// The file's offsets count UTF-16 code units (Label Studio, INCEpTION's XMI), not Unicode
    /// scalars (every other format).
    public var utf16Offsets = false
    /// The span labels the file gives the three roles (brat and the ecosystem formats); nil for
    /// formats whose roles are keys or columns (JSONL, CSV).
    public var labels: [(role: String, label: String)]? = nil
    /// The relation label linking a cue to its source and content, when the format has one.
    public var relationLabel: String? = nil

    public static func == (a: DatasetCard, b: DatasetCard) -> Bool {
        a.format == b.format && a.selection == b.selection && a.includesPartial == b.includesPartial && a.tally == b.tally
            && a.annotatorsDone == b.annotatorsDone && a.leftOut == b.leftOut && a.partial == b.partial && a.runs == b.runs
            && a.agreement == b.agreement && a.agreementNote == b.agreementNote && a.files == b.files
            && a.claimDeskVersion == b.claimDeskVersion && a.extractorVersion == b.extractorVersion
            && a.utf16Offsets == b.utf16Offsets && a.labels?.map { [$0.role, $0.label] } == b.labels?.map { [$0.role, $0.label] }
            && a.relationLabel == b.relationLabel
    }

    /// The unit of the file's offsets, as the JSON card says it.
    var offsetUnit: String { utf16Offsets ? "utf-16 code unit, 0-based, end-exclusive" : "unicode scalar, 0-based, end-exclusive" }

    /// The card's line on the span labels.
    var labelsLine: String {
        guard let labels else { return "- Span labels: none: the roles are named by their keys (`source`, `cue`, `content`)" }
        let named = labels.map { "\(Self.cell($0.label)) (\($0.role))" }.joined(separator: ", ")
        return "- Span labels: \(named)" + (relationLabel.map { "; relation \(Self.cell($0))" } ?? "")
    }

    /// The card's lines on source-entity and claim clusters: whether the data has them.
    var clusterLines: [String] {
        let entities = tally.withSourceEntity == 0
            ? "- Source-entity clusters (`source_entity`): not included: no attribution names one"
            : "- Source-entity clusters (`source_entity`): included: \(plural(tally.withSourceEntity, "attribution")) with one, \(plural(tally.sourceEntities, "entity", "entities")) (counted per document)"
        let claims = tally.withCluster == 0
            ? "- Claim clusters (`cluster`): not included: no attribution belongs to one"
            : "- Claim clusters (`cluster`): included: \(plural(tally.withCluster, "attribution")) in \(plural(tally.clusters.count, "cluster"))"
        return [entities, claims]
    }

    public static let verdictMeanings: [(String, String)] = [
        ("confirmed", "the extractor's claim is right as it stands (source, cue, content and fields)"),
        ("corrected", "a real attribution whose spans or fields the analyst corrected; the corrected version is exported"),
        ("added", "an attribution the extractor missed, added by the analyst"),
        ("rejected", "not an attribution (an extractor false positive); never part of gold, counted only in scores"),
    ]

    public static let confidenceMeanings: [(String, String)] = [
        ("high", "the analyst is sure of the verdict and every field"),
        ("medium", "the verdict is right but a field (boundary, source type, outlet) is debatable"),
        ("low", "a judgement call: ambiguous text, another analyst may well decide otherwise"),
        ("(none)", "the analyst did not tag a confidence"),
    ]

    static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }

    public var markdown: String {
        var out: [String] = []
        out.append("# Dataset card: ClaimDesk claim-attribution gold")
        out.append("")
        out.append("Claims in news text and who they are attributed to (source, cue, content, outlet), reviewed by analysts in ClaimDesk.")
        if utf16Offsets {
            out.append("Offsets in this file are 0-based, end-exclusive UTF-16 code units (JavaScript and Java string positions, as the tool counts them), not Unicode scalars: they differ after any character outside the Basic Multilingual Plane (an emoji); every format is specified in `docs/FORMAT.md` of the ClaimDesk repository.")
        } else {
            out.append("Offsets are 0-based, end-exclusive Unicode-scalar offsets (Python `str` indexing) into each document's text; every format is specified in `docs/FORMAT.md` of the ClaimDesk repository.")
        }
        out.append("")
        out.append("- Made with: ClaimDesk \(Self.cell(claimDeskVersion)), rules extractor \(Self.cell(extractorVersion))")
        out.append("- Format: \(format)")
        out.append("- Selection: \(Self.cell(selection))\(includesPartial ? "; documents not marked done are included with the reviews they have so far" : "; only documents marked done")")
        out.append("- Documents: \(tally.documents)")
        out.append("- Attributions: \(tally.attributions)")
        out.append("- Offsets: \(utf16Offsets ? "UTF-16 code units" : "Unicode scalars")")
        out.append(labelsLine)
        out += clusterLines
        if !leftOut.isEmpty { out.append("- Left out (annotators disagree, nothing adjudicated): \(leftOut.map(Self.cell).joined(separator: ", "))") }
        if !partial.isEmpty { out.append("- Partially reviewed documents: \(partial.map(Self.cell).joined(separator: ", "))") }
        out.append("")
        /// `own`: the keys are ClaimDesk's vocabulary (source types, verdicts), shown as they are.
        func table(_ title: String, _ header: String, _ counts: [String: Int], own: Bool = true) {
            out.append("## \(title)")
            out.append("")
            out.append("| \(header) | attributions |")
            out.append("|---|---:|")
            for (key, count) in Self.sorted(counts) { out.append("| \(own ? key : Self.cell(key)) | \(count) |") }
            out.append("")
        }
        table("Attributions per source type", "source type", tally.bySourceType)
        table("Attributions per outlet", "outlet", tally.byOutlet, own: false)
        table("Attributions per verdict", "verdict", tally.byVerdict)
        table("Attributions per analyst confidence", "confidence", tally.byAnalystConfidence)
        out.append("## Annotators")
        out.append("")
        out.append("| annotator | attributions reviewed |")
        out.append("|---|---:|")
        for (key, count) in Self.sorted(tally.byAnnotator) { out.append("| \(Self.cell(key)) | \(count) |") }
        out.append("")
        out.append("Documents marked done by: \(annotatorsDone.isEmpty ? "nobody" : annotatorsDone.map(Self.cell).joined(separator: ", "))")
        if !tally.byAdjudicator.isEmpty {
            out.append("")
            out.append("Adjudicated (where the annotators disagreed, the adjudicator's decision is the gold): "
                + Self.sorted(tally.byAdjudicator).map { "\(Self.cell($0.0)) (\($0.1) attribution\($0.1 == 1 ? "" : "s"))" }.joined(separator: ", "))
        }
        out.append("")
        out.append("## Agreement")
        out.append("")
        if agreement.isEmpty {
            out.append(agreementNote.map(Self.cell) ?? "No claim was reviewed by more than one annotator.")
        } else {
            out.append("| on | measure | between | value | observed agreement | items |")
            out.append("|---|---|---|---:|---:|---:|")
            for f in agreement {
                out.append("| \(f.on) | \(f.measure) | \(Self.cell(f.between)) | \(Self.fixed(f.value)) | \(Self.fixed(f.observed)) | \(f.items) |")
            }
        }
        out.append("")
        out.append("## Extractor runs in the store")
        out.append("")
        out.append("| run | kind | extractor | version | parameters | created | documents | claims |")
        out.append("|---|---|---|---|---|---|---:|---:|")
        for r in runs {
            out.append("| \(Self.cell(r.name)) | \(r.kind.rawValue) | \(Self.cell(r.extractor)) | \(Self.cell(r.version ?? "")) | \(Self.cell(r.parameters ?? "")) | \(r.createdAt) | \(r.documents) | \(r.claims) |")
        }
        out.append("")
        out.append("## Verdicts")
        out.append("")
        for (key, meaning) in Self.verdictMeanings { out.append("- `\(key)`: \(meaning)") }
        out.append("")
        out.append("## Analyst confidence")
        out.append("")
        for (key, meaning) in Self.confidenceMeanings { out.append("- `\(key)`: \(meaning)") }
        out.append("")
        out.append("## Files")
        out.append("")
        out.append("Check with `sha256sum -c`: each line below is `DIGEST  NAME`.")
        out.append("")
        // File names stay raw here for `sha256sum -c`; a fence longer than any run of backticks
        // in them keeps them inside the block, where Markdown shows everything as text.
        let fence = String(repeating: "`", count: max(3, files.map { Self.longestBacktickRun($0.name) + 1 }.max() ?? 3))
        out.append(fence)
        for f in files { out.append("\(f.sha256)  \(TerminalSafe.escape(f.name))") }
        out.append(fence)
        out.append("")
        out.append("| file | bytes | SHA-256 |")
        out.append("|---|---:|---|")
        for f in files { out.append("| \(Self.cell(f.name)) | \(f.bytes) | `\(f.sha256)` |") }
        out.append("")
        return out.joined(separator: "\n")
    }

    public var jsonValue: JSONValue {
        func counts(_ c: [String: Int]) -> JSONValue {
            .object(Self.sorted(c).map { ($0.0, .number(String($0.1))) })
        }
        func number(_ d: Double?) -> JSONValue {
            guard let d, d.isFinite else { return .null }
            var w = JSONWriter()
            w.double(d)
            return .number(String(decoding: w.bytes, as: UTF8.self))
        }
        var pairs: [(String, JSONValue)] = [
            ("claimdesk_version", .string(claimDeskVersion)),
            ("extractor_version", .string(extractorVersion)),
            ("format", .string(format)),
            ("selection", .string(selection)),
            ("include_partial", .bool(includesPartial)),
            ("offsets", .string(offsetUnit)),
            ("documents", .number(String(tally.documents))),
            ("attributions", .number(String(tally.attributions))),
            ("labels", labels.map { list in .object(list.map { ($0.role, .string($0.label)) }) } ?? .null),
            ("relation_label", relationLabel.map { .string($0) } ?? .null),
            ("source_entities", .object([("attributions", .number(String(tally.withSourceEntity))),
                                         ("entities", .number(String(tally.sourceEntities)))])),
            ("claim_clusters", .object([("attributions", .number(String(tally.withCluster))),
                                        ("clusters", .number(String(tally.clusters.count)))])),
            ("left_out", .array(leftOut.map { .string($0) })),
            ("partial", .array(partial.map { .string($0) })),
            ("by_source_type", counts(tally.bySourceType)),
            ("by_outlet", counts(tally.byOutlet)),
            ("by_verdict", counts(tally.byVerdict)),
            ("by_analyst_confidence", counts(tally.byAnalystConfidence)),
            ("annotators", counts(tally.byAnnotator)),
            ("documents_done_by", .array(annotatorsDone.map { .string($0) })),
        ]
        // Only on a card with adjudicated attributions, so every other card reads as before.
        if !tally.byAdjudicator.isEmpty { pairs.append(("adjudicated_by", counts(tally.byAdjudicator))) }
        pairs += [
            ("agreement", .array(agreement.map {
                .object([("on", .string($0.on)), ("measure", .string($0.measure)), ("between", .string($0.between)),
                         ("value", number($0.value)), ("observed", number($0.observed)), ("items", .number(String($0.items)))])
            })),
            ("agreement_note", agreementNote.map { .string($0) } ?? .null),
            ("runs", .array(runs.map {
                .object([("name", .string($0.name)), ("kind", .string($0.kind.rawValue)), ("extractor", .string($0.extractor)),
                         ("version", $0.version.map { .string($0) } ?? .null),
                         ("parameters", $0.parameters.map { .string($0) } ?? .null),
                         ("created_at", .string($0.createdAt)),
                         ("documents", .number(String($0.documents))), ("claims", .number(String($0.claims)))])
            })),
            ("verdicts", .object(Self.verdictMeanings.map { ($0.0, .string($0.1)) })),
            ("analyst_confidence", .object(Self.confidenceMeanings.map { ($0.0, .string($0.1)) })),
            ("files", .array(files.map {
                .object([("name", .string($0.name)), ("bytes", .number(String($0.bytes))), ("sha256", .string($0.sha256))])
            })),
        ]
        return .object(pairs)
    }

    public var json: String { PrettyJSON.render(jsonValue) + "\n" }

    /// A value from outside ClaimDesk (doc_id, outlet, name, file name) as Markdown text that shows
    /// exactly it and does nothing else: HTML's `&`, `<`, `>` as entities (no `<script>`, no
    /// `<svg onload>`, no autolink), and the characters that make Markdown structure — backslash,
    /// backtick, `*`, `_`, `[`, `]`, `|`, `~`, `:` (emphasis, code, links and images, table cells,
    /// strikethrough, bare-URL links) — escaped with a backslash, which CommonMark allows before
    /// any ASCII punctuation. Control and invisible format characters are first written as
    /// `TerminalSafe` escapes, so a value stays on its line.
    static func cell(_ s: String) -> String {
        var out = ""
        for scalar in TerminalSafe.escape(s).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", ":":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func longestBacktickRun(_ s: String) -> Int {
        var longest = 0, run = 0
        for scalar in s.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    static func fixed(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "–" }
        return String(format: "%.3f", d)
    }
}

/// Indented JSON for files people also read.
enum PrettyJSON {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case let .array(items) where !items.isEmpty:
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(pairs) where !pairs.isEmpty:
            return "{\n" + pairs.map { inner + JSONValue.string($0.0).serialized + ": " + render($0.1, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return value.serialized
        }
    }
}
