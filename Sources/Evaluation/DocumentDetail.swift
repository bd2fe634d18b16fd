/// How one document's gold and predicted attributions were paired.
///
/// Kept per document so that errors can be listed and inspected, not only counted.
public struct DocumentDetail: Sendable, Codable, Equatable {
    public var documentID: String
    /// Content-matched pairs, in gold order.
    public var pairs: [MatchedPair]
    /// Indexes of gold attributions that no prediction matched, ascending.
    public var missed: [Int]
    /// Indexes of predictions that matched no gold attribution, ascending.
    public var spurious: [Int]

    public init(documentID: String, pairs: [MatchedPair] = [], missed: [Int] = [], spurious: [Int] = []) {
        self.documentID = documentID
        self.pairs = pairs
        self.missed = missed
        self.spurious = spurious
    }

    /// The errors of `kind` in this document, in gold order (prediction order for spurious).
    public func instances(of kind: ErrorKind) -> [ErrorInstance] {
        switch kind {
        case .missed:
            return missed.map { ErrorInstance(documentID: documentID, kind: kind, gold: $0, predicted: nil) }
        case .spurious:
            return spurious.map { ErrorInstance(documentID: documentID, kind: kind, gold: nil, predicted: $0) }
        case .wrongSource, .wrongCue, .boundaryOnly:
            return pairs.filter { $0.errors.contains(kind) }.map {
                ErrorInstance(documentID: documentID, kind: kind, gold: $0.gold, predicted: $0.predicted)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id"
        case pairs, missed, spurious
    }
}
