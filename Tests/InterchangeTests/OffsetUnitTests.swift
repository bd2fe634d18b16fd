import ClaimModel
import Foundation
import Interchange
import Testing
import TestSupport

/// The mistakes an engineer makes when writing another extractor's output: offsets counted in
/// UTF-16 code units or UTF-8 bytes instead of scalars, and a file saved as UTF-16. Each is one
/// line that says which unit or encoding it looks like and what ClaimDesk expects.
@Suite struct OffsetUnitTests {
    func issues(_ line: String) -> [String] {
        JSONLReader.read(Array(line.utf8), file: "x.jsonl").issues.map(\.description)
    }

    /// "🙂" is one scalar and two UTF-16 units: "Ana" is [2, 5] in scalars, [3, 6] in UTF-16.
    @Test func spanCountedInUTF16IsNamed() {
        #expect(issues(#"{"doc_id":"e","text":"🙂 Ana said yes.","attributions":[{"source":[3,6],"source_text":"Ana"}]}"#) == [
            #"x.jsonl:1: document "e": attribution #1: source_text "Ana" does not match the text at [3, 6]: "na "; "#
                + #"read as UTF-16 code units, [3, 6] is "Ana" (or the spans are one scalar off: [2, 5] is "Ana"): ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#,
        ])
    }

    /// "é" (U+00E9) is one scalar and two UTF-8 bytes: "said" is [4, 8] in scalars, [5, 9] in bytes.
    @Test func spanCountedInBytesIsNamed() {
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"cue":[5,9],"cue_text":"said"}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: cue_text "said" does not match the text at [5, 9]: "aid "; "#
                + #"read as UTF-8 bytes, [5, 9] is "said" (or the spans are one scalar off: [4, 8] is "said"): ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#,
        ])
    }

    /// A `*_text` that no unit explains keeps the plain message.
    @Test func aWrongTextNoUnitExplainsStaysPlain() {
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"cue":[4,8],"cue_text":"told"}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: cue_text "told" does not match the text at [4, 8]: "said""#,
        ])
    }

    /// Past the end in scalars: a unit is named only when the attribution's `*_text` fits it (a
    /// span past the end of "Zoé said yes." is as likely a slip by one as byte offsets).
    @Test func spanPastTheEndIsNamedOnlyWhenItsTextFitsAnotherUnit() {
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"content":[9,14]}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: content [9, 14] is out of range (the text has 13 scalars; need 0 <= start < end <= 13)"#,
        ])
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"content":[10,14],"content_text":"yes."}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: content [10, 14] is out of range (the text has 13 scalars; need 0 <= start < end <= 13); "#
                + #"read as UTF-8 bytes, [10, 14] is "yes." (or the spans are one scalar off: [9, 13] is "yes."): ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#,
        ])
        #expect(issues(#"{"doc_id":"s","text":"🙂 yes","attributions":[{"content":[2,9]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [2, 9] is out of range (the text has 5 scalars; need 0 <= start < end <= 5)"#,
        ])
    }

    /// A short text found one scalar over is said as that too; every *_text of the attribution
    /// must fit a unit for it to be named.
    @Test func aSlipByOneAndSeveralTextsAreWeighed() {
        // "éé ab ab": [5, 7] is " a" in scalars, "ab" in bytes, and "ab" one scalar on.
        #expect(issues(#"{"doc_id":"t","text":"éé ab ab","attributions":[{"cue":[5,7],"cue_text":"ab"}]}"#) == [
            #"x.jsonl:1: document "t": attribution #1: cue_text "ab" does not match the text at [5, 7]: " a"; read as UTF-8 bytes, "#
                + #"[5, 7] is "ab" (or the spans are one scalar off: [6, 8] is "ab"): ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#,
        ])
        // The cue fits bytes but the source does not: no unit is named.
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"source":[0,3],"source_text":"Bo","cue":[5,9],"cue_text":"said"}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: source_text "Bo" does not match the text at [0, 3]: "Zoé""#,
        ])
        #expect(issues(#"{"doc_id":"z","text":"Zoé said yes.","attributions":[{"source":[0,4],"source_text":"Zoé","cue":[5,9],"cue_text":"said"}]}"#) == [
            #"x.jsonl:1: document "z": attribution #1: cue_text "said" does not match the text at [5, 9]: "aid "; read as UTF-8 bytes, "#
                + #"[5, 9] is "said" and every other *_text of the attribution fits too: ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#,
        ])
    }

    /// Without a `*_text`, offsets past the scalar count name UTF-16 only when it is the one
    /// reading that fits: "🙂🙂 yes" is 6 scalars, 8 UTF-16 units, 12 UTF-8 bytes; "yes" is
    /// [3, 6] in scalars and [5, 8] in UTF-16, where byte 5 falls inside the second emoji and
    /// [4, 7] (one scalar back) still ends past the text.
    @Test func offsetsWithoutTextNameUTF16WhenNothingElseFits() {
        let note = #"ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, "Offsets")"#
        #expect(issues(#"{"doc_id":"s","text":"🙂🙂 yes","attributions":[{"content":[5,8]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [5, 8] is out of range (the text has 6 scalars; need 0 <= start < end <= 6); "#
                + #"the offsets look like UTF-16 code units (the text has 8 of them): read so, [5, 8] is "yes" and no other reading fits every offset of the attribution: "#
                + note,
        ])
        // Every role and fragment counts: "Bo 🙂🙂 said yes" is Bo [0, 2], said [8, 12], yes [13, 16] in UTF-16.
        #expect(issues(#"{"doc_id":"b","text":"Bo 🙂🙂 said yes","attributions":[{"source":[0,2],"cue":[8,12],"content":[13,16],"content_fragments":[[13,16]]}]}"#) == [
            #"x.jsonl:1: document "b": attribution #1: content [13, 16] is out of range (the text has 14 scalars; need 0 <= start < end <= 14); "#
                + #"the offsets look like UTF-16 code units (the text has 16 of them): read so, [13, 16] is "yes" and no other reading fits every offset of the attribution: "#
                + note,
        ])
    }

    /// Past the end but not UTF-16 for sure: the plain message.
    @Test func offsetsWithoutTextStayPlainWhenAnotherReadingFits() {
        // One emoji: [3, 6] is "yes" in UTF-16, but [2, 5] (a slip by one) is " ye" and fits as well.
        #expect(issues(#"{"doc_id":"s","text":"🙂 yes","attributions":[{"content":[3,6]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [3, 6] is out of range (the text has 5 scalars; need 0 <= start < end <= 5)"#,
        ])
        // The source [0, 1] splits nothing in scalars but falls inside the first emoji's surrogate pair.
        #expect(issues(#"{"doc_id":"s","text":"🙂🙂 yes","attributions":[{"source":[0,1],"content":[5,8]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [5, 8] is out of range (the text has 6 scalars; need 0 <= start < end <= 6)"#,
        ])
        // [4, 8] fits UTF-16 (" yes") and UTF-8 bytes ("🙂") alike: nothing is named.
        #expect(issues(#"{"doc_id":"s","text":"🙂🙂 yes","attributions":[{"content":[4,8]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [4, 8] is out of range (the text has 6 scalars; need 0 <= start < end <= 6)"#,
        ])
        // Past the UTF-16 length too, and byte 5 inside an emoji: no reading fits.
        #expect(issues(#"{"doc_id":"s","text":"🙂🙂 yes","attributions":[{"content":[5,9]}]}"#) == [
            #"x.jsonl:1: document "s": attribution #1: content [5, 9] is out of range (the text has 6 scalars; need 0 <= start < end <= 6)"#,
        ])
    }

    static let line = #"{"doc_id":"d","text":"He said."}"# + "\n"
    static func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        s.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    static let files: [(bytes: [UInt8], message: String)] = [
        ([0xFF, 0xFE] + utf16(line, bigEndian: false),
         "the file is UTF-16LE (it starts with that byte order mark), not UTF-8: convert it, e.g. `iconv -f UTF-16LE -t UTF-8 FILE > NEW.jsonl`, or in Python write it with encoding=\"utf-8\""),
        (utf16(line, bigEndian: true),
         "the file is UTF-16BE, not UTF-8: convert it, e.g. `iconv -f UTF-16BE -t UTF-8 FILE > NEW.jsonl`, or in Python write it with encoding=\"utf-8\""),
        ([0xFF, 0xFE, 0, 0] + line.unicodeScalars.flatMap { [UInt8($0.value & 0xFF), 0, 0, 0] },
         "the file is UTF-32LE (it starts with that byte order mark), not UTF-8: convert it, e.g. `iconv -f UTF-32LE -t UTF-8 FILE > NEW.jsonl`, or in Python write it with encoding=\"utf-8\""),
    ]

    /// A UTF-16 or UTF-32 file is one line naming its encoding, from both readers, instead of
    /// "invalid UTF-8" on every line.
    @Test(arguments: 0..<3) func fileInAnotherEncodingIsOneLine(_ index: Int) throws {
        let (bytes, message) = Self.files[index]
        #expect(JSONLReader.read(bytes, file: "w.jsonl").issues.map(\.description) == ["w.jsonl: " + message])
        let scratch = try Scratch(prefix: "offset-units")
        let path = try scratch.write("w.jsonl", bytes: bytes)
        var batches = 0
        let issues = JSONLStream.read(file: path) { _ in batches += 1 }
        #expect(issues.map(\.description) == ["\(path): " + message])
        #expect(batches == 0)
    }

    /// UTF-8, with or without its byte order mark, is not taken for another encoding.
    @Test func utf8IsNotTakenForAnotherEncoding() {
        #expect(JSONLReader.foreignEncoding(Array(Self.line.utf8))?.name == nil)
        #expect(JSONLReader.foreignEncoding(JSONLReader.byteOrderMark + Array(Self.line.utf8))?.name == nil)
        #expect(JSONLReader.read(Array(Self.line.utf8), file: "u.jsonl").issues == [])
    }
}
