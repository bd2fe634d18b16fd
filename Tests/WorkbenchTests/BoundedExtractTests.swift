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

    func entities(_ workspace: Workspace, run: String) throws -> [String] {
        let runID = try #require(try workspace.store.run(named: run)).rowID
        return try workspace.store.attributions(runID: runID, documentRowID: nil).map {
            "\($0.attribution.content?.description ?? "-") \($0.attribution.sourceEntity ?? "-")"
        }
    }

    /// Each paragraph's pronoun speaks for the person the paragraph before it names.
    static let pronounText = """
        Harbour news

        Dmitri Volkov, the harbour master, spoke on Monday. The pier is closed, Volkov said.

        He said the ferry will not run until Friday.

        Elena Duarte, the mayor, spoke on Tuesday. The budget is spent, Duarte said.

        She said the bridge will reopen in June.

        """

    /// `text` as one document extracted three times: whole (run "whole"), in slices of `slice`
    /// scalars read with their context ("sliced") and read alone ("alone").
    func threeRuns(_ text: String, slice: Int) throws -> Workspace {
        let store = try SQLiteStore.inMemory()
        _ = try store.ingest([(Document(id: "doc", text: text), "doc.txt")])
        let workspace = Workspace(store: store)
        _ = try workspace.extract(runName: "whole")
        var limits = ExtractLimits()
        limits.sliceScalars = slice
        limits.pauseMicroseconds = 0
        _ = try workspace.extract(runName: "sliced", limits: limits)
        limits.contextScalars = 0
        _ = try workspace.extract(runName: "alone", limits: limits)
        return workspace
    }

    @Test func aPronounAtASliceStartFindsTheSpeakerNamedInTheSliceBefore() throws {
        let slices = Workspace.slices(of: Self.pronounText, limit: 130)
        #expect(slices.map { $0.text.prefix(12) } == ["Harbour news", "He said the ", "She said the"])
        let workspace = try threeRuns(Self.pronounText, slice: 130)
        let whole = try entities(workspace, run: "whole")
        #expect(whole == ["[66, 84] volkov", "[108, 143] volkov", "[189, 208] duarte", "[233, 263] duarte"])
        #expect(try entities(workspace, run: "sliced") == whole)
        #expect(try claims(workspace, run: "sliced") == claims(workspace, run: "whole"))
        // Read alone, each slice's pronoun had no one to speak for.
        #expect(try entities(workspace, run: "alone") == ["[66, 84] volkov", "[108, 143] speaker", "[189, 208] duarte",
                                                          "[233, 263] speaker"])
    }

    @Test func aSliceIsReadFromTheFirstBreakNearTheEndOfTheSliceBeforeToTheLastNearTheStartOfTheNext() {
        let slices = [(offset: 0, scalars: 0, text: "One. Two words here.\nThird line\n\nLast para.\n\n"),
                      (offset: 0, scalars: 0, text: "Next slice. "), (offset: 0, scalars: 0, text: "no break at all"),
                      (offset: 0, scalars: 0, text: "x")].map { s in (offset: s.offset, scalars: s.text.unicodeScalars.count, text: s.text) }
        let read = Workspace.readings(of: slices, context: 40)
        // The first slice's lead-out: "Next slice. " has no break with text after it.
        #expect(read.map(\.text) == ["One. Two words here.\nThird line\n\nLast para.\n\n",
                                     "Last para.\n\nNext slice. ", "no break at all", "x"])
        #expect(read.map(\.leadIn) == [0, 12, 0, 0])
        #expect(read.map(\.scalars) == slices.map(\.scalars))
        #expect(Workspace.readings(of: slices, context: 30)[1].text == "Last para.\n\nNext slice. ")
        // No paragraph break with text after it: after a line break, else after a sentence end.
        #expect(Workspace.readings(of: [(0, 24, "alpha beta\ngamma delta\n\n"), (24, 1, "z")], context: 40)[1].text
            == "gamma delta\n\nz")
        #expect(Workspace.readings(of: [(0, 19, "Alpha beta. Gamma. "), (19, 1, "z")], context: 12)[1].text == "Gamma. z")
        #expect(Workspace.readings(of: [(0, 2, "\n\n"), (2, 1, "z")], context: 12)[1].text == "z")
        #expect(Workspace.readings(of: slices, context: 0)[1].text == "Next slice. ")
        // The lead-out runs to the last break in the next slice's first `context` scalars.
        let next = [(0, 3, "a.\n"), (3, 40, "First para.\n\nSecond para.\n\nThird para.\n\n")]
        #expect(Workspace.readings(of: next, context: 30)[0].text == "a.\nFirst para.\n\nSecond para.\n\n")
        #expect(Workspace.readings(of: next, context: 20)[0].text == "a.\nFirst para.\n\n")
        #expect(Workspace.readings(of: next, context: 5)[0].text == "a.\n")
    }

    /// One line with no break (as corpora that store a text on one line have it): slices are cut at
    /// sentence ends, here inside a quotation whose speaker is named after it.
    static let oneLineText = "Harbour news. Volkov spoke on Monday about the winter storms. \"The pier is closed. "
        + "The ferry cannot dock,\" Dmitri Volkov said. Elena Duarte told Reuters the budget was spent. "

    @Test func aContentRunningPastASliceEndIsReadWhole() throws {
        let slices = Workspace.slices(of: Self.oneLineText, limit: 95)
        #expect(slices.map(\.text.unicodeScalars.count) == [83, 92])
        let workspace = try threeRuns(Self.oneLineText, slice: 95)
        let whole = try claims(workspace, run: "whole")
        // The quotation (62–106) and its cue (121) lie on both sides of the cut at 83.
        #expect(whole == ["0 r1 [107, 120] [121, 125] [62, 106]", "1 r2 [127, 139] [140, 144] [153, 173]"])
        #expect(try claims(workspace, run: "sliced") == whole)
        // Read alone, the first slice holds a quotation with no cue, and the second opens on a closing
        // quote mark, which leaves the rest of it inside an unclosed quotation: no claim at all.
        #expect(try claims(workspace, run: "alone") == [])
    }
}
