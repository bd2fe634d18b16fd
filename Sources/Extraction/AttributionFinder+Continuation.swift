/// Quotations that go on in the next sentence: in `"The bridge is closed," the mayor said. "It will
/// take weeks."` the second quotation is a second content fragment of the same attribution.
extension AttributionFinder {
    /// `"A," the activist says. "B."`: the next sentence's quotation, when nothing else claims it,
    /// is the second fragment of the same attribution.
    func continueQuotes(_ all: inout [Candidate]) {
        let claimedSentences = Set(all.map(\.sentence))
        for n in all.indices {
            let c = all[n]
            guard c.pattern == .quoteTrailing || c.pattern == .quoteInverted, c.content.count == 1 else { continue }
            let next = c.sentence + 1
            guard next < index.sentences.count, !claimedSentences.contains(next) else { continue }
            let s = index.sentences[c.sentence]
            let t = index.sentences[next]
            guard s.upperBound == t.lowerBound, let q = index.quoteOpening(at: t.lowerBound), q.terminated else { continue }
            guard trimEnd(t.lowerBound, t.upperBound) <= q.close + 1 else { continue }
            all[n].content.append(q.open..<(q.close + 1))
        }
    }
}
