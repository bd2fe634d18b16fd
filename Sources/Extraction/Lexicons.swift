/// Closed-class and domain word classes, as bits so that one lookup answers every question.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32
    static let determiner = WordClass(rawValue: 1 << 0)
    static let subjectPronoun = WordClass(rawValue: 1 << 1)
    static let objectPronoun = WordClass(rawValue: 1 << 2)
    static let male = WordClass(rawValue: 1 << 3)
    static let female = WordClass(rawValue: 1 << 4)
    static let pluralPronoun = WordClass(rawValue: 1 << 5)
    static let be = WordClass(rawValue: 1 << 6)
    static let auxiliary = WordClass(rawValue: 1 << 7)
    static let negation = WordClass(rawValue: 1 << 8)
    static let conjunction = WordClass(rawValue: 1 << 9)
    static let subordinator = WordClass(rawValue: 1 << 10)
    static let preposition = WordClass(rawValue: 1 << 11)
    static let time = WordClass(rawValue: 1 << 12)
    static let cueAdverb = WordClass(rawValue: 1 << 13)
    static let anonymousHead = WordClass(rawValue: 1 << 14)
    static let documentHead = WordClass(rawValue: 1 << 15)
    static let organization = WordClass(rawValue: 1 << 16)
    static let title = WordClass(rawValue: 1 << 17)
    static let group = WordClass(rawValue: 1 << 18)
    static let abbreviation = WordClass(rawValue: 1 << 19)
    static let hedgePassive = WordClass(rawValue: 1 << 20)
    static let hedgeAdverb = WordClass(rawValue: 1 << 21)
    static let raising = WordClass(rawValue: 1 << 22)
    static let anonymityMarker = WordClass(rawValue: 1 << 23)
    static let discourse = WordClass(rawValue: 1 << 24)
    /// An abbreviation that may close a sentence ("Inc.", "Ill."): `abbreviations.txt` [closing].
    static let closingAbbreviation = WordClass(rawValue: 1 << 25)
}

/// Every lexicon the rules read, loaded once from `Resources/` and looked up by token key.
struct Lexicons: Sendable {
    var classes: KeyTable<WordClass>
    var cues: CueLexicon
    var outlets: OutletGazetteer
    var confidence: ConfidenceTable

    static let resourceNames = [
        "cue-verbs.txt", "hedges.txt", "function-words.txt", "source-heads.txt", "abbreviations.txt",
        "outlets.txt", "confidence.txt",
    ]

    init() throws(ExtractionError) {
        cues = try CueLexicon(lines: LexiconFile.lines("cue-verbs.txt"), file: "cue-verbs.txt")
        outlets = try OutletGazetteer(lines: LexiconFile.lines("outlets.txt"), file: "outlets.txt")
        confidence = try ConfidenceTable(lines: LexiconFile.lines("confidence.txt"), file: "confidence.txt")
        let sections: [String: WordClass] = [
            "determiner": .determiner, "subject-pronoun": .subjectPronoun, "object-pronoun": .objectPronoun,
            "male-pronoun": .male, "female-pronoun": .female, "plural-pronoun": .pluralPronoun,
            "be": .be, "auxiliary": .auxiliary, "negation": .negation, "conjunction": .conjunction,
            "subordinator": .subordinator, "preposition": .preposition, "time": .time,
            "cue-adverb": .cueAdverb, "anonymous": .anonymousHead, "document": .documentHead,
            "organization": .organization, "title": .title, "group": .group,
            "passive": .hedgePassive, "anonymity-marker": .anonymityMarker, "discourse": .discourse, "adverb": .hedgeAdverb, "raising": .raising,
        ]
        var classes: [UInt64: WordClass] = [:]
        for file in ["function-words.txt", "source-heads.txt", "hedges.txt"] {
            for line in try LexiconFile.lines(file) {
                guard let cls = sections[line.section] else {
                    throw .malformedLexicon(file: file, line: line.number,
                                            reason: "unknown section [\(line.section)]")
                }
                for word in line.words { classes[Tokenizer.key(word), default: []].insert(cls) }
            }
        }
        for line in try LexiconFile.lines("abbreviations.txt") {
            let cls: WordClass
            switch line.section {
            case "leading": cls = .abbreviation
            case "closing": cls = [.abbreviation, .closingAbbreviation]
            default:
                throw .malformedLexicon(file: "abbreviations.txt", line: line.number,
                                        reason: "unknown section [\(line.section)]: [leading] or [closing]")
            }
            for word in line.words { classes[Tokenizer.key(word), default: []].formUnion(cls) }
        }
        self.classes = KeyTable(classes)
    }

    /// The bundled lexicons, read on first use and kept for the process, for every extractor and
    /// for callers that split sentences without running the rules (`SentenceIndex`); the failure,
    /// if any, is kept too.
    static let bundled: Result<Lexicons, ExtractionError> = {
        do throws(ExtractionError) { return .success(try Lexicons()) } catch { return .failure(error) }
    }()

    @inline(__always)
    func word(_ token: Token) -> WordClass { classes[token.key] ?? [] }

    var summary: String {
        "cue verbs \(cues.verbCount), cue adjectives \(cues.adjectiveCount), word classes \(classes.count), "
            + "outlets \(outlets.count), confidence patterns \(confidence.count)"
    }
}
