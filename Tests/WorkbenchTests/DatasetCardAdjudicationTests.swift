import ClaimModel
import Testing
@testable import Workbench

/// A gold set a team made names who adjudicated and how many of its attributions they settled: the
/// annotators table alone counted the adjudicator's decisions as reviews, and nothing said so.
@Suite struct DatasetCardAdjudicationTests {
    static func card(adjudicated: Bool) -> DatasetCard {
        var tally = ExportTally()
        tally.add(AnnotatedDocument(document: Document(id: "d", text: "Ann said it rained. Bo said it snowed."), attributions: [
            Attribution(content: Fragments(Span(9, 18)), review: Review(status: .confirmed, annotator: "ana")),
            Attribution(content: Fragments(Span(28, 37)), review: Review(status: .confirmed, annotator: "cy", adjudication: adjudicated)),
        ]))
        return DatasetCard(format: "JSONL", selection: "all annotators", includesPartial: false, tally: tally,
                           annotatorsDone: ["ana", "bo"], leftOut: [], partial: [], runs: [], agreement: [],
                           agreementNote: nil, files: [])
    }

    @Test func theAdjudicatorAndTheirCountAreNamedInBothCards() throws {
        let card = Self.card(adjudicated: true)
        #expect(card.markdown.contains("""
            Documents marked done by: ana, bo

            Adjudicated (where the annotators disagreed, the adjudicator's decision is the gold): cy (1 attribution)

            ## Agreement
            """))
        #expect(card.jsonValue["adjudicated_by"] == .object([("cy", .number("1"))]))
        #expect(card.json.contains("\"documents_done_by\": [\n    \"ana\",\n    \"bo\"\n  ],\n  \"adjudicated_by\": {\n    \"cy\": 1\n  },\n"))
    }

    @Test func aCardWithoutAdjudicationReadsAsBefore() {
        let card = Self.card(adjudicated: false)
        #expect(!card.markdown.contains("Adjudicated"))
        #expect(card.jsonValue["adjudicated_by"] == nil)
        #expect(card.markdown.contains("Documents marked done by: ana, bo\n\n## Agreement"))
    }
}
