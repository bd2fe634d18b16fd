import Workbench

/// `keys` and `skip`: single-key mode and the verb its `s` key runs.
extension Session {
    /// `keys` says the mode; `keys on|off` sets it and remembers it for this analyst. The reply is
    /// the same on a terminal and under a pipe (where lines are read as usual whatever the mode).
    func keys(_ change: Bool?) throws(REPLError) -> String {
        guard let change else { return KeyMap.state(singleKeys) }
        let name = annotator
        try Self.db { () throws(WorkbenchError) in try store.setSingleKeys(change, name) }
        singleKeys = change
        return KeyMap.changed(change)
    }

    /// `skip`: no verdict on this claim for now; the next claim without one (the queue wraps).
    func skip() throws(REPLError) -> String {
        let (_, claim) = try current()
        let here = (docIndex, claimIndex)
        if let found = try search(fromDocument: docIndex, afterClaim: claimIndex, forward: true, unreviewedOnly: true, wrap: true),
           found.0 != here.0 || found.2 != here.1 {
            place(found)
            return "skipped #\(claim.rowID)\n" + currentScreen()
        }
        return "skipped #\(claim.rowID): no other claim in your queue is without your verdict" + (filter.map { " (filter: \($0))" } ?? "")
    }
}
