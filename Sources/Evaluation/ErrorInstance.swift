/// One error, located: which document and which gold and/or predicted attribution.
///
/// `ScoreReport.instances(of:)` lists these so that the REPL and the command line can show the
/// extractor's errors of one kind, one by one.
public struct ErrorInstance: Sendable, Codable, Equatable {
    public var documentID: String
    public var kind: ErrorKind
    /// Index into the document's gold attributions; nil for a spurious prediction.
    public var gold: Int?
    /// Index into the document's predictions; nil for a missed gold attribution.
    public var predicted: Int?

    public init(documentID: String, kind: ErrorKind, gold: Int?, predicted: Int?) {
        self.documentID = documentID
        self.kind = kind
        self.gold = gold
        self.predicted = predicted
    }

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id"
        case kind, gold, predicted
    }
}
