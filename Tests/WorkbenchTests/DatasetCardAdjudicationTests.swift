import ClaimModel
import Interchange
import TestSupport
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

/// The card states the unit of the file's offsets (Label Studio and XMI count UTF-16 code units),
/// the span labels the file gives the roles, and whether source-entity and claim clusters are in it.
@Suite struct DatasetCardUnitsAndLabelsTests {
    @Test func aLabelStudioCardSaysUTF16TheLabelsAndTheSourceEntities() {
        var tally = ExportTally()
        tally.add(AnnotatedDocument(document: Document(id: "d", text: "Ann said it rained. Ann said it snowed."), attributions: [
            Attribution(source: Fragments(Span(0, 3)), content: Fragments(Span(9, 18)), sourceEntity: "ann", review: Review(status: .confirmed, annotator: "ana")),
            Attribution(source: Fragments(Span(20, 23)), content: Fragments(Span(29, 38)), sourceEntity: "ann", review: Review(status: .added, annotator: "ana")),
        ]))
        var card = DatasetCard(format: "Label Studio", selection: "all annotators", includesPartial: false, tally: tally,
                               annotatorsDone: ["ana"], leftOut: [], partial: [], runs: [], agreement: [], agreementNote: nil, files: [])
        card.utf16Offsets = true
        card.labels = [("source", "Speaker"), ("cue", "Cue"), ("content", "Quote")]
        card.relationLabel = "Attribution"
        let lines = card.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[3] == "Offsets in this file are 0-based, end-exclusive UTF-16 code units (JavaScript and Java string positions, as the tool counts them), not Unicode scalars: they differ after any character outside the Basic Multilingual Plane (an emoji); every format is specified in `docs/FORMAT.md` of the ClaimDesk repository.")
        #expect(Array(lines[8...14]) == [
            "- Documents: 1",
            "- Attributions: 2",
            "- Offsets: UTF-16 code units",
            "- Span labels: Speaker (source), Cue (cue), Quote (content); relation Attribution",
            "- Source-entity clusters (`source_entity`): included: 2 attributions with one, 1 entity (counted per document)",
            "- Claim clusters (`cluster`): not included: no attribution belongs to one",
            "",
        ])
        #expect(card.jsonValue["offsets"] == .string("utf-16 code unit, 0-based, end-exclusive"))
        #expect(card.jsonValue["labels"]?.serialized == #"{"source":"Speaker","cue":"Cue","content":"Quote"}"#)
        #expect(card.jsonValue["relation_label"] == .string("Attribution"))
        #expect(card.jsonValue["source_entities"]?.serialized == #"{"attributions":2,"entities":1}"#)
        #expect(card.jsonValue["claim_clusters"]?.serialized == #"{"attributions":0,"clusters":0}"#)
    }

    @Test func aJSONLGoldExportsCardSaysScalarsAndKeys() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        _ = try workspace.export(ExportRequest(format: .jsonl, out: scratch.file("gold.jsonl"), selection: .gold(annotator: nil, includePartial: false)))
        let card = scratch.read("gold.jsonl.card.md")
        #expect(card.contains("""
            - Attributions: 3
            - Offsets: Unicode scalars
            - Span labels: none: the roles are named by their keys (`source`, `cue`, `content`)
            - Source-entity clusters (`source_entity`): included: 1 attribution with one, 1 entity (counted per document)
            - Claim clusters (`cluster`): not included: no attribution belongs to one

            """))
        #expect(card.contains("Offsets are 0-based, end-exclusive Unicode-scalar offsets (Python `str` indexing) into each document's text"))
        let json = try #require(JSONValue(parsing: scratch.read("gold.jsonl.card.json")))
        #expect(json["offsets"] == .string("unicode scalar, 0-based, end-exclusive"))
        #expect(json["labels"] == .null)
    }

    @Test func aLabelStudioGoldExportsCardSaysUTF16AndTheLabelsGiven() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let labels = try LabelMap.parse("source=Speaker").get()
        _ = try workspace.export(ExportRequest(format: .labelStudio, out: scratch.file("gold.json"),
                                               selection: .gold(annotator: nil, includePartial: false), labels: labels))
        let card = scratch.read("gold.json.card.md")
        #expect(card.contains("\n- Offsets: UTF-16 code units\n- Span labels: Speaker (source), Cue (cue), Content (content); relation Attribution\n"))
    }
}
