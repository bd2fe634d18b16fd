/// Reporting verbs, in the order the shapes are tried: inverted (`"We are ready," said the mayor.`),
/// trailing (`The bridge is closed, the mayor said.`, with a middle part in `The bridge, he said, is
/// closed.`), and forward (`The mayor said (that) the bridge is closed.`, `The mayor said:` before a
/// quotation), with the source shared by a coordinated or participial verb (`..., adding that ...`),
/// a relative pronoun (`officials who said ...`) or a statement (`released a statement, which said`).
extension AttributionFinder {
    /// The shapes tried in turn: inverted, then (once the source is known) trailing, then forward.
    func verbCandidate(
        _ a: Anchor, verb: CueVerb, subject: Range<Int>?, in s: Range<Int>, end: Int, found: [Candidate],
        contentEnd: (Int) -> Int, number: Int
    ) -> Candidate? {
        var candidate = Candidate(pattern: .indirectBare, cueClass: verb.cueClass, source: nil,
                                  cue: [a.cueStart..<a.cueEnd], content: [], outlet: a.outlet,
                                  sentence: number, anonymousContext: false)
        // 1. Inverted: `"Q," said the minister.` / `C, said the minister.`
        if let inverted = invertedCandidate(a, verb: verb, subject: subject, in: s, end: end, base: candidate) {
            return inverted
        }
        // 2. The source: the subject, or shared with the previous clause.
        var source = subject
        var pattern: Pattern? = nil
        if source == nil {
            (source, pattern) = sharedSource(a, lower: s.lowerBound, found: found, candidate: &candidate)
        }
        guard let source else { return nil }
        candidate.source = source
        candidate.outlet = candidate.outlet ?? outlet(named: source)
        // 2b. Object relative: `the allegations, which the minister denies,`.
        if pattern == nil, let relative = objectRelative(before: source, after: a, in: s, end: end) {
            candidate.content = [relative..<(relative + 1)]
            candidate.pattern = .objectRelative
            return candidate
        }
        // 2c. Inside a relative clause: `the rule, which critics said was unfair`.
        if pattern == nil, let relative = embeddingRelative(before: source, after: a, verb: verb, in: s, end: end) {
            // The relative clause ends at its first unquoted comma ("..., who officials say is tied
            // to Russia, denied it").
            let to = trimEnd(a.cueEnd, unquotedComma(from: a.cueEnd, before: contentEnd(a.cueEnd)))
            if to > a.cueEnd {
                candidate.content = [relative..<(relative + 1), a.cueEnd..<to]
                candidate.pattern = .embeddedRelative
                return candidate
            }
        }
        // 3. Trailing: `C, the minister said.` / `"Q," the minister said.`
        if pattern == nil, let trailing = trailingCandidate(a, verb: verb, source: source, in: s, end: end,
                                                            contentEnd: contentEnd, base: candidate) {
            return trailing
        }
        // 4. Forward: `the minister said (that) C`.
        return forwardCandidate(a, verb: verb, source: source, pattern: pattern, in: s, end: end,
                                contentEnd: contentEnd, base: candidate)
    }

    /// `"Q," said the minister.` / `C, said Batchelder.`: a speech verb before its source, the
    /// content to its left.
    func invertedCandidate(_ a: Anchor, verb: CueVerb, subject: Range<Int>?, in s: Range<Int>, end: Int,
                           base: Candidate) -> Candidate? {
        let lower = s.lowerBound
        guard !a.coordinated && !a.participial && a.cueStart > lower && verb.cueClass == .speech else { return nil }
        var candidate = base
        let b = a.cueStart - 1
        let closing = index.quoteClosing(at: b) ?? (isComma(b) ? index.quoteClosing(at: b - 1) : nil)
        let afterQuote: Quote? = if let closing, opensClause(closing.open, lower: lower) { closing } else { nil }
        // With a subject and no quotation, a phrase reaching the sentence's end is the source only
        // when it ends before any noun-or-verb form ("..., criticized her state's gun laws").
        let after = isComma(b) || closing != nil
            ? phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: true,
                             nounVerbs: subject == nil || closing != nil) : nil
        // `C, said Batchelder.`: a phrase that ends the sentence after the verb is the source.
        // After "told" the phrase is the hearer ("Mr. King, 82, told me"), never the source.
        // A subject with an appositive between commas ("Kasich, a Republican, praised the plan")
        // is a subject for sure unless the verb is one news style puts before its source (`+inverts`
        // in cue-verbs.txt: "..., but sales fell, said Ann Ruiz, the chief executive"): the phrase
        // after it is the content.
        // (An adjunct between commas, left out of the subject, counts too: "Jeb Bush, among others,
        // rejects the term".)
        let appositive = subject.map {
            $0.lowerBound < a.cueStart && ($0.lowerBound..<a.cueStart).contains(where: isComma)
        } == true
            && (!verb.inverts || after.map(holdsPastVerb) == true)
        // "..., Mr. Kaplan said dryly.", "..., said nothing.": a manner adverb or a quantity alone
        // names no one.
        guard let source = after, isNounPhrase(source),
              !(source.count == 1 && (isLyAdverb(source.lowerBound) || Keys.quantityPronouns.contains(key(source.lowerBound)))),
              subject == nil || closing != nil || (phrases.endsSentence(source, end: end) && !verb.takesRecipient
                  && !endsWithPastVerb(source) && !appositive) else { return nil }
        // "Sen. Jack Reed (D-R.I.), said he had not read the plan": a verb right after the phrase
        // makes it the subject of the content, not an inverted source.
        if closing == nil, source.upperBound < end, isVerbLike(source.upperBound) { return nil }
        let leftEnd = (afterQuote ?? closing).map { $0.close + 1 } ?? b
        let leftStart = afterQuote.map { $0.open } ?? lower
        guard leftEnd - leftStart >= 2 else { return nil }
        candidate.source = source
        candidate.content = [leftStart..<leftEnd]
        candidate.pattern = afterQuote != nil ? .quoteInverted : .inverted
        if source.upperBound < end, isComma(source.upperBound),
           let q = index.quoteOpening(at: source.upperBound + 1) {
            candidate.content.append(q.open..<(q.close + 1))
            candidate.pattern = .quoteSplit
        }
        candidate.outlet = candidate.outlet ?? outlet(named: source) ?? outlet(in: source.upperBound..<end)
        return candidate
    }

    /// "the family deserved better": a lowercase "-ed" form right after a lowercase noun makes the
    /// phrase a clause.
    func holdsPastVerb(_ r: Range<Int>) -> Bool {
        r.dropFirst().contains { k in
            tokens[k].kind == .word && !tokens[k].capitalized && phrases.endsWithEd(k) && tokens[k - 1].kind == .word
                && !tokens[k - 1].capitalized && word(k - 1).intersection(
                    [.determiner, .subordinator, .subjectPronoun, .objectPronoun, .preposition, .be, .auxiliary]).isEmpty
        }
    }

    /// "the allegations, which Mr. Ailes denies,", "what Clinton is promising them", "a plan which
    /// Cruz proposed under a flat rate": "which" or "what" right before the subject is the verb's
    /// object when nothing after the verb takes its place (the sentence or clause ends, or a
    /// preposition, an adverb, a time word or a pronoun follows). That pronoun is the content, as
    /// PolNeAR marks it ("who" and "whom" were tried too: most of their claims were wrong).
    func objectRelative(before source: Range<Int>, after a: Anchor, in s: Range<Int>, end: Int) -> Int? {
        let r = source.lowerBound - 1
        guard r >= s.lowerBound, Keys.objectRelatives.contains(key(r)), source.count <= 8 else { return nil }
        let n = a.cueEnd
        if n >= end || tokens[n].kind == .punct { return r }
        guard tokens[n].kind == .word, key(n) != Keys.to, key(n) != Keys.that else { return nil }
        let cls = word(n)
        if cls.contains(.objectPronoun) && !cls.contains(.determiner) {
            return n + 1 >= end || tokens[n + 1].kind == .punct || word(n + 1).contains(.preposition) ? r : nil
        }
        if !cls.intersection([.preposition, .time]).isEmpty && !cls.contains(.determiner) || isLyAdverb(n) { return r }
        return nil
    }

    /// "the rule, which critics said was unfair", "a strike that executives said could hurt
    /// earnings", "moves that he said improved the economy": the relative pronoun right before the
    /// subject is the subject of the clause the verb reports, whose verb follows the cue directly (a
    /// form of "be", an auxiliary or a lowercase "-ed" form). PolNeAR marks the pronoun and that
    /// clause as the content. Only a verb that reports such a clause (`CueVerb.embedsRelative`: "the
    /// plan that he announced was rejected" has its object before it), and not inside a quotation.
    func embeddingRelative(before source: Range<Int>, after a: Anchor, verb: CueVerb, in s: Range<Int>,
                           end: Int) -> Int? {
        let r = source.lowerBound - 1
        let n = a.cueEnd
        guard r >= s.lowerBound, n < end, source.count <= 8, !a.coordinated, !a.participial,
              verb.embedsRelative,
              Keys.embeddingRelatives.contains(key(r)), !index.isQuoted(r),
              tokens[n].kind == .word, !tokens[n].capitalized else { return nil }
        let cls = word(n)
        guard cls.isDisjoint(with: [.determiner, .subjectPronoun, .objectPronoun, .preposition]) else { return nil }
        return !cls.isDisjoint(with: [.be, .auxiliary]) || phrases.endsWithEd(n) ? r : nil
    }

    /// "the bill failed": a phrase after a noun whose last word is a lowercase "-ed" form is a
    /// clause, not the source of an inverted attribution ("..., D-Ohio, said the bill failed").
    func endsWithPastVerb(_ r: Range<Int>) -> Bool {
        guard r.count >= 2, let last = r.last, tokens[last].kind == .word, !tokens[last].capitalized,
              tokens[last - 1].kind == .word, !word(last - 1).contains(.determiner) else { return false }
        return phrases.endsWithEd(last)
    }

    /// A verb with no subject of its own takes the previous clause's source ("..., adding",
    /// "... and warned"), a statement's issuer ("released a statement, which said") or a relative
    /// pronoun ("officials who said"); nil source when none of these applies.
    func sharedSource(_ a: Anchor, lower: Int, found: [Candidate],
                      candidate: inout Candidate) -> (source: Range<Int>?, pattern: Pattern?) {
        if a.coordinated || a.participial {
            let source = found.first(where: { $0.source != nil && $0.cue[0].lowerBound < a.cueStart })?.source
                ?? clauseSubject(from: lower, before: a.cueStart)
            return (source, a.participial ? .participial : .coordinated)
        }
        let relative: Int
        if a.cueStart - 1 > lower, key(a.cueStart - 1) == Keys.which || key(a.cueStart - 1) == Keys.that
            || key(a.cueStart - 1) == Keys.who {
            relative = a.cueStart - 1
            if let (src, cue) = statementSource(before: relative, lower: lower) {
                candidate.cue.insert(cue, at: 0)
                return (src, .statement)
            }
        } else if let pronoun = relativeBeforeAdjunct(a.cueStart, lower: lower) {
            relative = pronoun
        } else {
            return (nil, nil)
        }
        // PolNeAR marks "who" and "which" themselves as the source ("who said ..."),
        // and the antecedent of "that" ("the company that said").
        let antecedent = isComma(relative - 1)
            ? phrases.subject(before: relative - 1, lower: lower)
            : phrases.subject(before: relative, lower: lower)
        if key(relative) == Keys.that {
            return (antecedent, .relative)
        }
        candidate.referent = antecedent
        return (relative..<(relative + 1), .relative)
    }

    /// `C, the minister said.` / `"Q," the minister said.` / `The plan, he said, is ...`: the content
    /// left of the source, and a second fragment after a comma that follows the cue.
    func trailingCandidate(_ a: Anchor, verb: CueVerb, source: Range<Int>, in s: Range<Int>, end: Int,
                           contentEnd: (Int) -> Int, base: Candidate) -> Candidate? {
        let lower = s.lowerBound
        let before = source.lowerBound - 1
        guard before > lower && verb.cueClass != .plan && verb.cueClass != .stance else { return nil }
        let closing = index.quoteClosing(at: before) ?? (isComma(before) ? index.quoteClosing(at: before - 1) : nil)
        // A partial quotation ("The plan is \u{201C}a disaster,\u{201D} she said") leaves the whole clause as content.
        let quote: Quote? = if let closing, opensClause(closing.open, lower: lower) { closing } else { nil }
        guard isComma(before) || closing != nil || tokens[before].isPunct("—"),
              let rest = trailingRest(after: a, verb: verb, in: s, end: end, afterQuote: quote != nil) else { return nil }
        let leftStart = quote?.open ?? afterDateline(lower, before)
        let leftEnd = (quote ?? closing).map { $0.close + 1 } ?? before
        // "When he arrived, ...", and "Asked whether ..., the mayor said no": the question put to
        // the source is not what it said (the forward reading takes what follows the cue).
        // A main clause after the subordinate one ("Since that ruling, Arizona has engaged in ...,
        // the lawsuit says") makes the whole a claim again.
        // "Even though ...", "Even if ..." open such a clause too.
        let lead = key(leftStart) == Keys.even && leftStart + 1 < leftEnd ? leftStart + 1 : leftStart
        let subordinate = quote == nil && tokens[lead].kind == .word
            && (word(lead).contains(.subordinator) && key(lead) != Keys.that
                    && unquotedComma(from: lead, before: leftEnd) == leftEnd
                || Keys.questionParticiples.contains(key(leftStart)))
        // A bare trailing clause needs some length ("In 2000, they attacked" is not one);
        // a middle attribution ("The problem, he said, is ...") does not.
        let minimum = quote != nil || rest.comma != nil ? 2 : 4
        guard leftEnd - leftStart >= minimum && !subordinate
                && !(quote == nil && introductoryPhrase(leftStart..<leftEnd)) else { return nil }
        // "Holding open a book, Beck said, “Q”": a participial phrase before a quotation is what the
        // speaker did, not what they said ("Raising taxes, he said, would hurt" is a claim).
        // So is an opening prepositional phrase ("In the spring after the scandal broke, Clinton
        // proclaimed at a press conference, “Q”").
        if quote == nil, let comma = rest.comma, index.quoteOpening(at: comma + 1) != nil,
           phrases.isParticiple(leftStart) || openingParticiple(leftStart, limit: leftEnd)
            || tokens[leftStart].capitalized && word(leftStart).contains(.preposition)
                && key(leftStart) != Keys.according { return nil }
        var candidate = base
        // "Gowdy said sarcastically.": a manner adverb right after the cue joins it.
        if a.cueEnd < end, isLyAdverb(a.cueEnd), a.cueEnd + 1 >= end || isComma(a.cueEnd + 1) {
            let last = candidate.cue.count - 1
            candidate.cue[last] = candidate.cue[last].lowerBound..<(a.cueEnd + 1)
        }
        candidate.content = [leftStart..<leftEnd]
        candidate.pattern = quote != nil ? .quoteTrailing : .trailing
        if let comma = rest.comma {
            if let q = index.quoteOpening(at: comma + 1) {
                candidate.content.append(q.open..<(q.close + 1))
                candidate.pattern = .quoteSplit
            } else if quote == nil, comma + 1 < end, !phrases.isParticiple(comma + 1),
                      lexicons.cues.verb(tokens[comma + 1]) == nil {
                let from = comma + 1
                let to = contentEnd(from)
                if to > from {
                    candidate.content.append(from..<to)
                    candidate.pattern = .middle
                }
            }
        }
        candidate.outlet = candidate.outlet ?? outlet(in: source.lowerBound..<rest.stop)
        return candidate
    }

    /// `the minister said (that) C`, `the minister told Reuters C`, `the minister said:` and a
    /// quotation (here or in the next sentence).
    func forwardCandidate(_ a: Anchor, verb: CueVerb, source: Range<Int>, pattern: Pattern?, in s: Range<Int>,
                          end: Int, contentEnd: (Int) -> Int, base: Candidate) -> Candidate? {
        var candidate = base
        var pattern = pattern
        var j = a.cueEnd
        if let outletEnd = a.outletEnd { j = outletEnd }
        if verb.takesRecipient, j < end {
            let recipient = recipientEnd(from: j, end: end)
            if candidate.outlet == nil { candidate.outlet = outlet(recipient: j..<recipient) }
            j = recipient
        }
        candidate.outlet = candidate.outlet ?? outlet(in: source.lowerBound..<a.cueStart)
        guard j < end else {
            // `The minister said:` with the quotation in the next sentence.
            if j < s.upperBound, tokens[j].isPunct(":"), let q = nextQuote(after: s) {
                candidate.content = [q]
                candidate.pattern = .colon
                return candidate
            }
            return refusal(a, end: end, base: candidate)
        }
        // "also declined to comment, saying that ...": the refusal ends at the comma.
        if isComma(j), let refused = refusal(a, end: j, base: candidate) { return refused }
        guard let start = afterAdjunct(forwardStart(at: j, after: a, end: end, pattern: &pattern, candidate: &candidate),
                                       end: end) else { return nil }
        if start >= end { return nil }
        var stop = contentEnd(start)
        if pattern == .relative || opensAdverbialClause(source, in: s) { stop = unquotedComma(from: start, before: stop) }
        if let q = index.quoteOpening(at: start), q.terminated, q.close + 1 >= stop || q.close + 1 == end {
            stop = max(stop, min(q.close + 1, s.upperBound))
            pattern = pattern ?? .quoteForward
        }
        stop = withoutClosingAside(from: start, stop: stop)
        guard stop > start else { return nil }
        candidate.content = [start..<stop]
        if pattern == nil {
            pattern = key(start) == Keys.that ? .indirectThat : .indirectBare
        }
        candidate.pattern = pattern ?? .indirectBare
        return candidate
    }

    /// Where forward content starts once a day after the cue is passed over ("said Tuesday the
    /// plan failed", "said on Friday morning the plan failed"); nil when the rest of the sentence
    /// is no more than such an adjunct ("responded Friday.") or a short phrase of origin or time
    /// ("reported from Los Angeles.", "said during the debate."): no content follows the cue.
    /// What a quotation was said of is passed over too ("said of the episode, “Q”").
    func afterAdjunct(_ start: Int, end: Int) -> Int? {
        var k = start
        if k + 1 < end && key(k) == Keys.on && Keys.days.contains(key(k + 1)) { k += 1 }
        if k < end && Keys.days.contains(key(k)) {
            k += 1
            while k < end && Keys.partsOfDay.contains(key(k)) { k += 1 }
            if k < end && isComma(k) { k += 1 }
            return k < end ? k : nil
        }
        // "said of the episode, ''Q''", "said about Apple: ''Q''": what it was said of is no
        // part of the quotation that follows.
        if key(start) == Keys.of || key(start) == Keys.about {
            var k = start + 1
            while k < end && k - start <= 8 && tokens[k].kind == .word { k += 1 }
            if k + 1 < end, isComma(k) || tokens[k].isPunct(":"), index.quoteOpening(at: k + 1) != nil { return k + 1 }
        }
        if Keys.adjunctPrepositions.contains(key(start)) && end - start <= 6
            && !(start..<end).contains(where: { isComma($0) || tokens[$0].kind == .quote }) {
            return nil
        }
        return start
    }

    /// The source is the subject of an adverbial clause that opens the sentence ("When the
    /// moderator pointed out that Trump had not answered, the candidate said ...", "Though she
    /// never mentioned Sanders by name, Clinton cast ..."): its content ends at the clause's
    /// comma, where the main clause begins.
    func opensAdverbialClause(_ source: Range<Int>, in s: Range<Int>) -> Bool {
        var k = source.lowerBound - 1
        while k > s.lowerBound && Keys.subjectFocusAdverbs.contains(key(k)) { k -= 1 }
        guard k >= s.lowerBound, Keys.adverbialSubordinators.contains(key(k)) else { return false }
        k -= 1
        // "But when ...", "And if ...".
        if k >= s.lowerBound && (key(k) == Keys.and || key(k) == Keys.but) { k -= 1 }
        return k < s.lowerBound || tokens[k].kind == .quote
    }

    /// "The campaign declined to comment.": a verb that takes "to" ("declined", "refused") ended
    /// its cue with an infinitive cue and nothing follows. The refusal is the claim: the cue is
    /// the governing verb, the content the infinitive ("to comment"), as PARC-style gold marks it.
    func refusal(_ a: Anchor, end: Int, base: Candidate) -> Candidate? {
        guard let cue = base.cue.last, cue.upperBound >= end else { return nil }
        var to = cue.lowerBound + 1
        while to < cue.upperBound - 1 && key(to) != Keys.to { to += 1 }
        guard to < cue.upperBound - 1, key(to) == Keys.to,
              (cue.lowerBound..<to).contains(where: { lexicons.cues.verb(tokens[$0])?.needsTo == true }) else { return nil }
        var candidate = base
        candidate.cue[candidate.cue.count - 1] = cue.lowerBound..<to
        candidate.content = [to..<end]
        candidate.pattern = .indirectBare
        return candidate
    }

    /// Where forward content starts at `j` (the token after the cue and its hearer): after a colon
    /// (which joins the cue when it follows it directly), at a quotation after a comma, or at a
    /// "that" a few words on.
    func forwardStart(at j: Int, after a: Anchor, end: Int, pattern: inout Pattern?,
                      candidate: inout Candidate) -> Int {
        var start = j
        if tokens[j].isPunct(":") {
            start = j + 1
            pattern = pattern ?? .colon
            if j == a.cueEnd { candidate.cue[candidate.cue.count - 1] = candidate.cue[candidate.cue.count - 1].lowerBound..<(j + 1) }
        } else if isComma(j), j + 1 < end, index.quoteOpening(at: j + 1) != nil {
            start = j + 1
        } else if let that = thatAhead(from: j, end: end) {
            start = that
        }
        return start
    }

    /// "... to pardon Hillary Clinton, who has not been charged": a closing relative clause
    /// about a name is the writer's aside, not the source's words; the content stops before it.
    func withoutClosingAside(from start: Int, stop: Int) -> Int {
        var k = start + 1
        while k + 1 < stop {
            if isComma(k) && !index.isQuoted(k) && key(k + 1) == Keys.who && tokens[k - 1].capitalized {
                var m = k + 2
                while m < stop && !isComma(m) { m += 1 }
                return m == stop ? k : stop
            }
            k += 1
        }
        return stop
    }

    /// After a cue in a trailing attribution only a short complement may follow ("to Reuters",
    /// "on Monday", "of the militia"), then the sentence ends or a comma continues it. An object
    /// right after a verb that takes no hearer ("..., the paper wrote an editorial") makes the
    /// verb's own clause: no trailing attribution.
    func trailingRest(after a: Anchor, verb: CueVerb, in s: Range<Int>, end: Int, afterQuote: Bool) -> (comma: Int?, stop: Int)? {
        var k = a.cueEnd
        var count = 0
        while k < end {
            let t = tokens[k]
            if isComma(k) { return (k, k) }
            if afterQuote {
                // `"Q," the chancellor told reporters after a meeting that ...`: the quote decides,
                // unless the verb itself goes on with "that" or a colon.
                if count == 0 && (t.key == Keys.that || t.isPunct(":")) { return nil }
                if t.kind == .quote, index.quoteOpening(at: k) != nil { return (nil, k) }
                count += 1
                k += 1
                continue
            }
            if t.kind == .quote || t.isPunct(":") || t.key == Keys.that && !t.capitalized { return nil }
            // An object: a determiner or a plain word ("pledged to oppose legal status", "vow
            // consequences", "said enough"), not an adverb ("said afterward", "said privately").
            if count == 0 && !verb.takesRecipient && t.kind == .word && !t.capitalized
                && (word(k).contains(.determiner) && !word(k).contains(.objectPronoun)
                    || word(k).isEmpty && !isLyAdverb(k) && lexicons.cues.verb(t) == nil
                        && !Keys.placeAdverbs.contains(t.key) && !Keys.clauseEndAdverbs.contains(t.key)) { return nil }
            // A cue verb after the cue makes another clause, unless it is a noun after a preposition
            // and a determiner ("said after the attacks").
            if t.kind == .word, let other = lexicons.cues.verb(t), !t.capitalized, count > 0,
               !(other.alsoNoun && k - 2 >= a.cueEnd && word(k - 2).contains(.preposition)
                   && (word(k - 1).contains(.determiner) || key(k - 1) == Keys.possessive)) { return nil }
            if t.kind == .word, !t.capitalized, !word(k).intersection([.be, .auxiliary, .subjectPronoun]).isEmpty {
                return nil
            }
            count += 1
            if count > 6 { return nil }
            k += 1
        }
        return (nil, end)
    }

    /// "At a rally, Trump said, ...", "On Tuesday, the mayor said, ...": a short phrase of place or
    /// time that opens the sentence is no claim; the content follows the cue.
    func introductoryPhrase(_ r: Range<Int>) -> Bool {
        guard r.count <= 5, tokens[r.lowerBound].kind == .word,
              word(r.lowerBound).contains(.preposition) || Keys.days.contains(key(r.lowerBound)) else { return false }
        return !r.contains { tokens[$0].kind == .quote || lexicons.cues.verb(tokens[$0]) != nil
            || !word($0).intersection([.be, .auxiliary, .subjectPronoun, .subordinator]).isEmpty }
    }

    /// "that" a few words after the cue, past adjuncts such as "on Monday" or "in a statement".
    func thatAhead(from j: Int, end: Int) -> Int? {
        var k = j
        var adjunct = false
        while k < end && k - j < 10 {
            let t = tokens[k]
            if t.key == Keys.that && !t.capitalized { return (k == j || adjunct) ? k : nil }
            if t.kind == .quote || t.isPunct(":") || t.isPunct(";") { return nil }
            if t.kind == .word {
                let cls = lexicons.word(t)
                if cls.contains(.preposition) || cls.contains(.time) || t.capitalized { adjunct = true }
                if lexicons.cues.verb(t) != nil && !t.capitalized { return nil }
                // "said after a lunch on Tuesday that ...": "after" or "before" before a noun phrase
                // is a preposition, not a clause of its own.
                let preposition = cls.contains(.preposition) && k + 1 < end
                    && (lexicons.word(tokens[k + 1]).contains(.determiner) || tokens[k + 1].capitalized
                        || tokens[k + 1].kind == .number)
                if !preposition && !cls.intersection([.be, .auxiliary, .subjectPronoun, .subordinator]).isEmpty {
                    return nil
                }
            }
            k += 1
        }
        return nil
    }

    /// The hearer after "told": a pronoun, an outlet, a name, or a short noun phrase.
    func recipientEnd(from j: Int, end: Int) -> Int {
        let t = tokens[j]
        if t.kind != .word { return j }
        let cls = word(j)
        if cls.contains(.objectPronoun) && !cls.contains(.determiner) || t.key == Keys.reporters { return j + 1 }
        if cls.contains(.objectPronoun) && cls.contains(.determiner) {
            // "her" alone is the hearer; "her staff" is a phrase.
            if j + 1 < end, tokens[j + 1].kind == .word, lexicons.word(tokens[j + 1]).intersection(
                [.subordinator, .determiner, .subjectPronoun, .preposition, .time]).isEmpty,
               lexicons.cues.verb(tokens[j + 1]) == nil {
                return j + 2
            }
            return j + 1
        }
        if let outlet = lexicons.outlets.match(tokens, at: j, limit: end) { return outlet.range.upperBound }
        if let phrase = phrases.phrase(from: j, limit: end, allowAppositive: false) {
            // Keep a recipient short; a long phrase is probably the content. A subject pronoun
            // starts the content ("told host Chris Cuomo she believed ...").
            let pronoun = phrase.dropFirst().first { tokens[$0].kind == .word && word($0).contains(.subjectPronoun) }
            if let pronoun { return pronoun }
            if phrase.count <= 6 { return phrase.upperBound }
        }
        return j
    }

    /// `The Council released a statement ..., which said`: the statement's issuer and its cue.
    func statementSource(before relative: Int, lower: Int) -> (Range<Int>, Range<Int>)? {
        var k = relative - 1
        while k > lower {
            if Keys.statementNouns.contains(key(k)) {
                var v = k - 1
                while v > lower && word(v).contains(.determiner) { v -= 1 }
                if Keys.publishVerbs.contains(key(v)), let src = phrases.subject(before: v, lower: lower) {
                    return (src, v..<(k + 1))
                }
            }
            k -= 1
        }
        return nil
    }

    /// What a colon at the end of `s` introduces: the quotation that follows, or the whole next
    /// paragraph when the sentence ends the paragraph ("Limbaugh added:" + a block quotation).
    func nextQuote(after s: Range<Int>) -> Range<Int>? {
        var k = s.upperBound
        let paragraphEnds = k < tokens.count && tokens[k].kind == .newline
        while k < tokens.count && tokens[k].kind == .newline { k += 1 }
        if let q = index.quoteOpening(at: k) { return q.open..<(q.close + 1) }
        guard paragraphEnds, k < tokens.count else { return nil }
        var e = k
        while e < tokens.count && tokens[e].kind != .newline { e += 1 }
        let hi = trimEnd(k, e)
        return hi > k ? k..<hi : nil
    }
}
