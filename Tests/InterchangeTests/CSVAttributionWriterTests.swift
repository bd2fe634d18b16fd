import ClaimModel
import Interchange
import Testing

@Suite struct CSVAttributionWriterTests {
    static let sentences = [Span(0, 49), Span(50, 100)]

    @Test func writesOneQuotedRowPerAttributionWithCRLF() throws {
        let rows = CSVAttributionWriter.rows(for: ExportFixture.document, sentences: Self.sentences)
        let bytes = try CSVAttributionWriter.encode([CSVAttributionWriter.header] + rows)
        let text = String(decoding: bytes, as: UTF8.self)
        let first = "Zoë Brandt told Newsweek that prices 🚀 will rise."
        let second = #""""Taxes will rise,"" the minister said, ""next year.""""#
        #expect(text.components(separatedBy: "\r\n") == """
            doc_id,n,attribution_id,source_spans,cue_spans,content_spans,source_text,cue_text,content_text,outlet,source_type,anonymous,source_entity,confidence,verdict,annotator,analyst_confidence,tags,reviewed_at,note,context,bulk\r
            d1,1,a1,0-10,11-15,30-48,Zoë Brandt,told,prices 🚀 will rise,Newsweek,named_person,false,zoe brandt,0.83,corrected,ana,high,"[""price""]",2026-11-25T10:00:00Z,"outlet fixed, ""told"" kept
            second line",\(first),false\r
            d1,2,a2,69-81,82-86,51-67;89-99,the minister,said,"Taxes will rise, … next year.",,named_person,,,,added,ana,,,,,\(second),false\r
            d1,3,a3,,,30-48,,,prices 🚀 will rise,,implicit,,,0.5,confirmed,ana,low,,,,\(first),false\r

            """.components(separatedBy: "\r\n"))
    }

    @Test func withoutSentencesTheContextIsTheClaimsOwnExtent() {
        let rows = CSVAttributionWriter.rows(for: ExportFixture.document)
        #expect(rows.map { $0[20] } == [
            "Zoë Brandt told Newsweek that prices 🚀 will rise",
            "Taxes will rise,\" the minister said, \"next year.",
            "prices 🚀 will rise",
        ])
    }

    @Test func aDocumentWithoutAttributionsHasNoRows() throws {
        let empty = AnnotatedDocument(document: Document(id: "e", text: "nothing"), attributions: [])
        #expect(CSVAttributionWriter.rows(for: empty).isEmpty)
        #expect(try CSVAttributionWriter.encode([]) == [])
    }

    @Test func formulaCellsAreNeutralisedAndNumbersStayNumbers() throws {
        let text = "-5 said =SUM(A1)."
        var claim = Attribution(id: "@id", source: Fragments(Span(0, 2)), cue: Fragments(Span(3, 7)), content: Fragments(Span(8, 16)),
                                outlet: "+outlet", sourceType: .namedPerson, anonymous: false, sourceEntity: "\tentity",
                                confidence: 0.25)
        claim.review = Review(status: .confirmed, annotator: "=1+2", tags: ["=cmd", "a;b"], note: "=HYPERLINK(\"http://x\",\"y\")",
                              at: "\r2026")
        let item = AnnotatedDocument(document: Document(id: "=doc", text: text), attributions: [claim])
        let row = try #require(CSVAttributionWriter.rows(for: item).first)
        #expect(row == [
            "'=doc", "1", "'@id", "0-2", "3-7", "8-16", "'-5", "said", "'=SUM(A1)", "'+outlet", "named_person", "false",
            "'\tentity", "0.25", "confirmed", "'=1+2", "", #"["=cmd","a;b"]"#, "'\r2026", #"'=HYPERLINK("http://x","y")"#,
            "'-5 said =SUM(A1)", "false",
        ])
    }

    @Test func neutralisingIsUndoneByDroppingOneApostrophe() {
        for value in ["=1+2", "'=1+2", "'", "''x", "plain", "-3", "", "@a", "+", "\tx"] {
            #expect(CSVAttributionWriter.restored(CSVAttributionWriter.neutralised(value)) == value)
        }
        #expect(CSVAttributionWriter.neutralised("'quoted'") == "''quoted'")
    }

    @Test func aNegativeConfidenceStaysANumber() {
        let claim = Attribution(id: "a", content: Fragments(Span(0, 1)), confidence: -0.5)
        let item = AnnotatedDocument(document: Document(id: "d", text: "x"), attributions: [claim])
        #expect(CSVAttributionWriter.rows(for: item).first?[13] == "-0.5")
    }
}
