import CReadline
import Foundation
import Workbench

/// Where REPL lines come from.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input (Ctrl-D).
    mutating func read(prompt: String) -> String?
    /// Whether the transcript should show each line after its prompt (the input is not a terminal).
    var echoes: Bool { get }
    /// Single-key mode for the next reads: these keys act at an empty prompt (nil: none does).
    /// Only a terminal reader acts on it; scripts and pipes read lines as usual.
    mutating func use(keys: KeyMap?)
}

extension LineReader {
    public mutating func use(keys: KeyMap?) {}
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
    /// The keys bound to act at an empty prompt (nil: single-key mode is off).
    private var keys: KeyMap?
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

    /// Binds the map's keys to `ReadlineKeys.act` (and the previous map's back to self-insert).
    public func use(keys: KeyMap?) {
        guard keys != self.keys else { return }
        for key in self.keys?.keys ?? [] {
            if let byte = key.key.asciiValue { rl_bind_key(Int32(byte), rl_insert) }
        }
        var lines: [Int32: String] = [:]
        for key in keys?.keys ?? [] {
            guard let byte = key.key.asciiValue else { continue }
            lines[Int32(byte)] = key.line
            rl_bind_key(Int32(byte), ReadlineKeys.act)
        }
        ReadlineKeys.lines = lines
        self.keys = keys
    }

    public func read(prompt: String) -> String? {
        // In keys mode the legend sits on its own line above the prompt (readline redraws only the
        // prompt's last line while editing).
        ReadlineKeys.acted = false
        guard let raw = readline(keys.map { $0.legend + "\n" + prompt } ?? prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        let entry = line.trimmingCharacters(in: .whitespaces)
        // A verb run by a key stays out of the history: Up recalls what was typed.
        if !ReadlineKeys.acted && !entry.isEmpty && entry != lastLine {
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

/// The key handler readline calls for each key of the single-key map.
enum ReadlineKeys {
    /// The line each bound key stands for, by its byte.
    nonisolated(unsafe) static var lines: [Int32: String] = [:]
    /// Whether the line being read was produced by a key (it then stays out of the history).
    nonisolated(unsafe) static var acted = false

    /// On an empty line: the key's verb becomes the line and is accepted, so the screen shows
    /// `claimdesk> confirm` as if typed. On a line with text: the key is just its character.
    static let act: @convention(c) (Int32, Int32) -> Int32 = { count, key in
        guard cd_rl_end() == 0, let line = lines[key] else { return rl_insert(count, key) }
        acted = true
        _ = line.withCString { rl_insert_text($0) }
        // Accepting the line does not redraw it; without this the verb would never show.
        rl_redisplay()
        return rl_newline(1, 10)
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
