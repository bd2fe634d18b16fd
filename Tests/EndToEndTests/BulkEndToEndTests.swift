import Foundation
import Testing
import TestSupport

/// `accept-above` and `order` through the real binary: under a pipe (no question), the bulk mark's
/// way through score, the gold export and back through import-gold.
@Suite struct BulkEndToEndTests {
    @Test func underAPipeItActsSaysSoAndTheGoldStaysHonest() throws {
        let dir = try REPLProcess.storeWithClaims()
        let session = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"],
                                          stdin: "accept-above 0.3\nundo\nredo\ndone\nq\n",
                                          environment: ["COLUMNS": "200"])
        #expect(session.status == 0, "\(session.stderr)")
        let lines = session.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("claimdesk> accept-above 0.3"))
        #expect(lines.contains("accepted 2 claims at ≥ 0.30 (expected precision unknown: no calibration yet, no document is marked done); `undo` takes them all back"))
        #expect(lines.contains("undone: accept-above of 2 claims at ≥ 0.30"))
        #expect(lines.contains("redone: accept-above of 2 claims at ≥ 0.30"))
        #expect(lines.contains("storm marked done: 2 claims reviewed"))
        #expect(!session.stdout.contains("[y/N]"))
        // One transaction each: the two verdicts share their time, and so do the undos and the redos.
        let times = try SQLiteShell.run(dir.store, "SELECT action || ' ' || count(*) FROM annotation GROUP BY action, createdAt ORDER BY min(id);")
        #expect(times.trimmingCharacters(in: .newlines) == "confirm 2\nundo 2\nredo 2\ndone 1")

        let score = try CLI.run(["--db", dir.store, "score", "--run", "rules"])
        let scoreLines = score.stdout.split(separator: "\n").map(String.init)
        #expect(scoreLines[1] == "gold: 1/1 documents done, 2/2 claims in them reviewed")
        #expect(scoreLines[2] == "gold: 2 claims, 2 of them bulk-accepted above 0.30")
        let replScore = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "score\nq\n",
                                            environment: ["COLUMNS": "200"])
        #expect(replScore.stdout.contains("\ngold: 2 claims, 2 of them bulk-accepted above 0.30\n"))

        let gold = dir.folder + "/gold.jsonl", again = dir.folder + "/again.jsonl", fresh = dir.folder + "/fresh.sqlite"
        #expect(try CLI.run(["--db", dir.store, "export", "--format", "jsonl", "--gold", "--out", gold]).status == 0)
        let exported = try String(contentsOfFile: gold, encoding: .utf8)
        #expect(exported.components(separatedBy: #""bulk":true}"#).count == 3)
        let imported = try CLI.run(["--db", fresh, "import-gold", gold])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["--db", fresh, "export", "--format", "jsonl", "--gold", "--out", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: gold)) == Data(contentsOf: URL(fileURLWithPath: again)))
        // Imported, the reviews are still bulk; the file does not say the threshold.
        let freshScore = try CLI.run(["--db", fresh, "score", "--run", "gold:ana", "--against", "annotations"])
        #expect(freshScore.stdout.split(separator: "\n").map(String.init).contains("gold: 2 claims, 2 of them bulk-accepted"),
                "\(freshScore.stdout)\(freshScore.stderr)")
    }

    @Test func annotateOrderSetsTheRememberedOrder() throws {
        let dir = try REPLProcess.storeWithClaims()
        let session = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana", "--order", "uncertain"], stdin: "q\n",
                                          environment: ["COLUMNS": "200"])
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("claim 2/2 · doc 1/1 · 0 reviewed · #2 · order uncertain (0.50)\n"))
        let again = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"], stdin: "order\nq\n",
                                        environment: ["COLUMNS": "200"])
        #expect(again.stdout.contains("order: uncertain (closest to 0.5 first: no calibration yet, no document is marked done)\n"))
        let refused = try CLI.run(["--db", dir.store, "annotate", "--annotator", "ana", "--order", "sideways"], stdin: "q\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk annotate: the value 'sideways' is invalid for '--order <order>'; it takes one of 'document', 'uncertain' or 'confidence' (`claimdesk annotate --help` lists the options)\n")
    }
}
