import ClaimModel
import Review
import Testing

/// `same ID` / `different ID` in the log: not claim verdicts, undoable like any entry, folded into
/// one standing verdict per pair and annotator whichever side it was given from.
@Suite struct LinkVerdictTests {
    @Test func aLinkVerdictIsNoClaimVerdict() {
        #expect(!ReviewAction.same(other: 4).isVerdict)
        #expect(ReviewAction.different(other: 4).linkedClaim == 4)
        #expect(ReviewAction.same(other: 4).label == "same #4")
        var log = LogBuilder()
        log.add("ana", 1, .same(other: 2))
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1]?.verdict == nil)
    }

    @Test func laterVerdictsReplaceEarlierOnesFromEitherSide() {
        var log = LogBuilder()
        log.add("ana", 9, .same(other: 3))
        log.add("ana", 3, .different(other: 9))
        log.add("ben", 3, .same(other: 9))
        log.add("ana", 5, .same(other: 6))
        #expect(log.ledger.linkJudgements == [
            LinkJudgement(a: 3, b: 9, same: false, annotator: "ana"),
            LinkJudgement(a: 3, b: 9, same: true, annotator: "ben"),
            LinkJudgement(a: 5, b: 6, same: true, annotator: "ana"),
        ])
    }

    @Test func undoAndRedoWorkAsForAnyEntry() {
        var log = LogBuilder()
        let verdict = log.add("ana", 1, .same(other: 2))
        let undo = log.add("ana", 1, .undo(of: verdict))
        #expect(log.ledger.linkJudgements.isEmpty)
        var history = UndoHistory(log.entries)
        #expect(history.lastRedoStep?.map(\.id) == [undo])
        log.add("ana", 1, .redo(of: undo))
        #expect(log.ledger.linkJudgements == [LinkJudgement(a: 1, b: 2, same: true, annotator: "ana")])
        history = UndoHistory(log.entries)
        #expect(history.lastUndoStep?.map(\.id) == [verdict])
    }
}
