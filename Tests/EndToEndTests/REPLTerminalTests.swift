import Foundation
import Testing

/// `claimdesk annotate` on a real pseudo-terminal (tmux): TAB completion, persistent history,
/// Ctrl-C clearing the line, Ctrl-D quitting. Skipped, saying why, where tmux is not installed
/// (scripts/setup.sh installs it, and so does `.ci/run`).
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
struct REPLTerminalTests {
    @Test func completionHistoryCtrlCAndCtrlD() throws {
        let dir = try REPLProcess.storeWithClaims()
        let home = dir.folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": home, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        #expect(tmux.pid != nil)

        // TAB completes verbs, then source types.
        tmux.keys("ty", "Tab")
        #expect(tmux.waitFor("claimdesk> type\n"))
        tmux.keys("anon", "Tab")
        #expect(tmux.waitFor("claimdesk> type anonymous"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("type: named_person → anonymous"))
        tmux.keys("filter type named_", "Tab", "Tab")
        #expect(tmux.waitFor("named_organization  named_person"))
        tmux.keys("C-u")

        // Ctrl-C drops the line being typed: "garbage" never runs.
        tmux.keys("garbage", "C-c")
        #expect(tmux.waitFor("claimdesk> garbage^C"))
        tmux.keys("progress", "Enter")
        #expect(tmux.waitFor("0 of 2 claims in run \"rules\" reviewed by tm"))
        #expect(!tmux.screen.contains("unknown verb \"garbage"))

        // Up recalls earlier lines.
        tmux.keys("Up", "Up", "Enter")
        #expect(tmux.waitFor("type unchanged: it is already anonymous"))

        // Ctrl-D quits cleanly.
        #expect(tmux.waitForPrompt())
        tmux.keys("C-d")
        #expect(tmux.waitForExit(), "\(tmux.screen)")

        let history = try String(contentsOfFile: home + "/.claimdesk_history", encoding: .utf8)
        #expect(history.contains("type anonymous\n"))
        #expect(history.contains("progress\n"))
        #expect(!history.contains("garbage"))

        // The history survives a restart.
        let again = try Tmux(command: command, environment: ["HOME": home, "NO_COLOR": "1"])
        defer { again.close() }
        #expect(again.waitFor("claimdesk>"))
        #expect(again.pid != nil)
        again.keys("Up")
        #expect(again.waitFor("claimdesk> type anonymous"))
        again.keys("C-u")
        #expect(again.waitForPrompt())
        again.keys("C-d")
        #expect(again.waitForExit(), "\(again.screen)")
    }

    @Test func colourOnATerminalUnlessNoColor() throws {
        let dir = try REPLProcess.storeWithClaims()
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": dir.folder])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        #expect(tmux.pid != nil)
        #expect(tmux.screenWithEscapes.contains("36mThe mayor\u{1B}["))
        #expect(!tmux.screen.contains("[[src:"))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit())
    }
}

/// `accept-above` on a terminal asks before acting; y accepts, anything else changes nothing.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
struct BulkTerminalTests {
    @Test func acceptAboveAsksOnATerminal() throws {
        let dir = try REPLProcess.storeWithClaims()
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": dir.folder, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        let question = "accept 2 claims at ≥ 0.30 in this document (expected precision unknown: no calibration yet, no document is marked done)? [y/N] "
        tmux.keys("accept-above 0.3", "Enter")
        #expect(tmux.waitFor(question.trimmingCharacters(in: .whitespaces)))
        tmux.keys("n", "Enter")
        #expect(tmux.waitFor("nothing accepted"))
        tmux.keys("progress", "Enter")
        #expect(tmux.waitFor("0 of 2 claims in run \"rules\" reviewed by tm"))
        tmux.keys("accept-above 0.3", "Enter")
        #expect(tmux.waitFor("[y/N]"))
        tmux.keys("y", "Enter")
        #expect(tmux.waitFor("accepted 2 claims at ≥ 0.30 (expected precision unknown: no calibration yet, no document is marked done); `undo` takes them all back"))
        tmux.keys("undo", "Enter")
        #expect(tmux.waitFor("undone: accept-above of 2 claims at ≥ 0.30"))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit(), "\(tmux.screen)")
    }
}

/// `order` on a terminal: the status line shows it, the queue follows it, and it is remembered
/// for the analyst across a restart.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
struct OrderTerminalTests {
    @Test func orderUncertainIsShownFollowedAndRemembered() throws {
        let dir = try REPLProcess.storeWithClaims()
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": dir.folder, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        #expect(tmux.screen.contains("claim 1/2 · doc 1/1 · 0 reviewed · #1\n"))
        tmux.keys("order uncertain", "Enter")
        // Without a calibration the middle is 0.5: the 0.4 claim (#2) comes before the 0.9 one.
        #expect(tmux.waitFor("claim 2/2 · doc 1/1 · 0 reviewed · #2 · order uncertain (0.50)"), "\(tmux.screen)")
        #expect(tmux.screen.contains("order: uncertain (closest to 0.5 first: no calibration yet, no document is marked done)"))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit(), "\(tmux.screen)")

        let again = try Tmux(command: command, environment: ["HOME": dir.folder, "NO_COLOR": "1"])
        defer { again.close() }
        #expect(again.waitFor("· order uncertain (0.50)"), "\(again.screen)")
        again.keys("order document", "Enter")
        #expect(again.waitFor("order: document"), "\(again.screen)")
        again.keys("q", "Enter")
        #expect(again.waitForExit(), "\(again.screen)")
    }
}

/// One tmux server of its own (a private socket) running one command in a 160x50 pane.
final class Tmux {
    static var path: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "claimdesk-test-\(UUID().uuidString.prefix(8))"

    init(command: [String], environment: [String: String]) throws {
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let line = "env -u NO_COLOR TERM=xterm \(env) " + command.map(Self.quote).joined(separator: " ")
        // The server outlives this call: it must not hold a pipe of ours open.
        try run(["new-session", "-d", "-x", "160", "-y", "50", line, ";", "set-option", "remain-on-exit", "on"], detached: true)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func run(_ arguments: [String], detached: Bool = false) throws -> String {
        guard let tool = Self.path else { throw REPLProcess.Failure(message: "tmux is not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        p.standardInput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        if detached {
            try Self.spawnAndWait(tool, ["-L", socket, "-f", "/dev/null"] + arguments)
            return ""
        }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// posix_spawn and waitpid: Foundation's Process never sees the client exit while the daemon it
    /// forked holds the descriptors Process watches.
    static func spawnAndWait(_ tool: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        // Test runner threads may block signals; the terminal under test needs Ctrl-C (SIGINT) delivered.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGCHLD, SIGHUP, SIGTERM, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, tool, &actions, &attributes, argv, environ)
        guard status == 0 else { throw REPLProcess.Failure(message: "cannot start tmux (\(status))") }
        var exit: Int32 = 0
        _ = waitpid(pid, &exit, 0)
    }

    func keys(_ keys: String...) {
        for key in keys {
            _ = try? run(["send-keys", key])
            usleep(60_000)
        }
    }

    var screen: String { (try? run(["capture-pane", "-p", "-S", "-200"])) ?? "" }
    var screenWithEscapes: String { (try? run(["capture-pane", "-p", "-e", "-t", "0"])) ?? "" }

    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits until the last line is a bare prompt, then a moment more: readline must be reading
    /// again (a Ctrl-D typed ahead, while the terminal is still in cooked mode, is lost).
    func waitForPrompt(seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.last == "claimdesk>" {
                usleep(300_000)
                return true
            }
            usleep(50_000)
        }
        return false
    }

    /// Whether the command has ended (its process is gone), waiting up to `seconds`.
    func waitForExit(seconds: Double = 10) -> Bool {
        guard let pid = pid else { return false }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if kill(pid, 0) != 0 && errno == ESRCH { return true }
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if state.contains(") Z ") { return true }
            usleep(50_000)
        }
        return false
    }

    /// The pane's process.
    lazy var pid: pid_t? = {
        Int32(((try? run(["list-panes", "-F", "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    func close() { _ = try? run(["kill-server"]) }
}
