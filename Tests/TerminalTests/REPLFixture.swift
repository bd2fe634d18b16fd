import ClaimModel
import ClaimStore
import Foundation
@testable import Terminal
@testable import Workbench

/// A small store for REPL tests: one short article with four claims (plus, on request, the seed
/// article's gold as a second document), a fixed clock, the plain renderer.
struct REPLFixture {
    static let text = """
        Storm hits coast

        The mayor said the bridge is closed. Officials told Reuters that repairs will take weeks. \
        "We are ready," the mayor added. It is believed the damage is severe.
        """

    let store: ClaimStore
    let runID: Int64

    init(extraDocuments: [Document] = []) throws {
        store = try ClaimStore.inMemory(clock: { "2026-11-25T10:00:00.000Z" })
        let storm = Document(id: "storm", text: Self.text, title: "Storm hits coast", publisher: "Gazette")
        _ = try store.ingest([(storm, "test")] + extraDocuments.map { ($0, "test") })
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "test", version: nil, parameters: nil)
        runID = run.rowID
        let rowID = try store.documentRowIDs()[0]
        try store.saveRunOutput(runID: runID, [(documentRowID: rowID, attributions: Self.claims)])
        for (i, d) in extraDocuments.enumerated() {
            try store.saveRunOutput(runID: runID, [(documentRowID: try store.documentRowIDs()[i + 1], attributions: Self.claims(in: d.text))])
        }
    }

    static func span(_ needle: String, after: Int = 0, in text: String = REPLFixture.text) -> Fragments? {
        let found = ScalarText(text).occurrences(of: needle).filter { $0.start >= after }
        return found.first.map { Fragments($0) }
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
