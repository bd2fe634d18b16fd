import ClaimModel
import Foundation
import Interchange
import Workbench

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

/// A file the bench writes (`--out`, `--save-model`): refused before any work when it is one of the
/// files the run reads (writing it would destroy that input, or make `--check` compare the output
/// with itself), or when it cannot be created.
enum OutputFile {
    static func prepare(_ out: String, what: String, reading inputs: [String?]) throws(BenchError) {
        if let same = inputs.compactMap({ $0 }).first(where: { Workbench.sameFile(out, $0) }) {
            throw .input("\(out): is also read by this run (\(same)); write \(what) to another file")
        }
        guard FileManager.default.createFile(atPath: out, contents: nil) else {
            throw .input("\(out): cannot write \(what)")
        }
    }
}
