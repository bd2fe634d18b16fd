/// Questions the rules ask of one token or a short range: its word class, whether it is a comma
/// or a sentence-final mark, whether it joins a cue from the left ("has also said"), whether a
/// word ends in "-ly" or "-ed" ("sharply", "warned"), and where a span stops once its punctuation
/// is trimmed (`"the bridge is closed."` → `the bridge is closed`).
extension AttributionFinder {
    @inline(__always) func word(_ i: Int) -> WordClass { lexicons.word(tokens[i]) }
    @inline(__always) func isComma(_ i: Int) -> Bool { tokens[i].isPunct(",") }

    /// The first comma outside a quotation in `from..<limit` ("which is expected to come in
    /// December, could ..."), or `limit` when there is none: where a clause's content stops.
    func unquotedComma(from: Int, before limit: Int) -> Int {
        var k = from
        while k < limit && !(isComma(k) && !index.isQuoted(k)) { k += 1 }
        return k
    }
    @inline(__always) func key(_ i: Int) -> UInt64 { tokens[i].key }

    /// The words of `phrase` (keys, `Tokenizer.keys`) stand at `start`, inside sentence `s`.
    func follows(_ phrase: [UInt64], at start: Int, in s: Range<Int>) -> Bool {
        guard start + phrase.count <= s.upperBound else { return false }
        for (k, w) in phrase.enumerated() where key(start + k) != w { return false }
        return true
    }

    /// An "-ly" adverb of five letters or more that is no cue verb ("reply", "supply" are not).
    func isLyAdverb(_ i: Int) -> Bool {
        index.endsLikeLyAdverb(i, letters: 5) && lexicons.cues.verb(tokens[i]) == nil
    }

    /// A past participle's shape: an "-ed" word or a cue verb's participle ("written", "known").
    func looksLikeParticiple(_ i: Int) -> Bool {
        endsWith(i, "ed") || lexicons.cues.verb(tokens[i])?.forms.contains(.participle) == true
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
    func trimEnd(_ lo: Int, _ hi: Int) -> Int { Self.trimEnd(tokens, lo, hi) }

    /// `trimEnd` over a token array, for closures that should not capture the finder (a copy of it
    /// retains every array and lexicon it holds).
    static func trimEnd(_ tokens: [Token], _ lo: Int, _ hi: Int) -> Int {
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

    func hasWord(inAny ranges: [Range<Int>]) -> Bool {
        for r in ranges where hasWord(r) { return true }
        return false
    }

    func hasWord(_ r: Range<Int>) -> Bool {
        for i in r where tokens[i].isWordOrNumber { return true }
        return false
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

    /// A lowercase cue verb that is not also a noun: "responded", "said".
    func isReportingVerb(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, !tokens[k].capitalized, let verb = lexicons.cues.verb(tokens[k]) else { return false }
        return !verb.isNounForm
    }

    /// "to", or a lowercase word that is or may be a verb: an "-ed" form, a reporting verb that is
    /// no noun, a form of "be" or an auxiliary. Stricter than `looksLikeVerb` about nouns: "states"
    /// and "reports" in a noun phrase do not make it a clause.
    func isVerbLike(_ k: Int) -> Bool {
        key(k) == Keys.to || isReportingVerb(k) || tokens[k].kind == .word && !tokens[k].capitalized
            && (phrases.endsWithEd(k) || !word(k).isDisjoint(with: [.be, .auxiliary]))
    }

    /// A lowercase word shaped like a verb that governs "to": "-ed", a raising verb ("seems"),
    /// a cue verb, or a common control verb ("wants", "tries").
    func looksLikeVerb(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.end - t.start > 2 else { return false }
        if word(i).contains(.raising) || lexicons.cues.verb(t) != nil || Keys.controlVerbs.contains(t.key) { return true }
        return endsWith(i, "ed")
    }

    /// "who" or "which" with a prepositional adjunct between it and the verb at `cue` ("who in the
    /// past has voiced", "which for weeks had argued", "who like many in the town did not"): the
    /// pronoun's index. At most eight words, no comma and no other verb between; nil otherwise.
    func relativeBeforeAdjunct(_ cue: Int, lower: Int) -> Int? {
        var k = cue - 1
        while k > lower && cue - k <= 8 {
            guard tokens[k].isWordOrNumber || key(k) == Keys.possessive else { return nil }
            if key(k) == Keys.who || key(k) == Keys.which {
                guard k + 2 < cue, word(k + 1).contains(.preposition) else { return nil }
                return ((k + 1)..<cue).contains(where: isVerbLike) ? nil : k
            }
            k -= 1
        }
        return nil
    }
}
