/// Keys of the few words the rules name directly (everything else comes from the lexicons).
enum Keys {
    static let the = Tokenizer.key("the")
    static let a = Tokenizer.key("a")
    static let an = Tokenizer.key("an")
    static let one = Tokenizer.key("one")
    static let no = Tokenizer.key("no")
    static let to = Tokenizer.key("to")
    static let that = Tokenizer.key("that")
    static let which = Tokenizer.key("which")
    static let who = Tokenizer.key("who")
    static let whose = Tokenizer.key("whose")
    static let and = Tokenizer.key("and")
    static let but = Tokenizer.key("but")
    static let or = Tokenizer.key("or")
    static let of = Tokenizer.key("of")
    static let about = Tokenizer.key("about")
    static let with = Tokenizer.key("with")
    static let than = Tokenizer.key("than")
    static let by = Tokenizer.key("by")
    static let on = Tokenizer.key("on")
    static let `in` = Tokenizer.key("in")
    static let just = Tokenizer.key("just")
    static let `while` = Tokenizer.key("while")
    static let whereas = Tokenizer.key("whereas")
    static let according = Tokenizer.key("according")
    static let even = Tokenizer.key("even")
    static let like = Tokenizer.key("like")
    /// Words that stand for an amount, not a speaker, after a verb: "said nothing", "said little".
    static let quantityPronouns: KeySet = KeySet(
        ["nothing", "little", "much", "more", "less", "something", "anything", "everything", "otherwise", "enough"]
            .map { Tokenizer.key($0) })
    /// Words that follow a plural noun, never a reporting verb: "states such as", "claims like".
    static let nounFollowers: KeySet = KeySet(["such", "like", "including", "where"].map { Tokenizer.key($0) })
    /// Words of a quantity that may open a subject before the walk's start: "as many as 40 percent".
    static let quantityWords: KeySet = KeySet(
        ["as", "many", "more", "than", "nearly", "almost", "about", "roughly", "only", "just", "fewer", "less"]
            .map { Tokenizer.key($0) })
    /// Prepositions that end a headline's speaker label with its audience or topic: "Clinton to
    /// Planned Parenthood:", "CNN President On Trump:".
    static let labelAudiencePrepositions: KeySet = KeySet(["to", "on", "at"].map { Tokenizer.key($0) })
    /// Words that open a relative clause inside a phrase ("a lawyer who", "a group that").
    static let relativePronouns: KeySet = KeySet(["who", "whose", "whom", "which", "that"].map { Tokenizer.key($0) })
    /// Those that open one after a comma or end a source read forwards ("Ann Ruiz, who ...").
    static let commaRelatives: KeySet = KeySet(["who", "whose", "which"].map { Tokenizer.key($0) })
    /// Pronouns that can be the subject of a clause a verb inside a relative clause reports: "which
    /// critics said was unfair".
    static let embeddingRelatives: KeySet = KeySet(["which", "that", "who"].map { Tokenizer.key($0) })
    /// Pronouns that can stand for a verb's object before its subject: "which Mr. Ailes denies".
    static let objectRelatives: KeySet = KeySet(["which", "what"].map { Tokenizer.key($0) })
    static let reflexivePronouns: KeySet = KeySet(
        ["himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"].map { Tokenizer.key($0) })
    static let `as` = Tokenizer.key("as")
    static let first = Tokenizer.key("first")
    static let following = Tokenizer.key("following")
    static let it = Tokenizer.key("it")
    static let us = Tokenizer.key("us")
    static let me = Tokenizer.key("me")
    static let we = Tokenizer.key("we")
    static let possessive = Tokenizer.key("'s")
    static let told = Tokenizer.key("told")
    static let telling = Tokenizer.key("telling")
    static let speaking = Tokenizer.key("speaking")
    static let interview = Tokenizer.key("interview")
    static let ampersand = Tokenizer.key("&")
    static let reporters = Tokenizer.key("reporters")
    static let publishVerbs: KeySet = KeySet(
        ["released", "issued", "published", "posted", "sent", "put", "circulated"].map { Tokenizer.key($0) })
    static let statementNouns: KeySet = KeySet(
        ["statement", "report", "letter", "memo", "communique", "communiqué", "video", "message", "note"]
            .map { Tokenizer.key($0) })
    /// "-ing" words that are ordinary adjectives inside a noun phrase.
    static let ingAdjectives: KeySet = KeySet(
        ["leading", "ruling", "acting", "governing", "ranking", "outgoing", "incoming", "presiding",
         "founding", "managing", "polling", "sitting", "serving", "visiting", "opposing", "fighting",
         "striking", "working", "voting", "campaigning", "winning", "losing", "retiring", "reigning"]
            .map { Tokenizer.key($0) })
    /// Quantifiers that may follow their subject: "The mayor and the governor both said".
    static let floatingQuantifiers: KeySet = KeySet(["both", "all"].map { Tokenizer.key($0) })
    /// "went on to say": forms of "go" that govern an infinitive with "on".
    static let goForms: KeySet = KeySet(["go", "goes", "went", "going", "gone"].map { Tokenizer.key($0) })
    /// Verbs that take an infinitive: "tries to explain", "wants to say".
    static let controlVerbs: KeySet = KeySet(
        ["want", "wants", "need", "needs", "try", "tries", "trying", "going", "continue", "continues", "begin",
         "begins", "began", "fail", "fails", "hope", "hopes", "plan", "plans", "seem", "seems", "appear",
         "appears", "refuse", "refuses", "decline", "declines", "tend", "tends", "have", "has", "had", "got"]
            .map { Tokenizer.key($0) })
    /// Determiners that can stand alone as a plural subject: "many say", "some believe".
    static let pronominalDeterminers: KeySet = KeySet(
        ["some", "many", "most", "all", "both", "few", "several", "others", "those", "these", "two", "three"]
            .map { Tokenizer.key($0) })
    /// Singular determiners that stand alone as a subject: "Another said", "each said".
    static let singularStandalone: KeySet = KeySet(["another", "each", "neither", "either"].map { Tokenizer.key($0) })
    /// Plural nouns without a final "s".
    static let pluralNouns: KeySet = KeySet(
        ["people", "men", "women", "children", "police", "percent", "staff", "public", "majority", "minority", "data"]
            .map { Tokenizer.key($0) })
    /// Subordinators that open an adverbial clause before the main clause: "When the moderator
    /// pointed out that ..., the candidate said ...". Not "as": in "As the Post reported on
    /// Friday, the talks failed" the main clause is the content.
    static let adverbialSubordinators: KeySet = KeySet(
        ["when", "while", "whereas", "though", "although", "after", "before", "if", "because", "since", "once",
         "until", "unless"].map { Tokenizer.key($0) })
    /// Shares that take a plural verb after "a" or alone ("a third say", "half say"), but not after
    /// another determiner ("the third state").
    static let fractions: KeySet = KeySet(["third", "quarter", "half"].map { Tokenizer.key($0) })
    /// Words that may stand between an adverbial clause's subordinator and its subject: "While
    /// only 7 percent said ...".
    static let subjectFocusAdverbs: KeySet = KeySet(
        ["only", "just", "even", "nearly", "almost", "about", "roughly"].map { Tokenizer.key($0) })
    /// Participles that open a clause putting a question to the source ("Asked whether ..., the
    /// mayor said no"): that clause is the question, not what the source said.
    static let questionParticiples: KeySet = KeySet(
        ["asked", "pressed", "questioned", "challenged"].map { Tokenizer.key($0) })
    static let asked = Tokenizer.key("asked")
    static let when = Tokenizer.key("when")
    /// Words that open the question after "asked": "Asked whether ...", "when asked why ...",
    /// "Asked to explain ...".
    static let questionOpeners: KeySet = KeySet(
        ["whether", "if", "what", "why", "how", "who", "whom", "which", "where", "when", "to"].map { Tokenizer.key($0) })
    /// Days a cue may be followed by before its content: "said Tuesday (that) ...".
    static let days: KeySet = KeySet(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "yesterday"]
            .map { Tokenizer.key($0) })
    static let partsOfDay: KeySet = KeySet(["morning", "afternoon", "evening", "night"].map { Tokenizer.key($0) })
    /// Words of origin and time that open an adjunct, not a content: "reported from Los Angeles",
    /// "said during the debate", "said later".
    static let adjunctPrepositions: KeySet = KeySet(
        ["from", "during", "over", "before", "after", "later"].map { Tokenizer.key($0) })
    static let thanks = Tokenizer.key("thanks")
    static let anonymity = Tokenizer.key("anonymity")
    /// Nouns that end like an "-ly" adverb: "The family said", "an ally of the mayor said".
    static let lyNouns: KeySet = KeySet(
        ["family", "ally", "assembly", "rally", "anomaly", "monopoly", "bully", "homily", "supply"].map { Tokenizer.key($0) })
    /// Nouns ending in "-ing" that open no participle phrase ("Last spring the council declared").
    static let ingNouns: KeySet = KeySet(
        ["spring", "thing", "string", "king", "ring", "wing", "evening", "morning", "building", "meeting",
         "hearing", "briefing", "ruling", "wedding", "funding", "ceiling", "offering", "clothing", "housing",
         "training", "polling", "spending", "warning", "setting", "feeling", "ending", "beginning", "opening",
         "swing", "sibling", "shooting", "bombing", "killing", "uprising", "landing", "timing", "wording"]
            .map { Tokenizer.key($0) })
    /// Past participles that do not end in "-ed" ("polls taken over two weeks").
    static let irregularParticiples: KeySet = KeySet(
        ["taken", "given", "seen", "known", "done", "made", "held", "written", "chosen", "drawn", "shown", "sent",
         "built", "led", "paid", "brought", "bought", "caught", "found", "kept", "left", "lost", "met", "spent",
         "won", "hit", "cut", "put", "shot", "thrown", "grown", "driven", "hidden", "broken", "gotten"]
            .map { Tokenizer.key($0) })
    /// "pledged delegates": a participle before them names a kind of delegate.
    static let delegates: KeySet = KeySet(["delegate", "delegates"].map { Tokenizer.key($0) })
    /// The last words of two-word adverbs between a subject and its verb: "in particular", "in fact",
    /// "of course".
    static let twoWordAdverbHeads: KeySet = KeySet(["particular", "fact", "course"].map { Tokenizer.key($0) })
    /// Adverbs of degree between "be" and an adjective of attitude ("is very confident").
    static let degreeAdverbs: KeySet = KeySet(["very", "so", "too", "more", "less", "most", "quite", "still", "now", "all",
                                               "also", "increasingly", "even", "fairly", "pretty", "far"]
        .map { Tokenizer.key($0) })
    /// "his thinking", "their planning": after these an "-ing" word is a noun.
    static let possessiveDeterminers: KeySet = KeySet(
        ["his", "her", "its", "their", "our", "my", "your"].map { Tokenizer.key($0) })
    static let mind = Tokenizer.key("mind")
    static let `for` = Tokenizer.key("for")
    /// What makes "thanks" a preposition: "thanks to", "thanks in part to", "thanks largely to".
    static let thanksTo: [[UInt64]] = ["to", "in part to", "in large part to", "largely to", "partly to", "mostly to",
                                       "partially to"].map { Tokenizer.keys($0) }
    /// Verbs whose participle describes a document after it ("a poll released Thursday").
    static let publishingVerbs: Set<String> = ["release", "issue", "publish", "post"]
    /// Adverbs of place after such a participle: "a video posted online".
    static let placeAdverbs: KeySet = KeySet(["online", "here", "there", "earlier", "late", "early"].map { Tokenizer.key($0) })
    /// Adverbs that may end a trailing attribution's clause after its verb ("..., she said afterward").
    static let clauseEndAdverbs: KeySet = KeySet(
        ["afterward", "afterwards", "again", "too", "instead", "otherwise", "elsewhere", "anyway", "once", "twice"]
            .map { Tokenizer.key($0) })
    /// Number words that head a subject taking a bare verb form ("six in 10 say").
    static let numberWords: KeySet = KeySet(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "half"]
            .map { Tokenizer.key($0) })
    /// Number words before a share's preposition: "one in five", "six of the 10".
    static let shareNumbers: KeySet = KeySet(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].map { Tokenizer.key($0) })
    /// Prepositions that do not attach a phrase to the subject's head noun the way "of", "in" and
    /// "to" do ("the remarks by Clinton", "a plan like Ohio's", "more than Bush").
    static let nonPartitivePrepositions: KeySet = KeySet(
        ["by", "like", "than", "about", "during", "after", "before", "without", "against", "over", "under", "through"]
            .map { Tokenizer.key($0) })
    /// Adjectives between a subject's head and its preposition: "people familiar with",
    /// "sources close to".
    static let prepositionAdjectives: KeySet = KeySet(["familiar", "close", "loyal", "opposed"].map { Tokenizer.key($0) })
    /// Participles that name rather than report after a noun: "a group called X", "a town named Y".
    static let namingParticiples: KeySet = KeySet(
        ["called", "named", "dubbed", "nicknamed", "titled", "entitled", "labeled", "labelled", "branded"]
            .map { Tokenizer.key($0) })
    /// Prepositions that may sit inside a source noun phrase ("a member of", "an activist within").
    static let npPrepositions: KeySet = KeySet(
        ["of", "for", "at", "within", "in", "from", "with", "on", "inside", "to"].map { Tokenizer.key($0) })
}
