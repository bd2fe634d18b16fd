import ClaimModel
import Evaluation
import Testing

@Suite("TokenIndex: \\w runs or single non-space scalars, offsets in Unicode scalars")
struct TokenIndexTests {
    @Test("ASCII sentence: words and punctuation, each token's first scalar offset")
    func asciiStarts() {
        let text = ScalarText("Officials said the dam broke. Police told Reuters.")
        let index = TokenIndex(text)
        #expect(index.starts == [0, 10, 15, 19, 23, 28, 30, 37, 42, 49])
        #expect(index.count == 10)
    }

    @Test("Unicode: letters and numbers of any script are word scalars; offsets count scalars")
    func unicodeTokens() {
        // Expected spans checked against Python 3's re.finditer(r"\w+|[^\w\s]", s) on the same text.
        let text = ScalarText("Zoë said «ça» 😀 ok_2 e\u{301}x ٣½Ⅻ\u{A0}a\u{2003}b\u{1C}c")
        let spans = TokenIndex.tokenSpans(text.scalars)
        #expect(
            spans == [
                Span(0, 3), Span(4, 8), Span(9, 10), Span(10, 12), Span(12, 13), Span(14, 15),
                Span(16, 20), Span(21, 22), Span(22, 23), Span(23, 24), Span(25, 28), Span(29, 30),
                Span(31, 32), Span(33, 34),
            ])
        #expect(TokenIndex(text).starts == spans.map(\.start))
    }

    @Test("A token belongs to a span when its first scalar lies in the span")
    func membershipByFirstScalar() {
        let index = TokenIndex(ScalarText("Officials said it"))
        #expect(index.count(in: Fragments(Span(0, 3))) == 1)  // "Off": starts "Officials"
        #expect(index.count(in: Fragments(Span(1, 9))) == 0)  // "fficials": starts nothing
        #expect(index.count(in: Fragments(Span(1, 11))) == 1)  // "fficials s": starts "said"
        #expect(index.tokenRange(of: Span(0, 17)) == 0..<3)
        #expect(index.tokenRange(of: Span(9, 10)) == 1..<1)
    }

    @Test("Counts over discontinuous fragments and intersections of fragments")
    func fragmentsAndIntersections() throws {
        let index = TokenIndex(ScalarText("a b c d e f g h"))
        // tokens start at 0, 2, 4, …, 14
        let split = try #require(Fragments([Span(0, 3), Span(8, 11)]))  // a b | e f
        let middle = Fragments(Span(2, 9))  // b c d e
        #expect(index.count(in: split) == 4)
        #expect(index.count(in: middle) == 4)
        #expect(index.intersectionCount(split, middle) == 2)  // b, e
        #expect(index.intersectionCount(middle, split) == 2)
        #expect(index.intersectionCount(Fragments(Span(4, 7)), split) == 0)  // c d: inside the hull only
    }

    @Test("Spans past the end of the text count nothing beyond it")
    func outOfRange() {
        let index = TokenIndex(ScalarText("one two"))
        #expect(index.count(in: Fragments(Span(4, 100))) == 1)
        #expect(index.count(in: Fragments(Span(50, 100))) == 0)
    }

    @Test("Empty and all-space texts have no tokens")
    func empty() {
        #expect(TokenIndex(ScalarText("")).count == 0)
        #expect(TokenIndex(ScalarText(" \n\t\u{3000}")).count == 0)
    }
}
