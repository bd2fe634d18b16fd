import ClaimModel

/// Precision, recall and F1 of one comparison, with the counts behind them.
public struct LinkPRF: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    /// For pairwise scores: links both sides have, links predicted, links in gold. Zero for B-cubed.
    public var agreed: Int
    public var predicted: Int
    public var gold: Int

    public init(precision: Double, recall: Double, agreed: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.precision = precision
        self.recall = recall
        self.agreed = agreed
        self.predicted = predicted
        self.gold = gold
    }

    /// From counts; an empty side scores 1 (nothing claimed, nothing wrong; nothing to find, nothing missed).
    public init(agreed: Int, predicted: Int, gold: Int) {
        self.init(precision: predicted == 0 ? 1 : Double(agreed) / Double(predicted),
                  recall: gold == 0 ? 1 : Double(agreed) / Double(gold),
                  agreed: agreed, predicted: predicted, gold: gold)
    }

    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// How well predicted clusters match gold clusters or analysts' verdicts.
public enum LinkScore {
    /// Pairwise: every pair of claims in one cluster is a link. `claims` is the universe (claims
    /// outside both maps stand alone); `predicted` and `gold` map a claim to its cluster's name.
    public static func pairwise(claims: [Int64], predicted: [Int64: String], gold: [Int64: String]) -> LinkPRF {
        var both: [String: Int] = [:], p: [String: Int] = [:], g: [String: Int] = [:]
        for id in Set(claims) {
            let pc = predicted[id], gc = gold[id]
            if let pc { p[pc, default: 0] += 1 }
            if let gc { g[gc, default: 0] += 1 }
            if let pc, let gc { both[pc + "\u{0}" + gc, default: 0] += 1 }
        }
        func pairs(_ counts: [String: Int]) -> Int { counts.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }
        return LinkPRF(agreed: pairs(both), predicted: pairs(p), gold: pairs(g))
    }

    /// B-cubed: per claim, the share of its predicted cluster that is in its gold cluster
    /// (precision) and of its gold cluster that is in its predicted cluster (recall), averaged
    /// over `claims`. A claim in no cluster is a cluster of one.
    public static func bCubed(claims: [Int64], predicted: [Int64: String], gold: [Int64: String]) -> LinkPRF {
        let universe = Set(claims).sorted()
        guard !universe.isEmpty else { return LinkPRF(precision: 1, recall: 1) }
        var p: [String: Int] = [:], g: [String: Int] = [:], both: [String: Int] = [:]
        for id in universe {
            if let pc = predicted[id] { p[pc, default: 0] += 1 }
            if let gc = gold[id] { g[gc, default: 0] += 1 }
            if let pc = predicted[id], let gc = gold[id] { both[pc + "\u{0}" + gc, default: 0] += 1 }
        }
        var precision = 0.0, recall = 0.0
        for id in universe {
            let pc = predicted[id], gc = gold[id]
            var shared = 1
            if let pc, let gc { shared = both[pc + "\u{0}" + gc] ?? 1 }
            precision += Double(shared) / Double(pc.flatMap { p[$0] } ?? 1)
            recall += Double(shared) / Double(gc.flatMap { g[$0] } ?? 1)
        }
        let n = Double(universe.count)
        return LinkPRF(precision: precision / n, recall: recall / n)
    }

    /// Against analysts' verdicts on pairs: a `same` verdict is a gold link, a `different`
    /// verdict a gold non-link; pairs without a verdict are not counted. Precision: of the judged
    /// pairs the linker put in one cluster, the share judged the same; recall: of the pairs judged
    /// the same, the share the linker put in one cluster.
    public static func verdicts(_ verdicts: [LinkVerdict], predicted: [Int64: String]) -> LinkPRF {
        var latest: [PairKey: Bool] = [:]
        for v in verdicts { latest[PairKey(v.a, v.b)] = v.same }
        var agreed = 0, linked = 0, same = 0
        for (pair, isSame) in latest {
            let together = predicted[pair.a].map { $0 == predicted[pair.b] } ?? false
            if together { linked += 1 }
            if isSame { same += 1 }
            if together && isSame { agreed += 1 }
        }
        return LinkPRF(agreed: agreed, predicted: linked, gold: same)
    }

    /// Predicted cluster names of a link result, for the functions above.
    public static func names(_ result: LinkResult) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for cluster in result.clusters { for id in cluster.claimIDs { out[id] = cluster.id } }
        return out
    }

    struct PairKey: Hashable {
        let a: Int64, b: Int64
        init(_ x: Int64, _ y: Int64) { a = min(x, y); b = max(x, y) }
    }
}

/// An analyst's verdict on whether two claims are the same claim (`same ID` / `different ID`).
/// A later verdict on the same pair replaces an earlier one.
public struct LinkVerdict: Sendable, Equatable {
    public var a: Int64
    public var b: Int64
    public var same: Bool

    public init(a: Int64, b: Int64, same: Bool) {
        self.a = a
        self.b = b
        self.same = same
    }
}

extension LinkPRF {
    /// Precision, recall and F1 as JSON numbers; with `counts`, the pairwise counts too (`agreed`,
    /// `predicted`, `gold`), which B-cubed scores do not have. The one spelling of `score`'s and
    /// `link`'s JSON.
    public func json(counts: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [("precision", .number(String(precision))), ("recall", .number(String(recall))),
                                             ("f1", .number(String(f1)))]
        if counts {
            fields += [("agreed", .number(String(agreed))), ("predicted", .number(String(predicted))),
                       ("gold", .number(String(gold)))]
        }
        return .object(fields)
    }
}
