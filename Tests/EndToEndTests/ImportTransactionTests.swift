import Foundation
import Testing
import TestSupport

/// Imports are one transaction, re-imports say what they do, --skip-invalid skips just the bad
/// lines (issue 10, items 4 and 5), through the real binary.
@Suite struct ImportTransactionTests {
    static func line(_ id: String, _ text: String, _ attributions: String = "") -> String {
        #"{"doc_id":"\#(id)","text":"\#(text)","attributions":[\#(attributions)]}"#
    }
    static let claimA = #"{"source":[0,3],"cue":[4,8],"content":[9,18]}"#
    static let claimB = #"{"source":[0,3],"cue":[4,8],"content":[9,18],"outlet":"Reuters"}"#

    static func json(_ output: CLI.Output) throws -> [[String: Any]] {
        guard output.status == 0 else { throw CLI.Failure(status: output.status, stderr: output.stderr) }
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// A store from before `gold:` run names were kept for the gold may hold an imported run of
    /// that name (made here behind ClaimDesk's back): `import-gold` refuses to mix into it.
    @Test(.enabled(if: SQLiteShell.path != nil, "sqlite3 is not installed: run scripts/setup.sh"))
    func aRefusedImportGoldLeavesNothingBehind() throws {
        let scratch = try Scratch()
        let taken = try scratch.write("taken.jsonl", Self.line("t1", "Ana said it rained.", Self.claimA) + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", taken, "--run", "zed"]).status == 0)
        try SQLiteShell.run(scratch.db, "UPDATE run SET name = 'gold:zed' WHERE name = 'zed'")
        let gold = try scratch.write("gold.jsonl", [Self.line("n1", "Bo said it snowed.", #"{"source":[0,2],"cue":[3,7],"content":[8,17]}"#),
                                                    Self.line("n2", "Cy said no.")].joined(separator: "\n") + "\n")
        let refused = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "zed"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk: a run named \"gold:zed\" already exists and holds imported claims (nothing imported; name another run)\n")
        let docs = try Self.json(try CLI.run(["--db", scratch.db, "docs", "--format", "json"]))
        #expect(docs.compactMap { $0["doc_id"] as? String } == ["t1"])
        let runs = try Self.json(try CLI.run(["--db", scratch.db, "runs", "--format", "json"]))
        #expect(runs.compactMap { $0["name"] as? String } == ["gold:zed"])
    }

    /// Found by fuzzing import-claims: a run name of another kind was refused with a sentence cut
    /// short ("is a gold run, not an imported"); and "a extractor run" elsewhere.
    @Test func aRunNameOfAnotherKindIsRefusedInOneWholeSentence() throws {
        let scratch = try Scratch()
        let claims = try scratch.write("claims.jsonl", Self.line("c1", "Bo said it snowed.", Self.claimA) + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", claims, "--run", "theirs"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        let before = try CLI.run(["--db", scratch.db, "runs", "--format", "json"]).stdout
        let refused = try CLI.run(["--db", scratch.db, "import-claims", claims, "--run", "rules"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "claimdesk: run \"rules\" is an extractor run, not an imported run (run kinds do not mix: choose another name)\n")
        let extract = try CLI.run(["--db", scratch.db, "extract", "--run", "theirs"])
        #expect(extract.status == 1)
        #expect(extract.stderr == "claimdesk: run \"theirs\" is an imported run, not an extractor run (run kinds do not mix: choose another name)\n")
        #expect(try CLI.run(["--db", scratch.db, "runs", "--format", "json"]).stdout == before)
    }

    @Test func reimportingLeavesTheSameFileRefusesAChangedOneAndReplaceMakesANewVersion() throws {
        let scratch = try Scratch()
        let a = try scratch.write("a.jsonl", [Self.line("d1", "Ana said it rained.", Self.claimA), Self.line("d2", "Bo said it rained.")].joined(separator: "\n") + "\n")
        let b = try scratch.write("b.jsonl", [Self.line("d1", "Ana said it rained.", Self.claimB), Self.line("d2", "Bo said it rained.")].joined(separator: "\n") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", a, "--run", "theirs"]).stdout == "run \"theirs\": imported 1 claim in 2 documents\n")
        let same = try CLI.run(["--db", scratch.db, "import-claims", a, "--run", "theirs"])
        #expect(same.status == 0)
        #expect(same.stdout == "run \"theirs\": imported 0 claims in 0 documents\nunchanged: 2 documents were already in the run with the same content (left as they were)\n")
        let changed = try CLI.run(["--db", scratch.db, "import-claims", b, "--run", "theirs"])
        #expect(changed.status == 1)
        #expect(changed.stderr == "claimdesk: \(b):1: document \"d1\" is already in run \"theirs\" with other claims or reviews: nothing imported; use --replace to make this file the run's new version (the current one is kept as \"theirs@v1\"), or another run name\n")
        let replaced = try CLI.run(["--db", scratch.db, "import-claims", b, "--run", "theirs", "--replace"])
        #expect(replaced.stdout == "run \"theirs\": imported 1 claim in 2 documents\nreplaced: run \"theirs\" is now this import; its previous version is kept as \"theirs@v1\"\n", "\(replaced.stderr)")
        let runs = try Self.json(try CLI.run(["--db", scratch.db, "runs", "--format", "json"]))
        #expect(runs.compactMap { $0["name"] as? String } == ["theirs@v1", "theirs"])
        let claims = try CLI.run(["--db", scratch.db, "claims", "--run", "theirs", "--format", "json"])
        #expect(claims.stdout.contains("Reuters"))
        // A second change names the version it would keep: the first free one, v2.
        let again = try CLI.run(["--db", scratch.db, "import-claims", a, "--run", "theirs"])
        #expect(again.stderr == "claimdesk: \(a):1: document \"d1\" is already in run \"theirs\" with other claims or reviews: nothing imported; use --replace to make this file the run's new version (the current one is kept as \"theirs@v2\"), or another run name\n")
    }

    @Test func aChangedGoldFileIsRefusedAndReplaceMakesItTheGold() throws {
        let scratch = try Scratch()
        func gold(_ status: String) -> String {
            Self.line("d1", "Ana said it rained.", #"{"source":[0,3],"cue":[4,8],"content":[9,18],"review":{"status":"\#(status)","annotator":"ana","at":"2026-11-25T10:00:00Z"}}"#) + "\n"
        }
        let first = try scratch.write("first.jsonl", gold("confirmed"))
        let second = try scratch.write("second.jsonl", gold("rejected"))
        #expect(try CLI.run(["--db", scratch.db, "import-gold", first]).status == 0)
        let refused = try CLI.run(["--db", scratch.db, "import-gold", second])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("claimdesk: \(second):1: document \"d1\" is already in run \"gold:ana\" with other claims or reviews: nothing imported; use --replace"))
        let replaced = try CLI.run(["--db", scratch.db, "import-gold", second, "--replace"])
        #expect(replaced.stdout == """
            run "gold:ana": imported 1 claim in 1 document
            replaced: run "gold:ana" is now this import; its previous version is kept as "gold:ana@v1"
            gold: 1 document, 0 claims; marked done by ana
            not in the gold: \(second):1: document "d1": 1 claim reviewed as rejected

            """, "\(replaced.stderr)")
        let out = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "jsonl", "--out", scratch.path("out.jsonl")])
        #expect(out.stdout.hasPrefix("wrote 0 attributions in 1 document"), "\(out.stderr)")
    }

    @Test func skipInvalidSkipsADocIDConflictAndListsEveryOtherBadLine() throws {
        let scratch = try Scratch()
        let first = try scratch.write("first.jsonl", Self.line("d1", "Ana said it rained.") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "ingest", first]).status == 0)
        let file = try scratch.write("mixed.jsonl", [
            Self.line("d1", "Ana said it poured."),
            #"{"doc_id":"d3","#,
            Self.line("d4", "Cy said no.", #"{"source":[0,2],"cue":[3,7],"content":[8,10],"review":{"status":"confirmed","annotator":"cy"}}"#),
        ].joined(separator: "\n") + "\n")
        let refused = try CLI.run(["--db", scratch.db, "import-gold", file])
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            claimdesk: \(file):1: document "d1" is already stored with a different text (refusing to overwrite it)
            claimdesk: \(file):2: invalid JSON at column 16: expected a string key

            """)
        let skipped = try CLI.run(["--db", scratch.db, "import-gold", file, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr == """
            skipped: \(file):1: document "d1" is already stored with a different text (refusing to overwrite it)
            skipped: \(file):2: invalid JSON at column 16: expected a string key

            """)
        #expect(skipped.stdout == "run \"gold:cy\": imported 1 claim in 1 document, 2 lines skipped as invalid\ngold: 1 document, 1 claim; marked done by cy\n")
    }

    /// A large import killed at random points: the store holds all of it or none of it, every time.
    @Test func killNineDuringALargeImportLeavesNoPartialRun() throws {
        let scratch = try Scratch()
        var lines: [String] = []
        for i in 0..<3000 {
            let text = "Minister \(i) said that taxes will rise. Officials said the port will reopen. The mayor said roads are closed."
            lines.append(Self.line("doc-\(i)", text, [#"{"source":[0,\#(8 + String(i).count + 1)],"cue":[\#(9 + String(i).count + 1),\#(13 + String(i).count + 1)],"content":[\#(14 + String(i).count + 1),\#(39 + String(i).count + 1)]}"#].joined()))
        }
        let file = try scratch.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let timing = scratch.path("timing.sqlite")
        let started = Date()
        #expect(try CLI.run(["--db", timing, "import-claims", file, "--run", "big"]).status == 0)
        let duration = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        var states: [String] = []
        for attempt in 0..<6 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["--db", scratch.db, "import-claims", file, "--run", "big"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let fraction = Double.random(in: 0.05...0.95, using: &generator)
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed before it created the store file: nothing was stored, and the reading
            // commands rightly refuse a store that is not there.
            guard FileManager.default.fileExists(atPath: scratch.db) else {
                states.append("\(String(format: "%.2f", fraction)): no store yet")
                continue
            }
            let runs = try Self.json(try CLI.run(["--db", scratch.db, "runs", "--format", "json"]))
            let docs = try Self.json(try CLI.run(["--db", scratch.db, "docs", "--format", "json"]))
            let big = runs.first { $0["name"] as? String == "big" }
            let state = big.map { "run with \($0["documents"] ?? "?") documents, \($0["claims"] ?? "?") claims" } ?? "no run"
            states.append("\(String(format: "%.2f", fraction)): \(state), \(docs.count) documents")
            // All or nothing: no empty or partial run, no documents without their run.
            #expect(big == nil || (big?["claims"] as? Int == 3000 && big?["documents"] as? Int == 3000), "attempt \(attempt): \(states)")
            #expect(docs.count == (big == nil ? 0 : 3000), "attempt \(attempt): \(states)")
        }
        // The next import completes, and the killed imports' staging files are gone.
        let last = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "big"])
        #expect(last.status == 0, "\(last.stderr)")
        let runs = try Self.json(try CLI.run(["--db", scratch.db, "runs", "--format", "json"]))
        #expect(runs.first { $0["name"] as? String == "big" }?["claims"] as? Int == 3000)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasSuffix(".stage") }
        #expect(leftovers == [])
    }
}
