import Foundation
import Testing
import TestSupport

/// The real `claimdesk annotate` binary: scripted sessions on stdin, kill -9, two analysts at once.
@Suite(.serialized) struct REPLEndToEndTests {
    @Test func scriptedSessionOnStdinPrintsACleanTranscript() throws {
        let dir = try REPLProcess.storeWithClaims()
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"],
                                      stdin: "next\nsource \"Reuters\"\nc\nlist\nq\n")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            reviewing run "rules" as ana · `help` lists the verbs
            storm · Storm hits coast
            claim 1/2 · doc 1/1 · 0 reviewed · #1
              [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
              outlet      -
              type        named_person
              anonymous   no
              entity      mayor
              extractor   0.90
              verdict     - (unreviewed)
            claimdesk> next
            storm · Storm hits coast
            claim 2/2 · doc 1/1 · 0 reviewed · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take
              weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      -
              extractor   0.40
              verdict     - (unreviewed)
            claimdesk> source "Reuters"
            source: [-Officials-] {+Reuters+} (55-64 → 70-77)
            entity: none → reuters
            note: its type is still anonymous; the new source reads as news_outlet: `type
            news_outlet` sets it
            storm · Storm hits coast
            claim 2/2 · doc 1/1 · 0 reviewed · #2
              Officials [[cue: told]] [[src: Reuters]] [[con: that repairs will take
              weeks]].
              outlet      Reuters
              type        anonymous
              anonymous   yes
              entity      reuters
              extractor   0.40
              verdict     - (unreviewed)
              corrected   source, entity
            claimdesk> c
            corrected #2
            storm · Storm hits coast
            claim 1/2 · doc 1/1 · 1 reviewed · #1
              [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
              outlet      -
              type        named_person
              anonymous   no
              entity      mayor
              extractor   0.90
              verdict     - (unreviewed)
            claimdesk> list
            storm: 2 claims
            >  1 #1      -          "The mayor" · "said" · "the bridge is closed"
               2 #2      corrected  "Reuters" · "told" · "that repairs will take weeks"
            claimdesk> q
            bye: every action is saved

            """)
    }

    @Test func aRefusedCommandInAScriptExitsOne() throws {
        let dir = try REPLProcess.storeWithClaims()
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "confrim\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("claimdesk> confrim\nerror: unknown verb \"confrim\"; did you mean \"confirm\"?\n"))
    }

    @Test func unknownRunIsAUserError() throws {
        let dir = try REPLProcess.storeWithClaims()
        let run = try REPLProcess.run(["--db", dir.store, "annotate", "--run", "nope"], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr == "claimdesk: no run named \"nope\" (see `claimdesk runs`)\n")
    }

    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func killNineLosesNoAcknowledgedDecision() throws {
        let dir = try REPLProcess.storeWithClaims()
        let steps: [(String, String)] = [("c", "confirmed #"), ("undo", "undone: "), ("redo", "redone: "),
                                         ("tag t", "tags of #"), ("note n", "note added"), ("r", "rejected #")]
        for round in 0..<4 {
            let name = "ana\(round)"
            let process = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", name])
            // Some actions acknowledged one by one, then a burst killed mid-flight.
            for (i, step) in steps.prefix(round + 1).enumerated() {
                process.send(step.0 + "\n")
                #expect(process.waitFor(count: 1, of: step.1), "step \(i) of round \(round)")
            }
            for step in steps { process.send(step.0 + "\n") }
            usleep(UInt32(round) * 3_000)
            kill(process.pid, SIGKILL)
            process.wait()
            let screen = process.stdout
            let acknowledged = steps.reduce(0) { $0 + screen.components(separatedBy: $1.1).count - 1 }
            let stored = Int(try SQLiteShell.run(dir.store, "SELECT count(*) FROM annotation WHERE annotator = '\(name)'")) ?? -1
            #expect(stored >= acknowledged, "round \(round): \(acknowledged) acknowledged, \(stored) stored")
            #expect(stored <= round + 1 + steps.count)
            #expect(try SQLiteShell.run(dir.store, "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func twoAnalystsAtOnceNeverSeeALockedDatabase() throws {
        let dir = try REPLProcess.storeWithClaims()
        let script = String(repeating: "c\nundo\nredo\ntag busy\nnote two at once\nundo\n", count: 40) + "q\n"
        let a = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: script)
        let b = try REPLProcess.start(["--db", dir.store, "annotate", "--annotator", "ben"], stdin: script)
        let (ra, rb) = (a.finish(), b.finish())
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr)\(rb.stderr)")
        #expect(!(ra.stdout + rb.stdout + ra.stderr + rb.stderr).contains("locked"))
        guard SQLiteShell.path != nil else { return }
        #expect(try SQLiteShell.run(dir.store, "SELECT count(*) FROM annotation WHERE annotator = 'ana'") == "240")
        #expect(try SQLiteShell.run(dir.store, "SELECT count(*) FROM annotation WHERE annotator = 'ben'") == "240")
        let both = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana", "--doc", "storm"], stdin: "show --all\n")
        #expect(both.stdout.contains("verdicts:\n"))
        #expect(both.stdout.contains("\n  ana "))
        #expect(both.stdout.contains("\n  ben "))
    }
}
