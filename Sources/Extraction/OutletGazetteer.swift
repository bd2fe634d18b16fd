/// News outlets by name and alias (`outlets.txt`), matched on token keys, longest name first.
struct OutletGazetteer: Sendable {
    struct Entry: Sendable {
        var keys: [UInt64]
        var canonical: String
    }

    private var byFirstKey: [UInt64: [Entry]] = [:]
    private var canonicalByKey: [UInt64: String] = [:]
    /// Each outlet's names as the file gives them: the canonical name first, then its aliases.
    private(set) var names: [[String]] = []
    /// Outlets in the file.
    var count: Int { names.count }
    static let theKey = Tokenizer.key("the")

    init(lines: [LexiconLine], file: String) throws(ExtractionError) {
        for line in lines {
            let written = line.text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let canonical = written.first, !canonical.isEmpty else {
                throw .malformedLexicon(file: file, line: line.number, reason: "empty outlet name")
            }
            let names = written.filter { !$0.isEmpty }
            self.names.append(names)
            for name in names {
                var keys = Tokenizer.keys(name)
                if keys.first == Self.theKey && keys.count > 1 { keys.removeFirst() }
                guard let first = keys.first else { continue }
                byFirstKey[first, default: []].append(Entry(keys: keys, canonical: canonical))
                canonicalByKey[Tokenizer.key(name.lowercased())] = canonical
            }
        }
        for key in byFirstKey.keys { byFirstKey[key]?.sort { $0.keys.count > $1.keys.count } }
    }

    /// The outlet named at `index` (a leading "the" is skipped): its canonical name and the token
    /// range it covers, or nil. The first word must be capitalised, so "times" is not "the Times".
    func match(_ tokens: [Token], at index: Int, limit: Int) -> (name: String, range: Range<Int>)? {
        var i = index
        if i < limit && tokens[i].key == Self.theKey { i += 1 }
        guard i < limit, tokens[i].capitalized, let entries = byFirstKey[tokens[i].key] else { return nil }
        for entry in entries where i + entry.keys.count <= limit {
            var ok = true
            for (offset, key) in entry.keys.enumerated() where tokens[i + offset].key != key {
                ok = false
                break
            }
            if ok { return (entry.canonical, index..<(i + entry.keys.count)) }
        }
        return nil
    }

    /// The canonical name for a publisher string such as "newsweek" or "The Huffington Post".
    func canonical(publisher: String) -> String {
        canonicalName(publisher) ?? publisher
    }

    /// The canonical name of an outlet the file lists under `name` (case and a leading "the"
    /// ignored), or nil.
    func canonicalName(_ name: String) -> String? {
        var name = name.lowercased()
        if name.hasPrefix("the ") { name.removeFirst(4) }
        return canonicalByKey[Tokenizer.key(name)] ?? canonicalByKey[Tokenizer.key("the " + name)]
    }
}

/// The bundled gazetteer's outlet names (`outlets.txt`), for code that must name an outlet as the
/// extractor names it in a claim's `outlet` field: Provenance's trails, links and GraphML.
public enum OutletNames {
    /// Each outlet's canonical name followed by its aliases, in the file's order. Empty when the
    /// bundled lexicons cannot be read: the extractor then fails with the reason, and names are
    /// compared as written.
    public static var all: [[String]] { gazetteer?.names ?? [] }

    /// The canonical name of a known outlet name or alias, ignoring case and a leading "the"
    /// ("the AP" → "Associated Press", "guardian" → "The Guardian"), or nil for any other name.
    public static func canonical(_ name: String) -> String? { gazetteer?.canonicalName(name) }

    static let gazetteer: OutletGazetteer? = try? Lexicons.bundled.get().outlets
}
