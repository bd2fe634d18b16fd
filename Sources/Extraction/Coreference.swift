import ClaimModel
import Foundation

/// What a source mention is, read from its noun phrase.
struct Mention {
    enum Pronoun { case male, female, plural, neutral }

    var pronoun: Pronoun?
    var headKey: UInt64
    /// Keys of the capitalised words and titles of the phrase's first chunk ("Former President Bill Clinton").
    var nameKeys: Set<UInt64>
    var definite: Bool
    var plural: Bool
    var type: SourceType
    var slug: String
    var isNamed: Bool
    var genderHint: Pronoun?
    /// The head is a word of a script without letter case: whether it names someone is unknown.
    var caseless = false
    /// The mention lies in the document's headline (`Coreference.headlineEnd`).
    var inHeadline = false
}

/// One real-world source in a document, with everything its mentions taught us.
struct Entity {
    var id: String
    var headKey: UInt64
    var nameKeys: Set<UInt64>
    var type: SourceType
    var plural: Bool
    var gender: Mention.Pronoun?
    var outlet: String?
    /// Every mention so far is in the headline: the lede's "a militia" may be the headline's "militia".
    var headlineOnly = false
}

/// Gives every source mention a source type and an entity id, so that "An activist within Derna",
/// "the activist", "the anonymous source" and "he" share one id.
///
/// Named mentions join an earlier entity sharing their head name ("Clinton" → "Hillary Clinton");
/// definite descriptions join the latest entity with that head or title ("the activist", "the former
/// president"); generic anonymous heads ("the source") join the latest anonymous entity; pronouns
/// join the latest compatible entity.
struct Coreference {
    let index: TextIndex
    let lexicons: Lexicons
    private(set) var entities: [Entity] = []
    /// Ids given to headline claims and since replaced by the lede's fuller words: old → new.
    private(set) var renamed: [String: String] = [:]
    private var order: [Int] = []  // entity indexes, most recent mention last

    /// The token where the document's headline ends: its first line when a line break follows it
    /// and it holds at most `headlineWords` words (a title, not a paragraph); 0 when there is none.
    let headlineEnd: Int
    static let headlineWords = 30

    init(index: TextIndex, lexicons: Lexicons) {
        self.index = index
        self.lexicons = lexicons
        var end = 0, words = 0
        for (i, t) in index.tokens.enumerated() {
            if t.kind == .newline { end = i; break }
            if t.isWord { words += 1 }
            if words > Self.headlineWords { break }
        }
        headlineEnd = end
    }

    var tokens: [Token] { index.tokens }

    static let mrKey = Tokenizer.key("mr")
    static let femaleTitles: KeySet = KeySet(["mrs", "ms", "miss", "madam"].map { Tokenizer.key($0) })
    static let genericAnonymous: KeySet = KeySet(
        ["source", "person", "official", "individual", "insider", "aide", "man", "woman"].map { Tokenizer.key($0) })

    func mention(_ r: Range<Int>, anonymousContext: Bool, outletName: String?) -> Mention {
        let chunkEnd = firstChunkEnd(r)
        var head = chunkEnd - 1
        while head > r.lowerBound && !tokens[head].isWord { head -= 1 }
        let headToken = tokens[head]
        let headClass = lexicons.word(headToken)
        let first = tokens[r.lowerBound]
        let firstClass = lexicons.word(first)

        var m = Mention(pronoun: nil, headKey: headToken.key, nameKeys: [], definite: false, plural: false,
                        type: .other, slug: "", isNamed: false, genderHint: nil)
        m.inHeadline = r.upperBound <= headlineEnd
        if r.count == 1 && headClass.contains(.subjectPronoun) {
            if headClass.contains(.male) { m.pronoun = .male }
            else if headClass.contains(.female) { m.pronoun = .female }
            else if headClass.contains(.pluralPronoun) { m.pronoun = .plural }
            else { m.pronoun = .neutral }
            m.plural = m.pronoun == .plural
            return m
        }
        m.definite = first.key == Keys.the || firstClass.contains(.determiner) && !(first.key == Keys.a || first.key == Keys.an)
        let (proper, hasOrgWord) = readNames(r.lowerBound..<chunkEnd, into: &m)
        let s = index.scalars
        let headEnd = Int(headToken.end)
        // A sentence-initial capital is not a name: "Officials said", "Sources say".
        let sentenceInitial = r.lowerBound == 0 || !tokens[r.lowerBound - 1].isWordOrNumber
        // "Many", "Six in 10", "Others": a quantity, capitalised or not, names no one.
        let quantity = Keys.pronominalDeterminers.contains(headToken.key) || Keys.shareNumbers.contains(headToken.key)
            || Keys.numberWords.contains(headToken.key) || Keys.singularStandalone.contains(headToken.key)
        let capitalOfSentence = sentenceInitial && head == r.lowerBound
            && (!headClass.intersection([.anonymousHead, .documentHead, .group, .title]).isEmpty || quantity)
        // A plural: a lowercase head in -s, or one capitalised only because it opens the sentence
        // ("Aides said"), or names joined by "and" ("Bush and Christie say"). "She" then finds
        // none of them.
        m.plural = headToken.end - headToken.start > 3 && s[headEnd - 1] == "s" && s[headEnd - 2] != "s"
            && (!headToken.capitalized || capitalOfSentence)
            || tokens[r.lowerBound..<chunkEnd].contains { $0.key == Keys.and }
            || quantity && headToken.key != Keys.one

        if let outletName {
            m.type = .newsOutlet
            m.slug = Self.slug(outletName)
            m.isNamed = true
            return m
        }
        let commonAtStart = capitalOfSentence && !headClass.contains(.organization)
        if headToken.capitalized && !commonAtStart {
            m.isNamed = true
            if headClass.contains(.group) {
                m.type = .other
                m.plural = true
            } else if hasOrgWord || headClass.contains(.organization) {
                m.type = .namedOrganization
            } else {
                m.type = .namedPerson
            }
            let nameTokens = proper.filter { $0 <= head }
            m.slug = Self.slug(nameTokens.map { index.text(token: $0) }.joined(separator: " "))
            return m
        }
        describeCommon(&m, r, head: head, headClass: headClass, proper: proper, anonymousContext: anonymousContext)
        return m
    }

    /// The end of the phrase's first chunk: up to a preposition, comma, bracket or relative pronoun
    /// ("the spokesman for the council" → "the spokesman").
    func firstChunkEnd(_ r: Range<Int>) -> Int {
        var chunkEnd = r.lowerBound
        while chunkEnd < r.upperBound {
            let t = tokens[chunkEnd]
            if t.kind == .punct && t.key != Keys.possessive && !(t.first == 46 || t.first == 45) { break }
            if t.kind == .word && !t.capitalized && lexicons.word(t).contains(.preposition) {
                // "sources close to her campaign": the adjective before the preposition is no head.
                if chunkEnd - 1 > r.lowerBound && Keys.prepositionAdjectives.contains(tokens[chunkEnd - 1].key) { chunkEnd -= 1 }
                break
            }
            if t.key == Keys.who || t.key == Keys.which { break }
            chunkEnd += 1
        }
        return chunkEnd == r.lowerBound ? r.upperBound : chunkEnd
    }

    /// The titles and capitalised words of `chunk` into `m`'s name keys (with a gender a title gives,
    /// "Mr.", "Ms."); returns the capitalised words and whether an organisation word is among them.
    func readNames(_ chunk: Range<Int>, into m: inout Mention) -> (proper: [Int], hasOrgWord: Bool) {
        var proper: [Int] = []
        var hasOrgWord = false
        for i in chunk where tokens[i].isWord {
            let cls = lexicons.word(tokens[i])
            if cls.contains(.title) {
                m.nameKeys.insert(tokens[i].key)
                if tokens[i].key == Self.mrKey { m.genderHint = .male }
                if Self.femaleTitles.contains(tokens[i].key) { m.genderHint = .female }
                continue
            }
            if tokens[i].capitalized && !cls.contains(.determiner) {
                proper.append(i)
                m.nameKeys.insert(tokens[i].key)
                if cls.contains(.organization) { hasOrgWord = true }
            } else if cls.contains(.organization) {
                hasOrgWord = true
            }
        }
        return (proper, hasOrgWord)
    }

    /// A common noun phrase ("the activist", "a nurse", "the report"): its slug and source type.
    func describeCommon(_ m: inout Mention, _ r: Range<Int>, head: Int, headClass: WordClass, proper: [Int],
                        anonymousContext: Bool) {
        let headText = index.text(token: head)
        // A script without letter case (Arabic, Hebrew, Chinese, Thai, …) writes a name as it writes
        // a common noun: the words before the head in its chunk are kept too, so that "محمد عباس"
        // reads as `محمد-عباس`, not as its last word alone; what it is, the words do not say.
        m.caseless = Self.isCaseless(headText)
        var modifiers: [String] = []
        for i in r.lowerBound..<r.upperBound where tokens[i].isWord && i != head {
            if tokens[i].capitalized && i != r.lowerBound {
                modifiers.append(index.text(token: i))
            } else if m.caseless && i < head, case let text = index.text(token: i), Self.isCaseless(text) {
                modifiers.append(text)
            }
        }
        m.slug = Self.slug((modifiers + [headText]).joined(separator: " "))
        if anonymousContext || headClass.contains(.anonymityMarker) {
            m.type = .anonymous
        } else if headClass.contains(.documentHead) {
            m.type = .document
        } else if headClass.contains(.organization) {
            m.type = proper.isEmpty ? .other : .namedOrganization
        } else if headClass.contains(.title) && !headClass.contains(.anonymousHead) {
            // "the president" names someone the reader knows; "a spokesman" does not.
            m.type = m.definite ? .namedPerson : .anonymous
        } else if headClass.contains(.group) && !headClass.contains(.anonymousHead) {
            m.type = .other
        } else {
            // An unnamed person described by a common noun: "a nurse", "sources", "the activist".
            m.type = .anonymous
        }
    }

    /// The entity a mention belongs to (creating it when new) and the type the mention inherits.
    mutating func resolve(_ m: Mention, outlet: String?) -> (id: String, type: SourceType, outlet: String?) {
        if let pronoun = m.pronoun { return resolve(pronoun: pronoun, m, outlet: outlet) }
        if let e = antecedent(of: m) {
            touch(e)
            if !m.inHeadline && entities[e].headlineOnly {
                entities[e].headlineOnly = false
                // The lede's fuller words name it better than the headline's ("A Bloomberg poll" after
                // "Poll:"): the entity takes them, and the headline's claims follow (`renamed`).
                if !m.isNamed, !m.slug.isEmpty, m.slug.hasSuffix("-" + entities[e].id) {
                    let old = entities[e].id
                    entities[e].id = uniqueSlug(m.slug)
                    renamed[old] = entities[e].id
                }
            }
            entities[e].nameKeys.formUnion(m.nameKeys)
            if entities[e].gender == nil { entities[e].gender = m.genderHint }
            if entities[e].outlet == nil { entities[e].outlet = outlet }
            let entity = entities[e]
            let type = m.type == .anonymous || entity.type == .anonymous ? SourceType.anonymous : entity.type
            return (entity.id, type, outlet ?? (entity.type == .anonymous ? entity.outlet : nil))
        }
        let e = add(Entity(id: uniqueSlug(m.slug.isEmpty ? "source" : m.slug), headKey: m.headKey,
                           nameKeys: m.nameKeys, type: m.type, plural: m.plural, gender: m.genderHint,
                           outlet: outlet, headlineOnly: m.inHeadline))
        return (entities[e].id, m.type, outlet)
    }

    /// "he", "she", "they", "it": the latest compatible entity, or a new one ("speaker", "they").
    private mutating func resolve(pronoun: Mention.Pronoun, _ m: Mention,
                                  outlet: String?) -> (id: String, type: SourceType, outlet: String?) {
        var found: Int? = nil
        for e in order.reversed() {
            let entity = entities[e]
            switch pronoun {
            case .male, .female:
                guard !entity.plural, entity.type == .namedPerson || entity.type == .anonymous else { continue }
                if let g = entity.gender, g != pronoun { continue }
            case .plural:
                guard entity.plural || entity.type == .namedOrganization || entity.type == .newsOutlet
                    || entity.type == .other else { continue }
            case .neutral:
                guard entity.type == .namedOrganization || entity.type == .document
                    || entity.type == .newsOutlet else { continue }
            }
            found = e
            break
        }
        if let e = found {
            if entities[e].gender == nil, pronoun == .male || pronoun == .female { entities[e].gender = pronoun }
            touch(e)
            let entity = entities[e]
            return (entity.id, entity.type, outlet ?? (entity.type == .anonymous ? entity.outlet : nil))
        }
        let type: SourceType = pronoun == .neutral ? .namedOrganization : (pronoun == .plural ? .other : .namedPerson)
        let e = add(Entity(id: uniqueSlug(pronoun == .plural ? "they" : "speaker"), headKey: m.headKey,
                           nameKeys: [], type: type, plural: pronoun == .plural,
                           gender: pronoun == .male || pronoun == .female ? pronoun : nil, outlet: outlet))
        return (entities[e].id, type, outlet)
    }

    /// The earlier entity a named or definite mention refers to, most recent first: by name
    /// ("Clinton" → "Hillary Clinton"), by head or title ("the activist", "the former president"),
    /// or the latest anonymous source for a generic head ("the source").
    private func antecedent(of m: Mention) -> Int? {
        if m.isNamed {
            for e in order.reversed() where entities[e].type == m.type || (m.type == .namedPerson
                && entities[e].type == .namedPerson) {
                if entities[e].nameKeys.contains(m.headKey) || entities[e].headKey == m.headKey {
                    // "the Islamic Youth Shura Council" after "the Shura Council": a later organisation
                    // name with two or more new name words is another body sharing a head noun.
                    if m.type == .namedOrganization && !entities[e].nameKeys.isEmpty
                        && m.nameKeys.subtracting(entities[e].nameKeys).count >= 2 { continue }
                    return e
                }
            }
        } else if m.definite || m.type == .anonymous && Self.genericAnonymous.contains(m.headKey) {
            for e in order.reversed() {
                let entity = entities[e]
                if entity.headKey == m.headKey && entity.plural == m.plural
                    || (m.definite && entity.nameKeys.contains(m.headKey) && entity.type == .namedPerson) {
                    return e
                }
                if m.type == .anonymous && Self.genericAnonymous.contains(m.headKey) && entity.type == .anonymous
                    && !entity.plural && m.definite {
                    return e
                }
            }
        }
        // A news story's lede restates its headline's subject with an article: "Militia declares
        // holy war" … "A militia in Derna has declared". An indefinite description after the headline
        // joins a headline-only entity with its head word, once; later ones are new people.
        if !m.isNamed && !m.definite && !m.inHeadline {
            return order.last { entities[$0].headlineOnly && entities[$0].headKey == m.headKey && entities[$0].plural == m.plural }
        }
        return nil
    }

    private mutating func add(_ entity: Entity) -> Int {
        entities.append(entity)
        order.append(entities.count - 1)
        return entities.count - 1
    }

    private mutating func touch(_ e: Int) {
        if let at = order.lastIndex(of: e) { order.remove(at: at) }
        order.append(e)
    }

    private func uniqueSlug(_ base: String) -> String {
        var candidate = base
        var n = 2
        // An id a headline's claims had before a rename stays taken: they are rewritten by it.
        while entities.contains(where: { $0.id == candidate }) || renamed[candidate] != nil {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// A word with letters, none of them cased (Arabic, Hebrew, Han, Thai, …): its capitals say
    /// nothing. ASCII words are cased, so most words are answered by their first byte.
    static func isCaseless(_ word: String) -> Bool {
        guard let first = word.utf8.first, first >= 0x80 else { return false }
        var letter = false
        for scalar in word.unicodeScalars {
            if scalar.properties.isCased { return false }
            if scalar.properties.isAlphabetic { letter = true }
        }
        return letter
    }

    /// A readable id in any script: the words of `text`, lowercased and joined by hyphens. Latin
    /// letters lose their diacritics ("José Núñez" → `jose-nunez`, "Zoë" → `zoe`, compatibility
    /// forms too: "ﬁ" → `fi`), letters and digits of other scripts stay as they are ("Ольга Петрова"
    /// → `ольга-петрова`, "李明" → `李明`), apostrophes are dropped ("O'Neill" → `oneill`) and any
    /// other character separates words. Empty when `text` has no letter or digit: the caller gives
    /// such a mention a stable fallback (`resolve`: "source", then "source-2", …).
    static func slug(_ text: String) -> String {
        // Most names are ASCII: one pass over the bytes, no grapheme breaking, no allocation per
        // letter (the general path below cost the extractor 5 % of its speed on PolNeAR's dev).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var out = ""
        var dash = false
        func append(_ piece: String) {
            if dash && !out.isEmpty { out.append("-") }
            dash = false
            out.append(piece)
        }
        for character in text {
            if character.isASCII {
                for scalar in character.unicodeScalars {
                    let v = scalar.value
                    if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                        append(String(scalar))
                    } else if v >= 65 && v <= 90, let lower = Unicode.Scalar(v + 32) {
                        append(String(lower))
                    } else if v != 39 {
                        dash = true
                    }
                }
                continue
            }
            guard let first = character.unicodeScalars.first else { continue }
            if isApostrophe(first) { continue }
            let decomposed = String(character).decomposedStringWithCompatibilityMapping.unicodeScalars
            if decomposed.allSatisfy({ isLatin($0) || isMark($0) }) {
                // Latin: the base letters of the compatibility decomposition, marks dropped.
                for scalar in decomposed where !isMark(scalar) {
                    if isApostrophe(scalar) { continue }
                    if isLetterOrDigit(scalar) { append(scalar.properties.lowercaseMapping) } else { dash = true }
                }
            } else if isLetterOrDigit(first) {
                // Another script: the character as written (composed, lowercased), marks and all.
                append(String(character).precomposedStringWithCanonicalMapping.lowercased())
            } else {
                dash = true
            }
        }
        return out
    }

    /// `slug` of an ASCII text: the same rule, byte by byte.
    private static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var dash = false
        for byte in text.utf8 {
            let lower: UInt8
            switch byte {
            case 0x61...0x7A, 0x30...0x39: lower = byte
            case 0x41...0x5A: lower = byte + 0x20
            case 0x27: continue
            default:
                dash = true
                continue
            }
            if dash && !out.isEmpty { out.append(0x2D) }
            dash = false
            out.append(lower)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s.value == 39 || s.value == 0x2018 || s.value == 0x2019 || s.value == 0x02BC || s.value == 0x02BB
    }

    private static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// The Latin blocks: Basic Latin to Latin Extended-B (with the IPA letters), Latin Extended
    /// Additional, -C, -D and -E.
    private static func isLatin(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x2B0 || (0x1E00..<0x1F00).contains(v) || (0x2C60..<0x2C80).contains(v)
            || (0xA720..<0xA800).contains(v) || (0xAB30..<0xAB70).contains(v)
    }
}
