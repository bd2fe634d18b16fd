import ClaimModel
import Workbench

/// TAB completion: what can follow the words already typed.
extension Session {
    /// At most this many outlets or tag lists are read from the store for completion.
    static let completionLimit = 1000

    /// Candidates for the word being typed (`word`, possibly empty), given the line before it.
    public func completions(before: String, word: String) -> [String] {
        completingWord = word
        return Verb.completions(self, previous: Self.words(before), word: word)
    }

    /// The run's doc_ids beginning with `prefix` (at most `completionLimit`), read from the store's
    /// index on each TAB: a corpus may hold more documents than a completion list should.
    func documentIDs(beginning prefix: String) -> [String] {
        let runID = run.rowID
        return (try? store.documentIDs(runID: runID, prefix: prefix, limit: Self.completionLimit)) ?? []
    }

    /// The tags of the claim on screen, as this analyst has them (what `untag` can remove).
    func currentTags() -> [String] {
        guard let (view, claim) = try? current() else { return [] }
        return view.review(claim)?.tags ?? []
    }

    /// The words before the cursor; an opening quote readline is completing inside is dropped.
    static func words(_ before: String) -> [String] {
        if let words = try? Tokenizer.tokens(before) { return words }
        var trimmed = Substring(before)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        if let last = trimmed.last, "\"'“‘".contains(last), let words = try? Tokenizer.tokens(String(trimmed.dropLast())) {
            return words
        }
        return before.split(separator: " ").map(String.init)
    }

    /// A filter's conditions are joined by `and`: complete the condition being typed, or offer `and`
    /// once it is whole.
    func filterCandidates(_ args: [String], offersOff: Bool) -> [String] {
        let lastAnd = args.lastIndex { $0.lowercased() == QueueFilter.conjunction }
        let condition = Array(args[(lastAnd.map { $0 + 1 } ?? 0)...])
        guard let head = condition.first?.lowercased() else {
            return QueueFilter.heads + (offersOff && lastAnd == nil ? ["off"] : [])
        }
        let rest = Array(condition.dropFirst())
        let and = [QueueFilter.conjunction]
        switch head {
        case "unreviewed": return rest.isEmpty ? and : []
        case "type": return rest.isEmpty ? SourceTypeNames.all : rest.count == 1 ? and : []
        case "tag": return rest.isEmpty ? tags() : rest.count == 1 ? and : []
        case "outlet": return rest.isEmpty ? outlets() : Self.continuing(rest, among: outlets()) + and
        default:
            let comparison = condition.joined().lowercased()
            if comparison.hasPrefix("confidence"), comparison.count > "confidence<".count { return and }
            return []
        }
    }

    /// Names that go on from the words typed so far (an outlet or entity of several words), each
    /// given from the word being typed on.
    static func continuing(_ typed: [String], among names: [String]) -> [String] {
        guard !typed.isEmpty else { return names }
        let phrase = typed.joined(separator: " ") + " "
        return names.filter { $0.lowercased().hasPrefix(phrase.lowercased()) && $0.count > phrase.count }
            .map { String($0.dropFirst(phrase.count)) }
    }

    /// Every outlet of the store's claims (read on the first need in each document) and of this analyst's corrections.
    func outlets() -> [String] {
        if storeOutlets == nil {
            storeOutlets = (try? store.outlets(limit: Self.completionLimit)) ?? []
        }
        return Array(knownOutlets.union(storeOutlets ?? []))
    }

    /// Every tag in the log, anyone's (read on the first need in each document), and this session's.
    func tags() -> [String] {
        if storeTags == nil {
            let lists = (try? store.tagLists(limit: Self.completionLimit)) ?? []
            var found = Set<String>()
            for list in lists { found.formUnion(list) }
            storeTags = found.sorted()
        }
        return Array(knownTags.union(storeTags ?? []))
    }

    /// Source entities of the document on screen: the extractor's and this analyst's corrections.
    func entities() -> [String] {
        guard let view else { return [] }
        var found = Set(view.visible.compactMap { view.attribution($0).sourceEntity })
        for claim in view.snapshot.claims { if let entity = claim.attribution.sourceEntity { found.insert(entity) } }
        return Array(found)
    }
}
