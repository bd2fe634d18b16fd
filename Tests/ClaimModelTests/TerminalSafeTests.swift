import ClaimModel
import Testing

/// The one escaping rule for text on its way to a terminal.
@Suite struct TerminalSafeTests {
    @Test(arguments: [
        ("plain café 😀 née", "plain café 😀 née"),
        ("\u{1B}]52;c;aGk=\u{7}", "\\u{1b}]52;c;aGk=\\u{7}"),
        ("\u{1B}]0;owned\u{7}", "\\u{1b}]0;owned\\u{7}"),
        ("\u{1B}[2J", "\\u{1b}[2J"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("\u{9B}31m C1 CSI, \u{85} NEL, \u{7F} DEL, \u{0} NUL", "\\u{9b}31m C1 CSI, \\u{85} NEL, \\u{7f} DEL, \\u{0} NUL"),
        ("\u{202E}txt.exe", "\\u{202e}txt.exe"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}", "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{2066}\\u{2067}\\u{2068}\\u{2069}"),
        ("zero\u{200B}width\u{FEFF}\u{200E}\u{200F}\u{61C}\u{AD}\u{2060}", "zero\\u{200b}width\\u{feff}\\u{200e}\\u{200f}\\u{61c}\\u{ad}\\u{2060}"),
        ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
        ("tag\u{E0041}", "tag\\u{e0041}"),
        // Joiners are part of how Persian and emoji sequences are written; they move nothing.
        ("می\u{200C}خواهم 👩\u{200D}🔬", "می\u{200C}خواهم 👩\u{200D}🔬"),
    ])
    func escapesWhatATerminalMayActOnOrThatShowsNothing(input: String, expected: String) {
        #expect(TerminalSafe.escape(input) == expected)
        #expect(input.terminalSafe == expected)
        // Idempotent: a boundary may apply the rule again.
        #expect(TerminalSafe.escape(expected) == expected)
    }

    @Test func linesKeepsLineFeedsOnly() {
        #expect(TerminalSafe.lines("a\u{1B}[2J\nb\tc\r\n") == "a\\u{1b}[2J\nb\\tc\\r\n")
    }

    @Test func jsonStaysValidJSONForTheSameValue() throws {
        let value = JSONValue.array([.string("\u{202E}a\u{85}\u{E0041}\u{1B}"), .string("\n")])
        let safe = TerminalSafe.json("[\n" + value.serialized + "]")
        #expect(safe == "[\n[\"\\u202ea\\u0085\\udb40\\udc41\\u001b\",\"\\n\"]]")
        #expect(try JSONParser.parse(Array(safe.utf8)) == .array([value]))
    }

    @Test func quotedIsOneUnambiguousLine() {
        #expect(TerminalSafe.quoted("say \"hi\"\\\n\u{1B}[2J") == #""say \"hi\"\\\n\u{1b}[2J""#)
        #expect(TerminalSafe.quoted(String(repeating: "x", count: 61)) == "\"" + String(repeating: "x", count: 57) + "...\"")
        // A listing whose other columns are cut by `short` cuts its quoted texts with the same mark.
        #expect(TerminalSafe.quoted(String(repeating: "x", count: 61), ellipsis: "…") == "\"" + String(repeating: "x", count: 59) + "…\"")
        #expect(TerminalSafe.quoted(String(repeating: "x", count: 60), ellipsis: "…") == "\"" + String(repeating: "x", count: 60) + "\"")
    }

    /// Found by fuzzing: a value of one character and thousands of combining marks went whole into
    /// a message (cut by characters only). Quoted and short values are also cut by scalars.
    @Test func aFewCharactersOfManyScalarsAreCutToo() {
        let value = "a" + String(repeating: "\u{301}", count: 5000)
        #expect(TerminalSafe.quoted(value) == "\"a" + String(repeating: "\u{301}", count: 236) + "...\"")
        #expect(TerminalSafe.quoted(value, limit: 10).unicodeScalars.count == 42)
        #expect(TerminalSafe.short(value, 16) == "a" + String(repeating: "\u{301}", count: 62) + "…")
        // Ordinary values are cut by characters as before.
        #expect(TerminalSafe.quoted("é" + String(repeating: "e\u{301}", count: 30)) == "\"é" + String(repeating: "e\u{301}", count: 30) + "\"")
    }

    @Test func shortEscapesThenCuts() {
        #expect(TerminalSafe.short("\u{1B}[2Jabcdef", 8) == "\\u{1b}[…")
    }

    /// A cut after a word drops the space before the ellipsis ("Ana said …" read as a word left
    /// out); white space inside stays, and a value that fits is not touched.
    @Test func shortLeavesNoSpaceBeforeTheEllipsis() {
        #expect(TerminalSafe.short("Ana said it rained", 10) == "Ana said…")
        #expect(TerminalSafe.short("Ana\u{A0} Bo", 5) == "Ana…")
        #expect(TerminalSafe.short("Ana said", 8) == "Ana said")
        #expect(TerminalSafe.short("Ana said ", 9) == "Ana said ")
        #expect(TerminalSafe.short("     Bo", 4) == "…")
    }

    /// `quoted` cuts the same way: "…said …" reads as a word left out.
    @Test func quotedLeavesNoSpaceBeforeTheEllipsis() {
        #expect(TerminalSafe.quoted("Ana said it rained", limit: 12) == #""Ana said...""#)
        #expect(TerminalSafe.quoted("Ana said it rained", limit: 10, ellipsis: "…") == #""Ana said…""#)
        #expect(TerminalSafe.quoted("Ana said it", limit: 11) == #""Ana said it""#)
        // Its scalar bound (4 × limit) cuts between characters too: five whole families, not a sixth in part.
        let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(TerminalSafe.quoted(String(repeating: family, count: 30), limit: 10)
                == "\"" + String(repeating: family, count: 5) + "...\"")
    }

    /// The cut falls between characters: an emoji sequence (a family is 7 scalars joined by ZWJ)
    /// is kept whole or left out, never its first people alone.
    @Test func shortNeverCutsInsideACharacter() {
        let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦"
        // 5 families are 35 scalars, over 4 × 8: four fit (28), the fifth does not.
        #expect(TerminalSafe.short(String(repeating: family, count: 5), 8) == String(repeating: family, count: 4) + "…")
        // Three characters of 8 scalars each (over 4 × 3 = 12): the first is kept, the space after it dropped.
        let marked = "a" + String(repeating: "\u{301}", count: 7) + " b" + String(repeating: "\u{302}", count: 7)
        #expect(TerminalSafe.short(marked, 3) == "a" + String(repeating: "\u{301}", count: 7) + "…")
    }

    /// A list in a message: at most three names, escaped, then ", …"; runs with their noun.
    @Test func aListNamesAtMostThreeEscaped() {
        #expect(TerminalSafe.nameList([]) == "")
        #expect(TerminalSafe.nameList(["a"]) == #""a""#)
        #expect(TerminalSafe.nameList(["a", "b\u{1B}", "c"]) == #""a", "b\u{1b}", "c""#)
        #expect(TerminalSafe.nameList(["a", "b", "c", "d"]) == #""a", "b", "c", …"#)
        #expect(TerminalSafe.runList([]) == "")
        #expect(TerminalSafe.runList(["my run"]) == #"run "my run""#)
        #expect(TerminalSafe.runList(["a", "b"]) == #"runs "a", "b""#)
        #expect(TerminalSafe.runList(["a", "b", "c", "d", "e"]) == #"runs "a", "b", "c", …"#)
    }

    /// A path in an error line: whole up to 120 characters, else its first 59, "…" and its last
    /// 60 (the file name stays in view), escaped.
    @Test func aPathIsCutInItsMiddleAtThePathLimit() {
        let everyday = "/home/ana/claims/" + String(repeating: "x", count: 103)
        #expect(TerminalSafe.path(everyday) == everyday)
        let deep = "/home/ana/" + String(repeating: "d/", count: 60) + "gold-2026.jsonl"
        #expect(TerminalSafe.path(deep) == "/home/ana/" + String(repeating: "d/", count: 24) + "d…" + String(repeating: "/d", count: 22) + "/gold-2026.jsonl")
        #expect(TerminalSafe.path(deep).count == 120)
        #expect(TerminalSafe.path("out\n\u{1B}[2J.jsonl") == "out\\n\\u{1b}[2J.jsonl")
        // A megabyte path is escaped from its two ends only; escapes at either end count as shown.
        // One character of 5,000 combining marks: the line stays bounded in scalars too.
        let marks = "a" + String(repeating: "\u{301}", count: 5_000) + "/x.txt"
        #expect(TerminalSafe.path(marks).unicodeScalars.count == 480 && TerminalSafe.path(marks).hasSuffix("…"))
        let huge = "\u{1B}" + String(repeating: "a", count: 1_000_000) + "\u{7}.txt"
        #expect(TerminalSafe.path(huge) == "\\u{1b}" + String(repeating: "a", count: 53) + "…" + String(repeating: "a", count: 51) + "\\u{7}.txt")
    }
}

/// doc_ids and names: counted in scalars and bytes, nothing a terminal would act on.
@Suite struct NameRuleTests {
    @Test func countsScalarsNotCharacters() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 100_000)
        #expect(zalgo.count == 1)
        #expect(Document.problem(withID: zalgo) == "doc_id has 100001 Unicode scalars (at most 200)")
        #expect(Document.problem(withID: String(repeating: "x", count: 200)) == nil)
    }

    @Test func limitsBytesSoThatAFileNameFits() {
        #expect(Document.problem(withID: String(repeating: "é", count: 121)) == "doc_id has 242 bytes of UTF-8 (at most 240)")
        #expect(Document.problem(withID: String(repeating: "é", count: 120)) == nil)
    }

    @Test(arguments: [
        ("ana\u{1B}]52;c;x\u{7}", "annotator name contains a control character (U+001B)"),
        ("ana\u{202E}", "annotator name contains an invisible format character (U+202E)"),
        ("ana\u{85}", "annotator name contains a control character (U+0085)"),
        ("ana\nbo", "annotator name contains a control character (U+000A)"),
        ("", "annotator name is empty"),
    ])
    func refusesWithWhatIsWrong(name: String, problem: String) {
        #expect(NameRule.problem(name, what: "annotator name") == problem)
    }

    @Test func acceptsOrdinaryNames() {
        for name in ["ana", "Ana Lima", "gold:cy", "José", "=1+2", "a;b", "李"] {
            #expect(NameRule.problem(name, what: "annotator name") == nil)
        }
    }
}

/// JSON at the edges where parsers disagree.
@Suite struct JSONEdgeTests {
    @Test func aDuplicateKeyKeepsTheLastValueAtTheFirstPlaceAsPythonDoes() throws {
        let value = try JSONParser.parse(Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8))
        #expect(value.serialized == #"{"a":3,"b":2}"#)
        #expect(value["a"] == .number("3"))
    }

    @Test func aByteOrderMarkIsNamedAndOtherBytesByValue() {
        #expect(throws: JSONParser.Failure(column: 1, message: "unexpected byte order mark (U+FEFF): save the file as UTF-8 without a BOM")) {
            try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        }
        #expect(throws: JSONParser.Failure(column: 1, message: "unexpected byte 0xC3")) {
            try JSONParser.parse(Array("é".utf8))
        }
    }
}
