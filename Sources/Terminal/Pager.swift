import Foundation

/// The terminal's size, as the REPL wraps and pages to it.
public enum TerminalSize {
    /// `COLUMNS` when it holds a positive number (readline keeps it current when the window is
    /// resized), else the width of the terminal on stdout, else 80 (a pipe, a file).
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let n = environment["COLUMNS"].flatMap({ Int($0) }), n > 0 { return n }
        if let size = window(), size.columns > 0 { return size.columns }
        return 80
    }

    /// `LINES` when it holds a positive number, else the height of the terminal on stdout; nil
    /// when stdout is not a terminal.
    public static func rows(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let n = environment["LINES"].flatMap({ Int($0) }), n > 0 { return n }
        return window().flatMap { $0.rows > 0 ? $0.rows : nil }
    }

    static func window() -> (columns: Int, rows: Int)? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// Long text through the analyst's pager: `$PAGER`, else `less -R` (which passes the colours on).
/// Only the terminal loop calls it; a script, a pipe or a file gets the text printed as it is.
///
/// The pager runs through `popen`, in the REPL's own process group, which is the terminal's
/// foreground group: a pager reads its keys from the terminal, and Foundation's `Process` starts
/// its child in a process group of its own, where that read fails (`less` quit at once with
/// status 1 and nothing was shown). While the pager runs, Ctrl-C and Ctrl-\ are the pager's: the
/// REPL ignores them (set after the pager started, so that the pager keeps the default ones) and
/// takes its handlers back after.
public enum Pager {
    /// Shows `text` through the pager when it is taller than the terminal. Returns false when it
    /// showed nothing (the text fits, there is no terminal, or the pager cannot start), so that the
    /// caller prints the text itself.
    public static func page(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let rows = TerminalSize.rows(environment: environment) else { return false }
        var lines = 1
        for scalar in text.unicodeScalars where scalar == "\n" { lines += 1 }
        // The prompt needs a row too.
        guard lines >= rows else { return false }
        let command = environment["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "less -R"
        guard let pipe = popen(command, "w") else { return false }
        // Only once the pager runs: an ignored signal stays ignored across exec, and a pager that
        // sets no handler of its own (`more`, a pipeline) must still stop at Ctrl-C.
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        // A pager quit before reading everything closes the pipe: that is no error of ours.
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGPIPE, previousPipe)
            signal(SIGQUIT, previousQuit)
            signal(SIGINT, previousInterrupt)
        }
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, pipe) }
        let status = pclose(pipe)
        // 126/127: the shell could not run the pager; the text is printed instead.
        let exited = status != -1 && status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        return !(status == -1 || (exited && (code == 126 || code == 127)))
    }
}
