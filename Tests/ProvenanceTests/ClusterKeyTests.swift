import ClaimModel
import Interchange
import Testing

/// The gold JSONL's `cluster` key: written after `source_entity` when present, read back, checked.
@Suite struct ClusterKeyTests {
    static let line = #"{"doc_id":"d","text":"Ann said it rained.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,18],"outlet":null,"source_type":"named_person","anonymous":false,"source_entity":"ann","cluster":"rain","confidence":null}]}"#

    @Test func roundTripsTheClusterKey() throws {
        let read = JSONLReader.read(Array((Self.line + "\n").utf8), file: "g.jsonl")
        #expect(read.issues.isEmpty)
        let item = try #require(read.lines.first?.document)
        #expect(item.attributions.map(\.cluster) == ["rain"])
        #expect(JSONLWriter.encode([item]) == #"""
        {"doc_id":"d","text":"Ann said it rained.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,18],"source_text":"Ann","cue_text":"said","content_text":"it rained","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":"ann","cluster":"rain","confidence":null}]}

        """#)
    }

    @Test func withoutAClusterNothingIsWritten() throws {
        let doc = AnnotatedDocument(document: Document(id: "d", text: "x"), attributions: [Attribution()])
        #expect(!JSONLWriter.encode([doc]).contains("cluster"))
    }

    @Test func aClusterThatIsNotAStringIsAnError() {
        let bad = Self.line.replacingOccurrences(of: #""cluster":"rain""#, with: #""cluster":7"#)
        let read = JSONLReader.read(Array(bad.utf8), file: "g.jsonl")
        #expect(read.issues.map(\.description) == [#"g.jsonl:1: document "d": attribution #1: "cluster" must be a string or null"#])
    }
}
