import ClaimModel

/// `doc` and `show --doc`: the whole document with every claim marked.
extension Session {
    /// The current document with the current claim highlighted, or (with `id`) claim ID's
    /// document with that claim highlighted, without moving.
    func document(_ id: String?) throws(REPLError) -> String {
        guard let id else {
            guard let view else { throw .noDocument }
            return renderer.document(view, current: claimIndex)
        }
        // Moves nothing, as `show #ID` does: a left-out document stays out of the queue.
        let found = try locateClaim(id)
        return renderer.document(found.view, current: found.claim)
    }
}
