import ClaimStore
import Testing
@testable import Terminal

/// Single-key mode's table and its verbs (`keys`, `skip`) inside a session; the terminal side is
/// tested on a real pseudo-terminal in EndToEndTests/REPLKeysTests.
@Suite struct KeyMapTests {
    @Test func everyKeyNamesOneExistingVerbAndNoKeyIsBoundTwice() {
        let keys = KeyMap.review.keys
        #expect(keys.map(\.key) == ["c", "x", "r", "s", "u", "n", "p", "d", "?", "→", "←"])
        for key in keys {
            #expect(Verb.named(key.line)?.name == key.line, "key \(key.key) runs \(key.line), which is no verb")
            // One byte readline can bind (a space starts a typed verb), or an arrow's escape sequences.
            let byte = key.key.asciiValue
            #expect(byte.map { $0 > 32 && $0 < 127 && !key.key.isUppercase } ?? (KeyMap.Key.arrowSequences(key.key).count == 2))
        }
        #expect(KeyMap.Key.arrowSequences("→") == ["\u{1B}[C", "\u{1B}OC"] && KeyMap.Key.arrowSequences("c") == [])
        #expect(Set(keys.map(\.key)).count == keys.count)
        // The legend shows each verb once.
        let shown = keys.filter(\.shown).map(\.line)
        #expect(Set(shown).count == shown.count)
        #expect(Set(shown) == Set(keys.map(\.line)))
        #expect(KeyMap.review.line(for: "x") == "reject" && KeyMap.review.line(for: "r") == "reject")
        #expect(KeyMap.review.line(for: "t") == nil)
    }

    @Test func theLegendAndHelpKeys() {
        #expect(KeyMap.review.legend == "[c]onfirm [x]reject [s]kip [u]ndo [n]ext [p]rev [d]oc [?]help · space to type")
        #expect(KeyMap.review.legend.count <= 80)
        #expect(Session.help(Verb.keys) == """
            usage: keys [on|off]
            single-key mode: at an empty prompt one key acts at once (c confirms…)
            Remembered for you. Typed verbs still work: a space first, then the verb (the keys act only on an empty line).
            On a terminal the keys are shown above the prompt; under a pipe lines are read as usual.
            The keys:
              c  confirm
              x  reject
              r  reject
              s  skip
              u  undo
              n  next
              p  prev
              d  doc
              ?  help
              →  next
              ←  prev
            """)
    }

    @Test func keysIsRememberedPerAnalystAndRefusesOtherWords() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript(["keys", "keys on", "keys", "keys maybe", "keys on off", "q"])
        #expect(text.hasSuffix("""
            claimdesk> keys
            single keys: off (`keys on` makes one key act at an empty prompt)
            claimdesk> keys on
            single keys on: a key acts at an empty prompt (`help keys` lists them)
            claimdesk> keys
            single keys: on (`help keys` lists them)
            claimdesk> keys maybe
            error: keys: expected on or off, not "maybe" (usage: keys [on|off])
            claimdesk> keys on off
            error: keys: takes on or off (usage: keys [on|off])
            claimdesk> q
            bye: every action is saved

            """))
        #expect(try fixture.store.preference("keys", annotator: "ana") == "on")
        #expect(try fixture.session("ana").singleKeys)
        #expect(try fixture.session("ana").keyMap == .review)
        #expect(try !fixture.session("bo").singleKeys)
        #expect(try fixture.session("bo").keyMap == nil)
        _ = try fixture.transcript(["keys off"])
        #expect(try fixture.store.preference("keys", annotator: "ana") == "off")
        #expect(try !fixture.session("ana").singleKeys)
    }

    /// The loop hands the reader the session's keys before each read: none until `keys on`.
    @Test func theLoopGivesTheReaderTheKeysBeforeEachRead() throws {
        struct Recording: LineReader {
            var lines: [String]
            var seen: [KeyMap?] = []
            var echoes: Bool { true }
            mutating func use(keys: KeyMap?) { seen.append(keys) }
            mutating func read(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
        }
        let fixture = try REPLFixture()
        var reader = Recording(lines: ["progress", "keys on", "keys off"])
        _ = REPL.run(try fixture.session(), reader: &reader) { _ in }
        #expect(reader.seen == [nil, nil, .review, nil])
    }

    /// Ctrl-D on a terminal (a reader that does not echo) says `quit`'s goodbye; a script's end
    /// (an echoing reader) just ends, as before.
    @Test func ctrlDOnATerminalSaysGoodbyeAsQuitDoes() throws {
        struct Terminal: LineReader {
            var lines: [String]
            var echoes: Bool
            mutating func read(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
        }
        func ending(_ session: some LineSession, echoes: Bool) -> String {
            var reader = Terminal(lines: [], echoes: echoes)
            var out = ""
            _ = REPL.run(session, reader: &reader) { out += $0 }
            return out
        }
        let fixture = try REPLFixture()
        #expect(ending(try fixture.session(), echoes: false).hasSuffix("\n\nbye: every action is saved\n"))
        #expect(!ending(try fixture.session(), echoes: true).contains("bye"))
        let adjudication = try AdjudicationFixture()
        #expect(ending(try adjudication.session(), echoes: false).hasSuffix("\n\nbye: every adjudication is saved\n"))
        // At accept-above's question, Ctrl-D answers no first, as an empty line does.
        var asked = Terminal(lines: ["accept-above 0.5"], echoes: false)
        var out = ""
        let asking = try fixture.session()
        asking.asksBeforeBulk = true
        _ = REPL.run(asking, reader: &asked) { out += $0 }
        #expect(out.hasSuffix("\nnothing accepted\nbye: every action is saved\n"))
        #expect(try fixture.store.annotations().isEmpty)
    }

    @Test func skipLeavesTheClaimWithoutAVerdictAndMovesToTheNextUnreviewedOne() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript(["c", "skip", "skip", "r", "c", "skip", "progress"])
        #expect(text.contains("""
            claimdesk> skip
            skipped #2
            storm · Storm hits coast
            claim 3/4 · doc 1/1 · 1 reviewed · #3
            """))
        // From #3 the queue goes on to #4, then wraps to #2; the last one left cannot be skipped past.
        #expect(text.contains("""
            claimdesk> skip
            skipped #3
            storm · Storm hits coast
            claim 4/4 · doc 1/1 · 1 reviewed · #4
            """))
        #expect(text.contains("""
            claimdesk> r
            rejected #4
            storm · Storm hits coast
            claim 2/4 · doc 1/1 · 2 reviewed · #2
            """))
        #expect(text.contains("""
            claimdesk> skip
            skipped #3: no other claim in your queue is without your verdict
            claimdesk> progress
            3 of 4 claims in run "rules" reviewed by ana (75.0%)
            """))
        // A skip writes nothing to the log.
        #expect(try fixture.store.annotations(annotator: "ana", runID: fixture.runID).map(\.entry.action.kind.rawValue) == ["confirm", "reject", "confirm"])
    }
}
