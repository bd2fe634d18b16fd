import ClaimModel
import Foundation
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

/// Reports moved from `JSONEncoder` to `JSONValueEncoder` + `JSONWriter.pretty`; scripts read
/// `--format json`, so the bytes must be the ones `JSONEncoder` wrote.
@Suite struct JSONValueEncoderTests {
    struct Sample: Encodable {
        var counts: [String: Int]
        var empty: [Int]
        var none: [String: Int]
        var ratios: [Double]
        var text: String
        var missing: Int?
        var nested: [String: [UInt8]]
        var flag: Bool
    }

    static let sample = Sample(
        counts: ["b": 1, "B": 2, "a10": 3, "a9": 4, "_x": 5, "é": 6, "Z": 7],
        empty: [], none: [:],
        ratios: [0.1, 1e-7, 1, -0.0, 1e16, 123_456_789_012_345, 2.5e-5, 1.0 / 3, 1e300, 100, 0.6825],
        text: "a/b\u{1}\u{7f}\"\\\n\t\u{8}\u{c}\u{2028}é", missing: nil,
        nested: ["k": [1, 2]], flag: true)

    @Test func prettyOutputMatchesJSONEncoderByteForByte() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Self.sample), as: UTF8.self)
        var writer = JSONWriter()
        writer.escapesDelete = false
        writer.pretty(try JSONValueEncoder.encode(Self.sample))
        #expect(writer.text == expected)
    }

    @Test func numbersPrintAsJSONEncoderPrintedThem() {
        #expect([0.1, 1e-7, 1, -0.0, 1e16, 0.5].map(JSONValueEncoder.number) == ["0.1", "1e-07", "1", "-0", "1e+16", "0.5"])
    }
}

@Suite struct JSONWriterNumberTests {
    /// `int` writes its digits without a String: they must be the ones `String(value)` spells,
    /// at every edge (one digit, powers of ten, negatives, the extremes).
    @Test func integersAreSpelledAsStringSpellsThem() {
        let values = [0, 1, 9, 10, 11, 99, 100, 12_345, -1, -9, -10, -12_345, 1_000_000_007, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for value in values {
            var writer = JSONWriter()
            writer.int(value)
            #expect(writer.text == String(value), "\(value)")
        }
    }

    /// Whole doubles go through the same digits; others keep Swift's shortest round-trip text.
    @Test func wholeDoublesAreWrittenAsIntegers() {
        var writer = JSONWriter()
        for value in [0.0, 1.0, -3.0, 1e14, 0.25, -0.5, 1e15, 0.1] {
            writer.double(value)
            writer.byte(UInt8(ascii: " "))
        }
        #expect(writer.text == "0 1 -3 100000000000000 0.25 -0.5 1000000000000000.0 0.1 ")
    }
}
