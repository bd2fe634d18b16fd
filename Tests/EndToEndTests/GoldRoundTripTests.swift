import Foundation
import Testing

/// Gold moves between stores without losing a claim (issue 9, item 1), through the real binary.
@Suite struct GoldRoundTripTests {
    static let seed = "000_e1a42581cbd39812"

    static func file(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// docs/demo.sh's review: ana and bo review the seed article, cy adjudicates.
    static func demoStore(_ scratch: Scratch) throws {
        let root = CLI.packageRoot
        #expect(try CLI.run(["--db", scratch.db, "ingest", root.appendingPathComponent("corpora").path]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        for (name, verb) in [("ana", "annotate"), ("bo", "annotate"), ("cy", "adjudicate")] {
            let script = try String(contentsOf: root.appendingPathComponent("docs/demo/\(name).txt"), encoding: .utf8)
            var arguments = ["--db", scratch.db, verb, "--annotator", name]
            if verb == "annotate" { arguments += ["--doc", seed] }
            let session = try CLI.run(arguments, stdin: script)
            #expect(session.status == 0, "\(session.stderr)")
        }
    }

    @Test(arguments: [[], ["--annotator", "ana"], ["--annotator", "zed"]])
    func adjudicatedMultiAnnotatorGoldComesBackByteForByte(_ annotator: [String]) throws {
        let scratch = try Scratch()
        try Self.demoStore(scratch)
        let first = try CLI.run(["--db", scratch.db, "export", "--format", "jsonl", "--gold", "--out", scratch.path("g.jsonl")])
        #expect(first.stdout.hasPrefix("wrote 13 attributions in 1 document"), "\(first.stderr)")
        let fresh = scratch.path("fresh.sqlite")
        let imported = try CLI.run(["--db", fresh, "import-gold", scratch.path("g.jsonl")] + annotator,
                                   environment: ["USER": "analyst", "CLAIMDESK_ANNOTATOR": "analyst"])
        let run = annotator.last ?? "analyst"
        #expect(imported.stdout == """
            run "gold:\(run)": imported 13 claims in 1 document
            gold: 1 document, 13 claims; marked done by ana, bo; adjudicated by cy

            """, "\(imported.stderr)")
        let again = try CLI.run(["--db", fresh, "export", "--format", "jsonl", "--gold", "--out", scratch.path("again.jsonl")])
        #expect(again.stdout.hasPrefix("wrote 13 attributions in 1 document"), "\(again.stderr)")
        #expect(try Self.file(scratch.path("g.jsonl")) == Self.file(scratch.path("again.jsonl")))
        // The document keeps both done-markers and the adjudication stays one.
        let exported = try String(contentsOfFile: scratch.path("g.jsonl"), encoding: .utf8)
        #expect(exported.contains(#""reviewed_by":["ana","bo"]"#))
        #expect(exported.contains(#""annotator":"cy","#) && exported.contains(#""adjudication":true"#))
        #expect(exported.contains(#""other_reviews":[{"status":"corrected","annotator":"ana","#))
        guard annotator.isEmpty else { return }
        // The same gold scores the same run the same: only the count of reviewed claims differs
        // (claims everyone rejected are not exported).
        #expect(try CLI.run(["--db", fresh, "ingest", CLI.packageRoot.appendingPathComponent("corpora").path]).status == 0)
        #expect(try CLI.run(["--db", fresh, "extract"]).status == 0)
        let before = try CLI.run(["--db", scratch.db, "score", "--run", "rules"]).stdout.split(separator: "\n")
        let after = try CLI.run(["--db", fresh, "score", "--run", "rules"]).stdout.split(separator: "\n")
        try #require(before.count > 20 && after.count > 1)
        #expect(before[1] == "gold: 1/16 documents done, 16/16 claims in them reviewed")
        #expect(after[1] == "gold: 1/16 documents done, 13/13 claims in them reviewed")
        #expect(Array(before.dropFirst(2)) == Array(after.dropFirst(2)))
    }

    static let text = "Ana Ruiz said the bridge will close. Police said roads are open. It is believed prices rose."
    static func claim(_ source: String, _ cue: String, _ content: String, review: String?) -> String {
        #"{"source":\#(source),"cue":\#(cue),"content":\#(content)"# + (review.map { #","review":\#($0)"# } ?? "") + "}"
    }
    static func line(_ claims: [String]) -> String {
        #"{"doc_id":"m1","text":"\#(text)","attributions":[\#(claims.joined(separator: ","))]}"# + "\n"
    }

    /// One claim without an annotator must not make the document's other claims vanish.
    @Test func aMixOfNamedAndUnnamedReviewsKeepsEveryClaim() throws {
        let scratch = try Scratch()
        let input = try scratch.write("mix.jsonl", Self.line([
            Self.claim("[0,8]", "[9,13]", "[14,35]", review: #"{"status":"confirmed","annotator":"ana","at":"2026-11-25T10:00:00Z"}"#),
            Self.claim("[37,43]", "[44,48]", "[49,63]", review: #"{"status":"corrected","annotator":"ana","at":"2026-11-25T10:00:00Z"}"#),
            Self.claim("null", "[68,79]", "[80,91]", review: #"{"status":"added","at":"2026-11-25T10:00:00Z"}"#),
        ]))
        let imported = try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "xu"])
        #expect(imported.stdout == """
            run "gold:xu": imported 3 claims in 1 document
            gold: 1 document, 3 claims; marked done by ana, xu

            """, "\(imported.stderr)")
        let out = try CLI.run(["--db", scratch.db, "export", "--format", "jsonl", "--gold", "--out", scratch.path("out.jsonl")])
        #expect(out.stdout.hasPrefix("wrote 3 attributions in 1 document"), "\(out.stderr)")
        // Exported again, it names who marked it done, and a second round trip is byte for byte.
        #expect(try String(contentsOfFile: scratch.path("out.jsonl"), encoding: .utf8).contains(#""reviewed_by":["ana","xu"]"#))
        let db2 = scratch.path("two.sqlite")
        #expect(try CLI.run(["--db", db2, "import-gold", scratch.path("out.jsonl")]).status == 0)
        #expect(try CLI.run(["--db", db2, "export", "--format", "jsonl", "--gold", "--out", scratch.path("two.jsonl")]).status == 0)
        #expect(try Self.file(scratch.path("out.jsonl")) == Self.file(scratch.path("two.jsonl")))
    }

    /// Reviews that name nobody take --annotator for reviews and done-markers alike; a rejected
    /// review is said to stay out of the gold.
    @Test func unnamedReviewsTakeTheAnnotatorAndRejectionsAreReported() throws {
        let scratch = try Scratch()
        let input = try scratch.write("plain.jsonl", Self.line([
            Self.claim("[0,8]", "[9,13]", "[14,35]", review: nil),
            Self.claim("[37,43]", "[44,48]", "[49,63]", review: #"{"status":"rejected","at":"2026-11-25T10:00:00Z"}"#),
            Self.claim("null", "[68,79]", "[80,91]", review: #"{"status":"confirmed","at":"2026-11-25T10:00:00Z"}"#),
        ]))
        let imported = try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "xu"])
        #expect(imported.stdout == """
            run "gold:xu": imported 3 claims in 1 document
            gold: 1 document, 2 claims; marked done by xu
            not in the gold: \(input):1: document "m1": 1 claim reviewed as rejected

            """, "\(imported.stderr)")
        let out = try CLI.run(["--db", scratch.db, "export", "--format", "jsonl", "--gold", "--out", scratch.path("out.jsonl")])
        #expect(out.stdout.hasPrefix("wrote 2 attributions in 1 document"), "\(out.stderr)")
        #expect(!(try String(contentsOfFile: scratch.path("out.jsonl"), encoding: .utf8).contains("reviewed_by")))
    }
}
