import ClaimModel
import ClaimStore
import Interchange

/// Output formats of the listing commands.
public enum ListingFormat: String, Sendable, CaseIterable {
    case table, json
}

extension Workspace {
    public func runsListing(format: ListingFormat) throws(WorkbenchError) -> String {
        let runs = try db(store.runs())
        switch format {
        case .json:
            return "[" + runs.map { r in
                JSONValue.object([
                    ("name", .string(r.name)), ("kind", .string(r.kind.rawValue)), ("extractor", .string(r.extractor)),
                    ("version", r.version.map { .string($0) } ?? .null), ("parameters", r.parameters.map { .string($0) } ?? .null),
                    ("created_at", .string(r.createdAt)), ("documents", .number(String(r.documents))),
                    ("claims", .number(String(r.claims))),
                ]).serialized
            }.joined(separator: ",\n ") + "]"
        case .table:
            if runs.isEmpty { return "no runs yet: `claimdesk extract` runs the built-in extractor" }
            var table = TextTable(["run", "kind", "extractor", "version", "documents", "claims", "created"])
            for r in runs {
                table.add([r.name, r.kind.rawValue, r.extractor, r.version ?? "-", String(r.documents), String(r.claims), r.createdAt])
            }
            return table.rendered
        }
    }

    public func docsListing(format: ListingFormat) throws(WorkbenchError) -> String {
        let docs = try db(store.documentSummaries())
        switch format {
        case .json:
            return "[" + docs.map { d in
                JSONValue.object([
                    ("doc_id", .string(d.docID)), ("title", d.title.map { .string($0) } ?? .null),
                    ("publisher", d.publisher.map { .string($0) } ?? .null), ("scalars", .number(String(d.scalarCount))),
                    ("claims", .number(String(d.claims))), ("done_by", .array(d.doneBy.map { .string($0) })),
                ]).serialized
            }.joined(separator: ",\n ") + "]"
        case .table:
            if docs.isEmpty { return "no documents yet: `claimdesk ingest corpora` adds the shipped corpus" }
            var table = TextTable(["doc_id", "publisher", "chars", "claims", "done by", "title"])
            for d in docs {
                table.add([TerminalSafe.short(d.docID, 40), TerminalSafe.short(d.publisher ?? "-", 20), String(d.scalarCount),
                           String(d.claims), d.doneBy.isEmpty ? "-" : d.doneBy.joined(separator: ","),
                           TerminalSafe.short(d.title ?? "-", 60)])
            }
            return table.rendered
        }
    }

    /// Claims of a run (all runs when nil) in a document (all when nil).
    public func claimsListing(run: String?, doc: String?, format: ListingFormat) throws(WorkbenchError) -> String {
        let runInfo = try run.map { name throws(WorkbenchError) in try requireRunRef(name) }
        let document = try doc.map { id throws(WorkbenchError) in try requireDocument(id) }
        let claims = try db(store.attributions(runID: runInfo?.rowID, documentRowID: document?.rowID, origin: nil))
        let runs = try db(store.runRefs())
        var runNames: [Int64: String] = [:]
        for r in runs { runNames[r.rowID] = r.name }
        var texts: [Int64: (StoredDocument, ScalarText)] = [:]
        var seen: Set<Int64> = []
        let documentIDs = claims.map(\.documentRowID).filter { seen.insert($0).inserted }
        for d in try db(store.documents(rowIDs: documentIDs)) {
            texts[d.rowID] = (d, ScalarText(d.document.text))
        }
        switch format {
        case .json:
            return "[" + claims.compactMap { c in
                guard let (d, text) = texts[c.documentRowID] else { return nil }
                return Self.claimJSON(c, run: runNames[c.runID] ?? "?", docID: d.document.id, text: text).serialized
            }.joined(separator: ",\n ") + "]"
        case .table:
            if claims.isEmpty { return "no claims" + (run.map { " in run \"\($0)\"" } ?? "") + (doc.map { " in document \"\($0)\"" } ?? "") }
            var table = TextTable(["#", "run", "doc", "source", "cue", "content", "outlet", "type", "anon", "entity", "conf"])
            for c in claims {
                guard let (d, text) = texts[c.documentRowID] else { continue }
                let a = c.attribution
                func role(_ f: Fragments?, _ limit: Int) -> String { f.map { TerminalSafe.short(text.slice($0), limit) } ?? "-" }
                table.add([
                    String(c.rowID), runNames[c.runID] ?? "?", TerminalSafe.short(d.document.id, 24),
                    role(a.source, 36), role(a.cue, 20), role(a.content, 48),
                    TerminalSafe.short(a.outlet ?? "-", 20), a.sourceType?.rawValue ?? "-",
                    a.anonymous.map { $0 ? "yes" : "no" } ?? "-", TerminalSafe.short(a.sourceEntity ?? "-", 24),
                    a.confidence.map { String(format: "%.2f", $0) } ?? "-",
                ])
            }
            return table.rendered
        }
    }

    static func claimJSON(_ c: StoredAttribution, run: String, docID: String, text: ScalarText) -> JSONValue {
        let a = c.attribution
        func span(_ f: Fragments?) -> JSONValue {
            guard let f else { return .null }
            return .array([.number(String(f.hull.start)), .number(String(f.hull.end))])
        }
        func fragments(_ f: Fragments?) -> JSONValue {
            guard let f else { return .null }
            return .array(f.spans.map { .array([.number(String($0.start)), .number(String($0.end))]) })
        }
        func slice(_ f: Fragments?) -> JSONValue { f.map { .string(text.slice($0.hull)) } ?? .null }
        return .object([
            ("claim", .number(String(c.rowID))), ("run", .string(run)), ("doc_id", .string(docID)),
            ("id", a.id.map { .string($0) } ?? .null), ("origin", .string(c.origin.rawValue)),
            ("source", span(a.source)), ("cue", span(a.cue)), ("content", span(a.content)),
            ("source_fragments", fragments(a.source)), ("cue_fragments", fragments(a.cue)),
            ("content_fragments", fragments(a.content)),
            ("source_text", slice(a.source)), ("cue_text", slice(a.cue)), ("content_text", slice(a.content)),
            ("outlet", a.outlet.map { .string($0) } ?? .null), ("source_type", a.sourceType.map { .string($0.rawValue) } ?? .null),
            ("anonymous", a.anonymous.map { .bool($0) } ?? .null), ("source_entity", a.sourceEntity.map { .string($0) } ?? .null),
            ("confidence", a.confidence.map { .number(String($0)) } ?? .null),
        ])
    }
}
