import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Terminal

/// The REPL shows a claim in the sentences the extractor split (Extraction's `SentenceIndex`):
/// an abbreviation ("Sen.", "Gov.") does not end a sentence on screen any more than in the rules.
@Suite struct SentenceContextTests {
    static let text = "Storm update\n\nThe mayor met Sen. Cole. Gov. Ward said the bridge is closed. "
        + "Repairs start today. Schools reopen Monday."

    func session() throws -> Session {
        func span(_ needle: String) -> Fragments? { Fragments.first(needle, in: Self.text) }
        let claim = Attribution(source: span("Ward"), cue: span("said"), content: span("the bridge is closed"),
                                sourceType: .namedPerson, anonymous: false, sourceEntity: "ward", confidence: 0.9)
        let store = try TestStore([(Document(id: "update", text: Self.text, title: "Storm update"), [claim])]).store
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
