import ClaimModel
import Foundation
import Interchange

/// Loads documents (with gold, when the file has it) from FORMAT.md JSONL or a plain text file.
enum Corpus {
    static func load(_ path: String, publisher: String? = nil) throws(BenchError) -> [AnnotatedDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input("\(path): cannot read the file")
        }
        if path.hasSuffix(".jsonl") {
            var result = JSONLReader.read([UInt8](data), file: path)
            if !result.issues.isEmpty {
                // PolNeAR writes `*_text` of split spans as the fragments joined by a space, which the
                // strict reader rejects; the spans are what we score, so read them without the texts.
                result = JSONLReader.read(withoutRoleTexts(data), file: path)
            }
            if let issue = result.issues.first {
                throw .input("\(issue) (\(result.issues.count) problem(s) in all)")
            }
            return result.lines.map(\.document)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .input("\(path): not UTF-8") }
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return [AnnotatedDocument(document: Document(id: id, text: text, publisher: publisher), attributions: [])]
    }
}

/// The JSONL bytes with `source_text`, `cue_text` and `content_text` removed from attributions.
func withoutRoleTexts(_ data: Data) -> [UInt8] {
    var out: [UInt8] = []
    for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            out.append(contentsOf: line)
            out.append(0x0A)
            continue
        }
        if let attributions = object["attributions"] as? [[String: Any]] {
            object["attributions"] = attributions.map { a in
                var a = a
                for key in ["source_text", "cue_text", "content_text"] { a.removeValue(forKey: key) }
                return a
            }
        }
        if let bytes = try? JSONSerialization.data(withJSONObject: object) { out.append(contentsOf: bytes) }
        out.append(0x0A)
    }
    return out
}
