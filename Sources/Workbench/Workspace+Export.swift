import ClaimModel
import ClaimStore
import Foundation
import Interchange

/// Export formats.
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonl, csv, brat, doccano
    case labelStudio = "label-studio"
    case prodigy, inception
    /// The link run's clusters and trails (Provenance JSON) and its graph (GraphML): `Workspace+Links`.
    case provenance, graphml
}

/// What `export` writes: a run's claims, or the analysts' gold.
public enum ExportSelection: Sendable, Equatable {
    case run(String)
    /// `annotator` nil = every annotator (documents where they disagree are left out).
    case gold(annotator: String?, includePartial: Bool)
}

/// One `export` command.
public struct ExportRequest: Sendable, Equatable {
    public var format: ExportFormat
    public var out: String
    public var selection: ExportSelection
    /// Replace an existing, non-empty output folder (brat, inception).
    public var force: Bool
    /// Span labels of the ecosystem formats (doccano, Label Studio, Prodigy, INCEpTION).
    public var labels: LabelMap

    public init(format: ExportFormat, out: String, selection: ExportSelection, force: Bool = false, labels: LabelMap = .standard) {
        self.format = format
        self.out = out
        self.selection = selection
        self.force = force
        self.labels = labels
    }
}

/// What `export` wrote.
public struct ExportReport: Sendable {
    public var path: String
    public var documents: Int
    public var attributions: Int
    public var files: [ExportedFile] = []
    /// The dataset card's Markdown and JSON paths (gold exports): `OUT.card.md` and `OUT.card.json`
    /// beside a file, `dataset-card.md` and `dataset-card.json` inside a brat folder.
    public var cardPaths: [String] = []
    public var leftOut: [String] = []
    public var partial: [String] = []
    /// A link export's own summary line (clusters, not attributions).
    public var linkSummary: String?
    /// A gold export that found no gold at all says why and what to do: an empty file with exit 0
    /// and no word would look like a working export of nothing.
    public var emptyGold: String?

    public var summary: String {
        if let linkSummary { return linkSummary }
        var lines = ["wrote \(plural(attributions, "attribution")) in \(plural(documents, "document")) to \(path)"]
        if !cardPaths.isEmpty { lines.append("dataset card: \(cardPaths.joined(separator: ", "))") }
        if !partial.isEmpty { lines.append("included though not marked done: \(partial.joined(separator: ", "))") }
        if let note = GoldSelection.disagreementNote(leftOut) { lines.append(note) }
        if let emptyGold { lines.append(emptyGold) }
        return lines.joined(separator: "\n")
    }
}

extension Workspace {
    /// Streams the selection, one document at a time, into the format's files; a gold export also
    /// writes its dataset card. Nothing appears under the final name until all of it is written.
    public func export(_ request: ExportRequest) throws(WorkbenchError) -> ExportReport {
        // The run is looked up once, here, and handed down.
        var selectedRun: RunRef?
        if case let .run(name) = request.selection { selectedRun = try requireRunRef(name) }
        if request.format.writesFolder {
            try requireNotStore(folder: request.out)
        } else {
            // The file and, for gold, its dataset card beside it.
            for path in [request.out, request.out + ".card.md", request.out + ".card.json"] { try requireNotStore(file: path) }
        }
        if request.format == .provenance || request.format == .graphml { return try exportLinks(request, run: selectedRun) }
        if case .gold = request.selection, request.format != .brat, !request.force {
            // The output file itself is named first: it is what the user asked for (its sink
            // refuses it too, but only after the card check below).
            if request.format != .inception, AtomicFile.fileType(request.out) == S_IFREG {
                throw WorkbenchError.cannotWrite(path: request.out, reason: "the file exists (use --force to replace it)")
            }
            // The card files are written last: refuse before anything is written, not after.
            for card in [request.out + ".card.md", request.out + ".card.json"] where AtomicFile.fileType(card) != nil {
                throw WorkbenchError.cannotWrite(path: card, reason: "the file exists (use --force to replace it)")
            }
        }
        var sink: any ExportSink
        switch request.format {
        case .jsonl: sink = try JSONLSink(path: request.out, replacing: request.force)
        case .csv: sink = try CSVSink(path: request.out, replacing: request.force)
        case .brat: sink = try BratSink(path: request.out, force: request.force)
        case .doccano, .labelStudio, .prodigy, .inception, .provenance, .graphml:
            guard let other = try request.format.ecosystemSink(request) else { throw WorkbenchError.usage("no writer for \(request.format)") }
            sink = other
        }
        var tally = ExportTally()
        var report = ExportReport(path: request.out, documents: 0, attributions: 0)
        var card: DatasetCard?
        do throws(WorkbenchError) {
            switch request.selection {
            case let .run(name):
                guard let run = selectedRun else { throw WorkbenchError.unknownRun(name) }
                let ids = try db(store.documentRowIDs(processedBy: run.rowID))
                try forEachBundle(ids) { (bundle) throws(WorkbenchError) in
                    let claims = bundle.claims.filter { $0.runID == run.rowID && $0.origin == .run }
                    let item = AnnotatedDocument(document: bundle.stored.document, attributions: claims.map(\.attribution))
                    try sink.add(item)
                    tally.add(item)
                }
            case let .gold(annotator, includePartial):
                var doneBy: Set<String> = []
                var labels = ReviewLabels()
                let linkClusters = try goldLinkClusters(annotator: annotator)
                let walk = try forEachGoldDocument(
                    annotator: annotator, includePartial: includePartial,
                    eachLog: { (log, claims) throws(WorkbenchError) in
                        addLabels(from: log, claims: claims, into: &labels)
                    }
                ) { (gold) throws(WorkbenchError) in
                    let item = linkClusters.isEmpty ? gold.exported : Self.withLinkClusters(gold, linkClusters)
                    try sink.add(item)
                    tally.add(item)
                    doneBy.formUnion(gold.annotators)
                }
                report.leftOut = walk.disagreements
                report.partial = walk.partial
                if tally.documents == 0 && walk.disagreements.isEmpty {
                    let by = annotator.map { " by \($0)" } ?? ""
                    report.emptyGold = includePartial
                        ? "the gold is empty: no document has a review\(by) (`claimdesk annotate` reviews them)"
                        : "the gold is empty: no document is marked done\(by) (`done` in `claimdesk annotate` marks one; --include-partial takes unfinished ones)"
                    // The shipped gold is brought in with `import-claims` (README), which makes a
                    // run, not gold: say how to export that run instead.
                    let imported = try db(store.runRefs()).filter { $0.kind == .imported }.map(\.name)
                    if let first = imported.first {
                        report.emptyGold? += "; runs imported with `import-claims` (\(imported.prefix(3).map { TerminalSafe.quoted($0) }.joined(separator: ", "))\(imported.count > 3 ? ", …" : "")) are not gold: "
                            + "`claimdesk export --run \(ShellWord.quoted(first)) …` exports one, `claimdesk import-gold FILE` makes a file gold"
                    }
                }
                let (figures, note) = agreementFigures(labels)
                card = DatasetCard(
                    format: Self.formatDescription(request.format),
                    selection: annotator.map { "annotator \($0)" } ?? "all annotators (documents where they disagree are left out)",
                    includesPartial: includePartial, tally: tally, annotatorsDone: doneBy.sorted(),
                    leftOut: walk.disagreements, partial: walk.partial,
                    runs: try db(store.runs()),
                    agreement: figures, agreementNote: note, files: [])
                card?.utf16Offsets = request.format == .labelStudio || request.format == .inception
                card?.labels = Self.cardLabels(request)
                card?.relationLabel = Self.cardRelationLabel(request.format)
            }
        } catch {
            sink.discard()
            throw error
        }
        let cardFiles: (([ExportedFile]) -> [(name: String, text: String)])? = card.map { card in
            { files in
                var c = card
                c.files = files
                return [("dataset-card.md", c.markdown), ("dataset-card.json", c.json)]
            }
        }
        report.files = try sink.finish(card: request.format.writesFolder ? cardFiles : nil)
        report.documents = tally.documents
        report.attributions = tally.attributions
        if var card, !request.format.writesFolder {
            card.files = report.files
            for (path, text) in [(request.out + ".card.md", card.markdown), (request.out + ".card.json", card.json)] {
                var file = try AtomicFile(path: path, replacing: request.force)
                try file.write(text)
                try file.commit()
                report.cardPaths.append(path)
            }
        } else if card != nil {
            report.cardPaths = ["dataset-card.md", "dataset-card.json"].map { (request.out as NSString).appendingPathComponent($0) }
        }
        return report
    }

    /// The span labels a gold export's file gives the roles, for its card: brat's fixed types,
    /// the ecosystem formats' `--labels`; nil where roles are keys or columns.
    static func cardLabels(_ request: ExportRequest) -> [(role: String, label: String)]? {
        switch request.format {
        case .brat: return Role.allCases.map { ($0.rawValue, $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst()) }
        case .doccano, .labelStudio, .prodigy, .inception: return Role.allCases.map { ($0.rawValue, request.labels.label(for: $0)) }
        case .jsonl, .csv, .provenance, .graphml: return nil
        }
    }

    /// The relation label of a gold export's file, for its card (brat links by an event on the cue).
    static func cardRelationLabel(_ format: ExportFormat) -> String? {
        switch format {
        case .labelStudio: return LabelStudioFormat.relationLabel
        case .prodigy: return ProdigyFormat.relationLabel
        case .doccano: return DoccanoFormat.relationType
        default: return nil
        }
    }

    static func formatDescription(_ format: ExportFormat) -> String {
        switch format {
        case .jsonl: return "ClaimDesk JSONL (docs/FORMAT.md), one document per line, a `review` object per attribution"
        case .csv: return "CSV (RFC 4180, UTF-8, CRLF), one row per attribution"
        case .brat: return "brat standoff: DOC.txt + DOC.ann per document, annotation.conf, visual.conf"
        case .doccano, .labelStudio, .prodigy, .inception: return ExportFormat.ecosystemDescription(format) ?? format.rawValue
        case .provenance: return "Provenance JSON (docs/FORMAT.md): the link run's clusters, trails, variants and links"
        case .graphml: return "GraphML: documents, outlets and sources linked by published_by, quotes, credits, repeats"
        }
    }
}
