import Testing
@testable import Terminal

/// Word-boundary wrapping of everything the REPL prints.
@Suite struct TextWrapTests {
    @Test func linesThatFitAreUnchanged() {
        let text = "  outlet      Reuters\n\nshort line"
        #expect(TextWrap(width: 40).wrap(text) == text)
    }

    @Test func wrapsAtSpacesNeverInsideAWord() {
        #expect(TextWrap(width: 10).wrap("the quick brown fox jumps") == "the quick\nbrown fox\njumps")
        // Exactly the width fits; spaces at a break are dropped.
        #expect(TextWrap(width: 9).wrap("the quick   brown") == "the quick\nbrown")
        #expect(TextWrap(width: 10).wrap("well-known-words only") == "well-known\n-words\nonly")
    }

    @Test func onlyAWordWiderThanTheLineIsCut() {
        #expect(TextWrap(width: 8).wrap("abcdefghijklmnop qr") == "abcdefgh\nijklmnop\nqr")
        #expect(TextWrap(width: 8).wrap("ab abcdefghijkl") == "ab\nabcdefgh\nijkl")
    }

    @Test func continuationLinesKeepTheLayout() {
        // Under a field's value, two in after "> ", under leading spaces.
        #expect(TextWrap(width: 30).wrap("  note        one two three four five six")
            == "  note        one two three\n              four five six")
        #expect(TextWrap(width: 20).wrap("> alpha beta gamma delta epsilon") == "> alpha beta gamma\n  delta epsilon")
        #expect(TextWrap(width: 16).wrap("    alpha beta gamma delta") == "    alpha beta\n    gamma delta")
        // An indent of more than half the width is not kept.
        #expect(TextWrap(width: 14).wrap("          aaa bbb ccc") == "          aaa\nbbb ccc")
    }

    /// `help` lists a verb with its aliases (`  confirm [c]       the claim…`): a summary too long
    /// for the line goes on under the summary, as it does for a verb without aliases.
    @Test func aHelpLineWithAliasesContinuesUnderItsSummary() {
        #expect(TextWrap(width: 40).wrap("  confirm [c]       the claim is right; moves on")
            == "  confirm [c]       the claim is right;\n                    moves on")
        #expect(TextWrap(width: 40).wrap("  quit [q, exit]    leave (every action is already saved)")
            == "  quit [q, exit]    leave (every action\n                    is already saved)")
        // A bracket that is text, not an alias list, keeps the line's own indent.
        #expect(TextWrap(width: 20).wrap("  He [[cue: said]] that it rains") == "  He [[cue: said]]\n  that it rains")
    }

    @Test func stylingIsClosedAtABreakAndOpenedAgain() {
        let e = "\u{1B}["
        #expect(TextWrap(width: 8).wrap(e + "7mone two three" + e + "0m four")
            == e + "7mone two" + e + "0m\n" + e + "7mthree" + e + "0m\nfour")
        // Escapes take no room.
        let styled = e + "1;36mThe mayor" + e + "0m said"
        #expect(TextWrap(width: 14).wrap(styled) == styled)
        // A styled span across a line of the input goes on after it.
        #expect(TextWrap(width: 40).wrap(e + "32mone\ntwo" + e + "0m") == e + "32mone" + e + "0m\n" + e + "32mtwo" + e + "0m")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextWrap(width: 8).wrap("日本語 日本語") == "日本語\n日本語")
        #expect(TextWrap(width: 8).wrap("e\u{301}e\u{301}e\u{301} abcd") == "e\u{301}e\u{301}e\u{301} abcd")
    }

    @Test func glueJoinsWordsAndShowsAsASpace() {
        let wrap = TextWrap(width: 18, glue: "\u{E000}")
        #expect(wrap.wrap("aaa [[cue#3:\u{E000}added]]") == "aaa\n[[cue#3: added]]")
        #expect(wrap.wrap("[[a:\u{E000}b]]") == "[[a: b]]")
    }

    @Test func sessionRepliesWrapToTheRenderersWidth() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.renderer.wrapping = .columns(40)
        #expect(session.execute("show").text == """
            storm · Storm hits coast
            claim 1/4 · doc 1/1 · 0 reviewed · #1
              [[src: The mayor]] [[cue: said]]
              [[con: the bridge is closed]].
              outlet      -
              type        named_person
              anonymous   no
              entity      mayor (also #3 "the
                          mayor")
              extractor   0.90
              verdict     - (unreviewed)
            """)
        #expect(session.execute("frobnicate the claim").text == """
            error: unknown verb "frobnicate"; `help`
            lists the verbs
            """)
        // `help` at 80 columns: every summary that wraps goes on under the summaries.
        session.renderer.wrapping = .columns(80)
        let help = session.execute("help").text.split(separator: "\n", omittingEmptySubsequences: false)
        let confirm = try #require(help.firstIndex { $0.hasPrefix("  confirm [c]") })
        #expect(help[confirm] == "  confirm [c]       the claim is right (corrected, if you changed it); moves to")
        #expect(help[confirm + 1] == "                    the next unreviewed claim")
        // A verb's line has its summary at column 20; any other indented line is a continuation there.
        for line in help where line.hasPrefix("  ") {
            let chars = Array(line)
            let verbLine = chars[2] != " " && chars.count > 20 && chars[18] == " " && chars[19] == " "
            let continuation = chars.count > 20 && chars[..<20].allSatisfy { $0 == " " }
            #expect(verbLine || continuation, "a help line out of the layout: \(line)")
        }
        #expect(Renderer(style: .plain).wrap("x " + String(repeating: "y ", count: 100)) == "x " + String(repeating: "y ", count: 100))
        #expect(TerminalSize.columns(environment: ["COLUMNS": "57"]) == 57)
    }
}

/// `list` under a narrower terminal: a row too long for it has its excerpts shrunk so that it stays
/// one line; a row that fits is left whole.
@Suite struct ListWidthTests {
    @Test func listRowsFitTheWidthTheyAreWrappedTo() throws {
        #expect(Renderer.listLimits(width: nil) == (28, 18, 50))
        #expect(Renderer.listLimits(width: 132) == (28, 18, 50))
        #expect(Renderer.listLimits(width: 80) == (12, 8, 24))
        #expect(Renderer.listLimits(width: 40) == (8, 6, 10))
        let fixture = try REPLFixture()
        func list(_ width: Int) throws -> String {
            try Session(store: fixture.store, storePath: ":memory:", annotator: "ana", runName: nil, startDocument: nil,
                        renderer: Renderer(style: .plain, wrapping: .columns(width))).execute("list").text
        }
        for width in [60, 80, 100] {
            let rows = try list(width).split(separator: "\n").dropFirst()
            #expect(rows.count == 4)
            #expect(rows.allSatisfy { $0.count <= width })
        }
        #expect(try list(60) == """
            storm: 4 claims
            >  1 #1      -          "The may…" · "said" · "the bridg…"
               2 #2      -          "Officia…" · "told" · "that repa…"
               3 #3      -          "the may…" · "added" · ""We are r…"
               4 #4      -          - · "It is…" · "the damag…"
            """)
        #expect(try list(80) == """
            storm: 4 claims
            >  1 #1      -          "The mayor" · "said" · "the bridge is closed"
               2 #2      -          "Officials" · "told" · "that repairs will take weeks"
               3 #3      -          "the mayor" · "added" · ""We are ready,""
               4 #4      -          - · "It is believed" · "the damage is severe"
            """)
    }
}
