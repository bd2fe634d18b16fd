import ClaimModel
import Extraction
@testable import Learning
import Testing

@Suite("CueDetector: a learned cue detector over every token")
struct CueDetectorTests {
    /// Five short documents where analysts marked "radioed" as a cue; the rules know "said" only.
    static let training = (0..<5).map { n in
        let names = ["Ana Ruiz", "Tom Becker", "Lena Park", "Omar Haddad", "Grace Liu", "Pavel Novak"]
        let claims = ["the ferry will run late", "the pier is flooded", "the harbour gate is stuck", "the storm has passed",
                      "the lighthouse lamp is out", "the tug lost an engine"]
        return MarkedDocument(id: "radio-\(n)", """
        Fog lay on the water all day. {src1:\(names[n])} {cue1:radioed} that {con1:\(claims[n])}.

        The crew waited at the dock. {src2:\(names[(n + 2) % 6])} {cue2:radioed} that {con2:\(claims[(n + 3) % 6])}.
        """)
    }

    static func prepared(_ docs: [MarkedDocument]) throws -> [PreparedDocument] {
        let rules = try RulesExtractor()
        return docs.map { PreparedDocument($0.labeled, rules: rules, base: .rules) }
    }

    static func train(seed: UInt64 = 1) throws -> (CueDetector, CueLexicon) {
        let docs = try prepared(training)
        let lexicon = CueLexicon(documents: docs)
        var rng = SplitMix64(seed: seed)
        return (CueDetector.train(docs, lexicon: lexicon, epochs: 3, rng: &rng), lexicon)
    }

    @Test("trained on five documents, it scores the new cue above its proposal level and the other words below")
    func learnsNewCue() throws {
        let (detector, lexicon) = try Self.train()
        let fresh = try Self.prepared([MarkedDocument(id: "new", "Near dusk {src1:Rita Moreau} {cue1:radioed} that {con1:the bridge was shut}.")])[0]
        let scores = detector.scores(fresh.text, context: fresh.context, lexicon: lexicon)
        let words = fresh.text.tokens.map(\.lower)
        let cue = try #require(words.firstIndex(of: "radioed"))
        #expect(scores[cue] > detector.proposeAbove)
        for (t, word) in words.enumerated() where t != cue && fresh.text.tokens[t].isWord {
            #expect(scores[t] < scores[cue], "\(word)")
        }
        for word in ["dusk", "rita", "bridge", "shut"] {
            let t = try #require(words.firstIndex(of: word))
            #expect(scores[t] <= detector.proposeAbove, "\(word)")
        }
    }

    @Test("auxiliaries and punctuation are never scored")
    func unscored() throws {
        let (detector, lexicon) = try Self.train()
        let doc = try Self.prepared([MarkedDocument(id: "x", "Tom has radioed, and it was late.")])[0]
        let scores = detector.scores(doc.text, context: doc.context, lexicon: lexicon)
        let unscored = doc.text.tokens.indices.filter { scores[$0] == -.infinity }.map { doc.text.tokens[$0].lower }
        #expect(unscored == ["has", ",", "it", "was", "."])
    }

    @Test("the same documents and seed give the same detector")
    func deterministic() throws {
        let (a, _) = try Self.train()
        let (b, _) = try Self.train()
        #expect(a == b)
        #expect(a.weights.count > 20)
    }
}
