/// Measured precision of each pattern (`confidence.txt`): the confidence a claim gets is the
/// share of claims of its pattern (and cue class) that were real attributions on the dev data.
struct ConfidenceTable: Sendable {
    private var values: [String: Double] = [:]
    var count: Int { values.count }

    init(lines: [LexiconLine], file: String) throws(ExtractionError) {
        for line in lines {
            let words = line.words
            guard words.count >= 2, let value = Double(words[1]), value >= 0, value <= 1 else {
                throw .malformedLexicon(file: file, line: line.number,
                                        reason: "expected: pattern precision [claims], precision in [0, 1]")
            }
            values[String(words[0])] = value
        }
    }

    /// The key of a claim: its pattern and, for verbs, the cue class ("indirect-that/belief").
    static func key(pattern: Pattern, cueClass: CueClass?) -> String {
        guard let cueClass else { return pattern.rawValue }
        return "\(pattern.rawValue)/\(cueClass.rawValue)"
    }

    func confidence(pattern: Pattern, cueClass: CueClass?) -> Double {
        values[Self.key(pattern: pattern, cueClass: cueClass)] ?? values[pattern.rawValue] ?? values["default"] ?? 0.5
    }
}
