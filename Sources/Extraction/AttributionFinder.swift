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

/// A token that may start an attribution: a reporting verb, "according to", a hedge.
struct Anchor {
    enum Kind {
        case verb(CueVerb)
        case according
        case hedgePassive
        /// "was reported by Reuters": the agent is the source.
        case passiveAgent(CueVerb)
        /// "was labeled a failure": a report with no source.
        case passive(CueVerb)
        case hedgeAdverb
        case raising
    }

    var kind: Kind
    var at: Int
    var cueStart: Int
    var cueEnd: Int
    /// "... and warned", "..., saying": the source is the previous clause's.
    var coordinated = false
    var participial = false
    /// The outlet named right after the cue ("confirmed to Reuters") and where that name ends.
    var outlet: String? = nil
    var outletEnd: Int? = nil

    var cueClass: CueClass? {
        switch kind {
        case let .verb(v), let .passive(v), let .passiveAgent(v): return v.cueClass
        default: return nil
        }
    }
}

/// Finds attributions sentence by sentence: anchors first, then for each anchor the sentence
/// shape around it (quote before or after, subject before or after, "that", commas), then keeps
/// only the outermost attribution where they nest (PolNeAR's convention).
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

    // MARK: - Token tests

    @inline(__always) func word(_ i: Int) -> WordClass { lexicons.word(tokens[i]) }
    @inline(__always) func isComma(_ i: Int) -> Bool { tokens[i].isPunct(",") }
    @inline(__always) func key(_ i: Int) -> UInt64 { tokens[i].key }

    func isLyAdverb(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, !t.capitalized, t.end - t.start > 4 else { return false }
        let s = index.scalars
        let e = Int(t.end)
        return s[e - 2] == "l" && s[e - 1] == "y" && lexicons.cues.verb(t) == nil
    }

    /// Words that join a cue from the left: auxiliaries, negation, "also", "-ly" adverbs.
    func joinsCue(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.key == Keys.possessive {
            // "he's said": a contracted "has"/"is" after a pronoun; after a name it is a possessive.
            return i > 0 && word(i - 1).contains(.subjectPronoun)
        }
        guard t.kind == .word else { return false }
        if t.capitalized { return false }
        let cls = word(i)
        if cls.contains(.subjectPronoun) { return false }
        return !cls.intersection([.be, .auxiliary, .negation, .cueAdverb, .hedgeAdverb]).isEmpty || isLyAdverb(i)
    }

    func isSentenceFinal(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .punct && (t.first == 46 || t.first == 33 || t.first == 63 || t.first == 59
            || t.first == 0x2026)
    }

    /// `hi` without trailing punctuation outside quotes (a closing quote keeps what it encloses).
    func trimEnd(_ lo: Int, _ hi: Int) -> Int {
        var h = hi
        while h > lo {
            let t = tokens[h - 1]
            if t.kind == .punct && (t.first == 46 || t.first == 44 || t.first == 59 || t.first == 58
                || t.first == 33 || t.first == 63 || t.first == 0x2014 || t.first == 0x2013 || t.first == 45
                || t.first == 0x2015) {
                h -= 1
                continue
            }
            break
        }
        return h
    }

    func trimStart(_ lo: Int, _ hi: Int) -> Int {
        var l = lo
        while l < hi {
            let t = tokens[l]
            if t.kind == .punct && (t.first == 44 || t.first == 58 || t.first == 0x2014 || t.first == 0x2013
                || t.first == 45 || t.first == 59 || t.first == 0x2015) {
                l += 1
                continue
            }
            // "However, prices fell": a sentence adverb and its comma.
            if t.kind == .word && t.capitalized && l + 2 < hi && word(l).contains(.discourse) && isComma(l + 1) {
                l += 2
                continue
            }
            break
        }
        return l
    }

    func hasWord(_ r: Range<Int>) -> Bool {
        for i in r where tokens[i].isWordOrNumber { return true }
        return false
    }

    // MARK: - Anchors

    func anchors(in s: Range<Int>) -> [Anchor] {
        var result: [Anchor] = []
        let headline = isHeadline(s)
        var i = s.lowerBound
        while i < s.upperBound {
            defer { i += 1 }
            let t = tokens[i]
            guard t.kind == .word, !index.isQuoted(i) else { continue }
            if t.key == Keys.according, i + 1 < s.upperBound, key(i + 1) == Keys.to {
                result.append(Anchor(kind: .according, at: i, cueStart: i, cueEnd: i + 2))
                continue
            }
            let cls = lexicons.word(t)
            if cls.contains(.hedgeAdverb) {
                if i + 1 < s.upperBound, lexicons.cues.verb(tokens[i + 1]) != nil { continue }
                result.append(Anchor(kind: .hedgeAdverb, at: i, cueStart: i, cueEnd: i + 1))
                continue
            }
            if t.capitalized && !(headline && i > s.lowerBound) { continue }
            if cls.contains(.raising) {
                guard i + 1 < s.upperBound, key(i + 1) == Keys.to || key(i + 1) == Keys.that else { continue }
                if i > s.lowerBound, word(i - 1).contains(.determiner) { continue }
                var start = i
                while start > s.lowerBound && joinsCue(start - 1) { start -= 1 }
                result.append(Anchor(kind: .raising, at: i, cueStart: start, cueEnd: i + 1))
                continue
            }
            guard let verb = lexicons.cues.verb(t) else { continue }
            var p = i - 1
            while p >= s.lowerBound && (word(p).intersection([.cueAdverb, .negation]).isEmpty == false || isLyAdverb(p)) {
                p -= 1
            }
            let prevClass: WordClass = p >= s.lowerBound ? word(p) : []
            if p >= s.lowerBound {
                if key(p) == Keys.possessive { continue }
                if prevClass.contains(.determiner) && key(p) != Keys.that && !prevClass.contains(.subjectPronoun) { continue }
                if prevClass.contains(.determiner) && prevClass.contains(.objectPronoun) && key(p) != Keys.that
                    && prevClass.contains(.female) { continue }  // "her report"
            }
            let isIng = verb.forms.contains(.ing) && phrases.isParticiple(i)
            if verb.alsoNoun && !nounVerbIsVerb(at: i, previous: p, in: s) { continue }
            if verb.needsParticle && !(i + 1 < s.upperBound && verb.particles.contains(key(i + 1))) { continue }
            if verb.needsTo && !(i + 1 < s.upperBound && (key(i + 1) == Keys.to || key(i + 1) == Keys.that)) { continue }
            if verb.forms == .base && !baseFormIsVerb(at: i, previous: p, in: s) { continue }
            // "concludes with footage": a verb followed by "with" does not report.
            if i + 1 < s.upperBound, key(i + 1) == Keys.with, !verb.particles.contains(Keys.with) { continue }
            if !isIng && prevClass.contains(.be) {
                guard verb.forms.contains(.participle) else { continue }
                var start = i
                while start > s.lowerBound && joinsCue(start - 1) { start -= 1 }
                if i + 1 < s.upperBound && key(i + 1) == Keys.by {
                    result.append(Anchor(kind: .passiveAgent(verb), at: i, cueStart: start, cueEnd: i + 2))
                } else if cls.contains(.hedgePassive) {
                    result.append(Anchor(kind: .hedgePassive, at: i, cueStart: start, cueEnd: i + 1))
                } else {
                    result.append(Anchor(kind: .passive(verb), at: i, cueStart: start, cueEnd: i + 1))
                }
                continue
            }
            if reducedRelative(at: i, in: s) { continue }
            if namingParticiple(at: i, in: s) { continue }
            if agentParticiple(at: i, previous: p, in: s) { continue }
            // "who asked not to be named": a request for anonymity, not a claim.
            if verb.lemma == "ask", i + 2 < s.upperBound, word(i + 1).contains(.negation), key(i + 2) == Keys.to {
                continue
            }
            // "known as", "written by": a participle-only form needs "have" or "be" to be a verb.
            if verb.forms == .participle && !prevClass.contains(.auxiliary) { continue }
            var anchor = Anchor(kind: .verb(verb), at: i, cueStart: i, cueEnd: i + 1)
            if isIng {
                if prevClass.contains(.be) {
                    // progressive: "is saying"
                } else if p >= s.lowerBound && (isComma(p) || key(p) == Keys.and || key(p) == Keys.by
                    || key(p) == Keys.while) {
                    if isComma(p), parentheticalParticiple(at: i, in: s) { continue }
                    anchor.participial = true
                } else {
                    continue
                }
            }
            // "declined to comment": the cue starts at the governing verb.
            if p >= s.lowerBound && key(p) == Keys.to && verb.forms.contains(.base) {
                let q = p - 1
                if q >= s.lowerBound, lexicons.cues.verb(tokens[q]) != nil, !tokens[q].capitalized { continue }
                if q >= s.lowerBound, tokens[q].kind == .word, !tokens[q].capitalized,
                   word(q).intersection([.determiner, .preposition, .subordinator, .conjunction, .subjectPronoun,
                                          .objectPronoun, .time, .be, .auxiliary]).isEmpty,
                   looksLikeVerb(q) {
                    anchor.cueStart = q
                } else {
                    continue
                }
            }
            while anchor.cueStart > s.lowerBound && joinsCue(anchor.cueStart - 1) && anchor.at - anchor.cueStart < 4 {
                anchor.cueStart -= 1
            }
            // Particles and a following infinitive cue: "pointed out", "declined to say".
            var end = i + 1
            if end < s.upperBound && verb.particles.contains(key(end)) && !index.isQuoted(end) { end += 1 }
            if end + 1 < s.upperBound, key(end) == Keys.to, let next = lexicons.cues.verb(tokens[end + 1]),
               next.forms.contains(.base), !tokens[end + 1].capitalized {
                end += 2
            }
            if end + 1 < s.upperBound, key(end) == Keys.to,
               let outlet = lexicons.outlets.match(tokens, at: end + 1, limit: s.upperBound) {
                end += 1
                anchor.outlet = outlet.name
                anchor.outletEnd = outlet.range.upperBound
            }
            anchor.cueEnd = end
            // Coordination: "... and warned", ", adding".
            var c = anchor.cueStart - 1
            while c >= s.lowerBound && joinsCue(c) { c -= 1 }
            if c >= s.lowerBound && !anchor.participial && (key(c) == Keys.and || key(c) == Keys.but) {
                anchor.coordinated = true
            }
            result.append(anchor)
            i = max(i, end - 1)
        }
        return result
    }

    /// A noun-or-verb form ("reports", "claim") is a verb after a pronoun, a name, a plural
    /// noun, an auxiliary or "to", or a relative pronoun — and not before "of".
    func nounVerbIsVerb(at i: Int, previous p: Int, in s: Range<Int>) -> Bool {
        if i + 1 < s.upperBound {
            let n = i + 1
            if key(n) == Keys.of { return false }
            // What follows a verb: "plans to", "claims that", "calls for", "shows the", "told him".
            if key(n) == Keys.to || key(n) == Keys.that || tokens[n].kind == .quote || tokens[n].isPunct(":")
                || (tokens[n].kind == .word && !tokens[n].capitalized
                    && !word(n).intersection([.determiner, .objectPronoun]).isEmpty && !word(n).contains(.preposition)) {
                return p >= s.lowerBound && !(word(p).contains(.determiner) && key(p) != Keys.that)
                    && key(p) != Keys.possessive && !(endsWith(p, "ed") && !tokens[p].capitalized)
            }
        }
        guard p >= s.lowerBound else { return false }
        let t = tokens[p]
        let cls = word(p)
        if !cls.intersection([.subjectPronoun, .be, .auxiliary, .negation]).isEmpty { return true }
        // "..., The Wall Street Journal reports.": a name, then the verb ends the clause.
        if t.capitalized && !cls.contains(.determiner) && (i + 1 >= s.upperBound || isSentenceFinal(i + 1) || isComma(i + 1)) {
            return true
        }
        if t.key == Keys.to || t.key == Keys.that || t.key == Keys.which || t.key == Keys.who { return true }
        if p < i - 1 { return true }  // an adverb came between: "officials also claim"
        if t.kind == .word && !t.capitalized && cls.isEmpty {
            let e = Int(t.end)
            let sc = index.scalars
            return t.end - t.start > 3 && sc[e - 1] == "s" && sc[e - 2] != "s"
        }
        if t.kind == .punct && t.first == 41 { return true }  // "(R-Ky.) says"
        return false
    }

    /// A bare verb form ("say", "support") needs a subject that takes it: a plural noun or
    /// pronoun ("officials say", "they say"), an auxiliary or "to" ("will say", "to say").
    func baseFormIsVerb(at i: Int, previous p: Int, in s: Range<Int>) -> Bool {
        guard p >= s.lowerBound else { return false }
        let t = tokens[p]
        let cls = word(p)
        if !cls.intersection([.be, .auxiliary, .negation, .pluralPronoun]).isEmpty { return true }
        if cls.contains(.subjectPronoun) { return true }
        if t.key == Keys.to || t.key == Keys.that || t.key == Keys.which || t.key == Keys.who { return true }
        if p < i - 1 { return true }
        if cls.contains(.determiner) { return Keys.pronominalDeterminers.contains(t.key) }
        if t.kind == .word && !cls.contains(.preposition) && endsWith(p, "s") && !endsWith(p, "ss") { return true }
        if t.kind == .word && Keys.pluralNouns.contains(t.key) { return true }
        return t.kind == .punct && t.first == 41
    }

    /// The word at `i` ends with the ASCII `suffix` (and is longer than it); no allocation.
    func endsWith(_ i: Int, _ suffix: StaticString) -> Bool {
        let t = tokens[i]
        let n = suffix.utf8CodeUnitCount
        guard Int(t.end - t.start) > n else { return false }
        let e = Int(t.end)
        return suffix.withUTF8Buffer { buffer in
            for k in 0..<n where index.scalars[e - n + k].value != UInt32(buffer[k]) { return false }
            return true
        }
    }

    /// A lowercase word shaped like a verb that governs "to": "-ed", a raising verb ("seems"),
    /// a cue verb, or a common control verb ("wants", "tries").
    func looksLikeVerb(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.end - t.start > 2 else { return false }
        if word(i).contains(.raising) || lexicons.cues.verb(t) != nil || Keys.controlVerbs.contains(t.key) { return true }
        return endsWith(i, "ed")
    }

    /// "a state audit released Tuesday found": a participle modifying the subject, followed (after
    /// at most a time phrase) by the finite cue verb.
    func reducedRelative(at i: Int, in s: Range<Int>) -> Bool {
        guard endsWith(i, "ed") || lexicons.cues.verb(tokens[i])?.forms.contains(.participle) == true else { return false }
        var k = i + 1
        while k < s.upperBound && k - i <= 4,
              tokens[k].kind == .number || (tokens[k].kind == .word && (word(k).contains(.time)
                || (key(k) == Keys.on || key(k) == Keys.in) && k + 1 < s.upperBound && word(k + 1).contains(.time)
                || (word(k).contains(.determiner) && k + 1 < s.upperBound && word(k + 1).contains(.time)))) {
            k += 1
        }
        guard k > i + 1, k < s.upperBound, !tokens[k].capitalized, let next = lexicons.cues.verb(tokens[k]) else {
            return false
        }
        return next.forms.contains(.past) || next.forms.contains(.third)
    }

    /// "a group called Ansar", "an \u{201C}emirate\u{201D} called Barqa", "The program, called EB-5,": a
    /// participle that gives a noun its name (a capitalised word or a quotation follows) after an
    /// indefinite noun phrase, a quoted term or a comma. It names; it does not report.
    /// ("what she called \u{201C}a rant\u{201D}" and "the senator called Smith a liar" still report.)
    func namingParticiple(at i: Int, in s: Range<Int>) -> Bool {
        guard Keys.namingParticiples.contains(key(i)), i > s.lowerBound, i + 1 < s.upperBound else { return false }
        let next = tokens[i + 1]
        guard (next.kind == .word && next.capitalized) || next.kind == .quote else { return false }
        let p = i - 1
        let prev = tokens[p]
        if isComma(p) {
            // "The program, called EB-5, allows": a short name closed by a comma, after a plain noun
            // that is the sentence's first phrase (not an appositive: "Moore, an adviser, called").
            guard p - 1 >= s.lowerBound, tokens[p - 1].kind == .word, !tokens[p - 1].capitalized,
                  !index.isQuoted(p - 1) else { return false }
            var k = p - 1
            while k >= s.lowerBound {
                if isComma(k) || tokens[k].kind == .quote { return false }
                k -= 1
            }
            var m = i + 1
            while m < s.upperBound && m - i <= 5 && (tokens[m].capitalized || tokens[m].kind == .number
                || tokens[m].isPunct("-")) { m += 1 }
            return m < s.upperBound && m > i + 1 && isComma(m)
        }
        if prev.kind == .quote {
            // `an "Islamic emirate" called X`: a closing mark after a quoted term (no comma inside).
            guard let q = index.quoteClosing(at: p), q.close == p, q.open < p - 1 else { return false }
            return !isComma(p - 1) && !isSentenceFinal(p - 1) && !tokens[p - 1].isPunct(":")
        }
        guard prev.kind == .word, !prev.capitalized, !isLyAdverb(p),
              word(p).intersection([.subjectPronoun, .objectPronoun, .be, .auxiliary, .negation, .cueAdverb,
                                    .determiner, .preposition]).isEmpty else { return false }
        // Back over the noun phrase to its determiner: only "a"/"an" make it a naming.
        var k = p - 1
        while k >= s.lowerBound && p - k <= 5 {
            let t = tokens[k]
            if t.kind == .word && (t.key == Keys.a || t.key == Keys.an) { return true }
            if t.kind == .word && !word(k).intersection([.determiner, .preposition, .subjectPronoun]).isEmpty { return false }
            if t.kind != .word && !t.isPunct("-") && t.kind != .number { return false }
            k -= 1
        }
        return false
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

    /// "residents interviewed by the AP said", "figures published by the statistics office": an
    /// "-ed" participle followed by "by" and its agent modifies the noun before it (a passive
    /// without "be"); the active verb would not take "by" + a noun phrase.
    func agentParticiple(at i: Int, previous p: Int, in s: Range<Int>) -> Bool {
        guard endsWith(i, "ed"), p == i - 1, p >= s.lowerBound, i + 2 < s.upperBound, key(i + 1) == Keys.by else {
            return false
        }
        let agent = tokens[i + 2]
        guard agent.kind == .word, agent.capitalized || word(i + 2).contains(.determiner) else { return false }
        let prev = tokens[p]
        guard prev.kind == .word else { return false }
        return word(p).intersection([.subjectPronoun, .be, .auxiliary, .negation]).isEmpty
            && prev.key != Keys.who && prev.key != Keys.which && prev.key != Keys.that
    }

    /// ", citing X, said": a participial phrase closed by a comma and followed by the main verb.
    func parentheticalParticiple(at i: Int, in s: Range<Int>) -> Bool {
        var k = i + 1
        while k < s.upperBound && !isComma(k) && !isSentenceFinal(k) && tokens[k].kind != .quote { k += 1 }
        guard k + 1 < s.upperBound, isComma(k) else { return false }
        var m = k + 1
        while m < s.upperBound && joinsCue(m) { m += 1 }
        guard m < s.upperBound else { return false }
        return lexicons.cues.verb(tokens[m]) != nil && !tokens[m].capitalized && !phrases.isParticiple(m)
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
            var subject: Range<Int>? = nil
            switch a.kind {
            case .verb where !a.coordinated && !a.participial:
                subject = phrases.subject(before: a.cueStart, lower: s.lowerBound)
                // "Residents of Oruk interviewed by the AP said": the source starts at the noun the
                // participle modifies (PolNeAR keeps the participle phrase in the source).
                if let subj = subject, subj.lowerBound - 3 >= s.lowerBound, key(subj.lowerBound - 1) == Keys.by,
                   agentParticiple(at: subj.lowerBound - 2, previous: subj.lowerBound - 3, in: s),
                   let head = phrases.subject(before: subj.lowerBound - 2, lower: s.lowerBound) {
                    subject = head.lowerBound..<subj.upperBound
                }
            case .hedgePassive, .passive, .passiveAgent, .raising:
                // Only to cut earlier content at "..., and police are said to ...".
                if let subj = phrases.subject(before: a.cueStart, lower: s.lowerBound), subj.lowerBound > s.lowerBound,
                   key(subj.lowerBound - 1) == Keys.and || key(subj.lowerBound - 1) == Keys.but {
                    let b = subj.lowerBound - 1
                    cuts.append(b > s.lowerBound && isComma(b - 1) ? b - 1 : b)
                }
            default:
                break
            }
            subjects.append(subject)
            if a.coordinated || a.participial {
                var c = a.cueStart - 1
                while c > s.lowerBound && (joinsCue(c) || key(c) == Keys.and || key(c) == Keys.but
                    || key(c) == Keys.by || key(c) == Keys.while) { c -= 1 }
                if c >= s.lowerBound && isComma(c) { cuts.append(c) } else { cuts.append(c + 1) }
            } else if case .according = a.kind, a.at > s.lowerBound, isComma(a.at - 1) {
                cuts.append(a.at - 1)
            } else if let subject, subject.lowerBound > s.lowerBound {
                let b = subject.lowerBound - 1
                if key(b) == Keys.and || key(b) == Keys.but || key(b) == Keys.while || key(b) == Keys.whereas
                    || tokens[b].isPunct(";") {
                    cuts.append(b > s.lowerBound && isComma(b - 1) ? b - 1 : b)
                }
            }
        }
        cuts.sort()
        func contentEnd(from start: Int) -> Int {
            var hi = end
            for c in cuts where c > start { hi = c; break }
            return trimEnd(start, hi)
        }

        var found: [Candidate] = []
        for (n, a) in anchors.enumerated() {
            let made: Candidate?
            switch a.kind {
            case let .verb(verb):
                made = verbCandidate(a, verb: verb, subject: subjects[n], in: s, end: end, found: found,
                                     contentEnd: contentEnd, number: number)
            case .according:
                made = accordingCandidate(a, in: s, end: end, contentEnd: contentEnd, number: number)
            case .hedgePassive, .raising:
                made = hedgeCandidate(a, in: s, contentEnd: contentEnd, number: number)
            case .hedgeAdverb:
                made = adverbCandidate(a, in: s, contentEnd: contentEnd, number: number)
            case let .passive(verb), let .passiveAgent(verb):
                made = passiveCandidate(a, verb: verb, in: s, end: end, contentEnd: contentEnd, number: number)
            }
            if var c = made {
                c.content = c.content.compactMap { r in
                    let lo = trimStart(r.lowerBound, r.upperBound)
                    let hi = trimEnd(lo, r.upperBound)
                    return lo < hi ? lo..<hi : nil
                }
                guard !c.content.isEmpty, c.content.contains(where: hasWord) else { continue }
                c.anonymousContext = anonymityMarked(s)
                found.append(c)
            }
        }
        for var c in labelled {
            c.anonymousContext = anonymityMarked(s)
            found.append(c)
        }
        return outermost(found)
    }

    func anonymityMarked(_ s: Range<Int>) -> Bool {
        for i in s where tokens[i].kind == .word && lexicons.word(tokens[i]).contains(.anonymityMarker) { return true }
        return false
    }

    /// Keeps only attributions whose cue is not inside another's content.
    func outermost(_ found: [Candidate]) -> [Candidate] {
        guard found.count > 1 else { return found }
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

    // MARK: - Reporting verbs

    func verbCandidate(
        _ a: Anchor, verb: CueVerb, subject: Range<Int>?, in s: Range<Int>, end: Int, found: [Candidate],
        contentEnd: (Int) -> Int, number: Int
    ) -> Candidate? {
        let lower = s.lowerBound
        var candidate = Candidate(pattern: .indirectBare, cueClass: verb.cueClass, source: nil,
                                  cue: [a.cueStart..<a.cueEnd], content: [], outlet: a.outlet,
                                  sentence: number, anonymousContext: false)
        // 1. Inverted: `"Q," said the minister.` / `C, said the minister.`
        if !a.coordinated && !a.participial && a.cueStart > lower && verb.cueClass == .speech {
            let b = a.cueStart - 1
            let closing = index.quoteClosing(at: b) ?? (isComma(b) ? index.quoteClosing(at: b - 1) : nil)
            let afterQuote = closing.flatMap { opensClause($0.open, lower: lower) ? $0 : nil }
            let after = isComma(b) || closing != nil
                ? phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: true) : nil
            // `C, said Batchelder.`: a phrase that ends the sentence after the verb is the source.
            // After "told" the phrase is the hearer ("Mr. King, 82, told me"), never the source.
            if let source = after, isNounPhrase(source),
               subject == nil || closing != nil || (source.upperBound == end && !verb.takesRecipient) {
                let leftEnd = (afterQuote ?? closing).map { $0.close + 1 } ?? b
                let leftStart = afterQuote.map { $0.open } ?? lower
                if leftEnd - leftStart >= 2 {
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
            }
        }
        // 2. The source: the subject, or shared with the previous clause.
        var source = subject
        var pattern: Pattern? = nil
        if source == nil {
            if a.coordinated || a.participial {
                source = found.first(where: { $0.source != nil && $0.cue[0].lowerBound < a.cueStart })?.source
                    ?? clauseSubject(from: lower, before: a.cueStart)
                pattern = a.participial ? .participial : .coordinated
            } else if a.cueStart - 1 > lower, key(a.cueStart - 1) == Keys.which || key(a.cueStart - 1) == Keys.that
                || key(a.cueStart - 1) == Keys.who {
                if let (src, cue) = statementSource(before: a.cueStart - 1, lower: lower) {
                    source = src
                    candidate.cue.insert(cue, at: 0)
                    pattern = .statement
                } else {
                    // PolNeAR marks "who" and "which" themselves as the source ("who said ..."),
                    // and the antecedent of "that" ("the company that said").
                    let relative = a.cueStart - 1
                    let antecedent = isComma(relative - 1)
                        ? phrases.subject(before: relative - 1, lower: lower)
                        : phrases.subject(before: relative, lower: lower)
                    if key(relative) == Keys.that {
                        source = antecedent
                    } else {
                        source = relative..<a.cueStart
                        candidate.referent = antecedent
                    }
                    pattern = .relative
                }
            }
        }
        guard let source else { return nil }
        candidate.source = source
        candidate.outlet = candidate.outlet ?? outlet(named: source)

        // 3. Trailing: `C, the minister said.` / `"Q," the minister said.`
        let before = source.lowerBound - 1
        if pattern == nil && before > lower && verb.cueClass != .plan && verb.cueClass != .stance {
            let closing = index.quoteClosing(at: before) ?? (isComma(before) ? index.quoteClosing(at: before - 1) : nil)
            // A partial quotation ("The plan is \u{201C}a disaster,\u{201D} she said") leaves the whole clause as content.
            let quote = closing.flatMap { opensClause($0.open, lower: lower) ? $0 : nil }
            if (isComma(before) || closing != nil || tokens[before].isPunct("—")),
               let rest = trailingRest(after: a, in: s, end: end, afterQuote: quote != nil) {
                let leftStart = quote?.open ?? afterDateline(lower, before)
                let leftEnd = (quote ?? closing).map { $0.close + 1 } ?? before
                let subordinate = quote == nil && tokens[leftStart].kind == .word
                    && word(leftStart).contains(.subordinator) && key(leftStart) != Keys.that
                // A bare trailing clause needs some length ("In 2000, they attacked" is not one);
                // a middle attribution ("The problem, he said, is ...") does not.
                let minimum = quote != nil || rest.comma != nil ? 2 : 4
                if leftEnd - leftStart >= minimum && !subordinate {
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
            }
        }

        // 4. Forward: `the minister said (that) C`.
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
            return nil
        }
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
        if start >= end { return nil }
        var stop = contentEnd(start)
        if pattern == .relative {
            var k = start
            while k < stop && !(isComma(k) && !index.isQuoted(k)) { k += 1 }
            stop = k
        }
        if let q = index.quoteOpening(at: start), q.terminated, q.close + 1 >= stop || q.close + 1 == end {
            stop = max(stop, min(q.close + 1, s.upperBound))
            pattern = pattern ?? .quoteForward
        }
        // "... to pardon Hillary Clinton, who has not been charged": a closing relative clause
        // about a name is the writer's aside, not the source's words.
        var k = start + 1
        while k + 1 < stop {
            if isComma(k) && !index.isQuoted(k) && key(k + 1) == Keys.who && tokens[k - 1].capitalized {
                var m = k + 2
                while m < stop && !isComma(m) { m += 1 }
                if m == stop { stop = k }
                break
            }
            k += 1
        }
        guard stop > start else { return nil }
        candidate.content = [start..<stop]
        if pattern == nil {
            pattern = key(start) == Keys.that ? .indirectThat : .indirectBare
        }
        candidate.pattern = pattern ?? .indirectBare
        return candidate
    }

    /// A quotation is the content of a trailing attribution only when it opens its clause, not
    /// when a phrase embeds it ("a broadcast of \u{201C}Fox News Sunday,\u{201D} Pence said").
    func opensClause(_ open: Int, lower: Int) -> Bool {
        if open <= lower { return true }
        let t = tokens[open - 1]
        if t.kind == .punct { return true }
        return t.kind == .word && (word(open - 1).contains(.conjunction) || t.key == Keys.that)
    }

    /// After a cue in a trailing attribution only a short complement may follow ("to Reuters",
    /// "on Monday", "of the militia"), then the sentence ends or a comma continues it.
    func trailingRest(after a: Anchor, in s: Range<Int>, end: Int, afterQuote: Bool) -> (comma: Int?, stop: Int)? {
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
            if t.kind == .word, lexicons.cues.verb(t) != nil, !t.capitalized, count > 0 { return nil }
            if t.kind == .word, !t.capitalized, !word(k).intersection([.be, .auxiliary, .subjectPronoun]).isEmpty {
                return nil
            }
            count += 1
            if count > 6 { return nil }
            k += 1
        }
        return (nil, end)
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
                if !cls.intersection([.be, .auxiliary, .subjectPronoun, .subordinator]).isEmpty { return nil }
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
            // Keep a recipient short; a long phrase is probably the content.
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

    /// The subject at the start of a clause: a pronoun, a name, or a short noun phrase.
    func clauseSubject(from lower: Int, before limit: Int) -> Range<Int>? {
        var i = lower
        while i < limit, tokens[i].kind == .punct || word(i).contains(.conjunction) { i += 1 }
        // Skip an introductory phrase closed by a comma ("Chastened by the analyses, Trump ...").
        var k = limit - 1
        while k > i && !isComma(k) { k -= 1 }
        var start = i
        if k > i {
            var c = i
            while c < limit && !isComma(c) { c += 1 }
            if c < k || phrases.isParticiple(i) || word(i).contains(.preposition) || word(i).contains(.subordinator) {
                var m = limit - 1
                while m > i && !isComma(m) { m -= 1 }
                var lastComma = i
                var n = i
                while n < m { if isComma(n) { lastComma = n }; n += 1 }
                start = lastComma == i ? c + 1 : lastComma + 1
                if start >= limit { start = i }
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

    /// A line of its own in title case with no final stop: a headline ("Senator Says Taxes Will Rise").
    func isHeadline(_ s: Range<Int>) -> Bool {
        let before = s.lowerBound == 0 || tokens[s.lowerBound - 1].kind == .newline
        let after = s.upperBound >= tokens.count || tokens[s.upperBound].kind == .newline
        guard before && after, let last = s.last, !tokens[last].isPunct(".") else { return false }
        var words = 0
        var capitals = 0
        for i in s where tokens[i].kind == .word && tokens[i].end - tokens[i].start > 3 {
            words += 1
            if tokens[i].capitalized { capitals += 1 }
        }
        return words >= 3 && capitals * 10 >= words * 7
    }

    // MARK: - Passives

    /// `C was reported by S` (the agent is the source) and `C was labeled D` (no source).
    func passiveCandidate(_ a: Anchor, verb: CueVerb, in s: Range<Int>, end: Int, contentEnd: (Int) -> Int,
                          number: Int) -> Candidate? {
        let lower = s.lowerBound
        guard let subject = phrases.subject(before: a.cueStart, lower: lower) else { return nil }
        if let first = subject.first, subject.count == 1, key(first) == Keys.it { return nil }
        var c = Candidate(pattern: .passive, cueClass: verb.cueClass, source: nil, cue: [a.cueStart..<a.cueEnd],
                          content: [subject], outlet: nil, sentence: number, anonymousContext: false)
        if case .passiveAgent = a.kind {
            guard let agent = phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: false) else { return nil }
            c.source = agent
            c.pattern = .passiveAgent
            c.outlet = outlet(named: agent)
            return c
        }
        // A sourceless passive needs what was said ("was labeled a failure") and a main clause:
        // "After the vote was counted, ..." reports nothing.
        if subject.lowerBound > lower, word(subject.lowerBound - 1).contains(.subordinator) { return nil }
        var to = contentEnd(a.cueEnd)
        var k = a.cueEnd
        while k < to && !(isComma(k) && !index.isQuoted(k)) { k += 1 }
        to = trimEnd(a.cueEnd, k)
        guard to > a.cueEnd else { return nil }
        c.content.append(a.cueEnd..<to)
        return c
    }

    // MARK: - "according to"

    func accordingCandidate(_ a: Anchor, in s: Range<Int>, end: Int, contentEnd: (Int) -> Int, number: Int) -> Candidate? {
        let lower = s.lowerBound
        guard let source = phrases.phrase(from: a.cueEnd, limit: end, allowAppositive: false) else { return nil }
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
        c.content = [lower..<leftEnd]
        c.pattern = .accordingTrailing
        if source.upperBound < end, isComma(source.upperBound) {
            let from = source.upperBound + 1
            let to = contentEnd(from)
            if to > from {
                c.content.append(from..<to)
                c.pattern = .accordingMiddle
            }
        }
        return c
    }

    // MARK: - Hedges

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
        guard key(next) == Keys.to, let subject = phrases.subject(before: a.cueStart, lower: lower) else { return nil }
        let to = contentEnd(next)
        guard to > next else { return nil }
        c.content = [subject, next..<to]
        return c
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

    // MARK: - Outlets

    func outlet(named source: Range<Int>) -> String? {
        if let m = lexicons.outlets.match(tokens, at: source.lowerBound, limit: source.upperBound),
           m.range.upperBound == source.upperBound || m.range.upperBound + 1 == source.upperBound {
            return m.name
        }
        return nil
    }

    /// The outlet a hearer names: "told Reuters", "told us" (the publisher), "told Newsweek".
    func outlet(recipient r: Range<Int>) -> String? {
        guard !r.isEmpty else { return nil }
        if r.count == 1, key(r.lowerBound) == Keys.us || key(r.lowerBound) == Keys.me { return publisherName }
        if let m = lexicons.outlets.match(tokens, at: r.lowerBound, limit: r.upperBound) { return m.name }
        if matchesPublisher(at: r.lowerBound, limit: r.upperBound) { return publisherName }
        return nil
    }

    /// "speaking to the Associated Press", "in an interview with CNN", "told Newsweek" inside `r`.
    func outlet(in r: Range<Int>) -> String? {
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            let k = key(i)
            if k == Keys.to || k == Keys.with || k == Keys.told || k == Keys.telling {
                if let m = lexicons.outlets.match(tokens, at: i + 1, limit: r.upperBound) { return m.name }
                if matchesPublisher(at: i + 1, limit: r.upperBound) { return publisherName }
                if k == Keys.told || k == Keys.telling, key(i + 1) == Keys.us || key(i + 1) == Keys.me {
                    return publisherName
                }
            }
            i += 1
        }
        return nil
    }

    func matchesPublisher(at i: Int, limit: Int) -> Bool {
        guard !publisherKeys.isEmpty else { return false }
        var k = i
        if k < limit && key(k) == Keys.the { k += 1 }
        guard k + publisherKeys.count <= limit else { return false }
        for (n, pk) in publisherKeys.enumerated() where key(k + n) != pk { return false }
        return true
    }

    // MARK: - Quotes that go on in the next sentence

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
