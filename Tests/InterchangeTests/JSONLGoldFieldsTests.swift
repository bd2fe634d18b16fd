import ClaimModel
import Interchange
import Testing

/// The gold-export fields: `reviewed_by`, a review's `adjudication` and `changes`, `other_reviews`.
@Suite struct JSONLGoldFieldsTests {
    static let line = #"{"doc_id":"d1","reviewed_by":["ana","bo"],"text":"Bo Li said it rained.","attributions":["#
        + #"{"source":[0,5],"cue":[6,10],"content":[11,20],"source_text":"Bo Li","cue_text":"said","content_text":"it rained","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":null,"confidence":null,"#
        + #""review":{"status":"confirmed","annotator":"cy","at":"2026-11-25T10:00:00Z","adjudication":true},"#
        + #""other_reviews":[{"status":"corrected","annotator":"ana","tags":["x"],"at":"2026-11-25T09:00:00Z","changes":{"source":[[0,2]],"type":"anonymous"}},{"status":"rejected","annotator":"bo","note":"no"}]}]}"#
        + "\n"

    @Test func readThenWriteGivesTheSameBytes() throws {
        let result = JSONLReader.read(Array(Self.line.utf8), file: "g.jsonl")
        #expect(result.issues == [])
        let doc = try #require(result.lines.first?.document)
        #expect(doc.reviewedBy == ["ana", "bo"])
        let a = try #require(doc.attributions.first)
        #expect(a.review == Review(status: .confirmed, annotator: "cy", at: "2026-11-25T10:00:00Z", adjudication: true))
        #expect(a.otherReviews.map(\.annotator) == ["ana", "bo"])
        #expect(a.otherReviews[0].changes?.serialized == #"{"source":[[0,2]],"type":"anonymous"}"#)
        #expect(JSONLWriter.encode([doc]) == Self.line)
    }

    @Test func badGoldFieldsAreLocated() {
        func issue(_ line: String) -> String? {
            JSONLReader.read(Array(line.utf8), file: "g.jsonl").issues.first.map { "\($0)" }
        }
        let text = #""text":"Bo Li said it rained.""#
        #expect(issue(#"{"doc_id":"d","reviewed_by":[],"# + text + "}")
                == #"g.jsonl:1: document "d": "reviewed_by" must be a non-empty array of annotator names"#)
        #expect(issue(#"{"doc_id":"d","reviewed_by":["a\u001b[2J"],"# + text + "}")
                == #"g.jsonl:1: document "d": "reviewed_by": annotator name contains a control character (U+001B): "a\u{1b}[2J""#)
        #expect(issue(#"{"doc_id":"d","# + text + #","attributions":[{"content":[11,20],"other_reviews":[{"status":"confirmed"}]}]}"#)
                == #"g.jsonl:1: document "d": attribution #1: a review in "other_reviews" names no "annotator""#)
        #expect(issue(#"{"doc_id":"d","# + text + #","attributions":[{"content":[11,20],"review":{"status":"confirmed","adjudication":1}}]}"#)
                == #"g.jsonl:1: document "d": attribution #1: review "adjudication" must be true or false"#)
        #expect(issue(#"{"doc_id":"d","# + text + #","attributions":[{"content":[11,20],"other_reviews":[{"status":"confirmed","annotator":"a","changes":{"source":[[0,99]]}}]}]}"#)
                == #"g.jsonl:1: document "d": attribution #1: review changes source [0, 99] is out of range (the text has 21 scalars; need 0 <= start < end <= 21)"#)
        #expect(issue(#"{"doc_id":"d","# + text + #","attributions":[{"content":[11,20],"other_reviews":[{"status":"confirmed","annotator":"a","changes":{"colour":"red"}}]}]}"#)
                == #"g.jsonl:1: document "d": attribution #1: review changes: unknown field "colour" (source, cue, content, outlet, type, anon, entity)"#)
    }
}
