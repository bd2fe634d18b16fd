import ClaimModel
import Foundation
import Testing
import TestSupport
@testable import Terminal
@testable import Workbench

/// Seeded random REPL lines (issue 10): mutations of real commands, with control characters,
/// quotes, backslashes, invalid scalars and huge numbers. The tokenizer and both command parsers
/// never crash, and every refusal is one line that is safe to print as it is.
@Suite struct TokenizerFuzzTests {
    static let lines = [
        "next", "prev", "show 12 --all", "goto storm", "list unreviewed and type anonymous", "context", "confirm",
        "reject \"not a claim\"", "source \"the Shura Council\"", "cue --at 3 9", "content none", "outlet Reuters",
        "type named_person", "anon yes", "entity 'mayor'", "confidence low", "tag price \"a;b\"", "note it's “quoted” \\\"x\\\"",
        "add source \"The mayor\" cue said content \"the bridge\"", "undo", "redo", "done", "filter confidence < 0.5",
        "filter off", "progress", "score", "help note", "quit", "pick ana", "final", "accept",
    ]

    static let pieces = [
        "\u{0}", "\u{1B}", "\u{1B}]52;c;aGk=\u{7}", "\u{1B}[2J", "\u{9B}", "\u{85}", "\u{202E}", "\u{2066}", "\u{FEFF}",
        "\"", "'", "“", "”", "‘", "’", "\\", " ", "\t", "\r", "99999999999999999999999", "-1", "1e999", "--at", "< ", "> ",
        "and", "\u{FFFD}", "a\u{301}\u{301}", "🚀", "#", "--all", "none",
    ]

    static func mutate(_ line: String, _ rng: inout SeededRandom) -> String {
        var scalars = Array(line.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !scalars.isEmpty:
                let i = Int.random(in: 0..<scalars.count, using: &rng)
                scalars[i] = Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &rng))
            case 1 where !scalars.isEmpty:
                scalars.removeSubrange(min(at, scalars.count - 1)..<min(scalars.count, at + Int.random(in: 1...8, using: &rng)))
            case 2:
                scalars.removeSubrange(at..<scalars.count)
            default:
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                scalars.insert(contentsOf: piece.unicodeScalars, at: at)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test func tenThousandMutatedLinesNeverCrashAndEveryRefusalIsOneSafeLine() {
        // FUZZ_SEED / FUZZ_CASES explore beyond the fixed run, as in ReaderFuzzTests.
        let environment = ProcessInfo.processInfo.environment
        var rng = SeededRandom(state: environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x7E_12)
        let cases = environment["FUZZ_CASES"].flatMap { Int($0) } ?? 10_000
        let clock = ContinuousClock()
        let start = clock.now
        var refused = 0
        for n in 0..<cases {
            let line = Self.mutate(Self.lines[Int.random(in: 0..<Self.lines.count, using: &rng)], &rng)
            _ = try? Tokenizer.tokens(line)
            var messages: [String] = []
            do { _ = try Command.parse(line) } catch { messages.append(error.description) }
            do { _ = try AdjudicationCommand.parse(line) } catch { messages.append(error.description) }
            for message in messages where message.contains("\n") || TerminalSafe.escape(message) != message {
                Issue.record("case \(n): \(String(reflecting: line)) gives \(String(reflecting: message))")
                return
            }
            refused += messages.isEmpty ? 0 : 1
        }
        let elapsed = clock.now - start
        #expect(refused > cases / 5, "\(refused) refused")
        #expect(elapsed < .seconds(120 * max(1, cases / 10_000)), "took \(elapsed)")
    }
}
