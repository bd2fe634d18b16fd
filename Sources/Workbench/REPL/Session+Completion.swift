import ClaimModel

/// TAB completion: what can follow the words already typed.
extension Session {
    /// Candidates for the word being typed (`word`, possibly empty), given the line before it.
    public func completions(before: String, word: String) -> [String] {
        let previous = (try? Tokenizer.tokens(before)) ?? before.split(separator: " ").map(String.init)
        let options: [String]
        if previous.isEmpty {
            options = Verb.allCases.map(\.rawValue)
        } else {
            options = candidates(after: previous)
        }
        let lower = word.lowercased()
        return options.filter { $0.lowercased().hasPrefix(lower) }.sorted()
    }

    func candidates(after words: [String]) -> [String] {
        guard let verb = Verb.named(words[0]) else { return [] }
        let args = Array(words.dropFirst())
        switch verb {
        case .type: return args.isEmpty ? SourceTypeNames.all : []
        case .outlet: return args.isEmpty ? Array(knownOutlets) : []
        case .tag: return Array(knownTags)
        case .entity: return args.isEmpty ? entities() : []
        case .confidence: return args.isEmpty ? AnalystConfidence.allCases.map(\.rawValue) : []
        case .anon: return args.isEmpty ? ["yes", "no"] : []
        case .help: return args.isEmpty ? Verb.allCases.map(\.rawValue) : []
        case .filter, .list:
            guard let head = args.first?.lowercased() else {
                return ["unreviewed", "type", "outlet", "confidence", "tag"] + (verb == .filter ? ["off"] : [])
            }
            if args.count > 1 { return [] }
            switch head {
            case "type": return SourceTypeNames.all
            case "outlet": return Array(knownOutlets)
            case "tag": return Array(knownTags)
            default: return []
            }
        case .add:
            return args.count >= 1 && args.count % 2 == 1 ? ["source", "cue", "type", "outlet"] : (args.last == "type" ? SourceTypeNames.all : [])
        default: return []
        }
    }

    /// Source entities of the document on screen.
    func entities() -> [String] {
        guard let view else { return [] }
        return Array(Set(view.visible.compactMap { view.attribution($0).sourceEntity }))
    }
}
