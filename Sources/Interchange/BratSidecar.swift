import ClaimModel

/// `NAME.claimdesk.json` beside `NAME.txt` and `NAME.ann`: everything ClaimDesk knows about the
/// document that brat has no place for (doc_id, title, publisher, date, `meta`, attribution ids,
/// review tags and times, and whatever else the JSONL format carries), so that a brat folder
/// round-trips without loss.
///
/// It is the document's JSONL line (`JSONLWriter`) without `text` and the `*_text` keys, each
/// attribution carrying `brat_id`, the `.ann` id it is anchored on; it is read back through
/// `JSONLReader` with the `.txt` as text. Going through the JSONL code paths means that a field
/// added to the JSONL format travels through brat folders without a change here.
///
/// On import the `.ann` is the truth for what a brat user can edit (spans, the attributes, the
/// note), the sidecar for the rest; see `merge`.
public enum BratSidecar {
    public static let suffix = ".claimdesk.json"

    /// The sidecar's bytes (one JSON object on one line).
    public static func encode(_ item: AnnotatedDocument, anchors: [String?]) -> [UInt8] {
        var writer = JSONLWriter()
        let line = writer.line(for: item)
        guard case let .object(pairs)? = try? JSONParser.parse(line.dropLast()) else { return line }
        var out: [(String, JSONValue)] = []
        for (key, value) in pairs where key != "text" {
            guard key == "attributions", case let .array(items) = value else {
                out.append((key, value))
                continue
            }
            var attributions: [JSONValue] = []
            for (i, item) in items.enumerated() {
                guard case let .object(fields) = item else { attributions.append(item); continue }
                var kept = fields.filter { !Self.derivedKeys.contains($0.0) }
                if i < anchors.count, let anchor = anchors[i] {
                    kept.insert(("brat_id", .string(anchor)), at: 0)
                    kept = kept.map { key, value in key == "review" ? (key, Self.withoutBulk(value)) : (key, value) }
                }
                attributions.append(.object(kept))
            }
            out.append((key, .array(attributions)))
        }
        var json = JSONWriter()
        json.value(.object(out))
        json.byte(0x0A)
        return json.bytes
    }

    /// The deciding review without its `bulk` mark: the `.ann` carries that one (the `Bulk`
    /// attribute, which a brat user can remove), so the `.ann` alone says it. (A sidecar written
    /// before the attribute existed still has it; `merge` keeps it while the verdict is unchanged.)
    static func withoutBulk(_ review: JSONValue) -> JSONValue {
        guard case let .object(pairs) = review else { return review }
        return .object(pairs.filter { $0.0 != "bulk" })
    }

    /// Derived from the text, which the sidecar does not hold.
    static let derivedKeys: Set<String> = ["source_text", "cue_text", "content_text"]

    /// A sidecar read back: the document (text from the `.txt`) and each attribution's `brat_id`.
    public struct Decoded: Sendable, Equatable {
        public var document: AnnotatedDocument
        public var anchors: [String?]
    }

    /// Reads a sidecar with the document's `text`; problems are located in `file`.
    public static func decode(_ bytes: [UInt8], text: String, file: String) -> Result<Decoded, InterchangeIssue> {
        func issue(_ message: String) -> InterchangeIssue { InterchangeIssue(file: file, line: 1, message: message) }
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(issue("invalid UTF-8")) }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { return .failure(issue("invalid JSON at \(error)")) }
        guard case let .object(pairs) = value else { return .failure(issue("must be a JSON object")) }
        var anchors: [String?] = []
        if case let .array(items)? = value["attributions"] {
            anchors = items.map { $0["brat_id"]?.stringValue }
        }
        var json = JSONWriter()
        json.value(.object(pairs.filter { $0.0 != "text" } + [("text", .string(text))]))
        switch JSONLReader.parseLine(json.bytes, file: file, line: 1) {
        case let .success(document): return .success(Decoded(document: document, anchors: anchors))
        case let .failure(problem): return .failure(problem)
        }
    }

    /// The attributions of one document: what the `.ann` says, completed from the sidecar.
    ///
    /// An `.ann` attribution is matched to the sidecar entry with its anchor id when at least one
    /// of its roles still covers what the entry's did (else brat reused a deleted id for a new
    /// annotation: the entry is dropped, the annotation is new). The `.ann` gives
    /// its spans (a role brat shows unchanged keeps the sidecar's exact fragments: brat cannot
    /// show a line break inside a span), outlet, source type, anonymity, entity, confidence and
    /// the review's verdict, annotator, confidence, note and bulk mark (absent there = absent); the sidecar
    /// gives the rest (id, tags, review time, …). An attribution added in brat comes in as the
    /// `.ann` gives it (the import names the annotator brat did not); a sidecar entry whose
    /// anchor is gone from the `.ann` (deleted in brat) is dropped with a warning. Order: the
    /// sidecar's, then the attributions added in brat in `.ann` order.
    public static func merge(_ read: BratReader.Result, sidecar: Decoded?, text: ScalarText,
                             sidecarFile: String) -> (attributions: [Attribution], warnings: [InterchangeIssue]) {
        var warnings: [InterchangeIssue] = []
        let entries = sidecar?.document.attributions ?? []
        var slot: [String: Int] = [:]
        for (i, anchor) in (sidecar?.anchors ?? []).enumerated() where i < entries.count {
            if let anchor, slot[anchor] == nil { slot[anchor] = i }
        }
        var merged: [Attribution?] = entries.enumerated().map { i, entry in
            (sidecar?.anchors[i] ?? nil) == nil ? entry : nil
        }
        var added: [Attribution] = []
        var matched: Set<Int> = []
        for (j, shown) in read.attributions.enumerated() {
            // brat gives a new annotation the lowest free id, so an id deleted in brat may come
            // back on another claim: the entry is that claim only if one role still shows the same.
            guard let i = slot[read.anchors[j]], !matched.contains(i),
                  Role.allCases.contains(where: { role in
                      guard let original = entries[i][role], let now = shown[role] else { return false }
                      return BratText.shown(original, in: text).0 == now
                  }) else {
                added.append(shown)
                continue
            }
            matched.insert(i)
            var a = entries[i]
            for role in Role.allCases {
                if let original = a[role], let now = shown[role], BratText.shown(original, in: text).0 == now { continue }
                a[role] = shown[role]
            }
            a.outlet = shown.outlet
            a.sourceType = shown.sourceType
            a.anonymous = shown.anonymous
            a.sourceEntity = shown.sourceEntity
            a.confidence = shown.confidence
            if let r = shown.review {
                var review = a.review ?? Review(status: r.status)
                // Bulk as the `.ann` says, or as an older sidecar says while brat left the verdict alone.
                review.bulk = r.bulk || (review.bulk && review.status == r.status)
                review.status = r.status
                review.annotator = r.annotator
                review.confidence = r.confidence
                review.note = r.note
                a.review = review
            } else {
                a.review = nil
            }
            merged[i] = a
        }
        for (anchor, i) in slot.sorted(by: { $0.value < $1.value }) where !matched.contains(i) {
            let name = entries[i].id.map { " (id \(BratReader.quoted($0)))" } ?? ""
            warnings.append(InterchangeIssue(file: sidecarFile, line: 1,
                message: "attribution #\(i + 1)\(name), anchored on \(BratReader.safe(anchor)), is no longer in the .ann (deleted in brat?): dropped"))
        }
        return (merged.compactMap { $0 } + added, warnings)
    }
}
