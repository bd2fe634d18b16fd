import ClaimModel
import Extraction
import Testing
@testable import Terminal
@testable import Workbench

/// A correcting verb's TEXT is looked for within the claim's reach: its sentences and the one
/// either side. Farther away it is refused, the refusal saying where the nearest occurrence is and
/// how `--at` takes it. The fixture's storm article: a headline, then four sentences, one claim in
/// each (#1 the mayor's, #2 the officials', #3 "We are ready," #4 "It is believed").
@Suite struct SpanReachTests {
    @Test func aFarMatchIsRefusedWithItsPlaceAndTakenWithAt() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        let before = try fixture.store.annotations().count
        // "the mayor" (lower case) occurs only in the third sentence after the headline: two past #1's.
        let refused = session.execute(#"source "the mayor""#)
        #expect(refused.failed)
        #expect(refused.text == "error: source: \"the mayor\" does not occur in the claim's sentences or the sentence before or after them "
            + #"(0-107); the nearest is at 124-133, "…are ready,\" the mayor added. It is…"; `source --at 124 133` takes it anyway; nothing changed"#)
        #expect(try fixture.store.annotations().count == before)
        #expect(session.execute("source --at 124 133").text == #"""
            source: [-The-] {+the+} mayor (18-27 → 124-133)
            storm · Storm hits coast
            claim 1/4 · doc 1/1 · 0 reviewed · #1
              The mayor [[cue: said]] [[con: the bridge is closed]]. Officials told Reuters that repairs will take weeks. "We are ready," [[src: the mayor]] added.
              outlet      -
              type        named_person
              anonymous   no
              entity      mayor (also #3 "the mayor")
              extractor   0.90
              verdict     - (unreviewed)
              corrected   source
            """#)
    }

    @Test func aCueBeforeTheSentenceBeforeIsRefusedTooWithTheVerbsOwnName() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("goto #4")
        let refused = session.execute(#"cue "said""#)
        #expect(refused.failed)
        #expect(refused.text == "error: cue: \"said\" does not occur in the claim's sentences or the sentence before or after them "
            + "(108-177); the nearest is at 28-32, \"…The mayor said the bridge is…\"; `cue --at 28 32` takes it anyway; nothing changed")
    }

    /// What was accepted before stays accepted: a source in the next sentence, a content stretched
    /// over the sentences after the claim's, text inside the claim.
    @Test func matchesWithinReachAreTakenAsBefore() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(!session.execute(#"source "Reuters""#).failed)
        #expect(!session.execute(#"content "the bridge is closed. Officials told Reuters that repairs will take weeks. \"We are ready,\" the mayor added. It is believed""#).failed)
        _ = session.execute("goto #4")
        #expect(!session.execute(#"source "the mayor""#).failed)
        #expect(!session.execute(#"cue "believed""#).failed)
    }

    /// Of the occurrences within reach the nearest is taken, even when one beyond it is nearer.
    @Test func theReachIsTheClaimsSentencesAndOneEitherSide() throws {
        let text = ScalarText("Al said A. Bo said that the storm will last for many long days. Cy agreed. No. Di said so. Ed said it.")
        let sentences = SentenceIndex(spans: [Span(0, 10), Span(11, 63), Span(64, 74), Span(75, 78), Span(79, 90), Span(91, 102)])
        let claim = Span(64, 73)  // "Cy agreed"
        #expect(TextLocator.reach(of: claim, in: sentences) == Span(11, 78))
        #expect(TextLocator.reach(of: Span(3, 7), in: sentences) == Span(0, 63))
        #expect(TextLocator.reach(of: Span(94, 98), in: sentences) == Span(79, 102))
        #expect(TextLocator.reach(of: Span(0, 102), in: sentences) == Span(0, 102))
        #expect(TextLocator.reach(of: claim, in: SentenceIndex(spans: [])) == nil)
        // "said" at 82 is 9 from the claim, the one at 14 is 46 from it: the one within reach is taken.
        #expect(try TextLocator.find("said", in: text, near: claim, sentences: sentences, role: "cue") == Span(14, 18))
        #expect(try TextLocator.find("said", in: text, near: claim, role: "cue") == Span(82, 86))
        // A match reaching into the reach counts: content stretched beyond it.
        #expect(try TextLocator.find("No. Di said so.", in: text, near: claim, sentences: sentences, role: "content") == Span(75, 90))
        #expect(throws: REPLError.outOfReach(role: "cue", text: "said it", reach: Span(11, 78), nearest: Span(94, 101),
                                              excerpt: #""…Di said so. Ed said it.""#)) {
            try TextLocator.find("said it", in: text, near: claim, sentences: sentences, role: "cue")
        }
    }

    /// The excerpt: whole words either side of the match, line breaks as spaces, escaped, quoted.
    @Test func theExcerptIsOneShortEscapedLine() {
        let text = ScalarText("First line here\nthen \"the\u{1B}[2J word\" and a good many more words after it")
        let match = text.occurrences(of: "word").first ?? Span(0, 0)
        #expect(TextLocator.excerpt(match, in: text) == #""…then \"the\u{1b}[2J word\" and a good…""#)
        // At the text's edges nothing is cut; a line break is a space.
        #expect(TextLocator.excerpt(Span(0, 5), in: text) == #""First line here then…""#)
        #expect(TextLocator.excerpt(Span(69, 71), in: text) == #""…words after it""#)
    }

    @Test func adjudicationKeepsToTheSameReach() throws {
        let f = try AdjudicationFixture()
        let session = try f.session()
        let start = try f.lastEntryID()
        // On #2, the first disputed claim: its reach runs from the mayor's sentence to "We are ready".
        #expect(session.execute(#"source "It is believed""#) == Reply(
            text: "error: source: \"It is believed\" does not occur in the claim's sentences or the sentence before or after them "
                + "(18-140); the nearest is at 141-155, \"…mayor added. It is believed the damage is…\"; "
                + "`source --at 141 155` takes it anyway; nothing changed", failed: true))
        #expect(try f.lastEntryID() == start)
    }
}
