import ClaimModel

/// The provenance export (docs/FORMAT.md "Provenance JSON"): every cluster with its claims in
/// trail order, the trail's edges, the wording variants and the links with their reasons.
public enum ProvenanceJSON {
    /// One compact JSON document (data to be read back, like the JSONL export), clusters in the
    /// result's order, keys in a fixed order, ending in a newline.
    public static func write(_ result: LinkResult, claims: [LinkableClaim]) -> String {
        var writer = JSONWriter()
        writer.value(value(result, claims: claims))
        writer.byte(0x0A)
        return writer.text
    }

    public static func value(_ result: LinkResult, claims: [LinkableClaim]) -> JSONValue {
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let publishers = Set(claims.compactMap(\.publisher)).sorted()
        let clusters: [JSONValue] = result.clusters.map { cluster in
            let trail = Trail(cluster: cluster, claims: byID, publishers: publishers)
            return .object([
                ("id", .string(cluster.id)),
                ("claims", .array(trail.entries.map(claim))),
                ("first", trail.first.map { ref($0.claim) } ?? .null),
                ("trail", .array(trail.edges.map(edge))),
                ("variants", .array(trail.variants.map(variant))),
                ("links", .array(cluster.links.map { link($0, byID) })),
            ])
        }
        return .object([("clusters", .array(clusters))])
    }

    static func claim(_ e: Trail.Entry) -> JSONValue {
        let c = e.claim
        return .object([
            ("doc_id", .string(c.docID)),
            ("attribution_id", string(c.attributionID)),
            ("claim_id", .number(String(c.id))),
            ("source", span(c.sourceSpan)),
            ("cue", span(c.cueSpan)),
            ("content", span(c.contentSpan)),
            ("source_text", string(c.sourceText)),
            ("cue_text", string(c.cueText)),
            ("content_text", .string(c.contentText)),
            ("outlet", string(c.outlet)),
            ("credited_outlet", string(e.creditedOutlet)),
            ("source_type", string(c.sourceType?.rawValue)),
            ("publisher", string(c.publisher)),
            ("publication_date", string(c.publicationDate)),
        ])
    }

    static func ref(_ c: LinkableClaim) -> JSONValue {
        .object([("doc_id", .string(c.docID)), ("attribution_id", string(c.attributionID)), ("claim_id", .number(String(c.id)))])
    }

    static func edge(_ e: Trail.Edge) -> JSONValue {
        switch e {
        case let .credits(doc, outlet):
            return .object([("kind", .string("credits")), ("from_doc", .string(doc)), ("to_outlet", .string(outlet))])
        case let .repeats(doc, from):
            return .object([("kind", .string("repeats")), ("from_doc", .string(doc)), ("to_doc", .string(from))])
        }
    }

    static func variant(_ v: Trail.Variant) -> JSONValue {
        .object([
            ("doc_id", .string(v.docID)),
            ("attribution_id", string(v.attributionID)),
            ("claim_id", .number(String(v.claimID))),
            ("removed", .array(v.removed.map(JSONValue.string))),
            ("added", .array(v.added.map(JSONValue.string))),
            ("number_conflict", .bool(v.numberConflict)),
        ])
    }

    static func link(_ l: Link, _ byID: [Int64: LinkableClaim]) -> JSONValue {
        .object([
            ("a", byID[l.a].map(ref) ?? .null),
            ("b", byID[l.b].map(ref) ?? .null),
            ("score", .number(number(l.score))),
            ("reasons", .array(l.reasons.map { .string($0.description) })),
        ])
    }

    static func span(_ s: Span?) -> JSONValue {
        guard let s else { return .null }
        return .array([.number(String(s.start)), .number(String(s.end))])
    }

    static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Three decimals at most, without trailing zeros ("0.5", "1").
    static func number(_ d: Double) -> String {
        let thousandths = Int((d * 1000).rounded())
        if thousandths % 1000 == 0 { return String(thousandths / 1000) }
        var frac = String(abs(thousandths % 1000))
        while frac.count < 3 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        return (thousandths < 0 ? "-" : "") + String(abs(thousandths) / 1000) + "." + frac
    }
}
