import ClaimModel
import Testing
@testable import Terminal

/// `source -1 +2`: boundaries moved by words, logged as one ordinary (undoable) correction;
/// refused, changing nothing, where the span would empty or leave its sentence.
@Suite struct BoundaryNudgeTests {
    @Test func shrinkingTheStartAndGrowingTheEndIsOneCorrection() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        let reply = session.execute("content -1 0").text
        #expect(reply.hasPrefix("content: [-the-] bridge is closed (33-53 → 37-53)\n"))
        #expect(session.execute("source 0 +1").text.hasPrefix("source: The mayor {+said+} (18-27 → 18-32)\n"))
        #expect(session.execute("source 0 -1").text.hasPrefix("source: The mayor [-said-] (18-32 → 18-27)\n"))
        let log = try fixture.store.annotations(documentRowID: 1)
        #expect(log.map(\.entry.action) == ["correct", "correct", "correct"])
        #expect(log[0].entry.fields == #"{"field":"content","old":[[33,53]],"new":[[37,53]]}"#)
        #expect(session.execute("u").text.hasPrefix("undone: correct source of #1\n"))
        #expect(session.execute("u").text.hasPrefix("undone: correct source of #1\n"))
        #expect(session.execute("u").text.hasPrefix("undone: correct content of #1\n"))
        #expect(session.execute("show").text.contains("[[con: the bridge is closed]]"))
    }

    @Test func growingTheStartTakesInWordsAndPunctuationBetweenThem() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("n")
        // #2: source "Officials", cue "told", content "that repairs will take weeks".
        #expect(session.execute("content +2 0").text.hasPrefix("content: {+told Reuters+} that repairs will … (78-106 → 65-106)\n"))
    }

    @Test func refusalsSayWhyAndChangeNothing() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute("source +1 0").text
            == "error: source +1 0: its sentence has 0 words before the source; the start cannot grow by 1 word; nothing changed")
        #expect(session.execute("content 0 +2").text
            == "error: content 0 +2: its sentence has 0 words after the content; the end cannot grow by 2 words; nothing changed")
        #expect(session.execute("cue -1 0").text
            == "error: cue -1 0: the cue has 1 word; it cannot lose 1 word at the start; nothing changed")
        #expect(session.execute("content -2 -2").text
            == "error: content -2 -2: the content has 2 words after losing 2 words at the start; it cannot lose 2 words at the end; nothing changed")
        _ = session.execute("n")
        _ = session.execute("n")
        _ = session.execute("n")
        // #4 is sourceless.
        #expect(session.execute("source -1 +1").text == "error: source -1 +1: the claim has no source to move; nothing changed")
        #expect(try fixture.store.annotations(documentRowID: 1).isEmpty)
    }

    @Test func twoSignedNumbersAreANudgeAndAnythingElseIsText() throws {
        let nudge = try #require(SpanNudge.parse(["-1", "+2"]))
        #expect(nudge == SpanNudge(start: -1, end: 2))
        #expect(nudge.spelled == "-1 +2")
        #expect(SpanNudge.parse(["0", "-3"]) == SpanNudge(start: 0, end: -3))
        #expect(SpanNudge.parse(["20", "fighters"]) == nil)
        #expect(SpanNudge.parse(["2", "3"]) == nil)
        #expect(SpanNudge.parse(["-1"]) == nil)
        #expect(SpanNudge.parse(["+", "-1"]) == nil)
        #expect(try Command.parse("content 20 30")?.verb == .content)
        #expect(try Edit.span(.content, .content, Arguments(["20", "30"], rest: "20 30")) == .span(.content, .text("20 30")))
    }

    @Test func severalFragmentsMoveTheFirstStartAndTheLastEnd() throws {
        let text = ScalarText("\"We are ready,\" the mayor said, \"and we will stay.\"")
        // "We are ready," and "and we will stay."
        let quote = try #require(Fragments([Span(1, 14), Span(33, 50)]))
        let all = Span(0, text.count)
        let moved = try SpanNudge(start: -1, end: -1).apply(to: quote, role: .content, in: text, within: all)
        #expect(moved.spans == [Span(4, 14), Span(33, 44)])
        #expect(text.slice(moved) == "are ready, … and we will")
        #expect(throws: REPLError.boundary(role: "content", nudge: "-3 0",
                                           reason: "the content has 3 words in its first fragment; it cannot lose 3 words at the start")) {
            try SpanNudge(start: -3, end: 0).apply(to: quote, role: .content, in: text, within: all)
        }
        #expect(SpanNudge.words(in: ScalarText("al-Qaeda's men, 20 of them -- left"), within: Span(0, 34))
            == [Span(0, 10), Span(11, 14), Span(16, 18), Span(19, 21), Span(22, 26), Span(30, 34)])
    }
}

@Suite struct UntagTests {
    @Test func untagRemovesTagsAndTABOffersTheClaimsTags() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute("tag wire urgent").text == "tags of #1: wire, urgent")
        #expect(session.completions(before: "untag ", word: "") == ["urgent", "wire"])
        #expect(session.completions(before: "untag wire ", word: "") == ["urgent"])
        #expect(session.execute("untag wire").text == "tags of #1: urgent")
        #expect(session.execute("untag nope").text
            == "error: untag: #1 has no tag \"nope\" (its tags: urgent); nothing changed (usage: untag TAG…)")
        #expect(session.execute("untag urgent").text == "tags of #1: none")
        #expect(session.execute("untag urgent").text
            == "error: untag: #1 has no tag \"urgent\" (it has no tags); nothing changed (usage: untag TAG…)")
        #expect(session.execute("untag").text == "error: untag: needs a tag (usage: untag TAG…)")
        #expect(try fixture.store.annotations(documentRowID: 1).map(\.entry.action) == ["tag", "untag", "untag"])
        #expect(session.execute("u").text.hasPrefix("undone: untag of #1\n"))
        #expect(session.execute("show").text.hasSuffix("  tags        urgent"))
    }
}
