import Foundation
import Testing
import TestSupport

/// `doc` through the real `claimdesk annotate`: printed as it is under a pipe (no pager even when
/// $PAGER is set), through $PAGER on a terminal when taller than the window, wrapped to the width.
@Suite(.serialized) struct DocEndToEndTests {
    @Test func underAPipeTheDocumentIsPrintedWrappedToColumns() throws {
        let dir = try REPLProcess.storeWithClaims()
        let marker = dir.folder + "/pager-ran"
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "doc\nc\nshow --doc\nq\n",
                                      environment: ["COLUMNS": "50", "PAGER": "touch '\(marker)'"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(!FileManager.default.fileExists(atPath: marker))
        let doc = run.stdout.components(separatedBy: "claimdesk> doc\n").last?.components(separatedBy: "claimdesk> c\n").first
        #expect(doc == """
            storm · Storm hits coast
            2 claims: 2 unreviewed · current #1

            Storm hits coast

            [[>src#1: The mayor]] [[>cue#1: said]]
            [[>content#1: the bridge is closed]].
            [[src#2: Officials]] [[cue#2: told]] Reuters
            [[content#2: that repairs will take weeks]].

            [[role#N: text]]: ✓ reviewed, ✗ rejected,
            > current · `help doc` explains
            `goto N` moves to claim #N · `add "CONTENT" …`
            adds a claim the extractor missed

            """)
        let shown = run.stdout.components(separatedBy: "claimdesk> show --doc\n").last?.components(separatedBy: "claimdesk> q\n").first
        #expect(shown?.hasPrefix("""
            storm · Storm hits coast
            2 claims: 1 unreviewed, 1 reviewed · current #2

            Storm hits coast

            [[src#1✓: The mayor]] [[cue#1✓: said]]
            [[content#1✓: the bridge is closed]].
            [[>src#2: Officials]] [[>cue#2: told]] Reuters
            [[>content#2: that repairs will take weeks]].

            """) == true)
        // Every line of the transcript but the echoed commands fits in 50 columns.
        for line in run.stdout.split(separator: "\n") where !line.hasPrefix("claimdesk> ") { #expect(line.count <= 50, "\(line)") }
    }

    /// A store with a document of `lines` short lines, one claim on its first line.
    static func storeWithALongDocument(lines: Int) throws -> (folder: String, store: String, text: String) {
        let folder = try ProcessScratch.folder(prefix: "claimdesk-doc")
        let text = "Long read\n\n" + (1...lines).map { "Speaker \($0) said point \($0) matters." }.joined(separator: "\n")
        let start = "Long read\n\n".unicodeScalars.count
        let line = """
            {"doc_id": "long", "title": "Long read", "text": "\(text.replacingOccurrences(of: "\n", with: "\\n"))", "attributions": [\
            {"source": [\(start), \(start + 9)], "cue": [\(start + 10), \(start + 14)], "content": [\(start + 15), \(start + 30)], \
            "source_type": "named_person", "confidence": 0.9}]}
            """
        try (line + "\n").write(toFile: folder + "/long.jsonl", atomically: true, encoding: .utf8)
        let store = folder + "/store.sqlite"
        let imported = try REPLProcess.run(["--db", store, "import-claims", folder + "/long.jsonl", "--run", "rules"], stdin: "")
        guard imported.status == 0 else { throw REPLProcess.Failure(message: "import-claims failed: \(imported.stderr)") }
        return (folder, store, text)
    }

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
    func onATerminalALongDocumentGoesThroughThePager() throws {
        let dir = try Self.storeWithALongDocument(lines: 60)
        let paged = dir.folder + "/paged.txt"
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: [
            "HOME": dir.folder, "NO_COLOR": "1", "PAGER": "cat > '\(paged)'; echo pager-was-here",
        ])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        tmux.keys("doc", "Enter")
        #expect(tmux.waitFor("pager-was-here"))
        #expect(tmux.waitForPrompt())
        let body = (1...60).map { $0 == 1 ? "[[>src#1: Speaker 1]] [[>cue#1: said]] [[>content#1: point 1 matters]]." : "Speaker \($0) said point \($0) matters." }
        let expected = ["long · Long read", "1 claim: 1 unreviewed · current #1", "", "Long read", ""] + body + [
            "", "[[role#N: text]]: ✓ reviewed, ✗ rejected, > current · `help doc` explains",
            "`goto N` moves to claim #N · `add \"CONTENT\" …` adds a claim the extractor missed",
        ]
        let got = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(got == expected.joined(separator: "\n") + "\n", "\(got.debugDescription)")
        // The document went to the pager, not to the screen.
        #expect(!tmux.screen.contains("Speaker 30 said"))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit())
    }

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
    func onATerminalAShortDocumentIsPrintedInColourWithTheLegend() throws {
        let dir = try REPLProcess.storeWithClaims()
        let marker = dir.folder + "/pager-ran"
        let command = [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"]
        let tmux = try Tmux(command: command, environment: ["HOME": dir.folder, "PAGER": "touch '\(marker)'"])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        // The legend on the first screen, in colour.
        #expect(tmux.screen.contains("colours: source cue content · unreviewed reviewed rejected current"))
        tmux.keys("doc", "Enter")
        #expect(tmux.waitFor("2 claims: 2 unreviewed · current #1"))
        #expect(tmux.waitForPrompt())
        let screen = tmux.screen
        #expect(screen.contains("""
            Storm hits coast

            #1The mayor #1said #1the bridge is closed. #2Officials #2told Reuters #2that repairs will take weeks.

            colours: source cue content · unreviewed reviewed rejected current
            `goto N` moves to claim #N · `add "CONTENT" …` adds a claim the extractor missed
            """))
        #expect(!screen.contains("[[src"))
        #expect(tmux.screenWithEscapes.contains("Officials"))
        #expect(!FileManager.default.fileExists(atPath: marker))
        tmux.keys("q", "Enter")
        #expect(tmux.waitForExit())
    }
}
