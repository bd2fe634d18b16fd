import ClaimModel
import ClaimStore
import Dispatch
import Foundation
import Workbench

/// `claimdesk-bench export`: a gold export at scale. Builds (once) a store holding N gold
/// attributions — by default 1,000,000 in 100,000 documents, imported as reviewed gold — then
/// exports it as JSONL with its dataset card and prints seconds, MB/s and peak memory.
///
/// Run it twice: the first run builds the store (slow: a million claims and a million log
/// entries), the second measures the export alone in a fresh process, so that the peak memory
/// printed is the export's.
enum ExportBench {
    static func run(store: String, out: String, total: Int, perDocument: Int, format: ExportFormat) -> Int32 {
        do {
            // A file is built when missing; a PostgreSQL database when it has no gold run yet.
            let isDatabase = StoreLocation.isPostgresURL(store)
            let exists = !isDatabase && FileManager.default.fileExists(atPath: store)
            let workspace = try Workspace.open(path: store)
            if try isDatabase ? workspace.store.runRef(named: "gold:ana") == nil : !exists {
                let started = DispatchTime.now()
                try build(workspace.store, total: total, perDocument: perDocument)
                print(String(format: "built %@: %d gold attributions in %d documents in %.1f s (run again to measure the export in a fresh process)",
                             workspace.storePath, total, (total + perDocument - 1) / perDocument, seconds(since: started)))
            }
            let started = DispatchTime.now()
            let report = try workspace.export(ExportRequest(format: format, out: out, selection: .gold(annotator: nil, includePartial: false), force: true))
            let elapsed = seconds(since: started)
            let bytes = report.files.reduce(0) { $0 + $1.bytes }
            print("export \(format.rawValue): \(plural(report.attributions, "attribution")) in \(plural(report.documents, "document"))")
            print(String(format: "time           %.2f s (%.0f attributions/s)", elapsed, Double(report.attributions) / elapsed))
            print(String(format: "written        %.1f MB (%.1f MB/s), card %@", Double(bytes) / 1_000_000, Double(bytes) / 1_000_000 / elapsed,
                         report.cardPaths.first ?? "-"))
            print(String(format: "peak memory    %.1f MiB (ru_maxrss)", Double(peakResidentBytes()) / 1_048_576))
            return 0
        } catch {
            FileHandle.standardError.write(Data("claimdesk-bench: \(error)\n".utf8))
            return 1
        }
    }

    /// Documents of K sentences, each one attribution ("Source N said that …"), imported as gold.
    static func build(_ store: any StoreContract, total: Int, perDocument: Int) throws(WorkbenchError) {
        let documents = (total + perDocument - 1) / perDocument
        let batch = 2_000
        var made = 0
        var d = 0
        while d < documents {
            var docs: [(Document, String)] = []
            var gold: [[Attribution]] = []
            for k in d..<min(d + batch, documents) {
                var text = "Report \(k)\n\n"
                var attributions: [Attribution] = []
                for j in 0..<min(perDocument, total - made) {
                    let start = text.unicodeScalars.count
                    let source = "Minister Zoë \(j)"
                    let cue = "said"
                    let content = "the budget for year \(k) will rise by \(j) percent"
                    text += "\(source) \(cue) that \(content). "
                    let s = Span(start, start + source.unicodeScalars.count)
                    let c = Span(s.end + 1, s.end + 1 + cue.count)
                    let t = Span(c.end + 6, c.end + 6 + content.unicodeScalars.count)
                    attributions.append(Attribution(
                        id: "a\(j)", source: Fragments(s), cue: Fragments(c), content: Fragments(t),
                        outlet: j % 3 == 0 ? "Reuters" : nil, sourceType: .namedPerson, anonymous: false,
                        sourceEntity: "minister-\(j)", confidence: Double(j % 10) / 10,
                        review: Review(status: j % 4 == 0 ? .corrected : .confirmed, annotator: "ana",
                                       confidence: .high, tags: [], note: nil, at: "2026-11-25T10:00:00Z")))
                    made += 1
                }
                docs.append((Document(id: "bench-\(k)", text: text), "bench"))
                gold.append(attributions)
            }
            do {
                let items = zip(docs, gold).map { doc, attributions in
                    GoldImportItem(document: AnnotatedDocument(document: doc.0, attributions: attributions), origin: doc.1)
                }
                let stage = try store.makeImportStage()
                defer { stage.discard() }
                try stage.declareRun(name: "gold:ana", kind: .gold, extractor: "import-gold", parameters: "annotator=ana")
                try stage.add(items.map { Workspace.goldImportDocument($0, annotator: "ana") })
                _ = try store.commit(stage, replace: false)
            } catch {
                throw WorkbenchError.store(error)
            }
            d += batch
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }
}
