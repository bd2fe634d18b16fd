import ClaimModel
import Extraction
@testable import Learning
import Testing

/// Pins a small model's bytes and its exact output (spans and confidences) on short texts of our
/// own, so that work on the extractor's speed cannot change what it extracts. The expected values
/// were produced by the code before the speed work (feature strings built and hashed per
/// variant); issue 13's cue detector and learned boundaries (model format 2) changed them once more,
/// and the net reading scorer (format 3) again: on these few documents, where every third one
/// leaves its "said" claim out of the gold, the net scores the "said" readings near the odds
/// it saw, under the threshold, where the perceptron kept them. Cross-fitted calibration (format 4)
/// fits the kept model on every document and chooses the threshold out of fold: the "said"
/// readings are kept again, at the confidence their odds in the gold earn (two of three real).
/// Rules cues offered the learned readings too (still format 4) read "Søren Ødegaard" without the
/// "Friday" the rules' source starts with, and keep only the likeliest "said" reading. Format 5
/// adds the cue lexicon's floor (four bytes more); what these models extract stayed as it was.
/// Change them only when the model itself is meant to change (new features, another
/// training), never for a speed change, and say so in the commit.
@Suite("ModelExtractor: output pinned across speed work")
struct ModelOutputPinTests {
    /// Training documents: the town news (every third one without its "said" claim in the gold,
    /// so that calibration sees proposals that are wrong and confidences differ), plus texts with
    /// accents, typographic quotes and apostrophes, capitals and line breaks, so that lowercasing
    /// and tokenising are pinned too.
    static let training: [LabeledDocument] = (0..<24).map { n in
        let town = TownNews.document(n)
        return LabeledDocument(document: town.document,
                               attributions: n % 3 == 0 ? town.attributions.filter { $0.id != "g2" } : town.attributions)
    } + [
        MarkedDocument(id: "accents-1", """
            {src1:Zoë Ångström} {cue1:blogged} that {con1:the école on Rue Hélène reopens in März}.
            “{con2:The quay’s lights are broken},” {cue2:said} {src2:Åsa Öberg}.
            """).labeled,
        MarkedDocument(id: "accents-2", """
            THE HARBOUR BOARD met on Monday.
            {src1:Émile Durand} {cue1:blogged} that {con1:the ferry’s engine was replaced}.
            {src2:He} {cue2:said} “{con2:nobody was hurt}.”
            """).labeled,
    ]

    static let probes: [Document] = [
        Document(id: "p1", text: """
            Early on Friday Søren Ødegaard blogged that the école’s roof leaks again.
            “The budget is spent,” said Marie-Hélène Côté, the mayor.
            """),
        Document(id: "p2", text: "ÅSA ÖBERG BLOGGED THAT THE PIER IS SHUT. Tom Becker said the bus fares rise in June."),
        Document(id: "p3", text: """
            Later that evening Grace Liu blogged that the park gets new benches, and Omar Haddad, \
            a member of the council, said the bridge closes for a week.

            Nobody said anything about the clinic.
            """),
    ]

    /// Each attribution as `source | cue | content | confidence`, one line each, per probe.
    static func render(_ model: AttributionModel) throws -> String {
        let extractor = try ModelExtractor(model: model)
        return probes.map { document in
            let text = ScalarText(document.text)
            let lines = extractor.extract(document).map { a in
                [a.source, a.cue, a.content].map { $0.map { text.slice($0, separator: " … ") } ?? "-" }.joined(separator: " | ")
                    + " | " + (a.confidence.map { String($0) } ?? "-")
            }
            return "\(document.id):\n" + lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Every anchor's best reading's raw score (no threshold, before calibration), exact to the
    /// last bit: the order features are added in is part of the arithmetic.
    static func scores(_ model: AttributionModel) throws -> String {
        let rules = try RulesExtractor()
        return probes.map { document in
            let text = TokenizedText(document.text, sentenceSpans: rules.sentenceSpans(in: document.text))
            let proposals = model.options.base == .rules ? rules.extractDetailed(document) : []
            return Decoder(model: model, text: text, threshold: -.infinity)
                .decode(proposals: proposals).map { "\($0.score)" }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// FNV-1a of the model's bytes.
    static func digest(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return String(h, radix: 16)
    }

    @Test("a model on the rules: the same bytes and the same attributions and confidences")
    func onRules() throws {
        let model = try AttributionModel.train(Self.training, options: TrainingOptions())
        let bytes = model.encoded()
        #expect("\(bytes.count) \(Self.digest(bytes))" == "19505 2d1197b05e3ca2db")
        #expect(try Self.render(model) == """
            p1:
            Søren Ødegaard | blogged | the école’s roof leaks again | 0.996
            p2:
            ÅSA ÖBERG | BLOGGED | THE PIER IS SHUT | 0.996
            Tom Becker | said | the bus fares rise in June | 0.617
            p3:
            Grace Liu | blogged | the park gets new benches, and Omar Haddad, a member of the council, said the bridge closes for a week | 0.996
            """)
        #expect(try Self.scores(model) == "5.850639343261719 -0.7674026489257812\n4.68493127822876 -0.03297735005617142\n"
                + "6.720188617706299 -1.1778502464294434")
    }

    @Test("a model on learned cues alone (base none): the same bytes and output")
    func onLearnedCues() throws {
        var options = TrainingOptions()
        options.base = .none
        options.seed = 5
        let model = try AttributionModel.train(Self.training, options: options)
        let bytes = model.encoded()
        #expect("\(bytes.count) \(Self.digest(bytes))" == "18312 ea827655fc6558ee")
        #expect(try Self.render(model) == """
            p1:
            Søren Ødegaard | blogged | the école’s roof leaks again | 0.996
            is spent | said | Marie-Hélène Côté, the mayor | 0.7
            p2:
            ÅSA ÖBERG | BLOGGED | THE PIER IS SHUT | 0.996
            Tom Becker | said | the bus fares rise in June | 0.7
            p3:
            Grace Liu | blogged | the park gets new benches, and Omar Haddad, a member of the council, said the bridge closes for a week | 0.996
            Nobody | said | anything about the clinic | 0.7
            """)
        #expect(try Self.scores(model) == "5.607570648193359 0.663878858089447\n4.014622688293457 1.5468316078186035\n"
                + "6.223926067352295 0.22115463018417358")
    }
}
