import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("ErrorBreakdown: found and kept by kind of cue")
struct CueKindTests {
    @Test("a cue's kind is the rules lexicon's class of its first known word, else \"according to\" or other")
    func kinds() throws {
        let rules = try RulesExtractor()
        #expect(ErrorBreakdown.cueKinds == ["speech", "belief", "plan", "evidence", "stance", "according to", "other"])
        #expect(ErrorBreakdown.cueKind(["told"], rules: rules) == "speech")
        #expect(ErrorBreakdown.cueKind(["Fears"], rules: rules) == "belief")
        #expect(ErrorBreakdown.cueKind(["plans"], rules: rules) == "plan")
        #expect(ErrorBreakdown.cueKind(["according", "to"], rules: rules) == "according to")
        #expect(ErrorBreakdown.cueKind(["has", "radioed", "and", "said"], rules: rules) == "speech")
        #expect(ErrorBreakdown.cueKind(["radioed"], rules: rules) == "other")
        #expect(ErrorBreakdown.cueKind([], rules: rules) == "other")
        #expect(ErrorBreakdown.cueKind(["showed"], rules: rules) == "evidence")
        #expect(rules.cueClass(of: "Deemed") == .stance)
        #expect(rules.cueClass(of: "CRITICIZED") == .speech)
        #expect(rules.cueClass(of: "criticism") == nil)
    }

    @Test("the town news: its \"said\" cues are speech, its \"blogged\" ones other, and the kinds add up to the totals")
    func breakdown() throws {
        let training = (0..<24).map { TownNews.document($0).labeled }
        let model = try AttributionModel.train(training, options: TrainingOptions())
        let b = try model.errorBreakdown((24..<30).map { TownNews.document($0).labeled })
        #expect(b.byCueKind.map(\.kind) == ErrorBreakdown.cueKinds)
        #expect(b.byCueKind.map(\.gold) == [6, 0, 0, 0, 0, 0, 12])
        #expect(b.byCueKind.reduce(0) { $0 + $1.found } == b.found)
        #expect(b.byCueKind.reduce(0) { $0 + $1.kept } == b.kept)
        #expect(b.byCueKind.allSatisfy { $0.keptFitting <= $0.kept })
        // Every gold attribution of a kind is found or lost in exactly one way.
        #expect(b.byCueKind.allSatisfy {
            $0.found + $0.neverProposed + $0.noFittingReading + $0.belowThreshold + $0.wrongReading + $0.lostToOverlap == $0.gold
        })
        #expect(b.byCueKind.reduce(0) { $0 + $1.belowThreshold } == b.belowThreshold)
        #expect(b.found == 18)
    }
}
