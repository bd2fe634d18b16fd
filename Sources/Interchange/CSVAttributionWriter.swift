import CSV
import ClaimModel
import Foundation

/// Writes attributions as CSV, one row per attribution, quoted per RFC 4180 by the CSV library
/// (CRLF line ends, fields with quotes, commas or line breaks in double quotes) so that a
/// spreadsheet and pandas read the file as it is.
///
/// Spans are written as scalar offsets `start-end`, fragments joined by `;` (`3-9;14-20`);
/// texts are the fragments' texts joined by " … " (docs/FORMAT.md's joiner).
public enum CSVAttributionWriter {
    public static let header = [
        "doc_id", "n", "attribution_id",
        "source_spans", "cue_spans", "content_spans",
        "source_text", "cue_text", "content_text",
        "outlet", "source_type", "anonymous", "source_entity", "confidence",
        "verdict", "annotator", "analyst_confidence", "tags", "reviewed_at", "note",
    ]

    /// The header row, with its line end.
    public static func headerBytes() throws(InterchangeIssue) -> [UInt8] {
        try encode([header])
    }

    /// The rows of one document, each ending with CRLF (empty when it has no attributions).
    public static func rows(for item: AnnotatedDocument) -> [[String]] {
        guard !item.attributions.isEmpty else { return [] }
        let scalars = ScalarText(item.document.text)
        return item.attributions.enumerated().map { index, a in
            [
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
                a.review?.tags.joined(separator: ";") ?? "",
                a.review?.at ?? "", a.review?.note ?? "",
            ]
        }
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
