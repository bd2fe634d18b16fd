import ClaimModel

/// The running counts behind a `ScoreReport`, for the whole run or for one group.
///
/// Counting events (a gold attribution, a prediction, a pair) rather than computing figures per
/// document is what makes the averages micro-averages and lets groups reuse the same code.
struct ScoreTally: Sendable {
    var documents = 0
    var claim = PRF()
    var attribution = PRF()
    var roles = RoleScoreSet()
    var fields = FieldAccuracy()
    var errors = ErrorCounts()
    /// The last document counted in `documents`, so that a group counts each document once.
    private var lastDocument = -1

    /// Counts document number `index` once, however many events it brings.
    mutating func touch(document index: Int) {
        if lastDocument != index {
            lastDocument = index
            documents += 1
        }
    }

    /// A gold attribution: recall denominators.
    mutating func addGold(_ attribution: Attribution, tokens: TokenIndex, contentTokens: Int) {
        claim.gold += 1
        self.attribution.gold += 1
        Self.addDenominators(&roles.source, attribution.source, tokens: tokens, known: nil, toGold: true)
        Self.addDenominators(&roles.cue, attribution.cue, tokens: tokens, known: nil, toGold: true)
        Self.addDenominators(&roles.content, attribution.content, tokens: tokens, known: contentTokens, toGold: true)
    }

    /// A prediction: precision denominators.
    mutating func addPrediction(_ attribution: Attribution, tokens: TokenIndex, contentTokens: Int) {
        claim.predicted += 1
        self.attribution.predicted += 1
        Self.addDenominators(&roles.source, attribution.source, tokens: tokens, known: nil, toGold: false)
        Self.addDenominators(&roles.cue, attribution.cue, tokens: tokens, known: nil, toGold: false)
        Self.addDenominators(&roles.content, attribution.content, tokens: tokens, known: contentTokens, toGold: false)
    }

    private static func addDenominators(
        _ scores: inout RoleScores, _ fragments: Fragments?, tokens: TokenIndex, known: Int?, toGold: Bool
    ) {
        guard let fragments else { return }
        let count = known ?? tokens.count(in: fragments)
        if toGold {
            scores.tokenOverlap.gold += count
            scores.exact.gold += 1
        } else {
            scores.tokenOverlap.predicted += count
            scores.exact.predicted += 1
        }
    }

    /// A content-matched pair: true positives, field accuracy and matched-pair errors.
    mutating func addPair(
        gold: Attribution, predicted: Attribution, source: RoleComparison, cue: RoleComparison,
        content: RoleComparison, mode: MatchMode
    ) {
        claim.truePositives += 1
        let sourceMatches = source.matches(mode)
        let cueMatches = cue.matches(mode)
        if sourceMatches && cueMatches && content.matches(mode) { attribution.truePositives += 1 }
        Self.addTruePositives(&roles.source, source)
        Self.addTruePositives(&roles.cue, cue)
        Self.addTruePositives(&roles.content, content)

        fields.source.total += 1
        fields.cue.total += 1
        fields.outlet.total += 1
        if sourceMatches { fields.source.correct += 1 }
        if cueMatches { fields.cue.correct += 1 }
        if Self.sameOutlet(gold.outlet, predicted.outlet) { fields.outlet.correct += 1 }
        // Gold with neither source_type nor anonymous is not annotated for them (PolNeAR has
        // neither): such pairs say nothing about these two fields and are not counted.
        if gold.sourceType != nil || gold.anonymous != nil {
            fields.sourceType.total += 1
            fields.anonymous.total += 1
            if gold.sourceType == predicted.sourceType { fields.sourceType.correct += 1 }
            if gold.anonymous == predicted.anonymous { fields.anonymous.correct += 1 }
        }

        if !sourceMatches { errors.wrongSource += 1 }
        if !cueMatches { errors.wrongCue += 1 }
        if Self.isBoundaryOnly(source, cue, content) { errors.boundaryOnly += 1 }
    }

    private static func addTruePositives(_ scores: inout RoleScores, _ comparison: RoleComparison) {
        scores.tokenOverlap.truePositives += comparison.sharedTokens
        if comparison.bothPresent && comparison.identical { scores.exact.truePositives += 1 }
    }

    /// All three roles overlap but at least one is not identical: the claim is right and only
    /// span boundaries differ.
    static func isBoundaryOnly(_ source: RoleComparison, _ cue: RoleComparison, _ content: RoleComparison) -> Bool {
        source.overlaps && cue.overlaps && content.overlaps
            && !(source.identical && cue.identical && content.identical)
    }

    /// Outlets are names typed by people ("Reuters", "reuters"): equal ignoring case; nil only
    /// equals nil.
    static func sameOutlet(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a == b || a.lowercased() == b.lowercased()
        default: return false
        }
    }

    /// The report of these counts (without details or groups).
    func report(match: MatchMode) -> ScoreReport {
        ScoreReport(
            match: match, documents: documents, claim: claim, attribution: attribution, roles: roles,
            fieldAccuracy: fields, errors: errors)
    }
}
