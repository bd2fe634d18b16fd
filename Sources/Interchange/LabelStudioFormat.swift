import ClaimModel

/// Label Studio's JSON task list: `[{"data": {"text", "doc_id", …}, "annotations": [{"result": […]}],
/// "predictions": [{"model_version", "result": […]}]}]`, for a labelling config with
/// `<Labels name="label" toName="text">` and `<Relations>` (docs/FORMAT.md gives the config).
///
/// Offsets: Label Studio counts JavaScript string positions, i.e. UTF-16 code units, so an emoji or
/// 𝔘 counts two there and one here; `UTF16Offsets` converts at the boundary, both ways.
///
/// Reviewed attributions go into `annotations`, one annotation per annotator (in order of first
/// appearance); attributions without a review (a run's claims) into `predictions`. Spans and
/// relations follow `AttributionGraph`; the attribution fields ride in the anchor region's
/// `meta.claimdesk`, the document fields in `data`.
public enum LabelStudioFormat {
    public static let fromName = "label"
    public static let toName = "text"
    public static let relationLabel = "Attribution"

    /// The task of one document, as compact JSON (no separator, no newline).
    public static func task(for item: AnnotatedDocument, labels: LabelMap = .standard, modelVersion: String = "claimdesk") -> [UInt8] {
        let text = ScalarText(item.document.text)
        let offsets = UTF16Offsets(item.document.text)
        var counter = 0
        func results(_ attributions: [Attribution]) -> JSONValue {
            var items: [JSONValue] = []
            for a in attributions {
                let nodes = AttributionGraph.layout(a)
                var anchorID = ""
                for (n, node) in nodes.enumerated() {
                    counter += 1
                    let id = "r\(counter)"
                    var region: [(String, JSONValue)] = [
                        ("id", .string(id)), ("from_name", .string(fromName)), ("to_name", .string(toName)), ("type", .string("labels")),
                        ("value", .object([
                            ("start", .number(String(offsets.utf16(node.span.start)))),
                            ("end", .number(String(offsets.utf16(node.span.end)))),
                            ("text", .string(text.slice(node.span))),
                            ("labels", .array([.string(labels.label(for: node.role))])),
                        ])),
                    ]
                    if n == 0 {
                        anchorID = id
                        let fields = AttributionFields.object(a)
                        if !fields.isEmpty { region.append(("meta", .object([("claimdesk", .object(fields))]))) }
                    }
                    items.append(.object(region))
                }
                for n in nodes.indices.dropFirst() {
                    items.append(.object([
                        ("from_id", .string(anchorID)), ("to_id", .string("r\(counter - nodes.count + 1 + n)")),
                        ("type", .string("relation")), ("direction", .string("right")), ("labels", .array([.string(relationLabel)])),
                    ]))
                }
            }
            return .array(items)
        }
        var annotators: [String?] = []
        for a in item.attributions where a.review != nil && !annotators.contains(a.review?.annotator) && !AttributionGraph.layout(a).isEmpty {
            annotators.append(a.review?.annotator)
        }
        let annotations: [JSONValue] = annotators.map { name in
            .object([("result", results(item.attributions.filter { $0.review != nil && $0.review?.annotator == name && !AttributionGraph.layout($0).isEmpty }))])
        }
        let unreviewed = item.attributions.filter { $0.review == nil && !AttributionGraph.layout($0).isEmpty }
        let spanless = SpanlessAttributions.entries(item.attributions)
        var data: [(String, JSONValue)] = [("text", .string(item.document.text))] + DocumentFields.pairs(item)
        if !spanless.isEmpty { data.append(("claimdesk", .array(spanless))) }
        var pairs: [(String, JSONValue)] = [("data", .object(data))]
        pairs.append(("annotations", .array(annotations)))
        pairs.append(("predictions", .array(unreviewed.isEmpty ? [] : [.object([("model_version", .string(modelVersion)), ("result", results(unreviewed))])])))
        var writer = JSONWriter()
        writer.value(.object(pairs))
        return writer.bytes
    }

    /// Reads a task list (or one task object). Problems are reported as `FILE: task #N: …`.
    public static func read(_ bytes: [UInt8], file: String, labels: LabelMap = .standard) -> JSONLReader.Result {
        if let wrong = ExportSignature.mismatch(bytes, file: file, expected: .labelStudio) { return .refusing(wrong) }
        var result = JSONLReader.Result(lines: [], issues: [])
        guard String(validating: bytes, as: UTF8.self) != nil else {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "invalid UTF-8"))
            return result
        }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "invalid JSON at \(error)"))
            return result
        }
        let tasks: [JSONValue]
        switch value {
        case let .array(items): tasks = items
        case .object: tasks = [value]
        default:
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "expected a JSON array of Label Studio tasks"))
            return result
        }
        if let foreign = labels.foreignSpanLabelsIssue(tasks.flatMap(regionLabels), file: file) { return .refusing(foreign) }
        let stem = fileStem(file)
        var seen: [[UInt8]: Int] = [:]
        var byPosition: [String] = []
        for (n, task) in tasks.enumerated() {
            switch decode(task, number: n + 1, stem: stem, labels: labels) {
            case let .success(document):
                if task["data"]?["doc_id"]?.stringValue == nil && task["id"]?.idText == nil { byPosition.append(document.document.id) }
                if let first = seen[document.document.id.exactKey] {
                    result.issues.append(InterchangeIssue(file: file, line: 0,
                        message: "task #\(n + 1): duplicate doc_id \(escapedForMessage(document.document.id)) (first in task #\(first))"))
                } else {
                    seen[document.document.id.exactKey] = n + 1
                    result.lines.append(JSONLReader.Line(number: n + 1, document: document, annotatedBy: annotators(task)))
                }
            case let .failure(problem):
                result.issues.append(InterchangeIssue(file: file, line: 0, message: "task #\(n + 1): \(problem.message)"))
            }
        }
        if tasks.isEmpty { result.issues.append(InterchangeIssue(file: file, line: 0, message: "the file is empty: no tasks")) }
        PositionNames.note(&result, byPosition, file: file, missing: "data.doc_id or task id", give: "data.doc_id")
        return result
    }

    /// The label of every `labels` region of a task's annotations (those not cancelled) and
    /// predictions, as `decode` reads them (the first of `value.labels`).
    static func regionLabels(_ task: JSONValue) -> [String] {
        var labels: [String] = []
        for part in ["annotations", "predictions"] {
            for entry in task[part]?.arrayValue ?? [] {
                if case .bool(true)? = entry["was_cancelled"] { continue }
                for item in entry["result"]?.arrayValue ?? [] where item["type"]?.stringValue == "labels" {
                    if let label = item["value"]?["labels"]?.arrayValue?.first?.stringValue { labels.append(label) }
                }
            }
        }
        return labels
    }

    /// A task's annotators: its annotations that Label Studio did not mark `was_cancelled` (its
    /// skip), each by `completedBy`; predictions are nobody's.
    static func annotators(_ task: JSONValue) -> [String?] {
        (task["annotations"]?.arrayValue ?? []).compactMap { annotation in
            if case .bool(true)? = annotation["was_cancelled"] { return nil }
            return .some(completedBy(annotation))
        }
    }

    /// The annotator of an annotation as Label Studio exports it: `completed_by` as an object with an
    /// `email`, or a string; a bare user number names nobody (import-gold's `--annotator` then applies).
    static func completedBy(_ annotation: JSONValue) -> String? {
        switch annotation["completed_by"] {
        case let .string(name)? where !name.isEmpty: return name
        case let .object(pairs)?: return pairs.first { $0.0 == "email" }?.1.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        default: return nil
        }
    }

    /// How a region whose text does not fit its UTF-16 offsets was counted, when its offsets read
    /// in scalars or UTF-8 bytes give that text.
    static func otherUnitHint(_ given: String, _ start: Int, _ end: Int, _ text: ScalarText) -> String? {
        guard let (unit, span) = OffsetHint.unit(fitting: given, start: start, end: end, in: text, among: [OffsetHint.scalars, OffsetHint.utf8])
        else { return nil }
        let scalarSpan = span == Span(start, end) ? "" : " (\(span) in scalars)"
        return "; the offsets fit \(unit.name)\(scalarSpan): Label Studio counts UTF-16 code units (JavaScript string positions)"
    }

    static func decode(_ task: JSONValue, number: Int, stem: String, labels: LabelMap) -> Swift.Result<AnnotatedDocument, FormatProblem> {
        guard case .object = task, let data = task["data"] else { return .failure("needs \"data\" with \"text\"") }
        guard let text = data["text"]?.stringValue else { return .failure("\"data.text\" must be a string") }
        let fallback = task["id"]?.idText.map { "\(stem)-\($0)" } ?? "\(stem)-\(number)"
        let document: Document
        switch DocumentFields.document(data, text: text, fallbackID: fallback) {
        case let .success(d): document = d
        case let .failure(problem): return .failure(problem)
        }
        let scalars = ScalarText(text)
        let offsets = UTF16Offsets(text)
        var attributions: [Attribution] = []
        for part in ["annotations", "predictions"] {
            for (k, entry) in (task[part]?.arrayValue ?? []).enumerated() {
                if case .bool(true)? = entry["was_cancelled"] { continue }
                let results = entry["result"]?.arrayValue ?? []
                var nodes: [AttributionGraph.Node] = []
                var fields: [Int: JSONValue] = [:]
                var index: [String: Int] = [:]
                var relations: [(String, String)] = []
                for (r, item) in results.enumerated() {
                    let place = "\(part)[\(k)].result[\(r)]"
                    switch item["type"]?.stringValue {
                    case "labels"?:
                        guard let value = item["value"], let s = value["start"]?.intValue, let e = value["end"]?.intValue,
                              let label = value["labels"]?.arrayValue?.first?.stringValue
                        else { return .failure("\(place): a labels region needs value.start, value.end and value.labels") }
                        guard let role = labels.role(for: label) else {
                            let found = ["annotations", "predictions"].flatMap { task[$0]?.arrayValue ?? [] }
                                .flatMap { $0["result"]?.arrayValue ?? [] }.compactMap { $0["value"]?["labels"]?.arrayValue?.first?.stringValue }
                            return .failure(FormatProblem("\(place): label \(escapedForMessage(label)) is not one of \(labels.expected)"
                                + (labels.unknownLabelsHint(found, what: "the task's labels are") ?? " (map it with --labels)")))
                        }
                        let given = value["text"]?.stringValue
                        let region = item["id"]?.idText.map { " (region \(escapedForMessage($0)))" } ?? ""
                        guard let start = offsets.scalar(s), let end = offsets.scalar(e), Span(start, end).isValid(in: scalars.count) else {
                            return .failure(FormatProblem("\(place): \(offsets.problem(s, e))"
                                + (given.flatMap { otherUnitHint($0, s, e, scalars) } ?? "")))
                        }
                        // Label Studio writes the region's text beside its offsets: a script that
                        // counted them otherwise (scalars, bytes) is caught here, not stored shifted.
                        if let given, !OffsetHint.same(given, scalars.slice(Span(start, end))) {
                            return .failure(FormatProblem("\(place)\(region): value.text \(escapedForMessage(given)) is not the text at [\(s), \(e)] "
                                + "(UTF-16 code units): \(escapedForMessage(scalars.slice(Span(start, end))))"
                                + (otherUnitHint(given, s, e, scalars) ?? "")))
                        }
                        if let id = item["id"]?.idText { index[id] = nodes.count }
                        if let extra = item["meta"]?["claimdesk"] { fields[nodes.count] = extra }
                        nodes.append(AttributionGraph.Node(role: role, span: Span(start, end)))
                    case "relation"?:
                        guard let from = item["from_id"]?.idText, let to = item["to_id"]?.idText else {
                            return .failure(FormatProblem("\(place): a relation needs from_id and to_id"))
                        }
                        relations.append((from, to))
                    default:
                        continue
                    }
                }
                var links: [(Int, Int)] = []
                for (from, to) in relations {
                    guard let a = index[from], let b = index[to] else {
                        return .failure(FormatProblem("\(part)[\(k)]: a relation links an unknown region (\(escapedForMessage(from)) → \(escapedForMessage(to)))"))
                    }
                    links.append((a, b))
                }
                let assembled: [AttributionGraph.Assembled]
                switch AttributionGraph.assemble(nodes, links: links) {
                case let .success(list): assembled = list
                case let .failure(problem): return .failure(FormatProblem("\(part)[\(k)]: \(problem.message)"))
                }
                for item in assembled {
                    var attribution = item.attribution
                    if let extra = fields[item.anchor],
                       let problem = AttributionFields.apply(extra, to: &attribution, text: scalars, documentID: document.id, index: attributions.count) {
                        return .failure(FormatProblem(problem))
                    }
                    // A region drawn in Label Studio carries no review of ours: it is the addition of
                    // whoever completed the annotation, when the export names them (an email).
                    if attribution.review == nil, part == "annotations", let name = completedBy(entry) {
                        attribution.review = Review(status: .added, annotator: name)
                    }
                    attributions.append(attribution)
                }
            }
        }
        if let problem = SpanlessAttributions.insert(data["claimdesk"], into: &attributions, text: scalars, documentID: document.id) {
            return .failure(FormatProblem(problem))
        }
        var item = AnnotatedDocument(document: document, attributions: attributions)
        switch DocumentFields.reviewedBy(data, id: document.id) {
        case let .success(names): item.reviewedBy = names
        case let .failure(problem): return .failure(problem)
        }
        if let problem = InterchangeChecks.storedProblem(item) { return .failure(FormatProblem(problem)) }
        return .success(item)
    }
}
