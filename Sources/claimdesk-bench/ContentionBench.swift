import ClaimModel
import ClaimStore
import Dispatch
import Foundation
import Review
import Workbench

/// `claimdesk-bench contention`: an analyst's `confirm` next to a batch job (issue 10.6).
///
/// Builds a fresh store holding a short article (extracted as run "review") and a generated
/// document of `--mb` megabytes dense with claims; starts `claimdesk extract --run batch` on it in
/// a child process; meanwhile appends a `confirm` to the log of run "review" every `--every`
/// milliseconds, as an analyst's REPL does, and times each. Prints every confirm's outcome (all
/// must succeed), the longest and typical waits, the batch job's time, claims and peak memory
/// (VmHWM from /proc). `--claimdesk` runs another build's binary as the batch job (a before/after).
enum ContentionBench {
    static func run(megabytes: Int, every: Int, store: String, binary: String) -> Int32 {
        do {
            return try measure(megabytes: megabytes, every: every, store: store, binary: binary)
        } catch {
            FileHandle.standardError.write(Data("claimdesk-bench: \(error)\n".utf8))
            return 1
        }
    }

    /// Paragraphs of reported speech by three named speakers: many claims, few entities (the
    /// extractor's coreference slows down with the number of distinct entities in one text).
    static func generatedText(bytes: Int) -> String {
        let speakers = ["Maria Lopez", "John Carter", "Ana Silva"]
        let cues = ["said", "told reporters", "announced", "warned", "added"]
        var text = "Generated briefing\n\n"
        text.reserveCapacity(bytes + 200)
        var n = 0
        while text.utf8.count < bytes {
            for _ in 0..<4 {
                text += "\(speakers[n % speakers.count]) \(cues[n % cues.count]) that road \(n) will reopen on Monday. "
                n += 1
            }
            text += "\n\n"
        }
        return text
    }

    /// The process's peak resident set (`VmHWM` in /proc/PID/status), in KiB.
    static func peakKiB(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    static func measure(megabytes: Int, every: Int, store path: String, binary: String) throws -> Int32 {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let folder = NSTemporaryDirectory() + "claimdesk-contention-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let article = folder + "/article.txt"
        try "Storm hits coast\n\nThe mayor said the bridge is closed. Officials told Reuters that repairs will take weeks.\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        let big = folder + "/generated.txt"
        try generatedText(bytes: megabytes * 1_000_000).write(toFile: big, atomically: true, encoding: .utf8)

        let workspace = try Workspace.open(path: path)
        _ = try workspace.ingest([article])
        _ = try workspace.extract(runName: "review")
        _ = try workspace.ingest([big])
        guard let review = try workspace.store.run(named: "review"),
              let claim = try workspace.store.attributions(runID: review.rowID, documentRowID: nil).first else {
            throw WorkbenchError.noInput("the article gave no claim to confirm")
        }
        print("store          \(TerminalSafe.path(path))")
        print("batch job      \(TerminalSafe.path(binary)) extract --run batch (a \(megabytes) MB document)")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = ["--db", path, "extract", "--run", "batch"]
        let out = Pipe()
        child.standardOutput = out
        child.standardError = FileHandle.standardError
        let started = DispatchTime.now()
        try child.run()
        let pid = child.processIdentifier

        var waits: [Double] = []
        var failures: [String] = []
        let confirm = ReviewEntry(annotator: "ana", runID: review.rowID, documentRowID: claim.documentRowID,
                                  attributionID: claim.rowID, action: .confirm)
        // Foundation reaps the child itself, so its peak memory is read from /proc while it runs.
        var peakKiB = 0
        while true {
            let exited = !child.isRunning
            if !exited, let hwm = Self.peakKiB(pid: pid) { peakKiB = max(peakKiB, hwm) }
            let t0 = DispatchTime.now()
            do {
                _ = try workspace.store.append(confirm)
                waits.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e6)
            } catch {
                failures.append(error.description)
            }
            if exited { break }
            usleep(UInt32(every) * 1000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let summary = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        workspace.close()
        let sorted = waits.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print("batch output   \(summary.trimmingCharacters(in: .whitespacesAndNewlines))")
        child.waitUntilExit()
        print(String(format: "batch job      %.1f s, exit %d, peak memory %.0f MiB (VmHWM)",
                     seconds, child.terminationStatus, Double(peakKiB) / 1024))
        print("confirms       \(waits.count) succeeded, \(failures.count) failed")
        for failure in Set(failures).sorted() { print("  failed: \(failure)") }
        print(String(format: "confirm wait   median %.1f ms, p99 %.1f ms, longest %.1f ms", percentile(0.5), percentile(0.99),
                     sorted.last ?? 0))
        return failures.isEmpty ? 0 : 1
    }
}
