import ClaimModel
import Interchange

/// Who a Prodigy file says annotated each document, beyond the reviews its claims carry: its
/// answers (`answer`, `_annotator_id`). The reader turns drawn spans into claims; an annotator who
/// drew nothing leaves no claim, and a task nobody annotated looks like one annotated empty. The
/// reader's parsed lines (`ProdigyFormat.ParsedLine`) carry those keys, so that `import-gold` can
/// tell the two apart (an empty gold is a judgement, an unannotated task is none), keyed by line
/// as the reader numbers its documents. Prodigy writes one line per annotator of a task, which the
/// reader alone takes for separate documents: `prodigyTasks` makes them one. (Label Studio's
/// reader says who annotated each task itself: `JSONLReader.Line.annotatedBy`.)
struct FileAnnotators: Sendable {
    /// A Prodigy file read as tasks: the lines of one task (same `_input_hash`, else same text,
    /// and the same doc_id or none) answered by different annotators (`_annotator_id`) are one
    /// document holding every annotator's claims, as Prodigy's multi-user sessions write them
    /// (the reader alone makes two documents of them, or refuses the second as a duplicate
    /// doc_id). Per document line, who annotated it: an `accept` line is its annotator's (nil
    /// when it names nobody); a `reject` or `ignore` line is nobody's (the annotator turned the
    /// task down: no gold, its claims left out); a document none of whose lines has an answer is
    /// not listed (its claims' reviews tell). A task answered only `ignore` is a document nobody
    /// annotated, not an issue.
    ///
    /// The file is parsed once: the grouping reads the reader's parsed lines, and the lines merged
    /// into another or left without their answer are decoded again from them.
    static func prodigyTasks(_ bytes: [UInt8], file: String, labels: LabelMap) -> (read: JSONLReader.Result, annotations: [Int: [String?]]) {
        if let wrong = ExportSignature.mismatch(bytes, file: file, expected: .prodigy) { return (.refusing(wrong), [:]) }
        let parsed = ProdigyFormat.parse(bytes, file: file)
        let read = ProdigyFormat.read(parsed, file: file, labels: labels)
        if read.wholeFile { return (read, [:]) }
        var documents: [Int: AnnotatedDocument] = [:]
        for line in read.lines { documents[line.number] = line.document }
        var issues: [Int: [InterchangeIssue]] = [:]
        for issue in read.issues { issues[issue.line, default: []].append(issue) }
        var order: [String] = []
        var groups: [String: [ProdigyFormat.ParsedLine]] = [:]
        for line in parsed {
            guard let task = line.task else { continue }
            if groups[task] == nil { order.append(task) }
            groups[task, default: []].append(line)
        }
        /// Whether the reader refused line `n` only as a duplicate doc_id (it decoded it).
        func duplicateOnly(_ n: Int) -> Bool {
            guard let list = issues[n], list.count == 1 else { return false }
            return list[0].message.hasPrefix("duplicate doc_id")
        }
        var annotations: [Int: [String?]] = [:]
        var merges: [(into: Int, from: ProdigyFormat.ParsedLine)] = []
        var rewritten: [ProdigyFormat.ParsedLine] = []
        for key in order {
            guard let group = groups[key] else { continue }
            let answered = group.filter { $0.answer != "ignore" }
            guard let primary = answered.first(where: { $0.answer == "accept" && documents[$0.number] != nil })
                ?? answered.first(where: { documents[$0.number] != nil }) else {
                // Only `ignore` answers: the task's first line as a document without claims.
                if answered.isEmpty, let first = group.first, let line = first.unanswered {
                    for other in group { issues[other.number] = nil }
                    rewritten.append(line)
                    annotations[first.number] = []
                }
                continue
            }
            for other in group where other.answer == "ignore" { issues[other.number] = nil }
            var names: [String?] = primary.answer == "accept" ? [primary.annotator] : []
            var listed = primary.answer != nil
            for other in answered where other.number != primary.number {
                guard primary.annotator != nil || other.annotator != nil, !names.contains(other.annotator),
                      other.annotator != primary.annotator,
                      documents[other.number] != nil || duplicateOnly(other.number) else { continue }
                if let document = documents[other.number], document.document.text != documents[primary.number]?.document.text { continue }
                documents[other.number] = nil
                issues[other.number] = nil
                listed = true
                if other.answer == "accept" {
                    names.append(other.annotator)
                    merges.append((primary.number, other))
                }
            }
            if listed { annotations[primary.number] = names }
        }
        // The lines merged into another and the rewritten ones, decoded again from their parsed
        // objects in rounds of lines whose doc_ids cannot clash (one line per task a round), at
        // their own line numbers.
        var rounds: [[ProdigyFormat.ParsedLine]] = []
        var target: [Int: Int] = [:]
        var perTask: [Int: Int] = [:]
        for (into, from) in merges {
            let k = perTask[into, default: 0]
            perTask[into] = k + 1
            while rounds.count <= k { rounds.append([]) }
            rounds[k].append(from)
            target[from.number] = into
        }
        if !rewritten.isEmpty { rounds.append(rewritten) }
        for round in rounds {
            for line in ProdigyFormat.read(round.sorted { $0.number < $1.number }, file: file, labels: labels).lines {
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
}
