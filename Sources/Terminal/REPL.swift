import ClaimModel
import Foundation
import Workbench

/// What the loop drives: a first screen, then one reply per line (`Session`, `AdjudicationSession`).
public protocol LineSession: AnyObject {
    func opening() -> String
    func execute(_ line: String) -> Reply
    /// TAB completions for `word`, typed after `before` on the line.
    func completions(before: String, word: String) -> [String]
    /// The keys that act at an empty prompt, while single-key mode is on (nil: every key types).
    var keyMap: KeyMap? { get }
}

extension LineSession {
    public var keyMap: KeyMap? { nil }
}

extension Session: LineSession {
    public var keyMap: KeyMap? { singleKeys ? .review : nil }
}

/// The read-execute-print loop around a `Session` (or any `LineSession`).
public enum REPL {
    public static let prompt = "claimdesk> "

    /// Runs until `quit`, Ctrl-D (on a terminal it says `quit`'s goodbye) or the end of input.
    /// Returns the exit status: 1 when reading a script (not a terminal) and a command was refused,
    /// else 0. A long reply meant for a pager (`doc`) is handed to `page`, which returns false when
    /// it showed nothing.
    public static func run(_ session: some LineSession, reader: inout some LineReader, write: (String) -> Void,
                           page: (String) -> Bool = { _ in false }) -> Int32 {
        write(session.opening() + "\n")
        var refused = 0
        // A session's question (accept-above's y/N) takes the prompt's place for one line.
        var asking: String?
        while true {
            // A question is answered with a typed word, never a single key.
            reader.use(keys: asking == nil ? session.keyMap : nil)
            let shown = asking ?? prompt
            asking = nil
            guard let line = reader.read(prompt: shown) else {
                // Ctrl-D on a terminal leaves as `quit` does, with its goodbye (a script just ends);
                // at a question (accept-above's y/N) it first answers no, as an empty line does.
                if !reader.echoes {
                    let declined = shown == prompt ? "" : session.execute("").text
                    write("\n" + (declined.isEmpty ? "" : declined + "\n") + session.execute("quit").text + "\n")
                }
                break
            }
            if reader.echoes { write(shown + TerminalSafe.escape(line) + "\n") }
            // SQLite would store a note or a tag cut at a NUL: refuse the line before any verb sees it.
            let reply = line.utf8.contains(0)
                ? Reply(text: "error: the line contains a NUL character (U+0000), which ClaimDesk cannot store; nothing changed", failed: true)
                : session.execute(line)
            if !reply.text.isEmpty && !(reply.paged && page(reply.text)) { write(reply.text + "\n") }
            asking = reply.prompt
            if reply.failed { refused += 1 }
            if reply.quit { break }
        }
        return reader.echoes && refused > 0 ? 1 : 0
    }

    /// The whole transcript of a scripted session (tests, and `claimdesk annotate < FILE`).
    public static func transcript(_ session: some LineSession, lines: [String]) -> (text: String, status: Int32) {
        var reader = ScriptedLineReader(lines)
        var out = ""
        let status = run(session, reader: &reader) { out += $0 }
        return (out, status)
    }

    /// Runs `session` on this process's terminal: readline (history in ~/.claimdesk_history, TAB
    /// completion) when stdin is a terminal, plain echoed lines otherwise. Returns the exit status.
    public static func runOnTerminal(_ session: some LineSession) -> Int32 {
        guard isatty(0) == 1 else {
            var reader = PlainLineReader()
            return run(session, reader: &reader, write: writeStdout)
        }
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        var reader = ReadlineLineReader(historyPath: home.map { $0 + "/.claimdesk_history" }) { before, word in
            session.completions(before: before, word: word)
        }
        // The pager only on a terminal: under a pipe the text is printed as it is.
        let status = run(session, reader: &reader, write: writeStdout, page: { isatty(1) == 1 && Pager.page($0) })
        reader.close()
        return status
    }

    /// Writes to stdout at once (unbuffered), so the screen never lags behind the store.
    public static func writeStdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
