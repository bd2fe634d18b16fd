import ClaimModel
import Foundation
import Workbench

/// `extract` end to end, through the same code path as the command (`Workspace.extract`): read
/// documents from a fresh store, extract on all cores, store the claims in batches. The corpus is
/// ingested `copies` times under distinct doc_ids so that the run is long enough to time.
enum PipelineBench {
    static func run(path: String, copies: Int) throws {
        let documents = try Corpus.load(path).map(\.document)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-pipeline-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.open(path: folder.appendingPathComponent("bench.sqlite").path)
        var items: [(document: Document, origin: String)] = []
        for copy in 0..<copies {
            for d in documents {
                var document = d
                document.id = "\(d.id)#\(copy)"
                items.append((document, "bench"))
            }
        }
        _ = try workspace.store.ingest(items)
        let report = try workspace.extract(runName: "rules")
        let mb = Double(report.bytes) / 1_000_000
        print("documents      \(report.documents) (\(copies) copies of \(documents.count))")
        print("text           \(String(format: "%.2f", mb)) MB (UTF-8)")
        print("claims         \(report.claims)")
        print("extract        \(String(format: "%.2f", mb / report.seconds)) MB/s end to end (read, extract on all cores, store), "
              + "\(String(format: "%.2f", report.seconds)) s")
        print("  extraction   \(String(format: "%.2f", report.extractionSeconds)) s of it, the rest reading and storing")
        print("claims/s       \(String(format: "%.0f", Double(report.claims) / report.seconds))")
        print("peak memory    \(String(format: "%.1f", Double(SpeedBench.peakResidentBytes()) / 1_048_576)) MiB (ru_maxrss)")
    }
}
