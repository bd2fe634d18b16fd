import ClaimModel
import Review
import Workbench

/// One adjudicator walking the claims that annotators dispute in one run.
///
/// The queue is set when the session opens: in document order, every claim of a document two or
/// more annotators marked done on which they differ (see `AdjudicationDocument`) and that no
/// adjudication decides yet; a claim decided before comes back into it by `goto #ID` or `undo`.
/// Unanimous claims never stop the walk. Deciding a claim appends the adjudicator's entries, each
/// marked `"adjudication": true`, in one transaction, and moves on to the next claim still
/// awaiting adjudication; `Workspace.decideGold` then takes the adjudicator's view of it as the gold.
///
/// A document whose gold comes from another run (most of its annotators marked it done while
/// reviewing that one: after `extract --model`, a second pair may review the model's run on
/// documents the first pair settled in "rules") is left out of the queue, as `annotate` leaves out
/// what the analyst marked done elsewhere: nothing decided here would change its gold. The first
/// screen and `progress` say how many; `goto` brings one back, `--include-settled` keeps them all.
public final class AdjudicationSession: LineSession {
    public let adjudicator: String
    public let run: ReviewDesk.Run
    /// The use cases the session works through (the store is behind them).
    let store: ReviewDesk
    public var renderer: Renderer

    /// A document two or more annotators marked done.
    struct DoneDocument {
        var rowID: Int64
        var docID: String
        var annotators: [String]
        /// The run its gold comes from, as read when the session opened, when that is another run
        /// (-1: marks without a run); nil when its gold is this run's.
        var goldElsewhere: Int64?
    }

    /// A disputed claim: its document (index into `documents`) and its place in that document.
    struct Item: Equatable {
        var document: Int
        var claim: Int64
        var order: Int
    }

    let documents: [DoneDocument]
    /// Documents (index into `documents`) whose gold comes from another run (`goldElsewhere`, the
    /// one record of that run): their disputes are out of the queue until `goto` brings one back.
    /// The other documents with a `goldElsewhere` are in the walk (`isElsewhere`).
    var leftOut: Set<Int> = []
    /// Run names by row id, for the notes on left-out documents.
    let runNames: [Int64: String]
    /// On the first screen: what `--include-settled` kept, or what `--doc` walks though its gold is elsewhere.
    var keptNote: String?
    /// Set by `--doc`: the walk covers that document alone.
    let onlyDocument: String?
    /// When this run has nothing to adjudicate: the first other run (in the store's order) with
    /// disputed claims, and how many.
    var disputedElsewhere: (run: String, claims: Int)?
    var queue: [Item] = []
    var position: Int?
    /// The document of the claim on screen, as last read.
    var current: AdjudicationDocument?
    /// Claims of the queue an adjudication now decides.
    var decided: Set<Int64> = []
    /// Claims of those documents the annotators agree on (accepted without a stop).
    var unanimous: Int
    /// Claims decided by an adjudication when the session opened and not back in the queue since
    /// (`goto #ID`, `undo`).
    var adjudicatedBefore: Int
    /// This adjudicator's log in the run, oldest first (for undo and redo).
    var log: [LoggedReview]
    /// Single-key mode (`keys on`): the analyst's preference `keys`, the same one `annotate` reads
    /// and writes, so that one choice holds in both REPLs.
    public internal(set) var singleKeys = false

    /// Opens the walk of `runName` (default: "rules", else the only run); documents whose gold
    /// comes from another run are left out unless `includeSettled` or named by `docID`.
    public init(workspace: Workspace, adjudicator: String, runName: String?, document docID: String?,
                renderer: Renderer, includeSettled: Bool = false) throws(AdjudicationError) {
        let store = ReviewDesk(workspace)
        self.store = store
        self.adjudicator = adjudicator
        self.renderer = renderer
        self.onlyDocument = docID
        // The store's runs, read once: the run to adjudicate is found among them, and the notes
        // name runs from them.
        let runs = try Self.db { () throws(WorkbenchError) in try store.runs() }
        run = try Self.db { () throws(WorkbenchError) in try store.runToReview(named: runName, among: runs) }
        let runID = run.rowID
        var done = try Self.db { () throws(WorkbenchError) in try store.documentsDoneBySeveral(runID: runID) }
        if let docID {
            let stored = try Self.db { () throws(WorkbenchError) in try store.document(docID: docID) }
            guard let stored else { throw .repl(.unknownDocument(docID)) }
            done = done.filter { $0.documentRowID == stored.rowID }
        }
        let walk = try Self.classify(store, runID: runID, done: done, adjudicator: adjudicator,
                                     leaveOut: !includeSettled && docID == nil)
        documents = walk.documents
        queue = walk.queue
        unanimous = walk.unanimous
        adjudicatedBefore = walk.before
        leftOut = walk.leftOut
        let runNames = ReviewDesk.names(of: runs)
        self.runNames = runNames
        let kept = walk.documents.indices.filter { walk.documents[$0].goldElsewhere != nil && !walk.leftOut.contains($0) }
        if let docID, let goldRun = kept.first.flatMap({ walk.documents[$0].goldElsewhere }) {
            keptNote = "note: document " + Self.goldElsewhere(docID, goldRun, runNames)
        } else if includeSettled {
            keptNote = kept.isEmpty
                ? "--include-settled: nothing was left out (no document of run \"\(TerminalSafe.escape(run.name))\" takes its gold from another run)"
                : "--include-settled: \(Self.count(kept.count, "document")) whose gold comes from another run "
                    + (kept.count == 1 ? "stays" : "stay") + " in the walk"
        }
        let name = adjudicator
        log = try Self.db { () throws(WorkbenchError) in try store.annotations(annotator: name, runID: runID) }
        singleKeys = try Self.db { () throws(WorkbenchError) in try store.singleKeys(name) }
        if !queue.isEmpty {
            position = 0
            current = try load(queue[0].document)
        } else if docID == nil {
            // Adjudicate defaults to run "rules": disputes the annotators left in a model's run
            // would otherwise go unnoticed behind "nothing to adjudicate".
            // Gold runs are imported verdicts, not a review to settle. The first run with a
            // dispute is the one named: the runs after it are not read (each is a read of every
            // document two or more annotators marked done there).
            for other in runs where other.rowID != runID && !ReviewDesk.isGold(other) {
                let otherID = other.rowID
                let done = try Self.db { () throws(WorkbenchError) in try store.documentsDoneBySeveral(runID: otherID) }
                let count = try Self.classify(store, runID: otherID, done: done, adjudicator: adjudicator, leaveOut: true).queue.count
                if count > 0 {
                    disputedElsewhere = (other.name, count)
                    break
                }
            }
        }
    }

    /// A run's adjudication walk as it opens.
    struct Walk {
        var documents: [DoneDocument] = []
        var queue: [Item] = []
        var unanimous = 0
        var before = 0
        /// Documents whose gold comes from another run (`DoneDocument.goldElsewhere`), left out of
        /// the queue; the others with a `goldElsewhere` are kept in the walk (`--include-settled`,
        /// `--doc`, or nothing to stop on).
        var leftOut: Set<Int> = []
    }

    /// The adjudication queue of a run's documents done by two or more annotators: the claims
    /// disputed (or decided by another adjudicator) and not decided by this one, with the counts
    /// of unanimous claims and of those this adjudicator decided before. With `leaveOut`, a
    /// document whose gold comes from another run and that holds a claim awaiting adjudication
    /// adds nothing to the queue or the counts.
    static func classify(_ store: ReviewDesk, runID: Int64, done: [(documentRowID: Int64, annotators: [String])],
                         adjudicator: String, leaveOut: Bool) throws(AdjudicationError) -> Walk {
        var walk = Walk()
        for d in done {
            let rowID = d.documentRowID
            guard let snapshot = try db({ () throws(WorkbenchError) in try store.snapshot(documentRowID: rowID, runID: runID) }) else {
                continue
            }
            let view = AdjudicationDocument(snapshot, annotators: d.annotators, adjudicator: adjudicator)
            let index = walk.documents.count
            let goldElsewhere = view.goldRun.flatMap { $0 == runID ? nil : $0 }
            walk.documents.append(DoneDocument(rowID: rowID, docID: view.docID, annotators: d.annotators, goldElsewhere: goldElsewhere))
            let sorted = sort(view, document: index)
            // Left out only where the walk would stop: a document with nothing awaiting
            // adjudication here is no work to spare.
            if goldElsewhere != nil && leaveOut && !sorted.queue.isEmpty {
                walk.leftOut.insert(index)
                continue
            }
            walk.queue += sorted.queue
            walk.unanimous += sorted.unanimous
            walk.before += sorted.before
        }
        return walk
    }

    /// One document's claims for the walk: those it stops on (document `index`, in order), and the
    /// counts of unanimous claims and of claims this adjudicator decided before.
    static func sort(_ view: AdjudicationDocument, document index: Int) -> (queue: [Item], unanimous: Int, before: Int) {
        var queue: [Item] = []
        var unanimous = 0, before = 0
        for (order, claim) in view.claims.enumerated() {
            if view.isDecided(claim.rowID) {
                before += 1
            } else if view.isDisputed(claim.rowID) || view.adjudicatedBy[claim.rowID] != nil {
                queue.append(Item(document: index, claim: claim.rowID, order: order))
            } else {
                unanimous += 1
            }
        }
        return (queue, unanimous, before)
    }

    /// Brings left-out document `index` back into the walk (`goto`, `undo` asked for it): its
    /// claims join the queue in document order and its counts the session's, and it is the
    /// document on screen (`view`, when the caller has just read it). The line saying so, or nil
    /// when it was not left out (nothing changes then).
    func readmit(_ index: Int, view known: AdjudicationDocument? = nil) throws(AdjudicationError) -> String? {
        guard leftOut.contains(index), let goldRun = documents[index].goldElsewhere else { return nil }
        let view: AdjudicationDocument
        if let known { view = known } else { view = try load(index) }
        leftOut.remove(index)
        let sorted = Self.sort(view, document: index)
        unanimous += sorted.unanimous
        adjudicatedBefore += sorted.before
        for item in sorted.queue {
            enqueue(item)
            // What `sort` queues awaits adjudication.
            decided.remove(item.claim)
        }
        current = view
        return "back in the walk: " + Self.goldElsewhere(documents[index].docID, goldRun, runNames)
    }

    /// Whether document `index` is in the walk though its gold comes from another run
    /// (`--include-settled`, `--doc`, brought back by `goto`): what is decided there does not enter the gold.
    func isElsewhere(_ index: Int) -> Bool { documents[index].goldElsewhere != nil && !leftOut.contains(index) }

    /// Puts `item` in the queue at its place (document, then claim order), keeping the position
    /// on the claim it was on; returns where it went.
    @discardableResult
    func enqueue(_ item: Item) -> Int {
        let at = queue.firstIndex { ($0.document, $0.order) > (item.document, item.order) } ?? queue.count
        queue.insert(item, at: at)
        if let position, position >= at { self.position = position + 1 }
        return at
    }

    /// `"d1" takes its gold from run "rules" (…), not from what you adjudicate here`: what
    /// `--doc` and a document brought back say.
    static func goldElsewhere(_ docID: String, _ goldRun: Int64, _ names: [Int64: String]) -> String {
        "\"\(TerminalSafe.escape(docID))\" takes its gold from \(Session.runPhrase(goldRun, names)) \(Session.goldRule(documents: 1)), "
            + "not from what you adjudicate here"
    }

    /// `left out: 1 document whose gold comes from run "rules" …`: the first screen and `progress`.
    var leftOutNote: String {
        var names: [String] = []
        for index in leftOut.sorted() {
            guard let goldRun = documents[index].goldElsewhere else { continue }
            let name = Session.runPhrase(goldRun, runNames)
            if !names.contains(name) { names.append(name) }
        }
        let one = leftOut.count == 1
        return "left out: \(Self.count(leftOut.count, "document")) whose gold comes from " + names.joined(separator: ", ")
            + " " + Session.goldRule(documents: leftOut.count) + ": adjudicating \(one ? "it" : "them") "
            + "here changes no gold; `goto DOC_ID` brings one back, `claimdesk adjudicate --run \(ShellWord.quoted(run.name)) --include-settled` all"
    }

    static func db<T>(_ body: () throws(WorkbenchError) -> T) throws(AdjudicationError) -> T {
        do { return try body() } catch { throw .repl(.store(error.description)) }
    }

    // MARK: - The loop's entry points

    public func opening() -> String {
        let runName = TerminalSafe.escape(run.name)
        let help = "`help` lists the verbs"
        guard let position else {
            // The reason, with the pointer to the runs that hold disputes in the same sentence;
            // the notes on left-out or kept documents on lines of their own after it.
            var reason: String
            let allLeftOut = !documents.isEmpty && leftOut.count == documents.count
            if documents.isEmpty {
                reason = onlyDocument.map { "document \"\(TerminalSafe.escape($0))\" of run \"\(runName)\" is not" }
                    ?? "no document of run \"\(runName)\" is"
                reason = "nothing to adjudicate: " + reason + " marked done by two or more annotators"
            } else if allLeftOut {
                reason = "nothing to adjudicate here"
            } else {
                reason = "nothing to adjudicate: the annotators agree on every claim of \(Self.count(documents.count - leftOut.count, "document"))"
                    + " (\(unanimous) unanimous" + (adjudicatedBefore > 0 ? ", \(adjudicatedBefore) adjudicated before" : "") + ")"
            }
            if let disputedElsewhere {
                reason += "; run \"\(TerminalSafe.escape(disputedElsewhere.run))\" has \(Self.count(disputedElsewhere.claims, "disputed claim"))"
                    + ": `claimdesk adjudicate --run " + ShellWord.quoted(disputedElsewhere.run) + "`"
            }
            var lines = [reason]
            if !leftOut.isEmpty {
                // Every document left out: the note is the reason ("nothing to adjudicate here; left
                // out: …"), unless a pointer to another run already ends that sentence.
                if allLeftOut && disputedElsewhere == nil { lines[0] += "; " + leftOutNote } else { lines.append(leftOutNote) }
            }
            if let keptNote { lines.append(keptNote) }
            return renderer.wrap("adjudicating run \"\(runName)\" as \(TerminalSafe.escape(adjudicator)) · \(help)\n" + lines.joined(separator: "\n"))
        }
        let disputedDocuments = Set(queue.map(\.document)).count
        var head = "adjudicating run \"\(runName)\" as \(TerminalSafe.escape(adjudicator)) · "
            + "\(Self.count(queue.count, "disputed claim")) in \(Self.count(disputedDocuments, "document")) · "
            + "\(Self.count(unanimous, "unanimous claim")) accepted without a stop"
        if adjudicatedBefore > 0 { head += " · \(adjudicatedBefore) adjudicated before" }
        let notes = (leftOut.isEmpty ? [] : [leftOutNote]) + (keptNote.map { [$0] } ?? [])
        return renderer.wrap(([head + " · " + help] + notes + [screen(at: position)]).joined(separator: "\n"))
    }

    /// Runs one line; the reply is wrapped to the width as `annotate`'s are.
    public func execute(_ line: String) -> Reply {
        do {
            guard let command = try AdjudicationCommand.parse(line) else { return Reply(text: "") }
            var reply = try command.run(self)
            reply.text = renderer.wrap(reply.text)
            return reply
        } catch {
            return Reply(text: renderer.wrap("error: " + TerminalSafe.lines(error.description)), failed: true)
        }
    }

    public var keyMap: KeyMap? { singleKeys ? .adjudication : nil }

    /// `keys` says the mode; `keys on|off` sets it and remembers it for this analyst.
    func keys(_ change: Bool?) throws(AdjudicationError) -> String {
        guard let change else { return KeyMap.state(singleKeys) }
        let name = adjudicator
        try Self.db { () throws(WorkbenchError) in try store.setSingleKeys(change, name) }
        singleKeys = change
        return KeyMap.changed(change)
    }

    // MARK: - The queue

    /// The queue position on screen, or why there is none.
    func onScreen() throws(AdjudicationError) -> Int {
        guard let position else { throw .nothingToAdjudicate(run: run.name) }
        return position
    }

    /// The document and claim on screen.
    func currentClaim() throws(AdjudicationError) -> (AdjudicationDocument, StoredAttribution) {
        let position = try onScreen()
        guard let current, let claim = current.claim(queue[position].claim) else {
            throw .repl(.store("claim #\(queue[position].claim) vanished from the store"))
        }
        return (current, claim)
    }

    /// Reads document `index` and notes which of its queued claims an adjudication decides.
    func load(_ index: Int) throws(AdjudicationError) -> AdjudicationDocument {
        let d = documents[index], runID = run.rowID
        guard let snapshot = try Self.db({ () throws(WorkbenchError) in try store.snapshot(documentRowID: d.rowID, runID: runID) }) else {
            throw .repl(.store("document \"\(TerminalSafe.escape(d.docID))\" vanished from the store"))
        }
        let view = AdjudicationDocument(snapshot, annotators: d.annotators, adjudicator: adjudicator)
        for item in queue where item.document == index {
            if view.isDecided(item.claim) { decided.insert(item.claim) } else { decided.remove(item.claim) }
        }
        return view
    }

    /// Puts queue item `index` on screen, reading its document when it is not the one on screen.
    func place(_ index: Int) throws(AdjudicationError) {
        let item = queue[index]
        if current?.documentRowID != documents[item.document].rowID { current = try load(item.document) }
        position = index
    }

    /// The first claim after `position` (wrapping) that no adjudication decides yet.
    func nextUndecided(after index: Int) -> Int? {
        guard !queue.isEmpty else { return nil }
        for step in 1...queue.count {
            let i = (index + step) % queue.count
            if !decided.contains(queue[i].claim) { return i }
        }
        return nil
    }

    func move(forward: Bool) throws(AdjudicationError) -> String {
        let index = try onScreen()
        let target = forward ? index + 1 : index - 1
        guard target >= 0 && target < queue.count else {
            return forward ? "end of the disputed claims: none after this one" : "start of the disputed claims: none before this one"
        }
        try place(target)
        return screen(at: target)
    }

    func skip() throws(AdjudicationError) -> String {
        let index = try onScreen()
        guard let next = nextUndecided(after: index), next != index else {
            return "no other disputed claim awaits adjudication"
        }
        try place(next)
        return screen(at: next)
    }

    /// `goto #ID | DOC_ID | PREFIX` within the walk: a claim (one decided before this session comes
    /// back into the queue), or a document's first claim awaiting adjudication (else its first).
    func goto(_ target: String) throws(AdjudicationError) -> String {
        if target.hasPrefix("#") { return try gotoClaim(String(target.dropFirst())) }
        // doc_ids match on their bytes, as the store's `goto` does (not Swift's canonical equivalence).
        let matches = documents.indices.filter { documents[$0].docID.utf8.starts(with: target.utf8) }
        let exact = matches.first { documents[$0].docID.isExactly(target) }
        guard let document = exact ?? (matches.count == 1 ? matches.first : nil) else {
            if matches.isEmpty {
                if target.allSatisfy({ $0.isASCII && $0.isNumber }) { return try gotoClaim(target) }
                throw .documentNotInWalk(target)
            }
            let names = matches.map { documents[$0].docID }
            throw .repl(.ambiguousDocument(target, candidates: Array(names.prefix(Session.gotoCandidates)),
                                           more: names.count > Session.gotoCandidates))
        }
        let back = try readmit(document)
        let items = queue.indices.filter { queue[$0].document == document }
        guard let first = items.first else {
            // Back in the walk, but nothing to stop on: say both.
            let none = AdjudicationError.nothingDisputed(document: documents[document].docID)
            if let back { return back + "\n" + "error: " + none.description }
            throw none
        }
        // Read now, so that the claim chosen is one still awaiting adjudication.
        if current?.documentRowID != documents[document].rowID { current = try load(document) }
        let index = items.first { !decided.contains(queue[$0].claim) } ?? first
        try place(index)
        return (back.map { $0 + "\n" } ?? "") + screen(at: index)
    }

    /// `goto #ID`: the claim is checked first (a claim outside the walk, or one its annotators agree
    /// on, is refused and the walk stays as it was); one of a left-out document brings it back.
    func gotoClaim(_ digits: String) throws(AdjudicationError) -> String {
        switch try whereabouts(digits) {
        case let .queued(index):
            try place(index)
            return screen(at: index)
        case let .outOfQueue(id, documentRowID, view):
            guard let (index, view, back) = try requeue(id, documentRowID: documentRowID, view: view) else { throw .notInWalk(claim: digits) }
            current = view
            position = index
            return (back.map { $0 + "\n" } ?? "") + screen(at: index)
        }
    }

    /// `show [#ID]`: the claim on screen, or a queued claim's card without moving.
    func show(_ target: String?) throws(AdjudicationError) -> String {
        guard let target else { return screen(at: try onScreen()) }
        let digits = target.hasPrefix("#") ? String(target.dropFirst()) : target
        switch try whereabouts(digits) {
        case let .queued(index):
            let document = queue[index].document
            let view = current?.documentRowID == documents[document].rowID ? current : try load(document)
            return screen(at: index, view: view)
        case let .outOfQueue(id, documentRowID, _):
            if let document = documents.firstIndex(where: { $0.rowID == documentRowID }), leftOut.contains(document) {
                throw .leftOut(claim: digits, document: documents[document].docID)
            }
            throw .decidedBefore(id)
        }
    }

    /// Where a claim of this walk stands.
    enum Whereabouts {
        /// In the queue, at this index.
        case queued(Int)
        /// Disputed (or adjudicated) in a document of the walk (`view`, as just read), and out of
        /// the queue: decided by an adjudication before this session, or in a left-out document.
        case outOfQueue(Int64, documentRowID: Int64, view: AdjudicationDocument)
    }

    /// Finds claim `digits` (its row id) in the walk; a claim outside it, or one its annotators
    /// agree on, is refused. Leaves the walk as it is (reading the claim's document only notes
    /// which of its queued claims an adjudication decides).
    func whereabouts(_ digits: String) throws(AdjudicationError) -> Whereabouts {
        guard let id = Int64(digits) else { throw .notInWalk(claim: digits) }
        if let index = queue.firstIndex(where: { $0.claim == id }) { return .queued(index) }
        let claim = try Self.db { () throws(WorkbenchError) in try store.attribution(rowID: id) }
        guard let claim, claim.runID == run.rowID,
              let document = documents.firstIndex(where: { $0.rowID == claim.documentRowID }) else { throw .notInWalk(claim: digits) }
        let view = try load(document)
        guard view.isDisputed(id) || view.adjudicatedBy[id] != nil else { throw .notDisputed(id) }
        return .outOfQueue(id, documentRowID: claim.documentRowID, view: view)
    }

    /// After a decision: the next claim awaiting adjudication, or the news that none is left.
    func advance(from index: Int) throws(AdjudicationError) -> String {
        if let next = nextUndecided(after: index) {
            try place(next)
            return screen(at: next)
        }
        let score = "(`claimdesk score --run " + TerminalSafe.escape(run.name) + "`)"
        let documentsWalked = Set(queue.map(\.document)).sorted()
        let fromElsewhere = documentsWalked.filter(isElsewhere)
        guard !fromElsewhere.isEmpty else { return "every disputed claim is adjudicated: their documents now enter the gold " + score }
        return "every disputed claim is adjudicated; the gold of " + fromElsewhere.map { TerminalSafe.escape(documents[$0].docID) }.joined(separator: ", ")
            + " still comes from another run" + (fromElsewhere.count < documentsWalked.count ? ", the other documents now enter the gold " + score : "")
    }

    // MARK: - Screens

    /// Queue item `index`'s card, from `view` (its document; the one on screen unless given).
    func screen(at index: Int, view: AdjudicationDocument? = nil) -> String {
        let item = queue[index]
        guard let current = view ?? current, let claim = current.claim(item.claim) else {
            return "claim #\(item.claim) is no longer in the store"
        }
        let documentsInQueue = Array(Set(queue.map(\.document))).sorted()
        let documentPosition = (documentsInQueue.firstIndex(of: item.document) ?? 0) + 1
        let adjudicated = queue.filter { decided.contains($0.claim) }.count
        return renderer.adjudicationScreen(
            current, claim: claim, position: index + 1, count: queue.count, documentPosition: documentPosition,
            documentCount: documentsInQueue.count, adjudicated: adjudicated)
    }

    func progress() -> String {
        let adjudicated = queue.filter { decided.contains($0.claim) }.count
        let percent = queue.isEmpty ? 100 : Double(adjudicated) * 100 / Double(queue.count)
        var lines = ["adjudicated \(adjudicated) of \(Self.count(queue.count, "disputed claim")) in run \"\(TerminalSafe.escape(run.name))\" ("
            + String(percent.rounded(toPlaces: 1)) + "%)"
            + (adjudicatedBefore > 0 ? ", \(adjudicatedBefore) adjudicated before this session" : "")]
        lines.append("unanimous claims accepted without a stop: \(unanimous)")
        var waiting: [String] = []
        for item in queue where !decided.contains(item.claim) && !isElsewhere(item.document) {
            let docID = documents[item.document].docID
            if !waiting.contains(docID) { waiting.append(docID) }
        }
        lines.append("documents marked done by two or more annotators: \(documents.count)"
            + (waiting.isEmpty ? "; none left out of the gold for a dispute"
                : "; left out of the gold until adjudicated: " + waiting.map(TerminalSafe.escape).joined(separator: ", ")))
        if !leftOut.isEmpty { lines.append(leftOutNote) }
        let elsewhere = documents.indices.filter(isElsewhere)
        if !elsewhere.isEmpty {
            lines.append("in the walk though their gold comes from another run: "
                + elsewhere.map { TerminalSafe.escape(documents[$0].docID) }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    static func help(_ verb: AdjudicationVerb?) -> String {
        AdjudicationVerb.helpText(
            verb, footer: "pick NAME takes an annotator's view; or correct the fields and confirm/reject to write the final")
    }

    /// `1 claim`, `2 claims`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// TAB completion: verbs, then annotators after `pick`, source types after `type`.
    public func completions(before: String, word: String) -> [String] {
        let previous = (try? Tokenizer.tokens(before)) ?? before.split(separator: " ").map(String.init)
        return AdjudicationVerb.completions(self, previous: previous, word: word)
    }
}
