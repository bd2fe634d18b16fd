import ClaimModel

/// One document to score: its text and the gold and predicted attributions over it.
///
/// The text travels with the attributions because token metrics are defined on the text's
/// tokens, and pairing is per document (a claim is never paired across documents).
public struct ScoringInput: Sendable {
    public var documentID: String
    public var text: ScalarText
    public var gold: [Attribution]
    public var predicted: [Attribution]

    public init(documentID: String, text: ScalarText, gold: [Attribution], predicted: [Attribution]) {
        self.documentID = documentID
        self.text = text
        self.gold = gold
        self.predicted = predicted
    }
}
