import ClaimModel
import ClaimStore
import Evaluation
import Provenance

/// A link run scored against the `cluster` keys of an imported gold run (issue 14): the run's
/// claims are paired with the gold's the way `score` pairs them, a paired claim takes its gold
/// claim's cluster, and a gold claim nobody paired still counts (a cluster of its own on the
/// predicted side), so missing a claim costs recall.
public struct GoldClusterScore: Sendable {
    public var linkRun: String
    public var goldRun: String
    /// Gold claims carrying a cluster key, and how many distinct clusters they form.
    public var clusteredClaims: Int
    public var goldClusters: Int
    public var pairwise: LinkPRF
    public var perClaim: LinkPRF

    public var table: String {
        func f(_ d: Double) -> String { String(format: "%.3f", d) }
        var table = TextTable([.left, .right, .right, .right, .left])
        table.add(["", "P", "R", "F1", ""])
        table.add(["pairwise", f(pairwise.precision), f(pairwise.recall), f(pairwise.f1),
                   "pairs: \(pairwise.agreed) agreed, \(pairwise.predicted) linked, \(pairwise.gold) in gold"])
        table.add(["per claim (B-cubed)", f(perClaim.precision), f(perClaim.recall), f(perClaim.f1), ""])
        return "links against the gold clusters of run \"\(TerminalSafe.escape(goldRun))\": link run \"\(TerminalSafe.escape(linkRun))\", "
            + "\(clusteredClaims) gold claim\(clusteredClaims == 1 ? "" : "s") in \(goldClusters) cluster\(goldClusters == 1 ? "" : "s")\n"
            + table.render(indent: "  ")
    }

    public var json: JSONValue {
        return .object([("link_run", .string(linkRun)), ("gold_run", .string(goldRun)),
                        ("clustered_claims", .number(String(clusteredClaims))), ("gold_clusters", .number(String(goldClusters))),
                        ("pairwise", pairwise.json(counts: true)), ("per_claim", perClaim.json(counts: false))])
    }
}

extension Workspace {
    /// nil unless the run has a link run (`links`, from `loadedLinks`) and the gold side of
    /// `inputs` carries cluster keys.
    func goldClusterScore(run: RunRef, links: (info: LinkRunInfo, loaded: LoadedLinks)?, against: String, inputs: [ScoringInput],
                          report: ScoreReport) throws(WorkbenchError) -> GoldClusterScore? {
        guard inputs.contains(where: { $0.gold.contains { $0.cluster != nil } }) else { return nil }
        guard let (info, loaded) = links else { return nil }
        let predicted = LinkScore.names(loaded.result)
        // The run's claims per document in the order `scoringInputs` hands them to the scorer.
        let stored = try db(store.attributions(runID: run.rowID, documentRowID: nil, origin: .run))
        var seen: Set<Int64> = []
        let rowIDs = stored.map(\.documentRowID).filter { seen.insert($0).inserted }
        var docIDs: [Int64: String] = [:]
        for d in try db(store.documents(rowIDs: rowIDs)) { docIDs[d.rowID] = d.document.id }
        var claimsOf: [String: [Int64]] = [:]
        for c in stored { if let doc = docIDs[c.documentRowID] { claimsOf[doc, default: []].append(c.rowID) } }
        var details: [String: DocumentDetail] = [:]
        for d in report.details { details[d.documentID] = d }
        var universe: [Int64] = []
        var gold: [Int64: String] = [:]
        var unpaired: Int64 = 0
        for input in inputs {
            let ids = claimsOf[input.documentID] ?? []
            guard ids.count == input.predicted.count else { continue }
            universe += ids
            var paired: Set<Int> = []
            for pair in details[input.documentID]?.pairs ?? [] {
                paired.insert(pair.gold)
                if let cluster = input.gold[pair.gold].cluster { gold[ids[pair.predicted]] = cluster }
            }
            for (i, g) in input.gold.enumerated() where !paired.contains(i) {
                guard let cluster = g.cluster else { continue }
                unpaired -= 1
                universe.append(unpaired)
                gold[unpaired] = cluster
            }
        }
        let clustered = inputs.reduce(0) { $0 + $1.gold.filter { $0.cluster != nil }.count }
        let clusters = Set(inputs.flatMap { $0.gold.compactMap(\.cluster) }).count
        return GoldClusterScore(linkRun: info.name, goldRun: against, clusteredClaims: clustered, goldClusters: clusters,
                                pairwise: LinkScore.pairwise(claims: universe, predicted: predicted, gold: gold),
                                perClaim: LinkScore.bCubed(claims: universe, predicted: predicted, gold: gold))
    }
}
