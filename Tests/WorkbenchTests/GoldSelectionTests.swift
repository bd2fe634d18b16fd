import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Workbench

/// Gold from the analysts' log: unanimous claims, disagreements left out, adjudication deciding.
@Suite struct GoldSelectionTests {
    let workspace: Workspace
    let documentRowID: Int64
    let runID: Int64
    let claims: [Int64]

    init() throws {
        let a1 = Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)), content: Fragments(Span(15, 25)),
                             sourceType: .namedPerson, anonymous: false, confidence: 0.9)
        let a2 = Attribution(source: Fragments(Span(27, 33)), cue: Fragments(Span(34, 38)), content: Fragments(Span(39, 46)),
                             sourceType: .namedOrganization, anonymous: false, confidence: 0.4)
        let built = try TestStore([(Document(id: "d", text: "The mayor said fares rise. Police said nothing."), [a1, a2])],
                                  origin: "d.txt", extractor: "rules", version: "1")
        workspace = Workspace(store: built.store)
        documentRowID = built.documentRowIDs[0]
        runID = built.runID
        claims = try built.claimRowIDs()
    }

    func verdict(_ who: String, _ action: String, _ claim: Int64, fields: String? = nil) throws {
        try workspace.store.append(NewAnnotation(annotator: who, runID: runID, documentRowID: documentRowID,
                                                 attributionID: claim, action: action, fields: fields))
    }

    func done(_ who: String) throws {
        try workspace.store.markDocument(documentRowID, annotator: who, runID: runID, status: "done")
    }

    @Test func aDocumentNobodyMarkedDoneGivesNoGold() throws {
        try verdict("ana", "confirm", claims[0])
        let gold = try workspace.goldFromAnnotations()
        #expect(gold.documents.isEmpty && gold.disagreements.isEmpty && gold.totalDocuments == 1)
    }

    @Test func oneAnnotatorsConfirmedClaimsAreGoldAndRejectedOnesAreNot() throws {
        try verdict("ana", "confirm", claims[0])
        try verdict("ana", "reject", claims[1])
        try done("ana")
        let gold = try workspace.goldFromAnnotations()
        #expect(gold.documents.map { $0.attributions.map(\.content) } == [[Fragments(Span(15, 25))]])
        #expect(gold.documents.first?.attributions.first?.review?.status == .confirmed)
        #expect((gold.reviewedClaims, gold.claimsInDoneDocuments) == (2, 2))
    }

    @Test func annotatorsWhoDisagreeLeaveTheDocumentOutUntilAdjudicated() throws {
        try verdict("ana", "confirm", claims[0])
        try verdict("ana", "reject", claims[1])
        try verdict("bo", "confirm", claims[0])
        try verdict("bo", "confirm", claims[1])
        try done("ana")
        try done("bo")
        #expect(try workspace.goldFromAnnotations().disagreements == ["d"])
        #expect(try workspace.goldFromAnnotations(annotator: "bo").documents.first?.attributions.count == 2)

        try verdict("cy", "reject", claims[1], fields: #"{"adjudication":true}"#)
        let adjudicated = try workspace.goldFromAnnotations()
        #expect(adjudicated.disagreements == [])
        #expect(adjudicated.documents.first?.attributions.map(\.content) == [Fragments(Span(15, 25))])
        #expect(adjudicated.documents.first?.annotators == ["ana", "bo"])
    }

    @Test func aCorrectionOnlyOneAnnotatorMadeIsADisagreement() throws {
        try verdict("ana", "confirm", claims[0])
        try verdict("bo", "correct", claims[0], fields: #"{"field":"source","old":[[0,9]],"new":[[4,9]]}"#)
        try verdict("bo", "confirm", claims[0])
        for who in ["ana", "bo"] {
            try verdict(who, "reject", claims[1])
            try done(who)
        }
        #expect(try workspace.goldFromAnnotations().disagreements == ["d"])
    }
}

extension GoldSelectionTests {
    @Test func anAdjudicationWithoutAVerdictDecidesNothingYet() throws {
        try verdict("ana", "confirm", claims[0])
        try verdict("ana", "reject", claims[1])
        try verdict("bo", "confirm", claims[0])
        try verdict("bo", "confirm", claims[1])
        try done("ana")
        try done("bo")
        try verdict("cy", "correct", claims[1], fields: #"{"field":"outlet","old":null,"new":"AP","adjudication":true}"#)
        #expect(try workspace.goldFromAnnotations().disagreements == ["d"])
        #expect(throws: WorkbenchError.self) {
            try workspace.score(runName: "rules", against: "annotations", match: .overlap, format: .table)
        }
    }
}

extension GoldSelectionTests {
    @Test func reviewsOfAnotherRunDoNotDisputeTheGold() throws {
        try verdict("ana", "confirm", claims[0])
        try verdict("ana", "reject", claims[1])
        try verdict("bo", "confirm", claims[0])
        try verdict("bo", "reject", claims[1])
        try done("ana")
        try done("bo")
        // A third annotator reviewed imported gold of the same document (another run).
        let other = try workspace.store.createRun(name: "gold:cy", kind: .gold, extractor: "import-gold", version: nil, parameters: nil)
        try workspace.store.saveRunOutput(runID: other.rowID, [(documentRowID, [Attribution(content: Fragments(Span(39, 46)))])])
        let otherClaim = try #require(try workspace.store.attributions(runID: other.rowID, documentRowID: documentRowID).first)
        try workspace.store.append(NewAnnotation(annotator: "cy", runID: other.rowID, documentRowID: documentRowID,
                                                 attributionID: otherClaim.rowID, action: "confirm"))
        try workspace.store.markDocument(documentRowID, annotator: "cy", runID: other.rowID, status: "done")
        let gold = try workspace.goldFromAnnotations()
        #expect(gold.disagreements == [])
        #expect(gold.documents.first?.annotators == ["ana", "bo"])
        #expect(gold.documents.first?.attributions.map(\.content) == [Fragments(Span(15, 25))])
        #expect(try workspace.goldFromAnnotations(annotator: "cy").documents.first?.attributions.count == 1)
    }
}

extension GoldSelectionTests {
    func add(_ who: String, _ claim: Attribution) throws {
        _ = try workspace.store.addClaim(claim, runID: runID, documentRowID: documentRowID, annotator: who)
    }

    @Test func twoAnnotatorsAddingTheSameMissedClaimAgreeAndItCountsOnce() throws {
        let missed = Attribution(cue: Fragments(Span(34, 38)), content: Fragments(Span(39, 46)), sourceType: .implicit)
        for who in ["ana", "bo"] {
            try verdict(who, "confirm", claims[0])
            try verdict(who, "reject", claims[1])
            try add(who, missed)
            try done(who)
        }
        let gold = try workspace.goldFromAnnotations()
        #expect(gold.disagreements == [])
        #expect(gold.documents.first?.attributions.map(\.content) == [Fragments(Span(15, 25)), Fragments(Span(39, 46))])
    }

    @Test func aMissedClaimOnlyOneAnnotatorAddedIsADisagreement() throws {
        for who in ["ana", "bo"] {
            try verdict(who, "confirm", claims[0])
            try verdict(who, "reject", claims[1])
        }
        try add("ana", Attribution(cue: Fragments(Span(34, 38)), content: Fragments(Span(39, 46))))
        try done("ana")
        try done("bo")
        #expect(try workspace.goldFromAnnotations().disagreements == ["d"])
    }
}

extension GoldSelectionTests {
    @Test func anAdjudicatorIsNotACoderInAgreement() throws {
        try verdict("ana", "confirm", claims[1])
        try verdict("bo", "reject", claims[1])
        try verdict("cy", "reject", claims[1], fields: #"{"adjudication":true,"picked":"bo"}"#)
        let labels = try workspace.reviewLabels()
        #expect(labels.verdicts == [String(claims[1]): ["ana": "confirmed", "bo": "rejected"]])
    }
}
