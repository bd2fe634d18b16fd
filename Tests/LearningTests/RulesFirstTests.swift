import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("Keeping the rules' claims: chosen out of fold, extracted as the rules give them")
struct RulesFirstTests {
    @Test("the threshold for added readings maximises F1 over the base's claims; adding none gives the largest finite number")
    func bestAddition() {
        // Base: 6 of 8 kept claims real, 10 gold. Adding the top 1, 2, 3, 4 readings gives F1
        // 14/19, 14/20, 16/21, 16/22: the top three, cut between 1.0 and 0.5.
        let learned: [Scored] = [(0.5, false), (3.0, true), (1.0, true), (2.0, false)]
        let best = AttributionModel.bestAddition(learned, base: (truePositives: 6, predicted: 8), gold: 10)
        #expect(best.threshold == 0.75)
        #expect(best.f1 == 32.0 / 42.0)
        // Nothing real to add: none is added.
        let none = AttributionModel.bestAddition([(2.0, false), (1.0, false)], base: (truePositives: 6, predicted: 8), gold: 10)
        #expect(none.threshold == .greatestFiniteMagnitude)
        #expect(none.f1 == 12.0 / 18.0)
        // Two readings of one score are added together or not at all: the real one alone would give
        // 14/19, both give 14/20, which still beats the base's 12/18, so both.
        let tied = AttributionModel.bestAddition([(1.0, true), (1.0, false)], base: (truePositives: 6, predicted: 8), gold: 10)
        #expect(tied.threshold == 0.5)
        #expect(tied.f1 == 14.0 / 20.0)
        // Of equal F1s, the cut that adds fewer: the top reading alone gives 2/3 against 2 gold, and
        // so do all four (2 real of 4).
        let equal = AttributionModel.bestAddition([(3.0, true), (2.0, false), (1.0, false), (0.5, true)],
                                                  base: (truePositives: 0, predicted: 0), gold: 2)
        #expect(equal.threshold == 2.5)
        #expect(equal.f1 == 2.0 / 3.0)
    }

    @Test("the model's own threshold is bestAddition to no claim, within [-2, 2]; with nothing real, 2")
    func ownThreshold() {
        // Keeping the top two (both real) against 3 gold: F1 4/5, cut between 1.0 and 0.5.
        let scored: [Scored] = [(1.5, true), (-0.5, false), (0.5, false), (1.0, true)]
        #expect(AttributionModel.bestThreshold(scored, gold: 3) == 0.75)
        #expect(AttributionModel.bestThreshold([(5.0, true), (3.0, false)], gold: 1) == 2)
        #expect(AttributionModel.bestThreshold([(-3.0, true), (-4.0, false)], gold: 1) == -2)
        #expect(AttributionModel.bestThreshold([(1.0, false)], gold: 2) == 2)
        #expect(AttributionModel.bestThreshold([], gold: 2) == 0)
    }

    @Test("in sample, the learned cues' threshold is never below none (0)")
    func inSample() {
        // The best cut lies between -1 and -2 (both real), but in sample it stops at 0.
        let learned: [Scored] = [(1.0, true), (-1.0, true), (-2.0, false)]
        #expect(AttributionModel.bestAddition(learned, base: (truePositives: 4, predicted: 5), gold: 8).threshold == -1.5)
        #expect(AttributionModel.inSampleThreshold(learned, rules: (truePositives: 4, predicted: 5), gold: 8) == 0)
        #expect(AttributionModel.inSampleThreshold([(3.0, true), (1.0, false)], rules: (truePositives: 4, predicted: 5), gold: 8) == 2)
    }

    @Test("the rules' claims are kept when they and the added readings beat the model's own readings, not on a tie")
    func choice() {
        // The model's own readings: kept above 0, 7 of 9 real; 10 gold: F1 14/19 = 0.737.
        let own: [Scored] = (0..<7).map { _ in (1.0, true) } + [(0.5, false), (0.5, false), (-1.0, true)]
        // The rules' claims: 8 of 9 real, with one learned reading that is real at 2.0: 18/20 = 0.9.
        #expect(AttributionModel.keepRulesThreshold(own: own, threshold: 0, rules: (truePositives: 8, predicted: 9),
                                                    learned: [(2.0, true), (-0.5, false)], gold: 10) == 0.75)
        // The rules' claims: 6 of 9 real and nothing to add: 12/19, below 14/19.
        #expect(AttributionModel.keepRulesThreshold(own: own, threshold: 0, rules: (truePositives: 6, predicted: 9),
                                                    learned: [(2.0, false)], gold: 10) == nil)
        // The same F1 both ways (7 of 9): the model's own readings stay.
        #expect(AttributionModel.keepRulesThreshold(own: own, threshold: 0, rules: (truePositives: 7, predicted: 9),
                                                    learned: [], gold: 10) == nil)
    }

    /// `model` keeping the rules' claims or not, all else the same.
    static func with(_ model: AttributionModel, keepsRules: Bool) -> AttributionModel {
        AttributionModel(summary: model.summary, options: model.options, lexicon: model.lexicon, detector: model.detector,
                         boundaries: model.boundaries, net: model.net, calibrator: model.calibrator,
                         threshold: model.threshold, keepsRules: keepsRules)
    }

    @Test("a model that keeps the rules' claims gives each as the rules do, and its learned cues' claims beside them")
    func extraction() throws {
        let model = try AttributionModel.train((0..<6).map { TownNews.document($0).labeled }, options: TrainingOptions())
        let document = TownNews.document(40).document
        let rules = try RulesExtractor().extract(document)
        // Out of fold its own readings did as well: it rescores the rules' proposals.
        #expect(!model.keepsRules)
        let own = try ModelExtractor(model: model).extract(document)
        let kept = try ModelExtractor(model: Self.with(model, keepsRules: true)).extract(document)
        let text = ScalarText(document.text)
        func line(_ a: Attribution) -> String {
            [a.source, a.cue, a.content].map { $0.map { text.slice($0, separator: " … ") } ?? "-" }.joined(separator: " | ")
                + " | \(a.confidence.map { String($0) } ?? "-")"
        }
        // The rules know "said", not "blogged": one claim, source and content swapped, which the
        // model reads right (with its own confidence).
        #expect(rules.map(line) == ["the new clinic hires ten nurses | said | Jon Eriksen, a member of the council | 0.76"])
        #expect(own.map(line) == [
            "Grace Liu | blogged | the river path reopens in May | 1.0",
            "Jon Eriksen | said | the new clinic hires ten nurses | 1.0",
            "Carl Weiss | blogged | the ferry will run late on Sunday | 1.0",
        ])
        // The rules' claim kept as the rules give it (spans, confidence, outlet, type, entity), the
        // learned cue's claims beside it, ids in text order.
        #expect(kept.map(line) == [own[0], rules[0], own[2]].map(line))
        var expected = rules[0]
        expected.id = "m2"
        #expect(kept[1] == expected)
        #expect(kept.map(\.id) == ["m1", "m2", "m3"])
    }

    @Test("out of fold, the rules' claims are counted whole, and only learned cues' readings their contents leave free")
    func tallies() throws {
        let model = try AttributionModel.train((0..<6).map { TownNews.document($0).labeled }, options: TrainingOptions())
        let doc = PreparedDocument(TownNews.document(40).labeled, rules: try RulesExtractor(), base: .rules)
        let readings = Decoder(model: model, text: doc.text, threshold: -.infinity).decode(proposals: doc.proposals)
        // Three readings: two of "blogged", one of the rules' "said" (which the tally leaves out).
        #expect(readings.map(\.rulesAnchor) == [false, true, false])
        let all = AttributionModel.keepingRules([(0, readings)], prepared: [doc], keepAbove: -.infinity)
        // The rules' one claim swaps source and content: not real.
        #expect(all.rules == (truePositives: 0, predicted: 1))
        #expect(all.learned.map(\.score) == [readings[0].score, readings[2].score])
        #expect(all.learned.map { [$0.full, $0.content] } == [[true, true], [true, true]])
        let above = AttributionModel.keepingRules([(0, readings)], prepared: [doc], keepAbove: readings[0].score)
        #expect(above.learned.count == (readings[2].score > readings[0].score ? 1 : 0))
    }

    /// Twelve documents, each with one claim whose cue the rules know and no other document uses,
    /// and two "blogged" claims that only every other document marks as gold (as annotators who
    /// disagree on a cue would): the model's own readings do worse out of fold than the rules'
    /// claims with the learned ones beside them.
    static func halfMarked() -> [LabeledDocument] {
        let cues = ["said", "told reporters", "announced", "warned", "stated", "claimed", "insisted", "argued", "explained",
                    "added", "noted", "wrote"]
        return cues.enumerated().map { n, cue in
            let a = TownNews.names[n % 12], b = TownNews.names[(n + 5) % 12], c = TownNews.names[(n + 7) % 12]
            let x = TownNews.claims[n % 12], y = TownNews.claims[(n + 3) % 12], z = TownNews.claims[(n + 8) % 12]
            let marked = n % 2 == 0
            let first = marked ? "{src1:\(a)} {cue1:blogged} that {con1:\(x)}." : "\(a) blogged that \(x)."
            let last = marked ? "{src3:\(c)} {cue3:blogged} that {con3:\(z)}." : "\(c) blogged that \(z)."
            return MarkedDocument(id: "half-\(n)", "\(first)\n\n{src2:\(b)} {cue2:\(cue)} that {con2:\(y)}.\n\n\(last)").labeled
        }
    }

    @Test("trained cross-fitted where that does better out of fold, it keeps the rules' claims and says so")
    func chosen() throws {
        var options = TrainingOptions()
        options.seed = 2
        let model = try AttributionModel.train(Self.halfMarked(), options: options)
        #expect(model.summary.calibrationDocuments == 12)
        #expect(model.keepsRules)
        #expect(model.summary.keepsRulesClaims)
        #expect(model.summary.json.serialized.hasSuffix(#""cue_words":14,"keeps_rules_claims":true}"#))
        // Extraction then gives the rules' claims as the rules do.
        let document = TownNews.document(40).document
        let rules = try RulesExtractor().extract(document)
        let kept = try ModelExtractor(model: model).extract(document)
        #expect(rules.count == 1)
        #expect(kept.contains { $0.content == rules[0].content && $0.confidence == rules[0].confidence })
        // With seed 1 its own readings did at least as well out of fold, and stay.
        let seedOne = try AttributionModel.train(Self.halfMarked(), options: TrainingOptions())
        #expect(!seedOne.keepsRules)
        #expect(!seedOne.summary.json.serialized.contains("keeps_rules_claims"))
    }

    @Test("trained cross-fitted on documents whose every claim it reads right, it keeps its own readings")
    func notChosen() throws {
        let model = try AttributionModel.train((0..<12).map { TownNews.document($0).labeled }, options: TrainingOptions())
        #expect(model.summary.calibrationDocuments == 12)
        #expect(!model.keepsRules)
    }
}
