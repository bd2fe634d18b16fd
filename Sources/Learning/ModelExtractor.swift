import ClaimModel
import Extraction

/// Extracts attributions with a trained model: the rules' proposals (base `rules`) and the learned
/// cues as anchors, the model's choice of reading for each, calibrated confidences.
public struct ModelExtractor: Sendable {
    public let model: AttributionModel
    let rules: RulesExtractor

    /// Builds its own rules extractor (for the proposals with base `rules`, and for sentences).
    public init(model: AttributionModel) throws(LearningError) {
        self.model = model
        do { rules = try RulesExtractor() } catch { throw .rulesUnavailable(reason: "\(error)") }
    }

    /// The document's attributions, in text order, ids `m1`, `m2`, …; spans in Unicode-scalar offsets.
    public func extract(_ document: Document) -> [Attribution] {
        let (text, proposals) = TokenizedText.reading(document, rules: rules, base: model.options.base)
        var readings = Decoder(model: model, text: text)
            .decode(proposals: proposals)
        if model.keepsRules {
            let claims = RulesFirst.claims(proposals, text: text)
            readings = (claims + RulesFirst.beside(claims, readings, text: text)).enumerated()
                .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        }
        var result: [Attribution] = []
        for reading in readings {
            if reading.isRulesClaim, let p = reading.proposal {
                // A rules claim kept as the rules gave it (its confidence is the rules').
                var a = proposals[p].attribution
                a.id = "m\(result.count + 1)"
                result.append(a)
                continue
            }
            guard let content = text.fragments(reading.content) else { continue }
            var a = Attribution(id: "m\(result.count + 1)")
            a.content = content
            a.cue = text.fragments(reading.cue)
            a.source = text.fragments(reading.source)
            if let p = reading.proposal, reading.sourceIsProposals {
                let proposal = proposals[p].attribution
                a.outlet = proposal.outlet
                a.sourceType = proposal.sourceType
                a.anonymous = proposal.anonymous
                a.sourceEntity = proposal.sourceEntity
            } else if a.source == nil {
                a.sourceType = .implicit
            }
            a.confidence = (model.calibrator.probability(reading.score) * 1000).rounded() / 1000
            result.append(a)
        }
        return result
    }
}

extension TokenizedText {
    /// A document as the model reads it: its tokens and sentences, and the rules' proposals (none
    /// with base `none`), from one decoding of the text for both (training and extraction alike).
    static func reading(_ document: Document, rules: RulesExtractor, base: TrainingOptions.Base)
        -> (text: TokenizedText, proposals: [RulesExtractor.Detailed]) {
        guard base == .rules else {
            let (sentences, scalars) = rules.sentenceSpansWithScalars(in: document.text)
            return (TokenizedText(scalars: scalars, sentenceSpans: sentences), [])
        }
        let (detailed, sentences, scalars) = rules.extractDetailedWithScalars(document)
        return (TokenizedText(scalars: scalars, sentenceSpans: sentences), detailed)
    }
}
