import ClaimModel
import ClaimStore
import Testing
@testable import Terminal

/// The REPL shows a claim in the sentences the extractor split (Extraction's `SentenceIndex`):
/// an abbreviation ("Sen.", "Gov.") does not end a sentence on screen any more than in the rules.
@Suite struct SentenceContextTests {
    static let text = "Storm update\n\nThe mayor met Sen. Cole. Gov. Ward said the bridge is closed. "
        + "Repairs start today. Schools reopen Monday."

    func session() throws -> Session {
        let store = try ClaimStore.inMemory(clock: { "2026-11-25T10:00:00.000Z" })
        _ = try store.ingest([(Document(id: "update", text: Self.text, title: "Storm update"), "test")])
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "test", version: nil, parameters: nil)
        func span(_ needle: String) -> Fragments? { ScalarText(Self.text).occurrences(of: needle).first.map { Fragments($0) } }
        let claim = Attribution(source: span("Ward"), cue: span("said"), content: span("the bridge is closed"),
                                sourceType: .namedPerson, anonymous: false, sourceEntity: "ward", confidence: 0.9)
        try store.saveRunOutput(runID: run.rowID, [(documentRowID: try store.documentRowIDs()[0], attributions: [claim])])
        return try Session(store: store, storePath: ":memory:", annotator: "ana", runName: nil, startDocument: nil,
                           renderer: Renderer(style: .plain))
    }

    @Test func theClaimScreenShowsTheWholeSentenceAfterAnAbbreviation() throws {
        let screen = try session().execute("show").text
        #expect(screen.components(separatedBy: "\n").contains(
            "  Gov. [[src: Ward]] [[cue: said]] [[con: the bridge is closed]]."))
    }

    @Test func contextCountsSentencesAsTheExtractorDoes() throws {
        #expect(try session().execute("context").text == """
              Storm update
              The mayor met Sen. Cole.
            > Gov. [[src: Ward]] [[cue: said]] [[con: the bridge is closed]].
              Repairs start today.
              Schools reopen Monday.
            """)
    }
}
