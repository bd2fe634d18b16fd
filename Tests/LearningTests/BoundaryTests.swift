import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("BoundaryChooser: where a reading's content and source end is learned")
struct BoundaryTests {
    @Test("a content is offered cut at a clause break and without its leading \"that\"")
    func contentAlternatives() throws {
        let text = try TokenizedText.withRulesSentences("Ana Ruiz radioed that the ferry is late, but the timetable stays (for now) the same.")
        let that = try #require(text.tokens.firstIndex { $0.lower == "that" })
        let end = text.tokens.count - 1   // the final full stop stays out
        let alternatives = BoundaryChooser.contentAlternatives([that..<end], cue: [(that - 1)..<that], text: text)
        #expect(alternatives.map(\.kind) == [.base, .cut, .cut, .trim])
        #expect(alternatives.map { text.words($0.ranges) } == [
            "that the ferry is late , but the timetable stays ( for now ) the same",
            "that the ferry is late",
            "that the ferry is late , but the timetable stays",
            "the ferry is late , but the timetable stays ( for now ) the same",
        ])
    }

    @Test("a source is offered cut before an appositive, and a guessed subject shortened at either end")
    func sourceAlternatives() throws {
        let text = try TokenizedText.withRulesSentences("Captain Ana Ruiz, who runs the tug, radioed that the pier is flooded.")
        let comma = try #require(text.tokens.firstIndex { $0.lower == "," })
        let cut = BoundaryChooser.sourceAlternatives([0..<(comma + 5)], guessed: false, text: text)
        #expect(cut.map { text.words($0.ranges) } == ["captain ana ruiz , who runs the tug", "captain ana ruiz"])
        let guessed = BoundaryChooser.sourceAlternatives([0..<3], guessed: true, text: text)
        #expect(guessed.map { text.words($0.ranges) } == [
            "captain ana ruiz", "captain ana ruiz , who runs the tug",
            "captain ana ruiz , who runs the tug , radioed that the pier is flooded",
            "captain", "captain ana", "ruiz", "ana ruiz",
        ])
        #expect(guessed.map(\.kind) == [.base, .sourceToComma, .sourceToEnd, .sourcePrefix, .sourcePrefix, .sourceSuffix, .sourceSuffix])
    }

    @Test("a source after its cue is offered widened through its appositive, to the next comma and to the sentence's end")
    func sourceWidened() throws {
        let text = try TokenizedText.withRulesSentences("\u{201C}The pier is shut,\u{201D} said Ana Ruiz, 65, who runs the tug.")
        let ana = try #require(text.tokens.firstIndex { $0.lower == "ana" })
        let alternatives = BoundaryChooser.sourceAlternatives([ana..<(ana + 2)], guessed: false, text: text)
        #expect(alternatives.map(\.kind) == [.base, .sourceToComma, .sourceToEnd])
        #expect(alternatives.map { text.words($0.ranges) } == ["ana ruiz", "ana ruiz , 65", "ana ruiz , 65 , who runs the tug"])
    }

    @Test("a content is offered cut at any other comma too, ranked apart from the clause breaks")
    func commaCuts() throws {
        let text = try TokenizedText.withRulesSentences("Ana Ruiz radioed that the ferry is late in Dover, the pier is shut, and the tug waits.")
        let that = try #require(text.tokens.firstIndex { $0.lower == "that" })
        let end = text.tokens.count - 1
        let alternatives = BoundaryChooser.contentAlternatives([(that + 1)..<end], cue: [(that - 1)..<that], text: text)
        #expect(alternatives.map(\.kind) == [.base, .cut, .commaCut, .that])
        #expect(alternatives.map { text.words($0.ranges) } == [
            "the ferry is late in dover , the pier is shut , and the tug waits",
            "the ferry is late in dover , the pier is shut",
            "the ferry is late in dover",
            "that the ferry is late in dover , the pier is shut , and the tug waits",
        ])
    }

    /// Reports whose gold content stops before ", but …": a learned cue's reading runs to the
    /// sentence end, so only a learned boundary gets it right.
    static let training = (0..<6).map { n in
        let names = ["Ana Ruiz", "Tom Becker", "Lena Park", "Omar Haddad", "Grace Liu", "Pavel Novak"]
        let claims = ["the ferry will run late", "the pier is flooded", "the harbour gate is stuck", "the storm has passed",
                      "the lighthouse lamp is out", "the tug lost an engine"]
        let tails = ["but nobody was hurt", "but the crew stayed calm", "but help is on the way", "and the radio kept working"]
        return MarkedDocument(id: "tail-\(n)", """
        Fog lay on the water. {src1:\(names[n])} {cue1:radioed} that {con1:\(claims[n])}, \(tails[n % 4]).

        \(["At dawn", "By then", "Later"][n % 3]) {src2:\(names[(n + 3) % 6])} {cue2:radioed} that {con2:\(claims[(n + 2) % 6])}, \(tails[(n + 1) % 4]).
        """).labeled
    }

    @Test("trained on six documents, the model ends a new reading's content before \", but\"")
    func learnedCut() throws {
        let model = try AttributionModel.train(Self.training, options: TrainingOptions())
        let fresh = MarkedDocument(id: "new", "At noon {src1:Rita Moreau} {cue1:radioed} that {con1:the bridge was shut}, but the road stayed open.")
        let found = try ModelExtractor(model: model).extract(fresh.document)
        #expect(found.map { fresh.text($0.content) } == ["the bridge was shut"])
        #expect(found.map { fresh.text($0.source) } == ["Rita Moreau"])
    }

    @Test("the same data and seed give the same boundary weights")
    func deterministic() throws {
        let a = try AttributionModel.train(Self.training, options: TrainingOptions())
        let b = try AttributionModel.train(Self.training, options: TrainingOptions())
        #expect(a.boundaries == b.boundaries)
        #expect(a.boundaries.weights.count > 10)
    }
}
