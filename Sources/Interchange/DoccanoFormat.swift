import ClaimModel

/// doccano's relation-extraction JSONL, one document per line:
/// `{"doc_id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
///   "relations": [{"id", "from_id", "to_id", "type"}], "claimdesk": [...]}`.
///
/// doccano counts offsets in Python `str` characters, i.e. Unicode scalars, our unit: they pass
/// unchanged. Spans and relations follow `AttributionGraph`; document fields sit at the top of the
/// line and the attribution fields in `claimdesk`, keys doccano keeps as the example's metadata.
public enum DoccanoFormat {
    /// The relation type written; any type is read.
    public static let relationType = "Attribution"

    public static func line(for item: AnnotatedDocument, labels: LabelMap = .standard) -> [UInt8] {
        var entities: [JSONValue] = []
        var relations: [JSONValue] = []
        var extra: [JSONValue] = []
        for a in item.attributions {
            let nodes = AttributionGraph.layout(a)
            guard let anchor = nodes.first else { continue }
            let anchorID = entities.count + 1
            for node in nodes {
                let id = entities.count + 1
                entities.append(.object([
                    ("id", .number(String(id))), ("label", .string(labels.label(for: node.role))),
                    ("start_offset", .number(String(node.span.start))), ("end_offset", .number(String(node.span.end))),
                ]))
                if id != anchorID {
                    relations.append(.object([
                        ("id", .number(String(relations.count + 1))), ("from_id", .number(String(anchorID))),
                        ("to_id", .number(String(id))), ("type", .string(relationType)),
                    ]))
                }
            }
            if let entry = AnchoredFields.entry(a, anchor: anchor) { extra.append(entry) }
        }
        extra += SpanlessAttributions.entries(item.attributions)
        var pairs = DocumentFields.pairs(item)
        pairs.append(("text", .string(item.document.text)))
        pairs.append(("entities", .array(entities)))
        pairs.append(("relations", .array(relations)))
        return JSONLines.line(pairs, extra: extra)
    }

    /// Reads every line; a line that does not fit the convention is reported `FILE:LINE`.
    public static func read(_ bytes: [UInt8], file: String, labels: LabelMap = .standard) -> JSONLReader.Result {
        if let wrong = ExportSignature.mismatch(bytes, file: file, expected: .doccano) { return .refusing(wrong) }
        var byPosition: [String] = []
        var found: [String] = []
        var result = JSONLines.readDocuments(bytes, file: file) { object, line, stem in
            found += (object["entities"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
            let decoded = decode(object, file: file, line: line, stem: stem, labels: labels)
            if case let .success(item) = decoded, object["doc_id"]?.stringValue == nil, object["id"]?.idText == nil {
                byPosition.append(item.document.id)
            }
            return decoded
        }
        if let foreign = labels.foreignSpanLabelsIssue(found, file: file) { return .refusing(foreign) }
        PositionNames.note(&result, byPosition, file: file, missing: "doc_id or id", give: "doc_id")
        return result
    }

    static func decode(_ object: JSONValue, file: String, line: Int, stem: String, labels: LabelMap) -> Swift.Result<AnnotatedDocument, InterchangeIssue> {
        func issue(_ message: String) -> Swift.Result<AnnotatedDocument, InterchangeIssue> {
            .failure(InterchangeIssue(file: file, line: line, message: message))
        }
        guard let text = object["text"]?.stringValue else { return issue("missing \"text\" (a string)") }
        // A sequence-labelling export (no relations) would read as a document with no claims.
        if object["entities"] == nil, object["label"]?.arrayValue != nil {
            return issue("\"label\" holds spans without relations (doccano's sequence-labelling export): export the project with relation labeling (\"entities\" and \"relations\")")
        }
        let fallback = object["id"]?.idText ?? "\(stem)-\(line)"
        let document: Document
        switch DocumentFields.document(object, text: text, fallbackID: fallback) {
        case let .success(d): document = d
        case let .failure(problem): return issue(problem.message)
        }
        let scalars = ScalarText(text)
        var nodes: [AttributionGraph.Node] = []
        var index: [String: Int] = [:]
        for (n, entity) in (object["entities"]?.arrayValue ?? []).enumerated() {
            guard let s = entity["start_offset"]?.intValue, let e = entity["end_offset"]?.intValue,
                  let label = entity["label"]?.stringValue
            else { return issue("entity #\(n + 1): needs \"label\", \"start_offset\" and \"end_offset\"") }
            guard let role = labels.role(for: label) else {
                let found = (object["entities"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
                return issue("entity #\(n + 1): label \(escapedForMessage(label)) is not one of \(labels.expected)"
                    + (labels.unknownLabelsHint(found, what: "the line's labels are") ?? " (map it with --labels)"))
            }
            let span = Span(s, e)
            guard span.isValid(in: scalars.count) else {
                return issue("entity #\(n + 1): \(span) is out of range (the text has \(plural(scalars.count, "scalar")))")
            }
            if let id = entity["id"]?.idText { index[id] = nodes.count }
            nodes.append(AttributionGraph.Node(role: role, span: span))
        }
        var links: [(Int, Int)] = []
        for (n, relation) in (object["relations"]?.arrayValue ?? []).enumerated() {
            guard let from = relation["from_id"]?.idText, let to = relation["to_id"]?.idText else {
                return issue("relation #\(n + 1): needs \"from_id\" and \"to_id\"")
            }
            guard let a = index[from], let b = index[to] else {
                return issue("relation #\(n + 1): links an unknown entity (from_id \(from), to_id \(to))")
            }
            links.append((a, b))
        }
        let attributions: [Attribution]
        switch AttributionGraph.attributions(nodes, links: links, claimdesk: object["claimdesk"], text: scalars, documentID: document.id) {
        case let .success(list): attributions = list
        case let .failure(problem): return issue(problem.message)
        }
        var item = AnnotatedDocument(document: document, attributions: attributions)
        switch DocumentFields.reviewedBy(object, id: document.id) {
        case let .success(names): item.reviewedBy = names
        case let .failure(problem): return issue(problem.message)
        }
        if let problem = InterchangeChecks.storedProblem(item) { return issue(problem) }
        return .success(item)
    }
}

/// Checks shared by the readers of other tools' files.
enum InterchangeChecks {
    /// What the JSONL reader refuses in strings ClaimDesk stores (NUL, annotator and tag names),
    /// checked on the document as JSONL would carry it, so every format refuses the same things.
    static func storedProblem(_ item: AnnotatedDocument) -> String? {
        var writer = JSONLWriter()
        guard let value = try? JSONParser.parse(writer.line(for: item).dropLast()) else { return nil }
        return StoredStrings.problem(in: value)
    }

    /// Duplicate doc_ids are reported on their second line; an empty file is one issue.
    static func finish(_ result: inout JSONLReader.Result, file: String, what: String) {
        var seen: [[UInt8]: Int] = [:]
        var kept: [JSONLReader.Line] = []
        for line in result.lines {
            if let first = seen[line.document.document.id.exactKey] {
                result.issues.append(InterchangeIssue(file: file, line: line.number,
                    message: "duplicate doc_id \(escapedForMessage(line.document.document.id)) (first on line \(first))"))
            } else {
                seen[line.document.document.id.exactKey] = line.number
                kept.append(line)
            }
        }
        result.lines = kept
        if result.lines.isEmpty && result.issues.isEmpty {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "the file is empty: \(what)"))
        }
        result.issues.sort { $0.line < $1.line }
    }
}

/// Documents named by their position in the file (`STEM-LINE`, `STEM-N`): a tool that exports in
/// another order renames them, so a re-import would duplicate them or collide with their old names.
enum PositionNames {
    /// Adds to `result` one warning naming the documents of `byPosition` that were read, and the
    /// key (`give`) that keeps their names; none when every document has a stable name.
    static func note(_ result: inout JSONLReader.Result, _ byPosition: [String], file: String, missing: String, give: String) {
        let read = Set(result.lines.map(\.document.document.id.exactKey))
        let named = byPosition.filter { read.contains($0.exactKey) }
        guard !named.isEmpty else { return }
        let shown = named.prefix(2).joined(separator: ", ") + (named.count > 2 ? ", …" : "")
        let one = named.count == 1
        result.warnings.append(InterchangeIssue(file: file, line: 0, message:
            "\(plural(named.count, "document")) had no \(missing): named \(shown) by position; give \(give) to keep \(one ? "its name" : "their names") across exports"))
    }
}

/// The file name without folder and extension: names documents that carry no id.
func fileStem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}
