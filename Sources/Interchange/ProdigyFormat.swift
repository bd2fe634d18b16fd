import ClaimModel

/// Prodigy's JSONL tasks as `rel.manual` reads and `db-out` writes them: `text`, `tokens`,
/// `spans` (`start`, `end`, `label`, `token_start`, `token_end`), `relations` (`head`/`child`: the
/// last token of each span, with `head_span`/`child_span`), `answer`, `meta`.
///
/// Offsets are Python `str` offsets (Unicode scalars), ours. Tokens are written so that the relation
/// UI can show the task (every span edge is a token edge); they are not read back. Document fields go
/// into `meta` (Prodigy shows it beside the task), attribution fields into `claimdesk`.
///
/// `answer`: a gold export writes `reject` when every claim of the document was rejected, else
/// `accept`. Reading, `reject` makes every claim of the task rejected, `accept` confirms those that
/// carry no review of their own, and `ignore` leaves the task out with a located issue.
public enum ProdigyFormat {
    public static let relationLabel = "Attribution"

    public static func line(for item: AnnotatedDocument, labels: LabelMap = .standard, gold: Bool) -> [UInt8] {
        let text = ScalarText(item.document.text)
        var layouts: [[AttributionGraph.Node]] = []
        var starts = Set<Int>(), ends = Set<Int>()
        for a in item.attributions {
            let nodes = AttributionGraph.layout(a)
            layouts.append(nodes)
            for node in nodes { starts.insert(node.span.start); ends.insert(node.span.end) }
        }
        let tokens = WordTokens.tokens(text, starts: starts, ends: ends)
        func spanObject(_ node: AttributionGraph.Node) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("start", .number(String(node.span.start))), ("end", .number(String(node.span.end)))]
            if let range = WordTokens.range(of: node.span, in: tokens) {
                pairs.append(("token_start", .number(String(range.first))))
                pairs.append(("token_end", .number(String(range.last))))
            }
            pairs.append(("label", .string(labels.label(for: node.role))))
            return .object(pairs)
        }
        var spans: [JSONValue] = []
        var relations: [JSONValue] = []
        var extra: [JSONValue] = []
        for (a, nodes) in zip(item.attributions, layouts) {
            guard let anchor = nodes.first else { continue }
            for node in nodes { spans.append(spanObject(node)) }
            for node in nodes.dropFirst() {
                let head = WordTokens.range(of: anchor.span, in: tokens)?.last ?? 0
                let child = WordTokens.range(of: node.span, in: tokens)?.last ?? 0
                relations.append(.object([("head", .number(String(head))), ("child", .number(String(child))),
                                          ("head_span", spanObject(anchor)), ("child_span", spanObject(node)),
                                          ("label", .string(relationLabel))]))
            }
            if let entry = AnchoredFields.entry(a, anchor: anchor) { extra.append(entry) }
        }
        extra += SpanlessAttributions.entries(item.attributions)
        var pairs: [(String, JSONValue)] = [("text", .string(item.document.text))]
        pairs.append(("tokens", .array(tokens.enumerated().map { n, t in
            .object([("text", .string(text.slice(Span(t.start, t.end)))), ("start", .number(String(t.start))),
                     ("end", .number(String(t.end))), ("id", .number(String(n))), ("ws", .bool(t.ws))])
        })))
        pairs.append(("spans", .array(spans)))
        pairs.append(("relations", .array(relations)))
        if gold {
            let reviewed = item.attributions.compactMap(\.review)
            let rejected = !reviewed.isEmpty && reviewed.count == item.attributions.count && reviewed.allSatisfy { $0.status == .rejected }
            pairs.append(("answer", .string(rejected ? "reject" : "accept")))
        }
        pairs.append(("meta", .object(DocumentFields.pairs(item))))
        return JSONLines.line(pairs, extra: extra)
    }

    public static func read(_ bytes: [UInt8], file: String, labels: LabelMap = .standard) -> JSONLReader.Result {
        if let wrong = ExportSignature.mismatch(bytes, file: file, expected: .prodigy) { return .refusing(wrong) }
        return read(parse(bytes, file: file), file: file, labels: labels)
    }

    /// One line of a Prodigy file, parsed once: its object (or why it is none), and the keys by
    /// which `import-gold` groups the lines of one task answered by several annotators
    /// (`FileAnnotators.prodigyTasks`), so that it need not parse the file a second time.
    public struct ParsedLine: Sendable {
        public var number: Int
        var object: Swift.Result<JSONValue, InterchangeIssue>

        init(number: Int, object: Swift.Result<JSONValue, InterchangeIssue>) {
            self.number = number
            self.object = object
        }

        var parsed: JSONValue? { try? object.get() }

        /// `accept`, `reject`, `ignore`, or nil when the line has none.
        public var answer: String? { parsed?["answer"]?.stringValue }

        /// `_annotator_id`, nil when absent or empty.
        public var annotator: String? { parsed?["_annotator_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }

        /// What makes two lines one task: the doc_id the line gives in `meta` (none: positional),
        /// and its `_input_hash`, else its text. Nil for a line that is no object with a text.
        public var task: String? {
            guard let object = parsed, let text = object["text"]?.stringValue else { return nil }
            let docID = object["meta"]?["doc_id"]?.stringValue ?? ""
            let hash: String
            switch object["_input_hash"] {
            case let .number(n)?: hash = "h" + n
            case let .string(h)?: hash = "h" + h
            default: hash = "t" + text
            }
            return docID + "\u{0}" + hash
        }

        /// The line without its answer and its spans (relations, `claimdesk` list): the document
        /// of a task nobody annotated. Nil for a line that is no object.
        public var unanswered: ParsedLine? {
            guard case let .object(pairs)? = parsed else { return nil }
            let kept = pairs.filter { !["answer", "spans", "relations", "claimdesk"].contains($0.0) }
            return ParsedLine(number: number, object: .success(.object(kept)))
        }
    }

    /// Every line of a Prodigy file parsed (blank lines skipped, numbered as they stand).
    public static func parse(_ bytes: [UInt8], file: String) -> [ParsedLine] {
        var parsed: [ParsedLine] = []
        JSONLines.forEach(bytes) { number, slice in
            parsed.append(ParsedLine(number: number, object: JSONLines.object(slice, file: file, line: number)))
        }
        return parsed
    }

    /// Reads parsed lines (the whole file, or some of its lines at their own numbers). A file
    /// whose spans all bear labels outside `labels` is refused whole (`LabelMap.foreignLabelsIssue`).
    public static func read(_ parsed: [ParsedLine], file: String, labels: LabelMap = .standard) -> JSONLReader.Result {
        let found = parsed.flatMap { ($0.parsed?["spans"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue } }
        if let foreign = labels.foreignSpanLabelsIssue(found, file: file) { return .refusing(foreign) }
        // Every line parsed first: a task is named by its `_input_hash` only when no other task of
        // the file has it (the same text answered by several annotators is several tasks, one hash).
        var hashes: [String: Int] = [:]
        for case let .success(object) in parsed.map(\.object) {
            if let hash = object["_input_hash"]?.idText { hashes[hash, default: 0] += 1 }
        }
        let stem = fileStem(file)
        var result = JSONLReader.Result(lines: [], issues: [])
        var byPosition: [String] = []
        for line in parsed {
            let decoded = line.object.flatMap { object -> Swift.Result<AnnotatedDocument, InterchangeIssue> in
                let hash = object["_input_hash"]?.idText.flatMap { hashes[$0] == 1 ? $0 : nil }
                let decoded = decode(object, file: file, line: line.number, fallbackID: "\(stem)-\(hash ?? String(line.number))", labels: labels)
                if case let .success(item) = decoded, object["meta"]?["doc_id"]?.stringValue == nil, hash == nil {
                    byPosition.append(item.document.id)
                }
                return decoded
            }
            switch decoded {
            case let .success(item): result.lines.append(JSONLReader.Line(number: line.number, document: item))
            case let .failure(issue): result.issues.append(issue)
            }
        }
        InterchangeChecks.finish(&result, file: file, what: "no JSON lines")
        PositionNames.note(&result, byPosition, file: file, missing: "meta.doc_id or a _input_hash of its own", give: "meta.doc_id")
        return result
    }

    static func decode(_ object: JSONValue, file: String, line: Int, fallbackID: String, labels: LabelMap) -> Swift.Result<AnnotatedDocument, InterchangeIssue> {
        func issue(_ message: String) -> Swift.Result<AnnotatedDocument, InterchangeIssue> {
            .failure(InterchangeIssue(file: file, line: line, message: message))
        }
        guard let text = object["text"]?.stringValue else { return issue("missing \"text\" (a string)") }
        let answer = object["answer"]?.stringValue
        if answer == "ignore" { return issue("the task was answered \"ignore\" in Prodigy: it is not gold (--skip-invalid imports the others)") }
        if let answer, answer != "accept" && answer != "reject" {
            return issue("unknown answer \(escapedForMessage(answer)) (accept, reject or ignore)")
        }
        let document: Document
        switch DocumentFields.document(object["meta"] ?? .object([]), text: text, fallbackID: fallbackID) {
        case let .success(d): document = d
        case let .failure(problem): return issue(problem.message)
        }
        let scalars = ScalarText(text)
        var nodes: [AttributionGraph.Node] = []
        var tokenEnds: [Int: Int] = [:]
        func parse(_ value: JSONValue, _ place: String) -> Swift.Result<AttributionGraph.Node, InterchangeIssue> {
            guard let s = value["start"]?.intValue, let e = value["end"]?.intValue, let label = value["label"]?.stringValue else {
                return .failure(InterchangeIssue(file: file, line: line, message: "\(place): needs \"start\", \"end\" and \"label\""))
            }
            guard let role = labels.role(for: label) else {
                let found = (object["spans"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
                return .failure(InterchangeIssue(file: file, line: line,
                    message: "\(place): label \(escapedForMessage(label)) is not one of \(labels.expected)"
                        + (labels.unknownLabelsHint(found, what: "the task's labels are") ?? " (map it with --labels)")))
            }
            let span = Span(s, e)
            guard span.isValid(in: scalars.count) else {
                return .failure(InterchangeIssue(file: file, line: line, message: "\(place): \(span) is out of range (the text has \(plural(scalars.count, "scalar")))"))
            }
            return .success(AttributionGraph.Node(role: role, span: span))
        }
        // Every span is its own node, so that two claims over the same words stay two claims.
        for (n, span) in (object["spans"]?.arrayValue ?? []).enumerated() {
            switch parse(span, "span #\(n + 1)") {
            case let .success(node): nodes.append(node)
            case let .failure(problem): return .failure(problem)
            }
            if let last = span["token_end"]?.intValue, tokenEnds[last] == nil { tokenEnds[last] = nodes.count - 1 }
        }
        var links: [(Int, Int)] = []
        var claimed = Set<Int>()
        /// Why a relation end that names no span of the task is refused: a relation adds no span.
        func noSpan(_ n: Int, _ end: String, _ node: AttributionGraph.Node) -> Swift.Result<AnnotatedDocument, InterchangeIssue> {
            let other = nodes.first { $0.span == node.span }.map { " (the span at \(node.span) is a \(labels.label(for: $0.role)))" } ?? ""
            return issue("relation #\(n): \(end) \(node.span) is not a span of the task\(other)")
        }
        for (n, relation) in (object["relations"]?.arrayValue ?? []).enumerated() {
            // The child is the first span with its offsets and label not yet a child (else the
            // first such span: one span may be the child of two heads); the head the nearest such
            // span before it (the writer puts each anchor before its other spans).
            var child: Int?, head: Int?
            if let value = relation["child_span"] {
                switch parse(value, "relation #\(n + 1) child_span") {
                case let .success(node):
                    child = nodes.indices.first { nodes[$0] == node && !claimed.contains($0) } ?? nodes.firstIndex(of: node)
                    if child == nil { return noSpan(n + 1, "child_span", node) }
                case let .failure(problem): return .failure(problem)
                }
            } else if let token = relation["child"]?.intValue {
                child = tokenEnds[token]
                if child == nil { return issue("relation #\(n + 1): child token \(token) is the last token of no span of the task") }
            }
            if let value = relation["head_span"] {
                switch parse(value, "relation #\(n + 1) head_span") {
                case let .success(node):
                    head = nodes.indices.last { nodes[$0] == node && $0 < (child ?? nodes.count) } ?? nodes.firstIndex(of: node)
                    if head == nil { return noSpan(n + 1, "head_span", node) }
                case let .failure(problem): return .failure(problem)
                }
            } else if let token = relation["head"]?.intValue {
                head = tokenEnds[token]
                if head == nil { return issue("relation #\(n + 1): head token \(token) is the last token of no span of the task") }
            }
            guard let head, let child else { return issue("relation #\(n + 1): needs head_span and child_span (or head and child)") }
            claimed.insert(child)
            links.append((head, child))
        }
        var attributions: [Attribution]
        switch AttributionGraph.attributions(nodes, links: links, claimdesk: object["claimdesk"], text: scalars, documentID: document.id) {
        case let .success(list): attributions = list
        case let .failure(problem): return issue(problem.message)
        }
        // Multi-user sessions name the annotator (`_annotator_id`, "dataset-alex"); it reviews the
        // claims that carry no review of their own.
        let annotator = object["_annotator_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for i in attributions.indices {
            switch answer {
            case "reject"?:
                var review = attributions[i].review ?? Review(status: .rejected, annotator: annotator)
                review.status = .rejected
                attributions[i].review = review
            case "accept"?:
                if attributions[i].review == nil { attributions[i].review = Review(status: .confirmed, annotator: annotator) }
            default: break
            }
        }
        var item = AnnotatedDocument(document: document, attributions: attributions)
        switch DocumentFields.reviewedBy(object["meta"] ?? .object([]), id: document.id) {
        case let .success(names): item.reviewedBy = names
        case let .failure(problem): return issue(problem.message)
        }
        if let problem = InterchangeChecks.storedProblem(item) { return issue(problem) }
        return .success(item)
    }
}
