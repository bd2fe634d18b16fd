import CReadline
import Foundation
import Workbench

/// Where REPL lines come from.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input (Ctrl-D).
    mutating func read(prompt: String) -> String?
    /// Whether the transcript should show each line after its prompt (the input is not a terminal).
    var echoes: Bool { get }
}

/// Plain line reading for scripts and pipes: no readline, no terminal control.
public struct PlainLineReader: LineReader {
    public init() {}
    public var echoes: Bool { true }
    public mutating func read(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
}

/// Lines from a list (tests).
public struct ScriptedLineReader: LineReader {
    var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public var echoes: Bool { true }
    public mutating func read(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// GNU readline: line editing, persistent history, TAB completion, Ctrl-C clears the line.
/// Only ever used when stdin is a terminal.
public final class ReadlineLineReader: LineReader {
    let historyPath: String?
    private var lastLine: String?
    public var echoes: Bool { false }

    /// `completer(lineBeforeWord, word)` gives the candidates for the word under the cursor.
    public init(historyPath: String?, completer: @escaping (String, String) -> [String]) {
        self.historyPath = historyPath
        ReadlineCompletion.provider = completer
        cd_rl_set_readline_name(ReadlineCompletion.name)
        cd_rl_set_completer_quote_characters(ReadlineCompletion.quotes)
        cd_rl_set_completion(ReadlineCompletion.attempt)
        for binding in ["set revert-all-at-newline on", "set enable-bracketed-paste on"] {
            if let copy = strdup(binding) {
                rl_parse_and_bind(copy)
                free(copy)
            }
        }
        using_history()
        if let historyPath {
            if !FileManager.default.fileExists(atPath: historyPath) {
                _ = FileManager.default.createFile(atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            read_history(historyPath)
        }
        cd_rl_install_sigint_handler()
    }

    public func read(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        let entry = line.trimmingCharacters(in: .whitespaces)
        if !entry.isEmpty && entry != lastLine {
            add_history(entry)
            lastLine = entry
            // Appended at once, so a crash or kill loses no history either.
            if let historyPath { append_history(1, historyPath) }
        }
        return line
    }

    /// Keeps the history file to its last 1000 lines.
    public func close() {
        if let historyPath { history_truncate_file(historyPath, 1000) }
    }
}

/// The C callbacks readline calls for TAB; they read the candidates from here.
enum ReadlineCompletion {
    nonisolated(unsafe) static var provider: ((String, String) -> [String])?
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var next = 0
    nonisolated(unsafe) static let name = cString("claimdesk")
    nonisolated(unsafe) static let quotes = cString("\"'")

    /// A C string that lives as long as the program (readline keeps the pointer).
    static func cString(_ s: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        cd_rl_set_completion_over(1)
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = cd_rl_line_buffer() {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(start))
            before = String(decoding: bytes, as: UTF8.self)
        }
        matches = provider?(before, word) ?? []
        next = 0
        if matches.isEmpty { return nil }
        return rl_completion_matches(text, generate)
    }

    static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { next = 0 }
        guard next < matches.count else { return nil }
        defer { next += 1 }
        return strdup(matches[next])
    }
}
