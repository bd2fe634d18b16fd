import ClaimModel
import ClaimStore
import Extraction
import Testing
import TestSupport
@testable import Terminal
@testable import Workbench

/// A correcting verb's TEXT is looked for within the claim's reach: its sentences and the two
/// either side, what `context` shows. Farther away it is refused, the refusal saying where the
/// nearest occurrence is and how `--at` takes it; `add` keeps its source and cue to its content's
/// reach. The port article: a headline, then seven sentences; #1 is the harbour master's (the first
/// sentence), #2 the trader's (the sixth).
@Suite struct SpanReachTests {
    static let text = "Port to reopen\n\nThe harbour master said the port will reopen. Ferries were idle for a week. "
        + "Crews checked every berth. Tugs returned on Friday. Traders welcomed the news. "
        + "\"We lost a month,\" a trader said. The mayor agreed."

    static func span(_ needle: String, after: Int = 0) -> Fragments? { Fragments.first(needle, in: text, after: after) }

    static var claims: [Attribution] {
        [
            Attribution(source: span("The harbour master"), cue: span("said"), content: span("the port will reopen"),
                        sourceType: .namedPerson, confidence: 0.9),
            Attribution(source: span("a trader"), cue: span("said", after: 100), content: span("\"We lost a month,\""),
                        sourceType: .anonymous, confidence: 0.6),
        ]
    }

    static func store() throws -> SQLiteStore {
        try TestStore([(Document(id: "port", text: text, title: "Port to reopen"), claims)]).store
    }

    static func session(_ store: SQLiteStore, _ annotator: String = "ana") throws -> Session {
        try Session(store: store, storePath: ":memory:", annotator: annotator, runName: nil, startDocument: nil,
                    renderer: Renderer(style: .plain))
    }

    @Test func aFarMatchIsRefusedWithItsPlaceAndTakenWithAt() throws {
        let store = try Self.store()
        let session = try Self.session(store)
        let before = try store.annotations().count
        // "a trader" occurs only in the sixth sentence: four past #1's.
        let refused = session.execute(#"source "a trader""#)
        #expect(refused.failed)
        #expect(refused.text == "error: source: \"a trader\" does not occur in the claim's sentences or the two before or after them "
            + #"(0-118); the nearest is at 190-198, "…lost a month,\" a trader said. The…"; `source --at 190 198` "#
            + "takes it anyway; nothing changed")
        #expect(try store.annotations().count == before)
        let taken = session.execute("source --at 190 198")
        #expect(!taken.failed)
        #expect(taken.text.hasPrefix("source: [-The harbour master-] {+a trader+} (16-34 → 190-198)\n"))
    }

    /// What `context` shows is what the verbs accept: the second sentence before the claim's.
    @Test func whatContextShowsIsInReach() throws {
        let store = try Self.store()
        let session = try Self.session(store)
        _ = session.execute("goto #2")
        #expect(session.execute("context").text.contains("  Tugs returned on Friday."))
        #expect(!session.execute(#"source "Tugs""#).failed)
        // The cue "said" nearest #2 is its own; the first sentence's is beyond the reach.
        let refused = session.execute(#"source "The harbour master""#)
        #expect(refused.text == "error: source: \"The harbour master\" does not occur in the claim's sentences or the two before or after them "
            + "(62-222); the nearest is at 16-34, \"Port to reopen  The harbour master said the port…\"; "
            + "`source --at 16 34` takes it anyway; nothing changed")
    }

    /// `add` finds its content anywhere, then its source and cue within the content's reach; beyond
    /// it nothing is added and the line says how to go on.
    @Test func addKeepsItsSourceAndCueToTheContentsReach() throws {
        let store = try Self.store()
        let session = try Self.session(store)
        let before = try store.annotations().count
        let refused = session.execute(#"add "Ferries were idle for a week" source "a trader""#)
        #expect(refused.text == "error: source: \"a trader\" does not occur in the claim's sentences or the two before or after them "
            + #"(0-143); the nearest is at 190-198, "…lost a month,\" a trader said. The…"; "#
            + "add the claim without its source, then `source --at 190 198` takes it anyway; nothing changed")
        #expect(try store.annotations().count == before)
        #expect(!session.execute(#"add "Ferries were idle for a week" source "The harbour master" cue "said""#).failed)
        #expect(try store.annotations().count == before + 1)
        // Following the line: added without a source (typed implicit), then the source by offsets;
        // the type is left to the analyst, and the reply says so under the change.
        #expect(!session.execute(#"add "Crews checked every berth""#).failed)
        let lines = session.execute("source --at 190 198").text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["source: {+a trader+} (none → 190-198)",
                                           "note: its type is still implicit (no explicit source): `type TYPE` sets the source's"])
    }

    /// Of the occurrences within reach the nearest is taken, even when one beyond it is nearer.
    @Test func theReachIsTheClaimsSentencesAndTwoEitherSide() throws {
        let text = ScalarText("Al said A. Bo said that the storm will last for many long days. Cy agreed. No. Di said so. Ed said it. Fy said.")
        let sentences = SentenceIndex(spans: [Span(0, 10), Span(11, 63), Span(64, 74), Span(75, 78), Span(79, 90), Span(91, 102),
                                              Span(103, 111)])
        let claim = Span(64, 73)  // "Cy agreed"
        #expect(TextLocator.reach(of: claim, in: sentences) == Span(0, 90))
        #expect(TextLocator.reach(of: Span(3, 7), in: sentences) == Span(0, 74))
        #expect(TextLocator.reach(of: Span(104, 108), in: sentences) == Span(79, 111))
        #expect(TextLocator.reach(of: Span(0, 111), in: sentences) == Span(0, 111))
        #expect(TextLocator.reach(of: claim, in: SentenceIndex(spans: [])) == nil)
        // "Fy said" lies three sentences past the claim: refused, though "said" as such is found within reach.
        #expect(try TextLocator.find("said", in: text, near: claim, sentences: sentences, role: "cue") == Span(82, 86))
        #expect(try TextLocator.find("Fy said", in: text, near: claim, role: "cue") == Span(103, 110))
        // A match reaching into the reach counts: content stretched beyond it.
        #expect(try TextLocator.find("Di said so. Ed said it.", in: text, near: claim, sentences: sentences, role: "content") == Span(79, 102))
        #expect(throws: REPLError.outOfReach(role: "cue", text: "Fy said", reach: Span(0, 90), nearest: Span(103, 110),
                                              excerpt: #""…Ed said it. Fy said.""#)) {
            try TextLocator.find("Fy said", in: text, near: claim, sentences: sentences, role: "cue")
        }
        // Within reach, the nearest of several occurrences; beyond it, a nearer one does not count.
        let near = Span(91, 93)  // "Ed"
        #expect(TextLocator.reach(of: near, in: sentences) == Span(75, 111))
        #expect(try TextLocator.find("said", in: text, near: near, sentences: sentences, role: "cue") == Span(94, 98))
    }

    /// The excerpt: whole words either side of the match, white space of any kind as a space, escaped, quoted.
    @Test func theExcerptIsOneShortEscapedLine() {
        let text = ScalarText("First line here\nthen \"the\u{1B}[2J word\" and a good\u{A0}many more words after it")
        let match = text.occurrences(of: "word").first ?? Span(0, 0)
        #expect(TextLocator.excerpt(match, in: text) == #""…then \"the\u{1b}[2J word\" and a good…""#)
        // At the text's edges nothing is cut; a line break is a space.
        #expect(TextLocator.excerpt(Span(0, 5), in: text) == #""First line here then…""#)
        #expect(TextLocator.excerpt(Span(69, 71), in: text) == #""…words after it""#)
    }

    @Test func adjudicationKeepsToTheSameReach() throws {
        let store = try Self.store()
        _ = REPL.transcript(try Self.session(store, "ana"), lines: ["c", "c", "done"])
        _ = REPL.transcript(try Self.session(store, "bo"), lines: ["r", "c", "done"])
        let session = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        let start = try store.annotations().last?.id ?? 0
        #expect(session.execute(#"source "a trader""#) == Reply(
            text: "error: source: \"a trader\" does not occur in the claim's sentences or the two before or after them "
                + #"(0-118); the nearest is at 190-198, "…lost a month,\" a trader said. The…"; "#
                + "`source --at 190 198` takes it anyway; nothing changed", failed: true))
        #expect(try store.annotations().last?.id == start)
    }
}
