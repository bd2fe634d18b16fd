import ClaimModel
import Foundation
import Interchange
import Testing
import TestSupport

/// Seeded mutations of the four ecosystem exports (`Mutator`, as for JSONL and brat): no input may
/// crash a reader, every issue names its file and is terminal-safe, and whatever is accepted holds
/// no NUL and only well-formed fragments inside its text.
@Suite struct EcosystemFuzzTests {
    /// 1,000 per reader keeps the suite short on a shared machine; 8,000 per reader also passed.
    static let cases = 1_000

    static func check(_ name: String, seed: UInt64, valid: [UInt8], read: ([UInt8]) -> JSONLReader.Result) {
        var rng = SeededRandom(seed: seed)
        var withIssues = 0, accepted = 0
        for n in 0..<cases {
            let input = Mutator.mutate(valid, &rng)
            let result = read(input)
            let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let problem = ReaderFuzzTests.violation(result.issues, file: name, lineCount: lines) {
                Issue.record("\(name) case \(n): \(problem)")
                return
            }
            for line in result.lines {
                let item = line.document
                if ReaderFuzzTests.storedStrings(item).contains(where: { $0.utf8.contains(0) }) {
                    Issue.record("\(name) case \(n): a NUL was accepted")
                    return
                }
                let count = item.document.text.unicodeScalars.count
                for a in item.attributions {
                    for f in [a.source, a.cue, a.content].compactMap({ $0 }) where !f.isWellFormed(in: count) {
                        Issue.record("\(name) case \(n): fragments \(f) outside a text of \(count) scalars")
                        return
                    }
                }
            }
            withIssues += result.issues.isEmpty ? 0 : 1
            accepted += result.lines.count
        }
        #expect(withIssues > cases / 4 && accepted > cases / 20, "\(name): \(withIssues) with issues, \(accepted) accepted")
    }

    @Test func doccanoReaderSurvivesMutatedFiles() {
        Self.check("fuzz.jsonl", seed: 0xD0CC, valid: DoccanoFormat.line(for: EcosystemFixture.document)) {
            DoccanoFormat.read($0, file: "fuzz.jsonl")
        }
    }

    @Test func labelStudioReaderSurvivesMutatedFiles() {
        Self.check("fuzz.json", seed: 0x1AB5, valid: Array("[".utf8) + LabelStudioFormat.task(for: EcosystemFixture.document) + Array("]".utf8)) {
            LabelStudioFormat.read($0, file: "fuzz.json")
        }
    }

    @Test func prodigyReaderSurvivesMutatedFiles() {
        Self.check("fuzz.jsonl", seed: 0x9D16, valid: ProdigyFormat.line(for: EcosystemFixture.document, gold: true)) {
            ProdigyFormat.read($0, file: "fuzz.jsonl")
        }
    }

    /// FoundationXML's parser traps on invalid UTF-8 in an attribute name (found by this fuzzer):
    /// the reader checks the bytes first.
    @Test func invalidUTF8InAnXMINameIsAnIssueNotACrash() throws {
        let xmi = Array(InceptionFormat.xmi(for: EcosystemFixture.document).utf8)
        var bytes = xmi
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "i"))) // the first "i", in the declaration's "version"
        bytes[at] = 0xE9
        #expect(InceptionFormat.read(bytes, file: "bad.xmi").issues.map(\.description) == [
            "bad.xmi: invalid UTF-8 at byte \(at) (UIMA CAS XMI is UTF-8)",
        ])
    }

    /// Found by fuzzing `import-gold --format inception`: XML the parser refuses was reported as
    /// "The operation could not be completed. (NSXMLParserErrorDomain error 29.)". The message
    /// now says what the parser refused (an external entity is never read: no file leaks in).
    @Test(arguments: [
        (#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>"#, "&e;", "an external entity (never read) at line 62 (XML error 29)"),
        (#"<!DOCTYPE x [<!ENTITY a "aa">]>"#, "&zz;", "an undeclared entity at line 62 (XML error 26)"),
    ])
    func anXMIParserRefusalSaysWhatItRefused(_ doctype: String, _ reference: String, _ message: String) throws {
        var xmi = InceptionFormat.xmi(for: EcosystemFixture.document)
        let declaration = try #require(xmi.range(of: "?>"))
        xmi.replaceSubrange(declaration, with: "?>\n" + doctype)
        let sofa = try #require(xmi.range(of: #"sofaString=""#))
        xmi.replaceSubrange(sofa, with: #"sofaString=""# + reference)
        #expect(InceptionFormat.read(Array(xmi.utf8), file: "bad.xmi").issues.map(\.description) == ["bad.xmi: not valid XMI: \(message)"])
    }

    @Test func xmiReaderSurvivesMutatedFiles() {
        Self.check("fuzz.xmi", seed: 0x0C45, valid: Array(InceptionFormat.xmi(for: EcosystemFixture.document).utf8)) {
            InceptionFormat.read($0, file: "fuzz.xmi")
        }
    }
}
