import ClaimModel

/// The span-and-relation convention shared by the doccano, Label Studio, Prodigy and INCEpTION
/// formats: those tools know labelled spans and binary relations, not three-role attributions.
///
/// Writing: each attribution becomes its own spans (never shared with another attribution, so two
/// claims over the same words stay two claims), the *anchor* first — the first cue fragment, or
/// without a cue the first source fragment, or else the first content fragment — then the other
/// fragments, each linked from the anchor by one relation.
///
/// Reading (either relation direction): every group of cue spans linked to each other is one
/// attribution, with the source and content spans linked to any of its cues (several content spans
/// = one discontinuous content; a span linked to two cues belongs to both). Source and content spans
/// linked to no cue form attributions of their own by their links to each other (a Source–Content
/// relation with no cue is an attribution whose cue is null); a lone span is an attribution with
/// that one role. Attributions come out in the order of their anchors.
public enum AttributionGraph {
    /// One labelled span as a format reads it, offsets already in Unicode scalars.
    public struct Node: Sendable, Equatable {
        public var role: Role
        public var span: Span
        public init(role: Role, span: Span) {
            self.role = role
            self.span = span
        }
    }

    /// The spans of one attribution in writing order, anchor first; the anchor links to every other.
    public static func layout(_ attribution: Attribution) -> [Node] {
        var nodes: [Node] = []
        let order: [Role] = attribution.cue != nil ? [.cue, .source, .content]
            : attribution.source != nil ? [.source, .content] : [.content]
        for role in order {
            for span in attribution[role]?.spans ?? [] { nodes.append(Node(role: role, span: span)) }
        }
        return nodes
    }

    /// An attribution read back, with the index of its anchor node (where its fields are kept).
    public struct Assembled: Sendable, Equatable {
        public var attribution: Attribution
        public var anchor: Int
    }

    /// Groups `nodes` linked by `links` (pairs of node indices, either direction) into attributions.
    /// Returns a message when two spans of one role in one attribution overlap.
    public static func assemble(_ nodes: [Node], links: [(Int, Int)]) -> Swift.Result<[Assembled], InterchangeIssue> {
        var adjacent = Array(repeating: [Int](), count: nodes.count)
        for (a, b) in links where a != b && nodes.indices.contains(a) && nodes.indices.contains(b) {
            adjacent[a].append(b)
            adjacent[b].append(a)
        }
        var groups: [[Int]] = []
        var seen = Array(repeating: false, count: nodes.count)
        /// Connected members reachable from `start` through nodes that `follow` admits.
        func component(_ start: Int, _ follow: (Int) -> Bool) -> [Int] {
            var stack = [start], members: [Int] = []
            seen[start] = true
            while let i = stack.popLast() {
                members.append(i)
                for j in adjacent[i] where !seen[j] && follow(j) {
                    seen[j] = true
                    stack.append(j)
                }
            }
            return members.sorted()
        }
        let linkedToCue = nodes.indices.map { i in nodes[i].role != .cue && adjacent[i].contains { nodes[$0].role == .cue } }
        var result: [Assembled] = []
        for i in nodes.indices where !seen[i] {
            if nodes[i].role == .cue {
                let cues = component(i) { nodes[$0].role == .cue }
                var members = Set(cues)
                for c in cues { for j in adjacent[c] where nodes[j].role != .cue { members.insert(j) } }
                groups.append(members.sorted())
            } else if !linkedToCue[i] {
                groups.append(component(i) { nodes[$0].role != .cue && !linkedToCue[$0] })
            }
        }
        for group in groups {
            var attribution = Attribution()
            for role in Role.allCases {
                let spans = Array(Set(group.filter { nodes[$0].role == role }.map { nodes[$0].span })).sorted()
                guard let fragments = Fragments(unchecked: spans) else { continue }
                for (a, b) in zip(spans, spans.dropFirst()) where b.start < a.end {
                    return .failure(InterchangeIssue(file: "", line: 0,
                        message: "two \(role) spans of one attribution overlap: \(a) and \(b)"))
                }
                attribution[role] = fragments
            }
            let anchor = group.first { nodes[$0].role == .cue } ?? group[0]
            result.append(Assembled(attribution: attribution, anchor: anchor))
        }
        result.sort { $0.anchor < $1.anchor }
        return .success(result)
    }
}

/// The attribution fields other than spans (`id`, outlet, source type, anonymity, entity,
/// confidence, review) as a JSON object with docs/FORMAT.md's key names, for formats that keep free JSON
/// beside a span or a task. Only fields that are set are written, so an unset field reads back unset.
enum AttributionFields {
    static func object(_ a: Attribution) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        if let id = a.id { pairs.append(("id", .string(id))) }
        if let outlet = a.outlet { pairs.append(("outlet", .string(outlet))) }
        if let type = a.sourceType { pairs.append(("source_type", .string(type.rawValue))) }
        if let anonymous = a.anonymous { pairs.append(("anonymous", .bool(anonymous))) }
        if let entity = a.sourceEntity { pairs.append(("source_entity", .string(entity))) }
        if let c = a.confidence { pairs.append(("confidence", .number(number(c)))) }
        if let r = a.review { pairs.append(("review", review(r))) }
        if !a.otherReviews.isEmpty { pairs.append(("other_reviews", .array(a.otherReviews.map(review)))) }
        return pairs
    }

    static func review(_ r: Review) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("status", .string(r.status.rawValue))]
        if let annotator = r.annotator { pairs.append(("annotator", .string(annotator))) }
        if let c = r.confidence { pairs.append(("confidence", .string(c.rawValue))) }
        if !r.tags.isEmpty { pairs.append(("tags", .array(r.tags.map { .string($0) }))) }
        if let note = r.note { pairs.append(("note", .string(note))) }
        if let at = r.at { pairs.append(("at", .string(at))) }
        if r.adjudication { pairs.append(("adjudication", .bool(true))) }
        if r.bulk { pairs.append(("bulk", .bool(true))) }
        if let changes = r.changes { pairs.append(("changes", changes)) }
        return .object(pairs)
    }

    /// The JSON text JSONL writes for a number, so that the value reads back identical.
    static func number(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.double(value)
        return writer.text
    }

    /// Sets the fields of `attribution` from `value`, checked as the JSONL reader checks them; span
    /// keys in `value` are ignored (the spans come from the format's own spans).
    static func apply(_ value: JSONValue, to attribution: inout Attribution, text: ScalarText, documentID: String, index: Int) -> String? {
        guard case let .object(pairs) = value else { return "attribution #\(index + 1): fields must be a JSON object" }
        let kept = pairs.filter { !["source", "cue", "content", "source_fragments", "cue_fragments", "content_fragments",
                                    "source_text", "cue_text", "content_text", "span", "role", "position"].contains($0.0) }
        do {
            let fields = try AttributionDecoder(scalars: text, documentID: documentID, index: index).decode(.object(kept))
            attribution.id = fields.id
            attribution.outlet = fields.outlet
            attribution.sourceType = fields.sourceType
            attribution.anonymous = fields.anonymous
            attribution.sourceEntity = fields.sourceEntity
            attribution.confidence = fields.confidence
            attribution.review = fields.review
            attribution.otherReviews = fields.otherReviews
            return nil
        } catch {
            return error.message
        }
    }
}

/// Scalar ↔ UTF-16 offsets of one text, for the formats whose offsets count UTF-16 code units
/// (Label Studio's JavaScript strings, UIMA's Java strings). Converted once, at the boundary.
struct UTF16Offsets {
    /// `utf16[i]` is the UTF-16 offset of scalar `i`, one extra entry for the end.
    private let utf16: [Int]
    /// `scalar[u]` is the scalar offset at UTF-16 offset `u`, -1 inside a surrogate pair.
    private let scalar: [Int]

    init(_ text: String) {
        var utf16: [Int] = [0]
        var scalar: [Int] = []
        var u = 0
        for (i, s) in text.unicodeScalars.enumerated() {
            let width = s.utf16.count
            scalar.append(i)
            if width == 2 { scalar.append(-1) }
            u += width
            utf16.append(u)
        }
        scalar.append(utf16.count - 1)
        self.utf16 = utf16
        self.scalar = scalar
    }

    var isIdentity: Bool { utf16.count == scalar.count }

    func utf16(_ scalarOffset: Int) -> Int { utf16[max(0, min(scalarOffset, utf16.count - 1))] }

    /// Nil when the offset is out of range or falls between the two halves of a surrogate pair.
    func scalar(_ utf16Offset: Int) -> Int? {
        guard utf16Offset >= 0 && utf16Offset < scalar.count, scalar[utf16Offset] >= 0 else { return nil }
        return scalar[utf16Offset]
    }

    /// Why `[start, end]` (UTF-16 code units) is no span of the text, for the readers' messages:
    /// an offset between the two halves of a surrogate pair (an emoji, say) is named as such, since
    /// "not a span" of a range inside the text does not tell the user which offset is wrong.
    func problem(_ start: Int, _ end: Int) -> String {
        let units = scalar.count - 1
        let inside = [start, end].first { $0 > 0 && $0 < units && scalar[$0] < 0 }
        if let inside, start < end {
            return "[\(start), \(end)]: \(inside) falls between the two UTF-16 code units of one character (a surrogate pair), "
                + "not on a character boundary"
        }
        return "[\(start), \(end)] is not a span of the text (UTF-16 offsets; the text has \(units) code units)"
    }
}

/// Word tokens for the tools that show tokens (Prodigy's relation UI, INCEpTION): runs of letters
/// and digits, every other visible character alone, and always a boundary at every span edge so
/// that spans fall on whole tokens. Offsets in Unicode scalars.
struct WordTokens {
    struct Token: Equatable {
        var start: Int
        var end: Int
        /// Followed by one space that the token owns (spaCy's `whitespace_`).
        var ws: Bool
        var isSpace: Bool
    }

    /// A token owns the one space after it (`ws`) unless a span begins or ends around that space.
    static func tokens(_ text: ScalarText, starts: Set<Int>, ends: Set<Int>) -> [Token] {
        let boundaries = starts.union(ends)
        let s = text.scalars
        var tokens: [Token] = []
        var i = 0
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" }
        while i < s.count {
            let start = i
            if s[i].properties.isWhitespace {
                while i < s.count && s[i].properties.isWhitespace && (i == start || !boundaries.contains(i)) { i += 1 }
                tokens.append(Token(start: start, end: i, ws: false, isSpace: true))
                continue
            }
            if isWord(s[i]) {
                i += 1
                while i < s.count && isWord(s[i]) && !boundaries.contains(i) { i += 1 }
            } else {
                i += 1
            }
            var token = Token(start: start, end: i, ws: false, isSpace: false)
            if i < s.count && s[i] == " " && !starts.contains(i) && !ends.contains(i + 1) {
                token.ws = true
                i += 1
            }
            tokens.append(token)
        }
        return tokens
    }

    /// The first and last token a span covers (inclusive); nil when it covers none.
    /// Binary search: tokens are sorted and do not overlap.
    static func range(of span: Span, in tokens: [Token]) -> (first: Int, last: Int)? {
        func partition(_ isAfter: (Token) -> Bool) -> Int {
            var low = 0, high = tokens.count
            while low < high {
                let mid = (low + high) / 2
                if isAfter(tokens[mid]) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        var first = partition { $0.end > span.start }
        while first < tokens.count && tokens[first].isSpace { first += 1 }
        var last = partition { $0.start >= span.end } - 1
        while last >= 0 && tokens[last].isSpace { last -= 1 }
        return first <= last && first < tokens.count && last >= 0 ? (first, last) : nil
    }
}

/// Splits JSONL bytes into lines (LF or CRLF), skipping blank ones: ClaimDesk's JSONL, doccano and
/// Prodigy files alike.
enum JSONLines {
    static func forEach(_ bytes: [UInt8], _ body: (_ line: Int, _ slice: ArraySlice<UInt8>) -> Void) {
        var lineNumber = 0
        var start = bytes.starts(with: JSONLReader.byteOrderMark) ? JSONLReader.byteOrderMark.count : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let slice = bytes[start..<lineEnd]
            start = end + 1
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            body(lineNumber, slice)
        }
    }

    /// One line of another tool's JSONL: the tool's own `pairs`, then what only ClaimDesk reads
    /// (fields, reviews, span-less claims) under `claimdesk` when there is any.
    static func line(_ pairs: [(String, JSONValue)], extra: [JSONValue]) -> [UInt8] {
        var pairs = pairs
        if !extra.isEmpty { pairs.append(("claimdesk", .array(extra))) }
        var writer = JSONWriter()
        writer.value(.object(pairs))
        writer.byte(0x0A)
        return writer.bytes
    }

    /// Reads a JSONL file of another tool's documents: each line parsed as an object and decoded by
    /// `decode(object, line, stem)`; a line that does not fit is a located issue, and a file with no
    /// line at all is one too.
    static func readDocuments(
        _ bytes: [UInt8], file: String,
        decode: (_ object: JSONValue, _ line: Int, _ stem: String) -> Swift.Result<AnnotatedDocument, InterchangeIssue>
    ) -> JSONLReader.Result {
        var result = JSONLReader.Result(lines: [], issues: [])
        let stem = fileStem(file)
        forEach(bytes) { number, slice in
            switch object(slice, file: file, line: number).flatMap({ decode($0, number, stem) }) {
            case let .success(document): result.lines.append(JSONLReader.Line(number: number, document: document))
            case let .failure(issue): result.issues.append(issue)
            }
        }
        InterchangeChecks.finish(&result, file: file, what: "no JSON lines")
        return result
    }

    /// Parses one line as a JSON object; a located issue when it is not one.
    static func object(_ slice: ArraySlice<UInt8>, file: String, line: Int) -> Swift.Result<JSONValue, InterchangeIssue> {
        guard String(validating: slice, as: UTF8.self) != nil else {
            return .failure(InterchangeIssue(file: file, line: line, message: "invalid UTF-8"))
        }
        do {
            let value = try JSONParser.parse(slice)
            guard case .object = value else {
                return .failure(InterchangeIssue(file: file, line: line, message: "a line must be a JSON object"))
            }
            return .success(value)
        } catch {
            return .failure(InterchangeIssue(file: file, line: line, message: "invalid JSON at \(error)"))
        }
    }
}

/// Small helpers for reading other tools' JSON.
extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    var intValue: Int? {
        if case let .number(text) = self { return Int(text) }
        return nil
    }

    /// A string, or a number's literal text (ids are either, depending on the tool).
    var idText: String? {
        switch self {
        case let .string(s): return s
        case let .number(n): return n
        default: return nil
        }
    }
}

/// A value quoted for a one-line message (`TerminalSafe.quoted`, the one rule).
func escapedForMessage(_ s: String) -> String { TerminalSafe.quoted(s) }

extension AttributionGraph {
    /// The attributions of a doccano line or a Prodigy task: its spans and relations assembled,
    /// then its `claimdesk` list applied (fields anchored on a span, attributions without spans).
    static func attributions(_ nodes: [Node], links: [(Int, Int)], claimdesk: JSONValue?, text: ScalarText,
                             documentID: String) -> Swift.Result<[Attribution], FormatProblem> {
        var assembled: [Assembled]
        switch assemble(nodes, links: links) {
        case let .success(list): assembled = list
        case let .failure(problem): return .failure("document \(escapedForMessage(documentID)): \(problem.message)")
        }
        if let problem = AnchoredFields.apply(claimdesk, to: &assembled, nodes: nodes, text: text, documentID: documentID) {
            return .failure(FormatProblem(problem))
        }
        var attributions = assembled.map(\.attribution)
        if let problem = SpanlessAttributions.insert(claimdesk, into: &attributions, text: text, documentID: documentID) {
            return .failure(FormatProblem(problem))
        }
        return .success(attributions)
    }
}

/// The document fields (`doc_id`, `title`, `publisher`, `publication_date`, `meta`) under
/// docs/FORMAT.md's key names, kept at the top of a doccano or Prodigy line and in a Label Studio task's
/// `data`, where those tools keep unknown keys.
enum DocumentFields {
    /// The document fields and, for gold, `reviewed_by` (who marked the document done).
    static func pairs(_ item: AnnotatedDocument) -> [(String, JSONValue)] {
        var pairs = pairs(item.document)
        if let names = item.reviewedBy { pairs.append(("reviewed_by", .array(names.map { .string($0) }))) }
        return pairs
    }

    /// `reviewed_by` from `object`, checked as the JSONL reader checks it.
    static func reviewedBy(_ object: JSONValue, id: String) -> Swift.Result<[String]?, FormatProblem> {
        guard let list = object["reviewed_by"], list != .null else { return .success(nil) }
        do {
            return .success(try DocumentDecoder.decode(.object([("doc_id", .string(id)), ("text", .string(" ")), ("reviewed_by", list)])).reviewedBy)
        } catch {
            return .failure(FormatProblem(error.message))
        }
    }

    static func pairs(_ d: Document) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("doc_id", .string(d.id))]
        if let title = d.title { pairs.append(("title", .string(title))) }
        if let publisher = d.publisher { pairs.append(("publisher", .string(publisher))) }
        if let date = d.publicationDate { pairs.append(("publication_date", .string(date))) }
        if let meta = d.meta { pairs.append(("meta", meta)) }
        return pairs
    }

    /// A document from `object`'s keys; `fallbackID` names it when there is no `doc_id`.
    static func document(_ object: JSONValue, text: String, fallbackID: String) -> Swift.Result<Document, FormatProblem> {
        var id = fallbackID
        switch object["doc_id"] {
        case nil, .null?: break
        case let .string(s)?: id = s
        default: return .failure(FormatProblem("\"doc_id\" must be a string"))
        }
        if let problem = Document.problem(withID: id) { return .failure(FormatProblem(problem)) }
        if text.isEmpty { return .failure("document \(escapedForMessage(id)): the text is empty") }
        var document = Document(id: id, text: text)
        for key in ["title", "publisher", "publication_date"] {
            switch object[key] {
            case nil, .null?: continue
            case let .string(s)?:
                if key == "title" { document.title = s } else if key == "publisher" { document.publisher = s } else { document.publicationDate = s }
            default: return .failure(FormatProblem("document \(escapedForMessage(id)): \"\(key)\" must be a string or null"))
            }
        }
        if let meta = object["meta"], meta != .null { document.meta = meta }
        return .success(document)
    }
}

/// Per-attribution fields kept in a list beside the spans (doccano, Prodigy): each entry names its
/// attribution's anchor span (`span` in Unicode scalars, as both formats count, and `role`), so that
/// the list survives the tool renumbering its span ids.
enum AnchoredFields {
    static func entry(_ a: Attribution, anchor: AttributionGraph.Node) -> JSONValue? {
        let fields = AttributionFields.object(a)
        guard !fields.isEmpty else { return nil }
        let span = anchor.span
        return .object([("role", .string(anchor.role.rawValue)),
                         ("span", .array([.number(String(span.start)), .number(String(span.end))]))] + fields)
    }

    /// Applies each entry to the attribution anchored where it says (entries for the same anchor in
    /// order). Returns a message for an entry that is malformed or matches no attribution.
    static func apply(_ list: JSONValue?, to assembled: inout [AttributionGraph.Assembled], nodes: [AttributionGraph.Node],
                      text: ScalarText, documentID: String) -> String? {
        guard let list, list != .null else { return nil }
        guard let entries = list.arrayValue else { return "\"claimdesk\" must be an array" }
        var used = Set<Int>()
        for (n, entry) in entries.enumerated() where !SpanlessAttributions.isEntry(entry) {
            guard let roleName = entry["role"]?.stringValue, let role = Role(rawValue: roleName),
                  let pair = entry["span"]?.arrayValue, pair.count == 2,
                  let s = pair[0].intValue, let e = pair[1].intValue
            else { return "claimdesk entry #\(n + 1): needs \"role\" (source, cue, content) and \"span\": [start, end]" }
            let span = Span(s, e)
            guard let i = assembled.indices.first(where: { !used.contains($0) && nodes[assembled[$0].anchor] == AttributionGraph.Node(role: role, span: span) })
            else { return "claimdesk entry #\(n + 1): no attribution is anchored on a \(role) span at [\(s), \(e)]" }
            used.insert(i)
            if let problem = AttributionFields.apply(entry, to: &assembled[i].attribution, text: text, documentID: documentID, index: i) {
                return problem
            }
        }
        return nil
    }
}

/// A problem found while reading one document of another tool's file, before it is located.
struct FormatProblem: Error, ExpressibleByStringInterpolation {
    var message: String
    init(_ message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
}

/// Attributions with no span at all (PolNeAR has some) have no anchor to hang on; they are kept in
/// the document's extra list as `{"position": N, …fields}`, N being their index among the
/// document's attributions, and put back at that index on import.
enum SpanlessAttributions {
    static func entries(_ attributions: [Attribution]) -> [JSONValue] {
        attributions.enumerated().compactMap { i, a in
            AttributionGraph.layout(a).isEmpty ? .object([("position", .number(String(i)))] + AttributionFields.object(a)) : nil
        }
    }

    static func isEntry(_ value: JSONValue) -> Bool { value["position"] != nil && value["span"] == nil }

    /// Inserts the entries of `list` that are spanless ones; a message for a malformed entry.
    static func insert(_ list: JSONValue?, into attributions: inout [Attribution], text: ScalarText, documentID: String) -> String? {
        guard let entries = list?.arrayValue else { return nil }
        var found: [(Int, Attribution)] = []
        for (n, entry) in entries.enumerated() where isEntry(entry) {
            guard let position = entry["position"]?.intValue, position >= 0 else {
                return "claimdesk entry #\(n + 1): \"position\" must be a non-negative integer"
            }
            var attribution = Attribution()
            if let problem = AttributionFields.apply(entry, to: &attribution, text: text, documentID: documentID, index: position) {
                return problem
            }
            found.append((position, attribution))
        }
        for (position, attribution) in found.sorted(by: { $0.0 < $1.0 }) {
            attributions.insert(attribution, at: min(position, attributions.count))
        }
        return nil
    }
}
