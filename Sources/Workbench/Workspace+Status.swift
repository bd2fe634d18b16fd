import ClaimStore

extension Workspace {
    /// What bare `claimdesk` prints: the store, its contents, and what to do next.
    public func status() throws(WorkbenchError) -> String {
        let documents = try db { () throws(StoreError) in try store.documentCount() }
        let runs = try db { () throws(StoreError) in try store.runs() }
        let claims = runs.reduce(0) { $0 + $1.claims }
        var lines = [
            "store: \(storePath)",
            "documents: \(documents)",
            "runs: \(runs.isEmpty ? "none" : runs.map { "\($0.name) (\($0.claims) claims)" }.joined(separator: ", "))",
            "claims: \(claims)",
            "",
        ]
        if documents == 0 {
            lines.append("next: claimdesk ingest corpora        (add the shipped articles)")
        } else if runs.isEmpty {
            lines.append("next: claimdesk extract               (find the attributions)")
        } else {
            lines.append("next: claimdesk claims --run \(runs[0].name)   (list them)")
            lines.append("      claimdesk annotate              (review them)")
        }
        return lines.joined(separator: "\n")
    }
}
