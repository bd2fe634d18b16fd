import ClaimModel
import ClaimStore
import Review
import Foundation
import TestSupport
@testable import Workbench

/// A store with a run and a few reviews, written for the export tests:
/// - d1 done by ana: one claim confirmed, one corrected (outlet), one rejected, one added;
/// - d2 reviewed by ana but not done (partial);
/// - d3 done by ana and ben, who disagree (left out of gold, measured by agreement).
enum ExportStore {
    static let d1 = TestTexts.prices
    static let d2 = "Officials said the port would reopen on Monday."
    static let d3 = "The mayor said the road is closed."

    static func make() throws -> Workspace {
        let built = try TestStore([
            (Document(id: "d1", text: d1, title: "Prices", publisher: "Ledger"), [
                Attribution(source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15)), content: Fragments(Span(30, 48)),
                            outlet: "Newsweek", sourceType: .namedPerson, anonymous: false, confidence: 0.91),
                Attribution(source: Fragments(Span(69, 81)), cue: Fragments(Span(82, 86)),
                            content: Fragments([Span(51, 67), Span(89, 99)]), outlet: "Ledger",
                            sourceType: .namedPerson, anonymous: false, confidence: 0.64),
                Attribution(cue: Fragments(Span(82, 86)), content: Fragments(Span(89, 99)), sourceType: .implicit, confidence: 0.22),
            ]),
            (Document(id: "d2", text: d2), [Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)),
                                                        content: Fragments(Span(15, 46)), sourceType: .anonymous, anonymous: true, confidence: 0.7)]),
            (Document(id: "d3", text: d3), [Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)),
                                                        content: Fragments(Span(15, 33)), sourceType: .namedPerson, anonymous: false, confidence: 0.8)]),
        ], extractor: "rules", version: "1.0", clock: "2026-11-25T10:00:00Z")
        let (store, run) = (built.store, built.runID)
        let workspace = Workspace(store: store)
        let (r1, r2, r3) = (built.documentRowIDs[0], built.documentRowIDs[1], built.documentRowIDs[2])
        let (c1, c2, c3) = (try built.claimRowIDs(0), try built.claimRowIDs(1), try built.claimRowIDs(2))
        func log(_ who: String, _ doc: Int64, _ claim: Int64?, _ action: String, fields: String? = nil,
                 confidence: String? = nil, note: String? = nil, tags: String? = nil) throws {
            _ = try store.append(NewAnnotation(annotator: who, runID: run, documentRowID: doc, attributionID: claim,
                                               action: action, fields: fields, confidence: confidence, note: note, tags: tags))
        }
        let before = try store.attributions(runID: run, documentRowID: r1)[1].attribution
        var after = before
        after.outlet = nil
        try log("ana", r1, c1[0], "confirm", confidence: "high", tags: #"["price"]"#)
        try store.append(ReviewEntry(annotator: "ana", runID: run, documentRowID: r1, attributionID: c1[1],
                                     action: .correct(FieldChange(field: "outlet", from: before, to: after))))
        try log("ana", r1, c1[1], "confirm", note: "the minister spoke to reporters, not to the Ledger")
        try log("ana", r1, c1[2], "reject", note: "no source")
        _ = try store.addClaim(
            Attribution(source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15)), content: Fragments(Span(30, 48)),
                        outlet: "Newsweek", sourceType: .namedPerson, anonymous: false, sourceEntity: "zoe-brandt"),
            runID: run, documentRowID: r1, annotator: "ana")
        try store.markDocument(r1, annotator: "ana", runID: run, status: "done")
        try log("ana", r2, c2[0], "confirm", confidence: "medium")
        try log("ana", r3, c3[0], "confirm")
        try log("ben", r3, c3[0], "reject")
        try store.markDocument(r3, annotator: "ana", runID: run, status: "done")
        try store.markDocument(r3, annotator: "ben", runID: run, status: "done")
        return workspace
    }
}

/// Export tests' scratch folder: the shared one (TestSupport), under its old name.
typealias ExportScratch = TestSupport.Scratch

extension ExportScratch {
    /// A folder named `claimdesk-export-…`.
    convenience init() throws { try self.init(prefix: "claimdesk-export") }
}
