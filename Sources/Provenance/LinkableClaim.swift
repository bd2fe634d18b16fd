import ClaimModel

/// One claim as the linker sees it: what it says, who said it, through which outlet, in which
/// document, published by whom and when. Values only, so that the store, a gold file or a
/// synthetic benchmark can all feed the linker the same way.
public struct LinkableClaim: Sendable, Equatable {
    /// The claim's row id in the store (any unique number for other inputs); links and clusters name claims by it.
    public var id: Int64
    public var docID: String
    /// The attribution's own id within its document (JSONL `id`), when it has one.
    public var attributionID: String?
    /// Who published the document ("Meridian Press"), from its metadata.
    public var publisher: String?
    /// The document's publication date, ISO 8601 (`2026-03-04`); only the date part is used.
    public var publicationDate: String?
    public var sourceText: String?
    public var cueText: String?
    public var contentText: String
    /// The channel the text names ("told Reuters" → "Reuters"), as the attribution's `outlet`.
    public var outlet: String?
    public var sourceType: SourceType?
    public var anonymous: Bool?
    /// Same value = same real-world source (a slug such as `okafor`).
    public var sourceEntity: String?
    /// Offsets of the roles (Unicode scalars, hulls), for exports; the linker never reads them.
    public var sourceSpan: Span?
    public var cueSpan: Span?
    public var contentSpan: Span?

    public init(
        id: Int64, docID: String, attributionID: String? = nil, publisher: String? = nil, publicationDate: String? = nil,
        sourceText: String? = nil, cueText: String? = nil, contentText: String, outlet: String? = nil,
        sourceType: SourceType? = nil, anonymous: Bool? = nil, sourceEntity: String? = nil,
        sourceSpan: Span? = nil, cueSpan: Span? = nil, contentSpan: Span? = nil
    ) {
        self.id = id
        self.docID = docID
        self.attributionID = attributionID
        self.publisher = publisher
        self.publicationDate = publicationDate
        self.sourceText = sourceText
        self.cueText = cueText
        self.contentText = contentText
        self.outlet = outlet
        self.sourceType = sourceType
        self.anonymous = anonymous
        self.sourceEntity = sourceEntity
        self.sourceSpan = sourceSpan
        self.cueSpan = cueSpan
        self.contentSpan = contentSpan
    }
}

extension LinkableClaim {
    /// The claims of one annotated document (a JSONL line, a gold import), row ids numbered from
    /// `firstID` in the document's order. Attributions without content are skipped: they say nothing to link.
    public static func claims(of item: AnnotatedDocument, firstID: Int64) -> [LinkableClaim] {
        let d = item.document
        let scalars = Array(d.text.unicodeScalars)
        func text(_ span: Span?) -> String? {
            guard let span, span.start >= 0, span.start < span.end, span.end <= scalars.count else { return nil }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[span.start..<span.end])
            return String(s)
        }
        var out: [LinkableClaim] = []
        var next = firstID
        for a in item.attributions {
            guard let content = text(a.content?.hull) else { continue }
            out.append(LinkableClaim(
                id: next, docID: d.id, attributionID: a.id, publisher: d.publisher, publicationDate: d.publicationDate,
                sourceText: text(a.source?.hull), cueText: text(a.cue?.hull), contentText: content, outlet: a.outlet,
                sourceType: a.sourceType, anonymous: a.anonymous, sourceEntity: a.sourceEntity,
                sourceSpan: a.source?.hull, cueSpan: a.cue?.hull, contentSpan: a.content?.hull))
            next += 1
        }
        return out
    }
}
