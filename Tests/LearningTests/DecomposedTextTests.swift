import ClaimModel
import Foundation
import Learning
import Testing

/// Short texts written for these tests: accented names and an accented cue ("blogué") the rules
/// do not know, so the model has to learn the cue word from the composed spelling.
enum AccentedNews {
    static let names = ["José Núñez", "Zoë Côté", "Renée Dupré", "André Lefèvre", "Chloé Bélanger", "Inès Müller"]

    /// Document `n` in composed (NFC) spelling: two "blogué that" claims and a "said" claim.
    static func marked(_ n: Int) -> String {
        let a = names[n % names.count], b = names[(n + 2) % names.count], c = names[(n + 4) % names.count]
        let x = TownNews.claims[n % TownNews.claims.count], y = TownNews.claims[(n + 3) % TownNews.claims.count]
        let z = TownNews.claims[(n + 8) % TownNews.claims.count]
        return """
        \(TownNews.filler[n % TownNews.filler.count]) {src1:\(a)} {cue1:blogué} that {con1:\(x)}.

        {src2:\(b)}, a member of the council, {cue2:said} {con2:\(y)}. \(TownNews.filler[(n + 1) % TownNews.filler.count])

        Later that evening {src3:\(c)} {cue3:blogué} that {con3:\(z)}.
        """
    }
}

@Suite("ModelExtractor: decomposed accents read as their composed spelling")
struct DecomposedTextTests {
    /// (source, cue, content) of each attribution, as offsets into the document's own scalars.
    static func roles(_ attributions: [Attribution]) -> [[Fragments?]] {
        attributions.map { [$0.source, $0.cue, $0.content] }
    }

    @Test("a model trained on composed accents finds the same attributions in the decomposed spelling, at that text's offsets")
    func decomposedMatchesComposed() throws {
        let model = try AttributionModel.train((0..<6).map { MarkedDocument(id: "acc-\($0)", AccentedNews.marked($0)).labeled },
                                               options: TrainingOptions())
        let marked = "Before noon {src1:Zoë Côté} {cue1:blogué} that {con1:the café pier was flooded}."
        let composed = MarkedDocument(id: "nfc", marked)
        let decomposed = MarkedDocument(id: "nfd", marked.decomposedStringWithCanonicalMapping)
        // The spellings really differ in scalars (5 accents decomposed), so offsets differ too.
        #expect(decomposed.document.text.unicodeScalars.count == composed.document.text.unicodeScalars.count + 5)
        #expect(decomposed.attributions.first?.content != composed.attributions.first?.content)

        let extractor = try ModelExtractor(model: model)
        let foundComposed = extractor.extract(composed.document)
        let foundDecomposed = extractor.extract(decomposed.document)
        #expect(Self.roles(foundComposed) == Self.roles(composed.attributions))
        #expect(Self.roles(foundDecomposed) == Self.roles(decomposed.attributions))
        #expect(decomposed.text(foundDecomposed.first?.cue) == "blogue\u{301}")
        #expect(foundDecomposed.map(\.confidence) == foundComposed.map(\.confidence))
    }
}
