/// An attribution found by the rules, in token ranges, before coreference and confidence.
struct Candidate {
    var pattern: Pattern
    var cueClass: CueClass?
    var source: Range<Int>?
    var cue: [Range<Int>]
    var content: [Range<Int>]
    var outlet: String?
    var sentence: Int
    /// "on condition of anonymity", "unnamed" near the source.
    var anonymousContext: Bool
    /// What a relative pronoun source ("who said") stands for, for source type and entity.
    var referent: Range<Int>? = nil

    var firstToken: Int {
        min(source?.lowerBound ?? Int.max, cue.first?.lowerBound ?? Int.max, content.first?.lowerBound ?? Int.max)
    }

    func contentContains(_ token: Int) -> Bool { content.contains { $0.contains(token) } }
}

/// Finds attributions sentence by sentence: anchors first, then for each anchor the sentence
/// shape around it (quote before or after, subject before or after, "that", commas), then keeps
/// only the outermost attribution where they nest (PolNeAR's convention).
///
/// One family of rules per file: `+Anchors` (what may start an attribution), `+Verbs` (reporting
/// verbs), `+Passives`, `+According`, `+Hedges`, `+Labels` (speaker labels and dash signatures),
/// `+Outlets`, `+Continuation` (a quotation going on in the next sentence); `+Clauses` and
/// `+TokenTests` hold the phrase and token questions they share.
struct AttributionFinder {
    let index: TextIndex
    let lexicons: Lexicons
    let phrases: SourcePhrase
    let publisherKeys: [UInt64]
    let publisherName: String?

    init(index: TextIndex, lexicons: Lexicons, publisher: String?) {
        self.index = index
        self.lexicons = lexicons
        self.phrases = SourcePhrase(index: index, lexicons: lexicons)
        if let publisher, !publisher.isEmpty {
            var keys = Tokenizer.keys(publisher)
            if keys.first == Keys.the && keys.count > 1 { keys.removeFirst() }
            publisherKeys = keys
            publisherName = lexicons.outlets.canonical(publisher: publisher)
        } else {
            publisherKeys = []
            publisherName = nil
        }
    }

    var tokens: [Token] { index.tokens }

    func find() -> [Candidate] {
        var all: [Candidate] = []
        for (number, sentence) in index.sentences.enumerated() {
            all.append(contentsOf: find(in: sentence, number: number))
        }
        continueQuotes(&all)
        return all
    }

    // MARK: - Per sentence

    func find(in s: Range<Int>, number: Int) -> [Candidate] {
        let anchors = anchors(in: s)
        let end = trimEnd(s.lowerBound, s.upperBound)
        let labelled = labelCandidates(in: s, end: end, number: number)
        guard !anchors.isEmpty || !labelled.isEmpty else { return [] }
        // Where a later clause starts, earlier content stops.
        var cuts: [Int] = []
        var subjects: [Range<Int>?] = []
        for a in anchors {
            let subject = verbSubject(of: a, in: s)
            subjects.append(subject)
            if let cut = cut(before: a, subject: subject, in: s) { cuts.append(cut) }
        }
        cuts.sort()
        // Where the other cues' subjects start: an opening "Asked whether ..." ends before one
        // (gathered only for a sentence that has one).
        let asks = anchors.contains { if case .asked = $0.kind { true } else { false } }
        let clauseStarts = asks ? subjects.compactMap { $0?.lowerBound }.sorted() : []
        // Captures the token array, not `self`: the rules call it once per candidate.
        let tokens = self.tokens
        func contentEnd(from start: Int) -> Int {
            var hi = end
            for c in cuts where c > start { hi = c; break }
            return Self.trimEnd(tokens, start, hi)
        }

        var found: [Candidate] = []
        for (n, a) in anchors.enumerated() {
            guard var c = candidate(for: a, subject: subjects[n], in: s, end: end, found: found,
                                    clauseStarts: clauseStarts, contentEnd: contentEnd, number: number) else { continue }
            c.content = trimmedContent(c.content)
            announced(&c)
            guard !c.content.isEmpty, hasWord(inAny: c.content) else { continue }
            c.anonymousContext = anonymityMarked(s)
            found.append(c)
        }
        for var c in labelled {
            c.anonymousContext = anonymityMarked(s)
            found.append(c)
        }
        return outermost(found)
    }

    /// "issued the following statement: C", "tweeted the following: C": what announces the content
    /// belongs to the cue, and the content is what follows the colon.
    func announced(_ c: inout Candidate) {
        guard let cue = c.cue.last, let first = c.content.first, first.lowerBound == cue.upperBound else { return }
        var k = first.lowerBound
        if k < first.upperBound && word(k).contains(.determiner) { k += 1 }
        guard k < first.upperBound, key(k) == Keys.following else { return }
        var colon = k + 1
        while colon < first.upperBound && colon <= k + 3 && tokens[colon].kind == .word { colon += 1 }
        guard colon + 1 < first.upperBound, tokens[colon].isPunct(":") else { return }
        c.cue[c.cue.count - 1] = cue.lowerBound..<(colon + 1)
        c.content[0] = (colon + 1)..<first.upperBound
        c.content = trimmedContent(c.content)
    }

    /// `ranges` without the punctuation (and a leading "However,") at either end; empty ones dropped.
    func trimmedContent(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for r in ranges {
            let lo = trimStart(r.lowerBound, r.upperBound)
            let hi = trimEnd(lo, r.upperBound)
            if lo < hi { result.append(lo..<hi) }
        }
        return result
    }

    /// The subject of a reporting verb that has its own ("The mayor said"); nil for other anchors
    /// and for a verb that shares the previous clause's source ("... and warned").
    func verbSubject(of a: Anchor, in s: Range<Int>) -> Range<Int>? {
        guard case let .verb(verb) = a.kind, !a.coordinated, !a.participial else { return nil }
        if let subject = a.absoluteSubject { return subject }
        // "Zucker, who in the past has voiced ...": the pronoun is the source (`sharedSource`), not
        // the adjunct's noun.
        if relativeBeforeAdjunct(a.cueStart, lower: s.lowerBound) != nil { return nil }
        var subject = phrases.subject(before: a.cueStart, lower: s.lowerBound)
        // "Residents of Oruk interviewed by the AP said": the source starts at the noun the
        // participle modifies (PolNeAR keeps the participle phrase in the source).
        if let subj = subject, subj.lowerBound - 3 >= s.lowerBound, key(subj.lowerBound - 1) == Keys.by,
           agentParticiple(at: subj.lowerBound - 2, previous: subj.lowerBound - 3, in: s),
           let head = phrases.subject(before: subj.lowerBound - 2, lower: s.lowerBound) {
            subject = head.lowerBound..<subj.upperBound
        }
        // "Voters attending the rally said", "Residents living near the plant said": a participle
        // phrase after its head noun is part of the source.
        if let subj = subject, let head = participleHead(before: subj, in: s) {
            subject = head..<subj.upperBound
        }
        // "Supporters who have heard from the campaign say": the relative clause is part of it, and
        // so is the participle phrase in "Democrats trying to win the Senate say".
        if verb.forms == .base, let subj = subject, let head = pluralHeadWithClause(before: a.cueStart, in: s),
           subj.lowerBound > head + 1,
           let phrase = phrases.subject(before: head + 1, lower: s.lowerBound) {
            subject = phrase.lowerBound..<subj.upperBound
        }
        if let subj = subject, let name = describedSpeaker(before: subj, in: s) {
            subject = name..<subj.upperBound
        }
        // "Trump's Indiana chairman, Rex Early, a former state party chairman, said": noun phrases
        // stacked between commas from the sentence's start are one source.
        // Not where a comma follows the verb: "The plan, Ann Ruiz, the mayor, said, is dead".
        if let subj = subject, !(a.cueEnd < s.upperBound && isComma(a.cueEnd)),
           let first = stackedAppositives(before: subj, in: s) {
            subject = first..<subj.upperBound
        }
        return subject
    }

    /// Where the sentence's first noun phrase starts when only noun phrases separated by commas
    /// (no verb, no quotation, no opening preposition or subordinator: "In Iowa, Sanders said" is not
    /// one) lie between it and `subject`, the last of them right before `subject`'s comma; nil
    /// otherwise. Only for a subject that closes an appositive or a clause of its own with a comma
    /// ("Rex Early, a former chairman,"): a bare one may be a middle attribution's ("The plan,
    /// officials said, is dead").
    func stackedAppositives(before subject: Range<Int>, in s: Range<Int>) -> Int? {
        let lower = afterDateline(s.lowerBound, subject.lowerBound)
        var comma = subject.lowerBound - 1
        guard comma > lower, isComma(comma), subject.count >= 2, isComma(subject.upperBound - 1),
              subject.lowerBound - lower <= 30 else { return nil }
        while true {
            guard let phrase = phrases.subject(before: comma, lower: lower), phrase.upperBound == comma,
                  !(phrase.lowerBound..<comma).contains(where: { tokens[$0].kind == .quote || isVerbLike($0) })
            else { return nil }
            if phrase.lowerBound == lower {
                let opener = word(lower)
                guard tokens[lower].kind == .word,
                      opener.isDisjoint(with: [.preposition, .subordinator, .conjunction, .time, .discourse, .cueAdverb])
                else { return nil }
                return lower
            }
            comma = phrase.lowerBound - 1
            guard comma > lower, isComma(comma) else { return nil }
        }
    }

    /// Where the head noun phrase starts when `subject` is the object of a participle that follows
    /// that head: "Voters attending the rally" (an "-ing" form right before the object),
    /// "People briefed on the plan", "polls taken over two weeks", "Residents living near the
    /// plant" (an "-ing" form or a past participle, and a preposition). The head is a noun phrase of its own right before the participle, not a
    /// pronoun; nil otherwise.
    func participleHead(before subject: Range<Int>, in s: Range<Int>) -> Int? {
        var m = subject.lowerBound - 1
        guard m > s.lowerBound, tokens[m].kind == .word else { return nil }
        // Not "by" (an agent: `agentParticiple`), "of", or one that may open a clause ("after",
        // "before": "Their calls intensified after Wikileaks released").
        let preposition = word(m).contains(.preposition) && !word(m).contains(.subordinator)
            && key(m) != Keys.by && key(m) != Keys.of
        if preposition { m -= 1 }
        guard m > s.lowerBound, tokens[m].kind == .word, !tokens[m].capitalized,
              phrases.isParticiple(m) && !Keys.ingNouns.contains(key(m))
                || preposition && (phrases.endsWithEd(m) || Keys.irregularParticiples.contains(key(m))),
              lexicons.cues.verb(tokens[m]) == nil,
              let head = phrases.subject(before: m, lower: s.lowerBound), head.upperBound == m,
              // The head is no verb's object ("to plan trips visiting the states").
              head.lowerBound == s.lowerBound || !isVerbLike(head.lowerBound - 1),
              let last = head.last, tokens[last].kind == .word,
              word(last).intersection([.subjectPronoun, .objectPronoun, .determiner, .preposition, .be, .auxiliary]).isEmpty,
              // A noun phrase, not a clause ("Mook convened staff to map out plans").
              !(head.lowerBound..<m).contains(where: { isComma($0) || isVerbLike($0) }),
              subject.upperBound - head.lowerBound <= 20 else { return nil }
        return head.lowerBound
    }

    /// `"Q," Jane Purner, 67, a retired nurse in Allentown, Pa., said`: a speaker whose name and
    /// descriptions fill the whole stretch between a closing quote and the verb, more commas than
    /// the subject walk passes over. Where the name starts, or nil.
    func describedSpeaker(before subject: Range<Int>, in s: Range<Int>) -> Int? {
        var k = subject.lowerBound - 1
        guard k > s.lowerBound, isComma(k) else { return nil }
        while k >= s.lowerBound && subject.lowerBound - k <= 24 {
            let t = tokens[k]
            if t.kind == .quote {
                guard index.quoteClosing(at: k) != nil, k + 1 < subject.lowerBound,
                      tokens[k + 1].kind == .word, tokens[k + 1].capitalized else { return nil }
                return k + 1
            }
            guard t.kind == .word || t.kind == .number || isComma(k) || t.isPunct(".") else { return nil }
            if t.kind == .word && !t.capitalized && lexicons.cues.verb(t) != nil { return nil }
            k -= 1
        }
        return nil
    }

    /// Where the clause of `a` starts when it follows another clause ("..., and police are said to",
    /// "..., adding", "..., according to", "..., but officials said"): earlier content stops there.
    func cut(before a: Anchor, subject: Range<Int>?, in s: Range<Int>) -> Int? {
        switch a.kind {
        case .hedgePassive, .passive, .passiveAgent, .raising:
            // Only to cut earlier content at "..., and police are said to ...".
            if let subj = phrases.subject(before: a.cueStart, lower: s.lowerBound), subj.lowerBound > s.lowerBound,
               key(subj.lowerBound - 1) == Keys.and || key(subj.lowerBound - 1) == Keys.but {
                let b = subj.lowerBound - 1
                return b > s.lowerBound && isComma(b - 1) ? b - 1 : b
            }
            return nil
        case .asked:
            // "He said he would not when asked whether ...": earlier content stops at "when".
            guard a.cueStart - 1 > s.lowerBound, key(a.cueStart - 1) == Keys.when else { return nil }
            let w = a.cueStart - 1
            return isComma(w - 1) ? w - 1 : w
        default:
            break
        }
        if a.coordinated || a.participial {
            var c = a.cueStart - 1
            while c > s.lowerBound && (joinsCue(c) || key(c) == Keys.and || key(c) == Keys.but
                || key(c) == Keys.by || key(c) == Keys.while) { c -= 1 }
            return c >= s.lowerBound && isComma(c) ? c : c + 1
        } else if case .according = a.kind, a.at > s.lowerBound, isComma(a.at - 1) {
            return a.at - 1
        } else if let subject, subject.lowerBound > s.lowerBound {
            var b = subject.lowerBound - 1
            // "..., as many as 40 percent of voters said": a quantity the subject walk left out.
            while b > s.lowerBound && subject.lowerBound - b <= 3 && Keys.quantityWords.contains(key(b)) { b -= 1 }
            if key(b) == Keys.and || key(b) == Keys.but || key(b) == Keys.while || key(b) == Keys.whereas
                || tokens[b].isPunct(";") {
                return b > s.lowerBound && isComma(b - 1) ? b - 1 : b
            }
            // "After Scalia said that ..., Trump said: ...": the main clause after an opening
            // adverbial clause; a cue inside that clause reports no further than its comma.
            if isComma(b) || quotationEndsWithComma(b), closesOpeningAdverbialClause(b, in: s) {
                return isComma(b) ? b : subject.lowerBound
            }
        }
        return nil
    }

    /// The sentence opens with an adverbial clause ("After ...", "When ...", "But although ...",
    /// a lowercase participle after a dateline) or a prepositional phrase ("In a statement released
    /// after ...", "By the time the primaries concluded") and `comma` (or the closing mark after a
    /// quotation's comma) is its first comma outside a quotation: where it ends. This cuts the
    /// content of any cue inside the opener ("After struggling to persuade voters that he
    /// understands ..., Emanuel said"), where `opensAdverbialClause` stops the content of a cue
    /// whose source follows the subordinator. Not "Like ...": "Like Trump said, ..." reports what
    /// follows.
    func closesOpeningAdverbialClause(_ comma: Int, in s: Range<Int>) -> Bool {
        var first = afterDateline(s.lowerBound, comma)
        if first < comma && (key(first) == Keys.and || key(first) == Keys.but) { first += 1 }
        if first + 1 < comma && key(first) == Keys.even { first += 1 }  // "Even though ..."
        guard first < comma, tokens[first].kind == .word,
              Keys.adverbialSubordinators.contains(key(first)) || phrases.isParticiple(first)
                || word(first).contains(.preposition) && key(first) != Keys.like else { return false }
        let commaToken = isComma(comma) ? comma : comma - 1
        return !(first..<commaToken).contains { isComma($0) && !index.isQuoted($0) }
    }

    /// The candidate the rules of `a`'s family make of it, before its content is trimmed.
    func candidate(for a: Anchor, subject: Range<Int>?, in s: Range<Int>, end: Int, found: [Candidate],
                   clauseStarts: [Int], contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        switch a.kind {
        case let .verb(verb):
            return verbCandidate(a, verb: verb, subject: subject, in: s, end: end, found: found,
                                 contentEnd: contentEnd, number: number)
        case .according:
            return accordingCandidate(a, in: s, end: end, contentEnd: contentEnd, number: number)
        case .hedgePassive, .raising:
            return hedgeCandidate(a, in: s, contentEnd: contentEnd, number: number)
        case .hedgeAdverb:
            return adverbCandidate(a, in: s, contentEnd: contentEnd, number: number)
        case let .passive(verb), let .passiveAgent(verb):
            return passiveCandidate(a, verb: verb, in: s, end: end, contentEnd: contentEnd, number: number)
        case let .asked(question):
            return askedCandidate(a, question: question, in: s, end: end, clauseStarts: clauseStarts,
                                  contentEnd: contentEnd, number: number)
        }
    }

    func anonymityMarked(_ s: Range<Int>) -> Bool {
        for i in s where tokens[i].kind == .word && lexicons.word(tokens[i]).contains(.anonymityMarker) { return true }
        return false
    }

    /// Keeps only attributions whose cue is not inside another's content. An attribution inside a
    /// relative clause (`embeddedRelative`: "cited the policies, which he said had failed") is kept
    /// instead, and the content around it leaves that clause out, where some of it comes before.
    func outermost(_ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        var found = candidates
        for x in found.indices where found[x].pattern == .embeddedRelative {
            guard let relative = found[x].content.first?.lowerBound, let clauseEnd = found[x].content.last?.upperBound
            else { continue }
            // The relative clause leaves the content around it, with the comma that closes it ("The
            // rule, which critics said was unfair, was repealed": "The rule" and "was repealed").
            let gap = relative..<(clauseEnd < tokens.count && isComma(clauseEnd) ? clauseEnd + 1 : clauseEnd)
            for y in found.indices where y != x && found[y].contentContains(relative) {
                let kept = trimmedContent(found[y].content.flatMap { r -> [Range<Int>] in
                    [r.lowerBound..<max(r.lowerBound, min(r.upperBound, gap.lowerBound)),
                     max(r.lowerBound, min(r.upperBound, gap.upperBound))..<r.upperBound]
                })
                if let first = kept.first, first.lowerBound < relative { found[y].content = kept }
            }
        }
        var keep = [Bool](repeating: true, count: found.count)
        // A cue inside another attribution's cue ("released a statement ..., which said") is part of it.
        for (x, cx) in found.enumerated() {
            guard let cueX = cx.cue.first?.lowerBound else { continue }
            if found.enumerated().contains(where: { y, cy in
                y != x && cy.cue.count > 1 && cy.cue.contains { $0.contains(cueX) }
            }) {
                keep[x] = false
            }
        }
        for (x, cx) in found.enumerated() where keep[x] {
            guard let cueX = cx.cue.first?.lowerBound else { continue }
            for (y, cy) in found.enumerated() where y != x && keep[y] && cy.contentContains(cueX) {
                // When each contains the other's cue, the later cue (a trailing attribution) is outer.
                if let cueY = cy.cue.first?.lowerBound, cx.contentContains(cueY) {
                    let xThat = cx.pattern == .indirectThat
                    let yThat = cy.pattern == .indirectThat
                    if xThat != yThat ? xThat : cueX > cueY { continue }
                }
                keep[x] = false
                break
            }
        }
        return found.enumerated().compactMap { keep[$0.offset] ? $0.element : nil }
    }
}
