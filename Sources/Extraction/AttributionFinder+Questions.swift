/// "Asked whether he would run, the mayor said no", "..., she said when asked about the plan": a
/// clause of "asked" that opens the sentence or follows "when" reports the question someone was
/// asked. PolNeAR marks it as an attribution of its own: the cue "asked" ("asked about"), the
/// question as the content, and the asker after "by" as the source ("Asked by reporters why ...");
/// most have none.
struct AskedQuestion {
    /// Where the cue ends: after "asked", or after "asked about".
    var cueEnd: Int
    /// The asker named after "by".
    var agent: Range<Int>?
    /// Where the question starts: "whether", "if", a wh-word, "to", or what follows "about".
    var contentStart: Int
    /// The clause opens the sentence, so the question ends where the main clause starts.
    var opening: Bool
}

extension AttributionFinder {
    /// The question put by the "asked" at token `i`, when the clause opens the sentence ("Asked",
    /// "When asked", "But asked") or follows "when" ("she said when asked why"), and what follows
    /// the cue is "about", "whether", "if", a wh-word or "to", perhaps after an adverb, "by" and the
    /// asker, or a prepositional phrase ("Asked on Fox News who leads the party"). "He asked
    /// whether", "was asked if" and "Asked a direct question" are none.
    func askedQuestion(at i: Int, in s: Range<Int>) -> AskedQuestion? {
        let lower = s.lowerBound
        var p = i - 1
        let when = p >= lower && key(p) == Keys.when
        if when { p -= 1 }
        while p >= lower && (key(p) == Keys.but || key(p) == Keys.and) { p -= 1 }
        let opening = p < lower
        guard opening || when, i + 1 < s.upperBound else { return nil }
        var k = i + 1
        if key(k) == Keys.about {
            guard k + 1 < s.upperBound, tokens[k + 1].isWordOrNumber else { return nil }
            return AskedQuestion(cueEnd: k + 1, agent: nil, contentStart: k + 1, opening: opening)
        }
        var agent: Range<Int>? = nil
        let limit = min(s.upperBound, i + 14)
        while k < limit {
            let t = tokens[k]
            guard t.kind == .word, !index.isQuoted(k) else { return nil }
            // "when asked to do so by police" is a request, not a question.
            if Keys.questionOpeners.contains(t.key) && (opening || t.key != Keys.to) || t.key == Keys.about && k > i + 1 {
                guard k + 1 < s.upperBound, tokens[k + 1].isWordOrNumber else { return nil }
                return AskedQuestion(cueEnd: i + 1, agent: agent, contentStart: k, opening: opening)
            }
            let cls = word(k)
            if t.key == Keys.by && agent == nil && k == i + 1 {
                guard let phrase = phrases.phrase(from: k + 1, limit: limit, allowAppositive: false, nounVerbs: true)
                else { return nil }
                agent = phrase
                k = phrase.upperBound
                continue
            }
            if isLyAdverb(k) || !cls.intersection([.cueAdverb, .time]).isEmpty {
                k += 1
                continue
            }
            // A prepositional phrase: "in Iowa", "during a January debate", "on Fox News".
            guard cls.contains(.preposition) else { return nil }
            k += 1
            while k < limit, tokens[k].kind == .word || tokens[k].kind == .number || tokens[k].key == Keys.possessive,
                  !Keys.questionOpeners.contains(key(k)), key(k) != Keys.about, !isLyAdverb(k) {
                if isReportingVerb(k) { return nil }
                k += 1
            }
        }
        return nil
    }

    /// The question's attribution: up to the main clause (the subject of another cue after a
    /// comma, or the first comma before a word that opens a clause), which an opening clause
    /// needs; after "when" it may also end before the main clause's verb ("Ted Cruz, when asked
    /// what is wrong, responded that ...") or run as far as other content does.
    func askedCandidate(_ a: Anchor, question q: AskedQuestion, in s: Range<Int>, end: Int, clauseStarts: [Int],
                        contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        var to = contentEnd(q.contentStart)
        if let start = clauseStarts.first(where: { $0 > q.contentStart + 1 && isComma($0 - 1) }), start - 1 < to {
            to = start - 1
        } else if let main = mainClause(after: q.contentStart, end: to, verbs: !q.opening) {
            to = main
        } else if q.opening {
            return nil
        }
        guard to > q.contentStart else { return nil }
        return Candidate(pattern: .asked, cueClass: .speech, source: q.agent, cue: [a.cueStart..<a.cueEnd],
                         content: [q.contentStart..<to], outlet: q.agent.flatMap { outlet(named: $0) },
                         sentence: number, anonymousContext: false)
    }

    /// Where an opening clause that starts at `start` ends: the first comma outside a quotation
    /// (or the closing mark of a quotation that ends with one) before a word that opens a main
    /// clause: a pronoun, a determiner, a number or a capitalised word ("..., Trump said", "..., 46
    /// percent of voters said", "... as president,” 75 percent"). Nil when there is none.
    func mainClause(after start: Int, end: Int, verbs: Bool) -> Int? {
        var k = start + 1
        while k + 1 < end {
            if isComma(k) {
                var next = k + 1
                var close = k
                if index.isQuoted(k) {
                    guard index.quoteClosing(at: k + 1) != nil else { k += 1; continue }
                    next = k + 2
                    close = k + 2
                }
                if next < end && (opensMainClause(at: next) || verbs && isReportingVerb(next)) { return close }
            }
            k += 1
        }
        return nil
    }

    /// A word that may start a main clause after a comma: a subject pronoun, a determiner, a
    /// number or a capitalised word, not a relative pronoun or a conjunction.
    func opensMainClause(at k: Int) -> Bool {
        let t = tokens[k]
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        let cls = word(k)
        if Keys.commaRelatives.contains(t.key) || !cls.intersection([.conjunction, .subordinator]).isEmpty {
            return false
        }
        return t.capitalized || !cls.intersection([.subjectPronoun, .determiner]).isEmpty
    }
}
