/// Passive cues: `The report was leaked by Reuters` (the agent is the source) and `The plan was
/// labeled a failure` (a report with no source; the subject and what follows the cue are the content).
extension AttributionFinder {
    /// `C was reported by S` (the agent is the source) and `C was labeled D` (no source).
    func passiveCandidate(_ a: Anchor, verb: CueVerb, in s: Range<Int>, end: Int, contentEnd: (Int) -> Int,
                          number: Int) -> Candidate? {
        let lower = s.lowerBound
        guard let subject = phrases.subject(before: a.cueStart, lower: lower) else { return nil }
        if let first = subject.first, subject.count == 1, key(first) == Keys.it { return nil }
        var c = Candidate(pattern: .passive, cueClass: verb.cueClass, source: nil, cue: [a.cueStart..<a.cueEnd],
                          content: [subject], outlet: nil, sentence: number, anonymousContext: false)
        if case .passiveAgent = a.kind {
            guard let agent = phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: false, nounVerbs: true) else { return nil }
            c.source = agent
            c.pattern = .passiveAgent
            c.outlet = outlet(named: agent)
            return c
        }
        // A sourceless passive needs what was said ("was labeled a failure") and a main clause:
        // "After the vote was counted, ..." reports nothing.
        if subject.lowerBound > lower, word(subject.lowerBound - 1).contains(.subordinator) { return nil }
        let to = trimEnd(a.cueEnd, unquotedComma(from: a.cueEnd, before: contentEnd(a.cueEnd)))
        guard to > a.cueEnd else { return nil }
        // "He was recommended for the job by Roger Stone": an agent that ends the clause a few
        // words after the cue is the source (not one of another participle: "an affidavit written
        // by ...").
        if let by = (a.cueEnd..<min(to, a.cueEnd + 8)).first(where: { key($0) == Keys.by && !index.isQuoted($0) }),
           by > a.cueEnd, by + 1 < to, tokens[by + 1].kind == .word, !looksLikeParticiple(by - 1),
           let agent = phrases.phrase(from: by + 1, limit: to, allowAppositive: false, nounVerbs: true),
           agent.upperBound == to {
            c.source = agent
            c.pattern = .passiveAgent
            c.outlet = outlet(named: agent)
            c.content.append(a.cueEnd..<by)
            return c
        }
        c.content.append(a.cueEnd..<to)
        return c
    }
}
