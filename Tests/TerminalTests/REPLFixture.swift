import ClaimModel
import ClaimStore
import Foundation
import TestSupport
@testable import Terminal
@testable import Workbench

/// A small store for REPL tests: one short article with four claims (plus, on request, the seed
/// article's gold as a second document), a fixed clock, the plain renderer.
struct REPLFixture {
    static let text = TestTexts.storm + #" "We are ready," the mayor added. It is believed the damage is severe."#

    let store: SQLiteStore
    let runID: Int64

    init(extraDocuments: [Document] = [], clock: (@Sendable () -> String)? = nil) throws {
        let storm = Document(id: "storm", text: Self.text, title: "Storm hits coast", publisher: "Gazette")
        let built = try TestStore([(storm, Self.claims)] + extraDocuments.map { ($0, Self.claims(in: $0.text)) }, ticking: clock)
        store = built.store
        runID = built.runID
    }

    static func span(_ needle: String, after: Int = 0, in text: String = REPLFixture.text) -> Fragments? {
        Fragments.first(needle, in: text, after: after)
    }

    static var claims: [Attribution] {
        [
            Attribution(source: span("The mayor"), cue: span("said"), content: span("the bridge is closed"),
                        sourceType: .namedPerson, anonymous: false, sourceEntity: "mayor", confidence: 0.9),
            Attribution(source: span("Officials"), cue: span("told"), content: span("that repairs will take weeks"),
                        outlet: "Reuters", sourceType: .anonymous, anonymous: true, sourceEntity: "officials", confidence: 0.4),
            Attribution(source: span("the mayor"), cue: span("added"), content: span("\"We are ready,\""),
                        sourceType: .namedPerson, anonymous: false, sourceEntity: "mayor", confidence: 0.7),
            Attribution(cue: span("It is believed"), content: span("the damage is severe"), sourceType: .implicit, confidence: 0.3),
        ]
    }

    /// One claim per document for extra documents: "X said Y." with X the first word.
    static func claims(in text: String) -> [Attribution] {
        guard let said = ScalarText(text).occurrences(of: " said ").first else { return [] }
        return [Attribution(source: Fragments(Span(0, said.start)), cue: Fragments(Span(said.start + 1, said.end - 1)),
                            content: Fragments(Span(said.end, ScalarText(text).count - 1)), sourceType: .namedPerson, confidence: 0.5)]
    }

    func session(_ annotator: String = "ana", doc: String? = nil) throws -> Session {
        try Session(store: store, storePath: ":memory:", annotator: annotator, runName: nil, startDocument: doc,
                    renderer: Renderer(style: .plain))
    }

    /// The transcript of `lines` typed into a new session of `annotator`.
    func transcript(_ lines: [String], as annotator: String = "ana") throws -> String {
        REPL.transcript(try session(annotator), lines: lines).text
    }
}
