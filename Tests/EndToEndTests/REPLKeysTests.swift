import Foundation
import Testing

/// Single-key mode (`keys on`) through the real `claimdesk annotate`: on a pseudo-terminal (tmux)
/// a key at an empty prompt acts at once and the screen reads as if the verb had been typed; under
/// a pipe lines are read as usual and only the `keys` replies say anything about the mode.
@Suite(.serialized) struct REPLKeysTests {
    static let first = """
        storm · Storm hits coast
        claim 1/2 · doc 1/1 · 0 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor
          extractor   0.90
          verdict     - (unreviewed)
        """
    static let second = """
        storm · Storm hits coast
        claim 2/2 · doc 1/1 · 1 reviewed · #2
          [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      -
          extractor   0.40
          verdict     - (unreviewed)
        """
    static let legend = "[c]onfirm [x]reject [s]kip [u]ndo [n]ext [p]rev [d]oc [?]help · space to type"

    /// The pane without the blank lines tmux pads it with below the last line.
    static func trimmed(_ screen: String) -> String {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
    func oneKeyActsAtAnEmptyPromptOnATerminal() throws {
        let dir = try REPLProcess.storeWithClaims()
        let home = dir.folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": home, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitForPrompt())
        #expect(tmux.pid != nil)
        tmux.keys("keys on", "Enter")
        #expect(tmux.waitFor(Self.legend + "\nclaimdesk>"))
        #expect(tmux.waitForPrompt())
        // No Enter: the key acts, and the line shows the verb it ran.
        tmux.keys("c")
        #expect(tmux.waitFor("confirmed #1"))
        #expect(tmux.waitForPrompt())
        tmux.keys("u")
        #expect(tmux.waitFor("undone: confirm of #1"))
        #expect(tmux.waitForPrompt())
        // The arrows move like n and p.
        tmux.keys("Right")
        #expect(tmux.waitFor("claimdesk> next"))
        #expect(tmux.waitForPrompt())
        tmux.keys("Left")
        #expect(tmux.waitFor("claimdesk> prev"))
        #expect(tmux.waitForPrompt())
        // On a line with text the keys are characters and the arrows move the cursor: `t` starts a
        // typed verb, `c` and `x` follow it, and Left Left puts "cx " before "ok".
        tmux.keys("tag ok", "Left", "Left", "cx ", "Enter")
        #expect(tmux.waitFor("tags of #1: cx, ok"))
        #expect(tmux.waitForPrompt())
        // A space first types any verb, `progress` here (`p` alone would be prev).
        tmux.keys(" progress", "Enter")
        #expect(tmux.waitFor("documents marked done"))
        #expect(tmux.waitForPrompt())
        // Ctrl-C drops the line and draws the legend and the prompt again.
        tmux.keys("garbage", "C-c")
        #expect(tmux.waitFor("claimdesk> garbage^C\n" + Self.legend + "\nclaimdesk>"))
        #expect(tmux.waitForPrompt())
        #expect(Self.trimmed(tmux.screen) == """
            reviewing run "rules" as tm · `help` lists the verbs
            \(Self.first)
            claimdesk> keys on
            single keys on: a key acts at an empty prompt (`help keys` lists them)
            \(Self.legend)
            claimdesk> confirm
            confirmed #1
            \(Self.second)
            \(Self.legend)
            claimdesk> undo
            undone: confirm of #1
            \(Self.first)
            \(Self.legend)
            claimdesk> next
            \(Self.second.replacingOccurrences(of: "1 reviewed", with: "0 reviewed"))
            \(Self.legend)
            claimdesk> prev
            \(Self.first)
            \(Self.legend)
            claimdesk> tag cx ok
            tags of #1: cx, ok
            \(Self.legend)
            claimdesk>  progress
            0 of 2 claims in run "rules" reviewed by tm (0.0%)
            this document: 0/2 claims reviewed
            documents marked done: 0/1
            pace: - (two verdicts less than 10 minutes apart are needed)
            filter: none
            \(Self.legend)
            claimdesk> garbage^C
            \(Self.legend)
            claimdesk>
            """)
        tmux.keys("C-d")
        #expect(tmux.waitForExit(), "\(tmux.screen)")

        // What keys ran stays out of the history; what was typed is in it.
        let history = try String(contentsOfFile: home + "/.claimdesk_history", encoding: .utf8)
        #expect(history == "keys on\ntag cx ok\nprogress\n")

        // Remembered for the analyst: the next session opens in keys mode; `keys off` ends it.
        let again = try Tmux(command: command, environment: ["HOME": home, "NO_COLOR": "1"])
        defer { again.close() }
        #expect(again.waitForPrompt())
        #expect(again.pid != nil)
        again.keys("s")
        #expect(again.waitFor("skipped #1"))
        #expect(again.waitForPrompt())
        again.keys("x")
        #expect(again.waitFor("rejected #2"))
        #expect(again.waitForPrompt())
        // d shows the whole document (short enough here to print without the pager).
        again.keys("d")
        #expect(again.waitFor("claimdesk> doc"))
        #expect(again.waitForPrompt())
        again.keys(" keys off", "Enter")
        #expect(again.waitFor("single keys off"))
        #expect(again.waitForPrompt())
        // Now `c` is a character again: it waits for Enter (and then runs as the alias of confirm).
        again.keys("c")
        #expect(again.waitFor("claimdesk> c"))
        usleep(300_000)
        #expect(!again.screen.contains("confirmed #1"))
        again.keys("Enter")
        #expect(again.waitFor("confirmed #1"))
        #expect(again.waitForPrompt())
        #expect(Self.trimmed(again.screen) == """
            reviewing run "rules" as tm · `help` lists the verbs
            resuming where you stopped
            \(Self.first)
              tags        cx, ok
            \(Self.legend)
            claimdesk> skip
            skipped #1
            \(Self.second.replacingOccurrences(of: "1 reviewed", with: "0 reviewed"))
            \(Self.legend)
            claimdesk> reject
            rejected #2
            \(Self.first.replacingOccurrences(of: "0 reviewed", with: "1 reviewed"))
              tags        cx, ok
            \(Self.legend)
            claimdesk> doc
            storm · Storm hits coast
            2 claims: 1 unreviewed, 1 rejected · current #1

            Storm hits coast

            [[>src#1: The mayor]] [[>cue#1: said]] [[>content#1: the bridge is closed]]. [[src#2✗: Officials]] [[cue#2✗: told]] Reuters [[content#2✗: that repairs will take
            weeks]].

            [[role#N: text]]: ✓ reviewed, ✗ rejected, > current · `help doc` explains
            `goto N` moves to claim #N · `add "CONTENT" …` adds a claim the extractor missed
            \(Self.legend)
            claimdesk>  keys off
            single keys off: type verbs and press Enter
            claimdesk> c
            confirmed #1
            every claim in your queue has your verdict; `done` marks this document reviewed
            claimdesk>
            """)
        again.keys("C-d")
        #expect(again.waitForExit(), "\(again.screen)")
    }

    /// Under a pipe `keys on` is accepted and remembered, but every line is read whole: `c` runs as
    /// the alias it always was, `s` and `x` are no verbs, and no legend appears.
    @Test func underAPipeLinesAreReadAsUsual() throws {
        let dir = try REPLProcess.storeWithClaims()
        // As wide as the tmux pane, so that the screens are the same (80 columns would wrap them).
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "keys on\nc\nq\n",
                                      environment: ["COLUMNS": "160"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            reviewing run "rules" as ana · `help` lists the verbs
            \(Self.first)
            claimdesk> keys on
            single keys on: a key acts at an empty prompt (`help keys` lists them)
            claimdesk> c
            confirmed #1
            \(Self.second)
            claimdesk> q
            bye: every action is saved

            """)
        let again = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "keys\ns\nkeys off\nkeys\n",
                                        environment: ["COLUMNS": "160"])
        #expect(again.status == 1)
        #expect(again.stdout == """
            reviewing run "rules" as ana · `help` lists the verbs
            resuming where you stopped
            \(Self.second)
            claimdesk> keys
            single keys: on (`help keys` lists them)
            claimdesk> s
            error: unknown verb "s"; `help` lists the verbs
            claimdesk> keys off
            single keys off: type verbs and press Enter
            claimdesk> keys
            single keys: off (`keys on` makes one key act at an empty prompt)

            """)
    }
}
