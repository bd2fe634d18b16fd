import ClaimModel
import Interchange

/// Who a Prodigy file says annotated each document, beyond the reviews its claims carry: its
/// answers (`answer`, `_annotator_id`). The reader turns drawn spans into claims; an annotator who
/// drew nothing leaves no claim, and a task nobody annotated looks like one annotated empty. This
/// reads those keys again so that `import-gold` can tell the two apart (an empty gold is a
/// judgement, an unannotated task is none), keyed by line as the reader numbers its documents.
/// Prodigy writes one line per annotator of a task, which the reader alone takes for separate
/// documents: `prodigyTasks` makes them one. (Label Studio's reader says who annotated each task
/// itself: `JSONLReader.Line.annotatedBy`.)
struct FileAnnotators: Sendable {
    /// One Prodigy line as `import-gold` groups them into tasks.
    struct ProdigyLine: Sendable {
        var number: Int
        /// `accept`, `reject`, `ignore`, or nil when the line has none.
        var answer: String?
        /// `_annotator_id`, nil when absent or empty.
        var name: String?
        /// What makes two lines one task: the doc_id the line gives in `meta` (none: positional),
        /// and its `_input_hash`, else its text.
        var task: String
        var bytes: ArraySlice<UInt8>
    }

    /// The lines of a Prodigy file that parse as JSON objects with a text, numbered as the reader
    /// numbers them.
    static func prodigyLines(_ bytes: [UInt8]) -> [ProdigyLine] {
        var lines: [ProdigyLine] = []
        var number = 0
        var start = bytes.starts(with: JSONLReader.byteOrderMark) ? JSONLReader.byteOrderMark.count : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            number += 1
            let slice = bytes[start..<end]
            start = end + 1
            guard let object = try? JSONParser.parse(slice), let text = object["text"]?.stringValue else { continue }
            let name = object["_annotator_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let docID = object["meta"]?["doc_id"]?.stringValue ?? ""
            let hash: String
            switch object["_input_hash"] {
            case let .number(n)?: hash = "h" + n
            case let .string(h)?: hash = "h" + h
            default: hash = "t" + text
            }
            lines.append(ProdigyLine(number: number, answer: object["answer"]?.stringValue, name: name,
                                     task: docID + "\u{0}" + hash, bytes: slice))
        }
        return lines
    }

    /// A Prodigy file read as tasks: the lines of one task (same `_input_hash`, else same text,
    /// and the same doc_id or none) answered by different annotators (`_annotator_id`) are one
    /// document holding every annotator's claims, as Prodigy's multi-user sessions write them
    /// (the reader alone makes two documents of them, or refuses the second as a duplicate
    /// doc_id). Per document line, who annotated it: an `accept` line is its annotator's (nil
    /// when it names nobody); a `reject` or `ignore` line is nobody's (the annotator turned the
    /// task down: no gold, its claims left out); a document none of whose lines has an answer is
    /// not listed (its claims' reviews tell). A task answered only `ignore` is a document nobody
    /// annotated, not an issue.
    static func prodigyTasks(_ bytes: [UInt8], file: String, labels: LabelMap) -> (read: JSONLReader.Result, annotations: [Int: [String?]]) {
        let read = ProdigyFormat.read(bytes, file: file, labels: labels)
        var documents: [Int: AnnotatedDocument] = [:]
        for line in read.lines { documents[line.number] = line.document }
        var issues: [Int: [InterchangeIssue]] = [:]
        for issue in read.issues { issues[issue.line, default: []].append(issue) }
        var order: [String] = []
        var groups: [String: [ProdigyLine]] = [:]
        for line in prodigyLines(bytes) {
            if groups[line.task] == nil { order.append(line.task) }
            groups[line.task, default: []].append(line)
        }
        /// Whether the reader refused line `n` only as a duplicate doc_id (it decoded it).
        func duplicateOnly(_ n: Int) -> Bool {
            guard let list = issues[n], list.count == 1 else { return false }
            return list[0].message.hasPrefix("duplicate doc_id")
        }
        var annotations: [Int: [String?]] = [:]
        var merges: [(into: Int, from: ProdigyLine)] = []
        var rewritten: [Int: [UInt8]] = [:]
        for key in order {
            guard let group = groups[key] else { continue }
            let answered = group.filter { $0.answer != "ignore" }
            guard let primary = answered.first(where: { $0.answer == "accept" && documents[$0.number] != nil })
                ?? answered.first(where: { documents[$0.number] != nil }) else {
                // Only `ignore` answers: the task's first line as a document without claims.
                if answered.isEmpty, let first = group.first, let line = withoutAnswer(first.bytes) {
                    for other in group { issues[other.number] = nil }
                    rewritten[first.number] = line
                    annotations[first.number] = []
                }
                continue
            }
            for other in group where other.answer == "ignore" { issues[other.number] = nil }
            var names: [String?] = primary.answer == "accept" ? [primary.name] : []
            var listed = primary.answer != nil
            for other in answered where other.number != primary.number {
                guard primary.name != nil || other.name != nil, !names.contains(other.name), other.name != primary.name,
                      documents[other.number] != nil || duplicateOnly(other.number) else { continue }
                if let document = documents[other.number], document.document.text != documents[primary.number]?.document.text { continue }
                documents[other.number] = nil
                issues[other.number] = nil
                listed = true
                if other.answer == "accept" {
                    names.append(other.name)
                    merges.append((primary.number, other))
                }
            }
            if listed { annotations[primary.number] = names }
        }
        // The lines merged into another and the rewritten ones, read again in rounds of lines
        // whose doc_ids cannot clash (one line per task a round), at their own line numbers.
        var rounds: [[Int: ArraySlice<UInt8>]] = []
        var target: [Int: Int] = [:]
        var perTask: [Int: Int] = [:]
        for (into, from) in merges {
            let k = perTask[into, default: 0]
            perTask[into] = k + 1
            while rounds.count <= k { rounds.append([:]) }
            rounds[k][from.number] = from.bytes
            target[from.number] = into
        }
        if !rewritten.isEmpty {
            rounds.append([:])
            for (n, line) in rewritten { rounds[rounds.count - 1][n] = line[...] }
        }
        for round in rounds {
            guard let last = round.keys.max() else { continue }
            var text: [UInt8] = []
            for n in 1...last {
                if let line = round[n] { text += line }
                text.append(0x0A)
            }
            for line in ProdigyFormat.read(text, file: file, labels: labels).lines {
                if let into = target[line.number] {
                    documents[into]?.attributions += line.document.attributions
                } else {
                    documents[line.number] = line.document
                }
            }
        }
        let lines = documents.keys.sorted().compactMap { n in documents[n].map { JSONLReader.Line(number: n, document: $0) } }
        let left = issues.keys.sorted().flatMap { issues[$0] ?? [] }
        return (JSONLReader.Result(lines: lines, issues: left, warnings: read.warnings), annotations)
    }

    /// A Prodigy line without its answer and its spans: the document of a task nobody annotated.
    static func withoutAnswer(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard case let .object(pairs)? = try? JSONParser.parse(line) else { return nil }
        var writer = JSONWriter()
        writer.value(.object(pairs.filter { !["answer", "spans", "relations", "claimdesk"].contains($0.0) }))
        return writer.bytes
    }
}
