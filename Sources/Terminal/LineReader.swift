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

    /// Binds the map's keys to act at an empty line, and the previous map's keys back to what they
    /// did (self-insert; cursor motion for the arrows), in the emacs and the vi insertion keymaps.
    public func use(keys: KeyMap?) {
        guard keys != self.keys else { return }
        for key in self.keys?.keys ?? [] { ReadlineKeys.bind(key.key, acting: false) }
        for key in keys?.keys ?? [] { ReadlineKeys.bind(key.key, acting: true) }
        ReadlineKeys.lines = Dictionary(keys?.keys.map { ($0.key, $0.line) } ?? [], uniquingKeysWith: { first, _ in first })
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

/// The key handlers readline calls for the keys of the single-key map.
enum ReadlineKeys {
    /// The line each bound key stands for.
    nonisolated(unsafe) static var lines: [Character: String] = [:]
    /// Whether the line being read was produced by a key (it then stays out of the history).
    nonisolated(unsafe) static var acted = false

    static let keymaps = ["emacs", "vi-insert"]

    /// Binds `key` to its handler (`acting`) or back to readline's own function for it.
    static func bind(_ key: Character, acting: Bool) {
        for name in keymaps {
            guard let map = rl_get_keymap_by_name(name) else { continue }
            switch key {
            case "→", "←":
                let handler = key == "→" ? (acting ? right : rl_forward_char) : (acting ? left : rl_backward_char)
                for sequence in KeyMap.Key.arrowSequences(key) { rl_bind_keyseq_in_map(sequence, handler, map) }
            default:
                guard let byte = key.asciiValue else { continue }
                rl_bind_key_in_map(Int32(byte), acting ? character : rl_insert, map)
            }
        }
    }

    /// On an empty line: the key's verb becomes the line and is accepted, so the screen shows
    /// `claimdesk> confirm` as if typed; nil on a line with text (the key then does what it always does).
    static func act(_ key: Character) -> Int32? {
        guard cd_rl_end() == 0, let line = lines[key] else { return nil }
        acted = true
        _ = line.withCString { rl_insert_text($0) }
        // Accepting the line does not redraw it; without this the verb would never show.
        rl_redisplay()
        return rl_newline(1, 10)
    }

    static let character: @convention(c) (Int32, Int32) -> Int32 = { count, key in
        guard let scalar = Unicode.Scalar(UInt32(key)), let acted = act(Character(scalar)) else { return rl_insert(count, key) }
        return acted
    }
    static let right: @convention(c) (Int32, Int32) -> Int32 = { count, key in act("→") ?? rl_forward_char(count, key) }
    static let left: @convention(c) (Int32, Int32) -> Int32 = { count, key in act("←") ?? rl_backward_char(count, key) }
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
