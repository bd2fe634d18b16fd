import Foundation
import Testing
import TestSupport

/// The real `claimdesk adjudicate` binary: two annotators disagree, an adjudicator decides, `score` includes the document.
@Suite(.serialized) struct AdjudicateTests {
    /// The storm store with ana confirming both claims and bo rejecting the second; both marked done.
    static func disputedStore() throws -> String {
        let dir = try REPLProcess.storeWithClaims()
        for (name, script) in [("ana", "c\nc\ndone\nq\n"), ("bo", "c\nr\ndone\nq\n")] {
            let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", name], stdin: script)
            guard run.status == 0 else { throw REPLProcess.Failure(message: "annotate failed: \(run.stdout)\(run.stderr)") }
        }
        return dir.store
    }

    @Test func scriptedAdjudicationDecidesTheDisputeAndScoreIncludesTheDocument() throws {
        let store = try Self.disputedStore()
        let before = try REPLProcess.run(["--db", store, "score", "--run", "rules"], stdin: "")
        #expect(before.status == 1)

        let run = try REPLProcess.run(["--db", store, "adjudicate"], stdin: "pick bo\nq\n", environment: ["CLAIMDESK_ANNOTATOR": "cy"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        // Under a pipe without COLUMNS replies wrap at 80 columns, as annotate's do: the table is
        // wider, so each annotator's view is a block.
        #expect(run.stdout == """
            adjudicating run "rules" as cy · 1 disputed claim in 1 document · 1 unanimous
            claim accepted without a stop · `help` lists the verbs
            storm · Storm hits coast
            disputed 1/1 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take
              weeks]].
              ana: confirmed
                source "Officials"; cue "told"; content "that repairs will take weeks";
                outlet Reuters; type anonymous; anon yes
              bo: rejected
                source "Officials"; cue "told"; content "that repairs will take weeks";
                outlet Reuters; type anonymous; anon yes
              differ: verdict
            claimdesk> pick bo
            picked bo's view of #2: rejected
            every disputed claim is adjudicated: their documents now enter the gold
            (`claimdesk score --run rules`)
            claimdesk> q
            bye: every adjudication is saved

            """)
        let log = try SQLiteShell.run(store, "SELECT annotator, action, attributionId, fields FROM annotation WHERE annotator = 'cy'")
        #expect(log == #"cy|reject|2|{"picked":"bo","adjudication":true}"#)

        let after = try REPLProcess.run(["--db", store, "score", "--run", "rules"], stdin: "")
        #expect(after.status == 0)
        #expect(after.stdout.contains("gold: 1/1 documents done, 2/2 claims in them reviewed"))
        #expect(after.stdout.contains("claim           P 0.500 (1/2)  R 1.000 (1/1)  F1 0.667"))
    }

    /// `adjudicate` as cy on `store`, 200 columns wide.
    static func adjudicateAsCy(_ store: String, stdin: String) throws -> REPLProcess.Result {
        try REPLProcess.run(["--db", store, "adjudicate", "--annotator", "cy"], stdin: stdin, environment: ["COLUMNS": "200"])
    }

    @Test func refusedCommandsExitOneAndAnUnknownDocumentIsAUserError() throws {
        let store = try Self.disputedStore()
        let refused = try Self.adjudicateAsCy(store, stdin: "pick zed\nq\n")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("""
            claimdesk> pick zed
            error: pick: "zed" did not mark this document done; pick one of ana, bo; nothing changed
            """))
        let unknown = try REPLProcess.run(["--db", store, "adjudicate", "--annotator", "cy", "--doc", "nowhere"], stdin: "")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "claimdesk: no document \"nowhere\" in this run\n")
    }

    /// Single keys and the width through the real binary under a pipe: `keys on` is remembered for
    /// the adjudicator (and read by their `annotate`), lines are still read whole, and COLUMNS wide
    /// enough keeps the annotators' table.
    @Test func keysAreRememberedAndTheCardFollowsColumns() throws {
        let store = try Self.disputedStore()
        let first = try Self.adjudicateAsCy(store, stdin: "keys\nkeys on\nq\n")
        #expect(first.status == 0)
        #expect(first.stdout.hasSuffix("""
            claimdesk> keys
            single keys: off (`keys on` makes one key act at an empty prompt)
            claimdesk> keys on
            single keys on: a key acts at an empty prompt (`help keys` lists them)
            claimdesk> q
            bye: every adjudication is saved

            """))
        let second = try Self.adjudicateAsCy(store, stdin: "keys\nr\nq\n")
        #expect(second.status == 0)
        #expect(second.stdout == """
            adjudicating run "rules" as cy · 1 disputed claim in 1 document · 1 unanimous claim accepted without a stop · `help` lists the verbs
            storm · Storm hits coast
            disputed 1/1 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              annotator  verdict    source       cue     content                         outlet   type       anon  entity  confidence  note
              ana        confirmed  "Officials"  "told"  "that repairs will take weeks"  Reuters  anonymous  yes   -       -           -
              bo         rejected   "Officials"  "told"  "that repairs will take weeks"  Reuters  anonymous  yes   -       -           -
              differ: verdict
            claimdesk> keys
            single keys: on (`help keys` lists them)
            claimdesk> r
            rejected #2 (adjudicated)
            every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run rules`)
            claimdesk> q
            bye: every adjudication is saved

            """)
        let annotate = try REPLProcess.run(["--db", store, "annotate", "--annotator", "cy"], stdin: "keys\nq\n")
        #expect(annotate.stdout.contains("claimdesk> keys\nsingle keys: on (`help keys` lists them)\n"))
    }

    /// On a terminal (tmux) a key at an empty prompt acts at once, the legend above the prompt.
    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed: run scripts/setup.sh to test the REPL under a terminal"))
    func oneKeyDecidesAtAnEmptyPromptOnATerminal() throws {
        let store = try Self.disputedStore()
        let home = try ProcessScratch.folder(prefix: "claimdesk-home")
        let tmux = try Tmux(command: [CLI.executable.path, "--db", store, "adjudicate", "--annotator", "tm"],
                            environment: ["HOME": home, "NO_COLOR": "1"])
        defer { tmux.close() }
        #expect(tmux.waitForPrompt())
        tmux.keys("keys on", "Enter")
        let legend = "[1-9]pick [c]onfirm [x]reject [s]kip [u]ndo [n]ext [?]help · space to type"
        #expect(tmux.waitFor(legend + "\nclaimdesk>"))
        #expect(tmux.waitForPrompt())
        tmux.keys("x")
        #expect(tmux.waitFor("claimdesk> reject\nrejected #2 (adjudicated)"), "\(tmux.screen)")
        #expect(tmux.waitForPrompt())
        tmux.keys("u")
        #expect(tmux.waitFor("claimdesk> undo\nundone:"), "\(tmux.screen)")
        #expect(tmux.waitForPrompt())
        // 2: the card's second annotator, bo, who rejected the claim.
        tmux.keys("2")
        #expect(tmux.waitFor("claimdesk> pick 2\npicked bo's view of #2: rejected"), "\(tmux.screen)")
        #expect(tmux.waitForPrompt())
        tmux.keys("C-d")
        #expect(tmux.waitForExit(), "\(tmux.screen)")
        let log = try SQLiteShell.run(store, "SELECT annotator, action, attributionId FROM annotation WHERE annotator = 'tm' ORDER BY id")
        #expect(log.trimmingCharacters(in: .newlines).split(separator: "\n").map(String.init) == ["tm|reject|2", "tm|undo|2", "tm|reject|2"])
    }
}
