import Foundation
import Testing

/// `claimdesk report` through the real executable: the run it picks without `--run`, and the
/// calibration it shows, which must be the one `claimdesk score` prints on the same store.
@Suite(.serialized) struct ReportCommandTests {
    static let texts = [
        ("harbour", """
            Harbour works delayed

            The harbour master said the new quay would open in June. "The cranes are late," a port engineer told reporters. \
            According to the council, the budget has doubled.
            """),
        ("school", """
            School closes early

            The head teacher said the school would close at noon on Friday. Parents complained that nobody had warned them. \
            The heating is believed to have failed overnight.
            """),
    ]

    /// A store with the two documents ingested.
    static func store(_ scratch: Scratch) throws {
        for (name, text) in texts { try scratch.write("in/\(name).txt", text) }
        let ingest = try CLI.run(["--db", scratch.db, "ingest", scratch.path("in")])
        #expect(ingest.status == 0, "\(ingest.stderr)")
    }

    /// Gold for the two documents as another tool would give it: some claims the extractor finds,
    /// one it does not.
    static func gold(_ scratch: Scratch) throws -> String {
        func span(_ text: String, _ part: String) -> String {
            let scalars = Array(text.unicodeScalars)
            let needle = Array(part.unicodeScalars)
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                return "[\(start),\(start + needle.count)]"
            }
            return "null"
        }
        let (h, s) = (texts[0].1, texts[1].1)
        let (hJSON, sJSON) = (try json(h), try json(s))
        let lines = [
            #"{"doc_id":"harbour","text":\#(hJSON),"attributions":["#
                + #"{"source":\#(span(h, "The harbour master")),"cue":\#(span(h, "said")),"content":\#(span(h, "the new quay would open in June"))},"#
                + #"{"source":\#(span(h, "a port engineer")),"cue":\#(span(h, "told")),"content":\#(span(h, "The cranes are late,"))}]}"#,
            #"{"doc_id":"school","text":\#(sJSON),"attributions":["#
                + #"{"source":\#(span(s, "The head teacher")),"cue":\#(span(s, "said")),"content":\#(span(s, "the school would close at noon on Friday"))},"#
                + #"{"source":\#(span(s, "Parents")),"cue":\#(span(s, "complained")),"content":\#(span(s, "that nobody had warned them"))}]}"#,
        ]
        return try scratch.write("gold.jsonl", lines.joined(separator: "\n") + "\n")
    }

    static func json(_ s: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    /// The calibration line and table rows of a report page, as text.
    static func calibration(ofPage path: String) throws -> (summary: String, rows: [String]) {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let summary = html.split(separator: "\n").first { $0.hasPrefix("<p>ECE ") }.map(String.init) ?? "(none)"
        let table = html.components(separatedBy: "<table class=\"calibration\">").dropFirst().first?
            .components(separatedBy: "</table>").first ?? ""
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("<tr><td>") }.map(String.init)
        return (summary, rows)
    }

    @Test func theReportShowsTheCalibrationThatScorePrintsOnTheSameStore() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        let imported = try CLI.run(["--db", scratch.db, "import-claims", try Self.gold(scratch), "--run", "gold"])
        #expect(imported.status == 0, "\(imported.stderr)")

        let score = try CLI.run(["--db", scratch.db, "score", "--run", "rules", "--against", "gold", "--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any]
        let calibration = try #require(parsed?["calibration"] as? [String: Any])
        let ece = try #require(calibration["ece"] as? Double)
        let brier = try #require(calibration["brier"] as? Double)
        let samples = try #require(calibration["samples"] as? Int)
        let threshold = (calibration["auto_accept"] as? [String: Any])?["confidence"] as? Double
        let bins = try #require(calibration["bins"] as? [[String: Any]])

        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--against", "gold", "--out", out])
        #expect(report.status == 0)
        #expect(report.stderr == "")
        #expect(report.stdout == "wrote the report on run \"rules\" (2 documents) to \(out); no --run given: the built-in extractor's run\n")

        // Before, the page took its calibration from the analysts' verdicts on this run: nobody
        // reviewed it, so it said "nothing to calibrate" while `score` printed an ECE.
        let page = try Self.calibration(ofPage: out)
        func fixed(_ v: Double) -> String { String(format: "%.3f", v) }
        #expect(page.summary == "<p>ECE <b>\(fixed(ece))</b> · Brier <b>\(fixed(brier))</b> · auto-accept threshold <b>\(threshold.map(fixed) ?? "none")</b> · \(samples) claims with a confidence</p>")
        #expect(page.summary == "<p>ECE <b>0.214</b> · Brier <b>0.172</b> · auto-accept threshold <b>0.957</b> · 5 claims with a confidence</p>")
        let expectedRows = bins.map { bin -> String in
            let lower = bin["lower"] as? Double ?? -1, upper = bin["upper"] as? Double ?? -1
            let count = bin["count"] as? Int ?? -1
            let mean = (bin["mean_confidence"] as? Double).map(fixed) ?? "–"
            let accuracy = (bin["accuracy"] as? Double).map(fixed) ?? "–"
            return "<tr><td>\(String(format: "%.1f–%.1f", lower, upper))</td><td>\(count)</td><td>\(mean)</td><td>\(accuracy)</td></tr>"
        }
        #expect(page.rows == expectedRows)
        #expect(page.rows.count == 10)
    }

    @Test func withoutRunTheBuiltInExtractorsRunIsChosenNotTheNewestBaseline() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        let gold = try Self.gold(scratch)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "quotes", "--profile", "direct-quotes"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "theirs"]).status == 0)
        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--against", "theirs", "--out", out])
        #expect(report.status == 0)
        #expect(report.stderr == "")
        #expect(report.stdout == "wrote the report on run \"rules\" (2 documents) to \(out); no --run given: the built-in extractor's run\n")
        // Named explicitly, the line says nothing more.
        let named = try CLI.run(["--db", scratch.db, "report", "--run", "quotes", "--against", "theirs", "--out", out])
        #expect(named.stdout == "wrote the report on run \"quotes\" (2 documents) to \(out)\n")
    }

    @Test func withoutRulesTheNewestFullProfileRunOfTheBuiltInExtractorIsChosen() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        let gold = try Self.gold(scratch)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "mine"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "quotes", "--profile", "direct-quotes"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "theirs"]).status == 0)
        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--against", "theirs", "--out", out])
        #expect(report.stdout == "wrote the report on run \"mine\" (2 documents) to \(out); no --run given: the built-in extractor's run\n")
    }

    /// Before: the newest of several such runs was chosen with the same words as a lone one
    /// ("the built-in extractor's run"), which did not say that others could have been meant.
    @Test func withoutRulesAndSeveralBuiltInRunsTheLineNamesThemAll() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        let gold = try Self.gold(scratch)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "mine"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "yours"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "theirs"]).status == 0)
        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--against", "theirs", "--out", out])
        #expect(report.status == 0 && report.stderr == "")
        #expect(report.stdout == "wrote the report on run \"yours\" (2 documents) to \(out); no --run given: "
            + "the newest of 2 runs of the built-in extractor's full profile (\"mine\", \"yours\"; --run picks another)\n")
    }

    @Test func withoutRunTheOnlyRunIsChosenAndSaidSo() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        let gold = try Self.gold(scratch)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "theirs"]).status == 0)
        // Imported gold is a run of kind gold: never a candidate.
        #expect(try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"]).status == 0)
        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--out", out])
        #expect(report.status == 0)
        #expect(report.stderr == "")
        #expect(report.stdout == "wrote the report on run \"theirs\" (2 documents) to \(out); no --run given: the only run\n")
    }

    @Test func withSeveralCandidatesAndNoBuiltInRunTheReportAsksForRun() throws {
        let scratch = try Scratch()
        try Self.store(scratch)
        let gold = try Self.gold(scratch)
        #expect(try CLI.run(["--db", scratch.db, "extract", "--run", "quotes", "--profile", "direct-quotes"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "a"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-claims", gold, "--run", "b"]).status == 0)
        let out = scratch.path("report.html")
        let report = try CLI.run(["--db", scratch.db, "report", "--against", "a", "--out", out])
        #expect(report.status == 1)
        #expect(report.stdout == "")
        #expect(report.stderr == "claimdesk: report needs --run NAME: no run of the built-in extractor, and 3 runs to choose from: \"quotes\", \"a\", \"b\"\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
