/// Attributions that no reporting verb anchors: a speaker label before a colon
/// ("WALLACE: Do you ...", "Poll: Clinton leads"), a quotation signed with a dash
/// ("\u{201C}Q\u{201D} \u{2015} Jane Doe").
extension AttributionFinder {
    /// Words that label a line without naming a speaker ("Note:", "Update:", "Photo:").
    static let nonSpeakerLabels: KeySet = KeySet(
        ["note", "notes", "update", "updated", "editor", "editors", "correction", "corrections", "related", "photo",
         "photos", "video", "videos", "watch", "read", "warning", "source", "sources", "credit", "caption",
         "q", "a", "question", "answer", "disclosure", "clarification", "advertisement", "listen", "see", "more",
         "and", "but", "so", "or", "yes", "no", "first", "second", "third", "also", "plus", "bottom", "step", "part",
         "chapter", "section", "title", "subject", "date", "time", "location", "where", "when", "what", "why", "how",
         "who", "here", "there", "today", "breaking", "exclusive", "live", "analysis", "opinion", "summary",
         "background", "context", "example", "key", "the", "this", "that", "it",
         // Bylines, contact lines, forms and tabloid openers: "Contributing: …", "Email: …", "WOW: …".
         "contributing", "email", "e-mail", "paid", "name", "age", "city", "job", "pay", "wow", "look", "boom",
         "busted", "bombshell", "must"]
            .map { Tokenizer.key($0) })

    func labelCandidates(in s: Range<Int>, end: Int, number: Int) -> [Candidate] {
        var made: [Candidate] = []
        if let c = speakerLabel(in: s, end: end, number: number) { made.append(c) }
        if let c = dashSignature(in: s, end: end, number: number) { made.append(c) }
        return made
    }

    /// `PENCE: C` / `Poll: C` / `Dr. Ben Carson: C`: one to three capitalised words open the
    /// sentence and a colon follows. In the document's first line, a headline, the label may be
    /// longer and hold lowercase nouns and a possessive ("Clinton camp:", "WSJ editorial:",
    /// "McCain Challenger Kelli Ward:"), follow an all-caps opener and a dash ("EXCLUSIVE – Roger
    /// Stone:"), and end with the audience or topic, which is not the source ("Clinton to Planned
    /// Parenthood:", "CNN President On Trump:").
    func speakerLabel(in s: Range<Int>, end: Int, number: Int) -> Candidate? {
        let headline = isFirstLine(s)
        var f = s.lowerBound
        if f < end, tokens[f].kind == .quote { f += 1 }
        if headline, f + 2 < end, tokens[f].kind == .word, tokens[f].allCaps, phrases.isDash(f + 1) { f += 2 }
        var c = f
        var words = 0
        var audience: Int? = nil
        while c < end && !tokens[c].isPunct(":") {
            let t = tokens[c]
            if t.kind == .word {
                let cls = word(c)
                if t.capitalized && !cls.contains(.determiner) && !cls.contains(.preposition) {
                    // a word of the name
                } else if headline && c > f && audience == nil && Keys.labelAudiencePrepositions.contains(t.key) {
                    audience = c
                } else if headline && c > f && !t.capitalized && cls.isEmpty && lexicons.cues.verb(t) == nil {
                    // "Clinton camp", "WSJ editorial"
                } else {
                    return nil
                }
                words += 1
            } else if t.isPunct("."), c > f, tokens[c - 1].end == t.start,
                      Sentences.isAbbreviation(tokens[c - 1], lexicons: lexicons) {
                // "Dr. Ben Carson"
            } else if !(headline && t.key == Keys.possessive && c > f) {
                return nil
            }
            c += 1
        }
        guard words > 0, c < end, words <= (headline ? 6 : 3), tokens[c].isPunct(":") else { return nil }
        if Self.nonSpeakerLabels.contains(key(f)) || lexicons.cues.verb(tokens[f]) != nil { return nil }
        if !word(f).intersection([.time, .subordinator, .conjunction, .subjectPronoun, .discourse]).isEmpty { return nil }
        let start = c + 1
        var contentWords = 0
        for k in start..<end where tokens[k].kind == .word { contentWords += 1 }
        guard contentWords >= 3 else { return nil }
        let source = f..<(audience ?? c)
        return Candidate(pattern: .speakerLabel, cueClass: .speech, source: source, cue: [c..<(c + 1)],
                         content: [start..<end], outlet: outlet(named: source), sentence: number,
                         anonymousContext: false)
    }

    /// The sentence is the document's first line: nothing but line breaks before it, a line break
    /// or the end after it.
    func isFirstLine(_ s: Range<Int>) -> Bool {
        guard s.upperBound >= tokens.count || tokens[s.upperBound].kind == .newline else { return false }
        return !tokens[..<s.lowerBound].contains { $0.kind != .newline }
    }

    /// `"Q" ― Jane Doe`: a quotation signed with a dash and a name that ends the sentence.
    func dashSignature(in s: Range<Int>, end: Int, number: Int) -> Candidate? {
        var d = s.lowerBound
        while d < end {
            let t = tokens[d]
            if t.kind == .punct && (t.first == 0x2015 || t.first == 0x2014 || t.first == 0x2013),
               let q = index.quoteClosing(at: d - 1), opensClause(q.open, lower: min(q.open, s.lowerBound)) {
                let n = d + 1
                guard n < end, tokens[n].kind == .word, tokens[n].capitalized, end - n <= 8,
                      word(n).intersection([.determiner, .subjectPronoun, .preposition, .time]).isEmpty
                else { return nil }
                return Candidate(pattern: .quoteDash, cueClass: .speech, source: n..<end, cue: [d..<(d + 1)],
                                 content: [q.open..<(q.close + 1)], outlet: outlet(named: n..<end), sentence: number,
                                 anonymousContext: false)
            }
            d += 1
        }
        return nil
    }
}
