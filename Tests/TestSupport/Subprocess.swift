import Foundation

/// What a finished child process said: the one result type of every runner the test targets share
/// (`CLI`, the sqlite3 shell, the Python checkers).
public struct ProcessOutput: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the deadline passed and the process was killed (only with a deadline).
    public var timedOut: Bool

    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
    }
}

/// Runs a program to its end with its output collected. Both pipes are drained while it runs, so a
/// child that writes more than a pipe holds (64 KiB) to either stream never blocks the test.
public enum Subprocess {
    /// Runs `executable` with `arguments`.
    /// - `stdin`: written whole, then closed; `nil` gives the child /dev/null.
    /// - `environment`: the test's own environment with these values set and `unset` removed.
    /// - `seconds`: a deadline after which the child is killed (SIGKILL) and `timedOut` is true, so a
    ///   command that would hang fails its test instead of blocking the suite.
    public static func run(_ executable: URL, _ arguments: [String], stdin: String? = nil,
                           environment: [String: String] = [:], unset: [String] = [], cwd: URL? = nil,
                           seconds: Double? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in unset { env[name] = nil }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input: Pipe? = stdin == nil ? nil : Pipe()
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        let collected = Drained(out.fileHandleForReading, err.fileHandleForReading)
        if let input, let stdin {
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        var timedOut = false
        if let seconds {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            timedOut = process.isRunning
            if timedOut { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let (stdoutData, stderrData) = collected.wait()
        return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                             stderr: String(decoding: stderrData, as: UTF8.self), timedOut: timedOut)
    }

    /// The two output pipes read to their ends on background threads.
    private final class Drained: @unchecked Sendable {
        private let group = DispatchGroup()
        private var stdout = Data(), stderr = Data()

        init(_ out: FileHandle, _ err: FileHandle) {
            group.enter()
            DispatchQueue.global().async { self.stdout = out.readDataToEndOfFile(); self.group.leave() }
            group.enter()
            DispatchQueue.global().async { self.stderr = err.readDataToEndOfFile(); self.group.leave() }
        }

        /// Both streams, once both have ended (the group orders the writes before this read).
        func wait() -> (Data, Data) {
            group.wait()
            return (stdout, stderr)
        }
    }
}
