import ClaimModel

/// Writes docs/FORMAT.md JSONL, one document per line, in a fixed key order.
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
        if let names = item.reviewedBy {
            json.raw(",\"reviewed_by\":[")
            for (i, name) in names.enumerated() {
                if i > 0 { json.byte(UInt8(ascii: ",")) }
                json.string(name)
            }
            json.byte(UInt8(ascii: "]"))
        }
        json.raw(",\"text\":")
        // The spans' texts are slices of the document's own UTF-8 (no copy of the text, no String
        // per span): everything from the text to the last attribution is written inside withUTF8.
        var text = d.text
        text.withUTF8 { utf8 in
            json.string(utf8: utf8)
            json.raw(",\"attributions\":[")
            let slicer = item.attributions.isEmpty ? nil : UTF8Slicer(utf8)
            for i in item.attributions.indices {
                if i > 0 { json.byte(UInt8(ascii: ",")) }
                write(item.attributions[i], slicer)
            }
        }
        json.raw("]}")
    }

    private mutating func write(_ a: Attribution, _ slicer: UTF8Slicer?) {
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
        if let slicer {
            if let f = a.source { key("source_text", &json); json.string(utf8: slicer.bytes(f.hull)) }
            if let f = a.cue { key("cue_text", &json); json.string(utf8: slicer.bytes(f.hull)) }
            if let f = a.content { key("content_text", &json); json.string(utf8: slicer.bytes(f.hull)) }
        }
        key("outlet", &json); optional(a.outlet)
        key("source_type", &json); optional(a.sourceType?.rawValue)
        key("anonymous", &json)
        if let anonymous = a.anonymous { json.bool(anonymous) } else { json.null() }
        key("source_entity", &json); optional(a.sourceEntity)
        if let cluster = a.cluster { key("cluster", &json); json.string(cluster) }
        key("confidence", &json)
        if let c = a.confidence { json.double(c) } else { json.null() }
        if let review = a.review {
            key("review", &json)
            write(review)
        }
        if !a.otherReviews.isEmpty {
            key("other_reviews", &json)
            json.byte(UInt8(ascii: "["))
            for (i, review) in a.otherReviews.enumerated() {
                if i > 0 { json.byte(UInt8(ascii: ",")) }
                write(review)
            }
            json.byte(UInt8(ascii: "]"))
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
        if r.adjudication { json.raw(",\"adjudication\":true") }
        if r.bulk { json.raw(",\"bulk\":true") }
        if let changes = r.changes { json.raw(",\"changes\":"); json.value(changes) }
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

/// A document's UTF-8 bytes with the byte offset of every scalar, so that the text of a span is a
/// byte slice (no String is built per span). ASCII text, the common case, needs no offset table.
/// Valid only while the buffer it was made from is (inside `String.withUTF8`).
struct UTF8Slicer {
    let utf8: UnsafeBufferPointer<UInt8>
    /// `offsets[i]` is the byte offset of scalar `i`, one extra entry for the end; nil for ASCII.
    let offsets: [Int32]?

    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        self.utf8 = utf8
        guard utf8.contains(where: { $0 >= 0x80 }) else {
            offsets = nil
            return
        }
        var offsets: [Int32] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 { offsets.append(Int32(truncatingIfNeeded: i)) }
        offsets.append(Int32(truncatingIfNeeded: utf8.count))
        self.offsets = offsets
    }

    /// The bytes of `span`, clamped to the text.
    func bytes(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        guard let offsets else {
            let lower = max(0, min(span.start, utf8.count))
            return UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, min(span.end, utf8.count))])
        }
        let last = offsets.count - 1
        let lower = Int(offsets[max(0, min(span.start, last))])
        let upper = Int(offsets[max(0, min(span.end, last))])
        return UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, upper)])
    }
}
