import ClaimModel
@testable import Review
import Testing
@testable import Terminal

/// `goto` by doc_id prefix, TAB completion of doc_ids, the `done` hint, and `progress`'s counts and pace.
@Suite struct GotoDocumentTests {
    static func fixture() throws -> REPLFixture {
        try REPLFixture(extraDocuments: [
            Document(id: "001_port", text: "Ann said the port will reopen."),
            Document(id: "002_dam", text: "Bo said the dam held."),
        ])
    }

    @Test func aPrefixOfOneDocIDGoesThereAndDigitsThatBeginNoneAreAClaim() throws {
        let session = try Self.fixture().session()
        #expect(session.execute("goto 001").text.hasPrefix("001_port\nclaim 1/1 · doc 2/3 · 0 reviewed · #5\n"))
        #expect(session.execute("goto sto").text.hasPrefix("storm · Storm hits coast\nclaim 1/4 · doc 1/3"))
        #expect(session.execute("goto 002_dam").text.hasPrefix("002_dam\nclaim 1/1 · doc 3/3 · 0 reviewed · #6\n"))
        #expect(session.execute("goto 2").text.hasPrefix("storm · Storm hits coast\nclaim 2/4 · doc 1/3 · 0 reviewed · #2\n"))
        #expect(session.execute("goto #6").text.hasPrefix("002_dam\n"))
    }

    @Test func aPrefixOfSeveralListsThemAndMovesNothing() throws {
        let session = try Self.fixture().session()
        #expect(session.execute("goto 00").text
            == "error: \"00\" begins several documents: 001_port, 002_dam; type more of the doc_id")
        #expect(session.execute("goto 0").text.hasPrefix("error: \"0\" begins several documents: 001_port, 002_dam;"))
        #expect(session.execute("goto x").text == "error: no document \"x\" in this run")
        #expect(session.execute("goto \"\"").text == "error: goto: needs one claim ID or doc_id (usage: goto #ID | DOC_ID | PREFIX)")
        #expect(session.execute("show").text.hasPrefix("storm · Storm hits coast\nclaim 1/4"))
    }

    @Test func digitsThatBeginSeveralDocIDsMayHaveMeantAClaim() throws {
        let session = try REPLFixture(extraDocuments: [
            Document(id: "17_a", text: "Ann said it rains."), Document(id: "170_b", text: "Bo said it snows."),
        ]).session()
        #expect(session.execute("goto 17").text
            == "error: \"17\" begins several documents: 170_b, 17_a; type more of the doc_id (or goto #17 for claim #17)")
        #expect(session.execute("goto 17_").text.hasPrefix("17_a\n"))
        #expect(session.execute("goto #3").text.hasPrefix("storm · Storm hits coast\nclaim 3/4 · doc 1/3"))
    }

    @Test func tabCompletesDocIDs() throws {
        let session = try Self.fixture().session()
        #expect(session.completions(before: "goto ", word: "00") == ["001_port", "002_dam"])
        #expect(session.completions(before: "goto ", word: "002") == ["002_dam"])
        #expect(session.completions(before: "goto ", word: "") == ["001_port", "002_dam", "storm"])
        #expect(session.completions(before: "goto storm ", word: "") == [])
    }

    @Test func helpGotoStatesTheRule() {
        #expect(Session.help(.goto) == """
            usage: goto #ID | DOC_ID | PREFIX
            move to claim ID (the # number), or to the first claim of document DOC_ID
            #ID (with the #) is always claim #ID.
            Otherwise a doc_id, or the beginning of one (goto 001 = the document whose doc_id begins with 001):
              exactly one document begins with it: that document; several: they are listed, nothing moves.
            Digits that begin no doc_id are a claim: goto 12 = goto #12 when no doc_id begins with 12.
            A document you marked done while reviewing another run is left out of the queue (its gold stands); goto brings it back.
            TAB completes doc_ids.
            """)
    }
}

@Suite struct DoneHintTests {
    @Test func judgingTheLastClaimOfADocumentHintsDoneOnce() throws {
        let session = try GotoDocumentTests.fixture().session()
        for _ in 0..<3 { #expect(!session.execute("c").text.contains("every claim of")) }
        let last = session.execute("c").text
        #expect(last.hasPrefix("confirmed #4\nevery claim of storm has your verdict: `goto storm`, then `done`, marks it reviewed\n001_port\n"))
        #expect(session.execute("goto storm").text.hasPrefix("storm"))
        _ = session.execute("goto #4")
        #expect(session.execute("r").text.hasPrefix("rejected #4\n001_port\n"))
        _ = session.execute("goto storm")
        #expect(session.execute("done").text.hasPrefix("storm marked done: 4 claims reviewed\n"))
    }

    @Test func noHintForADocumentAlreadyDone() throws {
        let fixture = try GotoDocumentTests.fixture()
        let first = try fixture.session()
        for _ in 0..<4 { _ = first.execute("c") }
        _ = first.execute("goto storm")
        #expect(first.execute("done").text.hasPrefix("storm marked done: 4 claims reviewed\n"))
        // A new session has given no hint yet; the document is done, so it gives none.
        let second = try fixture.session()
        _ = second.execute("goto #4")
        #expect(second.execute("r").text.hasPrefix("rejected #4\n001_port\n"))
    }
}

@Suite struct ProgressTests {
    @Test func addedClaimsCountInTheTotalAndUndoneOnesInNeither() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("c")
        #expect(session.execute(#"add "repairs will take weeks" source "Officials" cue "told""#).text.hasPrefix("added #5\n"))
        let after = session.execute("progress").text
        #expect(after.hasPrefix("""
            2 of 5 claims in run "rules" reviewed by ana (40.0%), 1 of them added by you
            this document: 2/5 claims reviewed
            documents marked done: 0/1
            """))
        _ = session.execute("u")
        #expect(session.execute("progress").text.hasPrefix("""
            1 of 4 claims in run "rules" reviewed by ana (25.0%)
            this document: 1/4 claims reviewed
            """))
        // A new session reads the same from the log.
        #expect(try fixture.session().execute("progress").text.hasPrefix("1 of 4 claims in run \"rules\" reviewed by ana (25.0%)\n"))
    }

    @Test func theScoreHeaderCountsAnUndoneAddInNeitherFigure() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        for _ in 0..<4 { _ = session.execute("c") }
        _ = session.execute("goto storm")
        _ = session.execute(#"add "repairs will take weeks" source "Officials" cue "told""#)
        _ = session.execute("u")
        _ = session.execute("done")
        #expect(session.execute("score").text.contains("gold: 1/1 documents done, 4/4 claims in them reviewed"))
        _ = session.execute(#"add "repairs will take weeks" source "Officials" cue "told""#)
        #expect(session.execute("score").text.contains("gold: 1/1 documents done, 5/5 claims in them reviewed"))
    }

    @Test func paceIsTheMedianGapBetweenVerdictsWithoutPauses() throws {
        // Each write is stamped 20 s after the previous one; a tag in between makes one gap 40 s.
        let tick = Locked(0)
        let fixture = try REPLFixture(clock: {
            let n = tick.withLock { n -> Int in
                n += 1
                return n
            }
            let seconds = n * 20
            return "2026-11-25T10:\(String(format: "%02d", seconds / 60)):\(String(format: "%02d", seconds % 60)).000Z"
        })
        let session = try fixture.session()
        #expect(session.execute("progress").text.contains("\npace: - (two verdicts less than 10 minutes apart are needed)\n"))
        _ = session.execute("c")
        _ = session.execute("c")
        _ = session.execute("tag slow")
        _ = session.execute("c")
        #expect(session.execute("progress").text.contains("\npace: 120 claims per hour, 30s per claim (median of 2 gaps between your verdicts)\n"))
    }

    @Test func paceFromLogTimes() {
        let pace = ReviewPace(verdictTimes: [
            "2026-11-25T10:00:00.000Z", "2026-11-25T10:00:40.000Z", "2026-11-25T10:01:40.500Z",
            "2026-11-25T10:30:00.000Z", "2026-11-25T10:31:30.000Z", "not a time",
        ])
        #expect(pace.gaps == [40, 60.5, 90])
        #expect(pace.secondsPerClaim == 60.5)
        #expect(Session.pace(pace) == "60 claims per hour, 1m01s per claim (median of 3 gaps between your verdicts)")
        #expect(ReviewPace.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(ReviewPace.seconds("2000-03-01T00:00:01.25Z") == 951_868_801.25)
        #expect(ReviewPace(verdictTimes: ["2026-11-25T10:00:00Z"]).secondsPerClaim == nil)
    }
}

@Suite struct WordDiffTests {
    @Test func aChangedWordShowsWithItsNeighbours() {
        #expect(WordDiff.render("the port will reopen on Monday", "the port would reopen on Monday")
            == "the port [-will-] {+would+} reopen on Monday")
        #expect(WordDiff.render("officials say the port will reopen on Monday next week after repairs",
                                "officials say the port would reopen on Monday next week after repairs")
            == "… say the port [-will-] {+would+} reopen on Monday …")
        #expect(WordDiff.render("a b c d e f g h i j k", "a X c d e f g h i j Y")
            == "a [-b-] {+X+} c d e … h i j [-k-] {+Y+}")
        #expect(WordDiff.render("a b c d e f g h i j", "a X c d e f g h i Y")
            == "a [-b-] {+X+} c d e f g h i [-j-] {+Y+}")
        #expect(WordDiff.render("a b", "a b c") == "a b {+c+}")
        #expect(WordDiff.render("", "new words") == "{+new words+}")
        #expect(WordDiff.render("same  words", "same words") == nil)
    }

    @Test func wordsAreEscaped() {
        #expect(WordDiff.render("a b", "a \u{1B}[2J") == "a [-b-] {+\\u{1b}[2J+}")
    }

    @Test func aSpanCorrectionMessageIsTheDiffWithOffsets() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute(#"content "the bridge is closed. Officials told Reuters""#).text
            .hasPrefix("content: the bridge is [-closed-] {+closed. Officials told Reuters+} (33-53 → 33-77)\n"))
        _ = session.execute("u")
        #expect(session.execute("outlet AP").text.hasPrefix("outlet: none → AP\n"))
        #expect(session.execute("source none").text.hasPrefix("source: [-The mayor-] (18-27 → none)\n"))
    }
}
