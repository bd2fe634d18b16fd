import ClaimModel

/// What the rules read from a source phrase on its own: the entity id and source type they give it
/// as the first mention of its source (`Coreference.mention`, the same slug rule). The review REPLs
/// use it when an analyst moves a claim's source, so that the entity follows the new words
/// ("officials" → "the governor": `governor`) instead of describing the person the old ones named.
///
/// Alone means without the document's other mentions: a pronoun ("he", "they") names nobody by
/// itself, so its entity and type are nil, as they are for a phrase with no letter or digit.
public struct SourceReading: Sendable, Equatable {
    public var entity: String?
    public var type: SourceType?

    public init(entity: String?, type: SourceType?) {
        self.entity = entity
        self.type = type
    }

    /// The first span of `source` (Unicode-scalar offsets into `text`) read as the rules read a
    /// source: the words wholly inside it, with the text around them for what a capital at the
    /// start of a sentence means. Nil entity and type when no word is wholly inside.
    public init(_ source: Fragments, in text: ScalarText) throws(ExtractionError) {
        let lexicons = try Lexicons.bundled.get()
        self.init(source, index: TextIndex(text.string, lexicons: lexicons), lexicons: lexicons)
    }

    /// Each of `sources` read as `init(_:in:)` reads one, the text tokenized once for all; no
    /// source (nil) reads as nobody.
    public static func readings(_ sources: [Fragments?], in text: ScalarText) throws(ExtractionError) -> [SourceReading] {
        let lexicons = try Lexicons.bundled.get()
        let index = TextIndex(text.string, lexicons: lexicons)
        return sources.map { $0.map { SourceReading($0, index: index, lexicons: lexicons) } ?? SourceReading(entity: nil, type: nil) }
    }

    init(_ source: Fragments, index: TextIndex, lexicons: Lexicons) {
        self.init(entity: nil, type: nil)
        guard let span = source.spans.first else { return }
        let inside = index.tokens.indices.filter {
            index.tokens[$0].kind != .newline && Int(index.tokens[$0].start) >= span.start && Int(index.tokens[$0].end) <= span.end
        }
        guard let first = inside.first, let last = inside.last, inside.contains(where: { index.tokens[$0].isWordOrNumber })
        else { return }
        let range = first..<(last + 1)
        let outlet = AttributionFinder(index: index, lexicons: lexicons, publisher: nil).outlet(named: range)
        let mention = Coreference(index: index, lexicons: lexicons).mention(range, anonymousContext: false, outletName: outlet)
        guard mention.pronoun == nil else { return }
        entity = mention.slug.isEmpty ? nil : mention.slug
        // Words of a script without capitals could be a name or a description: no type is read.
        type = mention.caseless ? nil : mention.type
    }
}
