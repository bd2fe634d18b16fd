import ClaimModel
import Foundation
import Interchange

/// Turns paths given on the command line into documents (and, for JSONL, their attributions).
///
/// `.txt` is one document (doc_id = file name without extension; a first line followed by a blank
/// line is the title); `NAME.meta.json` beside it may give `title`, `publisher`, `publication_date`.
/// `.jsonl` is docs/FORMAT.md. Folders are walked recursively in name order; other files are skipped.
public struct InputFiles {
    public struct Item: Sendable {
        public var document: AnnotatedDocument
        /// `FILE` or `FILE:LINE`.
        public var origin: String
    }

    public struct Result: Sendable {
        public var items: [Item] = []
        public var issues: [InterchangeIssue] = []
        /// Files that were read.
        public var files: [String] = []
        /// brat annotations found in a folder beside their text (`doc.ann` by `doc.txt`): not
        /// read, only counted, so that the report can say which command reads them.
        public var annotationsBeside: [String] = []
        /// The paths given that hold those annotations, in the order given.
        public var foldersWithAnnotations: [String] = []
    }

    public static func read(_ paths: [String]) -> Result {
        var result = Result()
        var seen: [[UInt8]: String] = [:]
        for path in paths {
            var beside: [String] = []
            let files = expand(path, &result.issues, annotationsBeside: &beside)
            if !beside.isEmpty {
                result.annotationsBeside += beside
                result.foldersWithAnnotations.append(path)
            }
            for file in files {
                let count = result.items.count
                readFile(file, into: &result)
                // A doc_id given twice across files is a problem unless the texts agree (then a no-op).
                var kept: [Item] = Array(result.items[..<count])
                for item in result.items[count...] {
                    let id = item.document.document.id
                    if let first = seen[id.exactKey] {
                        if let previous = kept.first(where: { $0.document.document.id.isExactly(id) }), previous.document.document.text.isExactly(item.document.document.text) {
                            continue
                        }
                        result.issues.append(InterchangeIssue(file: item.origin, line: 0, message: "duplicate doc_id \"\(id)\" (also in \(TerminalSafe.path(first)))"))
                        continue
                    }
                    seen[id.exactKey] = item.origin
                    kept.append(item)
                }
                result.items = kept
            }
        }
        return result
    }

    /// The `.txt` and `.jsonl` files under `path`, in name order. A symbolic link to a folder is
    /// followed (a link back to a folder already walked is named and not followed again); a
    /// folder that cannot be listed is an issue, never skipped without a word. `NAME.ann` files
    /// beside a `NAME.txt` (a brat folder) go to `annotationsBeside`.
    static func expand(_ path: String, _ issues: inout [InterchangeIssue], annotationsBeside: inout [String]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            issues.append(InterchangeIssue(file: path, line: 0, message: "no such file or folder"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        var files: [String] = []
        var walked: Set<String> = []
        walk(path, into: &files, &issues, &walked, annotationsBeside: &annotationsBeside)
        return files.sorted()
    }

    static func walk(_ folder: String, into files: inout [String], _ issues: inout [InterchangeIssue], _ walked: inout Set<String>,
                     annotationsBeside: inout [String]) {
        let fm = FileManager.default
        guard walked.insert(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path).inserted else {
            issues.append(InterchangeIssue(file: folder, line: 0, message: "a symbolic link to a folder already read (a loop): not followed"))
            return
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: folder) } catch {
            issues.append(InterchangeIssue(file: folder, line: 0, message: "cannot list the folder (permission denied?)"))
            return
        }
        let listed = Set(names)
        for name in names.sorted() {
            let full = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                walk(full, into: &files, &issues, &walked, annotationsBeside: &annotationsBeside)
            } else if full.hasSuffix(".txt") || full.hasSuffix(".jsonl") {
                files.append(full)
            } else if name.hasSuffix(".ann"), listed.contains(String(name.dropLast(".ann".count)) + ".txt") {
                annotationsBeside.append(full)
            }
        }
    }

    static func readFile(_ file: String, into result: inout Result) {
        // A sidecar named beside its .txt (`ingest corpora/*`) is read with that .txt.
        if IngestRefusal.isSidecarOfText(file) { return }
        if let refusal = IngestRefusal.reason(file) {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: refusal))
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "permission denied or unreadable"
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "cannot read the file (\(reason))"))
            return
        }
        result.files.append(file)
        if file.hasSuffix(".jsonl") {
            let parsed = JSONLReader.read([UInt8](data), file: file)
            result.issues += parsed.issues
            result.items += parsed.lines.map { Item(document: $0.document, origin: "\(file):\($0.number)") }
            return
        }
        // A UTF-16 text (Notepad's "Unicode") is named as such, not as "invalid UTF-8 at byte 0"
        // or, without a byte order mark, as a NUL at scalar 1.
        if let issue = JSONLReader.encodingIssue(data.prefix(4), file: file, newName: "NEW.txt") {
            result.issues.append(issue)
            return
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            let offset = firstInvalidUTF8(Array(data))
            result.issues.append(InterchangeIssue(file: file, line: lineNumber(Array(data), offset),
                                                  message: "invalid UTF-8 at byte \(offset)"))
            return
        }
        if let nul = data.firstIndex(of: 0) {
            let offset = nul - data.startIndex
            result.issues.append(InterchangeIssue(file: file, line: lineNumber(Array(data), offset),
                                                  message: "NUL character (U+0000) at byte \(offset): ClaimDesk cannot store it"))
            return
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: "the file is empty"))
            return
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let problem = Document.problem(withID: name) {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: problem))
            return
        }
        var document = Document(id: name, text: text, title: title(of: text))
        let metaPath = (file as NSString).deletingPathExtension + ".meta.json"
        if FileManager.default.fileExists(atPath: metaPath) {
            switch sidecar(metaPath) {
            case let .success(meta):
                if let problem = StoredStrings.problem(in: meta) {
                    result.issues.append(InterchangeIssue(file: metaPath, line: 1, message: problem))
                    return
                }
                if let title = meta["title"]?.stringValue { document.title = title }
                document.publisher = meta["publisher"]?.stringValue
                document.publicationDate = meta["publication_date"]?.stringValue
            case let .failure(issue):
                result.issues.append(issue)
                return
            }
        }
        result.items.append(Item(document: AnnotatedDocument(document: document, attributions: []), origin: file))
    }

    /// A first line followed by a blank line is the title. Lines are split on scalars: `"\r\n"`
    /// is one Character, so a split on Characters would find no line in a CRLF text.
    static func title(of text: String) -> String? {
        let lines = text.unicodeScalars.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2, String(lines[1]).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        // A byte order mark stays in the text (stored as read) but is no part of the title.
        var first = String(lines[0]).trimmingCharacters(in: .whitespacesAndNewlines)
        if first.unicodeScalars.first == "\u{FEFF}" { first = String(first.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines) }
        return first.isEmpty ? nil : first
    }

    static func sidecar(_ path: String) -> Swift.Result<JSONValue, InterchangeIssue> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InterchangeIssue(file: path, line: 0, message: "cannot read the file"))
        }
        do {
            let value = try JSONParser.parse([UInt8](data))
            guard case .object = value else {
                return .failure(InterchangeIssue(file: path, line: 1, message: "must be a JSON object"))
            }
            return .success(value)
        } catch {
            return .failure(InterchangeIssue(file: path, line: 1, message: "invalid JSON at \(error)"))
        }
    }

    static func lineNumber(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[0..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
