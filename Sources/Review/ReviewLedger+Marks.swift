/// An annotator's standing word on a whole document: their last `done` or `reopen` entry that
/// still counts, in whichever run it was given.
public struct StandingMark: Sendable, Equatable {
    public var done: Bool
    /// The run reviewed when the mark was given (nil: a mark written before runs were recorded).
    public var runID: Int64?
    /// The log entry that gives it.
    public var id: Int64

    public init(done: Bool, runID: Int64?, id: Int64) {
        self.done = done
        self.runID = runID
        self.id = id
    }
}

extension ReviewLedger {
    /// Each annotator's standing mark on the document this log is of (any run), only among entries
    /// before `before` when given: the gold reads the runs of the `done` ones to decide where a
    /// document's gold comes from, `annotate` and `adjudicate` to say so, and `undo` of a `done`
    /// to restore the mark it replaced.
    public func standingMarks(before: Int64? = nil) -> [String: StandingMark] {
        var marks: [String: StandingMark] = [:]
        for e in effective where e.entry.attributionID == nil && (before.map { e.id < $0 } ?? true) {
            if e.entry.action == .done { marks[e.entry.annotator] = StandingMark(done: true, runID: e.entry.runID, id: e.id) }
            if e.entry.action == .reopen { marks[e.entry.annotator] = StandingMark(done: false, runID: e.entry.runID, id: e.id) }
        }
        return marks
    }
}
