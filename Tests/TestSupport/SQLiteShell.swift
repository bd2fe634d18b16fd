import Foundation

/// The sqlite3 command-line shell, for tests that write a store behind ClaimDesk's back (a foreign
/// database, a migration from a newer release) or read one column to check what was stored.
public enum SQLiteShell {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "sqlite3 is not installed (scripts/setup.sh installs it)" }
    }

    /// The shell's path, nil when it is not installed (tests that need it are skipped with a reason).
    public static var path: String? {
        ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `sql` on the database at `store`; returns stdout with its surrounding white space trimmed.
    @discardableResult
    public static func run(_ store: String, _ sql: String) throws -> String {
        guard let tool = path else { throw Missing() }
        let result = try Subprocess.run(URL(fileURLWithPath: tool), [store, sql])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
