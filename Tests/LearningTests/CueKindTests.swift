import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("ErrorBreakdown: found and kept by kind of cue")
struct CueKindTests {
    @Test("a cue's kind is the rules lexicon's class of its first known word, else \"according to\" or other")
    func kinds() throws {
        let rules = try RulesExtractor()
        #expect(RulesExtractor.cueKinds == ["speech", "belief", "plan", "evidence", "stance", "according to", "other"])
        #expect(rules.cueKind(ofCue: "told") == "speech")
        #expect(rules.cueKind(ofCue: "Fears") == "belief")
        #expect(rules.cueKind(ofCue: "plans") == "plan")
        #expect(rules.cueKind(ofCue: "according to") == "according to")
        #expect(rules.cueKind(ofCue: "has radioed and said") == "speech")
        #expect(rules.cueKind(ofCue: "radioed") == "other")
        #expect(rules.cueKind(ofCue: "") == "other")
        // The first word either way decides: "according" before a lexicon verb, and after one.
        #expect(rules.cueKind(ofCue: "according to reports") == "according to")
        #expect(rules.cueKind(ofCue: "reports according to") == "speech")
        #expect(rules.cueKind(ofCue: "showed") == "evidence")
        #expect(rules.cueKind(ofCue: "Deemed") == "stance")
        #expect(rules.cueKind(ofCue: "CRITICIZED") == "speech")
        #expect(rules.cueKind(ofCue: "criticism") == "other")
        // Adjectives of attitude count as the lexicon's words too.
        #expect(rules.cueKind(ofCue: "are confident") == "belief")
        #expect(rules.cueKind(ofCue: "has been critical of") == "stance")
        #expect(rules.cueKind(ofCue: "was eager") == "plan")
    }

    /// Town news the model learned from, then two texts of its town with cues it never saw:
    /// "radioed" (no word the rules know) and "plans" (the plan class), and a "said" claim left out
    /// of the gold (a kept reading that fits nothing).
    static let unseen = [
        MarkedDocument(id: "radio-1", """
            Rain fell over the harbour all morning. {src1:Ana Ruiz} {cue1:radioed} that {con1:the pier is flooded}.

            {src2:Tom Becker} {cue2:plans} {con2:to close the market on Sunday}.
            """).labeled,
        MarkedDocument(id: "radio-2", """
            {src1:Lena Park} {cue1:radioed} from the coast road that {con1:the bridge is closed}.
            {src2:Omar Haddad}, a member of the council, {cue2:said} {con2:the bus fares rise in June}.
            Carl Weiss, a member of the council, said the park gets new benches.
            """).labeled,
    ]

    @Test("the town news: \"said\" is speech, \"blogged\" and \"radioed\" other, \"plans\" plan; each kind adds up")
    func breakdown() throws {
        let training = (0..<24).map { TownNews.document($0).labeled }
        let model = try AttributionModel.train(training, options: TrainingOptions())
        let b = try model.errorBreakdown((24..<30).map { TownNews.document($0).labeled } + Self.unseen)
        #expect(b.byCueKind.map(\.kind) == RulesExtractor.cueKinds)
        #expect(b.byCueKind.map(\.gold) == [7, 0, 1, 0, 0, 0, 14])
        #expect(b.byCueKind.map(\.found) == [7, 0, 1, 0, 0, 0, 12])
        #expect(b.byCueKind.map(\.neverProposed) == [0, 0, 0, 0, 0, 0, 2])
        #expect(b.byCueKind.map(\.kept) == [8, 0, 1, 0, 0, 0, 12])
        #expect(b.byCueKind.map(\.keptFitting) == [7, 0, 1, 0, 0, 0, 12])
        #expect(b.byCueKind.map(\.rareCue) == [0, 0, 1, 0, 0, 0, 2])
        #expect(b.byCueKind.map(\.rareFound) == [0, 0, 1, 0, 0, 0, 0])
        // Every gold attribution of a kind is found or lost in exactly one way, and the kinds add
        // up to the breakdown's totals.
        #expect(b.byCueKind.allSatisfy {
            $0.found + $0.neverProposed + $0.noFittingReading + $0.belowThreshold + $0.wrongReading + $0.lostToOverlap == $0.gold
        })
        #expect(b.byCueKind.reduce(0) { $0 + $1.found } == b.found)
        #expect(b.byCueKind.reduce(0) { $0 + $1.neverProposed } == b.neverProposed)
        #expect(b.byCueKind.reduce(0) { $0 + $1.noFittingReading } == b.noFittingReading)
        #expect(b.byCueKind.reduce(0) { $0 + $1.belowThreshold } == b.belowThreshold)
        #expect(b.byCueKind.reduce(0) { $0 + $1.wrongReading } == b.wrongReading)
        #expect(b.byCueKind.reduce(0) { $0 + $1.lostToOverlap } == b.lostToOverlap)
        #expect(b.byCueKind.reduce(0) { $0 + $1.kept } == b.kept)
    }
}
