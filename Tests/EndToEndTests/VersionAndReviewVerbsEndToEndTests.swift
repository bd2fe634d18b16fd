import Foundation
import Testing

/// `claimdesk --version`, the versions in the dataset card, and the review verbs of issue 12
/// (boundary nudges, untag, goto by prefix, progress) through the real binary under a pipe.
@Suite(.serialized) struct VersionAndReviewVerbsEndToEndTests {
    @Test func versionPrintsClaimDeskAndTheExtractor() throws {
        let out = try CLI.run(["--version"])
        #expect(out.status == 0)
        #expect(out.stdout == "claimdesk 0.5.0 (rules extractor 0.4.11)\n")
        #expect(out.stderr == "")
    }

    @Test func pipedSessionNudgesUntagsGoesToADocumentByPrefixAndCountsProgress() throws {
        let dir = try REPLProcess.storeWithClaims()
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"],
                                      stdin: "content -1 0\ncontent 0 +3\ntag wire urgent\nuntag wire\ngoto sto\nc\nc\nprogress\nq\n")
        // One line was refused (the end cannot grow): a scripted session then ends with status 1.
        #expect(run.status == 1)
        let lines = run.stdout.components(separatedBy: "\n")
        for expected in [
            "claimdesk> content -1 0",
            "content: [-the-] bridge is closed (33-53 → 37-53)",
            "  [[src: The mayor]] [[cue: said]] the [[con: bridge is closed]].",
            "claimdesk> content 0 +3",
            // Replies wrap at word boundaries to the width (80 columns under a pipe).
            "error: content 0 +3: its sentence has 0 words after the content; the end cannot",
            "grow by 3 words; nothing changed",
            "claimdesk> untag wire",
            "tags of #1: urgent",
            "claimdesk> goto sto",
            "corrected #1",
            "confirmed #2",
            "every claim in your queue has your verdict; `done` marks this document reviewed",
            "2 of 2 claims in run \"rules\" reviewed by ana (100.0%)",
            "this document: 2/2 claims reviewed",
            "pace: - (verdicts under a second apart: a replayed or scripted session)",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }

    @Test func theDatasetCardStatesTheVersions() throws {
        let dir = try REPLProcess.storeWithClaims()
        let review = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "c\nc\ndone\nq\n")
        #expect(review.status == 0, "\(review.stderr)")
        let out = dir.folder + "/gold.jsonl"
        let export = try CLI.run(["--db", dir.store, "export", "--gold", "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("wrote 2 attributions in 1 document to \(out)"))
        let card = try String(contentsOfFile: out + ".card.md", encoding: .utf8)
        #expect(card.contains("\n- Made with: ClaimDesk 0.5.0, rules extractor 0.4.11\n- Format: "))
        let json = try String(contentsOfFile: out + ".card.json", encoding: .utf8)
        #expect(json.contains("\n  \"claimdesk_version\": \"0.5.0\",\n  \"extractor_version\": \"0.4.11\",\n"))
    }
}

/// The same verbs on a real pseudo-terminal (tmux): TAB completes doc_ids after `goto` and the
/// claim's tags after `untag`; a nudge's word diff and its undo.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
struct ReviewVerbsTerminalTests {
    @Test func tabCompletesDocIDsAndTagsAndANudgeShowsItsDiff() throws {
        let dir = try REPLProcess.storeWithClaims()
        let home = dir.folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let tmux = try Tmux(command: [CLI.executable.path, "--db", dir.store, "annotate", "--annotator", "tm"],
                            environment: ["HOME": home, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitFor("claimdesk>"))
        tmux.keys("n", "Enter")
        #expect(tmux.waitFor("claim 2/2 · doc 1/1 · 0 reviewed · #2"))
        tmux.keys("goto st", "Tab")
        #expect(tmux.waitFor("claimdesk> goto storm"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("claim 1/2 · doc 1/1 · 0 reviewed · #1"))
        tmux.keys("tag wire", "Enter")
        #expect(tmux.waitFor("tags of #1: wire"))
        tmux.keys("untag ", "Tab")
        #expect(tmux.waitFor("claimdesk> untag wire"))
        tmux.keys("Enter")
        #expect(tmux.waitFor("tags of #1: none"))
        tmux.keys("source 0 +1", "Enter")
        #expect(tmux.waitFor("source: The mayor {+said+} (18-27 → 18-32)"))
        tmux.keys("undo", "Enter")
        #expect(tmux.waitFor("undone: correct source of #1"))
        #expect(tmux.waitForPrompt())
        tmux.keys("C-d")
        #expect(tmux.waitForExit(), "\(tmux.screen)")
    }
}
