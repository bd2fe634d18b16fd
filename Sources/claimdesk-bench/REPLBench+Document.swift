import ClaimModel
import ClaimStore
import Dispatch
import Foundation
import Terminal
import Workbench

/// `doc` on a long article: the whole document laid out with every claim marked, as `claimdesk
/// annotate` prints it (the pager left out).
extension REPLBench {
    static let longDocumentID = "bench-doc-100k"

    /// A synthetic article of about `bytes` bytes in paragraphs of five sentences, one claim per
    /// sentence; every fourth sentence quotes a second claim inside its content (nested spans), and
    /// every tenth shares its cue with the next sentence's claim (one mark, two labels).
    static func longDocument(bytes: Int) -> (Document, [Attribution]) {
        var text = "A long bench article\n\n"
        var claims: [Attribution] = []
        var k = 0
        func span(_ start: Int, _ piece: String) -> Fragments? { Fragments(Span(start, start + piece.unicodeScalars.count)) }
        while text.utf8.count < bytes {
            var base = text.unicodeScalars.count
            let confidence = Double(k * 37 % 100) / 100
            if k % 4 == 3 {
                let source = "Minister \(k)", cue = "told reporters", inner = "the governor \(k)", innerCue = "said"
                let said = "the port of district \(k % 50) is shut until further notice"
                let content = "\"\(inner) \(innerCue) \(said)\""
                text += "\(source) \(cue) \(content) on Monday."
                let c = base + source.unicodeScalars.count + 1, t = c + cue.unicodeScalars.count + 1
                claims.append(Attribution(source: span(base, source), cue: span(c, cue), content: span(t, content),
                                          sourceType: .namedPerson, confidence: confidence))
                let i = t + 1, ic = i + inner.unicodeScalars.count + 1, it = ic + innerCue.unicodeScalars.count + 1
                claims.append(Attribution(source: span(i, inner), cue: span(ic, innerCue), content: span(it, said),
                                          sourceType: .namedPerson, confidence: confidence / 2))
            } else {
                let source = "Official \(k) of the ministry", cue = k % 3 == 0 ? "told Reuters" : "said"
                let content = "that measure \(k) will cost \(k * 7 % 1000) million over \(k % 9 + 2) years"
                text += "\(source) \(cue) \(content)."
                let c = base + source.unicodeScalars.count + 1, t = c + cue.unicodeScalars.count + 1
                claims.append(Attribution(source: span(base, source), cue: span(c, cue), content: span(t, content),
                                          outlet: cue == "told Reuters" ? "Reuters" : nil, sourceType: .namedOrganization,
                                          confidence: confidence))
                if k % 10 == 0 {
                    // A second claim on the same cue.
                    claims.append(Attribution(cue: span(c, cue), content: span(t, content), sourceType: .implicit, confidence: 0.3))
                }
            }
            k += 1
            text += k % 5 == 0 ? "\n\n" : " "
            base = text.unicodeScalars.count
        }
        return (Document(id: longDocumentID, text: text, title: "A long bench article", publisher: "Bench"), claims)
    }

    /// Adds the long article to the store once, then times `doc` on it, plain and in colour, with
    /// some claims confirmed and rejected so that every state is drawn.
    static func measureDocument(store: any StoreContract, path: String, iterations: Int) throws {
        if try store.document(docID: longDocumentID) == nil {
            let (document, claims) = longDocument(bytes: 100_000)
            _ = try store.ingest([(document, "bench")])
            guard let run = try store.run(named: "rules"), let rowID = try store.document(docID: longDocumentID)?.rowID else {
                throw BenchFailure(message: "doc: the bench store has no run \"rules\"")
            }
            try store.saveRunOutput(runID: run.rowID, [(documentRowID: rowID, attributions: claims)])
        }
        let session = try Session(workspace: Workspace(store: store), annotator: "bench-doc", runName: nil,
                                  startDocument: longDocumentID, renderer: Renderer(style: .plain, wrapping: .columns(100)))
        for verb in Array(repeating: "confirm", count: 20) + Array(repeating: "reject", count: 10) {
            let reply = session.execute(verb)
            if reply.failed { throw BenchFailure(message: "doc: \(verb): \(reply.text)") }
        }
        let first = session.execute("doc")
        if first.failed { throw BenchFailure(message: "doc: \(first.text)") }
        let bytes = try store.document(docID: longDocumentID)?.document.text.utf8.count ?? 0
        let claims = first.text.split(separator: "\n", maxSplits: 2)[1].prefix { $0 != " " }
        print("doc: \(longDocumentID), \(bytes) bytes of text, \(claims) claims, \(first.text.utf8.count) bytes on screen; "
            + "\(iterations) calls per style")
        // Wall time, and this thread's CPU time: on a loaded machine the second says what `doc` itself costs.
        for (name, cpuName, style) in [("doc", "doc (cpu)", Renderer.Style.plain), ("doc colour", "colour cpu", .color)] {
            session.renderer = Renderer(style: style, wrapping: .columns(100))
            var times: [Double] = [], cpu: [Double] = []
            times.reserveCapacity(iterations)
            cpu.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let c0 = threadCPUMilliseconds()
                let t0 = DispatchTime.now()
                let reply = session.execute("doc")
                times.append(seconds(since: t0) * 1000)
                cpu.append(threadCPUMilliseconds() - c0)
                if reply.failed { throw BenchFailure(message: "doc: \(reply.text)") }
            }
            report(name, times)
            report(cpuName, cpu)
        }
    }

    static func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }
}
