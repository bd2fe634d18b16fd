import ClaimModel
import ClaimStore
import Interchange

/// What `ingest` did.
public struct IngestReport: Sendable {
    public var files: Int
    public var added: [String]
    public var unchanged: [String]
    /// Problems in lines or files that were skipped (`--skip-invalid`).
    public var skipped: [InterchangeIssue]

    public var summary: String {
        var line = "ingested \(added.count) new document\(added.count == 1 ? "" : "s") from \(files) file\(files == 1 ? "" : "s")"
        if !unchanged.isEmpty { line += ", \(unchanged.count) already stored (unchanged)" }
        if !skipped.isEmpty { line += ", \(skipped.count) skipped as invalid" }
        return line
    }
}

extension Workspace {
    /// Reads `paths` and stores their documents. Without `skipInvalid`, any problem fails the whole
    /// command and nothing is stored; with it, the good documents are stored and the rest listed.
    public func ingest(_ paths: [String], skipInvalid: Bool = false) throws(WorkbenchError) -> IngestReport {
        let input = InputFiles.read(paths)
        if !input.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(input.issues) }
        if input.items.isEmpty && input.issues.isEmpty {
            throw WorkbenchError.noInput("\(paths.joined(separator: " ")): no .txt or .jsonl files found")
        }
        let summary = try db { () throws(StoreError) in
            try store.ingest(input.items.map { ($0.document.document, $0.origin) })
        }
        return IngestReport(files: input.files.count, added: summary.added, unchanged: summary.unchanged, skipped: input.issues)
    }
}
