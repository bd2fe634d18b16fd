/// "according to": in front (`According to the mayor, the bridge is closed.`), trailing (`The bridge
/// is closed, according to the mayor.`) and in the middle (`The bridge, according to the mayor, is
/// closed.`).
extension AttributionFinder {
    func accordingCandidate(_ a: Anchor, in s: Range<Int>, end: Int, contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        let lower = s.lowerBound
        guard let source = phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: false, nounVerbs: true) else { return nil }
        var c = Candidate(pattern: .accordingFront, cueClass: .speech, source: source, cue: [a.cueStart..<a.cueEnd],
                          content: [], outlet: outlet(named: source), sentence: number, anonymousContext: false)
        var first = lower
        while first < a.at && (key(first) == Keys.and || key(first) == Keys.but || tokens[first].kind == .punct) {
            first += 1
        }
        if first == a.at {
            var from = source.upperBound
            if from < end && isComma(from) { from += 1 }
            let to = contentEnd(from)
            guard to > from else { return nil }
            c.content = [from..<to]
            return c
        }
        let leftEnd = isComma(a.at - 1) ? a.at - 1 : a.at
        // Trailing or in the middle, a name may carry an appositive ("..., according to John Weaver,
        // a Republican strategist."), and a source its relative clause; in front, the comma after the
        // source opens the content.
        let named = tokens[source.upperBound - 1].capitalized || tokens[source.upperBound - 1].isPunct(")")
            || source.upperBound < end && Keys.commaRelatives.contains(tokens[source.upperBound].key)
        let wide = (named ? phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: true, nounVerbs: true) : nil)
            .flatMap { $0.upperBound > source.upperBound ? $0 : nil } ?? source
        c.source = wide
        c.content = [lower..<leftEnd]
        c.pattern = .accordingTrailing
        if wide.upperBound < end, isComma(wide.upperBound) {
            let from = wide.upperBound + 1
            let to = contentEnd(from)
            if to > from {
                c.content.append(from..<to)
                c.pattern = .accordingMiddle
            }
        }
        return c
    }
}
