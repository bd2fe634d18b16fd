/// Why two claims were linked; every link lists all that applied.
public enum LinkReason: Sendable, Equatable, CustomStringConvertible {
    /// Normalised shingles the two contents share, of all they have between them.
    case sharedShingles(shared: Int, total: Int)
    /// The same named source (a shared name word or the same entity slug).
    case sameSource
    /// One claim credits the outlet that published the other's document.
    case creditedOutlet(String)
    /// Both claims credit the same outlet.
    case sameCreditedOutlet(String)
    /// Both sources unnamed (or no source), through compatible outlets.
    case bothAnonymous
    /// Two or more names (places, people) in both contents, lowercased.
    case sharedNames([String])
    /// The same numbers.
    case sameNumbers
    /// The same numbers, hedged differently ("at least 20" against "20").
    case qualifiedNumber
    /// Different numbers (the two claims' numbers, comma-separated): a conflicting variant, flagged.
    case numberConflict(String, String)
    /// Both claims in one document: the claim repeated.
    case repeatedInDocument

    public var description: String {
        switch self {
        case let .sharedShingles(n, m): return "shared shingles \(n)/\(m)"
        case .sameSource: return "same source"
        case let .creditedOutlet(o): return "credits \(o)"
        case let .sameCreditedOutlet(o): return "both credit \(o)"
        case .bothAnonymous: return "both anonymous"
        case let .sharedNames(names): return "shared names " + names.joined(separator: ", ")
        case .sameNumbers: return "same numbers"
        case .qualifiedNumber: return "number hedged differently"
        case let .numberConflict(a, b): return "number conflict \(a) vs \(b)"
        case .repeatedInDocument: return "repeated in the document"
        }
    }

    /// A short machine name for exports.
    public var kind: String {
        switch self {
        case .sharedShingles: return "shared_shingles"
        case .sameSource: return "same_source"
        case .creditedOutlet: return "credited_outlet"
        case .sameCreditedOutlet: return "same_credited_outlet"
        case .bothAnonymous: return "both_anonymous"
        case .sharedNames: return "shared_names"
        case .sameNumbers: return "same_numbers"
        case .qualifiedNumber: return "qualified_number"
        case .numberConflict: return "number_conflict"
        case .repeatedInDocument: return "repeated_in_document"
        }
    }
}

/// One accepted link between two claims (`a < b`, by claim id).
public struct Link: Sendable, Equatable {
    public var a: Int64
    public var b: Int64
    /// Shingle Jaccard plus the source bonus, capped at 1, to three decimals.
    public var score: Double
    public var reasons: [LinkReason]

    public init(a: Int64, b: Int64, score: Double, reasons: [LinkReason]) {
        self.a = a
        self.b = b
        self.score = score
        self.reasons = reasons
    }

    /// Whether the two claims state different numbers.
    public var isConflicting: Bool {
        reasons.contains { if case .numberConflict = $0 { return true } else { return false } }
    }
}

/// Claims that say the same thing, by claim id ascending, with the links that joined them.
public struct Cluster: Sendable, Equatable {
    /// `C1`, `C2`, … by size (largest first), then by smallest claim id.
    public var id: String
    public var claimIDs: [Int64]
    public var links: [Link]

    public init(id: String, claimIDs: [Int64], links: [Link] = []) {
        self.id = id
        self.claimIDs = claimIDs
        self.links = links
    }
}

/// The linker's output: clusters of two or more claims (a claim in none stands alone).
public struct LinkResult: Sendable, Equatable {
    public var clusters: [Cluster]
    /// Claim id → index into `clusters`.
    public var clusterOf: [Int64: Int]

    public init(clusters: [Cluster], clusterOf: [Int64: Int]) {
        self.clusters = clusters
        self.clusterOf = clusterOf
    }

    /// Every link, by (a, b).
    public var links: [Link] { clusters.flatMap(\.links).sorted { ($0.a, $0.b) < ($1.a, $1.b) } }

    /// The cluster holding `claimID`, if any.
    public func cluster(of claimID: Int64) -> Cluster? {
        clusterOf[claimID].map { clusters[$0] }
    }
}
