import ClaimModel
import ClaimStore
import Foundation
import Interchange

/// The formats `import-gold` and `import-claims` read (`--format`); nil asks for detection.
public enum InterchangeFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    case jsonl, brat, doccano
    case labelStudio = "label-studio"
    case prodigy, inception

    public var description: String { rawValue }

    /// What a file or folder is, judged from its extension and its first line or element; nil when
    /// it could be more than one format (the caller then asks for `--format`).
    public static func detect(_ path: String) -> InterchangeFormat? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            if BratFolder.isBratFolder(path) { return .brat }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.contains { $0.hasSuffix(".xmi") } ? .inception : nil
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xmi") { return .inception }
        // The first record's keys, as the readers judge a file given with another --format; a JSON
        // array of JSONL records goes to Label Studio's reader, which says what it holds. Only the
        // first 256 KiB are read (ingest asks this of every .jsonl): a longer first record falls
        // through to the rules below.
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl"),
           let (record, inArray) = ExportSignature.firstRecord(firstBytes(path, limit: 1 << 18)),
           let found = ExportSignature.of(record: record) {
            return inArray ? .labelStudio : InterchangeFormat(rawValue: found.rawValue)
        }
        if lower.hasSuffix(".json") { return firstBytes(path).first { !isSpace($0) } == UInt8(ascii: "[") || firstLineKeys(path).contains("data") ? .labelStudio : nil }
        guard lower.hasSuffix(".jsonl") else { return nil }
        let keys = firstLineKeys(path)
        if keys.contains("entities") { return .doccano }
        if keys.contains("spans") || keys.contains("tokens") || keys.contains("answer") { return .prodigy }
        if keys.contains("doc_id") { return .jsonl }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    static func firstBytes(_ path: String, limit: Int = 1 << 16) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: limit)) ?? Data())
    }

    /// The keys of the first line's JSON object (the whole first line is read, however long).
    static func firstLineKeys(_ path: String) -> Set<String> {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        var line: [UInt8] = []
        var first = true
        while let read = try? handle.read(upToCount: 1 << 16), !read.isEmpty {
            // A byte order mark at the start of the file is skipped, as the JSONL readers skip it
            // (before the first line is looked for: a blank line may follow it).
            var chunk = [UInt8](read)
            if first && chunk.starts(with: JSONLReader.byteOrderMark) { chunk.removeFirst(JSONLReader.byteOrderMark.count) }
            first = false
            if let newline = chunk.firstIndex(of: 0x0A) {
                line += chunk[chunk.startIndex..<newline]
                if line.contains(where: { !isSpace($0) }) { break }
                line = Array(chunk[chunk.index(after: newline)...])
                if let next = line.firstIndex(of: 0x0A), line[..<next].contains(where: { !isSpace($0) }) {
                    line = Array(line[..<next])
                    break
                }
            } else {
                line += chunk
            }
        }
        guard case let .object(pairs)? = try? JSONParser.parse(line) else { return [] }
        return Set(pairs.map(\.0))
    }
}

extension ExportFormat {
    /// Formats written as a folder (one file per document), their dataset card inside it.
    var writesFolder: Bool { self == .brat || self == .inception }

    /// The sink of the ecosystem formats (`Workspace+Export` keeps JSONL, CSV and brat).
    func ecosystemSink(_ request: ExportRequest) throws(WorkbenchError) -> (any ExportSink)? {
        let gold: Bool
        if case .gold = request.selection { gold = true } else { gold = false }
        switch self {
        case .doccano: return try LineSink(path: request.out, replacing: request.force) { DoccanoFormat.line(for: $0, labels: request.labels) }
        case .prodigy: return try LineSink(path: request.out, replacing: request.force) { ProdigyFormat.line(for: $0, labels: request.labels, gold: gold) }
        case .labelStudio: return try LabelStudioSink(path: request.out, replacing: request.force, labels: request.labels)
        case .inception: return try InceptionSink(path: request.out, force: request.force, labels: request.labels)
        case .jsonl, .csv, .brat, .provenance, .graphml: return nil
        }
    }

    static func ecosystemDescription(_ format: ExportFormat) -> String? {
        switch format {
        case .doccano: return "doccano relation-extraction JSONL (entities + relations), one document per line"
        case .labelStudio: return "Label Studio JSON task list (labels regions + relations; UTF-16 offsets)"
        case .prodigy: return "Prodigy JSONL tasks (tokens, spans, relations, answer)"
        case .inception: return "UIMA CAS XMI 1.0 (INCEpTION / dkpro-cassis): DOC.xmi per document + TypeSystem.xml"
        case .jsonl, .csv, .brat, .provenance, .graphml: return nil
        }
    }
}

/// One line (or task) per document in one file.
struct LineSink: ExportSink {
    var file: HashingFile
    let encode: (AnnotatedDocument) -> [UInt8]

    init(path: String, replacing: Bool, encode: @escaping (AnnotatedDocument) -> [UInt8]) throws(WorkbenchError) {
        file = try HashingFile(path: path, name: PathParts.split(path).name, replacing: replacing)
        self.encode = encode
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) { try file.write(encode(item)) }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        [try file.commit()]
    }

    func discard() { file.discard() }
}

/// A JSON array of tasks, one task per line between the brackets.
struct LabelStudioSink: ExportSink {
    var file: HashingFile
    let labels: LabelMap
    var count = 0

    init(path: String, replacing: Bool, labels: LabelMap) throws(WorkbenchError) {
        file = try HashingFile(path: path, name: PathParts.split(path).name, replacing: replacing)
        self.labels = labels
        try file.write(Array("[".utf8))
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        try file.write(Array((count == 0 ? "\n" : ",\n").utf8) + LabelStudioFormat.task(for: item, labels: labels))
        count += 1
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        try file.write(Array((count == 0 ? "]\n" : "\n]\n").utf8))
        return [try file.commit()]
    }

    func discard() { file.discard() }
}

/// A folder of `DOC.xmi` files and `TypeSystem.xml`, written beside the target and renamed into place.
struct InceptionSink: ExportSink {
    var folder: StagedFolder
    let labels: LabelMap

    init(path: String, force: Bool, labels: LabelMap) throws(WorkbenchError) {
        folder = try StagedFolder(path: path, force: force, layout: .inception)
        self.labels = labels
    }

    mutating func add(_ item: AnnotatedDocument) throws(WorkbenchError) {
        // Tab, LF and CR are written as character references; any other control character left in
        // the XMI (in the text or a field) is one XML 1.0 cannot hold.
        let xmi = InceptionFormat.xmi(for: item, labels: labels)
        if let bad = InceptionFormat.unrepresentable(xmi) {
            folder.discard()
            throw WorkbenchError.cannotWrite(path: folder.path, reason:
                "document \(TerminalSafe.quoted(item.document.id)) holds U+\(String(format: "%04X", bad.value)), which XML 1.0 cannot carry")
        }
        try folder.put(BratFolder.fileName(for: item.document.id) + ".xmi", Array(xmi.utf8))
    }

    mutating func finish(card: (([ExportedFile]) -> [(name: String, text: String)])?) throws(WorkbenchError) -> [ExportedFile] {
        try folder.put("TypeSystem.xml", Array(InceptionFormat.typeSystem.utf8))
        let written = folder.files
        for extra in card?(written) ?? [] { try folder.put(extra.name, Array(extra.text.utf8)) }
        try folder.commit()
        return written
    }

    func discard() { folder.discard() }
}

extension Workspace {
    /// Reads a file (or folder) of any import format into documents with attributions, storing
    /// nothing: `import-gold` and `import-claims` then import the items the same way (one
    /// transaction) whatever the format. Without `skipInvalid` any problem fails the command.
    ///
    /// `annotators` (`import-gold`): also read who the file says annotated each document
    /// (`GoldImportItem.annotatedBy`: Label Studio's annotations, Prodigy's answers), Prodigy's
    /// lines of one task by several annotators as one document (`FileAnnotators.prodigyTasks`).
    func readInterchangeItems(_ path: String, format: InterchangeFormat?, labels: LabelMap, skipInvalid: Bool, annotators: Bool = false)
        throws(WorkbenchError) -> (items: [GoldImportItem], skipped: [InterchangeIssue], warnings: [InterchangeIssue]) {
        // A UTF-16 file (PowerShell's `>`) is unreadable as any format, detected or given with
        // --format: one line saying so, not "give --format" or an error on every line.
        if let issue = JSONLReader.encodingIssue(InterchangeFormat.firstBytes(path, limit: 4), file: path) {
            throw WorkbenchError.invalidInput([issue])
        }
        guard let format = format ?? InterchangeFormat.detect(path) else {
            let choices = InterchangeFormat.allCases.map(\.rawValue).joined(separator: ", ")
            if path.lowercased().hasSuffix(".csv") {
                // `export --format csv` writes it, so a user tries to read it back: say it is not.
                throw WorkbenchError.usage("\(TerminalSafe.path(path)): CSV is written for analysis and is not read back: import an export in one of \(choices) (JSONL carries everything: `export --gold --format jsonl`)")
            }
            throw WorkbenchError.usage("\(TerminalSafe.path(path)): cannot tell which format this is: give --format (\(choices))")
        }
        var read: JSONLReader.Result
        // Who the file says annotated each document, by its line or task number (Label Studio, Prodigy).
        var annotations: [Int: [String?]]?
        switch format {
        case .jsonl:
            guard path.hasSuffix(".jsonl") else {
                throw WorkbenchError.usage("\(TerminalSafe.path(path)): expected a .jsonl file (ClaimDesk JSONL, docs/FORMAT.md)")
            }
            try Self.refuseOtherTool(path, InterchangeFormat.firstBytes(path, limit: Self.judgedBytes), format: .jsonl)
            let input = InputFiles.read([path])
            if !input.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(input.issues) }
            if input.items.isEmpty && input.issues.isEmpty { throw WorkbenchError.noInput("\(TerminalSafe.path(path)): no valid documents") }
            return (input.items.map { GoldImportItem(document: $0.document, origin: $0.origin) }, input.issues, [])
        case .brat:
            guard BratFolder.isBratFolder(path) else { throw WorkbenchError.usage("\(TerminalSafe.path(path)): not a brat folder (DOC.txt + DOC.ann files)") }
            let folder = BratFolder.read(path, labels: labels)
            // A document whose .ann has a problem is skipped whole.
            let bad = Set(folder.issues.map(\.file))
            let good = folder.items.filter { !bad.contains($0.file) }
            // Lines numbered by position, so that `guarded` names each document's own .ann.
            let files = good.map(\.file)
            read = Self.guarded(JSONLReader.Result(lines: good.enumerated().map { JSONLReader.Line(number: $0.offset, document: $0.element.document) },
                                                   issues: folder.issues)) { files[$0.number] }
            if !read.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(read.issues) }
            if read.lines.isEmpty && read.issues.isEmpty { throw WorkbenchError.noInput("\(TerminalSafe.path(path)): no valid documents") }
            return (read.lines.map { GoldImportItem(document: $0.document, origin: files[$0.number]) }, read.issues, folder.warnings)
        case .doccano, .labelStudio, .prodigy:
            // Another tool's export: each reader refuses it whole (`ExportSignature.mismatch`,
            // `wholeFile`), thrown below with a file of foreign labels.
            let bytes = try Self.bytes(path)
            switch format {
            case .doccano: read = DoccanoFormat.read(bytes, file: path, labels: labels)
            case .labelStudio:
                read = LabelStudioFormat.read(bytes, file: path, labels: labels)
                if annotators { annotations = Dictionary(read.lines.compactMap { line in line.annotatedBy.map { (line.number, $0) } }) { a, _ in a } }
            default:
                if annotators {
                    (read, annotations) = FileAnnotators.prodigyTasks(bytes, file: path, labels: labels)
                } else {
                    read = ProdigyFormat.read(bytes, file: path, labels: labels)
                }
            }
        case .inception:
            read = try Self.readXMI(path, labels: labels)
        }
        // Another tool's export, or a file whose labels none maps (`LabelMap.foreignLabelsIssue`),
        // is refused whole, even with --skip-invalid: what it would skip to is its documents
        // without spans, stored as gold without claims.
        if read.wholeFile { throw WorkbenchError.invalidInput(read.issues) }
        read = Self.guarded(read) { $0.number > 0 ? "\(path):\($0.number)" : path }
        if !read.issues.isEmpty && !skipInvalid { throw WorkbenchError.invalidInput(read.issues) }
        if read.lines.isEmpty && read.issues.isEmpty { throw WorkbenchError.noInput("\(TerminalSafe.path(path)): no valid documents") }
        let items = read.lines.map { line in
            GoldImportItem(document: line.document, origin: line.number > 0 ? "\(path):\(line.number)" : path,
                           annotatedBy: annotations?[line.number])
        }
        return (items, read.issues, read.warnings)
    }

    /// How much of a streamed JSONL file is read to judge its first record (`refuseOtherTool`):
    /// a longer first record is not judged, and the reader says what is wrong with its lines.
    static let judgedBytes = 1 << 20

    /// Refuses a file that is plainly another tool's export than `format` (judged from `bytes`, the
    /// file or its first bytes, by `ExportSignature.mismatch`) whole, even with --skip-invalid:
    /// nothing of it is read. Read as ClaimDesk JSONL, a doccano or Prodigy export with `doc_id`s
    /// would be stored as documents without claims. (The doccano, Label Studio and Prodigy readers
    /// make the same check themselves: `JSONLReader.Result.wholeFile`.)
    static func refuseOtherTool(_ path: String, _ bytes: [UInt8], format: InterchangeFormat) throws(WorkbenchError) {
        if let expected = ExportSignature(rawValue: format.rawValue),
           let wrong = ExportSignature.mismatch(bytes, file: path, expected: expected) {
            throw WorkbenchError.invalidInput([wrong])
        }
    }

    /// `read` without the documents that break the rules every import keeps (no NUL in what is
    /// stored, names by `NameRule`; `StoredStrings`), each reported where it came from.
    static func guarded(_ read: JSONLReader.Result, origin: (JSONLReader.Line) -> String) -> JSONLReader.Result {
        var result = JSONLReader.Result(lines: [], issues: read.issues, warnings: read.warnings)
        for line in read.lines {
            if let problem = StoredStrings.problem(in: line.document) {
                result.issues.append(InterchangeIssue(file: origin(line), line: 0, message: problem))
            } else {
                result.lines.append(line)
            }
        }
        return result
    }

    static func bytes(_ path: String) throws(WorkbenchError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.cannotRead(path: path, reason: "no such file, or permission denied")
        }
        return [UInt8](data)
    }

    /// One `.xmi` file, or every `.xmi` in a folder (name order); `TypeSystem.xml` is not needed to read.
    static func readXMI(_ path: String, labels: LabelMap) throws(WorkbenchError) -> JSONLReader.Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkbenchError.cannotRead(path: path, reason: "no such file or folder")
        }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".xmi") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            : [path]
        var result = JSONLReader.Result(lines: [], issues: [])
        var seen: [[UInt8]: String] = [:]
        for file in files {
            let one = InceptionFormat.read(try bytes(file), file: file, labels: labels)
            result.issues += one.issues
            for line in one.lines {
                if let first = seen[line.document.document.id.exactKey] {
                    result.issues.append(InterchangeIssue(file: file, line: 0, message: "duplicate doc_id \"\(line.document.document.id)\" (also in \(first))"))
                    continue
                }
                seen[line.document.document.id.exactKey] = file
                result.lines.append(line)
            }
        }
        if files.isEmpty { result.issues.append(InterchangeIssue(file: path, line: 0, message: "no .xmi files")) }
        return result
    }
}

/// Files `ingest` does not read, each named with the command that does: an annotation file stored
/// as a plain-text document would be a silent mistake. `.txt` and ClaimDesk `.jsonl` are read; a
/// `.jsonl` shaped like doccano, Prodigy or Label Studio, and `.json`, `.xmi`, `.xml`, `.tsv`, `.ann`, `.conf`,
/// `.csv`, `.zip` are refused (a `NAME.meta.json` beside its `NAME.txt` is that text's metadata,
/// not refused); any other file is read as plain text, as before.
enum IngestRefusal {
    /// `NAME.meta.json` with `NAME.txt` beside it: metadata that `NAME.txt` brings in.
    static func isSidecarOfText(_ file: String) -> Bool { textOfSidecar(file) != nil }

    /// The `NAME.txt` beside a `NAME.meta.json`, when there is one.
    static func textOfSidecar(_ file: String) -> String? {
        guard file.hasSuffix(".meta.json") else { return nil }
        let text = String(file.dropLast(".meta.json".count)) + ".txt"
        return FileManager.default.fileExists(atPath: text) ? text : nil
    }

    static func reason(_ file: String) -> String? {
        let ext = (file as NSString).pathExtension.lowercased()
        let quoted = ShellWord.quoted(file)
        func use(_ what: String, _ format: InterchangeFormat) -> String {
            "\(what), which ingest does not read: use `claimdesk import-gold --format \(format) \(quoted)` (or import-claims for an extractor's output)"
        }
        switch ext {
        case "jsonl":
            switch InterchangeFormat.detect(file) {
            case .doccano?: return use("a doccano file", .doccano)
            case .prodigy?: return use("a Prodigy file", .prodigy)
            case .labelStudio?: return use("a Label Studio task file", .labelStudio)
            default: return nil
            }
        case "json":
            if InterchangeFormat.detect(file) == .labelStudio { return use("a Label Studio task list", .labelStudio) }
            return "JSON is not a format ingest reads (.txt files and ClaimDesk .jsonl, docs/FORMAT.md)"
        case "xmi": return use("a UIMA CAS XMI file (INCEpTION)", .inception)
        case "tsv":
            return "a TSV file (WebAnno TSV?), which ClaimDesk does not read: export the project from INCEpTION as UIMA CAS XMI and use `claimdesk import-gold --format inception FOLDER`"
        case "ann", "conf":
            return "part of a brat folder, which ingest does not read: use `claimdesk import-gold FOLDER` on the folder"
        case "xml", "csv", "zip":
            return ".\(ext) is not a format ingest reads (.txt files and ClaimDesk .jsonl, docs/FORMAT.md)"
        default:
            return nil
        }
    }
}
