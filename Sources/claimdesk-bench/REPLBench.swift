import ClaimModel
import ClaimStore
import Dispatch
import Foundation
import Terminal
import Workbench

/// `claimdesk-bench repl`: the review REPL's latencies on a large store, through the same code
/// path as `claimdesk annotate` (a `Session` executing verbs; only the terminal is left out).
///
/// Builds (once, then reuses) a store of `--docs` documents with `--claims` claims each, then
/// measures start-up to the first screen, and `next`, `show` and `confirm`: median and p99; then
/// `doc` on a 100 KB article it adds to the store (REPLBench+Document.swift); then
/// `accept-above` over 1,000 claims and its `undo`, with the log transactions each one wrote.
enum REPLBench {
    ///
    /// `path` is a file or a `postgresql://` URL: a database is built when it has no run "rules"
    /// yet (a database cannot be removed from here: `--rebuild` there needs a new empty one).
    static func run(path: String, documents: Int, claims: Int, iterations: Int, rebuild: Bool) -> Int32 {
        do {
            if StoreLocation.isPostgresURL(path) {
                let store = try Workspace.open(path: path).store
                let built = try store.runRef(named: "rules") != nil
                store.close()
                if built && rebuild {
                    throw BenchFailure(message: "\(StoreLocation(parsing: path)): --rebuild removes a file store only; give a new empty database")
                }
                if !built { try build(path: path, documents: documents, claims: claims) }
            } else if rebuild || !FileManager.default.fileExists(atPath: path) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                try build(path: path, documents: documents, claims: claims)
            }
            try measure(path: path, iterations: iterations)
            return 0
        } catch {
            FileHandle.standardError.write(Data("claimdesk-bench repl: \(error)\n".utf8))
            return 1
        }
    }

    /// Synthetic articles: `claims` sentences "Source K of document D said that … ." each one claim.
    static func build(path: String, documents: Int, claims: Int) throws {
        let started = DispatchTime.now()
        let store = try Workspace.open(path: path).store
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "bench", version: nil, parameters: nil)
        let batch = 5000
        var first = 0
        let types: [SourceType] = [.namedPerson, .namedOrganization, .anonymous, .document, .implicit]
        while first < documents {
            let range = first..<min(first + batch, documents)
            var docs: [(document: Document, origin: String)] = []
            var outputs: [[Attribution]] = []
            for d in range {
                var text = "Bench article \(d)\n\n"
                var attributions: [Attribution] = []
                for k in 0..<claims {
                    let base = text.unicodeScalars.count
                    let source = "Official \(k) of office \(d % 97)"
                    let cue = k % 3 == 0 ? "told Reuters" : "said"
                    let content = "that measure \(k) will cost \(d * 7 % 1000) million over \(k + 2) years"
                    text += "\(source) \(cue) \(content). "
                    let s = base, c = s + source.unicodeScalars.count + 1, t = c + cue.unicodeScalars.count + 1
                    attributions.append(Attribution(
                        source: Fragments(Span(s, c - 1)), cue: Fragments(Span(c, t - 1)),
                        content: Fragments(Span(t, t + content.unicodeScalars.count)),
                        outlet: k % 3 == 0 ? "Reuters" : nil, sourceType: types[k % types.count], anonymous: k % 5 == 2,
                        sourceEntity: "official-\(k)", confidence: Double((d + k) % 100) / 100))
                }
                docs.append((Document(id: "bench-\(d)", text: text, title: "Bench article \(d)", publisher: "Bench"), "bench"))
                outputs.append(attributions)
            }
            _ = try store.ingest(docs)
            let rowIDs = try docs.map { d throws -> Int64 in try store.document(docID: d.document.id)?.rowID ?? 0 }
            try store.saveRunOutput(runID: run.rowID, zip(rowIDs, outputs).map { (documentRowID: $0, attributions: $1) })
            first = range.upperBound
            FileHandle.standardError.write(Data("\rbuilding: \(first)/\(documents) documents".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        print("built \(TerminalSafe.path(StoreLocation(parsing: path).description)): \(documents) documents, \(documents * claims) claims in "
            + String(format: "%.1f s", seconds(since: started)))
    }

    static func measure(path: String, iterations: Int) throws {
        // Start-up: open the store, open a session (documents, the analyst's log, the first claim), first screen.
        var startups: [Double] = []
        for round in 0..<7 {
            let t0 = DispatchTime.now()
            let store = try Workspace.open(path: path).store
            let session = try Session(workspace: Workspace(store: store), annotator: "bench-startup-\(round % 2)", runName: nil,
                                      startDocument: nil, renderer: Renderer(style: .plain))
            _ = session.opening()
            startups.append(seconds(since: t0) * 1000)
        }
        let store = try Workspace.open(path: path).store
        let annotator = "bench-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))"
        let session = try Session(workspace: Workspace(store: store), annotator: annotator, runName: nil, startDocument: nil,
                                  renderer: Renderer(style: .plain))
        let claims = try store.claimCount(runID: session.run.rowID)
        print("store: \(TerminalSafe.path(StoreLocation(parsing: path).description)), \(claims) claims; \(iterations) calls per verb")
        report("start-up", startups)
        for verb in ["next", "show", "confirm", "prev", "list", "undo"] {
            var times: [Double] = []
            times.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let t0 = DispatchTime.now()
                let reply = session.execute(verb)
                times.append(seconds(since: t0) * 1000)
                if reply.failed && verb != "undo" { throw BenchFailure(message: "\(verb): \(reply.text)") }
            }
            report(verb, times)
        }
        // TAB completion: the first outlet and tag completion of a session reads the store.
        var outlets: [Double] = [], tags: [Double] = []
        for _ in 0..<50 {
            let fresh = try Session(workspace: Workspace(store: store), annotator: annotator, runName: nil, startDocument: nil,
                                    renderer: Renderer(style: .plain))
            var t0 = DispatchTime.now()
            _ = fresh.completions(before: "outlet ", word: "")
            outlets.append(seconds(since: t0) * 1000)
            t0 = DispatchTime.now()
            _ = fresh.completions(before: "tag ", word: "")
            tags.append(seconds(since: t0) * 1000)
        }
        report("tab outlet", outlets)
        report("tab tag", tags)
        // A combined filter, then walking its queue.
        var filtered: [Double] = []
        let set = session.execute("filter unreviewed and type anonymous and confidence < 0.8")
        if set.failed { throw BenchFailure(message: "filter: \(set.text)") }
        for _ in 0..<iterations {
            let t0 = DispatchTime.now()
            let reply = session.execute("next")
            filtered.append(seconds(since: t0) * 1000)
            if reply.failed { throw BenchFailure(message: "next (filtered): \(reply.text)") }
        }
        report("next (and)", filtered)
        try measureDocument(store: store, path: path, iterations: min(iterations, 300))
        try bulk(store: store, path: path, annotator: annotator, iterations: min(iterations, 100))
        print("integrity_check: \(try store.integrityCheck())")
    }

    /// Documents of `bulkClaims` claims each for `accept-above` (added to the store once, after
    /// the others, so the store keeps its size and the other verbs their figures).
    static let bulkClaims = 1000

    /// A document of `bulkClaims` claims "Official K said that item K is ready." in run "rules".
    static func addBulkDocument(store: any StoreContract, id: String) throws {
        guard let run = try store.runRef(named: "rules") else { throw BenchFailure(message: "accept-above: no run \"rules\"") }
        var text = "Bulk article \(id)\n\n"
        var attributions: [Attribution] = []
        for k in 0..<bulkClaims {
            let base = text.unicodeScalars.count
            let source = "Official \(k)", cue = "said", content = "that item \(k) is ready"
            text += "\(source) \(cue) \(content). "
            let c = base + source.unicodeScalars.count + 1, t = c + cue.unicodeScalars.count + 1
            attributions.append(Attribution(
                source: Fragments(Span(base, c - 1)), cue: Fragments(Span(c, t - 1)),
                content: Fragments(Span(t, t + content.unicodeScalars.count)), sourceType: .namedPerson,
                anonymous: false, confidence: 0.5 + Double(k % 50) / 100))
        }
        _ = try store.ingest([(Document(id: id, text: text, title: "Bulk article", publisher: "Bench"), "bench")])
        guard let rowID = try store.document(docID: id)?.rowID else { return }
        try store.saveRunOutput(runID: run.rowID, [(documentRowID: rowID, attributions: attributions)])
    }

    /// `accept-above 0 --doc` over 1,000 claims, each time in a document of its own (so the log of
    /// the document on screen stays as an analyst's would be), then `undo` of it; both must be one
    /// log transaction, counted by a transaction observer on the store.
    static func bulk(store: any StoreContract, path: String, annotator: String, iterations: Int) throws {
        let docIDs = (0..<iterations).map { "bench-bulk-\($0)" }
        let missing = try docIDs.filter { try store.document(docID: $0) == nil }
        if !missing.isEmpty {
            for id in missing { try addBulkDocument(store: store, id: id) }
            print("added \(missing.count) documents of \(bulkClaims) claims for accept-above")
        }
        let session = try Session(workspace: Workspace(store: store), annotator: annotator + "-bulk", runName: nil,
                                  startDocument: nil, renderer: Renderer(style: .plain))
        // The session's first accept-above computes the calibration (a score against the documents
        // marked done, once per session): timed on its own, before the measured calls.
        let warm = "bench-bulk-first"
        if try store.document(docID: warm) == nil { try addBulkDocument(store: store, id: warm) }
        _ = session.execute("goto \(warm)")
        let w0 = DispatchTime.now()
        let first = session.execute("accept-above 0 --doc")
        print("first accept-above of the session (with the calibration): " + String(format: "%.1f ms", seconds(since: w0) * 1000))
        if first.failed { throw BenchFailure(message: "accept-above: \(first.text.prefix(200))") }
        _ = session.execute("undo")
        // The log's transactions are counted by a GRDB transaction observer: SQLite's store only.
        let commits = (store as? SQLiteStore)?.countLogCommits()
        var accepts: [Double] = [], undos: [Double] = [], acceptCPU: [Double] = [], undoCPU: [Double] = []
        var acceptCommits: [Int] = [], undoCommits: [Int] = []
        for id in docIDs {
            let moved = session.execute("goto \(id)")
            if moved.failed { throw BenchFailure(message: "goto \(id): \(moved.text)") }
            var before = commits?.commits ?? 0
            var t0 = DispatchTime.now()
            var c0 = threadCPUMilliseconds()
            let reply = session.execute("accept-above 0 --doc")
            accepts.append(seconds(since: t0) * 1000)
            acceptCPU.append(threadCPUMilliseconds() - c0)
            acceptCommits.append((commits?.commits ?? 0) - before)
            guard !reply.failed, reply.text.hasPrefix("accepted \(bulkClaims) claims") else {
                throw BenchFailure(message: "accept-above: \(reply.text.prefix(200))")
            }
            before = commits?.commits ?? 0
            t0 = DispatchTime.now()
            c0 = threadCPUMilliseconds()
            let undone = session.execute("undo")
            undos.append(seconds(since: t0) * 1000)
            undoCPU.append(threadCPUMilliseconds() - c0)
            undoCommits.append((commits?.commits ?? 0) - before)
            guard !undone.failed, undone.text.hasPrefix("undone: accept-above of \(bulkClaims) claims") else {
                throw BenchFailure(message: "undo: \(undone.text.prefix(200))")
            }
        }
        report("bulk accept", accepts)
        report("bulk undo", undos)
        // On a shared machine the wall clock waits for other processes; the thread's CPU time does not.
        report("  cpu", acceptCPU)
        report("  cpu undo", undoCPU)
        if commits != nil {
            print("log transactions per accept-above: \(Set(acceptCommits).sorted()), per undo: \(Set(undoCommits).sorted())"
                + " (\(bulkClaims) claims each, \(iterations) calls)")
        }
    }

    struct BenchFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func report(_ name: String, _ times: [Double]) {
        let sorted = times.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q + 0.5))] }
        print(name.padding(toLength: 11, withPad: " ", startingAt: 0)
            + String(format: "median %7.3f ms   p99 %7.3f ms   max %7.3f ms", at(0.5), at(0.99), sorted.last ?? 0))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
