import ClaimModel

extension RulesExtractor {
    /// The sentences of `text` as the extractor sees them, as Unicode-scalar spans in text order
    /// (from a sentence's first token to its last; line breaks and the space between sentences
    /// belong to none). Exports use it to show the sentence a claim sits in, so that what a
    /// reader sees is what the rules saw.
    public func sentenceSpans(in text: String) -> [Span] {
        let index = TextIndex(text, lexicons: lexicons)
        return index.sentences.compactMap { range in
            guard let first = range.first, range.upperBound <= index.tokens.count, range.upperBound > first else { return nil }
            return Span(Int(index.tokens[first].start), Int(index.tokens[range.upperBound - 1].end))
        }
    }
}
