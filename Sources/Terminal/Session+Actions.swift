import ClaimModel
import Extraction
import Review
import Workbench

/// The verbs that write: each appends to the log in one transaction, then re-reads the document
/// so that the screen shows what the log now says.
extension Session {
    /// Appends `entry`; with `mark`, also the analyst's document mark it sets ("done" or
    /// "reopened", in that run), in the same transaction.
    func record(_ entry: ReviewEntry, mark: (status: String, runID: Int64?)? = nil) throws(REPLError) -> LoggedReview {
        let stored = try Self.db { () throws(WorkbenchError) in
            guard let mark else { return try store.append(entry) }
            return try store.append(entry, documentStatus: mark.status, markRunID: mark.runID)
        }
        remember(stored)
        return stored
    }

    func remember(_ stored: LoggedReview) {
        log.append(stored)
        history.record(stored)
        let rowID = stored.entry.documentRowID
        if !touched.contains(rowID) {
            touched.append(rowID)
            touched.sort()
        }
    }

    func entry(_ action: ReviewAction, claim: StoredAttribution) -> ReviewEntry {
        ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: claim.documentRowID, attributionID: claim.rowID,
                    action: action)
    }

    /// `confirm` / `reject`: the verdict, then the next claim without one. The fold's step on the
    /// new entry says whether a confirm was "confirmed" or "corrected"; the document is not read again.
    func verdict(_ action: ReviewAction) throws(REPLError) -> String {
        let (_, claim) = try current()
        let stored = try record(entry(action, claim: claim))
        view?.record(stored)
        if view?.isReviewed(claim) == true { reviewed.insert(claim.rowID) } else { reviewed.remove(claim.rowID) }
        let recorded = view?.review(claim)?.verdict?.rawValue ?? action.kind.rawValue
        var lines = ["\(recorded) #\(claim.rowID)"]
        let judged = view
        if let found = try search(fromDocument: docIndex, afterClaim: claimIndex, forward: true, unreviewedOnly: true, wrap: true) {
            if let judged, found.1.documentRowID != judged.documentRowID, let hint = doneHint(judged) {
                lines.append(hint)
                finishedBeforeThis = (judged, found.1.documentRowID)
            }
            place(found)
            lines.append(currentScreen())
        } else {
            lines.append("every claim in your queue has your verdict" + (filter.map { " (filter: \($0))" } ?? "")
                + "; `done` marks this document reviewed")
        }
        return lines.joined(separator: "\n")
    }

    /// `source` / `cue` / `content`: a role moved to text found near the claim (within its reach,
    /// `TextLocator.reach`), or to offsets.
    func correctSpan(_ role: Role, _ target: SpanTarget) throws(REPLError) -> String {
        let (view, claim) = try current()
        let old = view.attribution(claim)
        let fragments: Fragments?
        switch target {
        case let .text(text):
            fragments = Fragments(try TextLocator.find(text, in: view.text, near: DocumentView.extent(old),
                                                       sentences: sentenceIndex(), role: role.rawValue))
        case let .offsets(start, end): fragments = Fragments(try TextLocator.offsets(start, end, in: view.text))
        case .none: fragments = nil
        case let .nudge(nudge): fragments = try Self.nudged(old, role, nudge, in: view.text, sentences: sentenceIndex())
        }
        return try correct(role.rawValue) { $0[role] = fragments }
    }

    /// `role` of `a` with its boundaries moved by `nudge`, never beyond the sentences it is in
    /// (the whole text when the splitter finds none). Shared with `adjudicate`.
    static func nudged(_ a: Attribution, _ role: Role, _ nudge: SpanNudge, in text: ScalarText,
                       sentences: SentenceIndex) throws(REPLError) -> Fragments {
        guard let fragments = a[role] else {
            throw .boundary(role: role.rawValue, nudge: nudge.spelled, reason: "the claim has no \(role.rawValue) to move")
        }
        let limit = sentences.covering(fragments.hull)?.span ?? Span(0, text.count)
        return try nudge.apply(to: fragments, role: role, in: text, within: limit)
    }

    /// The document whose claims the analyst finished just before the queue brought them to the
    /// one on screen, while they are still on it.
    func justFinished() -> DocumentView? {
        guard let pair = finishedBeforeThis, view?.documentRowID == pair.arrivedAt else { return nil }
        return pair.finished
    }

    /// Said once per document, when its last claim gets this analyst's verdict and the queue moves
    /// on: `done` is what makes the document count for scoring, and it acts on the document on
    /// screen, so the hint says how to get back to it.
    func doneHint(_ judged: DocumentView) -> String? {
        guard !judged.visible.isEmpty, judged.visible.allSatisfy({ judged.isReviewed($0) }),
              !judged.isDone, doneHinted.insert(judged.documentRowID).inserted else { return nil }
        let id = TerminalSafe.escape(judged.docID)
        return "every claim of \(id) has your verdict: `goto \(id)`, then `done`, marks it reviewed"
    }

    /// A correcting verb: one `correct` entry with the field's old and new values. A moved source
    /// takes its entity along (`EntityFollow`): a second `correct` entry, marked as following the
    /// source's, in the same transaction, so that one `undo` takes back both.
    func correct(_ field: String, _ change: (inout Attribution) -> Void) throws(REPLError) -> String {
        let (view, claim) = try current()
        let old = view.attribution(claim)
        var new = old
        change(&new)
        if new == old { return "\(field) unchanged: it is already \(describe(field, old, view.text))" }
        let first = entry(.correct(FieldChange(field: field, from: old, to: new)), claim: claim)
        let follow = field == Role.source.rawValue
            ? EntityFollow.after(old, new, extracted: claim.attribution, in: view.text) : .unchanged
        if case let .follows(followed, _) = follow {
            var second = entry(.correct(FieldChange(field: "entity", from: new, to: followed)), claim: claim)
            second.follows = field
            let stored = try Self.db { () throws(WorkbenchError) in try store.append([first, second]) }
            for e in stored { remember(e) }
        } else {
            _ = try record(first)
        }
        if field == "outlet", let outlet = new.outlet { knownOutlets.insert(outlet) }
        try refresh(keeping: claim.rowID)
        return Renderer.change(field, old, new, view.text) + follow.lines(before: new, view.text) + "\n" + currentScreen()
    }

    /// A field's value for messages: spans as their (escaped) text and offsets.
    func describe(_ field: String, _ a: Attribution, _ text: ScalarText) -> String {
        Renderer.fieldValue(field, a, text)
    }

    func confidence(_ level: AnalystConfidence) throws(REPLError) -> String {
        let (_, claim) = try current()
        _ = try record(entry(.confidence(level), claim: claim))
        try refresh(keeping: claim.rowID)
        return "your confidence in #\(claim.rowID): \(level.rawValue)"
    }

    func tag(_ tags: [String]) throws(REPLError) -> String {
        for t in tags {
            if let problem = NameRule.problem(t, what: "tag") {
                throw .usage(.tag, "\(problem): \"\(TerminalSafe.escape(t))\"; nothing changed")
            }
        }
        let (_, claim) = try current()
        _ = try record(entry(.tag(tags), claim: claim))
        for t in tags { knownTags.insert(t) }
        try refresh(keeping: claim.rowID)
        let all = view?.review(claim)?.tags ?? tags
        return "tags of #\(claim.rowID): " + all.map(TerminalSafe.escape).joined(separator: ", ")
    }

    /// `untag`: refused, changing nothing, unless the claim carries every tag named.
    func untag(_ tags: [String]) throws(REPLError) -> String {
        let (view, claim) = try current()
        let carried = view.review(claim)?.tags ?? []
        if let missing = tags.first(where: { !carried.contains($0) }) {
            let has = carried.isEmpty ? "it has no tags" : "its tags: " + carried.map(TerminalSafe.escape).joined(separator: ", ")
            throw .usage(.untag, "#\(claim.rowID) has no tag \"\(TerminalSafe.escape(missing))\" (\(has)); nothing changed")
        }
        _ = try record(entry(.untag(tags), claim: claim))
        try refresh(keeping: claim.rowID)
        let left = self.view?.review(claim)?.tags ?? []
        return "tags of #\(claim.rowID): " + (left.isEmpty ? "none" : left.map(TerminalSafe.escape).joined(separator: ", "))
    }

    func note(_ text: String) throws(REPLError) -> String {
        let (_, claim) = try current()
        _ = try record(entry(.note(text), claim: claim))
        try refresh(keeping: claim.rowID)
        return "note added to #\(claim.rowID)"
    }

    /// `add`: a claim the extractor missed, its texts found near the claim on screen.
    func add(_ spec: AddedClaim) throws(REPLError) -> String {
        guard let view else { throw .noDocument }
        let near = (try? current()).flatMap { DocumentView.extent($0.0.attribution($0.1)) }
        let content: Span
        do {
            content = try TextLocator.find(spec.content, in: view.text, near: near, role: "content")
        } catch .notFound(let role, let text) {
            // The queue moved on when the last claim was judged; the missed claim is in the document left.
            if let finished = justFinished(), !finished.text.occurrences(of: spec.content).isEmpty {
                throw .notFoundInThisButFinished(role: role, text: text, here: view.docID, finished: finished.docID)
            }
            throw .notFound(role: role, text: text)
        }
        // Its source and cue keep to the content's reach, as the correcting verbs do: a "said"
        // paragraphs away would otherwise be taken unseen.
        let sentences = sentenceIndex()
        func locate(_ s: String, _ role: String) throws(REPLError) -> Span {
            do {
                return try TextLocator.find(s, in: view.text, near: content, sentences: sentences, role: role)
            } catch let .outOfReach(role, text, reach, nearest, excerpt, _) {
                throw .outOfReach(role: role, text: text, reach: reach, nearest: nearest, excerpt: excerpt, adding: true)
            }
        }
        let source = try spec.source.map { (s: String) throws(REPLError) -> Span in try locate(s, "source") }
        let cue = try spec.cue.map { (s: String) throws(REPLError) -> Span in try locate(s, "cue") }
        // Its entity by the words named, or that of a claim with the same source (`AddedSource`).
        let read = source.map { s in
            AddedSource.read(s, others: view.visible.map { ($0.rowID, view.attribution($0)) }, in: view.text)
        }
        let attribution = Attribution(
            source: source.map { Fragments($0) }, cue: cue.map { Fragments($0) }, content: Fragments(content),
            outlet: spec.outlet, sourceType: spec.sourceType ?? (source == nil ? .implicit : nil),
            sourceEntity: read?.entity)
        let runID = run.rowID, documentRowID = view.documentRowID, name = annotator
        let (claim, logged) = try Self.db { () throws(WorkbenchError) in
            try store.addClaim(attribution, runID: runID, documentRowID: documentRowID, annotator: name)
        }
        remember(logged)
        addedClaims.insert(claim.rowID)
        if let outlet = spec.outlet { knownOutlets.insert(outlet) }
        try refresh(keeping: claim.rowID)
        claimIndex = self.view?.index(ofClaim: claim.rowID) ?? claimIndex
        var readLines = ""
        if let source, let read { readLines = read.lines(sourceText: view.text.slice(source), typeGiven: spec.sourceType != nil) }
        return "added #\(claim.rowID)" + readLines + "\n" + currentScreen()
    }

    /// `done`: refused while a claim has no verdict from this analyst.
    func done() throws(REPLError) -> String {
        guard let view else { throw .noDocument }
        let open = view.visible.filter { !view.isReviewed($0) }
        if let first = open.first {
            // Nothing judged here yet, right after finishing another document: that one was meant.
            if open.count == view.visible.count, let finished = justFinished() {
                throw .incompleteJustArrived(unreviewed: open.count, first: first.rowID, finished: finished.docID)
            }
            throw .incomplete(unreviewed: open.count, first: first.rowID)
        }
        let name = annotator, runID = run.rowID, rowID = view.documentRowID
        // The gold takes an analyst's latest done mark: one given while reviewing another run is replaced.
        let before = view.ledger.standingMarks()[annotator].flatMap { $0.done && $0.runID != runID ? $0 : nil }
        let stored = try Self.db { () throws(WorkbenchError) in
            try store.markDocument(rowID, annotator: name, runID: runID, status: "done")
        }
        remember(stored)
        doneThisSession.insert(rowID)
        if finishedBeforeThis?.finished.documentRowID == rowID { finishedBeforeThis = nil }
        // A new document in the gold: the calibration is computed again when next needed.
        queue.calibration = nil
        try refresh(keeping: nil)
        var whereGold = ""
        if let goldRun = view.goldRun(afterDoneBy: annotator, in: runID), goldRun != runID {
            whereGold = "; its gold comes from " + Self.runPhrase(goldRun, try runNames()) + " " + Self.goldRule(documents: 1)
                + ", without your verdicts"
        } else if let before {
            whereGold = "; your gold for it now comes from your verdicts in run \"\(TerminalSafe.escape(run.name))\", no longer from "
                + Self.runPhrase(before.runID, try runNames(), otherwise: "your earlier mark")
        }
        var lines = ["\(TerminalSafe.escape(view.docID)) marked done: \(view.visible.count) claim\(view.visible.count == 1 ? "" : "s") reviewed"
            + whereGold]
        if let found = try search(fromDocument: docIndex, afterClaim: view.visible.count, forward: true, unreviewedOnly: true, wrap: true) {
            place(found)
            lines.append(currentScreen())
        } else {
            lines.append("every claim in your queue has your verdict")
        }
        return lines.joined(separator: "\n")
    }

    func undo() throws(REPLError) -> String {
        guard let step = history.lastUndoStep, let target = step.last else { throw .nothingToUndo }
        if target.entry.bulk != nil { return try undoBulk(step) }
        if step.count > 1 { return try undoTogether(step) }
        let undo = ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: target.entry.documentRowID,
                               attributionID: target.entry.attributionID, action: .undo(of: target.id))
        guard target.entry.action == .done else {
            _ = try record(undo)
            return "undone: " + target.described + "\n" + (try show(after: target))
        }
        // The gold reads an analyst's latest mark on a document, whatever the run: undoing a
        // `done` restores the mark it replaced (an earlier `done` made while reviewing another
        // run counts again), not "reopened" — and changes no mark when a later one stands.
        let marks = try documentMarks(target.entry.documentRowID)
        let standing = marks?.ledger.standingMarks()[annotator]
        let earlier = marks?.ledger.standingMarks(before: target.id)[annotator]
        if standing?.id == target.id {
            _ = try record(undo, mark: (earlier?.done == true ? "done" : "reopened", earlier.map { $0.runID } ?? run.rowID))
        } else {
            _ = try record(undo)
        }
        // A `done` of this run that stands again keeps the document among this session's.
        if !(earlier?.done == true && earlier?.runID == run.rowID) { doneThisSession.remove(target.entry.documentRowID) }
        let screen = try show(after: target)
        let restored = standing?.id == target.id ? earlier : nil
        return "undone: " + target.described + "\n" + (try restoredDoneNote(restored)) + screen
    }

    /// The document whose marks an undo or redo of `done` reads (nil when it is not in the queue).
    func documentMarks(_ documentRowID: Int64) throws(REPLError) -> DocumentView? {
        guard let index = position(ofDocument: documentRowID) else { return nil }
        return try load(index)
    }

    /// After `undo` of a `done` that had replaced a `done` made while reviewing another run: that
    /// one stands again, and the document's gold comes from there.
    func restoredDoneNote(_ earlier: StandingMark?) throws(REPLError) -> String {
        guard let earlier, earlier.done, earlier.runID != run.rowID else { return "" }
        let place = Self.runPhrase(earlier.runID, try runNames(), otherwise: "your earlier mark")
        return "your earlier done of this document, in \(place), stands again: its gold comes from there\n"
    }

    /// The runs' names by row id, read when a message needs one.
    func runNames() throws(REPLError) -> [Int64: String] {
        try Self.db { () throws(WorkbenchError) in try store.runNames() }
    }

    /// `run "rules"` for a run's row id among `names`, the one wording `annotate` and `adjudicate`
    /// give a run a note names; `otherwise` for a mark given without a run (row id nil, or -1 in
    /// `Workspace.goldRunKey`) or in a run since removed.
    static func runPhrase(_ rowID: Int64?, _ names: [Int64: String], otherwise: String = "another run") -> String {
        rowID.flatMap { names[$0] }.map { "run \"\(TerminalSafe.escape($0))\"" } ?? otherwise
    }

    /// Why a document's gold comes from the run a note names (`Workspace.goldRunKey`'s rule), said
    /// the same in every note: `annotate`'s `done`, and `adjudicate`'s notes on documents left out
    /// or walked though their gold is elsewhere.
    static func goldRule(documents count: Int) -> String {
        count == 1 ? "(most of its annotators marked it done there; ties: the older run)"
            : "(most of their annotators marked them done there; ties: the older run)"
    }

    func redo() throws(REPLError) -> String {
        guard let step = history.lastRedoStep, let undoEntry = step.last, let originalID = undoEntry.entry.action.target,
              let original = history.entry(originalID) else { throw .nothingToRedo }
        if original.entry.bulk != nil { return try redoBulk(step) }
        if step.count > 1 { return try redoTogether(step) }
        let redo = ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: undoEntry.entry.documentRowID,
                               attributionID: undoEntry.entry.attributionID, action: .redo(of: undoEntry.id))
        if original.entry.action == .done {
            // The `done` stands again, unless a later mark (given since, in another run) does.
            let standing = try documentMarks(original.entry.documentRowID)?.ledger.standingMarks()[annotator]
            if standing.map({ $0.id < original.id }) ?? true {
                _ = try record(redo, mark: ("done", run.rowID))
            } else {
                _ = try record(redo)
            }
            doneThisSession.insert(original.entry.documentRowID)
        } else {
            _ = try record(redo)
        }
        return "redone: " + original.described + "\n" + (try show(after: original))
    }

    /// `undo` of one command's several corrections (a source and the entity that followed it): one
    /// undo entry each, the last first, in one transaction.
    func undoTogether(_ step: [LoggedReview]) throws(REPLError) -> String {
        guard let first = step.first else { throw .nothingToUndo }
        try appendAnswering(step) { .undo(of: $0) }
        return "undone: " + step.map(\.described).joined(separator: ", ") + "\n" + (try show(after: first))
    }

    /// `redo` of `undoTogether`: one redo entry per undo, the last undo first (the corrections come
    /// back in their own order), in one transaction.
    func redoTogether(_ undos: [LoggedReview]) throws(REPLError) -> String {
        let originals = undos.reversed().compactMap { $0.entry.action.target.flatMap(history.entry) }
        guard let first = originals.first else { throw .nothingToRedo }
        try appendAnswering(undos) { .redo(of: $0) }
        return "redone: " + originals.map(\.described).joined(separator: ", ") + "\n" + (try show(after: first))
    }

    /// One entry answering each of `entries` (an undo or redo of it, by its id), the last first, on
    /// its claim and document, appended in one transaction and remembered.
    private func appendAnswering(_ entries: [LoggedReview], _ action: (Int64) -> ReviewAction) throws(REPLError) {
        let answers = entries.reversed().map {
            ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: $0.entry.documentRowID,
                        attributionID: $0.entry.attributionID, action: action($0.id))
        }
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(answers) }
        for e in stored { remember(e) }
    }

    /// After undo/redo: the affected document re-read, the affected claim on screen.
    func show(after e: LoggedReview) throws(REPLError) -> String {
        guard let index = position(ofDocument: e.entry.documentRowID) else { return currentScreen() }
        if index != docIndex {
            try enter(index, claim: 0)
        }
        try refresh(keeping: e.entry.attributionID)
        if claimIndex == nil, view?.visible.isEmpty == false { claimIndex = 0 }
        return currentScreen()
    }

    func score() throws(REPLError) -> String {
        let workspace = store.workspace
        do {
            return try workspace.score(run: run, against: "annotations", match: .overlap, format: .table,
                                       annotator: annotator)
        } catch .noDoneDocuments {
            // Said where the analyst is: `done` is a verb here, and `score` here takes no --against.
            throw .store("none of your documents is marked done yet: `done` marks the one on screen once every claim has your "
                + "verdict (scoring needs it: a document not done has unknown misses); `claimdesk score --run "
                + "\(ShellWord.quoted(run.name)) --against RUN` scores against a gold run instead")
        } catch {
            throw .store(error.description)
        }
    }
}

/// A writing verb's edit is recorded as this analyst's review of the claim on screen.
extension Session: EditWriting {}

extension DocumentView {
    /// The run whose reviews make the document's gold once `annotator` marks it done in `runID`:
    /// the gold export's rule (`Workspace.goldRunKey`) over the other annotators' standing done
    /// marks and this one. Nil when nobody else marked it done.
    func goldRun(afterDoneBy annotator: String, in runID: Int64) -> Int64? {
        let others = ledger.standingMarks().filter { $0.key != annotator && $0.value.done }.map(\.value.runID)
        guard !others.isEmpty else { return nil }
        return Workspace.goldRunKey(others + [runID])
    }

    /// Whether this analyst's standing word on the document is `done` (an undone `done`, or a
    /// `reopen` after it, is not).
    var isDone: Bool { ledger.standingMarks()[annotator]?.done == true }
}
