import ClaimModel
import Extraction
import Review
import Workbench

/// The verbs that write. Every entry is the adjudicator's own, on the claim on screen, marked as an
/// adjudication; each verb's entries are one transaction.
extension AdjudicationSession {
    /// A log entry of this adjudicator on `claim`.
    func entry(_ action: ReviewAction, _ claim: StoredAttribution, picked: String? = nil) -> ReviewEntry {
        ReviewEntry(annotator: adjudicator, runID: run.rowID, documentRowID: claim.documentRowID, attributionID: claim.rowID,
                    action: action, adjudication: Adjudication(picked: picked))
    }

    /// A `correct` entry of the adjudicator.
    func correction(_ field: String, _ claim: StoredAttribution, old: Attribution, new: Attribution,
                    picked: String? = nil) -> ReviewEntry {
        entry(.correct(FieldChange(field: field, from: old, to: new)), claim, picked: picked)
    }

    /// Appends `entries` in one transaction and re-reads the document on screen.
    func append(_ entries: [ReviewEntry]) throws(AdjudicationError) {
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(entries) }
        log += stored
        if let item = position.map({ queue[$0] }) { current = try load(item.document) }
    }

    /// `pick NAME`: NAME's fields where they differ from the final as it stands, then NAME's verdict
    /// (`confirm` when they keep the claim, `reject` when they rejected it or never judged it).
    /// All entries carry `"picked": NAME`, so that `undo` takes them back together.
    ///
    /// A number N that names none of the annotators is the card's Nth annotator (what the keys
    /// `1`…`9` send); an annotator whose name is that number keeps it.
    func pick(_ typed: String) throws(AdjudicationError) -> String {
        let (view, claim) = try currentClaim()
        var name = typed
        if !view.annotators.contains(typed), let n = Int(typed), n >= 1, n <= view.annotators.count { name = view.annotators[n - 1] }
        guard view.annotators.contains(name) else { throw .unknownAnnotator(name, known: view.annotators) }
        let theirs = view.decision(name, claim.rowID)
        let keep = theirs?.verdict?.isGold == true
        var entries: [ReviewEntry] = []
        var changed: [String] = []
        if keep, let theirs {
            var final = view.adjudicatorAttribution(claim)
            for field in FieldChange.names {
                let wanted = FieldChange.encode(theirs.attribution, field: field)
                guard FieldChange.encode(final, field: field) != wanted else { continue }
                var next = final
                FieldChange.apply(field, wanted, to: &next)
                entries.append(correction(field, claim, old: final, new: next, picked: name))
                changed.append(field)
                final = next
            }
        }
        // Picking again the view that already stands (a repeated key, a line pasted twice) writes
        // nothing: the log holds decisions, not keystrokes.
        if changed.isEmpty, let standing = standing(claim.rowID, in: view), standing.isGold == keep {
            return "#\(claim.rowID) already stands as \(TerminalSafe.escape(name))'s view (\(standing.rawValue)): nothing written\n" + (try advance(from: try onScreen()))
        }
        entries.append(entry(keep ? .confirm : .reject(reason: nil), claim, picked: name))
        try append(entries)
        let verdict = current?.finals[claim.rowID]?.verdict?.rawValue ?? (keep ? "confirmed" : "rejected")
        let why = theirs == nil ? " (\(TerminalSafe.escape(name)) never judged it)" : ""
        let fields = changed.isEmpty ? "" : " (" + changed.joined(separator: ", ") + ")"
        return "picked \(TerminalSafe.escape(name))'s view of #\(claim.rowID): \(verdict)\(fields)\(why)\n" + (try advance(from: try onScreen()))
    }

    /// The verdict this adjudicator's decision on `claimID` holds now, nil while undecided by them.
    func standing(_ claimID: Int64, in view: AdjudicationDocument) -> ReviewStatus? {
        guard view.adjudicatedBy[claimID] == adjudicator else { return nil }
        return view.finals[claimID]?.verdict
    }

    func verdict(_ action: ReviewAction) throws(AdjudicationError) -> String {
        let (view, claim) = try currentClaim()
        // The same decision again writes nothing (`confirm` of a confirmed or corrected final,
        // `reject` of a rejected one); a different one is a change of mind and is logged.
        if let standing = standing(claim.rowID, in: view) {
            let same: Bool
            switch action {
            case .confirm: same = standing.isGold
            case .reject: same = standing == .rejected
            default: same = false
            }
            if same { return "#\(claim.rowID) already stands as \(standing.rawValue): nothing written\n" + (try advance(from: try onScreen())) }
        }
        try append([entry(action, claim)])
        let verdict = current?.finals[claim.rowID]?.verdict?.rawValue ?? action.kind.rawValue
        return "\(verdict) #\(claim.rowID) (adjudicated)\n" + (try advance(from: try onScreen()))
    }

    func correctSpan(_ role: Role, _ target: SpanTarget) throws(AdjudicationError) -> String {
        let (view, claim) = try currentClaim()
        let old = view.adjudicatorAttribution(claim)
        let fragments: Fragments?
        do {
            switch target {
            case let .text(text):
                fragments = Fragments(try TextLocator.find(text, in: view.text, near: DocumentView.extent(old),
                                                           sentences: view.sentences, role: role.rawValue))
            case let .offsets(start, end): fragments = Fragments(try TextLocator.offsets(start, end, in: view.text))
            case .none: fragments = nil
            case let .nudge(nudge):
                fragments = try Session.nudged(old, role, nudge, in: view.text, sentences: view.sentences)
            }
        } catch {
            throw .repl(error)
        }
        return try correct(role.rawValue) { $0[role] = fragments }
    }

    /// One `correct` entry on the final; the claim stays on screen until `confirm` or `reject`.
    func correct(_ field: String, _ change: (inout Attribution) -> Void) throws(AdjudicationError) -> String {
        let (view, claim) = try currentClaim()
        let old = view.adjudicatorAttribution(claim)
        var new = old
        change(&new)
        if new == old { return "\(field) unchanged: the final's is already \(Renderer.fieldValue(field, old, view.text))" }
        var entries = [correction(field, claim, old: old, new: new)]
        // A moved source takes its entity along, as in `annotate` (`EntityFollow`); one undo step.
        let follow = field == Role.source.rawValue
            ? EntityFollow.after(old, new, extracted: claim.attribution, in: view.text) : .unchanged
        if case let .follows(followed, _) = follow {
            var second = correction("entity", claim, old: new, new: followed)
            second.follows = field
            entries.append(second)
        }
        try append(entries)
        return Renderer.change(field, old, new, view.text) + follow.lines(before: new, view.text) + "\n" + screen(at: try onScreen())
    }

    // MARK: - Undo and redo

    /// What `undo` and `redo` act on: this adjudicator's adjudications in the run (a pick is one
    /// step), read from the log, so the same after a restart.
    var history: UndoHistory { UndoHistory(log, adjudications: true) }

    /// `pick of ana's view of #2 (2 entries)`, `confirm of #3`.
    static func described(_ step: [LoggedReview]) -> String {
        guard let first = step.first else { return "nothing" }
        let claim = first.entry.attributionID.map { "#\($0)" } ?? "-"
        if let name = step.last?.entry.adjudication?.picked {
            return "pick of \(TerminalSafe.escape(name))'s view of \(claim) (\(step.count) entr\(step.count == 1 ? "y" : "ies"))"
        }
        return step.map { "\($0.entry.action.label) of \(claim)" }.joined(separator: ", ")
    }

    /// `undo`: one undo entry per entry of the last adjudication, in one transaction, and that
    /// claim on screen (back in the queue if it was decided before this session).
    func undo() throws(AdjudicationError) -> String {
        guard let last = history.lastUndoStep, let first = last.first, let claimID = first.entry.attributionID else {
            throw .nothingToUndo(run: run.name)
        }
        let undos = last.map {
            ReviewEntry(annotator: adjudicator, runID: run.rowID, documentRowID: $0.entry.documentRowID,
                        attributionID: $0.entry.attributionID, action: .undo(of: $0.id))
        }
        return try rewrite(undos, verb: "undone", step: last, claimID: claimID, documentRowID: first.entry.documentRowID)
    }

    /// `redo`: one redo entry per undo entry of the last undo, in one transaction, and that claim
    /// on screen (decided again).
    func redo() throws(AdjudicationError) -> String {
        let history = self.history
        guard let undos = history.lastRedoStep, let first = undos.first, let claimID = first.entry.attributionID else {
            throw .nothingToRedo
        }
        let originals = undos.compactMap { $0.entry.action.target.flatMap(history.entry) }
        let redos = undos.map {
            ReviewEntry(annotator: adjudicator, runID: run.rowID, documentRowID: $0.entry.documentRowID,
                        attributionID: $0.entry.attributionID, action: .redo(of: $0.id))
        }
        return try rewrite(redos, verb: "redone", step: originals, claimID: claimID, documentRowID: first.entry.documentRowID)
    }

    /// Appends an undo's or a redo's entries and puts their claim on screen.
    private func rewrite(_ entries: [ReviewEntry], verb: String, step: [LoggedReview], claimID: Int64,
                         documentRowID: Int64) throws(AdjudicationError) -> String {
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(entries) }
        log += stored
        let what = verb + ": " + Self.described(step)
        guard let (index, view, back) = try requeue(claimID, documentRowID: documentRowID) else {
            if let position { current = try load(queue[position].document) }
            return what
        }
        current = view
        position = index
        // A document brought back says so first, as `goto` does.
        return (back.map { $0 + "\n" } ?? "") + what + "\n" + screen(at: index)
    }

    /// The queue index of a claim and its document as read now (`view`, when the caller has just
    /// read it), adding the claim to the queue (in document order) when an adjudication decided it
    /// before the session opened; nil when its document is outside this walk. A claim of a
    /// left-out document brings the document back: `back` is the line saying so.
    func requeue(_ claimID: Int64, documentRowID: Int64, view known: AdjudicationDocument? = nil)
        throws(AdjudicationError) -> (index: Int, view: AdjudicationDocument, back: String?)? {
        guard let document = documents.firstIndex(where: { $0.rowID == documentRowID }) else { return nil }
        // One read (none when the caller has just read it), which `readmit` takes too.
        let view: AdjudicationDocument
        if let known { view = known } else { view = try load(document) }
        let back = try readmit(document, view: view)
        if let index = queue.firstIndex(where: { $0.claim == claimID }) { return (index, view, back) }
        guard let order = view.claims.firstIndex(where: { $0.rowID == claimID }) else { return nil }
        let index = enqueue(Item(document: document, claim: claimID, order: order))
        // Reading the document marked the queue's claims before this one joined it; and it no
        // longer counts among those adjudicated before the session.
        if view.isDecided(claimID) { decided.insert(claimID) } else { decided.remove(claimID) }
        adjudicatedBefore = max(0, adjudicatedBefore - 1)
        return (index, view, back)
    }
}

/// `confirm`, `reject` and the correcting verbs: the final written by hand.
extension AdjudicationSession: EditWriting {}
