/// Groups claims that say the same thing across documents.
///
/// 1. Candidates: each claim's content becomes a `ClaimText` (normalised unigram and bigram
///    shingles); a MinHash signature of `bands × rows` minima is cut into bands, and claims sharing
///    a band land in one bucket (LSH). Pairs of a bucket are candidates; this is what keeps a
///    million claims from being compared pairwise.
/// 2. Each candidate is judged on exact values: shared shingles (Jaccard), numbers ("at least 20"
///    vs "20" is a qualified variant, "20" vs "40" a conflicting one), names (two claims naming
///    disjoint places or people are not the same claim), the sources (same named entity, both
///    anonymous through a compatible outlet, or one crediting the other's publisher) and the
///    publication dates (at most `maxDays` apart).
/// 3. Accepted links are joined by union-find into clusters.
///
/// Two claims of the same document are linked only when the content is the same claim repeated
/// (a headline and its lead, a quote given twice): near-identical shingles, the same numbers and a
/// compatible source. Anything less within one document is the article's own development of a
/// story, not provenance.
public struct Linker: Sendable {
    public struct Options: Sendable, Equatable {
        /// LSH bands and rows per band: a pair with shingle Jaccard J becomes a candidate with
        /// probability 1 − (1 − J^rows)^bands (24 × 2: 0.62 at J = 0.2, 0.9 at J = 0.3, 0.999 at J = 0.5).
        public var bands = 24
        public var rows = 2
        /// A link needs at least this score (Jaccard, plus `sourceBonus` when the source evidence is strong).
        public var threshold = 0.45
        /// Added to the score when the two claims have the same named source or one credits the other's publisher.
        public var sourceBonus = 0.25
        /// Added for each detail the two contents share beyond words: the same numbers (hedged or
        /// not), two or more of the same names.
        public var detailBonus = 0.1
        /// Below this Jaccard nothing links, whatever the sources.
        public var minimumJaccard = 0.2
        /// Same-document links need this Jaccard (the claim repeated).
        public var sameDocumentJaccard = 0.8
        /// Publication dates at most this many days apart (claims without a date always pass).
        public var maxDays = 14
        /// A bucket bigger than this (boilerplate content) is skipped for candidates.
        public var maxBucket = 500

        public init() {}
    }

    public var options: Options

    public init(_ options: Options = Options()) {
        self.options = options
    }

    public func link(_ claims: [LinkableClaim]) -> LinkResult {
        // Claims usually come in id order already; then no copy of them is made.
        let inOrder = zip(claims, claims.dropFirst()).allSatisfy { $0.id < $1.id }
        let sorted = inOrder ? claims : claims.sorted { $0.id < $1.id }
        let outlets = Outlets.Index(publishers: Set(sorted.compactMap(\.publisher)).sorted())
        let facts = sorted.map { ClaimFacts($0, outlets: outlets) }
        let candidates = candidatePairs(facts)
        var links: [Link] = []
        var sets = UnionFind(count: sorted.count)
        for pair in candidates {
            let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
            if let link = judge(sorted[i], facts[i], sorted[j], facts[j]) {
                links.append(link)
                sets.union(i, j)
            }
        }
        links.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var members: [Int: [Int64]] = [:]
        for i in sorted.indices { members[sets.find(i), default: []].append(sorted[i].id) }
        let groups = members.values.filter { $0.count > 1 }.sorted { x, y in
            x.count != y.count ? x.count > y.count : x[0] < y[0]
        }
        var clusters: [Cluster] = []
        var clusterOf: [Int64: Int] = [:]
        for (n, ids) in groups.enumerated() {
            clusters.append(Cluster(id: "C\(n + 1)", claimIDs: ids))
            for id in ids { clusterOf[id] = n }
        }
        var linksByCluster = Array(repeating: [Link](), count: clusters.count)
        for link in links { if let c = clusterOf[link.a] { linksByCluster[c].append(link) } }
        for c in clusters.indices { clusters[c].links = linksByCluster[c] }
        return LinkResult(clusters: clusters, clusterOf: clusterOf)
    }

    /// Candidate pairs `(i << 32) | j`, i < j, sorted and unique.
    func candidatePairs(_ facts: [ClaimFacts]) -> [UInt64] {
        let rows = max(1, options.rows), bands = max(1, options.bands)
        let k = rows * bands
        let seeds = MinHash.seeds(k)
        var signatures = [UInt64](repeating: 0, count: facts.count * bands)
        var mins = [UInt64](repeating: 0, count: k)
        for (i, f) in facts.enumerated() {
            guard !f.text.shingles.isEmpty else { signatures.replaceSubrange(i * bands..<(i + 1) * bands, with: repeatElement(UInt64(i) &+ 1, count: bands)); continue }
            MinHash.signature(f.text.shingles, seeds: seeds, into: &mins)
            for b in 0..<bands {
                var h: UInt64 = UInt64(b) &* 0x9e37_79b9_7f4a_7c15
                for r in 0..<rows { h = FNV.mix(h ^ mins[b * rows + r]) }
                signatures[i * bands + b] = h
            }
        }
        // A bucket's members sorted by publication day: only claims at most `maxDays` apart are
        // paired (the judge rejects the rest anyway), so a bucket of a busy common-word band costs
        // its members times the claims of a few weeks, not its members squared. Claims without a
        // date sort first (`Int32.min`) and pair with every member.
        var pairs: [UInt64] = []
        var column = [BandEntry]()
        column.reserveCapacity(facts.count)
        let days = facts.map { f in f.day.map { Int32(clamping: $0) } ?? Int32.min }
        let window = Int64(max(0, options.maxDays))
        for b in 0..<bands {
            column.removeAll(keepingCapacity: true)
            for i in facts.indices where !facts[i].text.shingles.isEmpty {
                column.append(BandEntry(key: signatures[i * bands + b], day: days[i], index: UInt32(i)))
            }
            column.sort()
            var start = 0
            while start < column.count {
                var end = start + 1
                while end < column.count && column[end].key == column[start].key { end += 1 }
                if end - start > 1 && end - start <= options.maxBucket {
                    for x in start..<end {
                        let dx = column[x].day, ix = UInt64(column[x].index)
                        for y in (x + 1)..<end {
                            if dx != Int32.min && Int64(column[y].day) - Int64(dx) > window { break }
                            let iy = UInt64(column[y].index)
                            pairs.append(ix < iy ? ix << 32 | iy : iy << 32 | ix)
                        }
                    }
                }
                start = end
            }
        }
        // Deduplicated in place: a second array of the candidates would double the peak memory.
        pairs.sort()
        var kept = 0
        for p in pairs.indices where kept == 0 || pairs[kept - 1] != pairs[p] {
            pairs[kept] = pairs[p]
            kept += 1
        }
        pairs.removeSubrange(kept...)
        return pairs
    }

    /// The link between two candidates, or nil when they are not the same claim.
    func judge(_ a: LinkableClaim, _ fa: ClaimFacts, _ b: LinkableClaim, _ fb: ClaimFacts) -> Link? {
        let (shared, total) = ClaimText.overlap(fa.text.shingles, fb.text.shingles)
        guard total > 0 else { return nil }
        let jaccard = Double(shared) / Double(total)
        guard jaccard >= options.minimumJaccard else { return nil }
        if let da = fa.day, let db = fb.day, abs(da - db) > options.maxDays { return nil }
        // Names: both name someone or somewhere, and nobody in common.
        if !fa.text.names.isEmpty && !fb.text.names.isEmpty && fa.text.names.isDisjoint(with: fb.text.names) { return nil }
        let numbers = NumberComparison(fa.text, fb.text)
        let sameDocument = a.docID == b.docID
        if sameDocument && (jaccard < options.sameDocumentJaccard || numbers == .conflict) { return nil }
        guard let source = SourceMatch(a, fa, b, fb) else { return nil }
        var reasons: [LinkReason] = [.sharedShingles(shared: shared, total: total)]
        var score = jaccard
        switch source {
        case .sameSource: reasons.append(.sameSource)
        case let .credits(outlet): reasons.append(.creditedOutlet(outlet))
        case let .sameOutlet(outlet): reasons.append(.sameCreditedOutlet(outlet))
        case .bothAnonymous: reasons.append(.bothAnonymous)
        case .unnamedSource: break
        }
        if source.isStrong { score += options.sourceBonus }
        let names = fa.text.names.intersection(fb.text.names)
        if names.count >= 2 {
            reasons.append(.sharedNames(names.sorted()))
            score += options.detailBonus
        }
        switch numbers {
        case .none: break
        case .same:
            reasons.append(.sameNumbers)
            score += options.detailBonus
        case .qualified:
            reasons.append(.qualifiedNumber)
            score += options.detailBonus
        case .conflict:
            // A changed number is a variant of the claim only when the sources say so.
            guard source.isStrong else { return nil }
            reasons.append(.numberConflict(fa.text.numbers.joined(separator: ","), fb.text.numbers.joined(separator: ",")))
        }
        if sameDocument { reasons.append(.repeatedInDocument) }
        score = min(1, score)
        guard score >= options.threshold else { return nil }
        return Link(a: a.id, b: b.id, score: (score * 1000).rounded() / 1000, reasons: reasons)
    }
}

/// One claim in one LSH band: its band hash, publication day (`Int32.min` without one) and index.
struct BandEntry: Comparable {
    var key: UInt64
    var day: Int32
    var index: UInt32

    static func < (a: BandEntry, b: BandEntry) -> Bool {
        a.key != b.key ? a.key < b.key : a.day != b.day ? a.day < b.day : a.index < b.index
    }
}

/// What the linker derives once per claim.
struct ClaimFacts {
    let text: ClaimText
    /// Days since 1970-01-01 of the publication date, when it parses.
    let day: Int?
    /// Canonical outlet key the claim credits (its `outlet`, or one named in its source or cue).
    let credited: String?
    let publisher: String?
    /// Lowercased capitalised words of a named source's text (title words such as "Minister" left
    /// out); empty for pronouns, "the coastguard", anonymous and implicit sources.
    let sourceNames: Set<String>
    let kind: SourceKind

    init(_ c: LinkableClaim, outlets: Outlets.Index) {
        text = ClaimText(c.contentText).withoutWords
        day = c.publicationDate.flatMap(Dates.day)
        credited = Outlets.key(Outlets.credited(c, index: outlets))
        publisher = Outlets.key(c.publisher)
        kind = SourceKind(c)
        var names = Set<String>()
        if kind == .named {
            for token in ClaimText.tokens(c.sourceText ?? "") where token.capitalised {
                let w = token.text
                if !ClaimText.stopWords.contains(w) && !SourceKind.titleWords.contains(w) { names.insert(w) }
            }
        }
        sourceNames = names
    }
}

enum SourceKind: Equatable {
    case named, anonymous, implicit

    init(_ c: LinkableClaim) {
        switch c.sourceType {
        case .anonymous?: self = .anonymous
        case .implicit?: self = .implicit
        case nil: self = c.anonymous == true ? .anonymous : (c.sourceText == nil ? .implicit : .named)
        default: self = c.anonymous == true ? .anonymous : .named
        }
    }

    /// Words of a source's title that do not tell two people or bodies apart.
    static let titleWords: Set<String> = [
        "mr", "mrs", "ms", "dr", "sir", "president", "minister", "ministry", "commissioner", "council", "chief",
        "general", "secretary", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "police",
        "department", "office", "mayor", "governor", "director", "head", "deputy", "senior", "state", "national",
        "city", "county", "authority", "agency", "company", "union", "court", "government", "prime", "foreign",
        "interior", "transport", "health", "finance", "report", "statement", "audit", "figures",
    ]
}

/// How two claims' sources agree, or nil when they contradict.
enum SourceMatch: Equatable {
    /// The same named source: a shared name word, or the same entity slug.
    case sameSource
    case credits(String)
    case sameOutlet(String)
    case bothAnonymous
    /// Named sources that cannot be compared by name ("he", "the coastguard"): compatible, no evidence.
    case unnamedSource

    /// Whether the sources themselves say the claims are one (a score bonus).
    var isStrong: Bool {
        switch self {
        case .sameSource, .credits, .sameOutlet: return true
        case .bothAnonymous, .unnamedSource: return false
        }
    }

    init?(_ a: LinkableClaim, _ fa: ClaimFacts, _ b: LinkableClaim, _ fb: ClaimFacts) {
        // One credits the outlet that published the other: the other is (or carries) the original.
        if let c = fa.credited, c == fb.publisher, fa.publisher != c {
            self = .credits(Outlets.canonical(b.publisher ?? c)); return
        }
        if let c = fb.credited, c == fa.publisher, fb.publisher != c {
            self = .credits(Outlets.canonical(a.publisher ?? c)); return
        }
        var bothNamed = false
        if fa.kind == .named && fb.kind == .named {
            bothNamed = true
            if !fa.sourceNames.isEmpty && !fb.sourceNames.isEmpty {
                if !fa.sourceNames.isDisjoint(with: fb.sourceNames) { self = .sameSource; return }
                // Two different people or bodies; an outlet as the source ("Reuters reported") is
                // judged below by the outlet it names.
                if a.sourceType != .newsOutlet && b.sourceType != .newsOutlet { return nil }
            } else if let ea = a.sourceEntity, let eb = b.sourceEntity, ea == eb {
                self = .sameSource; return
            }
        }
        if let ca = fa.credited, let cb = fb.credited {
            if ca == cb { self = .sameOutlet(Outlets.canonical(a.outlet ?? b.outlet ?? ca)); return }
            return nil
        }
        if fa.kind != .named && fb.kind != .named { self = .bothAnonymous; return }
        if bothNamed { self = .unnamedSource; return }
        return nil
    }
}

/// How the numbers of two claims compare.
enum NumberComparison: Equatable {
    /// Neither states a number, or only one does (a paraphrase may drop it).
    case none
    case same
    /// The same numbers, hedged differently ("at least 20" against "20").
    case qualified
    case conflict

    init(_ a: ClaimText, _ b: ClaimText) {
        if a.numbers.isEmpty || b.numbers.isEmpty { self = .none; return }
        if Set(a.numbers) != Set(b.numbers) { self = .conflict; return }
        self = a.qualifiedNumber == b.qualifiedNumber ? .same : .qualified
    }
}

enum Dates {
    /// Days since 1970-01-01 of `YYYY-MM-DD…`; nil when it does not start with a valid date.
    static func day(_ s: String) -> Int? {
        let parts = s.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// MinHash over 64-bit shingle hashes: `k` multiply-xorshift permutations, the minimum of each.
enum MinHash {
    static func seeds(_ k: Int) -> [UInt64] {
        var state: UInt64 = 0x5eed_0f_c1a1_0de5
        return (0..<k).map { _ in
            state = state &+ 0x9e37_79b9_7f4a_7c15
            return FNV.mix(state) | 1
        }
    }

    static func signature(_ shingles: [UInt64], seeds: [UInt64], into mins: inout [UInt64]) {
        for s in seeds.indices {
            let seed = seeds[s]
            var m = UInt64.max
            for h in shingles {
                var x = h &* seed
                x ^= x >> 29
                if x < m { m = x }
            }
            mins[s] = m
        }
    }
}

struct UnionFind {
    var parent: [Int32]

    init(count: Int) { parent = (0..<count).map { Int32($0) } }

    mutating func find(_ i: Int) -> Int {
        var root = i
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var x = i
        while Int(parent[x]) != root {
            let next = Int(parent[x])
            parent[x] = Int32(root)
            x = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra == rb { return }
        // The smaller index is the root, so that roots do not depend on the order of unions.
        if ra < rb { parent[rb] = Int32(ra) } else { parent[ra] = Int32(rb) }
    }
}
