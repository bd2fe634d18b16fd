import ClaimModel

/// A document's sentences as the extractor splits them (`Sentences`), for showing a claim in its
/// sentence: the review REPL's claim screen and `context`, the adjudication screen, the CSV
/// export's context column. There is one splitter so that what a reader is shown as "the
/// sentence" is the sentence the rules worked in; a second, simpler one would disagree on
/// "Mr. Smith" or `"Who knew?" she said.`
public struct SentenceIndex: Sendable, Equatable {
    /// Unicode-scalar spans in text order, from a sentence's first token to its last (line breaks
    /// and the blanks between sentences belong to none).
    public let spans: [Span]

    public init(spans: [Span]) {
        self.spans = spans
    }

    /// Splits `text` with the bundled lexicons (read once per process; abbreviations and speech
    /// verbs decide some boundaries). Throws only when those resources cannot be read.
    public init(splitting text: ScalarText) throws(ExtractionError) {
        let lexicons = try Lexicons.bundled.get()
        self.init(TextIndex(text.string, lexicons: lexicons))
    }

    init(_ index: TextIndex) {
        spans = index.sentences.compactMap { range in
            guard let first = range.first, range.upperBound <= index.tokens.count, range.upperBound > first else { return nil }
            return Span(Int(index.tokens[first].start), Int(index.tokens[range.upperBound - 1].end))
        }
    }

    /// Index of the sentence holding `offset` (the nearest one before it when it falls between
    /// sentences, the first when it comes before them all).
    public func index(of offset: Int) -> Int {
        var lo = 0, hi = spans.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if spans[mid].start <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    /// The sentences covering `span`, as one span (widened to `span` itself where it reaches
    /// outside them), and their index range; nil for a text with no sentence.
    public func covering(_ span: Span) -> (span: Span, range: ClosedRange<Int>)? {
        guard !spans.isEmpty else { return nil }
        let first = index(of: span.start), last = max(first, index(of: max(span.start, span.end - 1)))
        return (Span(min(spans[first].start, span.start), max(spans[last].end, span.end)), first...last)
    }
}

extension RulesExtractor {
    /// The sentences of `text` as the extractor sees them, as Unicode-scalar spans in text order
    /// (see `SentenceIndex`). Exports use it to show the sentence a claim sits in, so that what a
    /// reader sees is what the rules saw.
    public func sentenceSpans(in text: String) -> [Span] {
        SentenceIndex(TextIndex(text, lexicons: lexicons)).spans
    }

    /// `sentenceSpans(in:)` with the text's scalars, decoded once for both.
    public func sentenceSpansWithScalars(in text: String) -> (sentences: [Span], scalars: [Unicode.Scalar]) {
        let index = TextIndex(text, lexicons: lexicons)
        return (SentenceIndex(index).spans, index.scalars)
    }
}
