import ClaimModel
import Foundation
import Review
import Testing
@testable import Terminal
@testable import Workbench

/// The queue's order as a function of (confidence, threshold), and `accept-above --filter` over
/// several documents as the analyst sees them.
@Suite struct QueueOrderTests {
    static func claims(_ confidences: [Double?]) -> [ReviewDesk.Queued] {
        confidences.enumerated().map { ReviewDesk.Queued(rowID: Int64($0.offset + 1), documentRowID: 1, confidence: $0.element) }
    }

    @Test func uncertainPutsTheClosestToTheThresholdFirst() {
        let sorted = QueueOrder.uncertain.sorted(Self.claims([0.95, 0.2, nil, 0.85, 0.91, 0.5]), threshold: 0.9)
        #expect(sorted.map(\.rowID) == [5, 1, 4, 6, 2, 3])
    }

    @Test func equalDistancesKeepDocumentOrder() {
        let sorted = QueueOrder.uncertain.sorted(Self.claims([0.75, 0.25, 0.5, 0.25]), threshold: 0.5)
        #expect(sorted.map(\.rowID) == [3, 1, 2, 4])
    }

    @Test func confidenceIsHighestFirstAndDocumentKeepsTheOrder() {
        let claims = Self.claims([0.3, nil, 0.9, 0.6])
        #expect(QueueOrder.confidence.sorted(claims, threshold: 0).map(\.rowID) == [3, 4, 1, 2])
        #expect(QueueOrder.document.sorted(claims, threshold: 0.5).map(\.rowID) == [1, 2, 3, 4])
    }

    @Test func theKeyIsAFunctionOfConfidenceAndThresholdOnly() {
        #expect(QueueOrder.uncertain.key(confidence: 0.6, threshold: 0.9) == QueueOrder.uncertain.key(confidence: 0.6, threshold: 0.9))
        #expect(QueueOrder.uncertain.key(confidence: nil, threshold: 0.9) == nil)
        #expect(QueueOrder.uncertain.key(confidence: .nan, threshold: 0.9) == nil)
        #expect(QueueOrder.confidence.key(confidence: 0.6, threshold: 0.1) == -0.6)
    }

    /// Across documents the filter decides as the analyst sees a claim: a claim whose type they
    /// corrected away from the filter's type is left out, one they already judged too.
    @Test func acceptAboveFilterTakesTheWholeFilteredQueue() throws {
        let fixture = try REPLFixture(extraDocuments: [Document(id: "later", text: "Ann said it rained."),
                                                       Document(id: "last", text: "Bo said it snowed.")])
        let text = try fixture.transcript(["goto later", "type anonymous", "goto storm", "filter type named_person", "c",
                                           "accept-above 0.45 --filter", "q"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("accepted 2 claims at ≥ 0.45 (expected precision unknown: no calibration yet, no document is marked done); `undo` takes them all back"))
        let log = try fixture.store.annotations(annotator: "ana", runID: fixture.runID)
        let bulk = log.filter { $0.entry.bulk != nil }
        // storm #3 (0.70) and last #6 (0.50); not #1 (judged), #2/#4 (other types), #5 (corrected to anonymous).
        #expect(bulk.map(\.entry.attributionID) == [3, 6])
        #expect(bulk.map(\.entry.bulk) == [BulkAcceptance(threshold: 0.45, count: 2), BulkAcceptance(threshold: 0.45, count: 2)])
    }
}
