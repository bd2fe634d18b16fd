import Foundation
import TestSupport

/// The Python that `scripts/setup.sh` installs under `.build-py/venv` with the parsers of the tools
/// our exports are opened in (dkpro-cassis, pandas). A test that needs it is skipped with a reason
/// on a developer machine without it, and fails in CI (`CI=true`), where setup always runs.
enum PythonTool {
    static var python: URL? {
        let candidate = CLI.packageRoot.appendingPathComponent(".build-py/venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// True when the checker may run, or when it must (CI): a test gates on this, then calls `run`.
    static var usable: Bool { python != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    typealias Output = ProcessOutput

    /// Runs `script` (Python source) with `arguments`; a missing venv is an error, never a pass.
    static func run(script: String, arguments: [String] = []) throws -> Output {
        guard let python else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey:
                "no .build-py/venv: run scripts/setup.sh to install the Python checkers"])
        }
        return try Subprocess.run(python, ["-c", script] + arguments)
    }
}
