import ClaimModel
import ClaimStore
import Review
import Testing
import TestSupport
@testable import Workbench

/// `agreement --run`: two annotators who disagree on run "rules" and agree on run "m1" (the same
/// claim, found by both) are measured per run, or pooled over both.
@Suite struct AgreementByRunTests {
    @Test func agreementOfOneRunCountsThatRunsClaimsOnly() throws {
        let text = "Ana said it rained."
        let claim = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 18)),
                                sourceType: .namedPerson)
        let built = try TestStore([(Document(id: "d1", text: text), [claim])])
        let store = built.store
        let model = try store.createRun(name: "m1", kind: .extractor, extractor: "model:m1", version: nil, parameters: nil).rowID
        try store.saveRunOutput(runID: model, [(documentRowID: built.documentRowIDs[0], attributions: [claim])])
        let rulesClaim = try built.claimRowIDs()[0]
        let modelClaim = try store.attributions(runID: model, documentRowID: built.documentRowIDs[0])[0].rowID
        let desk = ReviewDesk(Workspace(store: store))
        for (annotator, run, claimID, action) in [("ana", built.runID, rulesClaim, ReviewAction.confirm),
                                                  ("bo", built.runID, rulesClaim, .reject(reason: nil)),
                                                  ("ana", model, modelClaim, .confirm), ("bo", model, modelClaim, .confirm)] {
            _ = try desk.append(ReviewEntry(annotator: annotator, runID: run, documentRowID: built.documentRowIDs[0],
                                            attributionID: claimID, action: action))
        }
        let workspace = Workspace(store: store)
        let rules = try workspace.agreement(format: .table, runName: "rules").split(separator: "\n")
        #expect(rules.prefix(5).last == "ana        bo             1  0.000  0.000")
        #expect(try workspace.agreement(format: .table, runName: "m1").split(separator: "\n").prefix(5) == [
            "run \"m1\" only",
            "on verdicts (confirmed / corrected / rejected / added)",
            "2 annotators, 1 item labelled by more than one",
            "annotator  annotator  items  agree  kappa",
            "ana        bo             1  1.000      -",
        ])
        // Pooled: both runs' claims, one agreed and one not.
        #expect(try workspace.agreement(format: .table).split(separator: "\n").prefix(4) == [
            "on verdicts (confirmed / corrected / rejected / added)",
            "2 annotators, 2 items labelled by more than one",
            "annotator  annotator  items  agree  kappa",
            "ana        bo             2  0.500  0.000",
        ])
        #expect(throws: WorkbenchError.self) { try workspace.agreement(format: .table, runName: "nope") }
    }

    /// Before: "annotators so far: none" whatever had been reviewed, since only claims two
    /// annotators judged are counted. Now the line names who has given verdicts.
    @Test func withoutASharedClaimTheLineNamesWhoHasJudged() throws {
        let text = "Ana said it rained. Bo said it snowed."
        let first = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 18)))
        let second = Attribution(source: Fragments(Span(20, 22)), cue: Fragments(Span(23, 27)), content: Fragments(Span(28, 37)))
        let built = try TestStore([(Document(id: "d1", text: text), [first, second])])
        let claims = try built.claimRowIDs()
        let workspace = Workspace(store: built.store)
        let desk = ReviewDesk(workspace)
        func judge(_ annotator: String, _ claim: Int64, _ action: ReviewAction) throws {
            _ = try desk.append(ReviewEntry(annotator: annotator, runID: built.runID, documentRowID: built.documentRowIDs[0],
                                            attributionID: claim, action: action))
        }
        let prefix = "agreement needs claims reviewed by at least two annotators"
        #expect(try workspace.agreement(format: .table) == prefix + "; no claim has a verdict yet")
        // A tag is not a verdict.
        try judge("bo", claims[0], .tag(["later"]))
        #expect(try workspace.agreement(format: .table) == prefix + "; no claim has a verdict yet")
        try judge("ana", claims[0], .confirm)
        #expect(try workspace.agreement(format: .table) == prefix + "; so far only ana has given verdicts")
        try judge("bo", claims[1], .reject(reason: nil))
        #expect(try workspace.agreement(format: .table, runName: "rules")
            == prefix + " in run \"rules\"; ana, bo have given verdicts, but never on the same claim")
        try judge("bo", claims[0], .confirm)
        #expect(try workspace.agreement(format: .table).hasPrefix("on verdicts (confirmed / corrected / rejected / added)\n"))
    }
}
