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
        #expect(run.stdout == """
            adjudicating run "rules" as cy · 1 disputed claim in 1 document · 1 unanimous claim accepted without a stop · `help` lists the verbs
            storm · Storm hits coast
            disputed 1/1 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
              annotator  verdict    source       cue     content                         outlet   type       anon  entity  confidence  note
              ana        confirmed  "Officials"  "told"  "that repairs will take weeks"  Reuters  anonymous  yes   -       -           -
              bo         rejected   "Officials"  "told"  "that repairs will take weeks"  Reuters  anonymous  yes   -       -           -
              differ: verdict
            claimdesk> pick bo
            picked bo's view of #2: rejected
            every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run rules`)
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

    @Test func refusedCommandsExitOneAndAnUnknownDocumentIsAUserError() throws {
        let store = try Self.disputedStore()
        let refused = try REPLProcess.run(["--db", store, "adjudicate", "--annotator", "cy"], stdin: "pick zed\nq\n")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("""
            claimdesk> pick zed
            error: pick: "zed" did not mark this document done; pick one of ana, bo; nothing changed
            """))
        let unknown = try REPLProcess.run(["--db", store, "adjudicate", "--annotator", "cy", "--doc", "nowhere"], stdin: "")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "claimdesk: no document \"nowhere\" in this run\n")
    }
}
