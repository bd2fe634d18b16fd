import ClaimModel
import Foundation

/// A throwaway PostgreSQL cluster for the test process: started on first use by
/// `scripts/pg-cluster.sh` (initdb into a scratch folder, a free loopback port, fsync off), one fresh
/// database per caller, stopped and removed when the process exits.
///
/// Where PostgreSQL's server programs are missing, `unavailable` says why and the PostgreSQL runs
/// are skipped with that message, except with `CI=true`, where `required` makes them fail instead:
/// CI installs PostgreSQL (`scripts/setup.sh`), so a missing server there is a broken build.
public enum PostgresServer {
    private struct Cluster: Sendable {
        var folder: String
        var adminURL: String
    }

    private static let state = Locked<Result<Cluster, PostgresUnavailable>?>(nil)
    private static let counter = Locked(0)

    /// Why there is no server for this run (nil when there is one).
    public static var unavailable: String? {
        if case let .failure(reason)? = start() { return reason.reason }
        return nil
    }

    /// Whether the PostgreSQL runs must not be skipped (CI).
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A new, empty database on the process's cluster: its `postgresql://` URL.
    public static func freshDatabase(prefix: String = "t") throws -> String {
        guard let started = start() else { throw PostgresUnavailable(reason: "the cluster did not start") }
        let cluster = try started.get()
        let n = counter.withLock { value -> Int in
            value += 1
            return value
        }
        let name = "\(prefix)_\(getpid())_\(n)".lowercased()
        let output = runScript(["createdb", cluster.folder, name])
        guard output.status == 0 else {
            throw PostgresUnavailable(reason: "createdb \(name) failed: \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The cluster's data folder (server.log is there), when it runs.
    public static var folder: String? {
        if case let .success(cluster)? = start() { return cluster.folder }
        return nil
    }

    /// scripts/pg-cluster.sh of this checkout.
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/pg-cluster.sh").path
    }

    private static let stopFolder = Locked<String?>(nil)

    /// Runs scripts/pg-cluster.sh with `arguments` and waits for it: posix_spawn and waitpid rather
    /// than Foundation's `Process`, whose exit notification needs a run loop that is not always
    /// turning (a suite's enabling condition, an atexit handler).
    static func runScript(_ arguments: [String], fast: Bool = false) -> (status: Int32, stdout: String, stderr: String) {
        let base = NSTemporaryDirectory() + "claimdesk-pg-run-\(getpid())-\(UUID().uuidString.prefix(8))"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var environment = ProcessInfo.processInfo.environment
        if fast { environment["PG_CLUSTER_FAST"] = "1" }
        let argv = (["/bin/bash", script] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, argv, envp) == 0 else {
            return (127, "", "cannot run /bin/bash \(script)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), read(outPath), read(errPath))
    }

    /// Stops and removes the clusters of test processes that are gone: a run killed before its
    /// `atexit` (a timeout, ^C) leaves its server running, and a machine that runs the tests again
    /// and again would gather them. A folder is `claimdesk-pg-PID-XXXXXXXX`; its process is gone when
    /// `kill(PID, 0)` says there is no such process (a reused PID only means the folder waits).
    public static func reapOrphans() {
        let temporary = NSTemporaryDirectory()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix("claimdesk-pg-") && !name.hasPrefix("claimdesk-pg-run-") && !name.hasSuffix(".log") {
            let parts = name.dropFirst("claimdesk-pg-".count).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = (temporary as NSString).appendingPathComponent(name)
            _ = runScript(["stop", folder])
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: folder + ".initdb.log")
        }
    }

    private static func start() -> Result<Cluster, PostgresUnavailable>? {
        state.withLock { current -> Result<Cluster, PostgresUnavailable>? in
            if let current { return current }
            reapOrphans()
            let folder = NSTemporaryDirectory() + "claimdesk-pg-\(getpid())-\(UUID().uuidString.prefix(8))"
            let result: Result<Cluster, PostgresUnavailable>
            let output = runScript(["start", folder], fast: true)
            if output.status == 0 {
                result = .success(Cluster(folder: folder, adminURL: output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
                stopFolder.withLock { $0 = folder }
                atexit {
                    guard let folder = PostgresServer.stopFolder.withLock({ $0 }) else { return }
                    _ = PostgresServer.runScript(["stop", folder])
                    try? FileManager.default.removeItem(atPath: folder)
                    try? FileManager.default.removeItem(atPath: folder + ".initdb.log")
                }
            } else {
                result = .failure(PostgresUnavailable(reason: output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            current = result
            return result
        }
    }
}

/// Why the tests have no PostgreSQL server.
public struct PostgresUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "no PostgreSQL server for the tests: \(reason)" }
}
