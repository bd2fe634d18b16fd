/// What `undo` and `redo` would act on, derived from one analyst's log alone, so that undo works
/// after a restart exactly as before it.
///
/// Every action pushes a step onto the undo stack (or joins the last one, below) and clears the
/// redo stack; `undo` (entries
/// naming the undone ones) moves the step to the redo stack; `redo` (entries naming those undos)
/// moves it back. A step is one entry, except an `accept-above`: its verdicts were written together
/// (their bulk mark says how many), and one `undo` takes them all back (one undo entry each, written
/// together), so the step moves only once every entry of it is undone (redone). A caller may join
/// other runs of entries into one step (`joins`): the adjudication REPL's pick, whose corrections
/// and verdict one `undo` takes back together. A correction marked `follows` joins the step of the
/// correction of that field on the same claim recorded right before it (an entity that followed a
/// moved source): the analyst typed one command, and one `undo` takes back both.
public struct UndoHistory: Sendable {
    /// One step: its key (the id of its first action entry) and its entries, oldest first.
    struct Step: Sendable {
        var key: Int64
        var entries: [LoggedReview]
    }

    private var undoSteps: [Step] = []
    /// Steps of undo entries that `redo` can reverse.
    private var redoSteps: [Step] = []
    /// Every entry seen, in log order, and where each id sits in it. The index maps to a position
    /// rather than holding the entry: growing a dictionary rehashes every value it holds, and with
    /// whole entries as values that rehash cost ~60 ms at 100k entries (an `accept-above`'s p99 in
    /// `claimdesk-bench repl`); with positions it is a few milliseconds.
    private var seen: [LoggedReview] = []
    private var position: [Int64: Int] = [:]
    /// The step of every action, undo and redo entry seen.
    private var stepOf: [Int64: Int64] = [:]
    /// Entries of a bulk step still to come (it is the last undo step).
    private var openBulk = 0
    /// Undo entries (redo entries) of a step that is not yet wholly undone (redone).
    private var undoing: [Int64: [LoggedReview]] = [:]
    private var redoing: [Int64: [LoggedReview]] = [:]
    /// Whether an action entry joins the step of the action entry recorded right before it.
    private let joins: (@Sendable (_ previous: LoggedReview, _ next: LoggedReview) -> Bool)?
    /// The entry recorded last, when it was an action (not an undo or a redo).
    private var previousAction: LoggedReview?

    /// `joins(previous, next)`: whether action entry `next`, recorded right after action entry
    /// `previous`, belongs to `previous`'s step (beside `accept-above`'s bulk marks).
    public init(_ log: [LoggedReview], joins: (@Sendable (_ previous: LoggedReview, _ next: LoggedReview) -> Bool)? = nil) {
        self.joins = joins
        for e in log { record(e) }
    }

    /// Actions that still count, oldest first; `undo` takes the last step.
    public var undoable: [LoggedReview] { undoSteps.flatMap(\.entries) }
    /// Undo entries that `redo` can reverse, oldest first; `redo` takes the last step.
    public var redoable: [LoggedReview] { redoSteps.flatMap(\.entries) }
    /// The entries the next `undo` cancels: one action, every verdict of one `accept-above`, or a
    /// run of entries `joins` made one step.
    public var lastUndoStep: [LoggedReview]? { undoSteps.last?.entries }
    /// The undo entries the next `redo` cancels, one per entry of the step they undid.
    public var lastRedoStep: [LoggedReview]? { redoSteps.last?.entries }

    public mutating func record(_ e: LoggedReview) {
        position[e.id] = seen.count
        seen.append(e)
        let previous = previousAction
        previousAction = e.entry.action.isBookkeeping ? nil : e
        switch e.entry.action {
        case let .undo(target):
            openBulk = 0
            let key = stepOf[target] ?? target
            guard let i = undoSteps.lastIndex(where: { $0.key == key }),
                  let j = undoSteps[i].entries.lastIndex(where: { $0.id == target }) else { return }
            undoSteps[i].entries.remove(at: j)
            stepOf[e.id] = key
            undoing[key, default: []].append(e)
            if undoSteps[i].entries.isEmpty {
                undoSteps.remove(at: i)
                redoSteps.append(Step(key: key, entries: undoing.removeValue(forKey: key) ?? []))
            }
        case let .redo(undo):
            openBulk = 0
            let key = stepOf[undo] ?? undo
            guard let i = redoSteps.lastIndex(where: { $0.key == key }),
                  let j = redoSteps[i].entries.lastIndex(where: { $0.id == undo }) else { return }
            redoSteps[i].entries.remove(at: j)
            if let originalID = entry(undo)?.entry.action.target, let original = entry(originalID) {
                redoing[key, default: []].append(original)
            }
            if redoSteps[i].entries.isEmpty {
                redoSteps.remove(at: i)
                undoSteps.append(Step(key: key, entries: redoing.removeValue(forKey: key) ?? []))
            }
        default:
            if let previous, Self.follows(e, previous), undoSteps.last?.entries.last?.id == previous.id {
                undoSteps[undoSteps.count - 1].entries.append(e)
                stepOf[e.id] = undoSteps[undoSteps.count - 1].key
                return
            }
            if let previous, let joins, joins(previous, e), undoSteps.last?.entries.last?.id == previous.id {
                undoSteps[undoSteps.count - 1].entries.append(e)
                stepOf[e.id] = undoSteps[undoSteps.count - 1].key
                return
            }
            if openBulk > 0, e.entry.bulk != nil, !undoSteps.isEmpty {
                undoSteps[undoSteps.count - 1].entries.append(e)
                stepOf[e.id] = undoSteps[undoSteps.count - 1].key
                openBulk -= 1
                return
            }
            undoSteps.append(Step(key: e.id, entries: [e]))
            stepOf[e.id] = e.id
            openBulk = max(0, (e.entry.bulk?.count ?? 1) - 1)
            redoSteps.removeAll()
        }
    }

    public func entry(_ id: Int64) -> LoggedReview? { position[id].map { seen[$0] } }

    /// Whether `next` is a correction written because of `previous` (its `follows` mark names
    /// `previous`'s field, on the same claim).
    static func follows(_ next: LoggedReview, _ previous: LoggedReview) -> Bool {
        guard let field = next.entry.follows, case let .correct(change) = previous.entry.action else { return false }
        return change.field == field && next.entry.attributionID == previous.entry.attributionID
            && next.entry.documentRowID == previous.entry.documentRowID
    }
}

extension UndoHistory {
    /// The history of one REPL in an analyst's log: their adjudications (`adjudicate`, where a
    /// pick — its corrections, then its verdict, all carrying `picked` — is one step) or their
    /// reviews (`annotate`), each with the undo and redo entries that name them. An analyst who
    /// both reviews and adjudicates a run undoes each in its own REPL.
    public init(_ log: [LoggedReview], adjudications: Bool) {
        var kept = Set<Int64>()
        var entries: [LoggedReview] = []
        for e in log {
            let keep = e.entry.action.target.map(kept.contains) ?? ((e.entry.adjudication != nil) == adjudications)
            guard keep else { continue }
            kept.insert(e.id)
            entries.append(e)
        }
        self.init(entries, joins: adjudications ? Self.samePick : nil)
    }

    /// A pick's next entry: after one of its corrections, an entry of the same pick on the same claim.
    static let samePick: @Sendable (LoggedReview, LoggedReview) -> Bool = { previous, next in
        guard let name = previous.entry.adjudication?.picked, previous.entry.action.kind == .correct else { return false }
        return next.entry.adjudication?.picked == name && next.entry.attributionID == previous.entry.attributionID
    }
}
