import Workbench

/// The order the review queue walks the claims in (`order document|uncertain|confidence`).
///
/// `uncertain` puts first the claims whose confidence is closest to the calibrated auto-accept
/// threshold: below it a claim is not trusted enough to accept unread, above it barely so, and an
/// analyst's verdict there teaches the most. The order is a function of (confidence, threshold)
/// alone, so another confidence — a learned model's — can be sorted by the same rule.
public enum QueueOrder: String, CaseIterable, Sendable {
    /// Documents in ingestion order, claims in document order (the queue as it always was).
    case document
    /// Closest to the threshold first.
    case uncertain
    /// Highest confidence first.
    case confidence

    /// The key `sorted` orders by, smaller first; nil (a claim without confidence) goes last.
    public func key(confidence: Double?, threshold: Double) -> Double? {
        guard let confidence, confidence.isFinite else { return nil }
        switch self {
        case .document: return 0
        case .uncertain: return abs(confidence - threshold)
        case .confidence: return -confidence
        }
    }

    /// `claims` (given in document order) in this order; equal keys keep document order.
    public func sorted(_ claims: [ReviewDesk.Queued], threshold: Double) -> [ReviewDesk.Queued] {
        guard self != .document else { return claims }
        let keyed = claims.enumerated().map { (index: $0.offset, key: key(confidence: $0.element.confidence, threshold: threshold)) }
        let order = keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?): return x != y ? x < y : a.index < b.index
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.index < b.index
            }
        }
        return order.map { claims[$0.index] }
    }

    /// The threshold `uncertain` centres on when no calibration exists yet.
    public static let uncalibratedThreshold = 0.5
}

/// What the session keeps for the queue's order and for `accept-above`.
struct QueueState {
    var order: QueueOrder = .document
    /// The run's claims in `order` (nil in document order), and each claim's place in it.
    var ordered: [ReviewDesk.Queued]?
    var place: [Int64: Int] = [:]
    /// The threshold `ordered` was sorted around.
    var threshold = QueueOrder.uncalibratedThreshold
    /// The calibration, computed once per session on first need (`.some(nil)`: none exists).
    var calibration: QueueCalibration??
    /// Why there is no calibration, once computed: said where an expected precision or the
    /// calibrated threshold would be.
    var calibrationGap = "no document is marked done"
    /// Asked on a terminal before a bulk acceptance; under a pipe it acts at once.
    var asksBeforeBulk = false
    /// The acceptance waiting for the analyst's y/N.
    var pending: PendingBulk?
}

/// An `accept-above` that asked before acting.
struct PendingBulk {
    var threshold: Double
    var claims: [ReviewDesk.Queued]
    var scope: BulkScope
    var expected: Double?
}

/// Where `accept-above` looks.
enum BulkScope: Equatable, Sendable {
    /// The document on screen (as the filter shows it).
    case document
    /// Every document, as the filter's queue holds them.
    case filter
}
