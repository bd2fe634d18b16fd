import ClaimModel

/// The built-in extractor: rules over a token array and lexicons read from `Resources/`.
///
/// Values in, values out: `extract` takes a document and returns its attributions, with every
/// docs/FORMAT.md field filled and spans in Unicode-scalar offsets. It never fails; only loading the
/// lexicons can (`init`).
public struct RulesExtractor: Sendable {
    public static let name = "rules"
    public static let version = "0.4.11"

    let lexicons: Lexicons

    /// The bundled lexicons are read once per process (`Lexicons.bundled`): every extractor after
    /// the first, and the sentence splitter, share them.
    public init() throws(ExtractionError) {
        lexicons = try Lexicons.bundled.get()
    }

    /// A short description stored with a run: the lexicon sizes.
    public var parameters: String { lexicons.summary }

    /// The kinds of cue `cueKind(ofCue:)` tells, in report order: the lexicon's classes,
    /// "according to", and "other" for a cue with no word the lexicon knows.
    public static let cueKinds = CueClass.allCases.map(\.rawValue) + ["according to", "other"]

    /// The kind of a cue from its text: its first word (as the rules tokenise it) that is a verb
    /// form or an adjective of attitude of the lexicon (its class) or "according" ("according to")
    /// decides; with neither, "other". "has told" is speech, "are confident" belief, "strives for" other.
    public func cueKind(ofCue text: String) -> String { Self.cueKinds[cueKindIndex(ofCue: text)] }

    /// `cueKind(ofCue:)` as its index in `cueKinds`.
    private func cueKindIndex(ofCue text: String) -> Int {
        cueKindIndex(keys: Tokenizer.tokenize(Array(text.unicodeScalars)).lazy.filter { $0.kind == .word }.map(\.key))
    }

    /// The same for a cue given as its words, in text order (a tokeniser's own words: the learned
    /// model's tokens).
    public func cueKindIndex(ofWords words: [String]) -> Int {
        cueKindIndex(keys: words.lazy.map { Tokenizer.key($0) })
    }

    private func cueKindIndex(keys: some Sequence<UInt64>) -> Int {
        for key in keys {
            if let c = lexicons.cues.cueClass(key: key), let i = CueClass.allCases.firstIndex(of: c) { return i }
            if key == Self.according { return CueClass.allCases.count }
        }
        return CueClass.allCases.count + 1
    }

    private static let according = Tokenizer.key("according")

    public func extract(_ document: Document) -> [Attribution] {
        extractDetailed(document).map(\.attribution)
    }

    /// An attribution with the pattern that found it (for the bench's calibration).
    public struct Detailed: Sendable {
        public var attribution: Attribution
        public var pattern: String
    }

    public func extractDetailed(_ document: Document) -> [Detailed] {
        extractDetailed(document, index: TextIndex(document.text, lexicons: lexicons))
    }

    /// `extractDetailed` and `sentenceSpans(in:)` from one tokenisation of the text, with the text's
    /// Unicode scalars decoded once for the rules and handed on (the learned extractor needs all
    /// three and tokenises the same scalars its own way; tokenising twice was a tenth of its time).
    public func extractDetailedWithScalars(_ document: Document)
        -> (detailed: [Detailed], sentences: [Span], scalars: [Unicode.Scalar]) {
        let index = TextIndex(document.text, lexicons: lexicons)
        return (extractDetailed(document, index: index), SentenceIndex(index).spans, index.scalars)
    }

    private func extractDetailed(_ document: Document, index: TextIndex) -> [Detailed] {
        let finder = AttributionFinder(index: index, lexicons: lexicons, publisher: document.publisher)
        let candidates = finder.find().sorted { $0.firstToken < $1.firstToken }
        var coreference = Coreference(index: index, lexicons: lexicons)
        var result: [Detailed] = []
        result.reserveCapacity(candidates.count)
        // One source phrase shared by two cues ("A spokeswoman declined to comment, saying ...")
        // is one mention: it resolves once, or an indefinite phrase would make two entities.
        var bySourcePhrase: [Range<Int>: (entity: String, type: SourceType, namedOutlet: String?)] = [:]
        for candidate in candidates {
            guard let content = fragments(candidate.content, index) else { continue }
            var attribution = Attribution(id: "r\(result.count + 1)")
            attribution.content = content
            attribution.cue = fragments(candidate.cue, index)
            var outlet = candidate.outlet
            if let source = candidate.source {
                attribution.source = fragments([source], index)
                let referent = candidate.referent ?? source
                if let earlier = bySourcePhrase[referent] {
                    // The cue's own outlet ("told Newsweek") first, then the one the phrase names.
                    attribution.sourceEntity = earlier.entity
                    attribution.sourceType = earlier.type
                    outlet = outlet ?? earlier.namedOutlet
                } else {
                    let sourceOutlet = finder.outlet(named: referent)
                    let mention = coreference.mention(referent, anonymousContext: candidate.anonymousContext,
                                                      outletName: sourceOutlet)
                    let resolved = coreference.resolve(mention, outlet: outlet ?? sourceOutlet)
                    let type = candidate.anonymousContext && !mention.isNamed ? SourceType.anonymous : resolved.type
                    attribution.sourceEntity = resolved.id
                    attribution.sourceType = type
                    outlet = resolved.outlet ?? sourceOutlet
                    bySourcePhrase[referent] = (resolved.id, type, sourceOutlet)
                }
            } else {
                attribution.sourceType = .implicit
                attribution.sourceEntity = nil
            }
            attribution.outlet = outlet
            // A sourceless hedge has no speaker to be anonymous or named (docs/FORMAT.md: null).
            attribution.anonymous = attribution.sourceType == .implicit ? nil : attribution.sourceType == .anonymous
            attribution.confidence = lexicons.confidence.confidence(pattern: candidate.pattern,
                                                                    cueClass: candidate.cueClass)
            result.append(Detailed(attribution: attribution,
                                   pattern: ConfidenceTable.key(pattern: candidate.pattern, cueClass: candidate.cueClass)))
        }
        // A headline's entity renamed by its lede: the headline's claims take the new id too.
        if !coreference.renamed.isEmpty {
            for i in result.indices {
                if let id = result[i].attribution.sourceEntity, let new = coreference.renamed[id] {
                    result[i].attribution.sourceEntity = new
                }
            }
        }
        return result
    }

    private func fragments(_ ranges: [Range<Int>], _ index: TextIndex) -> Fragments? {
        let spans = ranges.compactMap { r -> Span? in
            guard let first = r.first, r.upperBound <= index.tokens.count, r.upperBound > first else { return nil }
            return Span(Int(index.tokens[first].start), Int(index.tokens[r.upperBound - 1].end))
        }
        return Fragments(spans)
    }
}
