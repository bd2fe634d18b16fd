import ClaimModel
import ClaimStore
import Foundation
import Interchange

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
    /// (JSONL, a brat folder, doccano, Label Studio, Prodigy, INCEpTION), imported in one transaction.
    public func importGoldExport(path: String, annotator: String, skipInvalid: Bool = false,
                                 format: InterchangeFormat? = nil, labels: LabelMap = .standard) throws(WorkbenchError) -> ImportReport {
        let chosen: InterchangeFormat? = format ?? (BratFolder.isBratFolder(path) ? .brat : nil)
        let (items, skipped) = try readInterchangeItems(path, format: chosen, labels: labels, skipInvalid: skipInvalid)
        var report = try importGold(items, annotator: annotator)
        report.skipped = skipped
        return report
    }

    /// Imports gold documents read from any format, in one transaction: each review under its
    /// annotator, each document marked done by the annotators of its `reviewedBy` (or, without
    /// it, by those its reviews name, `annotator` standing for a review that names nobody),
    /// adjudications as adjudications. Then reports what enters the gold and what does not.
    public func importGold(_ items: [GoldImportItem], annotator: String) throws(WorkbenchError) -> ImportReport {
        let plan = items.map { Self.goldImportDocument($0, annotator: annotator) }
        let summary = try db { () throws(StoreError) in try store.importGold(plan, parameters: "annotator=\(annotator)") }
        var runs: [String] = []
        for item in plan where !runs.contains(item.runName) { runs.append(item.runName) }
        var report = ImportReport(run: runs.isEmpty ? "gold:\(annotator)" : runs.joined(separator: ", "),
                                  documents: summary.imported.count, claims: summary.claims.values.reduce(0, +), skipped: [])
        report.notes = try goldOutcome(items, summary: summary)
        return report
    }

    /// What the store writes for one read document.
    public static func goldImportDocument(_ item: GoldImportItem, annotator: String) -> GoldImportDocument {
        let attributions = item.document.attributions
        let done = item.document.reviewedBy ?? derivedReviewers(attributions, annotator: annotator)
        var claims: [ImportedClaim] = []
        for a in attributions {
            var main = a.review ?? Review(status: .added)
            if main.annotator == nil { main.annotator = annotator }
            var entries: [NewAnnotation] = []
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
        let runName = done.count == 1 ? "gold:\(done[0])" : "gold:\(annotator)"
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
    /// the original time, marked `"import": true` (and `"adjudication": true` for an adjudication).
    static func importEntries(_ review: Review, annotator: String, claim: Attribution) -> [NewAnnotation] {
        var entries: [NewAnnotation] = []
        if case let .object(changes)? = review.changes {
            for (field, value) in changes where FieldChange.names.contains(field) {
                var fields: [(String, JSONValue)] = [("field", .string(field)), ("old", FieldChange.encode(claim, field: field)),
                                                     ("new", value), ("import", .bool(true))]
                if review.adjudication { fields.append(("adjudication", .bool(true))) }
                entries.append(NewAnnotation(annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil,
                                             action: "correct", fields: JSONValue.object(fields).serialized))
            }
        }
        var fields: [(String, JSONValue)] = [("status", .string(review.status.rawValue)), ("import", .bool(true))]
        if let at = review.at { fields.append(("at", .string(at))) }
        if review.adjudication { fields.append(("adjudication", .bool(true))) }
        entries.append(NewAnnotation(
            annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil,
            action: review.status == .rejected ? "reject" : "confirm", fields: JSONValue.object(fields).serialized,
            confidence: review.confidence?.rawValue, note: review.note,
            tags: review.tags.isEmpty ? nil : JSONValue.array(review.tags.map { .string($0) }).serialized))
        return entries
    }

    /// The report's lines on the gold: what enters it (documents, claims, annotators) as the store
    /// now decides it, and one line per document or claim that does not, saying why.
    func goldOutcome(_ items: [GoldImportItem], summary: GoldImportSummary) throws(WorkbenchError) -> [String] {
        var lines: [String] = []
        for placed in summary.alreadyInRun {
            lines.append("not imported: \(SafeText.escape(placed.origin)): document \"\(SafeText.escape(placed.docID))\" is already in run \"\(SafeText.escape(placed.runName))\" (left as it is)")
        }
        let imported = summary.imported
        let ids = imported.map(\.documentRowID)
        let bundles = try db { () throws(StoreError) in try store.bundles(documentRowIDs: ids) }
        let reviews = try db { () throws(StoreError) in try store.documentReviews() }.filter { $0.status == "done" }
        var doneBy: [Int64: [DocumentReviewEntry]] = [:]
        for r in reviews where ids.contains(r.documentRowID) { doneBy[r.documentRowID, default: []].append(r) }
        var read: [String: [Attribution]] = [:]
        for item in items where read[item.document.document.id] == nil { read[item.document.document.id] = item.document.attributions }
        var documents = 0, claims = 0
        var annotators: [String] = [], adjudicators: [String] = []
        for (placed, bundle) in zip(imported, bundles) {
            let place = SafeText.escape(placed.origin), doc = SafeText.escape(placed.docID)
            guard let decision = Self.decide(bundle, done: doneBy[bundle.stored.rowID] ?? [], annotator: nil,
                                             includePartial: false, useAdjudication: true) else {
                lines.append("not in the gold: \(place): document \"\(doc)\": nobody holds it marked done")
                continue
            }
            guard let gold = decision.gold else {
                lines.append("not in the gold: \(place): document \"\(doc)\": its annotators (\(decision.annotators.map(SafeText.escape).joined(separator: ", "))) differ on a claim nobody adjudicated")
                continue
            }
            documents += 1
            claims += gold.count
            for name in decision.annotators where !annotators.contains(name) { annotators.append(name) }
            for a in gold {
                if let r = a.review, r.adjudication, let name = r.annotator, !adjudicators.contains(name) { adjudicators.append(name) }
            }
            let mine = read[placed.docID] ?? []
            let kept = mine.filter { ($0.review?.status ?? .added).isGold }.count
            let rejected = mine.count - kept
            if rejected > 0 {
                lines.append("not in the gold: \(place): document \"\(doc)\": \(rejected) claim\(rejected == 1 ? "" : "s") reviewed as rejected")
            }
            if gold.count < kept {
                lines.append("not in the gold: \(place): document \"\(doc)\": \(kept - gold.count) of its \(kept) kept claims (the store's earlier reviews of it decide: marked done by \(decision.annotators.map(SafeText.escape).joined(separator: ", ")))")
            }
        }
        var head = "gold: \(documents) document\(documents == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")"
        if !annotators.isEmpty { head += "; marked done by \(annotators.map(SafeText.escape).joined(separator: ", "))" }
        if !adjudicators.isEmpty { head += "; adjudicated by \(adjudicators.map(SafeText.escape).joined(separator: ", "))" }
        return [head] + lines
    }
}
