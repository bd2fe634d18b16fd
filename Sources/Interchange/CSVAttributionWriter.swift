import CSV
import ClaimModel
import Foundation

/// Writes attributions as CSV, one row per attribution, quoted per RFC 4180 by the CSV library
/// (CRLF line ends, fields with quotes, commas or line breaks in double quotes) so that a
/// spreadsheet and pandas read the file as it is.
///
/// Spans are written as scalar offsets `start-end`, fragments joined by `;` (`3-9;14-20`);
/// texts are the fragments' texts joined by " … " (docs/FORMAT.md's joiner); tags are a JSON array
/// of strings (`["price","a;b"]`), so that any tag splits back; `context` is the text of the
/// sentence(s) the claim sits in; `bulk` (last, so that readers counting columns from the left
/// are undisturbed) is `true` for a verdict `accept-above` gave without the claim being read,
/// `false` for any other review, empty without a review.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in some, tab or CR) as a
/// formula: an annotator named `=1+2` or a note `=HYPERLINK(…)` would run when the file is
/// opened. Every text cell that starts with one of these, or with `'`, gets a leading `'` (the
/// OWASP recommendation), which spreadsheets show as text; drop one leading `'` to get the value
/// back. ClaimDesk's own columns (`n`, spans, source_type, anonymous, confidence, verdict,
/// analyst_confidence, bulk) are never changed, so numbers stay numbers.
public enum CSVAttributionWriter {
    public static let header = [
        "doc_id", "n", "attribution_id",
        "source_spans", "cue_spans", "content_spans",
        "source_text", "cue_text", "content_text",
        "outlet", "source_type", "anonymous", "source_entity", "confidence",
        "verdict", "annotator", "analyst_confidence", "tags", "reviewed_at", "note", "context", "bulk",
    ]

    /// Columns ClaimDesk fills itself (numbers, offsets, fixed vocabularies): never neutralised.
    static let ownColumns: Set<Int> = [1, 3, 4, 5, 10, 11, 13, 14, 16, 21]

    /// The header row, with its line end.
    public static func headerBytes() throws(InterchangeIssue) -> [UInt8] {
        try encode([header])
    }

    /// The rows of one document (empty when it has no attributions). `sentences` are the
    /// document's sentence spans in text order (`RulesExtractor.sentenceSpans`); without them,
    /// `context` holds the claim's own extent.
    public static func rows(for item: AnnotatedDocument, sentences: [Span] = []) -> [[String]] {
        guard !item.attributions.isEmpty else { return [] }
        let scalars = ScalarText(item.document.text)
        return item.attributions.enumerated().map { index, a in
            let row = [
                item.document.id, String(index + 1), a.id ?? "",
                spans(a.source), spans(a.cue), spans(a.content),
                a.source.map { scalars.slice($0) } ?? "",
                a.cue.map { scalars.slice($0) } ?? "",
                a.content.map { scalars.slice($0) } ?? "",
                a.outlet ?? "", a.sourceType?.rawValue ?? "",
                a.anonymous.map { $0 ? "true" : "false" } ?? "",
                a.sourceEntity ?? "",
                a.confidence.map(number) ?? "",
                a.review?.status.rawValue ?? "", a.review?.annotator ?? "",
                a.review?.confidence?.rawValue ?? "",
                tags(a.review?.tags ?? []),
                a.review?.at ?? "", a.review?.note ?? "",
                context(a, sentences: sentences, scalars: scalars),
                a.review.map { $0.bulk ? "true" : "false" } ?? "",
            ]
            return row.enumerated().map { column, cell in ownColumns.contains(column) ? cell : neutralised(cell) }
        }
    }

    /// `cell` as a spreadsheet shows it as text: a leading `'` before `=`, `+`, `-`, `@`, tab, CR
    /// or `'` (the last so that dropping one leading `'` always gives the value back).
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "'": return "'" + cell
        default: return cell
        }
    }

    /// The inverse of `neutralised`.
    public static func restored(_ cell: String) -> String {
        cell.unicodeScalars.first == "'" ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// Tags as a JSON array of strings, empty when there are none.
    static func tags(_ tags: [String]) -> String {
        tags.isEmpty ? "" : JSONValue.array(tags.map { .string($0) }).serialized
    }

    /// From the start of the sentence holding the claim's first scalar to the end of the one
    /// holding its last; a part that falls in no sentence counts as itself.
    static func context(_ a: Attribution, sentences: [Span], scalars: ScalarText) -> String {
        let hulls = [a.source, a.cue, a.content].compactMap { $0?.hull }
        guard let start = hulls.map(\.start).min(), let end = hulls.map(\.end).max() else { return "" }
        let first = sentence(holding: start, in: sentences)
        let last = sentence(holding: end - 1, in: sentences)
        return scalars.slice(Span(min(first?.start ?? start, start), max(last?.end ?? end, end)))
    }

    /// The sentence containing `offset` (sentences are sorted and disjoint: binary search).
    static func sentence(holding offset: Int, in sentences: [Span]) -> Span? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].contains(offset) ? sentences[low] : nil
    }

    /// `rows` as RFC 4180 CSV bytes, every row ending with CRLF.
    public static func encode(_ rows: [[String]]) throws(InterchangeIssue) -> [UInt8] {
        guard !rows.isEmpty else { return [] }
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
            for row in rows {
                writer.beginNewRow()
                for field in row { try writer.write(field: field) }
            }
            writer.stream.close()
        } catch {
            throw InterchangeIssue(file: "csv", line: 0, message: "cannot encode CSV: \(error)")
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw InterchangeIssue(file: "csv", line: 0, message: "cannot encode CSV: no output")
        }
        return [UInt8](data) + [0x0D, 0x0A]
    }

    static func spans(_ fragments: Fragments?) -> String {
        guard let fragments else { return "" }
        return fragments.spans.map { "\($0.start)-\($0.end)" }.joined(separator: ";")
    }

    static func number(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.double(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
