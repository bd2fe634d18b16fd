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
    /// Who the file says annotated the document the other tool's way (Label Studio's annotations,
    /// Prodigy's answers), one entry per annotation, nil for one that names nobody (then
    /// `--annotator`); an empty list: nobody did. nil when the format does not say (the claims'
    /// reviews alone tell). See `goldImportDocument`.
    public var annotatedBy: [String?]?

    public init(document: AnnotatedDocument, origin: String, annotatedBy: [String?]? = nil) {
        self.document = document
        self.origin = origin
        self.annotatedBy = annotatedBy
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
        var tally = FileAnnotatorTally()
        var texts = SameTextNotes()
        let staged = try stageImport(path, format: chosen, labels: labels, skipInvalid: skipInvalid, annotators: true) { (chunk, stage) throws(StoreError) in
            let plans = chunk.map { Self.goldImportPlan($0, annotator: annotator) }
            let plan = plans.map(\.document)
            for item in plan where !item.runName.isEmpty {
                try stage.declareRun(name: item.runName, kind: .gold, extractor: "import-gold", parameters: "annotator=\(annotator)")
            }
            for (item, planned) in zip(chunk, plans) {
                if Self.ownClaims(item) {
                    // Merged claims: kept by somebody when an annotator's verdict keeps it.
                    let kept = planned.document.claims.filter { claim in
                        claim.entries.contains { if case .confirm = $0.action { true } else { false } }
                    }.count
                    counts[item.document.document.id.exactKey] = (kept, planned.document.claims.count - kept)
                } else {
                    let kept = item.document.attributions.filter { ($0.review?.status ?? .added).isGold }.count
                    counts[item.document.document.id.exactKey] = (kept, item.document.attributions.count - kept)
                }
                tally.add(planned.document, usedDefault: planned.usedDefault, annotatedBy: item.annotatedBy)
                texts.add(item)
            }
            try stage.add(plan)
        }
        defer { staged.stage.discard() }
        let commit = try db(store.commit(staged.stage, replace: replace))
        var report = ImportReport(commit, fallbackRun: Names.goldRunPrefix + annotator, skipped: staged.skipped)
        report.notes += try goldOutcome(commit, counts: counts)
        report.notes += tally.lines(annotator: annotator)
        report.notes += texts.lines
        report.warnings = staged.warnings
        return report
    }

    /// Reads `path` in chunks (JSONL streamed; other formats read whole) and stages every chunk
    /// through `stageChunk`, leaving out documents stored with another text (listed as issues).
    /// Without `skipInvalid` any issue refuses the import before anything reaches the store.
    /// `annotators`: read who annotated each document the other tool's way (`import-gold`; see
    /// `readInterchangeItems`).
    func stageImport(_ path: String, format: InterchangeFormat?, labels: LabelMap, skipInvalid: Bool, annotators: Bool = false,
                     _ stageChunk: ([GoldImportItem], ImportStage) throws(StoreError) -> Void)
        throws(WorkbenchError) -> (stage: ImportStage, skipped: [InterchangeIssue], warnings: [InterchangeIssue]) {
        let stage = try db(store.makeImportStage())
        var issues: [InterchangeIssue] = []
        var warnings: [InterchangeIssue] = []
        var readCount = 0, conflicting: [String] = []
        func take(_ chunk: [GoldImportItem]) throws(WorkbenchError) {
            let conflicts = try db(store.docIDsStoredWithOtherText(chunk.map(\.document.document)))
            var good: [GoldImportItem] = []
            readCount += chunk.count
            for item in chunk {
                if conflicts.contains(item.document.document.id.exactKey) {
                    conflicting.append(item.document.document.id)
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
                try Self.refuseOtherTool(path, InterchangeFormat.firstBytes(path, limit: Self.judgedBytes), format: .jsonl)
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
                let (items, read, left) = try readInterchangeItems(path, format: format, labels: labels, skipInvalid: true, annotators: annotators)
                issues += read
                warnings += left
                for start in stride(from: 0, to: items.count, by: 256) {
                    try take(Array(items[start..<min(start + 256, items.count)]))
                }
            }
            issues.sort { ($0.file, $0.line) < ($1.file, $1.line) }
            let hint = readCount > 0 && conflicting.count == readCount ? Self.conflictHint(path, docIDs: conflicting) : nil
            if let hint { issues.append(hint) }
            if !issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(issues) }
            if let hint, stage.documents == 0 { throw WorkbenchError.noInput(hint.description) }
            if stage.documents == 0 { throw WorkbenchError.noInput("\(TerminalSafe.path(path)): no valid documents") }
        } catch {
            stage.discard()
            throw error
        }
        return (stage, issues, warnings)
    }

    /// The last line of an import whose every document is stored with another text: how to
    /// fix it. doc_ids the file does not give (`STEM-N`, named by position, as the readers name
    /// a task without one) collide with another file's of the same name.
    static func conflictHint(_ path: String, docIDs: [String]) -> InterchangeIssue {
        let name = (path as NSString).lastPathComponent
        let stem = name.lastIndex(of: ".").map { $0 == name.startIndex ? name : String(name[..<$0]) } ?? name
        let positional = docIDs.allSatisfy { id in
            id.hasPrefix(stem + "-") && !id.dropFirst(stem.count + 1).isEmpty && id.dropFirst(stem.count + 1).allSatisfy { ("0"..."9").contains($0) }
        }
        let message = positional
            ? "every document is already stored with a different text under a doc_id named by its position (\(stem)-N): the file gives none; give each document its own doc_id (Label Studio data.doc_id, Prodigy meta.doc_id, doccano doc_id) and import again"
            : "every document is already stored with a different text: these doc_ids name other documents in the store; give the file's documents doc_ids of their own and import again"
        return InterchangeIssue(file: path, line: 0, message: message)
    }

    /// `FILE:LINE` → (FILE, LINE); a bare file is line 0.
    static func split(origin: String) -> (String, Int) {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else { return (origin, 0) }
        return (String(origin[..<colon]), line)
    }

    /// What the store writes for one read document.
    public static func goldImportDocument(_ item: GoldImportItem, annotator: String) -> GoldImportDocument {
        goldImportPlan(item, annotator: annotator).document
    }

    /// What the store writes for one read document, and whether `annotator` stands in for an
    /// annotator the file does not name (the summary says so).
    ///
    /// Who marked it done: the file's `reviewed_by`; else, for a file that names its annotators the
    /// other tool's way (`annotatedBy` with a name), each annotation's annotator, whose claims are
    /// their own (`ownClaimsPlan`); else the annotators its claims' reviews name (`annotator` for
    /// a document without claims in a format that does not say). A document the file says nobody
    /// annotated (`annotatedBy` empty) is stored outside any run, not done: not a gold of zero
    /// claims that would count every extractor claim in it as spurious.
    static func goldImportPlan(_ item: GoldImportItem, annotator: String) -> (document: GoldImportDocument, usedDefault: Bool) {
        if ownClaims(item), let annotations = item.annotatedBy {
            return ownClaimsPlan(item, annotations: annotations, annotator: annotator)
        }
        if item.document.reviewedBy == nil, item.annotatedBy?.isEmpty == true {
            // Nobody annotated it (no annotation, all cancelled, a Prodigy reject or ignore): its
            // regions are nobody's gold, and it is stored outside any run (as `ingest` stores it).
            return (GoldImportDocument(document: item.document.document, origin: item.origin, runName: "", claims: [], doneBy: []), false)
        }
        let attributions = item.document.attributions
        var usedDefault = false
        let done: [String]
        if let explicit = item.document.reviewedBy {
            done = explicit
        } else if attributions.isEmpty, let annotations = item.annotatedBy {
            var names: [String] = []
            for name in annotations {
                usedDefault = usedDefault || name == nil
                if !names.contains(name ?? annotator) { names.append(name ?? annotator) }
            }
            done = names
        } else {
            done = derivedReviewers(attributions, annotator: annotator)
        }
        var claims: [ImportedClaim] = []
        for a in attributions {
            var main = a.review ?? Review(status: .added)
            if main.annotator == nil {
                main.annotator = annotator
                usedDefault = true
            }
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
        return (GoldImportDocument(document: item.document.document, origin: item.origin, runName: runName,
                                   claims: claims, doneBy: done), usedDefault)
    }

    /// Whether the file names the document's annotators per annotation, the other tool's way, and
    /// gives no `reviewed_by` (which says the ClaimDesk way who holds every claim).
    static func ownClaims(_ item: GoldImportItem) -> Bool {
        item.document.reviewedBy == nil && item.annotatedBy?.contains { $0 != nil } == true
    }

    /// A document of a file that names its annotators per annotation (Label Studio's
    /// `completed_by`, Prodigy's `_annotator_id`): each annotator's gold is the claims they drew.
    /// Claims with the same fields (`GoldConsensus.attributionKey`) drawn by several annotators are
    /// one claim reviewed by each of them, so `agreement` sees them agree on it; a claim only some
    /// drew is theirs alone, so the others' empty view of it is a disagreement; an annotator who
    /// drew nothing holds nothing (their done-marker stands: an empty gold is a judgement).
    static func ownClaimsPlan(_ item: GoldImportItem, annotations: [String?], annotator: String) -> (document: GoldImportDocument, usedDefault: Bool) {
        var usedDefault = false
        var done: [String] = []
        for name in annotations {
            usedDefault = usedDefault || name == nil
            if !done.contains(name ?? annotator) { done.append(name ?? annotator) }
        }
        var index: [String: Int] = [:]
        var claims: [ImportedClaim] = []
        var reviewers: [[String]] = []
        // A region without a review is the model's (Label Studio's predictions) unless an
        // annotation that names nobody drew it (then it is `annotator`'s, as without names).
        let unnamedDraws = annotations.contains(nil)
        for a in item.document.attributions where a.review != nil || unnamedDraws {
            var stored = a
            stored.review = nil
            stored.otherReviews = []
            let key = GoldConsensus.attributionKey(stored)
            let n: Int
            if let found = index[key] {
                n = found
            } else {
                n = claims.count
                index[key] = n
                claims.append(ImportedClaim(attribution: stored, entries: []))
                reviewers.append([])
            }
            var main = a.review ?? Review(status: .added)
            if main.annotator == nil {
                main.annotator = annotator
                usedDefault = true
            }
            for review in [main] + a.otherReviews {
                guard let name = review.annotator, !reviewers[n].contains(name) else { continue }
                reviewers[n].append(name)
                claims[n].entries += importEntries(review, annotator: name, claim: stored)
                if !review.adjudication && !done.contains(name) { done.append(name) }
            }
        }
        // An annotator who annotated the document and did not draw a claim judged it no claim:
        // their rejection, so that `agreement` counts the difference (not only the gold rule).
        for n in claims.indices where !claims[n].entries.contains(where: { $0.adjudication != nil }) {
            for name in done where !reviewers[n].contains(name) {
                claims[n].entries.append(ReviewEntry(annotator: name, runID: nil, documentRowID: 0, attributionID: nil,
                                                     action: .reject(reason: Self.notDrawn), imported: ImportedReview(status: .rejected, at: nil)))
            }
        }
        let runName = Names.goldRunPrefix + (done.count == 1 ? done[0] : annotator)
        return (GoldImportDocument(document: item.document.document, origin: item.origin, runName: runName,
                                   claims: claims, doneBy: done), usedDefault)
    }

    /// The reason of the rejection an annotator is given for a claim others drew in a document
    /// they annotated (`ownClaimsPlan`).
    static let notDrawn = "not drawn by this annotator in the imported file"

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
                // Stored outside any run: nobody annotated it in the file (counted by `FileAnnotatorTally`).
                if placed.runName.isEmpty { continue }
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

/// What an import-gold file says about its annotators, for the summary: per annotator the claims
/// they hold and the documents they marked done (when the file has several), the documents nobody
/// annotated, and where `--annotator` stood in for an annotator the file does not name.
struct FileAnnotatorTally {
    var order: [String] = []
    var documents: [String: Int] = [:]
    var claims: [String: Int] = [:]
    var unannotated = 0
    var defaulted = 0
    /// The file says who annotated its documents the other tool's way (Label Studio, Prodigy).
    var readsAnnotations = false
    /// ... and names an annotator somewhere (`completed_by`, `_annotator_id`): a ClaimDesk
    /// export in those formats names none (its reviews do), and its summary stays as it was.
    var namesAnnotators = false

    mutating func add(_ plan: GoldImportDocument, usedDefault: Bool, annotatedBy: [String?]?) {
        readsAnnotations = readsAnnotations || annotatedBy != nil
        namesAnnotators = namesAnnotators || annotatedBy?.contains { $0 != nil } == true
        if plan.runName.isEmpty {
            unannotated += 1
            return
        }
        if usedDefault { defaulted += 1 }
        for name in plan.doneBy {
            if documents[name] == nil { order.append(name) }
            documents[name, default: 0] += 1
        }
        for claim in plan.claims {
            var holders: Set<String> = []
            for e in claim.entries {
                if case .confirm = e.action { holders.insert(e.annotator) }
            }
            for name in holders { claims[name, default: 0] += 1 }
        }
    }

    func lines(annotator: String) -> [String] {
        var lines: [String] = []
        if unannotated > 0 {
            lines.append("\(plural(unannotated, "document")) had no annotation: not marked done")
        }
        if order.count > 1 && namesAnnotators {
            lines.append("annotators: " + order.map { name in
                "\(TerminalSafe.escape(name)) \(plural(claims[name] ?? 0, "claim")) in \(plural(documents[name] ?? 0, "document"))"
            }.joined(separator: ", "))
        }
        if defaulted > 0 && readsAnnotations {
            lines.append("the file names no annotator in \(plural(defaulted, "document")): credited to \(TerminalSafe.quoted(annotator)) (--annotator)")
        }
        return lines
    }
}

/// Documents of one import-gold file with the same text under different doc_ids: both are
/// stored (two doc_ids are two documents), but a task exported twice is more likely a mistake
/// than two articles, so the summary says so.
struct SameTextNotes {
    /// The first document of each text, by its text's SHA-256 (hex): where it came from and its doc_id.
    var first: [String: (origin: String, docID: String)] = [:]
    var lines: [String] = []

    mutating func add(_ item: GoldImportItem) {
        let key = SHA256.hex(Array(item.document.document.text.utf8))
        let id = item.document.document.id
        guard let earlier = first[key] else {
            first[key] = (item.origin, id)
            return
        }
        guard earlier.docID != id else { return }
        lines.append("\(TerminalSafe.escape(earlier.origin)) and \(TerminalSafe.escape(item.origin)) have the same text (doc_ids \(TerminalSafe.escape(earlier.docID)), \(TerminalSafe.escape(id))): both stored")
    }
}
