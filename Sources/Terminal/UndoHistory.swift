import Workbench

/// What `undo` and `redo` would act on, derived from one analyst's log alone, so that undo works
/// after a restart exactly as before it.
///
/// Every action pushes onto the undo stack and clears the redo stack; `undo` (an entry whose
/// `target` is the undone action) moves it to the redo stack; `redo` (an entry whose `target` is
/// that undo) moves it back.
struct UndoHistory {
    /// Actions that still count, oldest first; `undo` takes the last.
    private(set) var undoable: [AnnotationEntry] = []
    /// Undo entries that `redo` can reverse, oldest first; `redo` takes the last.
    private(set) var redoable: [AnnotationEntry] = []
    private var byID: [Int64: AnnotationEntry] = [:]

    init(_ log: [AnnotationEntry]) {
        for e in log { record(e) }
    }

    mutating func record(_ e: AnnotationEntry) {
        byID[e.id] = e
        switch e.entry.action {
        case "undo":
            if let target = e.entry.target, let i = undoable.lastIndex(where: { $0.id == target }) {
                undoable.remove(at: i)
                redoable.append(e)
            }
        case "redo":
            if let undo = e.entry.target, let i = redoable.lastIndex(where: { $0.id == undo }) {
                redoable.remove(at: i)
                if let originalID = byID[undo]?.entry.target, let original = byID[originalID] {
                    undoable.append(original)
                }
            }
        default:
            undoable.append(e)
            redoable.removeAll()
        }
    }

    func entry(_ id: Int64) -> AnnotationEntry? { byID[id] }
}
