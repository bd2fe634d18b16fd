import ClaimModel
import Testing
import TestSupport
@testable import Terminal

/// Without colours, a lone bracket of the text touching a marker (`a[` then a mark, a `]` right
/// after or right before a mark's `]]`) and a backslash of the text right before a bracket or a
/// marker are escaped too, so that where each marker begins and ends can be read back: the
/// decoder below, written from the rule `help doc` states, recovers the text and every mark.
@Suite struct MarkerBoundaryTests {
    /// The `doc` body line (the document is one line) of `text` with one claim whose content is
    /// `content` (found after `said`).
    static func docLine(_ text: String, content: String) throws -> String {
        let session = try DocumentScreenTests.session(text, claims(text, content: content), width: 200)
        return String(session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3])
    }

    static func showLine(_ text: String, content: String) throws -> String {
        let session = try DocumentScreenTests.session(text, claims(text, content: content), width: 200)
        return String(session.execute("show").text.split(separator: "\n", omittingEmptySubsequences: false)[2])
    }

    static func claims(_ text: String, content: String) -> [Attribution] {
        [Attribution(source: DocumentScreenTests.span("Ana", in: text), cue: DocumentScreenTests.span("said", in: text),
                     content: DocumentScreenTests.span(content, in: text, after: 8), confidence: 0.9)]
    }

    // MARK: - Exact output

    @Test func aBracketRightBeforeAnOpeningMarkIsEscaped() throws {
        let line = try Self.docLine("Ana said a[the plan.", content: "the plan")
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] a\[[[>content#1: the plan]]."#)
        #expect(Self.decode(line) == Decoded("Ana said a[the plan.", [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 11, 19)]))
    }

    @Test func aBracketRightAfterAClosingMarkIsEscaped() throws {
        let line = try Self.docLine("Ana said the plan] is final.", content: "the plan")
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] [[>content#1: the plan]]\] is final."#)
        #expect(Self.decode(line) == Decoded("Ana said the plan] is final.", [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 9, 17)]))
    }

    @Test func aBracketRightBeforeAClosingMarkIsEscaped() throws {
        let line = try Self.docLine("Ana said the plan] now.", content: "the plan]")
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] [[>content#1: the plan\]]] now."#)
        #expect(Self.decode(line) == Decoded("Ana said the plan] now.", [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 9, 18)]))
    }

    @Test func bracketsOnBothSidesOfAMark() throws {
        let text = "Ana said [the plan] is final."
        let line = try Self.docLine(text, content: "the plan")
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] \[[[>content#1: the plan]]\] is final."#)
        #expect(Self.decode(line) == Decoded(text, [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 10, 18)]))
        // `show` writes the same escapes around its role markers.
        let show = try Self.showLine(text, content: "the plan")
        #expect(show == #"  [[src: Ana]] [[cue: said]] \[[[con: the plan]]\] is final."#)
        #expect(Self.decode(String(show.dropFirst(2))) == Decoded(text, [("src", 0, 3), ("cue", 4, 8), ("con", 10, 18)]))
    }

    @Test func aBackslashBeforeAnEscapedBracketOrAMarkIsDoubled() throws {
        // A backslash before the escaped `[`, one ending a mark's text, one right before an opening mark.
        let text = #"Ana said a\[the plan\]ok C:\more"#
        let line = try Self.docLine(text, content: #"the plan\"#)
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] a\\\[[[>content#1: the plan\\]]\]ok C:\more"#)
        #expect(Self.decode(line) == Decoded(text, [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 12, 21)]))
        let before = #"Ana said C:\the plan."#
        let opening = try Self.docLine(before, content: "the plan")
        #expect(opening == #"[[>src#1: Ana]] [[>cue#1: said]] C:\\[[>content#1: the plan]]."#)
        #expect(Self.decode(opening) == Decoded(before, [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 12, 20)]))
    }

    @Test func runsOfBracketsAndBackslashesAroundMarks() throws {
        let text = #"Ana said x\\[[[the plan]]]\\y"#
        let line = try Self.docLine(text, content: "the plan")
        #expect(line == #"[[>src#1: Ana]] [[>cue#1: said]] x\\\\\[\[\[[[>content#1: the plan]]\]\]]\\y"#)
        #expect(Self.decode(line) == Decoded(text, [("src#1", 0, 3), ("cue#1", 4, 8), ("content#1", 15, 23)]))
    }

    // MARK: - Round trip

    /// Every text of brackets, backslashes, letters and spaces, with marks nested, crossing,
    /// sharing a stretch or touching: the plain `doc` body reads back to the text and the marks.
    @Test func theBodyReadsBackToTheTextAndItsMarks() {
        var random = SeededRandom(seed: 0x5EED_B4C4)
        let alphabet: [Unicode.Scalar] = ["[", "]", "\\", "a", " "]
        for _ in 0..<3000 {
            let count = Int(random.next() % 12) + 1
            let scalars = (0..<count).map { _ in random.pick(alphabet) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            var marks: [DocumentScreen.Mark] = []
            for claim in 0..<Int(random.next() % 4) {
                let start = Int(random.next() % UInt64(count))
                let end = start + 1 + Int(random.next() % UInt64(count - start))
                marks.append(DocumentScreen.Mark(start: start, end: end, labels: [
                    DocumentScreen.Label(role: .source, claim: Int64(claim + 1), state: .unreviewed, current: false),
                ]))
            }
            marks.sort(by: DocumentScreen.opensBefore)
            let body = String(decoding: DocumentScreen(style: .plain).body(ScalarText(String(text)), marks), as: UTF8.self)
            let decoded = Self.decode(body.replacingOccurrences(of: String(DocumentScreen.glue), with: " "))
            #expect(decoded.text == String(text), "\(body)")
            // A mark crossing another is cut in two with the same label: compare the offsets each label covers.
            for mark in marks {
                let covered = decoded.marks.filter { $0.label == "src#\(mark.labels[0].claim)" }.flatMap { Array($0.start..<$0.end) }
                #expect(covered.sorted() == Array(mark.start..<mark.end), "\(body)")
            }
        }
    }

    // MARK: - A reader of the plain rendering

    struct Decoded: Equatable, CustomStringConvertible {
        var text: String
        var marks: [Mark]
        struct Mark: Equatable {
            var label: String
            var start: Int
            var end: Int
        }

        init(text: String, marks: [Mark]) {
            self.text = text
            self.marks = marks
        }

        /// The text and its marks, in the order they close.
        init(_ text: String, _ marks: [(String, Int, Int)]) {
            self.init(text: text, marks: marks.map { Mark(label: $0.0, start: $0.1, end: $0.2) })
        }

        var description: String { "\(text) \(marks.map { "\($0.label) \($0.start)-\($0.end)" })" }
    }

    /// The rule `help doc` gives: a run of n backslashes right before `[` or `]` is n/2 backslashes
    /// of the text and, when n is odd, makes that bracket text; any other backslash is text; every
    /// `[[` left opens a marker (its label runs to `: `), every `]]` left closes the last one open.
    /// Offsets are Unicode-scalar offsets in the text read back.
    static func decode(_ line: String) -> Decoded {
        let s = Array(line.unicodeScalars)
        var text = String.UnicodeScalarView()
        var open: [(label: String, start: Int)] = []
        var marks: [Decoded.Mark] = []
        var i = 0
        while i < s.count {
            if s[i] == "\\" {
                var j = i
                while j < s.count && s[j] == "\\" { j += 1 }
                let n = j - i
                guard j < s.count, s[j] == "[" || s[j] == "]" else {
                    text.append(contentsOf: repeatElement("\\", count: n))
                    i = j
                    continue
                }
                text.append(contentsOf: repeatElement("\\", count: n / 2))
                if n % 2 == 1 {
                    text.append(s[j])
                    i = j + 1
                } else {
                    i = j
                }
                continue
            }
            if s[i] == "[" && i + 1 < s.count && s[i + 1] == "[" {
                var j = i + 2
                var label = ""
                while j + 1 < s.count && !(s[j] == ":" && s[j + 1] == " ") {
                    label.unicodeScalars.append(s[j])
                    j += 1
                }
                open.append((label.hasPrefix(">") ? String(label.dropFirst()) : label, text.count))
                i = j + 2
                continue
            }
            if s[i] == "]" && i + 1 < s.count && s[i + 1] == "]", let mark = open.popLast() {
                marks.append(Decoded.Mark(label: mark.label, start: mark.start, end: text.count))
                i += 2
                continue
            }
            text.append(s[i])
            i += 1
        }
        return Decoded(text: String(text), marks: marks)
    }
}
