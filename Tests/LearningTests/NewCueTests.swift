import ClaimModel
import Extraction
import Learning
import Testing

@Suite("ModelExtractor: a cue the rules do not know, learned from a few documents")
struct NewCueTests {
    @Test("the rules miss \"blogged that\"; a model trained on five documents finds it in new ones")
    func learnsPosted() throws {
        let rules = try RulesExtractor()
        let fresh = MarkedDocument(id: "new", "Before noon {src1:Nora Quinn} {cue1:blogged} that {con1:the ferry pier was flooded}.")
        #expect(rules.extract(fresh.document).isEmpty)

        let model = try AttributionModel.train((0..<5).map { TownNews.document($0).labeled }, options: TrainingOptions())
        let found = try ModelExtractor(model: model).extract(fresh.document)
        #expect(found.count == 1)
        let claim = try #require(found.first)
        #expect(fresh.text(claim.source) == "Nora Quinn")
        #expect(fresh.text(claim.cue) == "blogged")
        #expect(fresh.text(claim.content) == "the ferry pier was flooded")
        #expect((claim.confidence ?? 0) > 0.5)
    }

    @Test("with base none the learned cue alone still finds it")
    func baseNone() throws {
        var options = TrainingOptions()
        options.base = .none
        let model = try AttributionModel.train((0..<5).map { TownNews.document($0).labeled }, options: options)
        let fresh = MarkedDocument(id: "new", "{src1:Nora Quinn} {cue1:blogged} that {con1:the ferry pier was flooded}.")
        let found = try ModelExtractor(model: model).extract(fresh.document)
        #expect(found.map { fresh.text($0.content) } == ["the ferry pier was flooded"])
    }
}
