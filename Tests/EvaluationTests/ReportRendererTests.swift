import ClaimModel
import Evaluation
import Foundation
import Testing

@Suite("ReportRenderer: aligned table with counts, stable JSON")
struct ReportRendererTests {
    @Test("The table shows every figure with its counts, aligned in columns")
    func table() throws {
        let report = Scorer().score([try MetricsFixture().input])
        let expected = """
            1 document, match overlap

            claim           P 0.750 (3/4)   R 0.750 (3/4)  F1 0.750
            attribution     P 0.500 (2/4)   R 0.500 (2/4)  F1 0.500
            source tokens   P 0.500 (1/2)   R 0.500 (1/2)  F1 0.500
            source exact    P 0.500 (1/2)   R 0.500 (1/2)  F1 0.500
            cue tokens      P 0.750 (3/4)   R 0.750 (3/4)  F1 0.750
            cue exact       P 0.500 (2/4)   R 0.667 (2/3)  F1 0.571
            content tokens  P 0.727 (8/11)  R 0.889 (8/9)  F1 0.800
            content exact   P 0.250 (1/4)   R 0.250 (1/4)  F1 0.250

            field accuracy among 3 matched claims
              source       0.667 (2/3)
              cue          1.000 (3/3)
              outlet       0.333 (1/3)
              source_type  0.667 (2/3)
              anonymous    0.333 (1/3)

            errors
              missed         1
              spurious       1
              wrong source   1
              wrong cue      0
              boundary only  2

            """
        #expect(ReportRenderer.table(report) == expected)
    }

    @Test("Grouped reports end with claim and attribution scores per group, sorted by name")
    func groupedTable() throws {
        let report = Scorer().score([try MetricsFixture().input], groupBy: .sourceType)
        let table = ReportRenderer.table(report)
        let expected = """
            by source-type
              anonymous           claim        P 0.000 (0/1)  R 0.000 (0/0)  F1 0.000
                                  attribution  P 0.000 (0/1)  R 0.000 (0/0)  F1 0.000
              implicit            claim        P 1.000 (1/1)  R 0.500 (1/2)  F1 0.667
                                  attribution  P 1.000 (1/1)  R 0.500 (1/2)  F1 0.667
              named_organization  claim        P 1.000 (2/2)  R 1.000 (2/2)  F1 1.000
                                  attribution  P 0.500 (1/2)  R 0.500 (1/2)  F1 0.500

            """
        #expect(table.hasSuffix("boundary only  2\n\n" + expected))
        let json = ReportRenderer.json(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["grouping"] as? String == "source-type")
        let groups = try #require(object["groups"] as? [String: Any])
        #expect(groups.keys.sorted() == ["anonymous", "implicit", "named_organization"])
    }

    @Test("An empty report renders zeros, never NaN")
    func emptyTable() {
        let table = ReportRenderer.table(Scorer(match: .exact).score([]))
        #expect(table.hasPrefix("0 documents, match exact\n\nclaim           P 0.000 (0/0)  R 0.000 (0/0)  F1 0.000\n"))
        #expect(!table.contains("nan"))
    }

    @Test("JSON: keys sorted, snake_case, ratios next to counts, no details unless asked")
    func json() throws {
        let report = Scorer().score([try MetricsFixture().input])
        let text = ReportRenderer.json(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "attribution", "claim", "documents", "errors", "field_accuracy", "match", "roles",
            ])
        let topLevelOrder = ["\"attribution\"", "\"claim\"", "\"documents\"", "\"errors\"", "\"field_accuracy\"", "\"match\"", "\"roles\""]
            .compactMap { text.range(of: $0)?.lowerBound }
        #expect(topLevelOrder.count == 7)
        #expect(topLevelOrder == topLevelOrder.sorted())
        let claim = try #require(object["claim"] as? [String: Any])
        #expect(claim["true_positives"] as? Int == 3)
        #expect(claim["predicted"] as? Int == 4)
        #expect(claim["gold"] as? Int == 4)
        #expect(claim["precision"] as? Double == 0.75)
        #expect(claim["f1"] as? Double == 0.75)
        let errors = try #require(object["errors"] as? [String: Any])
        #expect(errors["boundary_only"] as? Int == 2)
        #expect(text.hasSuffix("}\n"))
        #expect(ReportRenderer.json(report) == text)
    }

    @Test("JSON with details round-trips to the same report")
    func jsonDetailsRoundTrip() throws {
        let report = Scorer().score([try MetricsFixture().input])
        let text = ReportRenderer.json(report, includeDetails: true)
        #expect(text.contains("\"details\""))
        #expect(text.contains("\"content_jaccard\""))
        let decoded = try JSONDecoder().decode(ScoreReport.self, from: Data(text.utf8))
        #expect(decoded == report)
        let withoutDetails = try JSONDecoder().decode(ScoreReport.self, from: Data(ReportRenderer.json(report).utf8))
        #expect(withoutDetails.details == [])
        #expect(withoutDetails.claim == report.claim)
    }
}
