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

    /// `PENCE: C` / `Poll: C`: one to three capitalized words open the sentence and a colon follows.
    func speakerLabel(in s: Range<Int>, end: Int, number: Int) -> Candidate? {
        var f = s.lowerBound
        if f < end, tokens[f].kind == .quote { f += 1 }
        var c = f
        while c < end && c - f < 4 && !tokens[c].isPunct(":") {
            let t = tokens[c]
            guard t.kind == .word, t.capitalized, !word(c).contains(.determiner), !word(c).contains(.preposition)
            else { return nil }
            c += 1
        }
        guard c > f, c < end, c - f <= 3, tokens[c].isPunct(":") else { return nil }
        if Self.nonSpeakerLabels.contains(key(f)) || lexicons.cues.verb(tokens[f]) != nil { return nil }
        if !word(f).intersection([.time, .subordinator, .conjunction, .subjectPronoun, .discourse]).isEmpty { return nil }
        let start = c + 1
        var words = 0
        for k in start..<end where tokens[k].kind == .word { words += 1 }
        guard words >= 3 else { return nil }
        return Candidate(pattern: .speakerLabel, cueClass: .speech, source: f..<c, cue: [c..<(c + 1)],
                         content: [start..<end], outlet: outlet(named: f..<c), sentence: number,
                         anonymousContext: false)
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
