import ClaimModel
import ClaimStore
import Interchange

/// Export formats.
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonl, csv, brat
}

/// What `export` wrote.
public struct ExportReport: Sendable {
    public var path: String
    public var documents: Int
    public var attributions: Int
    public var summary: String { "wrote \(attributions) attributions in \(documents) documents to \(path)" }
}

extension Workspace {
    /// Writes a run as FORMAT.md JSONL (atomically).
    public func exportJSONL(runName: String, to path: String) throws(WorkbenchError) -> ExportReport {
        let items = try annotatedDocuments(runName: runName)
        var file = try AtomicFile(path: path)
        var writer = JSONLWriter()
        var count = 0
        for item in items {
            do { try file.write(writer.line(for: item)) } catch { file.discard(); throw error }
            count += item.attributions.count
        }
        try file.commit()
        return ExportReport(path: path, documents: items.count, attributions: count)
    }
}
