import Evaluation
import Foundation
import Testing

/// Reference values computed once with Python 3: scikit-learn 1.9.1 `cohen_kappa_score` and
/// krippendorff 0.9.0 `alpha(reliability_data=…, level_of_measurement="nominal")` (numpy 2.4.6)
/// on exactly these data; checked here to 1e-9.
@Suite("Agreement: Cohen's kappa and Krippendorff's alpha (nominal) equal the reference tools")
struct AgreementTests {
    static let tolerance = 1e-9

    static let verdictsA = [
        "confirmed", "confirmed", "rejected", "corrected", "confirmed", "rejected", "confirmed", "corrected",
        "confirmed", "rejected", "confirmed", "confirmed",
    ]
    static let verdictsB = [
        "confirmed", "corrected", "rejected", "corrected", "confirmed", "confirmed", "confirmed", "corrected",
        "rejected", "rejected", "confirmed", "confirmed",
    ]

    /// Three annotators (ana, ben, cy) × eight claims, nil = not reviewed by that annotator.
    static let reviews: [[String?]] = [
        ["confirmed", "confirmed", nil],
        ["rejected", "rejected", "confirmed"],
        ["confirmed", "corrected", "corrected"],
        [nil, "confirmed", "confirmed"],
        ["corrected", "corrected", "corrected"],
        ["confirmed", nil, "confirmed"],
        ["rejected", "rejected", nil],
        ["confirmed", "rejected", "confirmed"],
    ]

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < tolerance
    }

    @Test("Cohen's kappa on verdicts: sklearn 0.5862068965517242")
    func kappaVerdicts() {
        #expect(Self.close(Agreement.cohenKappa(Self.verdictsA, Self.verdictsB), 0.5862068965517242))
        #expect(Agreement.observedAgreement(Self.verdictsA, Self.verdictsB) == 0.75)
    }

    @Test("Cohen's kappa on source types: sklearn 0.4893617021276596")
    func kappaSourceTypes() {
        let a = ["anonymous", "named_person", "named_person", "implicit", "anonymous", "named_organization", "named_person", "implicit"]
        let b = ["anonymous", "named_person", "named_organization", "implicit", "named_person", "named_organization", "named_person", "anonymous"]
        #expect(Self.close(Agreement.cohenKappa(a, b), 0.4893617021276596))
        #expect(Agreement.observedAgreement(a, b) == 0.625)
    }

    @Test("Cohen's kappa: perfect disagreement is -1; perfect agreement is 1")
    func kappaExtremes() {
        #expect(Agreement.cohenKappa(["yes", "no", "yes", "no"], ["no", "yes", "no", "yes"]) == -1)
        #expect(Agreement.cohenKappa(["yes", "no", "maybe"], ["yes", "no", "maybe"]) == 1)
    }

    @Test("Cohen's kappa is undefined for a single shared label, empty or unequal lists")
    func kappaUndefined() {
        #expect(Agreement.cohenKappa(["yes", "yes"], ["yes", "yes"]) == nil)
        #expect(Agreement.cohenKappa([], []) == nil)
        #expect(Agreement.cohenKappa(["yes"], ["yes", "no"]) == nil)
        #expect(Agreement.observedAgreement([], []) == nil)
        #expect(Agreement.observedAgreement(["yes", "yes"], ["yes", "yes"]) == 1)
    }

    @Test("Krippendorff's canonical example (4 coders, 12 units, missing values): 0.743421052631579")
    func alphaCanonical() {
        let units: [[String?]] = [
            ["1", "1", nil, "1"], ["2", "2", "3", "2"], ["3", "3", "3", "3"], ["3", "3", "3", "3"],
            ["2", "2", "2", "2"], ["1", "2", "3", "4"], ["4", "4", "4", "4"], ["1", "1", "2", "1"],
            ["2", "2", "2", "2"], [nil, "5", "5", "5"], [nil, nil, "1", "1"], [nil, "3", nil, nil],
        ]
        #expect(Self.close(Agreement.krippendorffAlphaNominal(units), 0.743421052631579))
    }

    @Test("Krippendorff's alpha on verdicts with missing reviews: 0.544; observed and expected agreement")
    func alphaVerdicts() throws {
        let alpha = try #require(Agreement.krippendorffNominal(Self.reviews))
        // D_o = 6 over n = 20 pairable values; D_e = (20² − (10² + 5² + 5²)) / 19 = 250/19.
        #expect(Self.close(alpha.alpha, 0.544))
        #expect(Self.close(alpha.observedAgreement, 0.7))
        #expect(Self.close(alpha.expectedAgreement, 6.5 / 19))
        #expect(alpha.pairableUnits == 8)
        #expect(alpha.pairableValues == 20)
    }

    @Test("Two coders, no missing values: alpha 0.6011560693641619 (differs from kappa by design)")
    func alphaTwoCoders() {
        let units = zip(Self.verdictsA, Self.verdictsB).map { [$0.0, $0.1] as [String?] }
        #expect(Self.close(Agreement.krippendorffAlphaNominal(units), 0.6011560693641619))
    }

    @Test("Krippendorff's alpha is undefined without two labels in a unit or with one label overall")
    func alphaUndefined() {
        #expect(Agreement.krippendorffNominal([["a", nil], [nil, "b"]]) == nil)
        #expect(Agreement.krippendorffNominal([]) == nil)
        let single = Agreement.krippendorffNominal([["a", "a"], ["a", "a", nil]])
        #expect(single?.alpha == nil)
        #expect(single?.observedAgreement == 1)
        #expect(single?.pairableValues == 4)
    }

    @Test("Report: pairwise kappa on shared items, alpha over all (sklearn and krippendorff values)")
    func report() throws {
        let coders = ["ana", "ben", "cy"]
        var labels: [String: [String: String]] = [:]
        for (index, unit) in Self.reviews.enumerated() {
            for (coder, label) in zip(coders, unit) {
                if let label { labels["claim\(index + 1)", default: [:]][coder] = label }
            }
        }
        labels["claim9"] = ["cy": "rejected"]  // reviewed once: in no pair, no weight in alpha
        let report = Agreement.report(labels)
        #expect(report.coders == coders)
        #expect(report.sharedItems == 8)
        #expect(report.pairs.map { [$0.coderA, $0.coderB] } == [["ana", "ben"], ["ana", "cy"], ["ben", "cy"]])
        #expect(report.pairs.map(\.items) == [6, 5, 5])
        #expect(Self.close(report.pairs[0].observedAgreement, 4.0 / 6.0))
        #expect(Self.close(report.pairs[0].kappa, 0.5199999999999999))
        #expect(Self.close(report.pairs[1].kappa, 0.2857142857142857))
        #expect(Self.close(report.pairs[2].kappa, 0.4444444444444444))
        #expect(Self.close(report.krippendorff?.alpha, 0.544))

        let expected = """
            3 annotators, 8 items labelled by more than one
            annotator  annotator  items  agree  kappa
            ana        ben            6  0.667  0.520
            ana        cy             5  0.600  0.286
            ben        cy             5  0.600  0.444
            Krippendorff's alpha (nominal) 0.544  observed agreement 0.700  expected 0.342  (8 items, 20 labels)

            """
        #expect(ReportRenderer.table(report) == expected)
        let json = ReportRenderer.json(report)
        #expect(try JSONDecoder().decode(AgreementReport.self, from: Data(json.utf8)) == report)
    }

    @Test("Report with no overlap between annotators")
    func reportNoOverlap() {
        let report = Agreement.report(["c1": ["ana": "confirmed"], "c2": ["ben": "rejected"]])
        #expect(report.pairs.isEmpty)
        #expect(report.krippendorff == nil)
        #expect(
            ReportRenderer.table(report)
                == "2 annotators, 0 items labelled by more than one\nno two annotators labelled the same item\nKrippendorff's alpha (nominal) -\n")
    }
}
