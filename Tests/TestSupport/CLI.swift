import Foundation

/// Runs the built `claimdesk` executable, which SwiftPM places beside the test bundle: the runner
/// of the end-to-end tests, here so that any test target can drive the real binary.
public enum CLI {
    public typealias Output = ProcessOutput

    /// A command that a test needed to succeed failed: its status and stderr say why.
    public struct Failure: Error, CustomStringConvertible {
        public var status: Int32
        public var stderr: String
        public var description: String { "claimdesk exited \(status): \(stderr)" }

        public init(status: Int32, stderr: String) {
            self.status = status
            self.stderr = stderr
        }
    }

    public static var executable: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = here.deletingLastPathComponent()
        // Inside an .xctest bundle on some platforms the executable is nested deeper.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("claimdesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/claimdesk")
    }

    /// The package's folder (this file is Tests/TestSupport/CLI.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `claimdesk arguments` without colour and without the caller's `CLAIMDESK_DB`, `COLUMNS`
    /// and `LINES` (the REPL wraps to 80 columns under a pipe); `stdin` (empty when nil) is written
    /// and closed.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                           cwd: URL? = nil) throws -> Output {
        try Subprocess.run(executable, arguments, stdin: stdin ?? "", environment: ["NO_COLOR": "1"].merging(environment) { $1 },
                           unset: ["CLAIMDESK_DB", "COLUMNS", "LINES"], cwd: cwd)
    }
}

/// Runs the binary with a deadline and /dev/null as stdin: a command that would hang (a FIFO as the
/// store) fails the test instead of blocking the suite.
public func runWithin(_ seconds: Double, _ arguments: [String], cwd: String? = nil) throws -> (status: Int32, stdout: String, stderr: String, timedOut: Bool) {
    let r = try Subprocess.run(CLI.executable, arguments, environment: ["NO_COLOR": "1"], unset: ["CLAIMDESK_DB"],
                               cwd: cwd.map { URL(fileURLWithPath: $0) }, seconds: seconds)
    return (r.status, r.stdout, r.stderr, r.timedOut)
}
