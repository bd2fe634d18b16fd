import ClaimModel
import Review
import Testing

/// A correction written because of the one before it (the entity that follows a moved source,
/// marked `follows`): one undo step with it, whatever else the log holds.
@Suite struct FollowingCorrectionTests {
    static let moved = Claims.correction("source", of: Claims.one) { $0.source = Fragments(Span(20, 23)) }
    static let entity = ReviewAction.correct(FieldChange(field: "entity", old: .null, new: .string("bob")))

    /// ana confirms #2 (1), then moves #1's source and its entity follows (2, 3).
    static func log() -> LogBuilder {
        var log = LogBuilder()
        log.add("ana", 2, .confirm)
        log.add("ana", 1, moved)
        log.add("ana", 1, entity, follows: "source")
        return log
    }

    @Test func theSourceAndTheEntityThatFollowedAreOneStep() {
        let history = UndoHistory(Self.log().entries)
        #expect(history.lastUndoStep?.map(\.id) == [2, 3])
        #expect(history.undoable.map(\.id) == [1, 2, 3])
    }

    @Test func undoingBothMovesTheStepToRedoAndRedoBringsItBack() {
        var log = Self.log()
        log.add("ana", 1, .undo(of: 3))
        log.add("ana", 1, .undo(of: 2))
        var history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [1])
        #expect(history.lastRedoStep?.map(\.id) == [4, 5])
        // Nothing of ana's on #1 counts any more.
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1] == nil)
        log.add("ana", 1, .redo(of: 5))
        log.add("ana", 1, .redo(of: 4))
        history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [2, 3])
        #expect(history.lastRedoStep == nil)
        var expected = Claims.one
        expected.source = Fragments(Span(20, 23))
        expected.sourceEntity = "bob"
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1]?.attribution == expected)
    }

    @Test func anEntityTypedAsItsOwnCommandIsItsOwnStep() {
        var log = LogBuilder()
        log.add("ana", 1, Self.moved)
        log.add("ana", 1, Self.entity)
        #expect(UndoHistory(log.entries).lastUndoStep?.map(\.id) == [2])
    }

    @Test func aFollowsMarkJoinsOnlyItsFieldOnTheSameClaim() {
        var other = LogBuilder()
        other.add("ana", 2, Self.moved)
        other.add("ana", 1, Self.entity, follows: "source")
        #expect(UndoHistory(other.entries).lastUndoStep?.map(\.id) == [2])
        var cue = LogBuilder()
        cue.add("ana", 1, Claims.correction("cue", of: Claims.one) { $0.cue = nil })
        cue.add("ana", 1, Self.entity, follows: "source")
        #expect(UndoHistory(cue.entries).lastUndoStep?.map(\.id) == [2])
    }

    @Test func anAdjudicationsFollowingEntityJoinsItsCorrection() {
        var log = LogBuilder()
        log.add("cy", 1, Self.moved, adjudication: Adjudication())
        log.add("cy", 1, Self.entity, adjudication: Adjudication(), follows: "source")
        #expect(UndoHistory(log.entries, adjudications: true).lastUndoStep?.map(\.id) == [1, 2])
    }
}
