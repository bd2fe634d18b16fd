import ClaimModel
import ClaimStore
import Foundation
import Interchange
import Review

/// One document read for `import-gold`, from any format.
public struct GoldImportItem: Sendable {
    public var document: AnnotatedDocument
    /// `FILE:LINE`, or the file it came from: names it in messages.
    public var origin: String

    public init(document: AnnotatedDocument, origin: String) {
        self.document = document
        self.origin = origin
    }
}

extension Workspace {
    /// `import-gold PATH`: a gold export or any file with attributions, in any import format
    /// (JSONL, a brat folder, doccano, Label Studio, Prodigy, INCEpTION), imported as one
    /// transaction (staged first, see `ImportStage`). `replace`: documents already in their gold
    /// run with other content make this file the run's new version instead of being refused.
    public func importGoldExport(path: String, annotator: String, skipInvalid: Bool = false, replace: Bool = false,
                                 format: InterchangeFormat? = nil, labels: LabelMap = .standard) throws(WorkbenchError) -> ImportReport {
        let chosen: InterchangeFormat? = format ?? (BratFolder.isBratFolder(path) ? .brat : nil)
        // Keyed by the doc_id's bytes: the two Unicode forms of one doc_id are two documents.
        var counts: [[UInt8]: (kept: Int, rejected: Int)] = [:]
        let staged = try stageImport(path, format: chosen, labels: labels, skipInvalid: skipInvalid) { (chunk, stage) throws(StoreError) in
            let plan = chunk.map { Self.goldImportDocument($0, annotator: annotator) }
            for item in plan { try stage.declareRun(name: item.runName, kind: .gold, extractor: "import-gold", parameters: "annotator=\(annotator)") }
            for item in chunk {
                let kept = item.document.attributions.filter { ($0.review?.status ?? .added).isGold }.count
                counts[item.document.document.id.exactKey] = (kept, item.document.attributions.count - kept)
            }
            try stage.add(plan)
        }
        defer { staged.stage.discard() }
        let commit = try db(store.commit(staged.stage, replace: replace))
        var report = ImportReport(commit, fallbackRun: Names.goldRunPrefix + annotator, skipped: staged.skipped)
        report.notes += try goldOutcome(commit, counts: counts)
        report.warnings = staged.warnings
        return report
    }

    /// Reads `path` in chunks (JSONL streamed; other formats read whole) and stages every chunk
    /// through `stageChunk`, leaving out documents stored with another text (listed as issues).
    /// Without `skipInvalid` any issue refuses the import before anything reaches the store.
    func stageImport(_ path: String, format: InterchangeFormat?, labels: LabelMap, skipInvalid: Bool,
                     _ stageChunk: ([GoldImportItem], ImportStage) throws(StoreError) -> Void)
        throws(WorkbenchError) -> (stage: ImportStage, skipped: [InterchangeIssue], warnings: [InterchangeIssue]) {
        let stage = try db(store.makeImportStage())
        var issues: [InterchangeIssue] = []
        var warnings: [InterchangeIssue] = []
        func take(_ chunk: [GoldImportItem]) throws(WorkbenchError) {
            let conflicts = try db(store.docIDsStoredWithOtherText(chunk.map(\.document.document)))
            var good: [GoldImportItem] = []
            for item in chunk {
                if conflicts.contains(item.document.document.id.exactKey) {
                    let (file, line) = Self.split(origin: item.origin)
                    issues.append(InterchangeIssue(file: file, line: line,
                                                   message: "document \"\(item.document.document.id)\" is already stored with a different text (refusing to overwrite it)"))
                } else {
                    good.append(item)
                }
            }
            try db(stageChunk(good, stage))
        }
        do throws(WorkbenchError) {
            let jsonl = (format ?? InterchangeFormat.detect(path)) == .jsonl && path.hasSuffix(".jsonl")
            if jsonl {
                var failure: WorkbenchError?
                issues += JSONLStream.read(file: path) { lines in
                    guard failure == nil else { return }
                    do throws(WorkbenchError) {
                        try take(lines.map { GoldImportItem(document: $0.document, origin: "\(path):\($0.number)") })
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
            } else {
                let (items, read, left) = try readInterchangeItems(path, format: format, labels: labels, skipInvalid: true)
                issues += read
                warnings += left
                for start in stride(from: 0, to: items.count, by: 256) {
                    try take(Array(items[start..<min(start + 256, items.count)]))
                }
            }
            issues.sort { ($0.file, $0.line) < ($1.file, $1.line) }
            if !issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(issues) }
            if stage.documents == 0 { throw WorkbenchError.noInput("\(TerminalSafe.path(path)): no valid documents") }
        } catch {
            stage.discard()
            throw error
        }
        return (stage, issues, warnings)
    }

    /// `FILE:LINE` → (FILE, LINE); a bare file is line 0.
    static func split(origin: String) -> (String, Int) {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else { return (origin, 0) }
        return (String(origin[..<colon]), line)
    }

    /// What the store writes for one read document.
    public static func goldImportDocument(_ item: GoldImportItem, annotator: String) -> GoldImportDocument {
        let attributions = item.document.attributions
        let done = item.document.reviewedBy ?? derivedReviewers(attributions, annotator: annotator)
        var claims: [ImportedClaim] = []
        for a in attributions {
            var main = a.review ?? Review(status: .added)
            if main.annotator == nil { main.annotator = annotator }
            var entries: [ReviewEntry] = []
            var reviewed: [String] = []
            for review in [main] + a.otherReviews {
                guard let name = review.annotator, !reviewed.contains(name) else { continue }
                reviewed.append(name)
                entries += importEntries(review, annotator: name, claim: a)
            }
            // Every annotator who marked the document done holds the claim as the file's review
            // gives it, unless the file says otherwise: an adjudication alone decides its claim.
            if !main.adjudication {
                for name in done where !reviewed.contains(name) {
                    var copy = main
                    copy.changes = nil
                    entries += importEntries(copy, annotator: name, claim: a)
                }
            }
            var stored = a
            stored.review = nil
            stored.otherReviews = []
            claims.append(ImportedClaim(attribution: stored, entries: entries))
        }
        let runName = Names.goldRunPrefix + (done.count == 1 ? done[0] : annotator)
        return GoldImportDocument(document: item.document.document, origin: item.origin, runName: runName,
                                  claims: claims, doneBy: done)
    }

    /// Who marked a document done when the file does not say: the annotators its reviews name
    /// (adjudications aside), `annotator` for reviews that name nobody or a document without any.
    static func derivedReviewers(_ attributions: [Attribution], annotator: String) -> [String] {
        var names: [String] = []
        for a in attributions {
            if a.review?.adjudication == true { continue }
            let name = a.review?.annotator ?? annotator
            if !names.contains(name) { names.append(name) }
        }
        return names.isEmpty ? [annotator] : names
    }

    /// The log entries of one imported review: its corrections (`changes`), then its verdict with
    /// the original time, marked as imported (and as an adjudication for an adjudication, as bulk
    /// for a bulk verdict: the file does not say at which confidence, nor which claims went together,
    /// so each is a step of its own).
    static func importEntries(_ review: Review, annotator: String, claim: Attribution) -> [ReviewEntry] {
        var entries: [ReviewEntry] = []
        let adjudication = review.adjudication ? Adjudication() : nil
        if case let .object(changes)? = review.changes {
            for (field, value) in changes where FieldChange.names.contains(field) {
                let change = FieldChange(field: field, old: FieldChange.encode(claim, field: field), new: value)
                entries.append(ReviewEntry(annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil,
                                           action: .correct(change), adjudication: adjudication, imported: ImportedReview()))
            }
        }
        let rejected = review.status == .rejected
        entries.append(ReviewEntry(
            annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil,
            action: rejected ? .reject(reason: review.note) : .confirm, note: rejected ? nil : review.note,
            confidence: review.confidence, tags: review.tags.isEmpty ? nil : review.tags,
            adjudication: adjudication, imported: ImportedReview(status: review.status, at: review.at),
            bulk: review.bulk ? BulkAcceptance(threshold: nil, count: 1) : nil))
        return entries
    }

    /// The report's lines on the gold: what enters it (documents, claims, annotators) as the store
    /// now decides it, and one line per document that does not (or not wholly), saying why.
    /// The file's documents left unchanged (a re-import) count too: their gold stands, and a
    /// re-import that said "gold: 0 documents" would read as if the file's gold were gone.
    /// Read in batches, so that a big import's report holds one batch in memory.
    func goldOutcome(_ commit: ImportCommit, counts: [[UInt8]: (kept: Int, rejected: Int)]) throws(WorkbenchError) -> [String] {
        var lines: [String] = []
        let names = { (list: [String]) in list.map(TerminalSafe.escape).joined(separator: ", ") }
        var documents = 0, claims = 0
        var annotators: [String] = [], adjudicators: [String] = []
        let reviews = try db(store.documentReviews()).filter { $0.status == "done" }
        var doneBy: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews { doneBy[r.documentRowID, default: []].append(r) }
        let fileDocuments = commit.imported + commit.unchanged
        for start in stride(from: 0, to: fileDocuments.count, by: Self.goldBatchSize) {
            let batch = Array(fileDocuments[start..<min(start + Self.goldBatchSize, fileDocuments.count)])
            let bundles = try db(store.bundles(documentRowIDs: batch.map(\.documentRowID)))
            for (placed, bundle) in zip(batch, bundles) {
                let place = TerminalSafe.escape(placed.origin), doc = TerminalSafe.escape(placed.docID)
                guard let decision = Self.decide(bundle, done: doneBy[bundle.stored.rowID] ?? [], annotator: nil,
                                                 includePartial: false, useAdjudication: true) else {
                    lines.append("not in the gold: \(place): document \"\(doc)\": nobody holds it marked done")
                    continue
                }
                guard let gold = decision.gold else {
                    lines.append("not in the gold: \(place): document \"\(doc)\": its annotators (\(names(decision.annotators))) differ on a claim nobody adjudicated")
                    continue
                }
                documents += 1
                claims += gold.count
                for name in decision.annotators where !annotators.contains(name) { annotators.append(name) }
                for a in gold {
                    if let r = a.review, r.adjudication, let name = r.annotator, !adjudicators.contains(name) { adjudicators.append(name) }
                }
                let (kept, rejected) = counts[placed.docID.exactKey] ?? (0, 0)
                if rejected > 0 {
                    lines.append("not in the gold: \(place): document \"\(doc)\": \(rejected) claim\(rejected == 1 ? "" : "s") reviewed as rejected")
                }
                if gold.count < kept {
                    lines.append("not in the gold: \(place): document \"\(doc)\": \(kept - gold.count) of its \(kept) kept claims (the store's earlier reviews of it decide: marked done by \(names(decision.annotators)))")
                }
            }
        }
        var head = "gold: \(documents) document\(documents == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")"
        if !annotators.isEmpty { head += "; marked done by \(names(annotators))" }
        if !adjudicators.isEmpty { head += "; adjudicated by \(names(adjudicators))" }
        return [head] + lines
    }
}
