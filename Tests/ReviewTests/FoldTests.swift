import ClaimModel
import Review
import Testing

@Suite struct FoldTests {
    @Test func confirmAloneIsConfirmedWithItsTime() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        #expect(r?.verdict == .confirmed)
        #expect(r?.at == "t1")
        #expect(r?.attribution == Claims.one)
        #expect(r?.correctedFields == [])
    }

    @Test func correctionsThenConfirmAreCorrected() {
        var log = LogBuilder()
        log.add("ana", 1, Claims.correction("outlet", of: Claims.one) { $0.outlet = nil })
        log.add("ana", 1, Claims.correction("type", of: Claims.one) { $0.sourceType = .namedOrganization })
        log.add("ana", 1, Claims.correction("outlet", of: Claims.one) { $0.outlet = "Times" })
        log.add("ana", 1, .confirm)
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        #expect(r?.verdict == .corrected)
        #expect(r?.correctedFields == ["outlet", "type"])
        #expect(r?.attribution.outlet == "Times")
        #expect(r?.attribution.sourceType == .namedOrganization)
        #expect(r?.attribution.source == Claims.one.source)
    }

    @Test func aCorrectionAfterConfirmTurnsItIntoCorrected() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        log.add("ana", 1, Claims.correction("anon", of: Claims.one) { $0.anonymous = true })
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        #expect(r?.verdict == .corrected)
        #expect(r?.attribution.anonymous == true)
    }

    @Test func rejectKeepsItsReasonAsANote() {
        var log = LogBuilder()
        log.add("ana", 2, .reject(reason: "no source"))
        log.add("ana", 2, .note("checked twice"))
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[2]
        #expect(r?.verdict == .rejected)
        #expect(r?.notes == ["no source", "checked twice"])
        #expect(r?.review?.note == "no source\nchecked twice")
    }

    @Test func tagsAddedAndRemovedConfidenceReplaced() {
        var log = LogBuilder()
        log.add("ana", 1, .tag(["price", "quote"]))
        log.add("ana", 1, .tag(["quote", "hard"]))
        log.add("ana", 1, .untag(["price"]))
        log.add("ana", 1, .confidence(.low))
        log.add("ana", 1, .confidence(.high))
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        #expect(r?.tags == ["quote", "hard"])
        #expect(r?.confidence == .high)
        #expect(r?.verdict == nil)
        #expect(r?.review == nil)
    }

    @Test func undoRedoChains() {
        var log = LogBuilder()
        let confirm = log.add("ana", 1, .confirm)
        let undo = log.add("ana", 1, .undo(of: confirm))
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1] == nil)
        #expect(log.ledger.cancelled == [confirm])
        let redo = log.add("ana", 1, .redo(of: undo))
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1]?.verdict == .confirmed)
        #expect(log.ledger.cancelled == [undo])
        // Undo after a redo names the confirm again (as the REPL's history does): gone again.
        #expect(UndoHistory(log.entries).undoable.map(\.id) == [confirm])
        let second = log.add("ana", 1, .undo(of: confirm))
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[1] == nil)
        #expect(log.ledger.cancelled == [undo, confirm])
        #expect(log.ledger.effective.map(\.id) == [])
        #expect(UndoHistory(log.entries).redoable.map(\.id) == [second])
        _ = redo
    }

    @Test func undoHistoryStacks() {
        var log = LogBuilder()
        let a = log.add("ana", 1, .confirm)
        let b = log.add("ana", 2, .reject(reason: nil))
        let undo = log.add("ana", 2, .undo(of: b))
        var history = UndoHistory(log.entries)
        #expect(history.undoable.map(\.id) == [a])
        #expect(history.redoable.map(\.id) == [undo])
        let redo = LoggedReview(id: 4, entry: ReviewEntry(annotator: "ana", runID: 1, documentRowID: 1, attributionID: 2,
                                                          action: .redo(of: undo)), createdAt: "t4")
        history.record(redo)
        #expect(history.undoable.map(\.id) == [a, b])
        #expect(history.redoable.isEmpty)
        // A new action clears what redo could take back.
        let again = LoggedReview(id: 5, entry: ReviewEntry(annotator: "ana", runID: 1, documentRowID: 1, attributionID: 2,
                                                           action: .undo(of: b)), createdAt: "t5")
        history.record(again)
        history.record(LoggedReview(id: 6, entry: ReviewEntry(annotator: "ana", runID: 1, documentRowID: 1,
                                                              attributionID: 1, action: .note("x")), createdAt: "t6"))
        #expect(history.redoable.isEmpty)
        #expect(history.undoable.map(\.id) == [a, 6])
    }

    @Test func doneAndReopenLeaveClaimsAlone() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        let done = log.add("ana", nil, .done)
        log.add("ana", nil, .reopen)
        #expect(log.ledger.reviews(by: "ana", base: Claims.base).keys.sorted() == [1])
        #expect(log.ledger.effective.map(\.entry.action) == [.confirm, .done, .reopen])
        #expect(UndoHistory(log.entries).undoable.map(\.id).contains(done))
        #expect(log.entries[1].described == "done of this document")
        #expect(log.entries[0].described == "confirm of #1")
    }

    @Test func anAddThenUndoneIsWithdrawn() {
        var log = LogBuilder()
        let add = log.add("ana", 2, .add)
        #expect(log.ledger.reviews(by: "ana", base: Claims.base)[2]?.verdict == .added)
        log.add("ana", 2, .undo(of: add))
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[2]
        #expect(r?.withdrawn == true)
        #expect(r?.verdict == nil)
        #expect(r?.standing == nil)
    }

    @Test func anImportedVerdictKeepsItsStatusTimeAndExtras() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm, note: "from the file", confidence: .medium, tags: ["x"],
                imported: ImportedReview(status: .corrected, at: "2025-01-02T03:04:05Z"))
        let r = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        #expect(r?.verdict == .corrected)
        #expect(r?.at == "2025-01-02T03:04:05Z")
        #expect(r?.notes == ["from the file"])
        #expect(r?.confidence == .medium)
        #expect(r?.tags == ["x"])
    }

    @Test func eachAnnotatorFoldsTheirOwnEntries() {
        var log = LogBuilder()
        log.add("ana", 1, .confirm)
        log.add("ben", 1, .reject(reason: nil))
        log.add("ana", 2, .confirm)
        #expect(log.ledger.annotators == ["ana", "ben"])
        #expect(log.ledger.reviews(by: "ben", base: Claims.base)[1]?.verdict == .rejected)
        #expect(log.ledger.reviews(by: "ben", base: Claims.base)[2] == nil)
        #expect(log.ledger.rejectedClaims == [1])
    }

    @Test func theSessionsStepAgreesWithTheFold() {
        var log = LogBuilder()
        log.add("ana", 1, Claims.correction("cue", of: Claims.one) { $0.cue = Fragments(Span(4, 7)) })
        var review = log.ledger.reviews(by: "ana", base: Claims.base)[1]
        log.add("ana", 1, .confirm)
        review?.apply(log.entries[1])
        #expect(review == log.ledger.reviews(by: "ana", base: Claims.base)[1])
        #expect(review?.verdict == .corrected)
    }

    @Test func adjudicationPicksNameTheLastDecidingEntry() {
        var log = LogBuilder()
        log.add("cy", 1, Claims.correction("outlet", of: Claims.one) { $0.outlet = nil }, adjudication: Adjudication(picked: "ben"))
        log.add("cy", 1, .confirm, adjudication: Adjudication(picked: "ben"))
        let undone = log.add("cy", 2, .reject(reason: nil), adjudication: Adjudication())
        var marks = GoldConsensus.adjudications(in: log.ledger)
        #expect(marks[1]?.adjudicator == "cy")
        #expect(marks[1]?.picked == "ben")
        #expect(marks[2]?.picked == nil)
        log.add("cy", 2, .undo(of: undone))
        marks = GoldConsensus.adjudications(in: log.ledger)
        #expect(marks[2] == nil)
        #expect(marks.count == 1)
    }
}
