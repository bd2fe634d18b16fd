import Foundation
import Testing
import TestSupport

/// `claimdesk-bench tune` (the source of the figures the README and the issues quote), `extract` and
/// `show` on gold of our own whose figures are known: the rules find each document's "said" claim
/// and miss its "texted" one. Bad input is refused before any work, on one line, exit 1; text from
/// the file reaches the terminal escaped.
@Suite struct BenchTuneTests {
    let scratch: Scratch
    let gold: String

    init() throws {
        scratch = try Scratch()
        gold = try BenchGold.file(in: scratch, documents: 2)
    }

    func bench(_ arguments: [String]) throws -> ProcessOutput {
        try Subprocess.run(BenchGold.bench, arguments, unset: ["CLAIMDESK_DATA"])
    }

    @Test func figuresOfTheRulesOnOurOwnGold() throws {
        let r = try bench(["tune", "--gold", gold])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "2 documents, match overlap")
        // Two of four found, both right; "that" makes each found content one token longer than the gold's.
        for expected in [
            "claim          P 1.000 R 0.500 F1 0.667  (tp 2, pred 2, gold 4)",
            "attribution    P 1.000 R 0.500 F1 0.667",
            "source  token   P 1.000 R 0.500 F1 0.667   exact P 1.000 R 0.500 F1 0.667",
            "cue     token   P 1.000 R 0.500 F1 0.667   exact P 1.000 R 0.500 F1 0.667",
            "content token   P 0.800 R 0.500 F1 0.615   exact P 0.000 R 0.000 F1 0.000",
            "errors         missed 2  spurious 0  wrong-source 0  wrong-cue 0  boundary 2",
            "  indirect-that/speech     2  1.000",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        #expect(lines.contains { $0.hasPrefix("calibration    ECE ") })
    }

    @Test func showListsTheMissedClaimsMarkedInline() throws {
        let r = try bench(["tune", "--gold", gold, "--show", "missed"])
        #expect(r.status == 0, "\(r.stderr)")
        let tail = r.stdout.components(separatedBy: "\n2 missed (showing 2, spread over the list)\n")
        #expect(tail.count == 2)
        #expect(tail.last == """
            --- d1
              gold: Ana Ruiz said that the ferry runs late. {S:Tom Becker} {C:texted} that {Q:the pier is shut}.
            --- d2
              gold: Lena Park said that the bus fares rise. {S:Omar Haddad} {C:texted} that {Q:the school roof leaks}.

            """)
    }

    @Test func outWritesThePredictionsScored() throws {
        let out = scratch.path("predictions.jsonl")
        let r = try bench(["tune", "--gold", gold, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        let documents = try written.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(documents.map { $0["doc_id"] as? String } == ["d1", "d2"])
        let first = try #require((documents[0]["attributions"] as? [[String: Any]])?.first)
        #expect(documents.map { ($0["attributions"] as? [Any])?.count } == [1, 1])
        #expect(first["source"] as? [Int] == [0, 8])
        #expect(first["cue"] as? [Int] == [9, 13])
        #expect(first["content"] as? [Int] == [14, 38])
        #expect(first["content_text"] as? String == "that the ferry runs late")
    }

    @Test func anUnknownErrorKindIsRefusedBeforeTheWork() throws {
        let r = try bench(["tune", "--gold", gold, "--show", "bogus\u{1B}[2J"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix(
            "Error: --show takes missed, spurious, wrong-source, wrong-cue or boundary, not \"bogus\\u{1b}[2J\"\n"))
    }

    @Test func anUnwritableOutIsRefusedBeforeTheWork() throws {
        let r = try bench(["tune", "--gold", gold, "--out", "/nonexistent-claimdesk-dir/p.jsonl"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk-bench: /nonexistent-claimdesk-dir/p.jsonl: cannot write the predictions\n")
    }

    /// `--out` naming the gold file (here through a hard link) would overwrite the analysts' gold
    /// with the predictions: refused before the work, the gold left as it was.
    @Test func anOutThatIsTheGoldIsRefusedAndTheGoldKept() throws {
        let before = try String(contentsOfFile: gold, encoding: .utf8)
        let link = scratch.path("same.jsonl")
        try FileManager.default.linkItem(atPath: gold, toPath: link)
        for out in [gold, link] {
            let r = try bench(["tune", "--gold", gold, "--out", out])
            #expect(r.status == 1)
            #expect(r.stdout == "")
            #expect(r.stderr == "claimdesk-bench: \(out): is also read by this run (\(gold)); write the predictions to another file\n")
        }
        #expect(try String(contentsOfFile: gold, encoding: .utf8) == before)
    }

    /// `extract --out F --check F` would compare the output with itself, a check that cannot fail.
    @Test func anExtractCheckOfItsOwnOutputIsRefused() throws {
        let out = scratch.path("predictions.jsonl"), sameFile = scratch.path("./predictions.jsonl")
        #expect(sameFile != out)
        let r = try bench(["extract", "--gold", gold, "--train", gold, "--out", out, "--check", sameFile])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk-bench: \(out): is also read by this run (\(sameFile)); write the predictions to another file\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aBadGoldLineIsNamedByFileAndLine() throws {
        let bad = try scratch.write("bad.jsonl", BenchGold.jsonl([("d1", "Ana Ruiz", "it rains", "Bo Li", "it snows")])
                                    + #"{"doc_id":"d2","text":"x","attributions":[{"cue":[5,9]}]}"# + "\n")
        let r = try bench(["tune", "--gold", bad])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk-bench: \(bad):2: document \"d2\": attribution #1: cue [5, 9] is out of range "
                + "(the text has 1 scalar; need 0 <= start < end <= 1) (1 problem in all)\n")
    }

    /// A text carrying a terminal escape (a document id cannot: the reader refuses it): `tune --show`
    /// and `show` print it escaped.
    @Test func textFromTheFileReachesTheTerminalEscaped() throws {
        let text = "Ana said that it rains. Bo\u{1B}[31m texted that it snows."
        let line = #"{"doc_id":"e1","text":"Ana said that it rains. Bo\u001b[31m texted that it snows.","attributions":["#
            + #"{"source":\#(BenchGold.span("Bo\u{1B}[31m", in: text, from: 0)),"cue":\#(BenchGold.span("texted", in: text, from: 0)),"#
            + #""content":\#(BenchGold.span("it snows", in: text, from: 0))}]}"#
        let file = try scratch.write("escapes.jsonl", line + "\n")
        let tune = try bench(["tune", "--gold", file, "--show", "missed"])
        #expect(tune.status == 0, "\(tune.stderr)")
        #expect(!tune.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(tune.stdout.hasSuffix("""
            --- e1
              gold: Ana said that it rains. {S:Bo\\u{1b}[31m} {C:texted} that {Q:it snows}.

            """))
        let show = try bench(["show", file])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(!show.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(show.stdout.hasPrefix("== e1\n"))
        #expect(show.stdout.contains("{S:Ana} {C:said} {Q:that it rains}"))
    }

    @Test func extractCountsTheDocumentsAndClaims() throws {
        let r = try bench(["extract", "--gold", gold, "--repeat", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "documents      2")
        #expect(lines.contains("claims/pass    2"))
        #expect(lines.contains { $0.hasPrefix("extraction     ") && $0.contains(" MB/s best") })
    }
}
