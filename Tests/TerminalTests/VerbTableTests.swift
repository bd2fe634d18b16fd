@testable import Terminal
import Testing

/// Each REPL's verbs are one table: every spelling names exactly one verb, and each entry carries
/// its usage and help.
@Suite struct VerbTableTests {
    static func clashes(_ spellings: [[String]]) -> [String] {
        var seen: [String: Int] = [:]
        for word in spellings.joined() { seen[word, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    @Test func everySpellingOfTheReviewREPLNamesOneVerb() {
        #expect(Verb.allCases.count == 27)
        #expect(Self.clashes(Verb.allCases.map(\.spellings)) == [])
        for verb in Verb.allCases {
            #expect(Verb.named(verb.name) == verb)
            #expect(verb.usage.hasPrefix(verb.name))
            #expect(!verb.summary.isEmpty)
        }
    }

    @Test func everySpellingOfTheAdjudicationREPLNamesOneVerb() {
        #expect(AdjudicationVerb.allCases.count == 18)
        #expect(Self.clashes(AdjudicationVerb.allCases.map(\.spellings)) == [])
        for verb in AdjudicationVerb.allCases {
            #expect(AdjudicationVerb.named(verb.name) == verb)
            #expect(verb.usage.hasPrefix(verb.name))
        }
    }

    /// The verbs that write the final read their arguments as `annotate` does.
    @Test func theWritingVerbsAreSharedWithTheReviewREPL() {
        let writing = AdjudicationVerb.allCases.filter { Verb.named($0.name)?.edit != nil }.map(\.name)
        #expect(writing == ["confirm", "reject", "source", "cue", "content", "outlet", "type", "anon", "entity"])
        #expect(AdjudicationVerb.type.aliases == [] && AdjudicationVerb.confirm.aliases == ["c"])
    }
}
