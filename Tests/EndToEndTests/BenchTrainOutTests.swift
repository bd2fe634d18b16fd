import ClaimModel
import Foundation
import Testing
import TestSupport

/// `claimdesk-bench train --out FILE`: the model's claims on the dev file as JSON lines, one per
/// dev document in its order, as many as the figures count; refused with `--curve` (five models),
/// and a file that cannot be written is refused before training, on one escaped line.
@Suite struct BenchTrainOutTests {
    let scratch: Scratch
    let gold: String

    /// Four short documents of our own (`BenchGold.rows`).
    init() throws {
        scratch = try Scratch()
        gold = try BenchGold.file(in: scratch, documents: 4)
    }

    func run(_ arguments: [String]) throws -> ProcessOutput {
        try Subprocess.run(BenchGold.bench, ["train", "--train", gold, "--dev", gold] + arguments, unset: ["CLAIMDESK_DATA"])
    }

    @Test func writesOneLinePerDevDocumentWithTheClaimsTheFiguresCount() throws {
        let out = scratch.path("claims.jsonl")
        let r = try run(["--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        // "attribution     P 0.875 (7/8)    R ...": the claims the scorer counted.
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("attribution     P") })
        let predicted = try #require(line.split(separator: "/").dropFirst().first?.prefix { $0.isNumber }).description
        let written = try #require(FileManager.default.contents(atPath: out))
        let documents = try String(decoding: written, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(documents.map { $0["doc_id"] as? String } == ["d1", "d2", "d3", "d4"])
        let claims = documents.map { ($0["attributions"] as? [[String: Any]] ?? []).count }
        #expect(String(claims.reduce(0, +)) == predicted)
        #expect(claims.reduce(0, +) >= 4, "at least the rules' four \"said\" claims")
        // Every claim carries its spans and a confidence in [0, 1].
        for claim in documents.flatMap({ $0["attributions"] as? [[String: Any]] ?? [] }) {
            #expect(claim["content"] is [Int] && claim["cue"] is [Int])
            let confidence = try #require(claim["confidence"] as? Double)
            #expect(confidence >= 0 && confidence <= 1)
        }
    }

    @Test func refusedWithTheCurve() throws {
        let out = scratch.path("curve.jsonl")
        let r = try run(["--curve", "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: --out writes one model's dev claims; --curve trains five models\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anOutThatIsTheDevFileIsRefusedBeforeTraining() throws {
        let before = try String(contentsOfFile: gold, encoding: .utf8)
        let r = try run(["--out", gold])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk-bench: \(gold): is also read by this run (\(gold)); write the predictions to another file\n")
        #expect(try String(contentsOfFile: gold, encoding: .utf8) == before)
    }

    @Test func anUnwritableFileIsRefusedBeforeTrainingOnOneEscapedLine() throws {
        let r = try run(["--out", "/nonexistent-claimdesk-dir/a\u{1B}[2Jb.jsonl"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk-bench: /nonexistent-claimdesk-dir/a\\u{1b}[2Jb.jsonl: cannot write the predictions\n")
    }
}
