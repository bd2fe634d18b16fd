import ClaimModel
import Foundation
import Interchange

/// Loads documents (with gold, when the file has it) from docs/FORMAT.md JSONL or a plain text file.
enum Corpus {
    static func load(_ path: String, publisher: String? = nil) throws(BenchError) -> [AnnotatedDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input("\(path): cannot read the file")
        }
        if path.hasSuffix(".jsonl") {
            let result = JSONLReader.read([UInt8](data), file: path)
            if let issue = result.issues.first {
                throw .input("\(issue) (\(plural(result.issues.count, "problem")) in all)")
            }
            return result.lines.map(\.document)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .input("\(path): not UTF-8") }
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return [AnnotatedDocument(document: Document(id: id, text: text, publisher: publisher), attributions: [])]
    }
}
