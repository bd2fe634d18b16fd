import ClaimStore
@testable import Terminal
import Workbench

// The tests build their stores with SQLiteStore directly; the sessions open on a `Workspace`
// (the terminal does not see the store). These spell the one in terms of the other.
extension Session {
    convenience init(store: any StoreContract, storePath: String, annotator: String, runName: String?, startDocument: String?,
                     renderer: Renderer, includeDone: Bool = false) throws(REPLError) {
        try self.init(workspace: Workspace(store: store), annotator: annotator, runName: runName,
                      startDocument: startDocument, renderer: renderer, includeDone: includeDone)
    }
}

extension AdjudicationSession {
    convenience init(store: any StoreContract, adjudicator: String, runName: String?, document: String?,
                     renderer: Renderer) throws(AdjudicationError) {
        try self.init(workspace: Workspace(store: store), adjudicator: adjudicator,
                      runName: runName, document: document, renderer: renderer)
    }
}
