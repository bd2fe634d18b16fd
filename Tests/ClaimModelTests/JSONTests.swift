import ClaimModel
import Testing

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberLiterals() throws {
        let value = try JSONParser.parse(Array(#"{"b": 1.50, "a": [true, null, "x"], "c": 1e3}"#.utf8))
        #expect(value.serialized == #"{"b":1.50,"a":[true,null,"x"],"c":1e3}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(Array(#""a\"b\\c\n\u00e9\ud83d\ude00""#.utf8))
        #expect(value == .string("a\"b\\c\né😀"))
    }

    @Test(arguments: [
        (#"{"a": }"#, 7, "unexpected character '}'"),
        (#"{"a": 1"#, 8, "unterminated object"),
        (#"[1, 2] x"#, 8, "unexpected content after the JSON value"),
        (#""\ud800""#, 8, "unpaired surrogate in \\u escape"),
        ("01", 2, "unexpected content after the JSON value"),
        ("\"a\tb\"", 3, "unescaped control character in a string"),
    ])
    func reportsTheColumnOfTheFirstError(input: String, column: Int, message: String) {
        #expect(throws: JSONParser.Failure(column: column, message: message)) {
            try JSONParser.parse(Array(input.utf8))
        }
    }

    @Test func writerEscapesControlCharacters() {
        var writer = JSONWriter()
        writer.string("a\u{1B}[31m\u{7F}\"")
        #expect(writer.text == #""a\u001b[31m\u007f\"""#)
    }
}
