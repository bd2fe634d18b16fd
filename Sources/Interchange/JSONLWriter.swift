import ClaimModel

/// Writes FORMAT.md JSONL, one document per line, in a fixed key order.
public struct JSONLWriter {
    private var json = JSONWriter()

    public init() {}

    /// One line (with its trailing newline) as UTF-8 bytes.
    public mutating func line(for item: AnnotatedDocument) -> [UInt8] {
        json.reset()
        write(item)
        json.byte(0x0A)
        return json.bytes
    }

    public static func encode(_ items: [AnnotatedDocument]) -> String {
        var writer = JSONLWriter()
        var out: [UInt8] = []
        for item in items { out.append(contentsOf: writer.line(for: item)) }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func write(_ item: AnnotatedDocument) {
        let d = item.document
        json.raw("{\"doc_id\":")
        json.string(d.id)
        if let title = d.title { json.raw(",\"title\":"); json.string(title) }
        if let publisher = d.publisher { json.raw(",\"publisher\":"); json.string(publisher) }
        if let date = d.publicationDate { json.raw(",\"publication_date\":"); json.string(date) }
        if let meta = d.meta { json.raw(",\"meta\":"); json.value(meta) }
        json.raw(",\"text\":")
        json.string(d.text)
        json.raw(",\"attributions\":[")
        let needsScalars = !item.attributions.isEmpty
        let scalars = needsScalars ? ScalarText(d.text) : nil
        for (i, a) in item.attributions.enumerated() {
            if i > 0 { json.byte(UInt8(ascii: ",")) }
            write(a, scalars)
        }
        json.raw("]}")
    }

    private mutating func write(_ a: Attribution, _ scalars: ScalarText?) {
        json.byte(UInt8(ascii: "{"))
        var first = true
        func key(_ k: StaticString, _ writer: inout JSONWriter) {
            if !first { writer.byte(UInt8(ascii: ",")) }
            first = false
            writer.byte(0x22); writer.raw(k); writer.raw("\":")
        }
        if let id = a.id { key("id", &json); json.string(id) }
        key("source", &json); span(a.source?.hull)
        key("cue", &json); span(a.cue?.hull)
        key("content", &json); span(a.content?.hull)
        if let f = a.source, !f.isContinuous { key("source_fragments", &json); fragments(f) }
        if let f = a.cue, !f.isContinuous { key("cue_fragments", &json); fragments(f) }
        if let f = a.content, !f.isContinuous { key("content_fragments", &json); fragments(f) }
        if let scalars {
            if let f = a.source { key("source_text", &json); json.string(scalars.slice(f.hull)) }
            if let f = a.cue { key("cue_text", &json); json.string(scalars.slice(f.hull)) }
            if let f = a.content { key("content_text", &json); json.string(scalars.slice(f.hull)) }
        }
        key("outlet", &json); optional(a.outlet)
        key("source_type", &json); optional(a.sourceType?.rawValue)
        key("anonymous", &json)
        if let anonymous = a.anonymous { json.bool(anonymous) } else { json.null() }
        key("source_entity", &json); optional(a.sourceEntity)
        key("confidence", &json)
        if let c = a.confidence { json.double(c) } else { json.null() }
        if let review = a.review {
            key("review", &json)
            write(review)
        }
        json.byte(UInt8(ascii: "}"))
    }

    private mutating func write(_ r: Review) {
        json.raw("{\"status\":")
        json.string(r.status.rawValue)
        if let annotator = r.annotator { json.raw(",\"annotator\":"); json.string(annotator) }
        if let c = r.confidence { json.raw(",\"confidence\":"); json.string(c.rawValue) }
        if !r.tags.isEmpty {
            json.raw(",\"tags\":[")
            for (i, tag) in r.tags.enumerated() {
                if i > 0 { json.byte(UInt8(ascii: ",")) }
                json.string(tag)
            }
            json.byte(UInt8(ascii: "]"))
        }
        if let note = r.note { json.raw(",\"note\":"); json.string(note) }
        if let at = r.at { json.raw(",\"at\":"); json.string(at) }
        json.byte(UInt8(ascii: "}"))
    }

    private mutating func span(_ s: Span?) {
        guard let s else { json.null(); return }
        json.byte(UInt8(ascii: "["))
        json.int(s.start)
        json.byte(UInt8(ascii: ","))
        json.int(s.end)
        json.byte(UInt8(ascii: "]"))
    }

    private mutating func fragments(_ f: Fragments) {
        json.byte(UInt8(ascii: "["))
        for (i, s) in f.spans.enumerated() {
            if i > 0 { json.byte(UInt8(ascii: ",")) }
            span(s)
        }
        json.byte(UInt8(ascii: "]"))
    }

    private mutating func optional(_ s: String?) {
        if let s { json.string(s) } else { json.null() }
    }
}
