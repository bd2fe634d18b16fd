import ClaimModel
import ClaimStore
import Foundation
import Provenance
import Review

/// What `claimdesk link` did.
public struct LinkReport: Sendable, Equatable {
    public var name: String
    public var run: String
    public var claims: Int
    public var clusters: [Cluster]
    public var links: Int
    public var replaced: Bool

    /// Counts, then the five biggest clusters with their documents.
    public func summary(docIDs: [Int64: String]) -> String {
        var lines = ["link run \"\(TerminalSafe.escape(name))\"\(replaced ? " (replaced)" : ""): \(claims) claims of run \"\(TerminalSafe.escape(run))\", "
            + "\(clusters.count) cluster\(clusters.count == 1 ? "" : "s"), \(links) link\(links == 1 ? "" : "s")"]
        for c in clusters.prefix(5) {
            var docs: [String] = []
            for id in c.claimIDs { if let d = docIDs[id], !docs.contains(d) { docs.append(d) } }
            lines.append("  \(c.id): \(c.claimIDs.count) claims in \(docs.count) document\(docs.count == 1 ? "" : "s") ("
                + docs.map { TerminalSafe.escape($0) }.joined(separator: ", ") + ")")
        }
        if clusters.count > 5 { lines.append("  … and \(clusters.count - 5) more (`claimdesk trail CLAIM` shows one)") }
        return lines.joined(separator: "\n")
    }
}

/// A stored link run made whole again: its info, the linker's result and the claims it linked.
public struct LoadedLinks: Sendable {
    public var info: LinkRunInfo
    public var run: RunRef
    public var result: LinkResult
    public var claims: [LinkableClaim]
}

extension Workspace {
    /// The run `link` and `trail` work on: the named one, else the one the review REPL would pick.
    func linkTargetRun(_ name: String?) throws(WorkbenchError) -> RunRef {
        if let name { return try requireRunRef(name) }
        return try ReviewDesk(self).runToReview(named: nil)
    }

    /// The run's claims as the linker sees them, with their documents' publisher and date. A claim
    /// without content says nothing to link and is left out; ids are the claims' row ids, so links,
    /// clusters, `trail` and `same`/`different` all name claims as `claims` lists them (`#` column).
    public func linkableClaims(runID: Int64) throws(WorkbenchError) -> [LinkableClaim] {
        let stored = try db(store.attributions(runID: runID, documentRowID: nil, origin: .run))
        var seen: Set<Int64> = []
        let documentIDs = stored.map(\.documentRowID).filter { seen.insert($0).inserted }
        var documents: [Int64: (Document, ScalarText)] = [:]
        for d in try db(store.documents(rowIDs: documentIDs)) { documents[d.rowID] = (d.document, ScalarText(d.document.text)) }
        return stored.compactMap { c -> LinkableClaim? in
            guard let (d, text) = documents[c.documentRowID], let content = c.attribution.content else { return nil }
            let a = c.attribution
            return LinkableClaim(
                id: c.rowID, docID: d.id, attributionID: a.id, publisher: d.publisher, publicationDate: d.publicationDate,
                sourceText: a.source.map { text.slice($0.hull) }, cueText: a.cue.map { text.slice($0.hull) },
                contentText: text.slice(content.hull), outlet: a.outlet, sourceType: a.sourceType, anonymous: a.anonymous,
                sourceEntity: a.sourceEntity, sourceSpan: a.source?.hull, cueSpan: a.cue?.hull, contentSpan: content.hull)
        }
    }

    /// `claimdesk link`: links the run's claims and stores the result as link run `name` (default:
    /// the run's name); an existing link run of that name is refused unless `replace`.
    public func link(run runName: String?, name: String?, replace: Bool,
                     options: Linker.Options = Linker.Options()) throws(WorkbenchError) -> (LinkReport, docIDs: [Int64: String]) {
        let run = try linkTargetRun(runName)
        let linkName = try Names.checked(name ?? run.name, what: "link run name", origin: name == nil ? "the run's name" : "--name")
        let claims = try linkableClaims(runID: run.rowID)
        let result = Linker(options).link(claims)
        let existed = try db(store.linkRuns()).contains { $0.name.isExactly(linkName) }
        let links = result.clusters.flatMap { c in
            c.links.map { StoredLink(a: $0.a, b: $0.b, cluster: c.id, score: $0.score, reasons: LinkReasonCoding.encode($0.reasons)) }
        }
        _ = try db(store.saveLinkRun(
            name: linkName, runID: run.rowID, options: LinkReasonCoding.encode(options),
            clusters: result.clusters.map { StoredCluster(id: $0.id, claimIDs: $0.claimIDs) }, links: links, replace: replace))
        var docIDs: [Int64: String] = [:]
        for c in claims { docIDs[c.id] = c.docID }
        let report = LinkReport(name: linkName, run: run.name, claims: claims.count, clusters: result.clusters,
                                links: links.count, replaced: existed)
        return (report, docIDs)
    }

    /// The newest link run of `run` (or any run when nil), or the one named `name`.
    public func linkRun(named name: String?, run: RunRef? = nil) throws(WorkbenchError) -> LinkRunInfo? {
        let all = try db(store.linkRuns())
        if let name {
            guard let found = all.first(where: { $0.name.isExactly(name) }) else { throw .store(.unknownLinkRun(name)) }
            return found
        }
        return all.last { run == nil || $0.runID == run?.rowID }
    }

    /// A run's newest link run with its links loaded, or nil when it has none: `score` and `report`
    /// load it once and hand it to each section that reads it (each load reads every claim of the
    /// run with its document's text).
    func loadedLinks(of run: RunRef) throws(WorkbenchError) -> (info: LinkRunInfo, loaded: LoadedLinks)? {
        guard let info = try linkRun(named: nil, run: run) else { return nil }
        return (info, try loadLinks(info, run: run))
    }

    /// A stored link run with its claims read back (as they are now) and its clusters and links.
    /// `run`: the linked run when the caller holds its ref (else it is looked up by row id).
    public func loadLinks(_ info: LinkRunInfo, run known: RunRef? = nil) throws(WorkbenchError) -> LoadedLinks {
        let run: RunRef
        if let known, known.rowID == info.runID {
            run = known
        } else {
            guard let found = try db(store.runRefs()).first(where: { $0.rowID == info.runID }) else {
                throw .unknownRun("#\(info.runID)")
            }
            run = found
        }
        let claims = try linkableClaims(runID: info.runID)
        let stored = try db(store.linkClusters(linkRunID: info.rowID))
        var linksOf: [String: [Link]] = [:]
        for l in try db(store.links(linkRunID: info.rowID)) {
            linksOf[l.cluster, default: []].append(Link(a: l.a, b: l.b, score: l.score, reasons: LinkReasonCoding.decode(l.reasons)))
        }
        var clusterOf: [Int64: Int] = [:]
        let clusters = stored.enumerated().map { i, c in
            for id in c.claimIDs { clusterOf[id] = i }
            return Cluster(id: c.id, claimIDs: c.claimIDs, links: linksOf[c.id] ?? [])
        }
        return LoadedLinks(info: info, run: run, result: LinkResult(clusters: clusters, clusterOf: clusterOf), claims: claims)
    }

    /// The newest link run's result, or an error saying `link` makes one.
    public func requireLinks(linkRun name: String? = nil, run: RunRef? = nil) throws(WorkbenchError) -> LoadedLinks {
        guard let info = try linkRun(named: name, run: run) else {
            throw .usage("no link run" + (run.map { " of run \"\(TerminalSafe.escape($0.name))\"" } ?? "")
                + " yet: `claimdesk link` links the claims first")
        }
        return try loadLinks(info, run: run)
    }

    /// Standing link verdicts in a run, every analyst's (a later verdict on a pair replaces theirs).
    public func linkJudgements(runID: Int64) throws(WorkbenchError) -> [LinkJudgement] {
        ReviewLedger(try db(store.annotations(runID: runID))).linkJudgements
    }
}

/// How a link's reasons and the linker's options are stored: JSON the store keeps as text.
enum LinkReasonCoding {
    static func encode(_ reasons: [LinkReason]) -> String {
        JSONValue.array(reasons.map { r in
            var fields: [(String, JSONValue)] = [("kind", .string(r.kind))]
            switch r {
            case let .sharedShingles(shared, total): fields += [("shared", .number(String(shared))), ("total", .number(String(total)))]
            case let .creditedOutlet(o), let .sameCreditedOutlet(o): fields.append(("outlet", .string(o)))
            case let .sharedNames(names): fields.append(("names", .array(names.map(JSONValue.string))))
            case let .numberConflict(a, b): fields += [("a", .string(a)), ("b", .string(b))]
            case .sameSource, .bothAnonymous, .sameNumbers, .qualifiedNumber, .repeatedInDocument: break
            }
            return .object(fields)
        }).serialized
    }

    /// The reasons `encode` wrote; an entry of an unknown kind is left out.
    static func decode(_ text: String) -> [LinkReason] {
        guard case let .array(items)? = JSONValue(parsing: text) else { return [] }
        return items.compactMap { item -> LinkReason? in
            func int(_ key: String) -> Int { if case let .number(n)? = item[key] { Int(n) ?? 0 } else { 0 } }
            func str(_ key: String) -> String { item[key]?.stringValue ?? "" }
            switch item["kind"]?.stringValue {
            case "shared_shingles": return .sharedShingles(shared: int("shared"), total: int("total"))
            case "same_source": return .sameSource
            case "credited_outlet": return .creditedOutlet(str("outlet"))
            case "same_credited_outlet": return .sameCreditedOutlet(str("outlet"))
            case "both_anonymous": return .bothAnonymous
            case "shared_names":
                guard case let .array(names)? = item["names"] else { return .sharedNames([]) }
                return .sharedNames(names.compactMap(\.stringValue))
            case "same_numbers": return .sameNumbers
            case "qualified_number": return .qualifiedNumber
            case "number_conflict": return .numberConflict(str("a"), str("b"))
            case "repeated_in_document": return .repeatedInDocument
            default: return nil
            }
        }
    }

    static func encode(_ o: Linker.Options) -> String {
        func n(_ d: Double) -> JSONValue { .number(String(d)) }
        func i(_ v: Int) -> JSONValue { .number(String(v)) }
        return JSONValue.object([
            ("bands", i(o.bands)), ("rows", i(o.rows)), ("threshold", n(o.threshold)), ("source_bonus", n(o.sourceBonus)),
            ("detail_bonus", n(o.detailBonus)), ("minimum_jaccard", n(o.minimumJaccard)),
            ("same_document_jaccard", n(o.sameDocumentJaccard)), ("max_days", i(o.maxDays)), ("max_bucket", i(o.maxBucket)),
        ]).serialized
    }
}

/// How `trail` prints: a text screen, or the provenance JSON of the cluster(s).
public enum TrailFormat: String, Sendable, CaseIterable {
    case text, json
}

/// What `trail` was asked for: a claim (its row id, as `claims` lists it: `42` or `#42`) or a document.
public enum TrailTarget: Sendable, Equatable {
    case claim(Int64)
    case document(String)

    /// `#42` is always a claim; `42` is a claim when digits only (a document whose id is all
    /// digits is named with a leading `doc:`); `doc:ID` and anything else is a document.
    public init(_ text: String) {
        if text.hasPrefix("doc:") { self = .document(String(text.dropFirst(4))); return }
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = Int64(digits), id > 0 { self = .claim(id) } else { self = .document(text) }
    }
}

extension Workspace {
    /// `claimdesk trail`: the trail of a claim's cluster, or of every cluster holding a claim of a
    /// document, from the newest link run of the claim's run (or `linkRun`).
    /// `typed`: the argument as given, so that bare digits read as a claim's id ("010") can point
    /// to the documents whose id they begin (`doc:ID` names a document; ids are not prefixes there).
    public func trail(_ target: TrailTarget, format: TrailFormat, linkRun: String? = nil, compact: Bool = false,
                      typed: String? = nil) throws(WorkbenchError) -> String {
        let loaded: LoadedLinks
        let wanted: [Int64]
        let what: String
        /// The documents of the link run's run whose id starts with the typed digits, as a hint.
        func documentsTyped(runID: Int64?) -> String {
            guard let typed, !typed.hasPrefix("#"), let runID,
                  let ids = try? store.documentIDs(runID: runID, prefix: typed, limit: 4), !ids.isEmpty else { return "" }
            let named = ids.prefix(3).map { "`claimdesk trail \(ShellWord.quoted("doc:" + $0))`" }.joined(separator: ", ")
            return "; for a document whose id starts with \(TerminalSafe.quoted(typed)): \(named)\(ids.count > 3 ? ", …" : "")"
        }
        switch target {
        case let .claim(id):
            guard let claim = try db(store.attribution(rowID: id)) else {
                let newest = try? requireLinks(linkRun: linkRun)
                let hint = documentsTyped(runID: newest?.info.runID)
                if hint.isEmpty { throw .store(.unknownAttribution(id)) }
                throw .usage(StoreError.unknownAttribution(id).description + hint)
            }
            let run = try db(store.runRefs()).first { $0.rowID == claim.runID }
            loaded = try requireLinks(linkRun: linkRun, run: linkRun == nil ? run : nil)
            wanted = [id]
            what = "claim #\(id)"
        case let .document(docID):
            let document = try requireDocument(docID)
            loaded = try requireLinks(linkRun: linkRun)
            wanted = try db(store.attributions(runID: loaded.info.runID, documentRowID: document.rowID, origin: .run)).map(\.rowID)
            what = "document \"\(TerminalSafe.escape(docID))\""
        }
        var clusters: [Cluster] = []
        for id in wanted {
            if let c = loaded.result.cluster(of: id), !clusters.contains(where: { $0.id == c.id }) { clusters.append(c) }
        }
        switch format {
        case .json:
            return TerminalSafe.json(ProvenanceJSON.write(LinkResult(clusters: clusters, clusterOf: [:]), claims: loaded.claims))
        case .text:
            if clusters.isEmpty {
                let hint = if case .claim = target { documentsTyped(runID: loaded.info.runID) } else { "" }
                return "\(what) is in no cluster of link run \"\(TerminalSafe.escape(loaded.info.name))\": nothing repeats it" + hint
            }
            return clusters.map { Self.trailText($0, loaded, compact: compact) }.joined(separator: "\n\n")
        }
    }

    /// The text screen of one cluster's trail: a line per claim by date (publisher, source, the
    /// outlet it credits, its content), the trail's edges, the first appearance and the variants
    /// with the words they changed. Every stored text is escaped; cut text ends in `…`, in the
    /// quoted contents and variants as in the other columns.
    /// `compact` (the REPL, whose replies wrap at the terminal's width): the content goes on its own
    /// indented line under each claim's line instead of in a last column, after the outlet the claim
    /// credits (`credits Reuters: "…"`): as a column it took the claim line past 80 characters, and
    /// wrapped, a credited outlet stood on a line of its own like another row.
    public static func trailText(_ cluster: Cluster, _ loaded: LoadedLinks, compact: Bool = false) -> String {
        var byID: [Int64: LinkableClaim] = [:]
        for c in loaded.claims { byID[c.id] = c }
        let publishers = Set(loaded.claims.compactMap(\.publisher)).sorted()
        let trail = Trail(cluster: cluster, claims: byID, publishers: publishers)
        let documents = Set(trail.entries.map(\.claim.docID)).count
        var lines = ["cluster \(cluster.id): \(trail.entries.count) claims in \(documents) document\(documents == 1 ? "" : "s")"
            + " (link run \"\(TerminalSafe.escape(loaded.info.name))\")"]
        if let first = trail.first?.claim {
            lines.append("first appearance: #\(first.id) in \(TerminalSafe.escape(first.docID))"
                + (first.publisher.map { ", " + TerminalSafe.escape($0) } ?? "") + (first.publicationDate.map { ", " + TerminalSafe.escape($0) } ?? ""))
        }
        var table = TextTable(["date", "doc", "publisher", "claim", "source"] + (compact ? [] : ["credits", "content"]))
        for e in trail.entries {
            let c = e.claim
            table.add([c.publicationDate ?? "-", TerminalSafe.short(c.docID, compact ? 18 : 24), TerminalSafe.short(c.publisher ?? "-", compact ? 14 : 20),
                       "#\(c.id)", TerminalSafe.short(c.sourceText ?? "-", compact ? 18 : 28)]
                      + (compact ? [] : [TerminalSafe.short(e.creditedOutlet ?? "-", 16), TerminalSafe.quoted(c.contentText, limit: 60, ellipsis: "…")]))
        }
        if compact {
            let rows = table.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.append(rows[0])
            for (row, e) in zip(rows.dropFirst(), trail.entries) {
                lines.append(row)
                let credit = e.creditedOutlet.map { "credits " + TerminalSafe.short($0, 16) + ": " } ?? ""
                lines.append("    " + credit + TerminalSafe.quoted(e.claim.contentText, limit: min(70, 74 - credit.count), ellipsis: "…"))
            }
        } else {
            lines.append(table.rendered)
        }
        if !trail.edges.isEmpty {
            lines.append("edges:")
            for edge in trail.edges {
                switch edge {
                case let .credits(doc, outlet): lines.append("  \(TerminalSafe.escape(doc)) credits \(TerminalSafe.escape(outlet))")
                case let .repeats(doc, from): lines.append("  \(TerminalSafe.escape(doc)) repeats \(TerminalSafe.escape(from))")
                }
            }
        }
        if !trail.variants.isEmpty, let first = trail.first?.claim {
            lines.append("variants (against #\(first.id)):")
            for v in trail.variants {
                var parts: [String] = []
                if !v.removed.isEmpty { parts.append("dropped " + TerminalSafe.quoted(v.removed.joined(separator: " "), ellipsis: "…")) }
                if !v.added.isEmpty { parts.append("added " + TerminalSafe.quoted(v.added.joined(separator: " "), ellipsis: "…")) }
                if v.numberConflict { parts.append("number conflict") }
                lines.append("  #\(v.claimID) in \(TerminalSafe.escape(v.docID)): " + parts.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Workspace {
    /// Whether a claim of this row id is stored (any run): a link verdict may name a claim of another run.
    public func claimExists(rowID: Int64) throws(WorkbenchError) -> Bool {
        try db(store.attribution(rowID: rowID)) != nil
    }
}

extension Workspace {
    /// `export --format provenance|graphml --run R`: the newest link run of R through the
    /// Provenance module's writers, written atomically (refused over an existing file unless --force).
    /// `run`: the run `request` names, as `export` resolved it (nil for a gold selection).
    func exportLinks(_ request: ExportRequest, run: RunRef?) throws(WorkbenchError) -> ExportReport {
        guard let run else {
            throw .usage("--format \(request.format.rawValue) exports a link run: give --run NAME (the run `claimdesk link` linked)")
        }
        try requireNotStore(file: request.out)
        let loaded = try requireLinks(run: run)
        let graph = request.format == .graphml ? GraphML.written(loaded.result, claims: loaded.claims) : nil
        let text = graph?.text ?? ProvenanceJSON.write(loaded.result, claims: loaded.claims)
        var file = try AtomicFile(path: request.out, replacing: request.force)
        try file.write(text)
        try file.commit()
        let claims = loaded.result.clusters.reduce(0) { $0 + $1.claimIDs.count }
        let documents = Set(loaded.claims.filter { loaded.result.clusterOf[$0.id] != nil }.map(\.docID)).count
        var report = ExportReport(path: request.out, documents: documents, attributions: claims)
        report.linkSummary = "wrote \(plural(loaded.result.clusters.count, "cluster")) (\(plural(claims, "claim")) in \(plural(documents, "document"))) of link run \""
            + TerminalSafe.escape(loaded.info.name) + "\" to " + TerminalSafe.escape(request.out)
        if let graph {
            // The graph's own counts: its nodes are documents, outlets and sources, not claims, so
            // `link`'s claims and links are not what a graph reader counts.
            let kinds = ["document", "outlet", "source"].map { plural(graph.nodes[$0] ?? 0, $0) }.joined(separator: ", ")
            report.linkSummary? += "\ngraph: \(plural(graph.nodeCount, "node")) (\(kinds)), \(plural(graph.edges, "edge"))"
        }
        return report
    }
}

/// The linker scored against the analysts' link verdicts: pairwise over the judged pairs, and
/// per claim (B-cubed) against the clusters the `same` verdicts form among the judged claims.
public struct LinkScoreSection: Sendable {
    public var linkRun: String
    public var clusters: Int
    public var links: Int
    public var verdicts: Int
    public var pairwise: LinkPRF
    public var perClaim: LinkPRF

    public var table: String {
        func f(_ d: Double) -> String { String(format: "%.3f", d) }
        var lines = ["links: link run \"\(TerminalSafe.escape(linkRun))\", \(clusters) cluster\(clusters == 1 ? "" : "s"), "
            + "\(links) link\(links == 1 ? "" : "s"), against \(verdicts) link verdict\(verdicts == 1 ? "" : "s") (same/different)"]
        if verdicts == 0 {
            lines.append("  no link verdicts yet: `same ID` / `different ID` in the review REPL give them")
            return lines.joined(separator: "\n")
        }
        var table = TextTable([.left, .right, .right, .right, .left])
        table.add(["", "P", "R", "F1", ""])
        table.add(["pairwise", f(pairwise.precision), f(pairwise.recall), f(pairwise.f1),
                   "pairs: \(pairwise.agreed) agreed, \(pairwise.predicted) linked, \(pairwise.gold) judged same"])
        table.add(["per claim (B-cubed)", f(perClaim.precision), f(perClaim.recall), f(perClaim.f1), ""])
        lines.append(table.render(indent: "  "))
        return lines.joined(separator: "\n")
    }

    public var json: JSONValue {
        return .object([("link_run", .string(linkRun)), ("clusters", .number(String(clusters))), ("links", .number(String(links))),
                        ("verdicts", .number(String(verdicts))), ("pairwise", pairwise.json(counts: true)),
                        ("per_claim", perClaim.json(counts: false))])
    }
}

extension Workspace {
    /// The "links" section of `score` and `report` from the run's loaded link run (`loadedLinks`).
    func linkScore(run: RunRef, links: (info: LinkRunInfo, loaded: LoadedLinks), annotator: String? = nil) throws(WorkbenchError) -> LinkScoreSection {
        let (info, loaded) = links
        let judgements = try linkJudgements(runID: run.rowID).filter { annotator == nil || $0.annotator == annotator }
        let predicted = LinkScore.names(loaded.result)
        let verdicts = judgements.map { LinkVerdict(a: $0.a, b: $0.b, same: $0.same) }
        // Gold clusters among the judged claims: the components the `same` verdicts join.
        var parent: [Int64: Int64] = [:]
        func root(_ x: Int64) -> Int64 {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        var judged: [Int64] = []
        for j in judgements {
            for id in [j.a, j.b] where parent[id] == nil {
                parent[id] = id
                judged.append(id)
            }
            if j.same { parent[root(j.b)] = root(j.a) }
        }
        var gold: [Int64: String] = [:]
        for id in judged { gold[id] = "g\(root(id))" }
        return LinkScoreSection(linkRun: info.name, clusters: loaded.result.clusters.count, links: loaded.result.links.count,
                                verdicts: judgements.count, pairwise: LinkScore.verdicts(verdicts, predicted: predicted),
                                perClaim: LinkScore.bCubed(claims: judged, predicted: predicted, gold: gold))
    }
}

extension Workspace {
    /// The report's provenance section: clusters by size, originating and relaying outlets, the
    /// link scores, and the biggest cluster's trail drawn as inline SVG (no external resource).
    /// nil when the run has no link run (`links` nil).
    func provenanceSection(run: RunRef, links: (info: LinkRunInfo, loaded: LoadedLinks)?, annotator: String?,
                           goldLinks: GoldClusterScore? = nil) throws(WorkbenchError) -> String? {
        guard let links else { return nil }
        let (info, loaded) = links
        let e = HTMLReport.escape
        var byID: [Int64: LinkableClaim] = [:]
        for c in loaded.claims { byID[c.id] = c }
        let publishers = Set(loaded.claims.compactMap(\.publisher)).sorted()
        let trails = loaded.result.clusters.map { Trail(cluster: $0, claims: byID, publishers: publishers) }
        var out = ["<section id=\"provenance\"><h2>Provenance (link run \(e("\"" + info.name + "\"")))</h2>"]
        guard !trails.isEmpty else {
            out.append("<p class=\"note\">No claim is repeated across documents in this run.</p></section>")
            return out.joined(separator: "\n")
        }
        out.append("<table class=\"clusters\"><thead><tr><th>cluster</th><th>claims</th><th>documents</th><th>first appearance</th><th>variants</th></tr></thead><tbody>")
        for t in trails {
            let docs = Set(t.entries.map(\.claim.docID)).count
            let first = t.first.map { f in
                [f.claim.docID, f.claim.publisher, f.claim.publicationDate].compactMap { $0 }.joined(separator: ", ")
            } ?? "–"
            out.append("<tr><td>\(e(t.clusterID))</td><td>\(t.entries.count)</td><td>\(docs)</td><td>\(e(first))</td><td>\(t.variants.count)</td></tr>")
        }
        out.append("</tbody></table>")
        // Originating: the publisher of a cluster's first appearance; relaying: of every later one.
        var originated: [String: Int] = [:], relayed: [String: Int] = [:]
        for t in trails {
            for (i, entry) in t.entries.enumerated() {
                let outlet = entry.claim.publisher ?? "(no publisher)"
                if i == 0 { originated[outlet, default: 0] += 1 } else { relayed[outlet, default: 0] += 1 }
            }
        }
        out.append("<h3>Originating and relaying outlets</h3>")
        out.append("<table class=\"outlets\"><thead><tr><th>outlet</th><th>first to carry</th><th>relayed</th></tr></thead><tbody>")
        let outlets = Set(originated.keys).union(relayed.keys).sorted {
            (originated[$0] ?? 0, relayed[$0] ?? 0, $1) > (originated[$1] ?? 0, relayed[$1] ?? 0, $0)
        }
        for o in outlets {
            out.append("<tr><td>\(e(o))</td><td>\(originated[o] ?? 0)</td><td>\(relayed[o] ?? 0)</td></tr>")
        }
        out.append("</tbody></table>")
        let score = try linkScore(run: run, links: links, annotator: annotator)
        if score.verdicts > 0 {
            out.append("<p class=\"note\">Against \(score.verdicts) link verdicts: pairwise P \(HTMLReport.fixed(score.pairwise.precision)) "
                + "R \(HTMLReport.fixed(score.pairwise.recall)) F1 \(HTMLReport.fixed(score.pairwise.f1)); per claim (B-cubed) "
                + "P \(HTMLReport.fixed(score.perClaim.precision)) R \(HTMLReport.fixed(score.perClaim.recall)) F1 \(HTMLReport.fixed(score.perClaim.f1)).</p>")
        }
        if let g = goldLinks {
            out.append("<p class=\"note\">Against the gold clusters of run \(e("\"" + g.goldRun + "\"")) (\(g.clusteredClaims) claims in \(g.goldClusters) clusters): "
                + "pairwise P \(HTMLReport.fixed(g.pairwise.precision)) R \(HTMLReport.fixed(g.pairwise.recall)) F1 \(HTMLReport.fixed(g.pairwise.f1)) "
                + "(pairs: \(g.pairwise.agreed) agreed, \(g.pairwise.predicted) linked, \(g.pairwise.gold) in gold); per claim (B-cubed) "
                + "P \(HTMLReport.fixed(g.perClaim.precision)) R \(HTMLReport.fixed(g.perClaim.recall)) F1 \(HTMLReport.fixed(g.perClaim.f1)).</p>")
        }
        out.append("<h3>Trail of cluster \(e(trails[0].clusterID))</h3>")
        out.append(Self.trailSVG(trails[0]))
        out.append("</section>")
        return out.joined(separator: "\n")
    }

    /// One trail as an SVG: a box per claim in date order (publisher, date, document), an arrow
    /// from each repeating document to the document it repeats, the outlets it credits under it.
    static func trailSVG(_ trail: Trail) -> String {
        let e = HTMLReport.escape
        let entries = Array(trail.entries.prefix(8))
        let boxW = 150.0, boxH = 54.0, gap = 40.0, top = 40.0, left = 10.0
        let width = left * 2 + Double(entries.count) * boxW + Double(max(0, entries.count - 1)) * gap
        let height = top + boxH + 60
        var x: [String: Double] = [:]
        var svg = ["<svg class=\"trail\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"trail of cluster \(e(trail.clusterID))\">"]
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#556\"/></marker></defs>")
        for (i, entry) in entries.enumerated() {
            let bx = left + Double(i) * (boxW + gap)
            if x[entry.claim.docID] == nil { x[entry.claim.docID] = bx }
            let fill = entry.isFirst ? "#dbe9ff" : "#f3f5f9"
            svg.append("<rect x=\"\(Int(bx))\" y=\"\(Int(top))\" width=\"\(Int(boxW))\" height=\"\(Int(boxH))\" rx=\"6\" fill=\"\(fill)\" stroke=\"#8a94a6\"/>")
            svg.append("<text x=\"\(Int(bx + 8))\" y=\"\(Int(top + 18))\" font-size=\"13\" font-weight=\"600\">\(e(String((entry.claim.publisher ?? "–").prefix(20))))</text>")
            svg.append("<text x=\"\(Int(bx + 8))\" y=\"\(Int(top + 33))\" font-size=\"11\">\(e(entry.claim.publicationDate ?? "no date"))</text>")
            svg.append("<text x=\"\(Int(bx + 8))\" y=\"\(Int(top + 47))\" font-size=\"11\" fill=\"#556\">\(e(String(entry.claim.docID.prefix(22))))</text>")
            if let credited = entry.creditedOutlet {
                svg.append("<text x=\"\(Int(bx + 8))\" y=\"\(Int(top + boxH + 16))\" font-size=\"11\" fill=\"#556\">credits \(e(String(credited.prefix(18))))</text>")
            }
        }
        for edge in trail.edges {
            guard case let .repeats(doc, from) = edge, let x1 = x[doc], let x2 = x[from], x1 != x2 else { continue }
            let (start, end) = (x1 + boxW / 2, x2 + boxW / 2)
            let mid = (start + end) / 2
            svg.append("<path d=\"M\(Int(start)),\(Int(top)) Q\(Int(mid)),\(Int(top - 34)) \(Int(end)),\(Int(top))\" fill=\"none\" stroke=\"#556\" marker-end=\"url(#arrow)\"/>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}

extension Workspace {
    /// The gold JSONL's `cluster` labels from the analysts' link verdicts (of `annotator`, or
    /// everyone's): claims joined by standing `same` verdicts share `link-N` (N the smallest claim
    /// row id of the group); a pair that any standing verdict calls `different` is not joined.
    /// Empty when nobody gave a link verdict.
    func goldLinkClusters(annotator: String?) throws(WorkbenchError) -> [Int64: String] {
        let judgements = ReviewLedger(try db(store.linkVerdictLog())).linkJudgements
            .filter { annotator == nil || $0.annotator == annotator }
        guard !judgements.isEmpty else { return [:] }
        var different: Set<String> = []
        for j in judgements where !j.same { different.insert("\(j.a) \(j.b)") }
        var parent: [Int64: Int64] = [:]
        func root(_ x: Int64) -> Int64 {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for j in judgements where j.same && !different.contains("\(j.a) \(j.b)") {
            for id in [j.a, j.b] where parent[id] == nil { parent[id] = id }
            let (ra, rb) = (root(j.a), root(j.b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var labels: [Int64: String] = [:]
        for id in parent.keys { labels[id] = "link-\(root(id))" }
        return labels
    }

    /// A gold document with the link labels on the attributions whose claim has one (matched by
    /// the attribution's id among the document's stored claims).
    static func withLinkClusters(_ gold: GoldDocument, _ labels: [Int64: String]) -> AnnotatedDocument {
        var item = gold.exported
        var byExternalID: [String: String] = [:]
        for c in gold.claims {
            if let id = c.attribution.id, let label = labels[c.rowID] { byExternalID[id] = label }
        }
        guard !byExternalID.isEmpty else { return item }
        for i in item.attributions.indices {
            if let id = item.attributions[i].id, let label = byExternalID[id], item.attributions[i].cluster == nil {
                item.attributions[i].cluster = label
            }
        }
        return item
    }
}
