import ClaimModel
import Foundation
import TestSupport

/// A `claimdesk` process fed line by line, its output collected as it comes (for the REPL tests).
///
/// Each output pipe is read to its end by a thread of its own, and `finish` and `wait` wait for
/// both ends: what the child wrote is all in the result, in order. (It was collected by
/// readability handlers, which `finish` switched off once the child had exited: a chunk a handler
/// had read but not yet appended, its thread descheduled under load, came too late or never, and
/// the transcript lacked its beginning or its end, as if the child had read end-of-file at once.)
final class REPLProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var collected = Data()
    private var collectedErrors = Data()
    /// Left by each reader at its pipe's end.
    private let readers = DispatchGroup()

    var pid: Int32 { process.processIdentifier }

    static let storm = TestTexts.storm

    /// A fresh folder with a store holding the storm article and two claims in run "rules".
    static func storeWithClaims() throws -> (folder: String, store: String) {
        let folder = try ProcessScratch.folder(prefix: "claimdesk-repl")
        func span(_ needle: String) -> String {
            Fragments.first(needle, in: storm).map { "[\($0.spans[0].start), \($0.spans[0].end)]" } ?? "null"
        }
        let text = storm.replacingOccurrences(of: "\n", with: "\\n")
        let line = """
            {"doc_id": "storm", "title": "Storm hits coast", "text": "\(text)", "attributions": [\
            {"source": \(span("The mayor")), "cue": \(span("said")), "content": \(span("the bridge is closed")), \
            "source_type": "named_person", "anonymous": false, "source_entity": "mayor", "confidence": 0.9}, \
            {"source": \(span("Officials")), "cue": \(span("told")), "content": \(span("that repairs will take weeks")), \
            "outlet": "Reuters", "source_type": "anonymous", "anonymous": true, "confidence": 0.4}]}
            """
        let file = folder + "/storm.jsonl"
        try (line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let store = folder + "/store.sqlite"
        let imported = try run(["--db", store, "import-claims", file, "--run", "rules"], stdin: "")
        guard imported.status == 0 else { throw Failure(message: "import-claims failed: \(imported.stderr)") }
        return (folder, store)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    typealias Result = ProcessOutput

    static func run(_ arguments: [String], stdin: String, environment: [String: String] = [:]) throws -> Result {
        try start(arguments, stdin: stdin, environment: environment).finish()
    }

    /// Starts the binary; with `stdin`, writes it all and closes the input.
    static func start(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> REPLProcess {
        let p = REPLProcess()
        p.process.executableURL = CLI.executable
        p.process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Replies wrap to COLUMNS (80 under a pipe): the expected screens assume the default.
        env["COLUMNS"] = nil
        env["LINES"] = nil
        for (k, v) in environment { env[k] = v }
        p.process.environment = env
        p.process.standardInput = p.input
        p.process.standardOutput = p.output
        p.process.standardError = p.errors
        try p.process.run()
        p.drain(p.output.fileHandleForReading) { $0.collected.append($1) }
        p.drain(p.errors.fileHandleForReading) { $0.collectedErrors.append($1) }
        if let stdin {
            p.send(stdin)
            try? p.input.fileHandleForWriting.close()
        }
        return p
    }

    /// Reads `handle` to its end on a thread of its own, each chunk appended under the lock as it
    /// comes (so `waitFor` sees it at once). read(2) itself: `availableData` traps on EINTR.
    private func drain(_ handle: FileHandle, _ append: @escaping @Sendable (REPLProcess, Data) -> Void) {
        readers.enter()
        let fd = handle.fileDescriptor
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                self.lock.lock()
                append(self, Data(buffer[0..<count]))
                self.lock.unlock()
            }
            self.readers.leave()
        }.start()
    }

    /// Waits until both output pipes have ended. They end when the child has exited, unless a
    /// child spawned meanwhile by another test inherited a write end (Foundation's pipes are not
    /// close-on-exec): then after that child, or after 30 s, with what the child wrote all read.
    private func waitForReaders() {
        _ = readers.wait(timeout: .now() + 30)
    }

    func send(_ text: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    var stdout: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    /// Waits (up to 20 s) until `marker` has appeared `count` times on stdout.
    @discardableResult
    func waitFor(count: Int, of marker: String) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if stdout.components(separatedBy: marker).count - 1 >= count { return true }
            usleep(5_000)
        }
        return false
    }

    /// Waits for the child's end and for all it wrote.
    func wait() {
        process.waitUntilExit()
        waitForReaders()
    }

    func finish() -> Result {
        try? input.fileHandleForWriting.close()
        wait()
        lock.lock()
        let result = Result(status: process.terminationStatus, stdout: String(decoding: collected, as: UTF8.self),
                            stderr: String(decoding: collectedErrors, as: UTF8.self))
        lock.unlock()
        return result
    }
}
