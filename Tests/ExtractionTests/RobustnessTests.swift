import ClaimModel
import Foundation
import Extraction
import Testing
import TestSupport

/// The extractor never traps and always returns well-formed spans, whatever the text.
@Suite struct RobustnessTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    static let pieces = [
        "said", "says", "told", "according to", "is believed to", "it was revealed that", "reportedly", "who",
        "which", "that", "the", "a", "Mr.", "Smith", "officials", "Reuters", "AP", ",", ".", ":", ";", "\"", "“", "”",
        "''", "(", ")", "—", "--", "-", "’s", "'s", "\n", "\n\n", "?", "!", "U.S.", "1,500", "9/11", "was", "by",
        "and", "but", "saying", "adding", "declined to comment", "LAKEMONT (AP) -", "Says", "é", "👍", "\u{301}",
        "Two-thirds", "support", "Sanders", "with", "calling for", "family", "G.K.", "pledged", "delegates",
        "talked", "glowingly", "about", "states", "Western", "to", "Asked", "asked", "When", "when", "whether",
        "Fla.", "N.Y.", "Tennessee", "critics", "believe", "harmed", "would",
    ]

    /// CI runs the fixed seed; `FUZZ_SEED=N FUZZ_CASES=M swift test --filter RobustnessTests` explores
    /// further, as in ReaderFuzzTests.
    @Test func randomTextNeverTrapsAndSpansAreWellFormed() {
        let environment = ProcessInfo.processInfo.environment
        var random = SeededRandom(state: environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 42)
        let cases = environment["FUZZ_CASES"].flatMap { Int($0) } ?? 1500
        for _ in 0..<cases {
            let length = Int(random.next() % 40)
            let text = (0..<length).map { _ in random.pick(Self.pieces) }.joined(separator: random.pick([" ", "", " "]))
            let count = ScalarText(text).count
            let found = extractor.extract(Document(id: "fuzz", text: text, publisher: "AP"))
            for (n, a) in found.enumerated() {
                #expect(a.id == "r\(n + 1)")
                #expect(a.content != nil)
                for f in [a.source, a.cue, a.content].compactMap({ $0 }) {
                    #expect(f.isWellFormed(in: count), "\(f) in \(count) scalars: \(text)")
                }
                #expect((0...1).contains(a.confidence ?? -1))
            }
        }
    }

    /// Every prefix of the shipped corpus's texts, cut after each word: a rule that looks one or two
    /// tokens ahead must stop at the end of a text that ends without a stop ("... support Sanders").
    @Test func everyPrefixOfTheShippedCorpusNeverTraps() throws {
        let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpora")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpora.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 16)
        var prefixes = 0
        for name in names {
            let text = try String(contentsOf: corpora.appendingPathComponent(name), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for end in scalars.indices where end > 0 && scalars[end] == " " && scalars[end - 1] != " " {
                let prefix = String(String.UnicodeScalarView(scalars[..<end]))
                for a in extractor.extract(Document(id: name, text: prefix)) {
                    for f in [a.source, a.cue, a.content].compactMap({ $0 }) {
                        #expect(f.isWellFormed(in: end), "\(name) cut at \(end)")
                    }
                }
                prefixes += 1
            }
        }
        #expect(prefixes > 3000)
    }

    @Test func aLowercaseAndOpeningTheDocumentBeforeASubjectDoesNotTrap() {
        // It once read the token before the first one: "and" is not part of the source.
        let text = "and officials said the bridge is closed."
        let found = extractor.extract(Document(id: "and", text: text))
        #expect(found.count == 1)
        #expect(found.first?.source == Fragments(Span(4, 13)))
        #expect(found.first?.cue == Fragments(Span(14, 18)))
        #expect(found.first?.content == Fragments(Span(19, 39)))
    }

    @Test func emptyAndBlankDocuments() {
        #expect(extractor.extract(Document(id: "e", text: "")).isEmpty)
        #expect(extractor.extract(Document(id: "e", text: " \n\n\t ")).isEmpty)
        #expect(extractor.extract(Document(id: "e", text: "\"")).isEmpty)
    }

    @Test func unterminatedQuoteDoesNotSwallowTheNextParagraph() {
        let text = "“The first paragraph never closes its quote.\n\nOfficials said the road was open."
        let found = extractor.extract(Document(id: "q", text: text))
        #expect(found.count == 1)
        #expect(found.first.flatMap { $0.content.map { ScalarText(text).slice($0) } } == "the road was open")
    }
}
