import ClaimModel
import Testing
@testable import Workbench

/// The card's Markdown shows doc_ids, outlets and names as text: no HTML, no links, no table
/// cells broken open, whatever they hold.
@Suite struct DatasetCardSafetyTests {
    static func card(files: [ExportedFile] = []) -> DatasetCard {
        var tally = ExportTally()
        tally.add(AnnotatedDocument(document: Document(id: "d", text: "x"), attributions: [
            Attribution(content: Fragments(Span(0, 1)), outlet: "<svg onload=alert(1)>",
                        review: Review(status: .confirmed, annotator: "*bo*[x](javascript:alert(1))|`c`")),
        ]))
        return DatasetCard(
            format: "JSONL", selection: "annotator <b>ana</b>", includesPartial: false, tally: tally,
            annotatorsDone: ["<img src=x onerror=alert(1)>"], leftOut: ["<script>alert(1)</script>"],
            partial: ["a\u{1B}[2J\nb"], runs: [], agreement: [], agreementNote: nil, files: files)
    }

    @Test func valuesAreEscapedForMarkdownAndHTML() {
        let markdown = Self.card().markdown
        for raw in ["<script", "<svg", "<img", "<b>", "[x](", "\u{1B}"] {
            #expect(!markdown.contains(raw), "\(raw)")
        }
        #expect(markdown.contains("- Selection: annotator &lt;b&gt;ana&lt;/b&gt;; only documents marked done"))
        #expect(markdown.contains("- Left out (annotators disagree, nothing adjudicated): &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("- Partially reviewed documents: a\\\\u{1b}[2J\\\\nb".replacingOccurrences(of: "[", with: "\\[")))
        #expect(markdown.contains("| &lt;svg onload=alert(1)&gt; | 1 |"))
        #expect(markdown.contains(#"| \*bo\*\[x\](javascript\:alert(1))\|\`c\` | 1 |"#))
        #expect(markdown.contains("Documents marked done by: &lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func fileNamesStayRawInsideAFenceLongerThanTheirBackticks() {
        let digest = String(repeating: "0", count: 64)
        let markdown = Self.card(files: [ExportedFile(name: "a```b.txt", bytes: 1, sha256: digest)]).markdown
        #expect(markdown.contains("````\n\(digest)  a```b.txt\n````"))
        #expect(markdown.contains(#"| a\`\`\`b.txt | 1 |"#))
    }

    @Test func theJSONCardKeepsValuesExact() throws {
        let json = try #require(JSONValue(parsing: Self.card().json))
        #expect(json["left_out"] == .array([.string("<script>alert(1)</script>")]))
        #expect(json["by_outlet"] == .object([("<svg onload=alert(1)>", .number("1"))]))
    }
}
