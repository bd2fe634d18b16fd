import ClaimModel
import ClaimStore
import Foundation
import Interchange

extension Workspace {
    /// `import-gold PATH`: a FORMAT.md JSONL file (a gold export, or any file with attributions) or
    /// a brat folder. A document whose reviews all name one annotator is marked done by that
    /// annotator, so that re-importing an export gives back the same gold; the others are marked
    /// done by `annotator`. Offsets, fields and reviews are kept as they are.
    public func importGoldExport(path: String, annotator: String, skipInvalid: Bool = false,
                                 format: InterchangeFormat? = nil, labels: LabelMap = .standard) throws(WorkbenchError) -> ImportReport {
        var items: [(StoredDocument, [Attribution])] = []
        var skipped: [InterchangeIssue] = []
        if (format == nil || format == .brat) && BratFolder.isBratFolder(path) {
            let read = BratFolder.read(path)
            if !read.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(read.issues) }
            let bad = Set(read.issues.map(\.file))
            let good = read.items.filter {
                !bad.contains((path as NSString).appendingPathComponent(BratFolder.fileName(for: $0.document.id) + ".ann"))
            }
            _ = try db { () throws(StoreError) in
                try store.ingest(good.map { ($0.document, "\(path)/\(BratFolder.fileName(for: $0.document.id)).txt") })
            }
            for item in good { items.append((try requireDocument(item.document.id), item.attributions)) }
            skipped = read.issues
        } else {
            (items, skipped) = try readInterchange(path, format: format, labels: labels, skipInvalid: skipInvalid)
        }
        var groups: [(String, [(documentRowID: Int64, attributions: [Attribution])])] = []
        for (stored, attributions) in items {
            let names = Set(attributions.compactMap { $0.review?.annotator })
            let owner = names.count == 1 && attributions.allSatisfy({ $0.review?.annotator != nil }) ? names.first ?? annotator : annotator
            if let i = groups.firstIndex(where: { $0.0 == owner }) {
                groups[i].1.append((stored.rowID, attributions))
            } else {
                groups.append((owner, [(stored.rowID, attributions)]))
            }
        }
        var documents = 0, claims = 0
        for (owner, batch) in groups {
            let runName = "gold:\(owner)"
            let before = try db { () throws(StoreError) in try store.run(named: runName) }
            let run = try db { () throws(StoreError) in try store.importGold(runName: runName, annotator: owner, batch) }
            documents += run.documents - (before?.documents ?? 0)
            claims += run.claims - (before?.claims ?? 0)
        }
        let runs = groups.map { "gold:\($0.0)" }
        return ImportReport(run: runs.isEmpty ? "gold:\(annotator)" : runs.joined(separator: ", "),
                            documents: documents, claims: claims, skipped: skipped)
    }
}
