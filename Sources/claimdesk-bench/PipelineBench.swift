import ClaimModel
import ClaimStore
import Dispatch
import Foundation
import Interchange
import Workbench

/// `ingest` then `extract` end to end, through the same code paths as the commands
/// (`Workspace.ingest` of a JSONL file, `Workspace.extract`): read, stage and store the documents;
/// read them back, extract on all cores, store the claims in batches. The corpus is written
/// `copies` times under distinct doc_ids so that the run is long enough to time.
///
/// Always on a fresh SQLite file; with `--store URL` on that PostgreSQL database too (it must be
/// empty), in the same process right after, so both figures come from the same machine state
/// and the ratio is the issue's "≥ 50 % of SQLite's throughput".
enum PipelineBench {
    /// One store's times.
    struct Figures {
        var ingestSeconds: Double
        var added: Int
        var extract: ExtractReport
        var total: Double { ingestSeconds + extract.seconds }
    }

    static func run(path: String, copies: Int, store url: String?) throws {
        let documents = try Corpus.load(path).map(\.document)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-pipeline-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var items: [AnnotatedDocument] = []
        for copy in 0..<copies {
            for d in documents {
                var document = d
                document.id = "\(d.id)#\(copy)"
                items.append(AnnotatedDocument(document: document, attributions: []))
            }
        }
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        guard FileManager.default.createFile(atPath: corpus, contents: Data(JSONLWriter.encode(items).utf8)) else {
            throw BenchError.input("\(corpus): cannot write the corpus copies")
        }
        items = []
        let sqlite = try measure(Workspace.open(path: folder.appendingPathComponent("bench.sqlite").path), corpus: corpus)
        let mb = Double(sqlite.extract.bytes) / 1_000_000
        print("documents      \(sqlite.extract.documents) (\(copies) copies of \(documents.count))")
        print("text           \(String(format: "%.2f", mb)) MB (UTF-8)")
        print("claims         \(sqlite.extract.claims)")
        print("ingest         \(String(format: "%.2f", mb / sqlite.ingestSeconds)) MB/s (read, stage, store), "
              + "\(String(format: "%.2f", sqlite.ingestSeconds)) s")
        print("extract        \(String(format: "%.2f", mb / sqlite.extract.seconds)) MB/s end to end (read, extract on all cores, store), "
              + "\(String(format: "%.2f", sqlite.extract.seconds)) s")
        print("  extraction   \(String(format: "%.2f", sqlite.extract.extractionSeconds)) s of it, the rest reading and storing")
        print("claims/s       \(String(format: "%.0f", Double(sqlite.extract.claims) / sqlite.extract.seconds))")
        guard let url else {
            print("peak memory    \(String(format: "%.1f", Double(SpeedBench.peakResidentBytes()) / 1_048_576)) MiB (ru_maxrss)")
            return
        }
        let workspace = try Workspace.open(path: url)
        defer { workspace.close() }
        guard try workspace.store.documentCount() == 0 else {
            throw BenchError.input("\(workspace.storePath): the pipeline bench needs an empty database (it ingests the copies there)")
        }
        let postgres = try measure(workspace, corpus: corpus)
        guard postgres.extract.claims == sqlite.extract.claims, postgres.added == sqlite.added else {
            throw BenchError.input("\(workspace.storePath): \(postgres.added) documents and \(postgres.extract.claims) claims stored, "
                                   + "SQLite stored \(sqlite.added) and \(sqlite.extract.claims)")
        }
        print("")
        print("ingest + extract   SQLite          PostgreSQL (\(TerminalSafe.path(workspace.storePath)))")
        func row(_ name: String, _ a: Double, _ b: Double) {
            print(name.padding(toLength: 19, withPad: " ", startingAt: 0)
                  + String(format: "%6.2f s %5.2f MB/s  %6.2f s %5.2f MB/s", a, mb / a, b, mb / b))
        }
        row("ingest", sqlite.ingestSeconds, postgres.ingestSeconds)
        row("extract", sqlite.extract.seconds, postgres.extract.seconds)
        row("both", sqlite.total, postgres.total)
        print(String(format: "PostgreSQL/SQLite  %.0f %% of SQLite's throughput (ingest + extract)", sqlite.total / postgres.total * 100))
        print("peak memory        \(String(format: "%.1f", Double(SpeedBench.peakResidentBytes()) / 1_048_576)) MiB (ru_maxrss)")
    }

    /// `ingest FILE` then `extract` on `workspace`, timed apart.
    static func measure(_ workspace: Workspace, corpus: String) throws -> Figures {
        let started = DispatchTime.now()
        let ingested = try workspace.ingest([corpus])
        let ingestSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let report = try workspace.extract(runName: "rules")
        return Figures(ingestSeconds: ingestSeconds, added: ingested.added.count, extract: report)
    }
}
