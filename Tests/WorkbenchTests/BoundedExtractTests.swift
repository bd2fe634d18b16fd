import ClaimModel
import ClaimStore
import Testing
@testable import Workbench

/// `extract` in bounded pieces (issue 10.6): a long document is extracted slice by slice and its
/// claims written over many short transactions, with the same claims as in one piece.
@Suite struct BoundedExtractTests {
    static let names = ["Alice Moreau", "Bruno Keller", "Chiara Rossi", "Dmitri Volkov", "Elena Duarte", "Farid Haddad"]

    /// Paragraphs that each name their own speaker, so no claim depends on another paragraph.
    static var longText: String {
        "Council meets\n\n" + names.enumerated().map { i, name in
            "\(name) said the bridge \(i) is closed. \"Repairs on road \(i) will take weeks,\" \(name) told Reuters.\n\n"
        }.joined()
    }

    func claims(_ workspace: Workspace, run: String) throws -> [String] {
        let runID = try #require(try workspace.store.run(named: run)).rowID
        return try workspace.store.attributions(runID: runID, documentRowID: nil).map {
            let a = $0.attribution
            return "\($0.ordinal) \(a.id ?? "-") \(a.source?.description ?? "-") \(a.cue?.description ?? "-") \(a.content?.description ?? "-")"
        }
    }

    @Test func aLongDocumentInSlicesAndSmallTransactionsKeepsItsClaims() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.ingest([(Document(id: "long", text: Self.longText), "long.txt"),
                              (Document(id: "short", text: "Brief\n\nThe mayor said it was fine."), "short.txt")])
        let workspace = Workspace(store: store)
        let whole = try workspace.extract(runName: "whole")
        var limits = ExtractLimits()
        limits.sliceScalars = 150
        limits.claimsPerTransaction = 2
        limits.batchScalars = 10
        limits.pauseMicroseconds = 0
        let sliced = try workspace.extract(runName: "sliced", limits: limits)
        #expect(whole.claims == 13)
        #expect(sliced.claims == whole.claims)
        #expect(sliced.documents == 2)
        #expect(try claims(workspace, run: "sliced") == claims(workspace, run: "whole"))
        #expect(try store.run(named: "sliced")?.documents == 2)
    }

    @Test func slicesAreCutAtParagraphBreaksAndCoverTheText() {
        let text = Self.longText
        let slices = Workspace.slices(of: text, limit: 150)
        #expect(slices.map(\.text).joined() == text)
        #expect(slices.dropLast().allSatisfy { $0.text.hasSuffix("\n\n") && $0.scalars <= 150 })
        var offset = 0
        for slice in slices {
            #expect(slice.offset == offset)
            offset += slice.text.unicodeScalars.count
        }
        #expect(Workspace.slices(of: "no breaks at all here", limit: 8).map(\.text) == ["no break", "s at all", " here"])
    }
}
