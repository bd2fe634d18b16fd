import ClaimModel
import ClaimStore
import Evaluation
import Testing
import TestSupport
@testable import Workbench

@Suite struct CompareTests {
    /// Gold has two claims; run A finds both but takes the wrong source for the first; run B finds
    /// only the first, rightly.
    @Test func countsWhatEachRunGetsRightThatTheOtherDoesNot() throws {
        let (first, second, wrongSource) = (ComparedRuns.first, ComparedRuns.second, ComparedRuns.wrongSource)
        let workspace = Workspace(store: try ComparedRuns([("a", [wrongSource, second]), ("b", [first])]).store)
        let text2 = try workspace.compare(runA: "a", runB: "b", against: "gold", match: .overlap, examples: 1)
        #expect(text2 == """
            compare run "a" (A) with run "b" (B) against run "gold", overlap matching, 1 document

                            A      B      only A right  only B right
            claim F1        1.000  0.667                
            attribution F1  0.500  0.667                
            missed          0      1      1             0
            wrong source    1      0      0             1
            wrong cue       0      0      0             0
            boundary only   0      0      0             0
            spurious        0      0                    

            examples (gold attribution: source | cue | content)
            A right, B missed:
              d                             Police | said | nothing
            B right, A wrong source:
              d                             The mayor | said | fares rise
            """)
        #expect(throws: WorkbenchError.self) { try workspace.compare(runA: "a", runB: "a", against: "gold", match: .overlap) }

        // The same figures as JSON, for scripts: parsed back, every count and example exact.
        let json = try workspace.compare(runA: "a", runB: "b", against: "gold", match: .overlap, examples: 1, format: .json)
        let value = try #require(JSONValue(parsing: json))
        func number(_ v: JSONValue?) -> Double? { if case let .number(text)? = v { Double(text) } else { nil } }
        #expect(value["against"]?.stringValue == "gold" && value["match"]?.stringValue == "overlap")
        #expect(value["documents"] == .number("1") && value["notes"] == .array([]))
        #expect(value["a"]?["run"]?.stringValue == "a" && value["a"]?["made_by"]?.stringValue == "test")
        #expect(value["a"]?["attribution"]?["true_positives"] == .number("1") && value["a"]?["attribution"]?["predicted"] == .number("2"))
        #expect(number(value["b"]?["attribution"]?["f1"]).map { abs($0 - 2.0 / 3.0) < 1e-9 } == true)
        #expect(value["b"]?["spurious"] == .number("0"))
        guard case let .array(categories)? = value["categories"] else { Issue.record("no categories"); return }
        #expect(categories.map { "\($0["kind"]?.stringValue ?? "?") \(number($0["a"]) ?? -1) \(number($0["b"]) ?? -1)" }
            == ["missed 0.0 1.0", "wrong_source 1.0 0.0", "wrong_cue 0.0 0.0", "boundary_only 0.0 0.0"])
        #expect(categories[0]["only_a_right_examples"] == .array([.object([
            ("content", .string("nothing")), ("cue", .string("said")), ("doc_id", .string("d")), ("gold", .number("1")),
            ("source", .string("Police"))])]))
        #expect(categories[1]["only_b_right"] == .number("1") && categories[1]["only_a_right_examples"] == .array([]))
    }

    /// Three runs: a column per run, "only X right" where every other run makes that error, and
    /// one JSON object per run under its letter. Run C finds the first claim with the wrong
    /// source and misses the second.
    @Test func threeRunsHaveAColumnAndAnObjectEach() throws {
        let (first, second, wrongSource) = (ComparedRuns.first, ComparedRuns.second, ComparedRuns.wrongSource)
        let workspace = Workspace(store: try ComparedRuns([("a", [wrongSource, second]), ("b", [first]), ("c", [wrongSource])]).store)
        let table = try workspace.compare(runs: ["a", "b", "c"], against: "gold", match: .overlap, examples: 1)
        #expect(table == """
            compare run "a" (A), run "b" (B) and run "c" (C) against run "gold", overlap matching, 1 document

                            A      B      C      only A right  only B right  only C right
            claim F1        1.000  0.667  0.667                              
            attribution F1  0.500  0.667  0.000                              
            missed          0      1      1      1             0             0
            wrong source    1      0      1      0             1             0
            wrong cue       0      0      0      0             0             0
            boundary only   0      0      0      0             0             0
            spurious        0      0      0                                  

            examples (gold attribution: source | cue | content)
            A right, B and C missed:
              d                             Police | said | nothing
            B right, A and C wrong source:
              d                             The mayor | said | fares rise
            """)

        let json = try workspace.compare(runs: ["a", "b", "c"], against: "gold", match: .overlap, examples: 1, format: .json)
        let value = try #require(JSONValue(parsing: json))
        #expect(["a", "b", "c"].map { value[$0]?["run"]?.stringValue } == ["a", "b", "c"])
        #expect(value["d"] == nil && value["c"]?["attribution"]?["true_positives"] == .number("0"))
        guard case let .array(categories)? = value["categories"] else { Issue.record("no categories"); return }
        func counts(_ c: JSONValue) -> String {
            func n(_ v: JSONValue?) -> String { if case let .number(text)? = v { text } else { "?" } }
            return ["a", "b", "c"].map { n(c[$0]) + "/" + n(c["only_\($0)_right"]) }.joined(separator: " ")
        }
        #expect(categories.map { "\($0["kind"]?.stringValue ?? "?") " + counts($0) } == [
            "missed 0/1 1/0 1/0", "wrong_source 1/0 0/1 1/0", "wrong_cue 0/0 0/0 0/0", "boundary_only 0/0 0/0 0/0",
        ])
        #expect(categories[1]["only_b_right_examples"] == .array([.object([
            ("content", .string("fares rise")), ("cue", .string("said")), ("doc_id", .string("d")), ("gold", .number("0")),
            ("source", .string("The mayor"))])]))

        // One run, a run named twice, more runs than letters: usage errors, before anything is read.
        func refusal(_ names: [String]) -> String {
            do {
                _ = try workspace.compare(runs: names, against: "gold", match: .overlap)
                return "accepted"
            } catch {
                return error.description
            }
        }
        #expect(refusal(["a"]) == "compare needs at least two runs: --run A --run B (got 1)")
        #expect(refusal(["a", "b", "a"]) == #"compare needs different runs (got "a" twice)"#)
        #expect(refusal(["b", "b"]) == #"compare needs two different runs (got "b" twice)"#)
        #expect(refusal((0..<27).map { "r\($0)" }) == "compare takes at most 26 runs (got 27)")
    }

    @Test func theDirectQuotesProfileKeepsQuotedContentOnlyAndRenumbers() {
        let text = "\u{201C}Fares rise,\u{201D} she said. He said they would not."
        let quoted = Attribution(id: "r1", content: Fragments(Span(0, 13)))
        let indirect = Attribution(id: "r2", content: Fragments(Span(32, 46)))
        let kept = ExtractionProfile.directQuotes.apply([indirect, quoted], text: text)
        #expect(kept.map(\.id) == ["r1"])
        #expect(kept.map(\.content) == [Fragments(Span(0, 13))])
        #expect(ExtractionProfile.full.apply([indirect, quoted], text: text).count == 2)
        #expect(ExtractionProfile(parameters: "profile=direct-quotes; cues=12") == .directQuotes)
        #expect(ExtractionProfile(parameters: "cues=12") == .full)
        #expect(ExtractionProfile(parameters: nil) == .full)
    }

    /// Documents are told apart by their doc_id's bytes, as the store keeps them: two Unicode
    /// forms of one doc_id are two documents, each scored with its own pairs (review finding: a
    /// dictionary keyed by String merged them, and calibration read one document's pairs for both).
    @Test func twoUnicodeFormsOfADocIDAreScoredApart() {
        let text = ScalarText("Ana said it rained.")
        let gold = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 18)))
        var found = gold
        found.confidence = 0.9
        let spurious = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(0, 3)), confidence: 0.8)
        let inputs = [
            ScoringInput(documentID: "caf\u{E9}", text: text, gold: [gold], predicted: [found]),
            ScoringInput(documentID: "cafe\u{301}", text: text, gold: [], predicted: [spurious]),
        ]
        let samples = Workspace.calibrationSamples(inputs, Scorer(match: .overlap).score(inputs))
        #expect(samples.map(\.confidence) == [0.9, 0.8])
        #expect(samples.map(\.correct) == [true, false])
    }
}

