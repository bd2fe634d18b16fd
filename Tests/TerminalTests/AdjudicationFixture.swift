import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
@testable import Workbench

/// The REPL fixture's storm article reviewed by ana and bo, who agree on #1 and #4 and differ on
/// #2 (ana widened the cue to "told Reuters") and #3 (ana rejected it, bo confirmed it); both
/// marked the document done.
struct AdjudicationFixture {
    let base: REPLFixture
    var store: SQLiteStore { base.store }
    var workspace: Workspace { Workspace(store: base.store) }

    init(bo: [String] = ["c", "c", "c", "c", "done"]) throws {
        base = try REPLFixture()
        _ = try base.transcript(["c", "cue \"told Reuters\"", "c", "r", "c", "done"], as: "ana")
        _ = try base.transcript(bo, as: "bo")
    }

    func session(_ adjudicator: String = "cy", doc: String? = nil) throws -> AdjudicationSession {
        try AdjudicationSession(store: store, adjudicator: adjudicator, runName: nil, document: doc, renderer: Renderer(style: .plain))
    }

    func transcript(_ lines: [String], as adjudicator: String = "cy") throws -> (text: String, status: Int32) {
        REPL.transcript(try session(adjudicator), lines: lines)
    }

    /// The log entries after `id`, as `annotator action #claim fields`.
    func entries(after id: Int64 = 0) throws -> [String] {
        try store.annotations().filter { $0.id > id }.map { e in
            "\(e.entry.annotator) \(e.entry.action) #\(e.entry.attributionID.map(String.init) ?? "-")"
                + (e.entry.target.map { " → \($0)" } ?? "") + (e.entry.fields.map { " " + $0 } ?? "")
                + (e.entry.note.map { " note: " + $0 } ?? "")
        }
    }

    func lastEntryID() throws -> Int64 { try store.annotations().last?.id ?? 0 }
}
