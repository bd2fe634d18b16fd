import ClaimModel
import Review
import Testing

/// `accept-above`: its verdicts fold as confirms marked bulk, and undo/redo treat them as one step.
@Suite struct BulkTests {
    static let mark = BulkAcceptance(threshold: 0.9, count: 2)

    /// ana rejects #1 (entry 1), then accepts #1 and #2 in one bulk step (entries 2 and 3).
    static func bulkLog() -> LogBuilder {
        var log = LogBuilder()
        log.add("ana", 1, .reject(reason: nil))
        log.add("ana", 1, .confirm, bulk: mark)
        log.add("ana", 2, .confirm, bulk: mark)
        return log
    }

    @Test func bulkVerdictsFoldAsBulkConfirms() {
        let reviews = Self.bulkLog().ledger.reviews(by: "ana", base: Claims.base)
        #expect(reviews[1]?.verdict == .confirmed)
        #expect(reviews[1]?.bulk == true)
        #expect(reviews[1]?.bulkThreshold == 0.9)
        #expect(reviews[1]?.review == Review(status: .confirmed, annotator: "ana", at: "t2", bulk: true))
        #expect(reviews[2]?.review?.bulk == true)
    }

    @Test func aVerdictOfTheirOwnEndsTheBulkMark() {
        var log = Self.bulkLog()
        log.add("ana", 2, .confirm)
        let reviews = log.ledger.reviews(by: "ana", base: Claims.base)
        #expect(reviews[2]?.bulk == false)
        #expect(reviews[2]?.bulkThreshold == nil)
        #expect(reviews[1]?.bulk == true)
    }

    @Test func theBulkStepIsOneUndoStep() {
        let log = Self.bulkLog()
        let history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [2, 3])
        #expect(history.undoable.map(\.id) == [1, 2, 3])
        #expect(history.lastRedoStep == nil)
    }

    @Test func undoingEveryEntryOfTheStepMovesItToRedoAndUnjudgesTheClaims() {
        var log = Self.bulkLog()
        log.add("ana", 1, .undo(of: 2))
        log.add("ana", 2, .undo(of: 3))
        let history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [1])
        #expect(history.lastRedoStep?.map(\.id) == [4, 5])
        let reviews = log.ledger.reviews(by: "ana", base: Claims.base)
        // #1 falls back to ana's earlier reject; #2 has no verdict again.
        #expect(reviews[1]?.verdict == .rejected)
        #expect(reviews[1]?.bulk == false)
        #expect(reviews[2]?.verdict == nil)
    }

    @Test func redoRestoresTheWholeStep() {
        var log = Self.bulkLog()
        log.add("ana", 1, .undo(of: 2))
        log.add("ana", 2, .undo(of: 3))
        log.add("ana", 1, .redo(of: 4))
        log.add("ana", 2, .redo(of: 5))
        let history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [2, 3])
        #expect(history.lastRedoStep == nil)
        let reviews = log.ledger.reviews(by: "ana", base: Claims.base)
        #expect(reviews[1]?.verdict == .confirmed)
        #expect(reviews[1]?.bulk == true)
        #expect(reviews[2]?.verdict == .confirmed)
    }

    @Test func halfUndoneStepStaysOnTheUndoStack() {
        var log = Self.bulkLog()
        log.add("ana", 2, .undo(of: 3))
        let history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [2])
        #expect(history.lastRedoStep == nil)
    }

    @Test func twoBulkStepsInARowStayTwoSteps() {
        var log = Self.bulkLog()
        log.add("ana", 1, .confirm, bulk: BulkAcceptance(threshold: 0.5, count: 1))
        let history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [4])
        var undone = log
        undone.add("ana", 1, .undo(of: 4))
        #expect(UndoHistory(undone.entries).lastUndoStep?.map(\.id) == [2, 3])
    }

    @Test func aNewActionAfterUndoClearsRedo() {
        var log = Self.bulkLog()
        log.add("ana", 1, .undo(of: 2))
        log.add("ana", 2, .undo(of: 3))
        log.add("ana", 1, .note("n"))
        let history = UndoHistory(log.entries)
        #expect(history.lastRedoStep == nil)
        #expect(history.lastUndoStep?.map(\.id) == [6])
    }

    @Test func theGoldCountsBulkClaimsAndTheLowestThreshold() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm, bulk: BulkAcceptance(threshold: 0.9, count: 1))
        log.add("ana", 2, .confirm, bulk: BulkAcceptance(threshold: 0.8, count: 1))
        let claims = [GoldClaim(id: 1, attribution: Claims.one, isAdded: false, addedBy: nil),
                      GoldClaim(id: 2, attribution: Claims.two, isAdded: false, addedBy: nil)]
        let outcome = GoldConsensus(claims: claims, annotators: ["ana"], log: log.ledger)
            .decide(log: log.ledger, useAdjudication: true)
        #expect(outcome.gold?.count == 2)
        #expect(outcome.bulkAccepted == 2)
        #expect(outcome.bulkThreshold == 0.8)
    }
}
