import ClaimModel

/// One training document: its text and the gold attributions an analyst (or a corpus) gave it.
public struct LabeledDocument: Sendable {
    public var document: Document
    public var attributions: [Attribution]

    public init(document: Document, attributions: [Attribution]) {
        self.document = document
        self.attributions = attributions
    }
}
