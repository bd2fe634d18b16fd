import ClaimModel
import Review
import Workbench

/// The verbs of issue 14: the current claim's trail across documents, and verdicts on links.
extension Session {
    func trail() throws(REPLError) -> String {
        let (_, claim) = try current()
        let workspace = store.workspace
        return try Self.db { () throws(WorkbenchError) in try workspace.trail(.claim(claim.rowID), format: .text, compact: true) }
    }

    /// `same ID` / `different ID`: one log entry on the current claim naming the other; the other
    /// claim must exist and be another claim.
    func linkVerdict(same: Bool, other: Int64) throws(REPLError) -> String {
        let (_, claim) = try current()
        guard other != claim.rowID else {
            throw .store("#\(other) is the claim on screen: a link verdict needs another claim")
        }
        let workspace = store.workspace
        guard try Self.db({ () throws(WorkbenchError) in try workspace.claimExists(rowID: other) }) else {
            throw .unknownClaim(String(other))
        }
        _ = try record(entry(same ? .same(other: other) : .different(other: other), claim: claim))
        return same ? "same: #\(claim.rowID) and #\(other) are one claim" : "different: #\(claim.rowID) and #\(other) are not the same claim"
    }
}
