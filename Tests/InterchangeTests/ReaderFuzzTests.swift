import ClaimModel
import Foundation
import Interchange
import Testing
import TestSupport

/// Seeded random inputs (issue 10): mutations of valid JSONL lines and brat `.ann` files. No input
/// may crash a reader; every rejection is one located, terminal-safe line; whatever is accepted
/// holds no NUL and only offsets inside its text. Inputs that once failed are kept in
/// `Tests/Fixtures/fuzz-corpus/` and replayed with their exact outcome.
@Suite struct ReaderFuzzTests {
    /// CI runs the fixed seeds; `FUZZ_SEED=N FUZZ_CASES=M swift test --filter ReaderFuzzTests`
    /// explores further (a failure prints its input: add it to the corpus).
    static let cases = Int(ProcessInfo.processInfo.environment["FUZZ_CASES"] ?? "") ?? 10_000
    static func seed(_ fixed: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? fixed
    }

    static let validLines: [String] = [
        #"{"doc_id": "d1", "title": "Storm", "text": "The mayor said the bridge is closed.", "publisher": "Ledger", "meta": {"k": [1, 2.5e3, null]}, "attributions": [{"id": "a1", "source": [0, 9], "cue": [10, 14], "content": [15, 35], "source_text": "The mayor", "outlet": "AP", "source_type": "named_person", "anonymous": false, "source_entity": "mayor", "confidence": 0.9, "review": {"status": "corrected", "annotator": "ana", "confidence": "high", "tags": ["x", "a;b"], "note": "fixed \"it\"", "at": "2026-11-25T10:00:00Z"}}]}"#,
        #"{"doc_id": "d2", "text": "Zoë 🚀 told \"us\" it would rise.", "attributions": [{"content": [12, 30], "content_fragments": [[12, 16], [20, 30]], "source_type": "implicit", "confidence": 0.5}]}"#,
        #"{"doc_id": "d3", "text": "Nothing here.", "title": null, "attributions": []}"#,
    ]

    /// Checks the invariants on one reader result; returns a description of the first violation.
    static func violation(_ issues: [InterchangeIssue], file: String, lineCount: Int) -> String? {
        for issue in issues {
            if issue.file != file { return "issue names another file: \(issue)" }
            if issue.line < 0 || issue.line > lineCount + 1 { return "issue line out of range: \(issue)" }
            if issue.message.isEmpty { return "empty message: \(issue)" }
            if TerminalSafe.escape(issue.description) != issue.description { return "message not terminal-safe: \(issue)" }
        }
        return nil
    }

    static func storedStrings(_ d: AnnotatedDocument) -> [String] {
        var all = [d.document.id, d.document.text] + [d.document.title, d.document.publisher, d.document.publicationDate].compactMap { $0 }
        for a in d.attributions {
            all += [a.id, a.outlet, a.sourceEntity, a.review?.annotator, a.review?.note, a.review?.at].compactMap { $0 }
            all += a.review?.tags ?? []
        }
        return all
    }

    @Test func theJSONLReaderSurvivesTenThousandMutatedFiles() throws {
        var rng = SeededRandom(seed: Self.seed(0xC1A1_DE5C))
        let clock = ContinuousClock()
        let start = clock.now
        var rejected = 0, accepted = 0
        for n in 0..<Self.cases {
            let base = Array(Self.validLines.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)).joined(separator: "\n").utf8)
            let input = Mutator.mutate(base, &rng)
            let result = JSONLReader.read(input, file: "fuzz.jsonl")
            let lineCount = input.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let problem = Self.violation(result.issues, file: "fuzz.jsonl", lineCount: lineCount) {
                Issue.record("case \(n): \(problem)\ninput: \(input)")
                return
            }
            for line in result.lines {
                let document = line.document
                if Self.storedStrings(document).contains(where: { $0.utf8.contains(0) }) {
                    Issue.record("case \(n): a NUL was accepted\ninput: \(input)")
                    return
                }
                if let problem = Document.problem(withID: document.document.id) {
                    Issue.record("case \(n): doc_id accepted against NameRule: \(problem)")
                    return
                }
                let count = document.document.text.unicodeScalars.count
                for a in document.attributions {
                    for f in [a.source, a.cue, a.content].compactMap({ $0 }) where !f.isWellFormed(in: count) {
                        Issue.record("case \(n): fragments \(f) outside a text of \(count) scalars")
                        return
                    }
                }
            }
            rejected += result.issues.isEmpty ? 0 : 1
            accepted += result.lines.count
        }
        let elapsed = clock.now - start
        // Both outcomes are exercised, and the whole run stays short (debug build, shared machine).
        #expect(rejected > Self.cases / 2 && accepted > Self.cases / 4, "rejected \(rejected), accepted \(accepted)")
        #expect(elapsed < .seconds(120 * max(1, Self.cases / 10_000)), "took \(elapsed)")
    }

    static var bratText: String { ExportFixture.text }

    @Test func theBratReaderSurvivesTenThousandMutatedFiles() throws {
        var writer = BratWriter()
        let valid = Array(writer.ann(for: ExportFixture.document).utf8)
        var rng = SeededRandom(seed: Self.seed(0xB2A7))
        let clock = ContinuousClock()
        let start = clock.now
        var withIssues = 0
        let textCount = Self.bratText.unicodeScalars.count
        for n in 0..<Self.cases {
            let input = Mutator.mutate(valid, &rng)
            let ann = String(decoding: input, as: UTF8.self)
            let result = BratReader.read(ann: ann, text: Self.bratText, file: "fuzz.ann")
            // Lines end at "\n" scalars ("\r\n" is one Character, so Characters would miscount a CRLF file).
            let lineCount = ann.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
            if let problem = Self.violation(result.issues + result.warnings, file: "fuzz.ann", lineCount: lineCount) {
                Issue.record("case \(n): \(problem)\ninput: \(input)")
                return
            }
            for a in result.attributions {
                for f in [a.source, a.cue, a.content].compactMap({ $0 }) where !f.isWellFormed(in: textCount) {
                    Issue.record("case \(n): fragments \(f) outside the text\ninput: \(input)")
                    return
                }
            }
            withIssues += result.issues.isEmpty ? 0 : 1
        }
        let elapsed = clock.now - start
        #expect(withIssues > Self.cases / 4, "\(withIssues) inputs with issues")
        #expect(elapsed < .seconds(120 * max(1, Self.cases / 10_000)), "took \(elapsed)")
    }

    /// The ecosystem readers (doccano, Label Studio, Prodigy) get the same treatment, on files
    /// their own writers made from the fixture (NUL and names are checked after them, at import).
    @Test(arguments: ["doccano", "label-studio", "prodigy"])
    func anEcosystemReaderSurvivesMutatedFiles(format: String) throws {
        let item = ExportFixture.document
        let valid: [UInt8]
        let read: ([UInt8]) -> JSONLReader.Result
        switch format {
        case "doccano":
            valid = DoccanoFormat.line(for: item)
            read = { DoccanoFormat.read($0, file: "fuzz") }
        case "label-studio":
            valid = Array("[".utf8) + LabelStudioFormat.task(for: item) + Array("]".utf8)
            read = { LabelStudioFormat.read($0, file: "fuzz") }
        default:
            valid = ProdigyFormat.line(for: item, gold: true)
            read = { ProdigyFormat.read($0, file: "fuzz") }
        }
        #expect(read(valid).issues == [])
        var rng = SeededRandom(seed: Self.seed(0xEC05 &+ UInt64(format.utf8.count)))
        for n in 0..<Self.cases / 2 {
            let input = Mutator.mutate(valid, &rng)
            let result = read(input)
            let lineCount = input.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let problem = Self.violation(result.issues, file: "fuzz", lineCount: max(lineCount, 1)) {
                Issue.record("case \(n): \(problem)\ninput: \(input)")
                return
            }
            for line in result.lines {
                let count = line.document.document.text.unicodeScalars.count
                for a in line.document.attributions {
                    for f in [a.source, a.cue, a.content].compactMap({ $0 }) where !f.isWellFormed(in: count) {
                        Issue.record("case \(n): fragments \(f) outside a text of \(count) scalars\ninput: \(input)")
                        return
                    }
                }
            }
        }
    }

    // MARK: - The corpus of inputs that once failed

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-corpus")

    /// What a reader made of a file, one line per accepted document or issue.
    static func outcome(jsonl bytes: [UInt8], file: String) -> String {
        let result = JSONLReader.read(bytes, file: file)
        var lines = result.lines.map { l in
            "line \(l.number): accepted \"\(TerminalSafe.escape(l.document.document.id))\", text \"\(TerminalSafe.short(l.document.document.text, 40))\", "
                + "\(l.document.attributions.count) attribution(s)"
        }
        lines += result.issues.map(\.description)
        return lines.joined(separator: "\n") + "\n"
    }

    static func outcome(ann: String, text: String, file: String) -> String {
        let result = BratReader.read(ann: ann, text: text, file: file)
        return (["\(result.attributions.count) attribution(s)"] + result.issues.map(\.description)
            + result.warnings.map { "warning: \($0)" }).joined(separator: "\n") + "\n"
    }

    @Test func theCorpusOfInputsThatOnceFailedReplaysExactly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        var replayed = 0
        for name in names where name.hasSuffix(".jsonl") || name.hasSuffix(".ann") {
            let url = Self.corpus.appendingPathComponent(name)
            let expected = try String(contentsOf: url.appendingPathExtension("expected"), encoding: .utf8)
            let actual: String
            if name.hasSuffix(".jsonl") {
                actual = Self.outcome(jsonl: [UInt8](try Data(contentsOf: url)), file: name)
            } else {
                let text = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("txt"), encoding: .utf8)
                actual = Self.outcome(ann: String(decoding: try Data(contentsOf: url), as: UTF8.self), text: text, file: name)
            }
            // RECORD_FUZZ_CORPUS=1 writes the outcome of a newly added input (then read it before committing).
            if ProcessInfo.processInfo.environment["RECORD_FUZZ_CORPUS"] == "1" {
                try actual.write(to: url.appendingPathExtension("expected"), atomically: true, encoding: .utf8)
            }
            #expect(actual == expected, "\(name)")
            replayed += 1
        }
        #expect(replayed >= 6)
    }
}
