import ClaimModel
import Extraction
import Foundation
import Testing

/// The seed article (corpora/000_…): every attribution a careful reader finds, pinned exactly.
@Suite struct SeedArticleTests {
    struct Expected {
        var source: String?
        var cue: [String]
        var content: [String]
        var outlet: String?
        var type: SourceType
        var anonymous: Bool?
        var entity: String?
    }

    static let expected: [Expected] = [
        Expected(source: "sources", cue: ["confirmed to"],
                 content: ["In clashes between Isis and the Mujahideen Shura Council of Derna on Wednesday, at least 20 fighters from both sides were killed"],
                 outlet: "Reuters", type: .anonymous, anonymous: true, entity: "sources"),
        Expected(source: "The Shura Council", cue: ["released a statement", "said"],
                 content: [#"that a "holy war" would be waged against Isis "until none of them are left""#],
                 outlet: nil, type: .namedOrganization, anonymous: false, entity: "shura-council"),
        Expected(source: "An activist within Derna", cue: ["told"],
                 content: [#"that Derna is "on fire" after the biggest-ever clashes between the two rival groups"#],
                 outlet: "Newsweek", type: .anonymous, anonymous: true, entity: "derna-activist"),
        Expected(source: "the activist", cue: ["reveals"],
                 content: [#""Abu-slim [Martyr's Brigade] is fighting outside the city. They are trying to seize Isis' one or two places in the city, that's what is happening now,""#],
                 outlet: "Newsweek", type: .anonymous, anonymous: true, entity: "derna-activist"),
        Expected(source: "the anonymous source", cue: ["says"],
                 content: [#""[Abu-slim] want to have a normal life but they want to do it with Sharia, in a more Islamic way, not an extremist one,""#],
                 outlet: "Newsweek", type: .anonymous, anonymous: true, entity: "derna-activist"),
        Expected(source: "The activist", cue: ["adds"],
                 content: ["that some within the city are attempting to mediate a truce between the two groups but that Isis are virtually impossible to negotiate with"],
                 outlet: "Newsweek", type: .anonymous, anonymous: true, entity: "derna-activist"),
        Expected(source: "the activist", cue: ["says"],
                 content: [#""If [the Shura Council] has any kind of agreement to end the war, Isis will target them and kill them in some way,""#,
                           #""So, there is no chance to have an agreement with those people.""#],
                 outlet: "Newsweek", type: .anonymous, anonymous: true, entity: "derna-activist"),
        Expected(source: nil, cue: ["is believed"],
                 content: ["Isis", "to have between 1,500 and 2,000 members in the city"],
                 outlet: nil, type: .implicit, anonymous: nil, entity: nil),
        Expected(source: "A member of the Shura Council's brigade", cue: ["said"],
                 content: [#"that the militia are "searching for the Wali", in reference to the Yemeni member of Isis, Abu al-Baraa el-Azdia, who has been sent to eastern Libya to oversee the creation and growth of the affiliate"#],
                 outlet: "Associated Press", type: .anonymous, anonymous: true, entity: "shura-council-member"),
        Expected(source: nil, cue: ["was revealed"],
                 content: ["that the terror group were to force residents of the city to pledge allegiance to them or face death"],
                 outlet: nil, type: .implicit, anonymous: nil, entity: nil),
    ]

    static func seed() throws -> Document {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("corpora/000_e1a42581cbd39812.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return Document(id: "000_e1a42581cbd39812", text: text, publisher: "Newsweek")
    }

    @Test func everyAttributionOfTheSeedArticleIsFoundExactly() throws {
        let document = try Self.seed()
        let text = ScalarText(document.text)
        let found = try RulesExtractor().extract(document)
        for e in Self.expected {
            let match = found.first { a in
                a.content.map { text.slice($0.spans[0]) } == e.content.first
            }
            let a = try #require(match, "no attribution with content \(e.content[0].prefix(50))…")
            #expect(a.content?.spans.map { text.slice($0) } == e.content)
            #expect(a.cue?.spans.map { text.slice($0) } == e.cue)
            #expect(a.source.map { text.slice($0) } == e.source)
            #expect(a.outlet == e.outlet, "outlet of \(e.content[0].prefix(30))")
            #expect(a.sourceType == e.type, "type of \(e.content[0].prefix(30))")
            #expect(a.anonymous == e.anonymous)
            #expect(a.sourceEntity == e.entity)
            #expect((0...1).contains(a.confidence ?? -1))
        }
    }

    @Test func idsFollowTextOrderAndSpansAreValid() throws {
        let document = try Self.seed()
        let found = try RulesExtractor().extract(document)
        let count = ScalarText(document.text).count
        #expect(found.map(\.id) == (1...found.count).map { "r\($0)" })
        let starts = found.compactMap { a in [a.source, a.cue, a.content].compactMap { $0?.hull.start }.min() }
        #expect(starts == starts.sorted())
        for a in found {
            for f in [a.source, a.cue, a.content].compactMap({ $0 }) { #expect(f.isWellFormed(in: count)) }
        }
    }
}
