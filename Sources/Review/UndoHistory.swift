/// What `undo` and `redo` would act on, derived from one analyst's log alone, so that undo works
/// after a restart exactly as before it.
///
/// Every action pushes onto the undo stack and clears the redo stack; `undo` (an entry naming the
/// undone action) moves it to the redo stack; `redo` (an entry naming that undo) moves it back.
public struct UndoHistory: Sendable {
    /// Actions that still count, oldest first; `undo` takes the last.
    public private(set) var undoable: [LoggedReview] = []
    /// Undo entries that `redo` can reverse, oldest first; `redo` takes the last.
    public private(set) var redoable: [LoggedReview] = []
    private var byID: [Int64: LoggedReview] = [:]

    public init(_ log: [LoggedReview]) {
        for e in log { record(e) }
    }

    public mutating func record(_ e: LoggedReview) {
        byID[e.id] = e
        switch e.entry.action {
        case let .undo(target):
            if let i = undoable.lastIndex(where: { $0.id == target }) {
                undoable.remove(at: i)
                redoable.append(e)
            }
        case let .redo(undo):
            if let i = redoable.lastIndex(where: { $0.id == undo }) {
                redoable.remove(at: i)
                if let originalID = byID[undo]?.entry.action.target, let original = byID[originalID] {
                    undoable.append(original)
                }
            }
        default:
            undoable.append(e)
            redoable.removeAll()
        }
    }

    public func entry(_ id: Int64) -> LoggedReview? { byID[id] }
}
