import ClaimModel
import Foundation
import Interchange

/// A brat folder on disk: file names for doc_ids, and reading `DOC.txt` + `DOC.ann` pairs back.
public enum BratFolder {
    /// A doc_id as a file name: `/`, `\`, `%`, NUL and a leading `.` become `%XX`.
    public static func fileName(for docID: String) -> String {
        var out = ""
        for (i, scalar) in docID.unicodeScalars.enumerated() {
            switch scalar {
            case "/", "\\", "%", "\0": out += String(format: "%%%02X", scalar.value)
            case "." where i == 0: out += "%2E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func docID(forFileName name: String) -> String {
        BratText.decodeValue(name.replacingOccurrences(of: "_", with: "%5F")) ?? name
    }

    /// Whether `path` is a folder holding at least one `.ann` file.
    public static func isBratFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(".ann") }
    }

    /// Every `.ann` in the folder (not recursive, name order) with its `.txt`: documents with their
    /// attributions, and every problem as `FILE:LINE: what`.
    public static func read(_ path: String) -> (items: [AnnotatedDocument], issues: [InterchangeIssue]) {
        var items: [AnnotatedDocument] = []
        var issues: [InterchangeIssue] = []
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            return ([], [InterchangeIssue(file: path, line: 0, message: "cannot list the folder")])
        }
        for ann in names.filter({ $0.hasSuffix(".ann") }).sorted() {
            let stem = String(ann.dropLast(4))
            let annPath = (path as NSString).appendingPathComponent(ann)
            let txtPath = (path as NSString).appendingPathComponent(stem + ".txt")
            guard let txtData = FileManager.default.contents(atPath: txtPath) else {
                issues.append(InterchangeIssue(file: annPath, line: 0, message: "no \(stem).txt beside it"))
                continue
            }
            guard let annData = FileManager.default.contents(atPath: annPath) else {
                issues.append(InterchangeIssue(file: annPath, line: 0, message: "cannot read the file"))
                continue
            }
            guard let text = String(validating: [UInt8](txtData), as: UTF8.self) else {
                issues.append(InterchangeIssue(file: txtPath, line: 0, message: "invalid UTF-8"))
                continue
            }
            guard let annText = String(validating: [UInt8](annData), as: UTF8.self) else {
                issues.append(InterchangeIssue(file: annPath, line: 0, message: "invalid UTF-8"))
                continue
            }
            let id = docID(forFileName: stem)
            if let problem = Document.problem(withID: id) {
                issues.append(InterchangeIssue(file: txtPath, line: 0, message: problem))
                continue
            }
            if text.isEmpty {
                issues.append(InterchangeIssue(file: txtPath, line: 0, message: "the text is empty"))
                continue
            }
            let result = BratReader.read(ann: annText, text: text, file: annPath)
            issues += result.issues
            let document = Document(id: id, text: text, title: InputFiles.title(of: text))
            items.append(AnnotatedDocument(document: document, attributions: result.attributions))
        }
        if items.isEmpty && issues.isEmpty {
            issues.append(InterchangeIssue(file: path, line: 0, message: "no .ann files in the folder"))
        }
        return (items, issues)
    }
}
