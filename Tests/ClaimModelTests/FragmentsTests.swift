import ClaimModel
import Testing

@Suite struct FragmentsTests {
    @Test func mergesTouchingAndOverlappingSpansInOrder() {
        let f = Fragments([Span(10, 12), Span(0, 3), Span(2, 5), Span(12, 14)])
        #expect(f?.spans == [Span(0, 5), Span(10, 14)])
        #expect(f?.hull == Span(0, 14))
        #expect(f?.isContinuous == false)
        #expect(f?.scalarCount == 9)
    }

    @Test func emptySpansGiveNoFragments() {
        #expect(Fragments([Span(3, 3)]) == nil)
        #expect(Fragments(unchecked: []) == nil)
    }

    @Test func wellFormedRequiresSortedNonOverlappingValidSpans() {
        #expect(Fragments(unchecked: [Span(0, 2), Span(3, 5)])?.isWellFormed(in: 5) == true)
        #expect(Fragments(unchecked: [Span(3, 5), Span(0, 2)])?.isWellFormed(in: 5) == false)
        #expect(Fragments(unchecked: [Span(0, 3), Span(2, 5)])?.isWellFormed(in: 5) == false)
        #expect(Fragments(unchecked: [Span(0, 6)])?.isWellFormed(in: 5) == false)
    }

    @Test func spanValidity() {
        #expect(Span(0, 1).isValid(in: 1))
        #expect(!Span(1, 1).isValid(in: 1))
        #expect(!Span(-1, 1).isValid(in: 1))
        #expect(!Span(0, 2).isValid(in: 1))
    }
}

@Suite struct ScalarTextTests {
    @Test func slicesByUnicodeScalarsNotCharactersOrUTF16() {
        // "e" + combining acute is two scalars; the CJK character is outside the BMP (two UTF-16 units).
        let text = ScalarText("Ren\u{65}\u{301}e 𠮷田 said")
        #expect(text.count == 14)
        #expect(text.slice(Span(0, 5)) == "Ren\u{65}\u{301}")
        #expect(text.slice(Span(7, 9)) == "𠮷田")
        #expect(text.slice(Span(10, 14)) == "said")
    }

    @Test func joinsFragmentsWithAnEllipsis() {
        let text = ScalarText("\"A,\" she said, \"B.\"")
        #expect(text.slice(Fragments(unchecked: [Span(1, 2), Span(16, 17)])!) == "A … B")
    }

    @Test func findsEveryOccurrence() {
        #expect(ScalarText("he said he would").occurrences(of: "he") == [Span(0, 2), Span(8, 10)])
        #expect(ScalarText("abc").occurrences(of: "") == [])
    }
}

@Suite struct DocumentIDTests {
    @Test func rejectsEmptyLongAndControlCharacterIDs() {
        #expect(Document.problem(withID: "derna") == nil)
        #expect(Document.problem(withID: "") == "doc_id is empty")
        #expect(Document.problem(withID: String(repeating: "x", count: 201)) == "doc_id has 201 Unicode scalars (at most 200)")
        #expect(Document.problem(withID: "a\u{1B}b") == "doc_id contains a control character (U+001B)")
    }
}
