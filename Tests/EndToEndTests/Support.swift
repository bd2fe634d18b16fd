import Foundation
import Testing
import TestSupport

/// The runner of the real binary: TestSupport's, shared with the other test targets.
typealias CLI = TestSupport.CLI

/// A scratch folder per test, removed at the end: TestSupport's, shared with the other test targets.
typealias Scratch = TestSupport.Scratch

extension Scratch {
    /// A folder named `claimdesk-e2e-…`.
    convenience init() throws { try self.init(prefix: "claimdesk-e2e") }
}

extension CLI {
    /// Runs the `part`th `claimdesk …` command between backticks in `line` as a shell does when the
    /// analyst pastes it: `claimdesk` is the binary under test, `db` the store (`$CLAIMDESK_DB`).
    static func paste(_ line: String, part: Int = 0, db: String) throws -> Output {
        let commands = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && $0.element.hasPrefix("claimdesk ") }.map { String($0.element) }
        let command = try #require(commands.dropFirst(part).first)
        return try Subprocess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", #"claimdesk() { "$CLAIMDESK_BIN" "$@"; }; "# + command],
                                  environment: ["NO_COLOR": "1", "CLAIMDESK_BIN": executable.path, "CLAIMDESK_DB": db],
                                  unset: ["COLUMNS", "LINES"])
    }
}
