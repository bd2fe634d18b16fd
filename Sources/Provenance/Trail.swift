import ClaimModel

/// The trail of one cluster: who carried the claim, in which order, crediting whom, with which words.
public struct Trail: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var claim: LinkableClaim
        /// The outlet the claim credits: its `outlet`, else one found in its source or cue text.
        public var creditedOutlet: String?
        /// The earliest claim of the cluster (by date, then before the same day's claims relaying
        /// it, then doc id, then claim id).
        public var isFirst: Bool
    }

    public enum Edge: Sendable, Equatable {
        /// The document credits an outlet ("told Reuters").
        case credits(docID: String, outlet: String)
        /// The document repeats the claim from a document of the corpus published by the outlet it credits.
        case repeats(docID: String, fromDocID: String)
    }

    /// A claim's wording against the earliest version: the words it dropped and the words it added.
    public struct Variant: Sendable, Equatable {
        public var claimID: Int64
        public var docID: String
        public var attributionID: String?
        public var removed: [String]
        public var added: [String]
        /// Its numbers differ from the earliest version's.
        public var numberConflict: Bool
    }

    public var clusterID: String
    /// By publication date (claims without a date last); on one date a claim before those crediting
    /// its publisher (`relayDepths`); then doc id, then claim id.
    public var entries: [Entry]
    /// Credits first in entry order, each followed by the repeat it resolves to; no duplicates.
    public var edges: [Edge]
    /// Every claim after the first whose words differ from the first's, in entry order.
    public var variants: [Variant]

    /// The trail of `cluster` among `claims` (which may hold the whole corpus; only the cluster's
    /// claims are read). `publishers`: every publisher of the corpus, for finding credits in text.
    public init(cluster: Cluster, claims: [Int64: LinkableClaim], publishers: [String] = []) {
        let members = cluster.claimIDs.compactMap { claims[$0] }
        self.init(cluster: cluster, members: members,
                  outlets: Outlets.Index(publishers: publishers + members.compactMap(\.publisher)))
    }

    /// The same, with the outlet index built once for many trails (building it per trail is most
    /// of a lookup's cost at a million claims). `outlets` must know every publisher of the corpus.
    public init(cluster: Cluster, claims: [Int64: LinkableClaim], outlets: Outlets.Index) {
        self.init(cluster: cluster, members: cluster.claimIDs.compactMap { claims[$0] }, outlets: outlets)
    }

    init(cluster: Cluster, members: [LinkableClaim], outlets index: Outlets.Index) {
        clusterID = cluster.id
        var credited: [Int64: String] = [:]
        for c in members { if let outlet = Outlets.credited(c, index: index) { credited[c.id] = outlet } }
        let relay = Self.relayDepths(members, credited: credited)
        let ordered = members.sorted { x, y in
            switch (x.publicationDate, y.publicationDate) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let (rx, ry) = (relay[x.id] ?? 0, relay[y.id] ?? 0)
                if rx != ry { return rx < ry }
                return x.docID != y.docID ? x.docID < y.docID : x.id < y.id
            }
        }
        entries = ordered.enumerated().map { n, c in
            Entry(claim: c, creditedOutlet: credited[c.id], isFirst: n == 0)
        }
        var edges: [Edge] = []
        for entry in entries {
            guard let outlet = entry.creditedOutlet else { continue }
            let docID = entry.claim.docID
            // An outlet naming itself ("Reuters reported" in a Reuters story) is no credit.
            if Outlets.key(entry.claim.publisher) == Outlets.key(outlet) { continue }
            let credit = Edge.credits(docID: docID, outlet: outlet)
            if !edges.contains(credit) { edges.append(credit) }
            for other in entries where other.claim.docID != docID && Outlets.key(other.claim.publisher) == Outlets.key(outlet) {
                let repeat_ = Edge.repeats(docID: docID, fromDocID: other.claim.docID)
                if !edges.contains(repeat_) { edges.append(repeat_) }
            }
        }
        self.edges = edges
        var variants: [Variant] = []
        if let first = ordered.first {
            let base = WordDiff.words(first.contentText)
            let baseText = ClaimText(first.contentText)
            for c in ordered.dropFirst() {
                let diff = WordDiff(base, WordDiff.words(c.contentText))
                let conflict = NumberComparison(baseText, ClaimText(c.contentText)) == .conflict
                guard !diff.removed.isEmpty || !diff.added.isEmpty else { continue }
                variants.append(Variant(claimID: c.id, docID: c.docID, attributionID: c.attributionID,
                                        removed: diff.removed, added: diff.added, numberConflict: conflict))
            }
        }
        self.variants = variants
    }

    /// The first appearance of the claim.
    public var first: Entry? { entries.first }

    /// How many claims of its day each claim relays, directly or through another relay: a claim
    /// crediting the publisher of another claim of the same date comes after it. A date alone
    /// cannot order them, and doc ids put a relay first as often as not (a re-report dated like the
    /// wire story it credits was called the first appearance, its variants measured against it).
    /// Claims crediting each other in a cycle do not count each other, so doc ids order them.
    static func relayDepths(_ members: [LinkableClaim], credited: [Int64: String]) -> [Int64: Int] {
        var byDate: [String?: [LinkableClaim]] = [:]
        for c in members { byDate[c.publicationDate, default: []].append(c) }
        var depth: [Int64: Int] = [:]
        for day in byDate.values where day.count > 1 {
            // Per claim, the same-day claims it relays: published by the outlet it credits (not itself).
            var relays: [Int64: [Int64]] = [:]
            for c in day {
                guard let outlet = credited[c.id], Outlets.key(c.publisher) != Outlets.key(outlet) else { continue }
                let from = day.filter { $0.docID != c.docID && $0.publisher != nil && Outlets.key($0.publisher) == Outlets.key(outlet) }
                if !from.isEmpty { relays[c.id] = from.map(\.id) }
            }
            guard !relays.isEmpty else { continue }
            var reach: [Int64: Set<Int64>] = [:]
            for c in day {
                var seen: Set<Int64> = [], stack = relays[c.id] ?? []
                while let next = stack.popLast() {
                    if seen.insert(next).inserted { stack += relays[next] ?? [] }
                }
                reach[c.id] = seen
            }
            for c in day {
                let before = (reach[c.id] ?? []).filter { $0 != c.id && reach[$0]?.contains(c.id) != true }
                if !before.isEmpty { depth[c.id] = before.count }
            }
        }
        return depth
    }
}

/// The words two versions of a claim do not share, by a longest common subsequence of words
/// (compared lowercased, without punctuation; reported as written).
public struct WordDiff: Sendable, Equatable {
    public var removed: [String]
    public var added: [String]

    public init(_ a: [String], _ b: [String]) {
        let ka = a.map(WordDiff.key), kb = b.map(WordDiff.key)
        var removed: [String] = [], added: [String] = []
        for step in WordAlignment.steps(ka, kb) {
            switch step {
            case .same: break
            case let .removed(i): removed.append(a[i])
            case let .added(j): added.append(b[j])
            }
        }
        self.removed = removed
        self.added = added
    }

    /// The words of a text as written, punctuation around them dropped ("\"on fire\"," → "on", "fire").
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { raw in
            var s = Substring(raw)
            while let f = s.first, !(f.isLetter || f.isNumber) { s.removeFirst() }
            while let l = s.last, !(l.isLetter || l.isNumber) { s.removeLast() }
            return s.isEmpty ? nil : String(s)
        }
    }

    static func key(_ word: String) -> String { word.lowercased() }
}
