/// One article: the text exactly as read, plus optional metadata.
public struct Document: Sendable, Equatable {
    /// Unique in a store; `NameRule`: 1–200 Unicode scalars, at most 240 bytes, nothing `TerminalSafe` escapes.
    public var id: String
    /// Never normalised: every offset indexes into it.
    public var text: String
    public var title: String?
    /// The outlet that published the document; it decides what "told us" means.
    public var publisher: String?
    public var publicationDate: String?
    /// Free-form, kept and written back unchanged.
    public var meta: JSONValue?

    public init(
        id: String, text: String, title: String? = nil, publisher: String? = nil,
        publicationDate: String? = nil, meta: JSONValue? = nil
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.publisher = publisher
        self.publicationDate = publicationDate
        self.meta = meta
    }

    /// Why `id` is not a valid document id, or nil when it is (`NameRule`).
    public static func problem(withID id: String) -> String? {
        NameRule.problem(id, what: "doc_id")
    }
}

/// A document with the attributions that one source (a run, or gold) gives it.
public struct AnnotatedDocument: Sendable, Equatable {
    public var document: Document
    public var attributions: [Attribution]
    /// Gold only: the annotators whose done-marker makes this document gold, in the store's order.
    /// nil when the reviews say it already (every review names one annotator, and that annotator
    /// marked it done), so that single-annotator exports stay as they were.
    public var reviewedBy: [String]?

    public init(document: Document, attributions: [Attribution], reviewedBy: [String]? = nil) {
        self.document = document
        self.attributions = attributions
        self.reviewedBy = reviewedBy
    }
}

extension String {
    /// The key that makes two doc_ids (or two texts) the same for ClaimDesk: their UTF-8 bytes, as
    /// in SQL and in Python. Swift's `==` holds canonically equivalent strings equal ("café" with
    /// é composed and with e + U+0301), which the store keeps apart: comparing with it would refuse
    /// a file the store accepts (and an export of it), or take a different text for the same one.
    public var exactKey: [UInt8] { Array(utf8) }

    /// Whether `self` and `other` hold the same Unicode scalars (`exactKey`), not merely canonically
    /// equivalent ones.
    public func isExactly(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}
