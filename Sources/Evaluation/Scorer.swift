/// Scores predicted attributions against gold (docs/ARCHITECTURE.md "Scoring definitions").
///
/// A value with no state: give it documents, get a report. Pairing is per document and greedy
/// by content-token Jaccard (see `ContentPairing`); every figure is micro-averaged over
/// documents. For documents that arrive one by one use `ScoringSession`.
public struct Scorer: Sendable {
    public var match: MatchMode

    public init(match: MatchMode = .overlap) {
        self.match = match
    }

    /// The report over `documents`, with per-document details.
    public func score(_ documents: [ScoringInput]) -> ScoreReport {
        score(documents, groupBy: nil)
    }

    /// The report over `documents`, and the same figures per group when `grouping` is given
    /// (`score --by source-type|outlet|cue-kind`; `cueKinds` tells the kinds of cue).
    public func score(_ documents: [ScoringInput], groupBy grouping: ScoreGrouping?,
                      cueKinds: (any CueKindClassifier)? = nil) -> ScoreReport {
        var session = ScoringSession(match: match, groupBy: grouping, cueKinds: cueKinds)
        for document in documents { session.add(document) }
        return session.report()
    }
}
