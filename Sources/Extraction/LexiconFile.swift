import Foundation

/// One meaningful line of a lexicon resource: its `[section]`, its words and where it was read.
struct LexiconLine: Sendable {
    var section: String
    var text: String
    var number: Int

    var words: [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
}

/// Reads the lexicon text files shipped in `Resources/`: `#` comments, blank lines and
/// `[section]` headers, one entry per line.
enum LexiconFile {
    /// The lines of resource `name` (e.g. "cue-verbs.txt").
    static func lines(_ name: String) throws(ExtractionError) -> [LexiconLine] {
        try parse(text(name), file: name)
    }

    static func text(_ name: String) throws(ExtractionError) -> String {
        guard let url = url(of: name) else { throw .missingResource(name: name) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableResource(name: name, reason: "\(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableResource(name: name, reason: "not valid UTF-8")
        }
        return text
    }

    /// The resource's URL: `Resources/` is copied whole into the bundle, whose resource folder
    /// is the bundle itself on Linux and `Contents/Resources` on Darwin; try both.
    static func url(of name: String) -> URL? {
        let bundle = Bundle.module
        if let url = bundle.url(forResource: name, withExtension: nil, subdirectory: "Resources") { return url }
        let folders = [bundle.resourceURL, bundle.bundleURL].compactMap { $0 }
        for folder in folders {
            for candidate in [folder.appendingPathComponent("Resources").appendingPathComponent(name),
                              folder.appendingPathComponent(name)]
            where FileManager.default.fileExists(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    static func parse(_ text: String, file: String) -> [LexiconLine] {
        var result: [LexiconLine] = []
        var section = ""
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                section = String(trimmed.dropFirst().dropLast())
                continue
            }
            result.append(LexiconLine(section: section, text: trimmed, number: number))
        }
        return result
    }
}
