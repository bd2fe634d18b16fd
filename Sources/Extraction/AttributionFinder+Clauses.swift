/// Where clauses and phrases start and what they are: a quotation that opens its clause (`"A
/// disaster," she said` but not `a broadcast of "Fox News Sunday," Pence said`), a range that is one
/// noun phrase, the subject at the start of a clause (`Chastened by the analyses, Trump ...` →
/// `Trump`), and the start of a sentence once its dateline is skipped (`LAKEMONT (AP) - Patients`).
extension AttributionFinder {
    /// A quotation is the content of a trailing attribution only when it opens its clause, not
    /// when a phrase embeds it ("a broadcast of \u{201C}Fox News Sunday,\u{201D} Pence said").
    func opensClause(_ open: Int, lower: Int) -> Bool {
        if open <= lower { return true }
        let t = tokens[open - 1]
        // "MSNBC's “Morning Joe,” Ann Ruiz said ...": after a possessive the quotation is a title.
        if t.key == Keys.possessive { return false }
        if t.kind == .punct { return true }
        return t.kind == .word && (word(open - 1).contains(.conjunction) || t.key == Keys.that)
    }

    /// A determiner inside a phrase starts a new noun phrase only after a preposition, a
    /// conjunction or a comma; otherwise a verb came between ("the audit understated the problem").
    func isNounPhrase(_ r: Range<Int>) -> Bool {
        guard r.count > 2 else { return true }
        for k in (r.lowerBound + 1)..<r.upperBound {
            let t = tokens[k]
            // An appositive or relative clause may hold anything ("Rubio, who heads the Center").
            if t.kind != .word || t.key == Keys.who || t.key == Keys.which || t.key == Keys.that { return true }
            guard !t.capitalized, word(k).contains(.determiner), !word(k).contains(.subjectPronoun) else { continue }
            let b = tokens[k - 1]
            if b.kind == .word && !b.capitalized && word(k - 1).isEmpty && !isLyAdverb(k - 1) { return false }
        }
        return true
    }

    /// "Rallying hundreds of workers, Clinton promised": a capitalised "-ing" word that opens the
    /// sentence before a lowercase word that is no verb ("Beijing has said" is a name).
    func openingParticiple(_ i: Int, limit: Int) -> Bool {
        let t = tokens[i]
        guard t.capitalized, !t.allCaps, phrases.endsWithIng(i), i + 1 < limit else { return false }
        let next = tokens[i + 1]
        return next.kind == .word && !next.capitalized && word(i + 1).intersection([.be, .auxiliary]).isEmpty
            && lexicons.cues.verb(next) == nil
    }

    /// The subject at the start of a clause: a pronoun, a name, or a short noun phrase.
    func clauseSubject(from lower: Int, before limit: Int) -> Range<Int>? {
        var i = afterDateline(lower, limit)
        // Punctuation, a conjunction or a sentence adverb ("Instead, Fiorina opened by talking
        // about ...", "Then he cut into Bush, accusing ...") opens the sentence before its subject.
        while i < limit, tokens[i].kind == .punct || !word(i).intersection([.conjunction, .discourse]).isEmpty { i += 1 }
        // Skip an introductory phrase closed by a comma ("Chastened by the analyses, Trump ...").
        var k = limit - 1
        while k > i && !isComma(k) { k -= 1 }
        var start = i
        if k > i {
            var c = i
            while c < limit && !isComma(c) { c += 1 }
            // "Earlier Wednesday, Schilling appeared ... and defended": a time phrase opens it too.
            if c < k || phrases.isParticiple(i) || openingParticiple(i, limit: limit)
                || !word(i).intersection([.preposition, .subordinator, .time]).isEmpty {
                var m = limit - 1
                while m > i && !isComma(m) { m -= 1 }
                var lastComma = i
                var n = i
                while n < m { if isComma(n) { lastComma = n }; n += 1 }
                start = lastComma == i ? c + 1 : lastComma + 1
                // "..., and she became ...": the clause after the conjunction. But past the last
                // comma may stand a verb's auxiliary ("Other candidates, including Fiorina and
                // Carson, have followed ..."): then the subject is the sentence's own.
                if start < limit && word(start).contains(.conjunction) { start += 1 }
                if start >= limit || tokens[start].kind == .punct || !word(start).intersection([.be, .auxiliary]).isEmpty {
                    start = i
                }
                // "Mr. Trump, in an interview on Friday, barely dwelled on ..., saying": a segment
                // between commas that opens with a preposition, an adverb or a verb names no one;
                // the subject stands before it.
                var comma = start - 1
                while comma > i && !opensSubject(start) {
                    comma -= 1
                    while comma > i && !isComma(comma) { comma -= 1 }
                    start = comma > i ? comma + 1 : i
                    if comma > i && word(start).contains(.conjunction) { start += 1 }
                }
                // "After fierce backlash ..., though, Mr. Rubio distanced himself ... and moved to":
                // words between the last comma and the cue are the cue's own clause, whose subject
                // comes first.
                var own = m + 1
                if own < limit && word(own).contains(.conjunction) { own += 1 }
                if m > i && own < limit - 1 && opensSubject(own) && !word(own).contains(.determiner)
                    && (tokens[own].capitalized || word(own).contains(.subjectPronoun)) {
                    start = own
                }
                // Back at an opening phrase ("By contrast", "Tuesday on WTMJ's show"): no subject.
                if start == i && !opensSubject(i) { return nil }
            }
        }
        guard start < limit else { return nil }
        let t = tokens[start]
        if t.kind == .word && word(start).contains(.subjectPronoun) { return start..<(start + 1) }
        var e = start
        while e < limit, tokens[e].kind == .word || tokens[e].key == Keys.possessive || tokens[e].isPunct("."),
              tokens[e].capitalized || tokens[e].key == Keys.possessive || tokens[e].isPunct(".")
                || (e == start && word(e).contains(.determiner)) {
            e += 1
        }
        if e > start && tokens[e - 1].isPunct(".") { e -= 1 }
        if e == start || (e == start + 1 && word(start).contains(.determiner)) {
            // "the campaign": a determiner and a noun or two.
            e = start + 1
            while e < limit && e - start < 4 && tokens[e].kind == .word && !looksLikeVerb(e)
                && word(e).intersection([.preposition, .be, .auxiliary, .subordinator, .conjunction]).isEmpty {
                e += 1
            }
        }
        return e > start ? start..<e : nil
    }

    /// Token `i` can open a subject: a pronoun, a determiner, a number, a capitalised word that is
    /// no preposition, subordinator or time word ("In", "While", "Sunday"), or a lowercase word
    /// that is none of those nor a verb, a participle or an "-ly" adverb ("officials").
    func opensSubject(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        let cls = word(i)
        if !cls.intersection([.subjectPronoun, .determiner]).isEmpty { return true }
        if !cls.intersection([.preposition, .subordinator, .time, .conjunction, .discourse, .cueAdverb,
                              .be, .auxiliary, .negation]).isEmpty { return false }
        if t.capitalized { return true }
        return !looksLikeVerb(i) && !phrases.isParticiple(i) && !isLyAdverb(i)
    }

    /// Where a sentence starts once a dateline is skipped: "LAKEMONT (AP) - Patients ..." → "Patients".
    func afterDateline(_ lower: Int, _ limit: Int) -> Int {
        var k = lower
        while k < limit && tokens[k].kind == .word && tokens[k].allCaps && tokens[k].end - tokens[k].start > 1 { k += 1 }
        guard k > lower else { return lower }
        if k < limit && tokens[k].isPunct(",") {
            k += 1
            while k < limit && (tokens[k].kind == .word && tokens[k].capitalized || tokens[k].isPunct(".")) { k += 1 }
        }
        if k < limit && tokens[k].isPunct("(") {
            while k < limit && !tokens[k].isPunct(")") { k += 1 }
            k += 1
        }
        guard k < limit, tokens[k].kind == .punct, tokens[k].first == 45 || tokens[k].first == 0x2014
            || tokens[k].first == 0x2013 else { return lower }
        while k < limit && tokens[k].kind == .punct { k += 1 }
        return k < limit ? k : lower
    }
}
