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
        /// "Asked whether ..., the mayor said no", "she said when asked about it": a question put to
        /// someone, its content what follows the cue (`AttributionFinder.askedQuestion`).
        case asked(AskedQuestion)
    }

    var kind: Kind
    var at: Int
    var cueStart: Int
    var cueEnd: Int
    /// "... and warned", "..., saying": the source is the previous clause's.
    var coordinated = false
    var participial = false
    /// "with Trump calling for": the phrase between "with" and the cue, the cue's subject.
    var absoluteSubject: Range<Int>? = nil
    /// The outlet named right after the cue ("confirmed to Reuters") and where that name ends.
    var outlet: String? = nil
    var outletEnd: Int? = nil

    var cueClass: CueClass? {
        switch kind {
        case let .verb(v), let .passive(v), let .passiveAgent(v): return v.cueClass
        case .asked: return .speech
        default: return nil
        }
    }
}

/// The anchors: tokens that may start an attribution. A reporting verb ("The mayor said the bridge
/// is closed"), "according to", a hedge adverb ("reportedly"), a hedging passive or raising verb
/// ("is believed", "seems to"), and a passive cue ("was reported by Reuters"). The tests here turn
/// down verb forms that do not report: nouns ("the report"), names given ("a group called Ansar"),
/// participles that modify a noun ("a state audit released Tuesday found").
extension AttributionFinder {
    func anchors(in s: Range<Int>) -> [Anchor] {
        var result: [Anchor] = []
        let headline = isHeadline(s)
        var i = s.lowerBound
        while i < s.upperBound {
            defer { i += 1 }
            guard let anchor = anchor(at: i, in: s, headline: headline) else { continue }
            result.append(anchor)
            // A reporting verb's cue may run on ("pointed out", "declined to say"): go on after it.
            if case .verb = anchor.kind { i = max(i, anchor.cueEnd - 1) }
        }
        return result
    }

    /// The anchor at token `i`, if it starts one: "according to", a hedge adverb, a raising verb or
    /// a cue verb. In a headline ("Senator Says Taxes Will Rise") capitalised words may be cues.
    /// Asked of every token: inlined into the loop, as it was before it had a name.
    @inline(__always)
    func anchor(at i: Int, in s: Range<Int>, headline: Bool) -> Anchor? {
        let t = tokens[i]
        guard t.kind == .word, !index.isQuoted(i) else { return nil }
        if t.key == Keys.according, i + 1 < s.upperBound, key(i + 1) == Keys.to {
            return Anchor(kind: .according, at: i, cueStart: i, cueEnd: i + 2)
        }
        if t.key == Keys.as, let end = asReportedEnd(after: i, in: s) {
            return Anchor(kind: .according, at: i, cueStart: i, cueEnd: end)
        }
        let cls = lexicons.word(t)
        if cls.contains(.hedgeAdverb) {
            if i + 1 < s.upperBound, lexicons.cues.verb(tokens[i + 1]) != nil { return nil }
            return Anchor(kind: .hedgeAdverb, at: i, cueStart: i, cueEnd: i + 1)
        }
        if t.key == Keys.asked, let question = askedQuestion(at: i, in: s) {
            return Anchor(kind: .asked(question), at: i, cueStart: i, cueEnd: question.cueEnd)
        }
        if t.capitalized && !(headline && i > s.lowerBound) { return nil }
        if cls.contains(.raising) { return raisingAnchor(at: i, in: s) }
        guard let verb = lexicons.cues.verb(t) else {
            guard let adjective = lexicons.cues.adjective(t) else { return nil }
            return adjectiveAnchor(adjective, at: i, in: s)
        }
        return verbAnchor(verb, at: i, wordClass: cls, in: s)
    }

    /// "Officials are confident that …", "she was eager to …", "critics are skeptical of …": an
    /// adjective of attitude after a form of "be" (adverbs may come between) reports what its
    /// subject believes, intends or judges, when its complement follows: "that", "to" (adjectives
    /// flagged `+to`), one of its particles, or (for beliefs) a clause ("She was sure the plan
    /// would fail"). The cue runs from the auxiliaries before "be" through the adjective and its
    /// particle; "a confident official", "she was confident" alone and "it is certain that" report
    /// nothing.
    func adjectiveAnchor(_ adjective: CueVerb, at i: Int, in s: Range<Int>) -> Anchor? {
        let p = wordBeforeAdverbs(i, in: s, degree: true)
        guard p >= s.lowerBound, word(p).contains(.be), i + 1 < s.upperBound else { return nil }
        let n = i + 1
        let next = word(n)
        // A clause after a belief: its subject ("sure he", "sure the plan", "sure Obama"), never an object.
        let clause = tokens[n].kind == .word && !next.contains(.objectPronoun)
            && (next.contains(.subjectPronoun) || next.contains(.determiner) || tokens[n].capitalized && next.isEmpty)
        let complement = key(n) == Keys.that && !tokens[n].capitalized || adjective.particles.contains(key(n))
            || adjective.needsTo && key(n) == Keys.to || adjective.cueClass == .belief && clause
        guard complement, !index.isQuoted(n) else { return nil }
        var anchor = Anchor(kind: .verb(adjective), at: i, cueStart: cueStart(from: p, at: i, in: s, span: 5), cueEnd: i + 1)
        // "It is certain that …": an impersonal "it" is nobody's attitude.
        if anchor.cueStart > s.lowerBound, key(anchor.cueStart - 1) == Keys.it { return nil }
        extendCue(&anchor, verb: adjective, in: s)
        return anchor
    }

    /// "As reported by Reuters, C", ", as first stated in the filing": "as" opening the sentence or
    /// after a comma, a speech verb's participle (an adverb may come between) and "by" or "in" work
    /// as "according to" does; the end of that cue, or nil. Not evidence verbs ("as shown in Figure 2").
    func asReportedEnd(after i: Int, in s: Range<Int>) -> Int? {
        // Set off from the clause it reports ("He left as ordered by the court" is no attribution).
        guard i == s.lowerBound || isComma(i - 1) else { return nil }
        var v = i + 1
        if v < s.upperBound && (word(v).contains(.cueAdverb) || isLyAdverb(v) || key(v) == Keys.first) { v += 1 }
        guard v + 2 < s.upperBound, tokens[v].kind == .word, !tokens[v].capitalized,
              let verb = lexicons.cues.verb(tokens[v]), verb.cueClass == .speech,
              verb.forms.contains(.participle) || verb.forms.contains(.past),
              key(v + 1) == Keys.by || key(v + 1) == Keys.in else { return nil }
        // "in" names where it was said ("in the Gazette", "in Politico"), not when ("in March", "in 2019").
        if key(v + 1) == Keys.in {
            let n = tokens[v + 2]
            guard n.kind == .word, word(v + 2).contains(.determiner) || n.capitalized && !word(v + 2).contains(.time) else {
                return nil
            }
        }
        return v + 2
    }

    /// "seems to", "appears that" (not "the appearance"): the cue takes in auxiliaries before it.
    func raisingAnchor(at i: Int, in s: Range<Int>) -> Anchor? {
        guard i + 1 < s.upperBound, key(i + 1) == Keys.to || key(i + 1) == Keys.that else { return nil }
        if i > s.lowerBound, word(i - 1).contains(.determiner) { return nil }
        return Anchor(kind: .raising, at: i, cueStart: cueStart(from: i, at: i, in: s), cueEnd: i + 1)
    }

    /// The word before `i` past the adverbs and negation between a subject or "be" and its verb
    /// ("also", "not", "repeatedly"; with `degree`, "very", "so", "increasingly" too), or
    /// `s.lowerBound - 1` when none is left.
    func wordBeforeAdverbs(_ i: Int, in s: Range<Int>, degree: Bool = false) -> Int {
        var p = i - 1
        while p >= s.lowerBound && (!word(p).intersection([.cueAdverb, .negation]).isEmpty || isLyAdverb(p)
            || degree && Keys.degreeAdverbs.contains(key(p))) {
            p -= 1
        }
        return p
    }

    /// Where a cue whose head word is at `at` starts when it takes in the auxiliaries, negation and
    /// adverbs before `start` ("has not yet said"), reaching at most `span` tokens before `at`.
    func cueStart(from start: Int, at: Int, in s: Range<Int>, span: Int = .max) -> Int {
        var k = start
        while k > s.lowerBound && joinsCue(k - 1) && at - k < span { k -= 1 }
        return k
    }

    /// `''I don't like it,'' adding`: a quotation whose comma stands inside its closing mark
    /// (`SourcePhrase.quotationEndsWithComma`).
    func quotationEndsWithComma(_ p: Int) -> Bool { phrases.quotationEndsWithComma(p) }

    /// A cue verb at `i` that reports: checked against the word before it (past adverbs and
    /// negation), its form, and what follows; after "be" it is a passive.
    func verbAnchor(_ verb: CueVerb, at i: Int, wordClass cls: WordClass, in s: Range<Int>) -> Anchor? {
        let p = wordBeforeAdverbs(i, in: s)
        var prevClass: WordClass = p >= s.lowerBound ? word(p) : []
        if p >= s.lowerBound {
            if key(p) == Keys.possessive {
                // "he's said", "she's saying": after a pronoun "'s" is a contracted "has" or "is"
                // ("it's said" is the impersonal passive); after a name it is a possessive.
                guard p > s.lowerBound, word(p - 1).contains(.subjectPronoun) else { return nil }
                // "who's viewed as honest", "as he's known by": a passive's "is".
                let passive = i + 1 < s.upperBound && (key(i + 1) == Keys.`as` || key(i + 1) == Keys.by)
                    || verb.lemma == "know" || verb.lemma == "guarantee"
                prevClass = phrases.isParticiple(i) || key(p - 1) == Keys.it || passive ? .be : .auxiliary
            }
            if prevClass.contains(.determiner) && key(p) != Keys.that && !prevClass.contains(.subjectPronoun)
                && !standaloneDeterminer(p, before: verb, in: s) { return nil }
            if prevClass.contains(.determiner) && prevClass.contains(.objectPronoun) && key(p) != Keys.that
                && prevClass.contains(.female) { return nil }  // "her report"
        }
        let isIng = verb.forms.contains(.ing) && phrases.isParticiple(i)
        if verb.alsoNoun && !nounVerbIsVerb(at: i, previous: p, in: s, particles: verb.particles)
            && !(verb.forms == .base && pluralSubjectTakesObject(at: i, previous: p, in: s)) { return nil }
        if verb.needsParticle && !(i + 1 < s.upperBound && verb.particles.contains(key(particleIndex(after: i, in: s)))) {
            return nil
        }
        // "decided to run", "decided that ...", "decided not to run".
        if verb.needsTo && !(i + 1 < s.upperBound && (key(i + 1) == Keys.to || key(i + 1) == Keys.that
            || i + 2 < s.upperBound && word(i + 1).contains(.negation) && key(i + 2) == Keys.to)) { return nil }
        if verb.needsQuote && !nextToQuotation(i, in: s) { return nil }
        if verb.forms == .base && !baseFormIsVerb(at: i, previous: p, in: s) { return nil }
        // "concludes with footage": a verb followed by "with" does not report, unless it speaks a
        // quotation ("“Q,” she said with a laugh").
        if i + 1 < s.upperBound, key(i + 1) == Keys.with, !verb.particles.contains(Keys.with),
           !(verb.cueClass == .speech && nextToQuotation(i, in: s)) { return nil }
        // "easier said than done": a comparison, not a report.
        if i + 1 < s.upperBound, key(i + 1) == Keys.than { return nil }
        // "is worried that": a participle that is also an adjective of attitude reports its
        // subject's own state, not a passive's.
        if !isIng && prevClass.contains(.be), let adjective = lexicons.cues.adjective(tokens[i]) {
            return adjectiveAnchor(adjective, at: i, in: s)
        }
        if !isIng && prevClass.contains(.be) { return passiveAnchor(verb, at: i, wordClass: cls, in: s) }
        if reducedRelative(at: i, in: s) || publishedDocument(verb, at: i, in: s) { return nil }
        // "thanks to a big win", "thanks in part to": a preposition, not the verb.
        if key(i) == Keys.thanks, Keys.thanksTo.contains(where: { follows($0, at: i + 1, in: s) }) { return nil }
        if namingParticiple(at: i, in: s) { return nil }
        if agentParticiple(at: i, previous: p, in: s) { return nil }
        // "who asked not to be named": a request for anonymity, not a claim.
        if verb.lemma == "ask", i + 2 < s.upperBound, word(i + 1).contains(.negation), key(i + 2) == Keys.to {
            return nil
        }
        // "who requested anonymity", "asked for anonymity": the same request.
        if i + 1 < s.upperBound, key(i + 1) == Keys.anonymity
            || i + 2 < s.upperBound && key(i + 1) == Keys.for && key(i + 2) == Keys.anonymity {
            return nil
        }
        // "20 pledged delegates", "protesting delegates": a kind of delegate ("told delegates
        // that ..." is a report to them).
        if i + 1 < s.upperBound, !verb.forms.contains(.base), !(verb.takesRecipient && !isIng),
           Keys.delegates.contains(key(i + 1)) { return nil }
        // "added to her lead", "called to mind": "to" and a noun phrase make another verb.
        if i + 2 < s.upperBound, key(i + 1) == Keys.to,
           verb.lemma == "add" && word(i + 2).contains(.determiner) && !word(i + 2).contains(.subjectPronoun)
            || verb.lemma == "call" && key(i + 2) == Keys.mind {
            return nil
        }
        // "known as", "written by": a participle-only form needs "have" or "be" to be a verb.
        if verb.forms == .participle && !prevClass.contains(.auxiliary) { return nil }
        var anchor = Anchor(kind: .verb(verb), at: i, cueStart: i, cueEnd: i + 1)
        if isIng {
            if prevClass.contains(.be) {
                // progressive: "is saying"
            } else if p >= s.lowerBound && (isComma(p) || key(p) == Keys.and || key(p) == Keys.by
                || key(p) == Keys.while || quotationEndsWithComma(p)) {
                if isComma(p), parentheticalParticiple(at: i, in: s) { return nil }
                anchor.participial = true
            } else if let subject = absoluteAfterWith(at: i, previous: p, in: s),
                      opensObject(i + 1, particles: verb.particles) {
                anchor.absoluteSubject = subject
            } else {
                return nil
            }
        }
        // "declined to comment": the cue starts at the governing verb.
        if p >= s.lowerBound && key(p) == Keys.to && verb.forms.contains(.base) {
            guard let governing = governingVerb(before: p, in: s) else { return nil }
            anchor.cueStart = governing
        }
        anchor.cueStart = cueStart(from: anchor.cueStart, at: i, in: s, span: 4)
        extendCue(&anchor, verb: verb, in: s)
        return anchor
    }

    /// "Many say", "Some believe", "Most think", "one in five said", "no one knows": a determiner
    /// standing alone as the subject at the clause's start or ending a share, before a verb that is
    /// not also a noun ("many reports" stays a noun phrase).
    func standaloneDeterminer(_ p: Int, before verb: CueVerb, in s: Range<Int>) -> Bool {
        guard !verb.alsoNoun else { return false }
        if endsShare(at: p, in: s) { return true }
        // "The mayor and the harbour master both denounced": a quantifier after its subject.
        if Keys.floatingQuantifiers.contains(key(p)), p > s.lowerBound,
           tokens[p - 1].isWordOrNumber && word(p - 1).intersection([.determiner, .preposition, .conjunction,
                                                                      .subordinator]).isEmpty
            || tokens[p - 1].isPunct(")") {
            return true
        }
        // "Another said", "Yet another said", "each said": a singular one takes a past or -s form.
        var p = p
        // "No one knows": one pronoun of two words, singular.
        let noOne = key(p) == Keys.one && p > s.lowerBound && key(p - 1) == Keys.no
        if noOne { p -= 1 }
        let singular = (Keys.singularStandalone.contains(key(p)) || noOne) && verb.forms != .base
        guard Keys.pronominalDeterminers.contains(key(p)) || singular else { return false }
        return p == s.lowerBound || tokens[p - 1].kind == .punct
            || !word(p - 1).intersection([.conjunction, .subordinator, .discourse]).isEmpty
    }

    /// `p` ends a share of a number: "one in five", "6 in 10" (the words "one" to "ten" or digits).
    func endsShare(at p: Int, in s: Range<Int>) -> Bool {
        p - 2 >= s.lowerBound && (Keys.shareNumbers.contains(key(p)) || tokens[p].kind == .number)
            && word(p - 1).contains(.preposition)
            && (Keys.shareNumbers.contains(key(p - 2)) || tokens[p - 2].kind == .number)
    }

    /// A quotation right after the verb (`continued, "Q"`, `continued: "Q"`) or closing just before
    /// it and its subject (`"Q," he continued`, `"Q," continued Ms. Ruiz`, `"Q," Ms. Ruiz continued`).
    func nextToQuotation(_ i: Int, in s: Range<Int>) -> Bool {
        var after = i + 1
        if after < s.upperBound && (isComma(after) || tokens[after].isPunct(":")) { after += 1 }
        if after < s.upperBound && index.quoteOpening(at: after) != nil { return true }
        var k = i - 1
        while k >= s.lowerBound && i - k <= 5 {
            if index.quoteClosing(at: k) != nil { return true }
            guard tokens[k].kind == .word || isComma(k) && k > s.lowerBound && index.quoteClosing(at: k - 1) != nil
                || tokens[k].isPunct(".") else { return false }
            k -= 1
        }
        return false
    }

    /// `X was reported by S`, `X is said to`, `X was labeled Y`: a participle after "be".
    func passiveAnchor(_ verb: CueVerb, at i: Int, wordClass cls: WordClass, in s: Range<Int>) -> Anchor? {
        guard verb.forms.contains(.participle) else { return nil }
        let start = cueStart(from: i, at: i, in: s)
        if i + 1 < s.upperBound && key(i + 1) == Keys.by {
            return Anchor(kind: .passiveAgent(verb), at: i, cueStart: start, cueEnd: i + 2)
        } else if cls.contains(.hedgePassive) {
            return Anchor(kind: .hedgePassive, at: i, cueStart: start, cueEnd: i + 1)
        } else {
            return Anchor(kind: .passive(verb), at: i, cueStart: start, cueEnd: i + 1)
        }
    }

    /// The verb governing the "to" at `to` ("declined to comment", "wants to say"), or nil when
    /// that word is a cue of its own, a function word, or not shaped like a verb.
    func governingVerb(before to: Int, in s: Range<Int>) -> Int? {
        let q = to - 1
        // A cue verb before "to" takes the infinitive into its own cue ("declined to say"); one that
        // reports only next to a quotation governs like any verb ("continued to argue").
        if q >= s.lowerBound, let verb = lexicons.cues.verb(tokens[q]), !verb.needsQuote, !tokens[q].capitalized {
            return nil
        }
        // "went on to say": "go on" governs like one verb.
        if q - 1 >= s.lowerBound, key(q) == Keys.on, Keys.goForms.contains(key(q - 1)), !tokens[q - 1].capitalized {
            return q - 1
        }
        // "is struggling to understand", "are scrambling to explain": an "-ing" verb governs too.
        if q >= s.lowerBound, phrases.isParticiple(q), lexicons.cues.verb(tokens[q]) == nil,
           q > s.lowerBound, word(q - 1).contains(.be) {
            return q
        }
        if q >= s.lowerBound, tokens[q].kind == .word, !tokens[q].capitalized,
           word(q).intersection([.determiner, .preposition, .subordinator, .conjunction, .subjectPronoun,
                                  .objectPronoun, .time, .be, .auxiliary]).isEmpty,
           looksLikeVerb(q) {
            return q
        }
        return nil
    }

    /// The cue's right end (a particle, a following infinitive cue, "to" and an outlet: "pointed
    /// out", "declined to say", "confirmed to Reuters") and whether it is coordinated ("... and warned").
    func extendCue(_ anchor: inout Anchor, verb: CueVerb, in s: Range<Int>) {
        let i = anchor.at
        // Particles and a following infinitive cue: "pointed out", "declined to say".
        var end = i + 1
        let particle = particleIndex(after: i, in: s)
        if particle < s.upperBound && verb.particles.contains(key(particle)) && !index.isQuoted(particle) { end = particle + 1 }
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
    }

    /// Where a verb's particle would stand: right after it, or after one "-ly" adverb ("talked
    /// glowingly about", "spoke openly of").
    func particleIndex(after i: Int, in s: Range<Int>) -> Int {
        let n = i + 1
        guard n + 1 < s.upperBound, isLyAdverb(n) else { return n }
        return n + 1
    }

    /// A noun-or-verb form ("reports", "claim") is a verb after a pronoun, a name, a plural
    /// noun, an auxiliary or "to", or a relative pronoun — and not before "of". Before one of
    /// its own `particles` a name inside the sentence is its subject ("Sarah Brown points out",
    /// "as Obama calls for"); a capital opening the sentence may be any word ("Growing calls for").
    func nounVerbIsVerb(at i: Int, previous p: Int, in s: Range<Int>, particles: [UInt64] = []) -> Bool {
        if i + 1 < s.upperBound {
            let n = i + 1
            if key(n) == Keys.of { return false }
            // "smaller states such as Vermont", "Rust Belt states that have suffered", "claims that
            // were false": a plural noun before what follows a noun, or before "that" opening a
            // relative clause (a verb or an auxiliary right after it), not after a pronoun or the
            // name that opens the clause ("It states that ...", "Trump claims that was ...").
            if endsWith(i, "s"), p >= s.lowerBound, tokens[p].kind == .word || tokens[p].kind == .number,
               word(p).intersection([.subjectPronoun, .be, .auxiliary, .negation]).isEmpty,
               !(tokens[p].capitalized && subjectOpensClause(before: p, in: s)) {
                if Keys.nounFollowers.contains(key(n)) { return false }
                if key(n) == Keys.that, n + 1 < s.upperBound, isVerbLike(n + 1) { return false }
            }
            // "that share is larger", "the blame has shifted": after a determiner, an auxiliary
            // next makes the word a noun ("what he claims is true" keeps its subject before it).
            if p >= s.lowerBound, word(p).contains(.determiner), !word(p).contains(.subjectPronoun),
               tokens[n].kind == .word, !tokens[n].capitalized, !word(n).intersection([.be, .auxiliary]).isEmpty {
                return false
            }
            // What follows a verb: "plans to", "claims that", "calls for", "shows the", "told him".
            if key(n) == Keys.to || key(n) == Keys.that || tokens[n].kind == .quote || tokens[n].isPunct(":")
                || (tokens[n].kind == .word && !tokens[n].capitalized
                    && !word(n).intersection([.determiner, .objectPronoun]).isEmpty && !word(n).contains(.preposition)) {
                guard p >= s.lowerBound && !(word(p).contains(.determiner) && key(p) != Keys.that)
                    && key(p) != Keys.possessive && !(endsWith(p, "ed") && !tokens[p].capitalized) else { return false }
                // "to win contests that month": the object of an infinitive.
                if !tokens[p].capitalized && p > s.lowerBound && key(p - 1) == Keys.to { return false }
                // "moves to Western states this week": before a determiner or a pronoun, a
                // capitalised modifier inside a phrase, not a name opening its clause ("to",
                // "that" after the word still make it a verb: "topics Clinton wants to talk about").
                if tokens[p].capitalized && word(p).isEmpty && tokens[n].kind == .word && key(n) != Keys.to
                    && key(n) != Keys.that && !subjectOpensClause(before: p, in: s) { return false }
                return true
            }
        }
        guard p >= s.lowerBound else { return false }
        let t = tokens[p]
        let cls = word(p)
        if !cls.intersection([.subjectPronoun, .be, .auxiliary, .negation]).isEmpty { return true }
        // "..., The Wall Street Journal reports.": a name, then the verb ends the clause; so does a
        // source's head noun ("..., the lawsuit claims.", "..., a federal judge rules.").
        if i + 1 >= s.upperBound || isSentenceFinal(i + 1) || isComma(i + 1) {
            if t.capitalized && !cls.contains(.determiner) { return true }
            if t.kind == .word && !(i + 1 < s.upperBound && isComma(i + 1))
                && !cls.intersection([.anonymousHead, .documentHead, .title]).isEmpty {
                return true
            }
        }
        // ("“Q,” Bozell points out.": after a quotation that closes with its comma too.)
        if t.kind == .word && t.capitalized && cls.isEmpty && p == i - 1 && p > s.lowerBound
            && (tokens[p - 1].kind != .quote || quotationEndsWithComma(p - 1))
            && i + 1 < s.upperBound && particles.contains(key(i + 1)) {
            return true
        }
        // "Trump claims he is worth …", "Sanders praises Obama", "Sanders calls himself": a name
        // opening its clause, then the -s form, then a subject pronoun, a name or a reflexive; a
        // noun "claims" takes none of them after it.
        if t.kind == .word && t.capitalized && cls.isEmpty && p == i - 1 && endsWith(i, "s") && i + 1 < s.upperBound,
           tokens[i + 1].kind == .word, subjectOpensClause(before: p, in: s) {
            let next = word(i + 1)
            if next.contains(.subjectPronoun) && !next.contains(.objectPronoun) || tokens[i + 1].capitalized && next.isEmpty
                || Keys.reflexivePronouns.contains(key(i + 1)) {
                return true
            }
        }
        if t.key == Keys.to || t.key == Keys.that || t.key == Keys.which || t.key == Keys.who { return true }
        if p < i - 1 { return true }  // an adverb came between: "officials also claim"
        // A plural noun, a source's head among them: "voters claim", "her aides feel".
        if t.kind == .word && !t.capitalized && isNounWord(cls) {
            return index.endsLikePlural(p, letters: 3)
        }
        if t.kind == .punct && t.first == 41 { return true }  // "(R-Ky.) says"
        return false
    }

    /// "Two-thirds support reducing the sentences", "19 percent of students polled support
    /// Clinton": a bare noun-or-verb form after a plural subject, with a name or an "-ing" clause
    /// as its object ("40 percent support." and "his Republican support remains" stay nouns; so
    /// does "voters support background checks", which a word list cannot tell from a noun phrase).
    func pluralSubjectTakesObject(at i: Int, previous p: Int, in s: Range<Int>) -> Bool {
        let objectEnds = i + 2 >= s.upperBound || isSentenceFinal(i + 2)
        guard p == i - 1, p >= s.lowerBound, i + 1 < s.upperBound, tokens[i + 1].kind == .word,
              word(i + 1).isEmpty, !objectEnds || tokens[i + 1].capitalized,
              tokens[i + 1].capitalized || endsWith(i + 1, "ing"),
              !word(p).contains(.determiner) || Keys.pronominalDeterminers.contains(key(p)) else { return false }
        return baseFormIsVerb(at: i, previous: p, in: s)
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
        if endsShare(at: p, in: s) { return true }
        if cls.contains(.determiner) { return Keys.pronominalDeterminers.contains(t.key) }
        if t.kind == .word && !cls.contains(.preposition) && index.endsLikePlural(p, letters: 1) { return true }
        if t.kind == .word && Keys.pluralNouns.contains(t.key) { return true }
        if t.kind == .word && Keys.fractions.contains(t.key) {
            return p == s.lowerBound || key(p - 1) == Keys.a || !word(p - 1).contains(.determiner)
        }
        // "Others, however, say", "Just over a quarter, 26 percent, say", "Democrats — and some
        // Republicans — say": the subject before the parenthetical decides.
        if let open = parentheticalOpening(closing: p, in: s) {
            return baseFormIsVerb(at: open, previous: open - 1, in: s)
        }
        if pluralHeadWithClause(before: i, in: s) != nil { return true }
        // "(D-Ohio) say", "47% say"
        if t.kind == .punct { return t.first == 41 || t.first == 37 && p > s.lowerBound && tokens[p - 1].kind == .number }
        return endsPluralSubject(at: p, in: s)
    }

    /// The word before "who" or "whose" when a relative clause of words alone (at most twelve, a
    /// possessive among them) ends right before `verb`: "supporters [who came to Philadelphia to
    /// protest this week's convention] say", "the officials [whose laws were struck down] say".
    func relativeClauseHead(before verb: Int, in s: Range<Int>) -> Int? {
        var k = verb - 1
        while k > s.lowerBound && verb - k <= 12 {
            guard tokens[k].isWordOrNumber || key(k) == Keys.possessive else { return nil }
            if key(k) == Keys.who || key(k) == Keys.whose { return k - 1 }
            k -= 1
        }
        return nil
    }

    /// The plural head of a subject whose relative clause ("Supporters [who have heard from the
    /// campaign] say") or participle phrase ("Democrats [trying to win the Senate] say", "those
    /// [surveyed] say") ends right before a bare `verb`, when that head opens its clause; nil
    /// otherwise.
    func pluralHeadWithClause(before verb: Int, in s: Range<Int>) -> Int? {
        guard let head = relativeClauseHead(before: verb, in: s) ?? participlePhraseHead(before: verb, in: s),
              isPluralHead(head), subjectOpensClause(before: head, in: s) else { return nil }
        return head
    }

    /// The word before a participle phrase of words alone (at most twelve) that ends right before
    /// `verb`: "Democrats [trying to regain control of the Senate in November] say", "voters
    /// [polled] say" (a past participle only right after its head).
    func participlePhraseHead(before verb: Int, in s: Range<Int>) -> Int? {
        var k = verb - 1
        if k - 1 >= s.lowerBound, phrases.endsWithEd(k), !tokens[k].capitalized, lexicons.cues.verb(tokens[k]) == nil {
            return k - 1
        }
        while k > s.lowerBound && verb - k <= 12 {
            // Words alone, and no clause of their own ("laws restricting freedom that some say").
            guard tokens[k].isWordOrNumber || key(k) == Keys.possessive,
                  word(k).intersection([.subjectPronoun, .subordinator]).isEmpty else { return nil }
            if phrases.isParticiple(k) && !Keys.ingNouns.contains(key(k)) && lexicons.cues.verb(tokens[k]) == nil
                && word(k).isDisjoint(with: [.be, .auxiliary]) {
                return k - 1
            }
            k -= 1
        }
        return nil
    }

    /// The comma or dash that opens the parenthetical closed by the same mark at `close`, at most
    /// eight tokens back (sixteen for a relative clause: ", which generated $30 billion last year,")
    /// and not at the sentence's start, with no quotation mark or sentence end between; nil when
    /// `close` is no comma or dash or nothing opens it.
    func parentheticalOpening(closing close: Int, in s: Range<Int>) -> Int? {
        let dash = phrases.isDash(close)
        guard isComma(close) || dash else { return nil }
        var k = close - 1
        while k > s.lowerBound && close - k <= 16 {
            if dash ? phrases.isDash(k) : isComma(k) {
                guard close - k >= 2 else { return nil }
                return close - k <= 8 || key(k + 1) == Keys.which || key(k + 1) == Keys.who ? k : nil
            }
            if tokens[k].kind == .quote || isSentenceFinal(k) { return nil }
            k -= 1
        }
        return nil
    }

    /// The word at `p` ("Clinton", "Ohio", "10") does not take a bare verb form, but it ends a
    /// subject that does: names coordinated ("Bush and Christie say", "Jeb Bush and Chris Christie
    /// say"), or a plural noun followed by its prepositional phrase ("aides to Clinton say",
    /// "officials in Ohio say", "people familiar with the talks say", "4 in 10 voters say").
    /// The phrase walked over holds at most six words (names and numbers, or a determiner right
    /// after the preposition and one noun), and the subject must open its clause (`subjectOpensClause`): "aspects of
    /// the Benghazi attack", "an anti-gay hate crime" and "gun show sales" are not subjects of
    /// "attack", "hate" and "show".
    func endsPluralSubject(at p: Int, in s: Range<Int>) -> Bool {
        guard tokens[p].isWordOrNumber else { return false }
        let names = tokens[p].capitalized
        var k = p - 1
        var afterDeterminer = false
        while k >= s.lowerBound && p - k <= 6 {
            let t = tokens[k]
            guard t.isWordOrNumber else { return false }
            let cls = word(k)
            if t.key == Keys.and {
                // Names only, on both sides: "Sanders and Clinton see".
                guard names, !afterDeterminer, k > s.lowerBound, tokens[k - 1].kind == .word, tokens[k - 1].capitalized,
                      isNounWord(word(k - 1)) else { return false }
                var first = k - 1
                while first > s.lowerBound && tokens[first - 1].kind == .word && tokens[first - 1].capitalized
                    && isNounWord(word(first - 1)) && k - first < 4 {
                    first -= 1
                }
                return subjectOpensClause(before: first, in: s)
            }
            if cls.contains(.preposition) {
                guard !Keys.nonPartitivePrepositions.contains(t.key) else { return false }
                var h = k - 1
                if h > s.lowerBound && Keys.prepositionAdjectives.contains(key(h)) { h -= 1 }
                return h >= s.lowerBound && isPluralHead(h) && subjectOpensClause(before: h, in: s)
            }
            // A determiner only right after the preposition ("of the plan"); before it, names and
            // numbers ("in New Hampshire", "in 10"). Not "a": "in a Fox interview" is a noun.
            if afterDeterminer { return false }
            // "her" is a determiner too ("sources close to her campaign say").
            if cls.contains(.determiner) && !cls.contains(.subjectPronoun) {
                if t.key == Keys.a || t.key == Keys.an { return false }
                afterDeterminer = true
            } else if !(isNounWord(cls) && (t.capitalized || t.kind == .number)) {
                return false
            }
            k -= 1
        }
        return false
    }

    /// The subject that starts at `first` opens its clause: what stands before it (over at most
    /// six modifiers: "Republican presidential hopefuls") is the sentence's start, punctuation, a
    /// conjunction, a subordinator or a discourse word, not a preposition, a verb or a pronoun.
    func subjectOpensClause(before first: Int, in s: Range<Int>) -> Bool {
        var j = first - 1
        while j >= s.lowerBound && first - j <= 6 {
            let t = tokens[j]
            if !t.isWordOrNumber { return true }
            let cls = word(j)
            if !cls.intersection([.conjunction, .subordinator, .discourse]).isEmpty { return true }
            // A share: "4 in 10 voters", "half of voters".
            if cls.contains(.preposition), j > s.lowerBound, isQuantity(j - 1) {
                j -= 2
                continue
            }
            if cls.contains(.determiner) && !cls.contains(.subjectPronoun) && !cls.contains(.objectPronoun) {
                j -= 1
                continue
            }
            guard isNounWord(cls) else { return false }
            j -= 1
        }
        return true
    }

    /// A subject's head that takes a bare verb form: a plural noun ("aides", "people"), a
    /// pronominal determiner ("many of"), a number ("six in 10", "4 in 10").
    func isPluralHead(_ h: Int) -> Bool {
        let t = tokens[h]
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        let cls = word(h)
        if cls.contains(.pluralPronoun) || Keys.pronominalDeterminers.contains(t.key) || Keys.pluralNouns.contains(t.key)
            || Keys.numberWords.contains(t.key) {
            return true
        }
        return isNounWord(cls) && index.endsLikePlural(h, letters: 1)
    }

    /// A number or a word of quantity: "4", "six", "half", "most", "percent".
    func isQuantity(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .number || Keys.numberWords.contains(t.key) || Keys.pronominalDeterminers.contains(t.key)
            || Keys.pluralNouns.contains(t.key)
    }

    /// A word of no class, or only of the source-head classes ("officials", "aides", "group").
    @inline(__always)
    func isNounWord(_ cls: WordClass) -> Bool {
        cls.subtracting([.anonymousHead, .documentHead, .organization, .title, .group, .abbreviation]).isEmpty
    }

    /// "with Trump calling for a ban", "with 30 percent of voters saying they ...": "with", a
    /// noun phrase of a few words and an "-ing" form make a clause whose subject is that phrase
    /// (returned), or nil.
    func absoluteAfterWith(at i: Int, previous p: Int, in s: Range<Int>) -> Range<Int>? {
        guard p == i - 1, p > s.lowerBound, i + 1 < s.upperBound, tokens[i + 1].kind != .punct else { return nil }
        var k = p
        while k > s.lowerBound && i - k <= 8 {
            let t = tokens[k]
            let cls = word(k)
            if t.kind == .word && t.key == Keys.with { return k < p ? (k + 1)..<i : nil }
            guard t.kind == .number || t.key == Keys.possessive || t.key == Keys.of
                || (t.kind == .word && (isNounWord(cls) || cls.contains(.determiner)) && !isLyAdverb(k)) else {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// What may open a verb's object or clause: a name, a number, a quotation, a determiner or a
    /// pronoun, "to" or "that", or one of the verb's particles ("calling for"); not a lowercase
    /// noun ("calling card") or a preposition ("rating above").
    func opensObject(_ n: Int, particles: [UInt64]) -> Bool {
        guard n < tokens.count else { return false }
        let t = tokens[n]
        if t.kind == .quote || t.kind == .number || (t.kind == .word && t.capitalized) { return true }
        guard t.kind == .word else { return false }
        if t.key == Keys.to || t.key == Keys.that || particles.contains(t.key) { return true }
        return !word(n).intersection([.determiner, .subjectPronoun, .objectPronoun]).isEmpty
    }

    /// "a state audit released Tuesday found": a participle modifying the subject, followed (after
    /// at most a time phrase) by the finite cue verb.
    func reducedRelative(at i: Int, in s: Range<Int>) -> Bool {
        guard looksLikeParticiple(i) else { return false }
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

    /// "a poll released Thursday", "a statement issued a half-hour before", "in a statement posted
    /// online": a publishing verb's participle right after the document it describes, then a time,
    /// a number, a preposition or the clause's end. The document was released; it did not release.
    func publishedDocument(_ verb: CueVerb, at i: Int, in s: Range<Int>) -> Bool {
        guard Keys.publishingVerbs.contains(verb.lemma), verb.forms.contains(.past) || verb.forms.contains(.participle),
              i > s.lowerBound, word(i - 1).contains(.documentHead) else { return false }
        let n = i + 1
        guard n < s.upperBound else { return true }
        let t = tokens[n]
        if t.kind == .number || t.kind == .punct { return true }
        let cls = word(n)
        return cls.contains(.time) || cls.contains(.preposition) || key(n) == Keys.a || Keys.placeAdverbs.contains(key(n))
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

    /// A line of its own in title case with no final stop: a headline ("Senator Says Taxes Will Rise").
    /// The document's first line may end with a stop ("Senator Says Taxes Will Rise." as some
    /// corpora join a title to its text).
    func isHeadline(_ s: Range<Int>) -> Bool {
        let before = s.lowerBound == 0 || tokens[s.lowerBound - 1].kind == .newline
        let after = s.upperBound >= tokens.count || tokens[s.upperBound].kind == .newline
        guard before && after, let last = s.last, s.lowerBound == 0 || !tokens[last].isPunct(".") else { return false }
        var words = 0
        var capitals = 0
        for i in s where tokens[i].kind == .word && tokens[i].end - tokens[i].start > 3 {
            words += 1
            if tokens[i].capitalized { capitals += 1 }
        }
        return words >= 3 && capitals * 10 >= words * 7
    }
}
