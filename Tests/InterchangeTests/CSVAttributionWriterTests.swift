import ClaimModel
import Interchange
import Testing

@Suite struct CSVAttributionWriterTests {
    @Test func writesOneQuotedRowPerAttributionWithCRLF() throws {
        let rows = CSVAttributionWriter.rows(for: ExportFixture.document)
        let bytes = try CSVAttributionWriter.encode([CSVAttributionWriter.header] + rows)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == """
            doc_id,n,attribution_id,source_spans,cue_spans,content_spans,source_text,cue_text,content_text,outlet,source_type,anonymous,source_entity,confidence,verdict,annotator,analyst_confidence,tags,reviewed_at,note\r
            d1,1,a1,0-10,11-15,30-48,Zoë Brandt,told,prices 🚀 will rise,Newsweek,named_person,false,zoe brandt,0.83,corrected,ana,high,price,2026-11-25T10:00:00Z,"outlet fixed, ""told"" kept
            second line"\r
            d1,2,a2,69-81,82-86,51-67;89-99,the minister,said,Taxes will rise, … next year.,,named_person,,,,added,ana,,,,\r

            """.replacingOccurrences(of: "Taxes will rise, … next year.", with: "\"Taxes will rise, … next year.\"")
            + "d1,3,a3,,,30-48,,,prices 🚀 will rise,,implicit,,,0.5,confirmed,ana,low,,,\r\n")
    }

    @Test func aDocumentWithoutAttributionsHasNoRows() throws {
        let empty = AnnotatedDocument(document: Document(id: "e", text: "nothing"), attributions: [])
        #expect(CSVAttributionWriter.rows(for: empty).isEmpty)
        #expect(try CSVAttributionWriter.encode([]) == [])
    }
}
