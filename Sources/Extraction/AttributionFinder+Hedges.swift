/// Sourceless hedges: a hedging passive or raising verb (`It is believed the damage is severe.`,
/// `The damage is said to be severe.`, `The damage seems to be severe.`) and a hedge adverb (`The
/// engineer has reportedly resigned.`).
extension AttributionFinder {
    func hedgeCandidate(_ a: Anchor, in s: Range<Int>, contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        let lower = s.lowerBound
        let pattern: Pattern = {
            if case .raising = a.kind { return .raising }
            return .hedgePassive
        }()
        var c = Candidate(pattern: pattern, cueClass: nil, source: nil, cue: [a.cueStart..<a.cueEnd], content: [],
                          outlet: nil, sentence: number, anonymousContext: false)
        let next = a.cueEnd
        guard next < s.upperBound else { return nil }
        if a.cueStart > lower && key(a.cueStart - 1) == Keys.it {
            guard key(next) == Keys.that || pattern == .hedgePassive && key(next) == Keys.to else { return nil }
            let to = contentEnd(next)
            guard to > next else { return nil }
            c.content = [next..<to]
            c.pattern = pattern == .raising ? .raising : .hedgeImpersonal
            return c
        }
        guard key(next) == Keys.to else { return nil }
        if let relative = relativePronoun(before: a.cueStart, lower: lower) {
            // "the first move, which is widely expected to come in December, could ...": the
            // pronoun and the infinitive up to the clause's comma.
            let to = unquotedComma(from: next + 1, before: contentEnd(next))
            guard to > next + 1 else { return nil }
            c.content = [relative..<(relative + 1), next..<to]
            return c
        }
        guard let subject = phrases.subject(before: a.cueStart, lower: lower) else { return nil }
        let to = contentEnd(next)
        guard to > next else { return nil }
        c.content = [subject, next..<to]
        return c
    }

    /// "which", "who" or "that" right before the cue, after a word or a comma: the subject of a
    /// relative clause ("delegates who are expected to", "the move, which is expected to").
    func relativePronoun(before cueStart: Int, lower: Int) -> Int? {
        let r = cueStart - 1
        guard r > lower, key(r) == Keys.which || key(r) == Keys.who || key(r) == Keys.that else { return nil }
        return tokens[r - 1].isWordOrNumber || isComma(r - 1) ? r : nil
    }

    func adverbCandidate(_ a: Anchor, in s: Range<Int>, contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        let lower = s.lowerBound
        var c = Candidate(pattern: .hedgeAdverb, cueClass: nil, source: nil, cue: [a.cueStart..<a.cueEnd], content: [],
                          outlet: nil, sentence: number, anonymousContext: false)
        var from = a.cueEnd
        if from < s.upperBound && isComma(from) { from += 1 }
        var to = contentEnd(from)
        // An adverb hedges its own clause: stop at ", and ..." or ";".
        var k = from
        while k + 1 < to {
            if tokens[k].isPunct(";") || isComma(k) && (key(k + 1) == Keys.and || key(k + 1) == Keys.but) {
                to = k
                break
            }
            k += 1
        }
        guard to > from else { return nil }
        var auxStart = a.at
        while auxStart > lower && !word(auxStart - 1).intersection([.auxiliary, .be]).isEmpty { auxStart -= 1 }
        if a.at > lower, !isComma(a.at - 1), let subject = phrases.subject(before: auxStart, lower: lower) {
            // "The engineer has reportedly resigned": the auxiliary stays with the subject.
            c.content = [subject.lowerBound..<a.at, from..<to]
        } else {
            c.content = [from..<to]
        }
        return c
    }
}
