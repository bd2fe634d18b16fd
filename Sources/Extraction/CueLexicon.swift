/// The sections of `cue-verbs.txt`: what a reporting verb reports (words, beliefs, plans, evidence, a stance).
enum CueClass: String, Sendable, CaseIterable {
    case speech, belief, plan, evidence, stance
}

/// The grammatical forms a word can be of one cue verb (a word can be several: "said").
struct VerbForm: OptionSet, Sendable {
    let rawValue: UInt8
    static let base = VerbForm(rawValue: 1)
    static let third = VerbForm(rawValue: 2)
    static let past = VerbForm(rawValue: 4)
    static let ing = VerbForm(rawValue: 8)
    static let participle = VerbForm(rawValue: 16)
    /// An adjective of attitude after a form of "be" ("is confident that"): `+adjective` lines.
    static let adjective = VerbForm(rawValue: 32)
}

/// One word form of a cue verb.
struct CueVerb: Sendable {
    var lemma: String
    var cueClass: CueClass
    var forms: VerbForm
    /// The hearer comes between verb and content: "told reporters that ...".
    var takesRecipient: Bool
    /// Keys of particles that extend the cue: "pointed out", "called for".
    var particles: [UInt64]
    /// The base and -s forms are also nouns ("a report", "think tank").
    var alsoNoun = false
    /// Reports only when one of `particles` follows ("spoke of").
    var needsParticle = false
    /// Reports only before "to" or "that" ("declined to comment").
    var needsTo = false
    /// Reports only next to a quotation (`"Q," he continued.`, `He continued: "Q"`).
    var needsQuote = false
    /// News style puts it before its source even with no quotation (`C, said the minister.`).
    var inverts = false
    /// Reports a clause whose subject is a relative pronoun before its source ("the rule, which
    /// critics said was unfair"): `+clause` in cue-verbs.txt, and every verb of belief.
    var embedsRelative = false

    /// A noun-or-verb form ("state", "claims", "press"): a base or -s form that is also a noun.
    var isNounForm: Bool { alsoNoun && forms.isSubset(of: [.base, .third]) }
}

/// Reporting verbs by every inflected form (`cue-verbs.txt`), looked up by token key, and the
/// adjectives of attitude (`+adjective` lines), kept apart: an adjective is no verb to the rest of
/// the rules (a subject phrase may hold one: "a confident official said").
struct CueLexicon: Sendable {
    private let verbs: KeyTable<CueVerb>
    private let adjectives: KeyTable<CueVerb>
    private(set) var verbCount = 0
    private(set) var adjectiveCount = 0

    init(lines: [LexiconLine], file: String) throws(ExtractionError) {
        var verbs: [UInt64: CueVerb] = [:]
        var adjectives: [UInt64: CueVerb] = [:]
        for line in lines {
            guard let cueClass = CueClass(rawValue: line.section) else {
                throw .malformedLexicon(file: file, line: line.number, reason: "unknown class [\(line.section)]")
            }
            var forms: [Substring] = []
            var recipient = false
            var noun = false
            var needsParticle = false
            var needsTo = false
            var needsQuote = false
            var inverts = false
            var clause = false
            var adjective = false
            var particles: [UInt64] = []
            for word in line.words {
                if word.hasPrefix("+") {
                    switch word {
                    case "+recipient": recipient = true
                    case "+noun": noun = true
                    case "+particle": needsParticle = true
                    case "+to": needsTo = true
                    case "+quote": needsQuote = true
                    case "+inverts": inverts = true
                    case "+clause": clause = true
                    case "+adjective": adjective = true
                    default:
                        throw .malformedLexicon(file: file, line: line.number, reason: "unknown flag \(word)")
                    }
                } else if word.hasPrefix(">") {
                    particles.append(Tokenizer.key(word.dropFirst()))
                } else {
                    forms.append(word)
                }
            }
            if adjective {
                guard forms.count == 1, !recipient, !noun, !needsParticle, !needsQuote, !inverts, !clause else {
                    throw .malformedLexicon(file: file, line: line.number,
                                            reason: "an adjective has one form and at most +to and particles")
                }
                let key = Tokenizer.key(forms[0])
                guard adjectives[key] == nil else {
                    throw .malformedLexicon(file: file, line: line.number, reason: "adjective \(forms[0]) listed twice")
                }
                adjectives[key] = CueVerb(lemma: String(forms[0]), cueClass: cueClass, forms: .adjective,
                                          takesRecipient: false, particles: particles, needsTo: needsTo)
                adjectiveCount += 1
                continue
            }
            guard forms.count == 4 || forms.count == 5 else {
                throw .malformedLexicon(
                    file: file, line: line.number,
                    reason: "expected base, third-person, past, ing [, participle]; found \(forms.count) forms")
            }
            verbCount += 1
            let kinds: [VerbForm] = [.base, .third, .past, .ing, .participle]
            let participle = forms.count == 5 ? forms[4] : forms[2]
            let all = Array(forms.prefix(4)) + [participle]
            for (word, kind) in zip(all, kinds) {
                let key = Tokenizer.key(word)
                if var existing = verbs[key], existing.lemma == String(forms[0]) {
                    existing.forms.insert(kind)
                    if kind != .base && kind != .third { existing.alsoNoun = false }
                    verbs[key] = existing
                } else if verbs[key] == nil {
                    verbs[key] = CueVerb(lemma: String(forms[0]), cueClass: cueClass, forms: kind,
                                         takesRecipient: recipient, particles: particles,
                                         alsoNoun: noun && (kind == .base || kind == .third),
                                         needsParticle: needsParticle, needsTo: needsTo, needsQuote: needsQuote,
                                         inverts: inverts, embedsRelative: clause || cueClass == .belief)
                }
            }
        }
        self.verbs = KeyTable(verbs)
        self.adjectives = KeyTable(adjectives)
    }

    /// The adjective of attitude a word is, by its key; nil for other words.
    @inline(__always)
    func adjective(_ token: Token) -> CueVerb? {
        token.kind == .word ? adjectives[token.key] : nil
    }

    @inline(__always)
    func verb(_ token: Token) -> CueVerb? {
        token.kind == .word ? verbs[token.key] : nil
    }

    /// The class of the verb a word is a form of, or of the adjective of attitude it is, by the
    /// word's key (`Tokenizer.key`: any case); nil for other words.
    func cueClass(key: UInt64) -> CueClass? { verbs[key]?.cueClass ?? adjectives[key]?.cueClass }
}
