import ClaimModel
import Extraction
@testable import Learning
import Testing

/// Words the training gold used as cues are anchors even where the cue detector scores them low;
/// the floor learned out of fold keeps only the ones worth the scorer's time.
@Suite("The cue lexicon's floor: which low-scoring lexicon words stay anchors")
struct LexiconFloorTests {
    typealias Tally = (truePositives: Int, predicted: Int, gold: Int)

    @Test("dropping readings that are mostly wrong raises F1: the floor lies between the last dropped and the first kept")
    func between() {
        let lexicon: [(level: Float, real: Bool)] = [(-1, true), (-5, false), (-2, true), (-4, false)]
        // F1 20/34 = 0.588 keeping all; 20/32 = 0.625 without the two wrong ones; 18/31 = 0.581
        // without a real one too.
        #expect(AttributionModel.lexiconFloor(lexicon, tally: (10, 14, 20)) == -3)
    }

    @Test("all real: none dropped, the floor a margin below the lowest; all wrong: no lexicon-only anchor; none kept: no floor")
    func extremes() {
        #expect(AttributionModel.lexiconFloor([(-3, true), (-1, true)], tally: (10, 12, 20)) == -4)
        #expect(AttributionModel.lexiconFloor([(-3, false), (-1, false)], tally: (10, 12, 20)) == .infinity)
        #expect(AttributionModel.lexiconFloor([], tally: (10, 12, 20)) == -.infinity)
        #expect(AttributionModel.lexiconFloor([], tally: (0, 0, 0)) == -.infinity)
    }

    @Test("equal F1 drops more (a cheaper extractor); readings of one level are dropped together or not at all")
    func tiesAndLevels() {
        // Dropping the wrong reading at -5 gives F1 2·2/(4 + 2) = 2/3, dropping all four 2·1/(1 + 2)
        // = 2/3 too: all are dropped.
        #expect(AttributionModel.lexiconFloor([(-5, false), (-3, true), (-2, false), (-1, false)], tally: (2, 5, 2)) == .infinity)
        // A wrong and a real reading at -2: dropping the wrong one alone would raise F1, but no floor
        // parts them, and dropping both lowers it: neither is dropped.
        #expect(AttributionModel.lexiconFloor([(-2, false), (-2, true), (-1, true)], tally: (5, 6, 6)) == -3)
    }

    @Test("a lexicon word scoring below the floor is no anchor; at the floor, or above the proposal level, it is")
    func candidates() throws {
        let text = try TokenizedText.withRulesSentences("The harbour pilot radioed that the tide would delay the launch.")
        let radioed = try #require(text.tokens.indices.first { text.tokens[$0].lower == "radioed" })
        let lexicon = CueLexicon(entries: ["radioed": .init(cue: 5, seen: 5)])
        func anchors(score: Float, floor: Float) -> [String] {
            var scores = [Float](repeating: -10, count: text.tokens.count)
            scores[radioed] = score
            return CandidateBuilder(text: text, lexicon: lexicon, cueScores: scores, proposeAbove: 2, lexiconFloor: floor)
                .anchors(proposals: []).map { text.words($0.cue) }
        }
        #expect(anchors(score: -1, floor: -.infinity) == ["radioed"])
        #expect(anchors(score: -1, floor: -0.5) == [])
        #expect(anchors(score: -0.5, floor: -0.5) == ["radioed"])
        #expect(anchors(score: 1, floor: .infinity) == [])
        #expect(anchors(score: 3, floor: .infinity) == ["radioed"])
    }

    @Test("a trained model's floor: the analysts' few documents keep their lexicon cue an anchor in new text")
    func trainedFew() throws {
        let model = try AttributionModel.train(CueDetectorTests.training.map(\.labeled), options: TrainingOptions())
        #expect(model.detector.lexiconFloor < model.detector.proposeAbove)
        let document = Document(id: "new", text: "Fog again. Nadia Petrova radioed that the channel buoy is adrift.")
        let found = try ModelExtractor(model: model).extract(document)
        let text = ScalarText(document.text)
        #expect(found.map { $0.cue.map { text.slice($0) } } == ["radioed"])
    }

    @Test("gold with no cue at all: the detector learns no level, and the model's floor is still a number its bytes keep")
    func noCues() throws {
        let docs = (0..<4).map { n in
            MarkedDocument(id: "plain-\(n)", "Fog lay on the water. {con1:The ferry \(n) will run late}.").labeled
        }
        let model = try AttributionModel.train(docs, options: TrainingOptions())
        #expect(model.detector.proposeAbove == .infinity)
        #expect(!model.detector.lexiconFloor.isNaN)
        let decoded = try AttributionModel(decoding: model.encoded())
        #expect(decoded.detector == model.detector)
    }
}
