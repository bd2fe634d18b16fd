import ClaimModel
import Foundation
import Interchange

/// A brat folder on disk: file names for doc_ids, and reading `NAME.txt` + `NAME.ann` (+ the
/// sidecar `NAME.claimdesk.json`) back.
public enum BratFolder {
    /// The longest file-name stem: the stem plus `.claimdesk.json` must stay under the 255-byte
    /// limit of common file systems, with room to spare.
    static let maxStemBytes = 200

    /// A doc_id as a file-name stem: `/`, `\`, `%`, a leading `.`, whitespace other than a space,
    /// and control, format (U+202E…), separator and unassigned scalars become `%XX` (UTF-8), so
    /// that no name hides its real characters and `docID(forFileName:)` gives the doc_id back.
    /// A stem longer than `maxStemBytes` bytes is cut on a scalar boundary and ends in `%~` and
    /// 16 hex digits of the doc_id's SHA-256 (`%~` never occurs in an uncut stem), so names stay
    /// unique; the real doc_id is in the sidecar.
    public static func fileName(for docID: String) -> String {
        var units: [String] = []
        for (i, scalar) in docID.unicodeScalars.enumerated() {
            let escape: Bool
            switch scalar {
            case "/", "\\", "%": escape = true
            case ".": escape = i == 0
            case " ": escape = false
            default: escape = scalar.properties.isWhitespace || BratText.isUnsafe(scalar)
            }
            units.append(escape ? percent(scalar) : String(scalar))
        }
        let whole = units.joined()
        guard whole.utf8.count > maxStemBytes else { return whole }
        let digest = String(SHA256.hex(Array(docID.utf8)).prefix(16))
        var stem = ""
        var bytes = 0
        for unit in units {
            let size = unit.utf8.count
            guard bytes + size <= maxStemBytes - 18 else { break }
            stem += unit
            bytes += size
        }
        return stem + "%~" + digest
    }

    static func percent(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
    }

    /// The doc_id a stem stands for (when no sidecar says it).
    public static func docID(forFileName name: String) -> String {
        BratText.decodeValue(name.replacingOccurrences(of: "_", with: "%5F")) ?? name
    }

    /// Whether `path` is a folder holding at least one `.ann` file.
    public static func isBratFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(".ann") }
    }

    /// One document read from the folder, with the `.ann` it came from.
    public struct Item: Sendable, Equatable {
        public var document: AnnotatedDocument
        public var file: String
    }

    /// What reading a folder gave: documents, problems that make a file wrong (`issues`), and
    /// lines or files left out on the way (`warnings`), each as `FILE:LINE: what`.
    public struct Read: Sendable, Equatable {
        public var items: [Item] = []
        public var issues: [InterchangeIssue] = []
        public var warnings: [InterchangeIssue] = []
    }

    /// Every `.ann` in the folder (not recursive, name order) with its `.txt` and sidecar. What a
    /// brat user added without an `Annotator` attribute has no annotator: the import gives it one.
    public static func read(_ path: String, labels: LabelMap = .standard) -> Read {
        var result = Read()
        let fm = FileManager.default
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: path) } catch {
            result.issues.append(InterchangeIssue(file: path, line: 0, message: "cannot list the folder"))
            return result
        }
        func join(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        for name in names.sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let full = join(name)
            let attributes = try? fm.attributesOfItem(atPath: full)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink, fm.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                result.warnings.append(InterchangeIssue(file: full, line: 0, message: "a symbolic link to a folder: not read (import that folder on its own)"))
            } else if fm.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                let readable = fm.isReadableFile(atPath: full) && fm.isExecutableFile(atPath: full)
                result.warnings.append(InterchangeIssue(file: full, line: 0, message: readable
                    ? "a subfolder: not read (import it on its own)"
                    : "a subfolder that cannot be read (permission denied): not read"))
            }
        }
        var seen: [[UInt8]: String] = [:]
        for ann in names.filter({ $0.hasSuffix(".ann") && !$0.hasPrefix(".") }).sorted() {
            let stem = String(ann.dropLast(4))
            let annPath = join(ann)
            let txtPath = join(stem + ".txt")
            let sidecarPath = join(stem + BratSidecar.suffix)
            guard let txtData = fm.contents(atPath: txtPath) else {
                result.issues.append(InterchangeIssue(file: annPath, line: 0, message: "no readable \(BratReader.safe(stem)).txt beside it"))
                continue
            }
            guard let annData = fm.contents(atPath: annPath) else {
                result.issues.append(InterchangeIssue(file: annPath, line: 0, message: "cannot read the file"))
                continue
            }
            guard let text = String(validating: [UInt8](txtData), as: UTF8.self) else {
                result.issues.append(InterchangeIssue(file: txtPath, line: 0, message: "invalid UTF-8"))
                continue
            }
            guard let annText = String(validating: [UInt8](annData), as: UTF8.self) else {
                result.issues.append(InterchangeIssue(file: annPath, line: 0, message: "invalid UTF-8"))
                continue
            }
            if text.isEmpty {
                result.issues.append(InterchangeIssue(file: txtPath, line: 0, message: "the text is empty"))
                continue
            }
            var sidecar: BratSidecar.Decoded?
            if fm.fileExists(atPath: sidecarPath) {
                guard let bytes = fm.contents(atPath: sidecarPath) else {
                    result.issues.append(InterchangeIssue(file: sidecarPath, line: 0, message: "cannot read the file"))
                    continue
                }
                switch BratSidecar.decode([UInt8](bytes), text: text, file: sidecarPath) {
                case let .success(decoded): sidecar = decoded
                case let .failure(problem):
                    result.issues.append(problem)
                    continue
                }
            } else if stem.contains("%~") {
                result.warnings.append(InterchangeIssue(file: annPath, line: 0, message:
                    "a shortened file name whose doc_id was in \(BratReader.safe(stem + BratSidecar.suffix)), which is missing: the doc_id is taken from the file name"))
            }
            let document: Document
            if let sidecar {
                document = sidecar.document.document
            } else {
                let id = docID(forFileName: stem)
                if let problem = Document.problem(withID: id) {
                    result.issues.append(InterchangeIssue(file: txtPath, line: 0, message: problem))
                    continue
                }
                document = Document(id: id, text: text, title: InputFiles.title(of: text))
            }
            if let first = seen[document.id.exactKey] {
                result.issues.append(InterchangeIssue(file: annPath, line: 0, message: "doc_id \(BratReader.quoted(document.id)) is also the doc_id of \(first)"))
                continue
            }
            seen[document.id.exactKey] = annPath
            let read = BratReader.read(ann: annText, text: text, file: annPath, labels: labels)
            result.issues += read.issues
            result.warnings += read.warnings
            let (attributions, warnings) = BratSidecar.merge(read, sidecar: sidecar, text: ScalarText(text), sidecarFile: sidecarPath)
            result.warnings += warnings
            // The sidecar's document keeps every document-level field (reviewed_by…); the .ann
            // gives the attributions.
            var item = sidecar?.document ?? AnnotatedDocument(document: document, attributions: [])
            item.attributions = attributions
            result.items.append(Item(document: item, file: annPath))
        }
        if result.items.isEmpty && result.issues.isEmpty {
            result.issues.append(InterchangeIssue(file: path, line: 0, message: "no .ann files in the folder"))
        }
        return result
    }
}
