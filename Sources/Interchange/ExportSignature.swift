import ClaimModel

/// The tool whose export a file plainly is, judged from its first record's keys only (cheap:
/// one line, or the first element of a JSON array), so that a file given with the wrong
/// `--format` is refused in one line saying what it is, instead of an error on every line or,
/// worse, documents read with no claims (a Prodigy task has `text` too: read as doccano it is a
/// document without entities).
///
/// The raw values are the `--format` names.
public enum ExportSignature: String, Sendable, CaseIterable {
    case claimdesk = "jsonl"
    case doccano
    case labelStudio = "label-studio"
    case prodigy

    /// The tool's name, for messages.
    public var toolName: String {
        switch self {
        case .claimdesk: return "ClaimDesk JSONL"
        case .doccano: return "doccano"
        case .labelStudio: return "Label Studio"
        case .prodigy: return "Prodigy"
        }
    }

    /// What gave the tool away, for messages.
    var evidence: String {
        switch self {
        case .claimdesk: return #"lines with "attributions""#
        case .doccano: return #"lines with "entities", or "label" arrays of [start, end, label]"#
        case .labelStudio: return #"tasks with "annotations"/"data""#
        case .prodigy: return #"tasks with "spans"/"answer""#
        }
    }

    /// The tool one record (a JSON object) comes from, when exactly one tool's keys are there:
    /// Label Studio `data` (an object) without a top-level `text`; doccano `entities`, or `label`
    /// as an array of `[start, end, label]` arrays; Prodigy `spans`, `answer`, `tokens`,
    /// `_input_hash` or `_task_hash`; ClaimDesk `attributions`. Nil for none or more than one.
    public static func of(record: JSONValue) -> ExportSignature? {
        guard case let .object(pairs) = record else { return nil }
        let keys = Set(pairs.map(\.0))
        var found: [ExportSignature] = []
        if case .object? = record["data"], !keys.contains("text") { found.append(.labelStudio) }
        let labelSpans: Bool
        if case let .array(items)? = record["label"] {
            labelSpans = items.allSatisfy { if case .array = $0 { return true } else { return false } }
        } else {
            labelSpans = false
        }
        if keys.contains("entities") || labelSpans { found.append(.doccano) }
        if !keys.isDisjoint(with: ["spans", "answer", "tokens", "_input_hash", "_task_hash"]) { found.append(.prodigy) }
        if keys.contains("attributions") { found.append(.claimdesk) }
        return found.count == 1 ? found[0] : nil
    }

    /// The first record of a file or of its first bytes: the first element of a JSON array (the
    /// file's first non-blank byte is `[`), else the first non-blank line. Nil when that is not a
    /// JSON object, or not complete in `bytes`.
    public static func firstRecord(_ bytes: [UInt8]) -> (record: JSONValue, inArray: Bool)? {
        var i = bytes.starts(with: JSONLReader.byteOrderMark) ? JSONLReader.byteOrderMark.count : 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        var inArray = false
        if bytes[i] == UInt8(ascii: "[") {
            inArray = true
            i += 1
            while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        // The object's extent: braces counted outside strings.
        var depth = 0, inString = false, escaped = false, end: Int?
        for j in i..<bytes.count {
            let b = bytes[j]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if b == UInt8(ascii: "\"") { inString = true }
            else if b == UInt8(ascii: "{") { depth += 1 }
            else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { end = j + 1; break }
            }
        }
        guard let end, let record = try? JSONParser.parse(bytes[i..<end]), case .object = record else { return nil }
        return (record, inArray)
    }

    /// The one issue of a file that is plainly another tool's export than `expected` (or a JSON
    /// array of JSONL records); nil when it may be `expected`'s (the reader then says what is wrong).
    public static func mismatch(_ bytes: [UInt8], file: String, expected: ExportSignature) -> InterchangeIssue? {
        guard let (record, inArray) = firstRecord(bytes), let found = of(record: record) else { return nil }
        if inArray && found != .labelStudio {
            return InterchangeIssue(file: file, line: 0, message:
                "this is a JSON array of \(found.toolName) records (\(found.evidence)): \(found.toolName) files are read as JSONL, one record per line, with --format \(found.rawValue)")
        }
        guard found != expected else { return nil }
        return InterchangeIssue(file: file, line: 0, message:
            "this is a \(found.toolName) export (\(found.evidence)), not \(expected.toolName): give --format \(found.rawValue)")
    }
}
