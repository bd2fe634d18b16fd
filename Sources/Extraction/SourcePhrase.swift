/// Finds the noun phrase that names a source, before a cue ("An activist within Derna, speaking
/// on condition of anonymity, told") or after it ("..., said the minister"), and says what kind of
/// source it names.
struct SourcePhrase {
    let index: TextIndex
    let lexicons: Lexicons

    var tokens: [Token] { index.tokens }

    @inline(__always) func isPunct(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
        tokens[i].kind == .punct && tokens[i].first == scalar.value
    }

    @inline(__always) func isComma(_ i: Int) -> Bool { isPunct(i, ",") }

    /// An em or en dash, one hyphen of a spaced "--", or a hyphen with a space on both sides
    /// ("Mr. Bush - in a line aimed at his rival - declared", as some newspapers type a dash).
    func isDash(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punct else { return false }
        if t.first == 0x2014 || t.first == 0x2013 || t.first == 0x2015 { return true }
        guard t.first == 45 else { return false }
        if (i > 0 && tokens[i - 1].isPunct("-")) || (i + 1 < tokens.count && tokens[i + 1].isPunct("-")) { return true }
        return i > 0 && i + 1 < tokens.count && tokens[i - 1].end < t.start && t.end < tokens[i + 1].start
    }

    func endsWithEd(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.end - t.start > 3 else { return false }
        let e = Int(t.end)
        return index.scalars[e - 2] == "e" && index.scalars[e - 1] == "d"
    }

    /// A lowercase "-ing" word that is not a known adjective: it starts a participial phrase.
    func isParticiple(_ i: Int) -> Bool {
        !tokens[i].capitalized && endsWithIng(i) && !Keys.ingAdjectives.contains(tokens[i].key)
    }

    /// A word of more than four letters ending in "-ing" ("speaking", "Rallying").
    func endsWithIng(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.end - t.start > 4 else { return false }
        let s = index.scalars
        let e = Int(t.end)
        return s[e - 3] == "i" && s[e - 2] == "n" && s[e - 1] == "g"
    }

    /// The subject noun phrase that ends right before token `end` (exclusive), inside a sentence
    /// starting at `lower`. Appositives between commas stay in the phrase; a participial phrase
    /// ("speaking on condition of anonymity") is left out. Nil when no noun phrase ends there.
    func subject(before end: Int, lower: Int) -> Range<Int>? {
        var j = end - 1
        guard j >= lower else { return nil }
        var phraseEnd = end
        stepBackOverQuantifiers(&j, phraseEnd: &phraseEnd, lower: lower)
        stepBackOverAdjuncts(&j, phraseEnd: &phraseEnd, lower: lower)
        guard let parenthetical = stepBackOverInsertions(&j, phraseEnd: &phraseEnd, lower: lower) else { return nil }
        guard j >= lower, var start = phraseStart(last: j, lower: lower) else { return nil }
        guard start < phraseEnd else { return nil }
        start = trimLeading(start, phraseEnd)
        // "Perhaps the moderators": a sentence adverb is not part of the source.
        while start < phraseEnd - 1 && tokens[start].capitalized && lexicons.word(tokens[start]).contains(.discourse) {
            start += 1
        }
        guard start < phraseEnd, hasContentWord(start..<phraseEnd) else { return nil }
        // "Murshed Zaheed, acting director of CREDO Action, which organized the letter, said": the
        // walk stopped at an appositive (a singular phrase: "a", "an", "the" or a lowercase noun,
        // not "Mr. Obama, officials said, has ..."); the name of two words or more before it opens
        // the sentence.
        if start - 2 >= lower && isComma(start - 1) && !isParticiple(start) && singularHead(start),
           let name = nameStart(last: start - 2, lower: lower), name == lower,
           (name..<(start - 1)).filter({ tokens[$0].kind == .word }).count >= 2 {
            start = name
        }
        if phraseEnd - start - parenthetical > 30 { return nil }
        return start..<phraseEnd
    }

    /// An appositive's first word that names one: "a", "an", "the" or a lowercase singular noun
    /// ("acting", "president"), not a plural ("officials") or another determiner ("these").
    func singularHead(_ i: Int) -> Bool {
        if [Keys.a, Keys.an, Keys.the].contains(tokens[i].key) { return true }
        return !tokens[i].capitalized && lexicons.word(tokens[i]).intersection([.determiner, .subjectPronoun]).isEmpty
            && !index.endsLikePlural(i, letters: 3)
    }

    /// Where a name ending at `j` starts ("Sen. Ann Ruiz", "Murshed Zaheed"): capitalised words
    /// that are not function, time or discourse words, with their attached periods and hyphens.
    func nameStart(last j: Int, lower: Int) -> Int? {
        var i = j
        var start: Int? = nil
        let notName: WordClass = [.determiner, .preposition, .conjunction, .subordinator, .subjectPronoun,
                                  .objectPronoun, .time, .discourse, .cueAdverb, .be, .auxiliary]
        while i >= lower {
            let t = tokens[i]
            if t.kind == .word {
                guard t.capitalized, lexicons.word(t).intersection(notName).isEmpty, lexicons.cues.verb(t) == nil,
                      !index.endsLikeLyAdverb(i, letters: 4) else { break }
                start = i
            } else if !(t.kind == .punct && (t.first == 46 || t.first == 45) && i > lower && tokens[i - 1].end == t.start) {
                break
            }
            i -= 1
        }
        return start
    }

    /// Moves `j` back over a floating quantifier or a two-word adverb between the subject and its
    /// verb, and the auxiliaries and negations before it ("Bush and Cruz both said", "critics have in
    /// particular noted"). One-word adverbs there join the cue instead ("has nevertheless called",
    /// `[cue-adverb]` in function-words.txt).
    func stepBackOverQuantifiers(_ j: inout Int, phraseEnd: inout Int, lower: Int) {
        var k = j
        var skipped = false
        while k > lower, tokens[k].kind == .word, !tokens[k].capitalized {
            let t = tokens[k]
            if Keys.twoWordAdverbHeads.contains(t.key) {
                // "in particular", "in fact", "of course"
                guard lexicons.word(tokens[k - 1]).contains(.preposition), k - 1 > lower else { break }
                k -= 2
                skipped = true
            } else if Keys.floatingQuantifiers.contains(t.key) {
                k -= 1
                skipped = true
            } else if skipped && !lexicons.word(t).intersection([.auxiliary, .be, .negation, .cueAdverb]).isEmpty {
                k -= 1
            } else {
                break
            }
        }
        // A subject must be left before the adverb ("On Social Security, both oppose ...": "both"
        // is the subject).
        guard skipped, k >= lower, tokens[k].isWordOrNumber || isPunct(k, ")"),
              lexicons.word(tokens[k]).intersection([.preposition, .conjunction, .subordinator]).isEmpty else { return }
        j = k
        phraseEnd = k + 1
    }

    /// Moves `j` (the phrase's last token) back over an adjunct between the subject and its verb:
    /// a year ("an arbitration panel in 2001 found") or a time phrase ("Wells Fargo just this month
    /// announced"); the phrase then ends after `j`.
    func stepBackOverAdjuncts(_ j: inout Int, phraseEnd: inout Int, lower: Int) {
        // "an arbitration panel in 2001 found": step back over "in" and a year.
        if j - 1 > lower && tokens[j].kind == .number && tokens[j].end - tokens[j].start == 4
            && lexicons.word(tokens[j - 1]).contains(.preposition) && tokens[j - 2].isWordOrNumber {
            j -= 2
            phraseEnd = j + 1
        }
        // "Wells Fargo just this month announced": step back over a time phrase.
        guard tokens[j].kind == .word && lexicons.word(tokens[j]).contains(.time) else { return }
        var k = j
        while k > lower, tokens[k].kind == .number || (tokens[k].kind == .word
            && (lexicons.word(tokens[k]).contains(.time) || !tokens[k].capitalized
                && (!lexicons.word(tokens[k]).intersection([.determiner, .cueAdverb]).isEmpty
                    || Keys.npPrepositions.contains(tokens[k].key)))) {
            k -= 1
        }
        // "a state audit released Tuesday": the participle goes with the time phrase.
        if k < j && k > lower && tokens[k].kind == .word && !tokens[k].capitalized
            && lexicons.cues.verb(tokens[k])?.forms.contains(.participle) == true {
            k -= 1
        }
        let functionWord: WordClass = [.determiner, .preposition, .conjunction, .subordinator, .be, .auxiliary,
                                       .objectPronoun, .time]
        if k < j && (tokens[k].isWordOrNumber
            && (tokens[k].capitalized || lexicons.word(tokens[k]).intersection(functionWord).isEmpty)
            || isPunct(k, ")") || isComma(k)) {
            // "Sen. Bernie Sanders (I-Vt.) on Saturday criticized", "Trump, who ..., on Friday described"
            j = k
            phraseEnd = k + 1
        }
    }

    /// Moves `j` back over a parenthetical between commas or dashes ("An activist, speaking on
    /// condition of anonymity, told") and a bracket ("Sen. Paul (R-Ky.) said"). Returns the
    /// parenthetical's length in tokens (0 when there is none), or nil when a mark opens nothing.
    func stepBackOverInsertions(_ j: inout Int, phraseEnd: inout Int, lower: Int) -> Int? {
        var parenthetical = 0
        if isComma(j) || isDash(j) {
            // A parenthetical between commas or dashes: find its opening mark.
            let dash = isDash(j)
            var k = j - 1
            // A closing "--" is two tokens.
            if dash && k > lower && isPunct(j, "-") && isPunct(k, "-") { k -= 1 }
            while k >= lower && !(dash ? isDash(k) : isComma(k)) && tokens[k].kind != .quote { k -= 1 }
            // "Clinton, during a town hall in Columbus, Ohio, said": a place's state or region is
            // inside the parenthetical.
            if !dash && k > lower && isComma(k) && isPlaceComma(k, before: j) {
                var m = k - 1
                while m >= lower && !isComma(m) && tokens[m].kind != .quote { m -= 1 }
                if m > lower && isComma(m) && k - m >= 2 { k = m }
            }
            guard k > lower, dash ? isDash(k) : isComma(k), j - k >= 2 else { return nil }
            // "Others, however, say": a sentence adverb is no part of the source.
            // "Blunt, after a long pause, said", "Gates, in contrast, said": an adjunct is no part of
            // it either (but "Ann Ruiz, of the Cato Institute, said" is).
            let adjunct = tokens[k + 1].kind == .word && !tokens[k + 1].capitalized && tokens[k + 1].key != Keys.of
                && !Keys.relativePronouns.contains(tokens[k + 1].key)
                && !lexicons.word(tokens[k + 1]).intersection([.preposition, .subordinator]).isEmpty
            if isParticiple(k + 1) || adjunct || j - k == 2 && tokens[k + 1].kind == .word
                && !lexicons.word(tokens[k + 1]).intersection([.discourse, .cueAdverb, .hedgeAdverb]).isEmpty {
                phraseEnd = k
            }
            parenthetical = j - k + 1
            j = k - 1
            if dash && j > lower && isDash(j) { j -= 1 }  // "--" is two tokens
            // "Jacob Shiansky, 24, who was visiting ...,": an age before the parenthetical.
            if !dash && j - 2 >= lower && tokens[j].kind == .number && isComma(j - 1) && tokens[j - 2].capitalized {
                parenthetical += 2
                j -= 2
            }
        }
        if j >= lower && isPunct(j, ")") {
            var k = j - 1
            while k >= lower && !isPunct(k, "(") { k -= 1 }
            guard k > lower else { return nil }
            j = k - 1
        }
        return parenthetical
    }

    /// What the backward walk does with one token: take it into the phrase and go on, take it and
    /// stop (a pronoun), stop before it, or give up (no phrase).
    enum Step { case take, takeLast, stop, fail }

    /// Where the phrase ending at `j` starts: walks back while tokens belong to a noun phrase
    /// (`j + 1` when the token at `j` does not); nil when there is no subject at all ("who").
    func phraseStart(last j: Int, lower: Int) -> Int? {
        var start = j + 1
        var i = j
        while i >= lower {
            switch step(at: i, last: j, lower: lower) {
            case .take:
                start = i
                i -= 1
            case .takeLast:
                return i
            case .stop:
                return start
            case .fail:
                return nil
            }
        }
        return start
    }

    func step(at i: Int, last j: Int, lower: Int) -> Step {
        let t = tokens[i]
        if t.kind == .word { return wordStep(at: i, last: j, lower: lower) }
        if t.kind == .number || t.key == Keys.possessive { return .take }
        if isPunct(i, "%") && i > lower && tokens[i - 1].kind == .number { return .take }  // "47%"
        if tokens[i].first == 47 && joinsWords(i) && i > lower { return .take }  // "a CNN/ORC poll"
        if t.kind == .punct && (t.first == 46 || t.first == 45 || t.first == 0x2019 || t.first == 39)
            && i > lower && tokens[i - 1].end == t.start
            && (tokens[i - 1].kind == .word || t.first == 45 && tokens[i - 1].kind == .number) {
            // "Mr." "Sen." and other attached periods and hyphens ("a 62-year-old voter").
            return .take
        }
        return .stop
    }

    func wordStep(at i: Int, last j: Int, lower: Int) -> Step {
        let t = tokens[i]
        // An initial ("F.B.I.", "James B. Comey"): a capital letter and its attached period, not
        // the pronoun "I" or a word of its own.
        if i < j && t.end - t.start == 1 && t.capitalized && isPunct(i + 1, ".") && tokens[i + 1].start == t.end {
            return .take
        }
        let cls = lexicons.word(t)
        if t.key == Keys.that || t.key == Keys.which { return .stop }
        // "last week's debate": the owner before a possessive is part of the phrase.
        if i < j && tokens[i + 1].key == Keys.possessive && !t.capitalized
            && cls.isDisjoint(with: [.subjectPronoun, .objectPronoun, .preposition, .conjunction]) {
            return .take
        }
        if isApproximation(i) && i < j { return .take }
        if t.capitalized && !cls.intersection([.conjunction, .subordinator, .preposition]).isEmpty
            && !cls.contains(.title) && !cls.contains(.determiner) {
            return .stop  // "But", "After", "In" opening the sentence
        }
        if cls.contains(.determiner) && !(cls.contains(.subjectPronoun) && i == j) { return .take }
        if cls.contains(.subjectPronoun) {
            // A pronoun is a whole phrase, and only right before the cue, or first in "She and her
            // defenders" where a clause starts.
            if i < j && tokens[i + 1].key == Keys.and && t.key != Keys.who && (i == lower || isComma(i - 1)) {
                return .takeLast
            }
            guard i == j else { return .stop }
            return t.key == Keys.who ? .fail : .takeLast
        }
        if cls.contains(.objectPronoun) && !t.capitalized {
            // "those close to him": a pronoun after a preposition stays in the phrase, also as
            // its last word ("a source close to him said").
            guard i > lower, lexicons.word(tokens[i - 1]).contains(.preposition) else { return .stop }
            return .take
        }
        if t.key == Keys.and || t.key == Keys.ampersand {
            // "Mr. Grassley and Mr. Leahy", "the first lady and U.S. senator", "my siblings and I".
            // Not at the sentence's first token (the document's first: "and officials said" trapped).
            guard i > lower else { return .stop }
            let before = tokens[i - 1]
            let nounBefore = before.capitalized || (before.kind == .word && lexicons.word(before).isEmpty
                && lexicons.cues.verb(before) == nil && !isParticiple(i - 1) && !endsWithEd(i - 1))
            if i > lower && i < j && nounBefore && tokens[i + 1].capitalized { return .take }
            // "In the newsroom, reporters and editors know": two plural nouns joined where a clause
            // starts (not "met the parents and teachers say").
            let opensClause = i - 2 < lower || isComma(i - 2)
            let functionWord: WordClass = [.determiner, .preposition, .conjunction, .subordinator, .be, .auxiliary,
                                           .subjectPronoun, .objectPronoun, .time, .negation, .cueAdverb]
            if i < j && nounBefore && !before.capitalized && index.endsLikePlural(i - 1, letters: 3) && opensClause
                && tokens[i + 1].kind == .word && lexicons.word(tokens[i + 1]).intersection(functionWord).isEmpty
                && lexicons.cues.verb(tokens[i + 1]) == nil && !isParticiple(i + 1) && !endsWithEd(i + 1) {
                return .take
            }
            // "Many experts and some lawmakers say", "The senator and the governor said": two noun
            // phrases joined where a clause starts, the first one starting it.
            if i < j && (opensConjunct(i - 1, last: j) || lexicons.word(before).contains(.subjectPronoun)
                    && before.key != Keys.who && (i - 1 == lower || isComma(i - 2))) && opensConjunct(i + 1, last: j)
                && !lexicons.word(before).contains(.determiner),
               let first = phraseStart(last: i - 1, lower: lower), first < i,
               first == lower || isComma(first - 1) || quotationEndsWithComma(first - 1)
                   || tokens[first - 1].capitalized
                   && lexicons.word(tokens[first - 1]).contains(.conjunction) && first - 1 == lower {
                return .take
            }
            return .stop
        }
        if !t.capitalized && !cls.intersection([.be, .auxiliary, .negation, .subordinator, .conjunction]).isEmpty {
            return .stop
        }
        if cls.contains(.preposition) && !t.capitalized { return prepositionStep(at: i, last: j, lower: lower) }
        if !t.capitalized && endsPhrase(at: i, wordClass: cls, last: j, lower: lower) { return .stop }
        return .take
    }

    /// A quotation mark at `i` that closes a quotation whose comma stands inside it: `"Q," the senator
    /// and candidate said`, `''I don't like it,'' adding`.
    func quotationEndsWithComma(_ i: Int) -> Bool {
        i > 0 && tokens[i].kind == .quote && isComma(i - 1) && index.quoteClosing(at: i) != nil
    }

    /// A hyphen or a slash joining two words or numbers with no space: "a 62-year-old", "CNN/ORC".
    func joinsWords(_ i: Int) -> Bool {
        guard tokens[i].kind == .punct, tokens[i].first == 45 || tokens[i].first == 47, i > 0, i + 1 < tokens.count
        else { return false }
        return tokens[i - 1].end == tokens[i].start && tokens[i + 1].start == tokens[i].end
            && tokens[i - 1].isWordOrNumber && tokens[i + 1].isWordOrNumber
    }

    /// "About three in 10", "about 9 percent": "about" before a number is part of the phrase.
    func isApproximation(_ i: Int) -> Bool {
        guard tokens[i].key == Keys.about, i + 1 < tokens.count else { return false }
        let next = tokens[i + 1]
        return next.kind == .number || Keys.shareNumbers.contains(next.key) || Keys.numberWords.contains(next.key)
            || Keys.fractions.contains(next.key)
    }

    /// Whether the token at `i`, next to "and", can open (or end) a noun phrase: a determiner, a name
    /// or a noun ("members", "lawmakers"), not a pronoun, a verb or a participle.
    func opensConjunct(_ i: Int, last j: Int) -> Bool {
        guard i <= j, tokens[i].kind == .word else { return false }
        let cls = lexicons.word(tokens[i])
        if cls.contains(.determiner) { return !cls.contains(.subjectPronoun) }
        if tokens[i].capitalized { return true }
        let functionWord: WordClass = [.preposition, .conjunction, .subordinator, .be, .auxiliary, .subjectPronoun,
                                       .objectPronoun, .time, .negation, .cueAdverb, .discourse, .hedgeAdverb]
        return cls.intersection(functionWord).isEmpty && !isParticiple(i) && !endsWithEd(i)
            && lexicons.cues.verb(tokens[i]).map { $0.isNounForm && i < j } ?? true
    }

    /// "advisers to Mr. Obama", "those close to him": a preposition inside the phrase, after a noun;
    /// never an infinitive "to".
    func prepositionStep(at i: Int, last j: Int, lower: Int) -> Step {
        let t = tokens[i]
        guard Keys.npPrepositions.contains(t.key), i > lower, i < j else { return .stop }
        if t.key == Keys.to && !(tokens[i + 1].capitalized
            || lexicons.word(tokens[i + 1]).contains(.objectPronoun)) { return .stop }
        let before = tokens[i - 1]
        let beforeClass = lexicons.word(before)
        // "one in five", "six of them": a number word heads the phrase.
        if Keys.shareNumbers.contains(before.key) && !Keys.nonPartitivePrepositions.contains(t.key) { return .take }
        let nounBefore = before.isWordOrNumber && (before.capitalized
            || beforeClass.intersection([.preposition, .subordinator, .conjunction, .be, .auxiliary,
                                         .determiner, .subjectPronoun, .objectPronoun, .cueAdverb]).isEmpty)
            && lexicons.cues.verb(before) == nil
        return nounBefore ? .take : .stop
    }

    /// A lowercase word that cannot be in the phrase: a verb, a time word or adverb, a participle,
    /// a hedge, an "-ly" word ending it (but "a newly filed report").
    func endsPhrase(at i: Int, wordClass cls: WordClass, last j: Int, lower: Int) -> Bool {
        let t = tokens[i]
        // "familiar with his thinking", "Cruz's thinking": after a possessive an "-ing" word is a noun,
        // a cue verb's among them.
        let afterPossessive = i > lower && (tokens[i - 1].key == Keys.possessive
            || Keys.possessiveDeterminers.contains(tokens[i - 1].key))
        if isParticiple(i) && afterPossessive { return false }
        if let verb = lexicons.cues.verb(t), !verb.alsoNoun, !cls.contains(.anonymousHead),
           !cls.contains(.documentHead) { return true }
        // "the first lady": after a determiner an adverb-looking word is an adjective.
        let afterDeterminer = i > lower && lexicons.word(tokens[i - 1]).contains(.determiner)
        if (cls.contains(.time) || cls.contains(.cueAdverb)) && !afterDeterminer && !betweenNouns(i, last: j, lower: lower) {
            return true
        }
        if isParticiple(i) { return true }
        if cls.contains(.hedgeAdverb) { return true }
        // "-ly" ends the phrase, except inside it: "a newly filed report".
        return index.endsLikeLyAdverb(i, letters: 4) && !(i < j && tokens[i + 1].kind == .word && !tokens[i + 1].capitalized)
    }

    /// "The former first lady": a word between a modifier and a lowercase noun (words of no class
    /// but the source heads'), where an adverb-looking word is a modifier too.
    func betweenNouns(_ i: Int, last j: Int, lower: Int) -> Bool {
        let nounWords: WordClass = [.title, .group, .anonymousHead, .organization]
        return i > lower && i < j && tokens[i - 1].kind == .word
            && lexicons.word(tokens[i - 1]).subtracting(nounWords).isEmpty && lexicons.cues.verb(tokens[i - 1]) == nil
            && tokens[i + 1].kind == .word && !tokens[i + 1].capitalized
            && lexicons.word(tokens[i + 1]).subtracting(nounWords).isEmpty
    }

    /// Drops a leading time phrase or preposition ("Last week the president" → "the president").
    func trimLeading(_ start: Int, _ end: Int) -> Int {
        var s = start
        while s < end - 1 {
            let cls = lexicons.word(tokens[s])
            if isApproximation(s) { break }
            // "Tuesday’s results", "last week’s debate": a time that owns the noun stays.
            var owner = s
            while owner < end - 1 && !lexicons.word(tokens[owner]).isDisjoint(with: [.time, .determiner]) { owner += 1 }
            if owner > s && tokens[owner].key == Keys.possessive { break }
            if cls.contains(.time) || (cls.contains(.preposition) && !tokens[s].capitalized)
                || (cls.contains(.preposition) && s == start) {
                s += 1
                continue
            }
            if cls.contains(.determiner) && s + 1 < end && lexicons.word(tokens[s + 1]).contains(.time) {
                s += 2
                continue
            }
            if tokens[s].isPunct(",") { s += 1; continue }
            break
        }
        return s
    }

    /// Not only determiners and prepositions: a noun, a name, a number ("Six in 10", "47%") or a
    /// quantity word heading the phrase ("Many", "Most of them", "No one").
    func hasContentWord(_ range: Range<Int>) -> Bool {
        for i in range where tokens[i].isWordOrNumber {
            if tokens[i].kind == .number { return true }
            let cls = lexicons.word(tokens[i])
            let noOne = tokens[i].key == Keys.one && i > range.lowerBound && tokens[i - 1].key == Keys.no
            if Keys.pronominalDeterminers.contains(tokens[i].key) || Keys.numberWords.contains(tokens[i].key)
                || Keys.singularStandalone.contains(tokens[i].key) || noOne,
               i + 1 == range.upperBound || lexicons.word(tokens[i + 1]).contains(.preposition) {
                return true
            }
            if cls.contains(.determiner) && !cls.contains(.subjectPronoun) { continue }
            if cls.contains(.preposition) && !tokens[i].capitalized { continue }
            return true
        }
        return false
    }

    /// What `phrase` does with the word at `i`: take it, pass over it without ending the phrase there
    /// (a preposition or "and" inside it: "the spokesman for the party", "Smith and Jones"), or stop.
    /// `extended` says whether the phrase has a word already.
    func forwardStep(at i: Int, extended: Bool, limit: Int, nounVerbs: Bool) -> ForwardStep {
        let t = tokens[i]
        let cls = lexicons.word(t)
        if !t.capitalized {
            if cls.contains(.preposition) {
                guard Keys.npPrepositions.contains(t.key), t.key != Keys.to, extended, i + 1 < limit,
                      tokens[i + 1].isWordOrNumber, !lexicons.word(tokens[i + 1]).contains(.time) else { return .stop }
                return .pass
            }
            if !cls.intersection([.be, .auxiliary, .negation, .subordinator, .time, .cueAdverb]).isEmpty { return .stop }
            if t.key == Keys.and {
                guard extended, i + 1 < limit, tokens[i + 1].capitalized else { return .stop }
                return .pass
            }
            if cls.contains(.conjunction) { return .stop }
            if let verb = lexicons.cues.verb(t), !cls.contains(.anonymousHead), !cls.contains(.documentHead),
               !(nounVerbs && isNounInPhrase(i, verb: verb, extended: extended, limit: limit)) { return .stop }
            if isParticiple(i) { return .stop }
            if cls.contains(.objectPronoun) && !cls.contains(.determiner) && extended { return .stop }
        } else if cls.contains(.time) {
            return .stop  // "said Tuesday" names a day, not a source
        }
        return .take
    }

    enum ForwardStep { case take, pass, stop }

    /// A noun-or-verb form ("state", "claims") that is a noun inside a phrase read forwards: right
    /// after a determiner or a possessive ("the state Division of Gaming", "the claims data"), or
    /// first in the phrase with a word of the phrase after it ("according to state law", "said
    /// state Sen. Ann Ruiz").
    func isNounInPhrase(_ i: Int, verb: CueVerb, extended: Bool, limit: Int) -> Bool {
        guard verb.isNounForm else { return false }
        if extended {
            return tokens[i - 1].key == Keys.possessive
                || tokens[i - 1].kind == .word && lexicons.word(tokens[i - 1]).contains(.determiner)
        }
        guard i + 1 < limit else { return false }
        let next = tokens[i + 1]
        if next.kind == .number { return true }
        return next.kind == .word && lexicons.cues.verb(next) == nil && lexicons.word(next).intersection(
            [.determiner, .preposition, .conjunction, .subordinator, .be, .auxiliary, .negation, .time,
             .subjectPronoun, .objectPronoun, .cueAdverb]).isEmpty
    }

    /// A noun phrase starting at `start` and ending before `limit` ("the minister", "Mr. Smith,
    /// a spokesman for the party"). Stops at clause words, time words and most punctuation, and at
    /// a cue verb unless `nounVerbs` lets a noun-or-verb form in where it is a noun (a source after
    /// "according to", "by" or an inverted verb; not an object, where "told a joke" ends the
    /// hearer's phrase at "a").
    func phrase(from start: Int, limit: Int, allowAppositive: Bool, nounVerbs: Bool = false) -> Range<Int>? {
        var i = start
        var end = start
        scan: while i < limit {
            let t = tokens[i]
            if t.kind == .word && Keys.commaRelatives.contains(t.key) && end > start {
                // A relative clause ends the phrase ("a Crossroads official who wasn't authorized to
                // speak"); where appositives may follow, it is part of it up to the sentence's end.
                if allowAppositive && !(i..<limit).contains(where: { tokens[$0].kind == .quote }) { end = limit }
                break
            }
            if t.kind == .word {
                switch forwardStep(at: i, extended: end > start, limit: limit, nounVerbs: nounVerbs) {
                case .stop:
                    break scan
                case .pass:
                    i += 1
                case .take:
                    i += 1
                    end = i
                }
                continue
            }
            if t.kind == .number || t.key == Keys.possessive {
                i += 1
                end = i
                continue
            }
            if t.kind == .punct && (t.first == 46 || t.first == 45) && i > start && tokens[i - 1].end == t.start
                && Sentences.isAbbreviation(tokens[i - 1], lexicons: lexicons) {
                i += 1
                end = i
                continue
            }
            if i > start && i + 1 < limit && joinsWords(i) {
                // A hyphenated or slashed compound is one word: "the 46-year-old", "a CNN/ORC poll".
                i += 2
                end = i
                continue
            }
            if t.isPunct("(") {
                var k = i + 1
                while k < limit && !tokens[k].isPunct(")") && k - i < 8 { k += 1 }
                guard k < limit, tokens[k].isPunct(")") else { break }
                i = k + 1
                end = i
                continue
            }
            if allowAppositive && t.isPunct(",") && end > start {
                if let close = appositiveEnd(comma: i, from: start, limit: limit) { end = close }
                break
            }
            break
        }
        guard end > start, hasContentWord(start..<end) else { return nil }
        return start..<end
    }

    /// Where the appositive after the comma at `comma` ends (exclusive), or nil when what follows
    /// is none. Only a phrase that starts with a capital or a determiner, or ends in a name with no
    /// preposition before it ("lobbyist Charlie Black"), takes one. It runs to the sentence's end
    /// ("said Josh Earnest, the White House press secretary.", "said Ann Ruiz, an analyst at Cato, a
    /// policy group."), or to a comma before an opening quotation, a participle, a subordinator or a
    /// preposition ("said Ann Ruiz, the chief executive, adding ..."). A relative clause after a
    /// comma is part of it unless it holds a cue verb ("said Tim Hess, a developer, who introduced
    /// him to the bank" against "said Howard Rubel, an analyst, who notes that ..."). An age and a
    /// place's state stay inside
    /// ("Karen Janes, 67, of Exeter, N.H., after ..."). A clause is none: a form of "be", an
    /// auxiliary, a negation or a cue verb outside a relative clause ends the search ("The bill,
    /// said Smith, would fail"), unless the cue verb is a noun-or-verb form ("the state senator",
    /// "a press secretary"), an infinitive ("the only senator to endorse him") or an "-ed"
    /// participle after a noun ("the governor challenged by Sanders").
    func appositiveEnd(comma: Int, from start: Int, limit: Int) -> Int? {
        guard tokens[start].capitalized || lexicons.word(tokens[start]).contains(.determiner)
            || (tokens[comma - 1].capitalized || tokens[comma - 1].isPunct(")"))
                && !(start..<comma).contains(where: { lexicons.word(tokens[$0]).contains(.preposition) })
        else { return nil }
        var k = comma + 1
        guard k < limit, tokens[k].kind != .quote, !isParticiple(k),
              lexicons.word(tokens[k]).intersection([.subordinator, .conjunction]).isEmpty else { return nil }
        if tokens[k].kind == .number, k + 2 < limit, isComma(k + 1) { k += 2 }  // an age: ", 67,"
        let first = k
        var relative = false
        // The comma before a relative clause that may close the appositive, and whether the scan is
        // inside that clause.
        var fallback: Int? = nil
        var commaRelative = Keys.commaRelatives.contains(tokens[first].key)
        while k < limit {
            let t = tokens[k]
            if t.kind == .quote { return fallback }
            if isComma(k) {
                // A place's state (abbreviated, or of one or two words written out at the sentence's
                // end: "of Exeter, N.H.", "in Nashville, Tennessee."), a comma inside the relative
                // clause, a second appositive ("..., a libertarian policy group").
                if isStateComma(k, limit: limit) || commaRelative
                    || k + 1 < limit && [Keys.a, Keys.an, Keys.the].contains(tokens[k + 1].key)
                    || isPlaceComma(k, before: limit) && k + 3 >= limit { k += 1; continue }
                if k + 1 < limit, Keys.commaRelatives.contains(tokens[k + 1].key), hasContentWord(first..<k) {
                    fallback = k
                    commaRelative = true
                    k += 2
                    continue
                }
                break
            }
            if t.kind == .word && !t.capitalized {
                let cls = lexicons.word(t)
                let cueVerb = lexicons.cues.verb(t).map { !$0.isNounForm } ?? false
                if commaRelative {
                    if cueVerb { return fallback }
                } else if Keys.relativePronouns.contains(t.key) {
                    relative = true
                } else if !relative {
                    if !cls.intersection([.be, .auxiliary, .negation]).isEmpty { return nil }
                    let participle = endsWithEd(k) && tokens[k - 1].kind == .word
                        && lexicons.word(tokens[k - 1]).intersection([.determiner, .preposition]).isEmpty
                    if cueVerb && !(k > first && (tokens[k - 1].key == Keys.to || participle)) { return nil }
                }
            }
            k += 1
        }
        guard k > first, hasContentWord(first..<k) else { return nil }
        guard k < limit else { return k - comma < 40 ? k : fallback }
        guard k - comma < 30 else { return nil }
        let next = k + 1
        guard next < limit else { return k }
        if index.quoteOpening(at: next) != nil || isParticiple(next)
            || !lexicons.word(tokens[next]).intersection([.subordinator, .preposition]).isEmpty {
            return k
        }
        return nil
    }

    /// Whether `phrase` ends its sentence (which ends before `end`), or only a verbless phrase after
    /// a comma follows it ("said Ann Ruiz, the chief executive, on Facebook.").
    func endsSentence(_ phrase: Range<Int>, end: Int) -> Bool {
        let i = phrase.upperBound
        if i == end { return true }
        guard isComma(i), i + 1 < end else { return false }
        for k in (i + 1)..<end {
            let t = tokens[k]
            if t.kind == .quote { return false }
            guard t.kind == .word, !t.capitalized else { continue }
            if !lexicons.word(t).intersection([.be, .auxiliary, .negation]).isEmpty { return false }
            if let verb = lexicons.cues.verb(t), !verb.isNounForm { return false }
        }
        return true
    }

    /// A comma after a capitalised word, with only capitalised words (and their periods) from it up
    /// to `end`: "in Columbus, Ohio,", "of Flint, Mich.,", "in Charleston, West Virginia,".
    func isPlaceComma(_ k: Int, before end: Int) -> Bool {
        guard k > 0, tokens[k - 1].kind == .word, tokens[k - 1].capitalized, k + 1 < end else { return false }
        for i in (k + 1)..<end {
            let t = tokens[i]
            if t.kind == .word {
                // Not a party and state ("R-Ky.").
                guard t.capitalized, lexicons.word(t).intersection([.determiner, .subjectPronoun, .conjunction,
                                                                     .preposition, .time]).isEmpty,
                      !(Int(t.start)..<Int(t.end)).contains(where: { index.scalars[$0] == "-" }) else { return false }
            } else if !(t.kind == .punct && t.first == 46) {
                return false
            }
        }
        return (end - k) <= 4
    }

    /// A comma between a place and its state's abbreviation ("Somerton, Ariz.", "Exeter, N.H."). The
    /// abbreviation's period may lie at `limit`, where a sentence's end leaves out its final stop.
    func isStateComma(_ k: Int, limit: Int) -> Bool {
        guard k > 0, k + 1 < limit, k + 2 < tokens.count, tokens[k - 1].capitalized, tokens[k + 1].capitalized,
              Sentences.isAbbreviation(tokens[k + 1], lexicons: lexicons) else { return false }
        let dot = tokens[k + 2]
        return dot.kind == .punct && dot.first == 46 && dot.start == tokens[k + 1].end
    }
}
