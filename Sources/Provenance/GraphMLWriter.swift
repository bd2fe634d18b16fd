/// The provenance graph as GraphML (Gephi, networkx, yEd): documents, outlets and sources as
/// nodes; a document is `published_by` its publisher, `quotes` the sources of its clustered
/// claims, `credits` the outlets those claims credit, and `repeats` the corpus document of the
/// credited outlet that carries the same claim. A source that is the credited outlet itself is
/// the outlet's node, linked by the `credits` edge (by `published_by` in the outlet's own story)
/// and by no `quotes` edge beside it (`sourceIsCreditedOutlet`).
///
/// Every string goes through `GraphML.escape`; characters XML 1.0 cannot hold at all (controls
/// other than tab, newline and carriage return, U+FFFE, U+FFFF) become U+FFFD.
public enum GraphML {
    /// A written graph with what it holds, so the export can say the counts a reader of the file
    /// (networkx's `number_of_nodes`/`number_of_edges`) should find.
    public struct Written: Sendable, Equatable {
        public var text: String
        /// Nodes per kind (`document`, `outlet`, `source`).
        public var nodes: [String: Int]
        public var edges: Int
        public var nodeCount: Int { nodes.values.reduce(0, +) }
    }

    public static func write(_ result: LinkResult, claims: [LinkableClaim]) -> String {
        written(result, claims: claims).text
    }

    public static func written(_ result: LinkResult, claims: [LinkableClaim]) -> Written {
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let publishers = Set(claims.compactMap(\.publisher)).sorted()
        var nodes: [(id: String, kind: String, label: String)] = []
        var seenNodes = Set<String>()
        var edges: [(from: String, to: String, kind: String, cluster: String)] = []
        var seenEdges = Set<String>()
        func node(_ id: String, _ kind: String, _ label: String) {
            if seenNodes.insert(id).inserted { nodes.append((id, kind, label)) }
        }
        func edge(_ from: String, _ to: String, _ kind: String, _ cluster: String) {
            if seenEdges.insert(from + "\u{0}" + to + "\u{0}" + kind + "\u{0}" + cluster).inserted {
                edges.append((from, to, kind, cluster))
            }
        }
        for cluster in result.clusters {
            let trail = Trail(cluster: cluster, claims: byID, publishers: publishers)
            for entry in trail.entries {
                let c = entry.claim
                let doc = "doc:" + c.docID
                node(doc, "document", c.docID)
                if let p = c.publisher {
                    let name = Outlets.canonical(p)
                    node("outlet:" + name, "outlet", name)
                    edge(doc, "outlet:" + name, "published_by", "")
                }
                // A source that is the outlet the claim credits ("Reuters said … (Reuters)") is that
                // outlet's node: the document's `credits` edge (or, in the outlet's own story, its
                // `published_by` edge) already links them, and a `quotes` edge beside it would be a
                // second edge between the same two nodes (networkx then reads a multigraph).
                guard !sourceIsCreditedOutlet(entry) else { continue }
                let source = sourceNode(c)
                node(source.id, "source", source.label)
                edge(doc, source.id, "quotes", cluster.id)
            }
            for e in trail.edges {
                switch e {
                case let .credits(doc, outlet):
                    node("outlet:" + outlet, "outlet", outlet)
                    edge("doc:" + doc, "outlet:" + outlet, "credits", cluster.id)
                case let .repeats(doc, from):
                    edge("doc:" + doc, "doc:" + from, "repeats", cluster.id)
                }
            }
        }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="kind" for="node" attr.name="kind" attr.type="string"/>
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
          <key id="cluster" for="edge" attr.name="cluster" attr.type="string"/>
          <graph id="provenance" edgedefault="directed">

        """
        for n in nodes {
            out += "    <node id=\"\(escape(n.id))\"><data key=\"kind\">\(n.kind)</data><data key=\"label\">\(escape(n.label))</data></node>\n"
        }
        for (i, e) in edges.enumerated() {
            out += "    <edge id=\"e\(i + 1)\" source=\"\(escape(e.from))\" target=\"\(escape(e.to))\"><data key=\"relation\">\(e.kind)</data>"
            if !e.cluster.isEmpty { out += "<data key=\"cluster\">\(escape(e.cluster))</data>" }
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        var kinds: [String: Int] = [:]
        for n in nodes { kinds[n.kind, default: 0] += 1 }
        return Written(text: out, nodes: kinds, edges: edges.count)
    }

    /// Whether the claim's source text names the very outlet the claim credits, by canonical
    /// name ("the AP" and "Associated Press" are one): then the source is no node of its own.
    static func sourceIsCreditedOutlet(_ entry: Trail.Entry) -> Bool {
        guard let credited = Outlets.key(entry.creditedOutlet), let source = entry.claim.sourceText else { return false }
        return Outlets.key(source) == credited
    }

    /// A source is one node across documents when it is named (by its entity slug, else its
    /// text); an unnamed source is its own node per document, since "sources" in two stories need
    /// not be the same people.
    static func sourceNode(_ c: LinkableClaim) -> (id: String, label: String) {
        let label = c.sourceText ?? "(no source)"
        if SourceKind(c) == .named {
            let key = c.sourceEntity ?? label.lowercased()
            return ("source:" + key, label)
        }
        return ("source:" + c.docID + ":" + (c.sourceEntity ?? label.lowercased()), label)
    }

    /// Text safe inside an XML attribute or element: `& < > " '` as entities, characters XML 1.0
    /// forbids as U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t", "\n", "\r": out.append(contentsOf: "&#\(c.value);".unicodeScalars)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF {
                    out.append("\u{FFFD}")
                } else {
                    out.append(c)
                }
            }
        }
        return String(out)
    }
}
