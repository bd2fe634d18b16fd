import Foundation
import Testing

/// A real pager reads its keys from the terminal (`less` opens /dev/tty). Started by Foundation's
/// `Process`, in a process group of its own, that read failed and `less` quit at once: `doc` on a
/// long document showed nothing on a terminal. The pager here reads a key from /dev/tty as `less`
/// does, and the REPL must stay alive through a Ctrl-C meant for the pager.
@Suite struct PagerTerminalTests {
    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
    func thePagerReadsItsKeysFromTheTerminal() throws {
        let dir = try DocEndToEndTests.storeWithALongDocument(lines: 60)
        let paged = dir.folder + "/paged.txt"
        let pager = "trap '' INT; cat > '\(paged)'; printf 'pager waits: '; read key < /dev/tty; echo \"pager read [$key]\""
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": dir.folder, "NO_COLOR": "1", "PAGER": pager])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        tmux.keys("doc", "Enter")
        #expect(tmux.waitFor("pager waits:"))
        // Ctrl-C at the pager is the pager's business: the REPL neither dies nor redraws its prompt.
        tmux.keys("C-c")
        tmux.keys("k", "Enter")
        #expect(tmux.waitFor("pager read [k]"))
        #expect(tmux.waitForPrompt())
        #expect(try String(contentsOfFile: paged, encoding: .utf8).contains("Speaker 30 said point 30 matters."))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit())
    }
}
