import ClaimModel

/// Reads docs/FORMAT.md JSONL: one document per line, with optional attributions.
///
/// Every line is checked and every problem collected (brat/doccano habit), so a user fixes a file
/// in one pass. The caller decides whether problems make the whole file fail.
public enum JSONLReader {
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var document: AnnotatedDocument
        /// Who the file says annotated the document, the other tool's way (Label Studio: one entry
        /// per annotation not cancelled, nil for one that names nobody; an empty list: nobody
        /// did), beside the reviews its claims carry. nil when the format does not say.
        public var annotatedBy: [String?]?

        public init(number: Int, document: AnnotatedDocument, annotatedBy: [String?]? = nil) {
            self.number = number
            self.document = document
            self.annotatedBy = annotatedBy
        }
    }

    public struct Result: Sendable, Equatable {
        public var lines: [Line]
        public var issues: [InterchangeIssue]
        /// What was read but deserves a word (documents named by their position in the file).
        public var warnings: [InterchangeIssue]
        /// The issues are about the file as a whole (another tool's export, labels none of which
        /// maps): nothing of it is read, and `--skip-invalid`, which skips bad lines, does not skip it.
        public var wholeFile = false

        public init(lines: [Line], issues: [InterchangeIssue], warnings: [InterchangeIssue] = []) {
            self.lines = lines
            self.issues = issues
            self.warnings = warnings
        }

        /// A file refused whole, by `issue`.
        public static func refusing(_ issue: InterchangeIssue) -> Result {
            var result = Result(lines: [], issues: [issue])
            result.wholeFile = true
            return result
        }
    }

    /// UTF-8's byte order mark: skipped at the start of a file (Windows editors write one; it says
    /// nothing in UTF-8, and JSON readers may ignore it, RFC 8259 §8.1; docs/FORMAT.md, "JSON readers").
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The encoding of a file that starts with `prefix` (its first four bytes suffice) when it is
    /// UTF-16 or UTF-32 rather than UTF-8, with or without a byte order mark; nil otherwise.
    ///
    /// Windows tools (PowerShell's `>`, Notepad's "Unicode") write UTF-16: read as UTF-8 every line
    /// would be "invalid UTF-8", which does not say what to do. JSON text in UTF-8 never has a NUL
    /// byte among its first two bytes, so a NUL there names the encoding.
    public static func foreignEncoding<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> (name: String, byteOrderMark: Bool)? {
        let b = Array(prefix.prefix(4))
        func at(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        switch (at(0), at(1), at(2), at(3)) {
        case (0xFF?, 0xFE?, 0x00?, 0x00?): return ("UTF-32LE", true)
        case (0x00?, 0x00?, 0xFE?, 0xFF?): return ("UTF-32BE", true)
        case (0xFF?, 0xFE?, _, _): return ("UTF-16LE", true)
        case (0xFE?, 0xFF?, _, _): return ("UTF-16BE", true)
        case let (x?, 0x00?, 0x00?, 0x00?) where x != 0: return ("UTF-32LE", false)
        case let (0x00?, 0x00?, 0x00?, x?) where x != 0: return ("UTF-32BE", false)
        case let (x?, 0x00?, _, _) where x != 0: return ("UTF-16LE", false)
        case let (0x00?, x?, _, _) where x != 0: return ("UTF-16BE", false)
        default: return nil
        }
    }

    /// The one issue of a file in another encoding (see `foreignEncoding`), nil for UTF-8.
    /// `newName` is the converted file's name in the suggested command (a .txt reads the same way).
    public static func encodingIssue<Bytes: Collection<UInt8>>(_ prefix: Bytes, file: String, newName: String = "NEW.jsonl") -> InterchangeIssue? {
        guard let (name, mark) = foreignEncoding(prefix) else { return nil }
        return InterchangeIssue(file: file, line: 0, message:
            "the file is \(name)\(mark ? " (it starts with that byte order mark)" : ""), not UTF-8: convert it, e.g. `iconv -f \(name) -t UTF-8 FILE > \(newName)`, or in Python write it with encoding=\"utf-8\"")
    }

    /// Parses `bytes` (the whole file); `file` names it in issues.
    public static func read(_ bytes: [UInt8], file: String) -> Result {
        if let issue = encodingIssue(bytes, file: file) { return Result(lines: [], issues: [issue]) }
        var lines: [Line] = []
        var issues: [InterchangeIssue] = []
        var seen: [[UInt8]: Int] = [:]
        var sawContent = false
        // Lines as every JSONL reader here splits them (`JSONLines`: a byte order mark skipped, CRLF,
        // blank lines).
        JSONLines.forEach(bytes) { lineNumber, slice in
            sawContent = true
            switch parseLine(slice, file: file, line: lineNumber) {
            case let .success(document):
                if let previous = seen[document.document.id.exactKey] {
                    issues.append(InterchangeIssue(
                        file: file, line: lineNumber,
                        message: "duplicate doc_id \"\(document.document.id)\" (first on line \(previous))"))
                } else {
                    seen[document.document.id.exactKey] = lineNumber
                    lines.append(Line(number: lineNumber, document: document))
                }
            case let .failure(issue):
                issues.append(issue)
            }
        }
        if !sawContent {
            issues.append(InterchangeIssue(file: file, line: 0, message: "the file is empty: no JSON lines"))
        }
        return Result(lines: lines, issues: issues)
    }

    /// Parses one JSONL line into a document with its attributions.
    public static func parseLine<Bytes: Collection>(_ bytes: Bytes, file: String, line: Int) -> Swift.Result<AnnotatedDocument, InterchangeIssue>
    where Bytes.Element == UInt8 {
        func issue(_ message: String) -> InterchangeIssue { InterchangeIssue(file: file, line: line, message: message) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(issue("invalid UTF-8"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(issue("invalid JSON at \(error)"))
        }
        if let problem = StoredStrings.problem(in: value) { return .failure(issue(problem)) }
        do {
            return .success(try DocumentDecoder.decode(value))
        } catch {
            return .failure(issue(error.message))
        }
    }
}

/// What a line may not hold in the strings ClaimDesk stores: NUL (SQLite would keep only the text
/// before it, so what is stored would differ from what was read), and names (review annotators,
/// tags) that break `NameRule`. Found before decoding so that the message names the field.
/// `meta` is stored as JSON text, where NUL is written `\u0000`, so it may hold one.
public enum StoredStrings {
    public static func problem(in value: JSONValue) -> String? {
        guard case let .object(pairs) = value else { return nil }
        let id = value["doc_id"]?.stringValue.map { "document \"\(TerminalSafe.escape($0))\": " } ?? ""
        for (key, item) in pairs where key != "meta" {
            if let problem = nul(in: item, path: key) { return id + problem }
        }
        guard case let .array(items)? = value["attributions"] else { return nil }
        for (index, item) in items.enumerated() {
            guard case let .object(review)? = item["review"] else { continue }
            let at = "attribution #\(index + 1): review "
            if case let .string(name)? = review.first(where: { $0.0 == "annotator" })?.1,
               let problem = NameRule.problem(name, what: "annotator name") {
                return id + at + problem + ": \"" + TerminalSafe.escape(name) + "\""
            }
            if case let .array(tags)? = review.first(where: { $0.0 == "tags" })?.1 {
                for case let .string(tag) in tags {
                    if let problem = NameRule.problem(tag, what: "tag") {
                        return id + at + problem + ": \"" + TerminalSafe.escape(tag) + "\""
                    }
                }
            }
        }
        return nil
    }

    /// The same rules on a document any reader produced (brat, doccano, Label Studio, Prodigy,
    /// INCEpTION): the first string ClaimDesk would store holding NUL, or a doc_id, annotator name
    /// or tag breaking `NameRule`, said with the field it is in.
    public static func problem(in item: AnnotatedDocument) -> String? {
        let d = item.document
        if let problem = Document.problem(withID: d.id) { return problem }
        let id = "document \"\(d.id)\": "
        let fields: [(String, String?)] = [("text", d.text), ("title", d.title), ("publisher", d.publisher),
                                           ("publication_date", d.publicationDate)]
        for (name, value) in fields {
            if let value, let problem = nul(in: .string(value), path: name) { return id + problem }
        }
        for (index, a) in item.attributions.enumerated() {
            let at = "attribution #\(index + 1): "
            for (name, value) in [("id", a.id), ("outlet", a.outlet), ("source_entity", a.sourceEntity), ("cluster", a.cluster)] {
                if let value, let problem = nul(in: .string(value), path: name) { return id + at + problem }
            }
            for review in [a.review].compactMap({ $0 }) + a.otherReviews {
                for (name, value) in [("note", review.note), ("at", review.at)] {
                    if let value, let problem = nul(in: .string(value), path: "review." + name) { return id + at + problem }
                }
                let names = [review.annotator].compactMap { $0 }.map { ($0, "annotator name") } + review.tags.map { ($0, "tag") }
                for (value, what) in names {
                    if let problem = NameRule.problem(value, what: what) {
                        return id + at + "review " + problem + ": \"" + TerminalSafe.escape(value) + "\""
                    }
                }
            }
        }
        for name in item.reviewedBy ?? [] {
            if let problem = NameRule.problem(name, what: "annotator name") {
                return id + "reviewed_by " + problem + ": \"" + TerminalSafe.escape(name) + "\""
            }
        }
        return nil
    }

    /// The first string under `value` holding NUL, as `PATH contains a NUL character …`.
    static func nul(in value: JSONValue, path: String) -> String? {
        switch value {
        case let .string(s):
            guard let offset = s.unicodeScalars.firstIndex(of: "\u{0}") else { return nil }
            let at = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: offset)
            return "\"\(TerminalSafe.escape(path))\" contains a NUL character (U+0000) at scalar \(at): ClaimDesk cannot store it"
        case let .array(items):
            for (i, item) in items.enumerated() {
                if let problem = nul(in: item, path: "\(path)[\(i)]") { return problem }
            }
            return nil
        case let .object(pairs):
            for (key, item) in pairs {
                if let problem = nul(in: item, path: "\(path).\(key)") { return problem }
            }
            return nil
        default:
            return nil
        }
    }
}

/// Maps a parsed JSON object onto the model, checking docs/FORMAT.md's rules.
struct DocumentDecoder {
    struct Problem: Error { var message: String }

    static func decode(_ value: JSONValue) throws(Problem) -> AnnotatedDocument {
        guard case let .object(pairs) = value else { throw Problem(message: "a line must be a JSON object") }
        var fields: [String: JSONValue] = [:]
        for (key, item) in pairs where fields[key] == nil { fields[key] = item }

        guard let idValue = fields["doc_id"], idValue != .null else { throw Problem(message: "missing \"doc_id\"") }
        guard case let .string(id) = idValue else { throw Problem(message: "\"doc_id\" must be a string") }
        if let problem = Document.problem(withID: id) { throw Problem(message: problem) }
        guard let textValue = fields["text"], textValue != .null else {
            throw Problem(message: "document \"\(id)\": missing \"text\"")
        }
        guard case let .string(text) = textValue else { throw Problem(message: "document \"\(id)\": \"text\" must be a string") }
        if text.isEmpty { throw Problem(message: "document \"\(id)\": \"text\" is empty") }

        let document = Document(
            id: id, text: text,
            title: try optionalString(fields, "title", in: id),
            publisher: try optionalString(fields, "publisher", in: id),
            publicationDate: try optionalString(fields, "publication_date", in: id),
            meta: fields["meta"].flatMap { $0 == .null ? nil : $0 })

        var reviewedBy: [String]?
        if let list = fields["reviewed_by"], list != .null {
            guard case let .array(items) = list, !items.isEmpty else {
                throw Problem(message: "document \"\(id)\": \"reviewed_by\" must be a non-empty array of annotator names")
            }
            var names: [String] = []
            for item in items {
                guard case let .string(name) = item, !name.isEmpty else {
                    throw Problem(message: "document \"\(id)\": \"reviewed_by\" must be a non-empty array of annotator names")
                }
                if let problem = NameRule.problem(name, what: "annotator name") {
                    throw Problem(message: "document \"\(TerminalSafe.escape(id))\": \"reviewed_by\": \(problem): \(TerminalSafe.quoted(name))")
                }
                if !names.contains(name) { names.append(name) }
            }
            reviewedBy = names
        }

        var attributions: [Attribution] = []
        if let list = fields["attributions"], list != .null {
            guard case let .array(items) = list else {
                throw Problem(message: "document \"\(id)\": \"attributions\" must be an array")
            }
            let scalars = ScalarText(text)
            var ids: Set<String> = []
            for (index, item) in items.enumerated() {
                let attribution = try AttributionDecoder(scalars: scalars, documentID: id, index: index).decode(item)
                if let aid = attribution.id {
                    if ids.contains(aid) {
                        throw Problem(message: "document \"\(id)\": attribution #\(index + 1): duplicate id \(TerminalSafe.quoted(aid))")
                    }
                    ids.insert(aid)
                }
                attributions.append(attribution)
            }
        }
        return AnnotatedDocument(document: document, attributions: attributions, reviewedBy: reviewedBy)
    }

    static func optionalString(_ fields: [String: JSONValue], _ key: String, in id: String) throws(Problem) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        default: throw Problem(message: "document \"\(id)\": \"\(key)\" must be a string or null")
        }
    }
}

struct AttributionDecoder {
    let scalars: ScalarText
    let documentID: String
    let index: Int

    typealias Problem = DocumentDecoder.Problem

    func problem(_ message: String) -> Problem {
        Problem(message: "document \"\(documentID)\": attribution #\(index + 1): \(message)")
    }

    func decode(_ value: JSONValue) throws(Problem) -> Attribution {
        guard case let .object(pairs) = value else { throw problem("must be a JSON object") }
        var fields: [String: JSONValue] = [:]
        for (key, item) in pairs where fields[key] == nil { fields[key] = item }

        var attribution = Attribution()
        if let id = fields["id"], id != .null {
            guard case let .string(s) = id else { throw problem("\"id\" must be a string") }
            attribution.id = s
        }
        for role in Role.allCases {
            attribution[role] = try fragments(role, fields)
        }
        attribution.outlet = try string(fields, "outlet")
        if let raw = try string(fields, "source_type") {
            guard let type = SourceType(rawValue: raw) else {
                let allowed = SourceType.allCases.map(\.rawValue).joined(separator: ", ")
                throw problem("unknown source_type \(quoted(raw)) (one of \(allowed))")
            }
            attribution.sourceType = type
        }
        switch fields["anonymous"] {
        case nil, .null?: break
        case let .bool(b)?: attribution.anonymous = b
        default: throw problem("\"anonymous\" must be true, false or null")
        }
        attribution.sourceEntity = try string(fields, "source_entity")
        attribution.cluster = try string(fields, "cluster")
        switch fields["confidence"] {
        case nil, .null?: break
        case let .number(text)?:
            guard let c = Double(text), c >= 0, c <= 1 else { throw problem("confidence \(TerminalSafe.short(text, 24)) is not in [0, 1]") }
            attribution.confidence = c
        default: throw problem("\"confidence\" must be a number in [0, 1] or null")
        }
        if let review = fields["review"], review != .null {
            attribution.review = try decodeReview(review)
        }
        if let list = fields["other_reviews"], list != .null {
            guard case let .array(items) = list else { throw problem("\"other_reviews\" must be an array of review objects") }
            for item in items {
                let other = try decodeReview(item)
                guard let name = other.annotator else { throw problem("a review in \"other_reviews\" names no \"annotator\"") }
                for (value, what) in [(name, "annotator name")] + other.tags.map({ ($0, "tag") }) {
                    if let p = NameRule.problem(value, what: what) {
                        throw problem("other_reviews: \(p): \(quoted(value))")
                    }
                }
                attribution.otherReviews.append(other)
            }
        }
        return attribution
    }

    func string(_ fields: [String: JSONValue], _ key: String) throws(Problem) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        default: throw problem("\"\(key)\" must be a string or null")
        }
    }

    /// `fields`: the attribution's, for naming the unit a refused span was counted in.
    func span(_ value: JSONValue, _ label: String, fields: [String: JSONValue] = [:]) throws(Problem) -> Span {
        guard case let .array(items) = value, items.count == 2,
              case let .number(a) = items[0], case let .number(b) = items[1],
              let start = Int(a), let end = Int(b)
        else { throw problem("\"\(label)\" must be [start, end] with integer offsets") }
        let span = Span(start, end)
        guard span.isValid(in: scalars.count) else {
            throw problem("\(label) \(span) is out of range (the text has \(plural(scalars.count, "scalar")); need 0 <= start < end <= \(scalars.count))"
                + (otherUnitHint(span: span, fields: fields) ?? ""))
        }
        return span
    }

    func fragments(_ role: Role, _ fields: [String: JSONValue]) throws(Problem) -> Fragments? {
        let key = role.rawValue
        var hull: Span?
        if let value = fields[key], value != .null { hull = try span(value, key, fields: fields) }
        var parts: [Span]?
        if let value = fields["\(key)_fragments"], value != .null {
            guard case let .array(items) = value else { throw problem("\"\(key)_fragments\" must be an array of [start, end]") }
            var list: [Span] = []
            for item in items { list.append(try span(item, "\(key)_fragments", fields: fields)) }
            parts = list
        }
        var result: Fragments?
        switch (hull, parts) {
        case (nil, nil): result = nil
        case let (h?, nil): result = Fragments(h)
        case let (h, p?):
            guard let fragments = Fragments(unchecked: p) else {
                if h != nil { throw problem("\"\(key)_fragments\" is empty but \"\(key)\" is set") }
                result = nil
                break
            }
            guard fragments.isWellFormed(in: scalars.count) else {
                throw problem("\(key)_fragments \(fragments) must be sorted and non-overlapping")
            }
            if let h, !fragments.isInside(h) {
                throw problem("\(key)_fragments \(fragments) lie outside \(key) \(h)")
            }
            result = fragments
        }
        if let text = try string(fields, "\(key)_text") {
            guard let result else { throw problem("\"\(key)_text\" is set but \"\(key)\" is null") }
            let hullText = scalars.slice(hull ?? result.hull)
            if !Self.textMatches(text, hull: hullText, fragments: result.spans.map { scalars.slice($0) }) {
                throw problem("\(key)_text \(quoted(text)) does not match the text at \(hull ?? result.hull): \(quoted(hullText))"
                    + (otherUnitHint(span: hull ?? result.hull, fields: fields) ?? ""))
            }
        }
        return result
    }

    /// Where offsets go wrong, they were mostly counted in another unit by the tool that wrote the
    /// file: UTF-16 code units (JavaScript, Java, .NET) or UTF-8 bytes (Rust, Go, C). The plain
    /// "does not match" or "out of range" does not tell the engineer that, so on a refused span
    /// whose text holds scalars those units count differently, this says which unit fits.
    static let scalarsNote = "ClaimDesk counts Unicode scalars (Python str indexing; docs/FORMAT.md, \"Offsets\")"

    /// The unit a refused span (out of range, or not matching its `*_text`) was counted in, named
    /// only when EVERY `*_text` of the attribution (at least one) is what its span gives read in
    /// that unit and NOT what it gives in scalars: a mere slip by one, or a short text that recurs
    /// ("said"), fits one span by chance, not all of them. Without a `*_text`, see `offsetsOnlyHint`.
    func otherUnitHint(span refused: Span, fields attributionFields: [String: JSONValue]) -> String? {
        let hasText = Role.allCases.contains { role in
            if case .string? = attributionFields["\(role.rawValue)_text"] { return true } else { return false }
        }
        if !hasText {
            return offsetsOnlyHint(span: refused, fields: attributionFields)
        }
        var checks: [(span: Span, text: String)] = []
        for role in Role.allCases {
            guard case let .string(text)? = attributionFields["\(role.rawValue)_text"],
                  case let .array(items)? = attributionFields[role.rawValue], items.count == 2,
                  case let .number(a) = items[0], case let .number(b) = items[1], let start = Int(a), let end = Int(b)
            else { continue }
            checks.append((Span(start, end), text))
        }
        guard !checks.isEmpty, checks.contains(where: { $0.span == refused }) else { return nil }
        let asScalars = checks.allSatisfy { c in
            c.span.isValid(in: scalars.count) && Self.folded(scalars.slice(c.span)) == Self.folded(c.text)
        }
        guard !asScalars else { return nil }
        for (unit, width) in Self.units {
            let fits = checks.allSatisfy { c in
                guard let start = scalarOffset(c.span.start, width), let end = scalarOffset(c.span.end, width), start < end else { return false }
                return Self.folded(scalars.slice(Span(start, end))) == Self.folded(c.text)
            }
            guard fits else { continue }
            let text = checks.first { $0.span == refused }?.text ?? ""
            // Every span one scalar over can explain the texts as well (one character before them
            // counted twice is one scalar): then both readings are said.
            let slip = [-1, 1].first { d in
                checks.allSatisfy { c in
                    let s = Span(c.span.start + d, c.span.end + d)
                    return s.start >= 0 && s.isValid(in: scalars.count) && Self.folded(scalars.slice(s)) == Self.folded(c.text)
                }
            }.map { Span(refused.start + $0, refused.end + $0) }
            return "; read as \(unit), \(refused) is \(quoted(text))"
                + (checks.count > 1 ? " and every other *_text of the attribution fits too" : "")
                + (slip.map { " (or the spans are one scalar off: \($0) is \(quoted(text)))" } ?? "") + ": " + Self.scalarsNote
        }
        return nil
    }

    /// For an attribution without any `*_text`, whose refused span lies past the end: the unit its
    /// offsets were counted in, named only when it is the ONE reading that fits — every offset of
    /// the attribution (each role's span and fragments) falls between two characters of the text
    /// read in that unit and no offset splits a character, while neither the other unit nor every
    /// span one scalar over fits. An emoji is two UTF-16 units and four UTF-8 bytes, so an offset
    /// past the scalar count alone proves nothing: one emoji before a span past the end by one is
    /// as well a slip by one, and an offset inside an emoji's surrogate pair rules UTF-16 out.
    func offsetsOnlyHint(span refused: Span, fields: [String: JSONValue]) -> String? {
        func pair(_ value: JSONValue?) -> Span? {
            guard case let .array(items)? = value, items.count == 2, case let .number(a) = items[0], case let .number(b) = items[1],
                  let start = Int(a), let end = Int(b) else { return nil }
            return Span(start, end)
        }
        var spans: [Span] = []
        for role in Role.allCases {
            if let value = fields[role.rawValue], value != .null {
                guard let span = pair(value) else { return nil }
                spans.append(span)
            }
            if let value = fields["\(role.rawValue)_fragments"], value != .null {
                guard case let .array(items) = value else { return nil }
                for item in items {
                    guard let span = pair(item) else { return nil }
                    spans.append(span)
                }
            }
        }
        guard spans.contains(refused), !refused.isValid(in: scalars.count) else { return nil }
        func read(_ span: Span, _ width: (Unicode.Scalar) -> Int) -> Span? {
            guard let start = scalarOffset(span.start, width), let end = scalarOffset(span.end, width), start < end else { return nil }
            return Span(start, end)
        }
        let fitting = Self.units.filter { unit in spans.allSatisfy { read($0, unit.1) != nil } }
        let slips = [-1, 1].filter { d in spans.allSatisfy { Span($0.start + d, $0.end + d).isValid(in: scalars.count) } }
        guard fitting.count == 1, slips.isEmpty, let unit = fitting.first, let asRead = read(refused, unit.1) else { return nil }
        let length = scalars.scalars.reduce(0) { $0 + unit.1($1) }
        return "; the offsets look like \(unit.0) (the text has \(length) of them): read so, \(refused) is \(quoted(scalars.slice(asRead)))"
            + " and no other reading fits every offset of the attribution: " + Self.scalarsNote
    }

    static let units: [(String, @Sendable (Unicode.Scalar) -> Int)] = [
        ("UTF-16 code units", { $0.utf16.count }), ("UTF-8 bytes", { $0.utf8.count }),
    ]

    /// The scalar offset at which `offset` units (each scalar `width` of them) have been counted;
    /// nil when the offset falls inside a scalar or past the text.
    func scalarOffset(_ offset: Int, _ width: (Unicode.Scalar) -> Int) -> Int? {
        var units = 0
        for (index, scalar) in scalars.scalars.enumerated() {
            if units == offset { return index }
            if units > offset { return nil }
            units += width(scalar)
        }
        return units == offset ? scalars.count : nil
    }

    /// A `*_text` matches when it equals the hull's text or the fragments' texts joined by " … " or
    /// by a space (PolNeAR's convention), comparing with runs of white space folded to one space.
    static func textMatches(_ text: String, hull: String, fragments: [String]) -> Bool {
        if text == hull { return true }
        let given = folded(text)
        return given == folded(hull) || given == folded(fragments.joined(separator: " "))
            || given == folded(fragments.joined(separator: " … "))
    }

    static func folded(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    func quoted(_ s: String) -> String { TerminalSafe.quoted(s) }

    func decodeReview(_ value: JSONValue) throws(Problem) -> Review {
        guard case let .object(pairs) = value else { throw problem("\"review\" must be an object") }
        var fields: [String: JSONValue] = [:]
        for (key, item) in pairs where fields[key] == nil { fields[key] = item }
        guard let raw = try string(fields, "status") else { throw problem("review without \"status\"") }
        guard let status = ReviewStatus(rawValue: raw) else {
            throw problem("unknown review status \(quoted(raw)) (confirmed, corrected, rejected, added)")
        }
        var review = Review(status: status)
        review.annotator = try string(fields, "annotator")
        if let c = try string(fields, "confidence") {
            guard let level = AnalystConfidence(rawValue: c) else { throw problem("unknown review confidence \(quoted(c)) (high, medium, low)") }
            review.confidence = level
        }
        switch fields["tags"] {
        case nil, .null?: break
        case let .array(items)?:
            for item in items {
                guard case let .string(tag) = item else { throw problem("review tags must be strings") }
                review.tags.append(tag)
            }
        default: throw problem("review \"tags\" must be an array of strings")
        }
        review.note = try string(fields, "note")
        review.at = try string(fields, "at")
        switch fields["adjudication"] {
        case nil, .null?, .bool(false)?: break
        case .bool(true)?: review.adjudication = true
        default: throw problem("review \"adjudication\" must be true or false")
        }
        switch fields["bulk"] {
        case nil, .null?, .bool(false)?: break
        case .bool(true)?: review.bulk = true
        default: throw problem("review \"bulk\" must be true or false")
        }
        if let changes = fields["changes"], changes != .null {
            review.changes = try checkedChanges(changes)
        }
        return review
    }

    /// A review's `changes`: an object of correctable fields; spans are checked like the attribution's.
    func checkedChanges(_ value: JSONValue) throws(Problem) -> JSONValue {
        guard case let .object(pairs) = value else { throw problem("review \"changes\" must be an object") }
        for (key, item) in pairs {
            switch key {
            case "source", "cue", "content":
                if item == .null { continue }
                guard case let .array(spans) = item else { throw problem("review changes \"\(key)\" must be a list of [start, end] or null") }
                var list: [Span] = []
                for s in spans { list.append(try span(s, "review changes \(key)")) }
                guard let f = Fragments(unchecked: list), f.isWellFormed(in: scalars.count) else {
                    throw problem("review changes \"\(key)\" must be sorted, non-overlapping [start, end] spans")
                }
            case "outlet", "entity":
                guard item == .null || item.stringValue != nil else { throw problem("review changes \"\(key)\" must be a string or null") }
            case "type":
                if item == .null { continue }
                guard let raw = item.stringValue, SourceType(rawValue: raw) != nil else {
                    throw problem("review changes \"type\" must be a source type or null")
                }
            case "anon":
                switch item {
                case .null, .bool: break
                default: throw problem("review changes \"anon\" must be true, false or null")
                }
            default:
                throw problem("review changes: unknown field \(quoted(key)) (source, cue, content, outlet, type, anon, entity)")
            }
        }
        return value
    }
}
