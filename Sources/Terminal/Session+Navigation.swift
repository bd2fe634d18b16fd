import ClaimModel
import Extraction
import Review
import Workbench

/// Moving through the queue: documents in ingestion order, claims in document order, narrowed by
/// the filter. Only the documents visited are read, one indexed query each.
extension Session {
    /// Where a session opens: `--doc`, else where this analyst stopped (the first claim without a
    /// verdict from the document of their last action on), else the first unreviewed claim.
    func start(at docID: String?) throws(REPLError) {
        // A queue emptied by left-out documents still opens on the one `--doc` brings back.
        guard !documents.isEmpty || (docID != nil && !leftOut.isEmpty) else { return }
        if let docID {
            let wasLeftOut = leftOut
            let index = try documentIndex(docID)
            try enter(index, claim: nil)
            claimIndex = view?.visible.isEmpty == false ? 0 : nil
            let back = readmittedNote(wasLeftOut)
            if !back.isEmpty { openingNote = String(back.dropLast()) }
            return
        }
        var from = 0
        if let last = log.last, let index = position(ofDocument: last.entry.documentRowID) {
            from = index
            openingNote = "resuming where you stopped"
        }
        if let found = try search(fromDocument: from, afterClaim: nil, forward: true, unreviewedOnly: true, wrap: true) {
            place(found)
        } else {
            try enter(from, claim: nil)
            claimIndex = view?.visible.isEmpty == false ? 0 : nil
            openingNote = "every claim of run \"\(TerminalSafe.escape(run.name))\" has your verdict"
        }
    }

    func position(ofDocument rowID: Int64) -> Int? {
        var lo = 0, hi = documents.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if documents[mid] == rowID { return mid }
            if documents[mid] < rowID { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// The first document index at or after (before, when backwards) `rowID`'s place.
    func insertionIndex(of rowID: Int64) -> Int {
        var lo = 0, hi = documents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if documents[mid] < rowID { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func documentIndex(_ docID: String) throws(REPLError) -> Int {
        let stored = try Self.db { () throws(WorkbenchError) in try store.document(docID: docID) }
        guard let stored, let index = position(ofDocument: stored.rowID) ?? readmit(stored.rowID) else {
            throw try notInRun(docID, stored: stored != nil)
        }
        return index
    }

    /// Why `docID` cannot be shown: not in the store at all, or held by other runs only (named,
    /// with the command that reviews it there).
    func notInRun(_ docID: String, stored: Bool? = nil) throws(REPLError) -> REPLError {
        // A doc_id the store does not hold is in no run: one lookup instead of one per run.
        let held: Bool
        if let stored { held = stored } else { held = try Self.db { () throws(WorkbenchError) in try store.document(docID: docID) } != nil }
        guard held else { return .unknownDocument(docID) }
        let runID = run.rowID
        let others = try Self.db { () throws(WorkbenchError) in try store.runsHolding(docID: docID, except: runID) }
        return others.isEmpty ? .unknownDocument(docID) : .documentInOtherRuns(docID, run: run.name, others: others)
    }

    /// Reads document `index` (or reuses the one on screen).
    func load(_ index: Int) throws(REPLError) -> DocumentView {
        if let view, docIndex == index { return view }
        return try read(documentRowID: documents[index])
    }

    /// Reads a document of the run by row id, in the queue or not.
    func read(documentRowID rowID: Int64) throws(REPLError) -> DocumentView {
        let runID = run.rowID
        guard let snapshot = try Self.db({ () throws(WorkbenchError) in try store.snapshot(documentRowID: rowID, runID: runID) }) else {
            throw .store("document row \(rowID) vanished from the store")
        }
        let loaded = DocumentView(snapshot, annotator: annotator)
        for c in loaded.visible { if let outlet = c.attribution.outlet { knownOutlets.insert(outlet) } }
        return loaded
    }

    func enter(_ index: Int, claim: Int?) throws(REPLError) {
        let loaded = try load(index)
        place((index, loaded, claim))
    }

    func place(_ found: (Int, DocumentView, Int?)) {
        if found.0 != docIndex || view?.documentRowID != found.1.documentRowID {
            sentences = nil
            // Another document: the store's outlets and tags are read again at the next TAB, so
            // that those other analysts gave since appear without a restart.
            storeOutlets = nil
            storeTags = nil
        }
        docIndex = found.0
        view = found.1
        claimIndex = found.2
    }

    /// Re-reads the document on screen after a write (the log is the truth), keeping the claim; a
    /// claim that left the list (an addition withdrawn by `undo`) gives way to the claim nearest it
    /// in the text, where the analyst was working (before, the index was clamped: the list's end).
    func refresh(keeping claimID: Int64?) throws(REPLError) {
        guard let current = view else { return }
        let rowID = current.documentRowID, runID = run.rowID
        guard let snapshot = try Self.db({ () throws(WorkbenchError) in try store.snapshot(documentRowID: rowID, runID: runID) }) else { return }
        let fresh = DocumentView(snapshot, annotator: annotator)
        for c in snapshot.claims {
            if fresh.isReviewed(c) { reviewed.insert(c.rowID) } else { reviewed.remove(c.rowID) }
        }
        view = fresh
        // The same document, whose text never changes: its sentence index stays valid.
        if let claimID, let index = fresh.index(ofClaim: claimID) {
            claimIndex = index
        } else if let claimID, let near = fresh.indexNearest(toClaim: claimID) {
            claimIndex = near
        } else if let index = claimIndex {
            claimIndex = fresh.visible.isEmpty ? nil : min(index, fresh.visible.count - 1)
        }
    }

    /// The next claim the queue admits, strictly after `afterClaim` in document `fromDocument`
    /// (from its first claim when nil); `wrap` continues from the other end.
    func search(fromDocument: Int, afterClaim: Int?, forward: Bool, unreviewedOnly: Bool,
                wrap: Bool) throws(REPLError) -> (Int, DocumentView, Int?)? {
        if queue.ordered != nil {
            return try orderedSearch(fromDocument: fromDocument, afterClaim: afterClaim, forward: forward,
                                     unreviewedOnly: unreviewedOnly, wrap: wrap)
        }
        if let found = try scan(fromDocument, afterClaim, forward, unreviewedOnly) { return found }
        guard wrap else { return nil }
        return try scan(forward ? 0 : documents.count - 1, nil, forward, unreviewedOnly)
    }

    private func scan(_ startDocument: Int, _ afterClaim: Int?, _ forward: Bool,
                      _ unreviewedOnly: Bool) throws(REPLError) -> (Int, DocumentView, Int?)? {
        var d = startDocument
        var after = afterClaim
        while d >= 0 && d < documents.count {
            let worthReading = try after != nil ? true : mayHold(d, unreviewedOnly)
            if worthReading {
                let candidate = try load(d)
                let count = candidate.visible.count
                let indices: [Int] = forward
                    ? Array(((after.map { $0 + 1 }) ?? 0)..<max(count, (after.map { $0 + 1 }) ?? 0))
                    : Array((0..<min(count, after ?? count)).reversed())
                for i in indices where candidate.admits(candidate.visible[i], filter, unreviewedOnly: unreviewedOnly) {
                    return (d, candidate, i)
                }
            }
            after = nil
            guard let next = try nextCandidate(after: d, forward: forward) else { return nil }
            d = next
        }
        return nil
    }

    /// Whether document `d` may hold an admitted claim, judged from its claim ids alone.
    private func mayHold(_ d: Int, _ unreviewedOnly: Bool) throws(REPLError) -> Bool {
        let rowID = documents[d], runID = run.rowID
        let ids = try Self.db { () throws(WorkbenchError) in try store.claimRowIDs(runID: runID, documentRowID: rowID) }
        if ids.isEmpty { return false }
        if unreviewedOnly || filter?.requiresUnreviewed == true { return ids.contains { !reviewed.contains($0) } }
        return true
    }

    /// The next document index worth reading: a filter on stored columns asks the store which
    /// document holds a match; documents this analyst changed are always candidates.
    private func nextCandidate(after d: Int, forward: Bool) throws(REPLError) -> Int? {
        let step = forward ? d + 1 : d - 1
        guard step >= 0 && step < documents.count else { return nil }
        let rowID = documents[d]
        var candidates: [Int64] = []
        guard let filter else { return step }
        let conditions = filter.storedConditions
        if filter.requiresTag {
            // Only this analyst's log holds tags: only documents they touched can match.
        } else if !conditions.isEmpty {
            let runID = run.rowID
            if let next = try Self.db({ () throws(WorkbenchError) in
                try store.nextDocument(runID: runID, after: rowID, backwards: !forward, where: conditions)
            }) { candidates.append(next) }
        } else {
            return step
        }
        if let touchedNext = forward ? touched.first(where: { $0 > rowID }) : touched.last(where: { $0 < rowID }) {
            candidates.append(touchedNext)
        }
        guard let target = forward ? candidates.min() : candidates.max() else { return nil }
        if let exact = position(ofDocument: target) { return exact }
        let i = insertionIndex(of: target)
        return forward ? (i < documents.count ? i : nil) : (i > 0 ? i - 1 : nil)
    }

    // MARK: - Verbs

    func move(forward: Bool) throws(REPLError) -> String {
        guard view != nil else { throw .noDocument }
        let after = claimIndex ?? (forward ? -1 : Int.max)
        guard let found = try search(fromDocument: docIndex, afterClaim: after, forward: forward, unreviewedOnly: false, wrap: false) else {
            return (forward ? "end of the queue: no claim after this one" : "start of the queue: no claim before this one")
                + (filter.map { " (filter: \($0))" } ?? "")
        }
        place(found)
        return currentScreen()
    }

    func show(_ id: String?, all: Bool) throws(REPLError) -> String {
        guard let id else {
            let (view, claim) = try current()
            var text = currentScreen()
            if all { text += "\n" + renderer.everyone(view.allReviews(of: claim)) }
            return text
        }
        // `show` moves nothing: a left-out document it shows stays out of the queue. Its place
        // is the one `goto` would give it (the queue does not change to say so).
        let found = try locateClaim(id)
        let position = found.index ?? insertionIndex(of: found.documentRowID)
        let count = documents.count + (found.index == nil ? 1 : 0)
        let sentences = view?.documentRowID == found.documentRowID ? sentenceIndex() : SentenceIndex(found.view.text)
        var text = screen(found.view, sentences: sentences, index: found.claim, documentPosition: position + 1, documentCount: count)
        if all { text += "\n" + renderer.everyone(found.view.allReviews(of: found.view.visible[found.claim])) }
        return text
    }

    /// Where claim `#ID` of this analyst's queue is, found without changing the queue: its
    /// document (row id, and index in the queue, nil for a left-out document), that document as
    /// read (the one on screen is not read again), and the claim's index among its visible claims.
    func locateClaim(_ text: String) throws(REPLError) -> (documentRowID: Int64, index: Int?, view: DocumentView, claim: Int) {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let rowID = Int64(digits) else { throw .unknownClaim(digits) }
        let claim = try Self.db { () throws(WorkbenchError) in try store.attribution(rowID: rowID) }
        guard let claim, claim.runID == run.rowID else { throw .unknownClaim(digits) }
        let document = claim.documentRowID
        let index = position(ofDocument: document)
        guard index != nil || leftOut[document] != nil else { throw .unknownClaim(digits) }
        let loaded: DocumentView
        if let view, view.documentRowID == document { loaded = view } else { loaded = try read(documentRowID: document) }
        guard let i = loaded.index(ofClaim: rowID) else { throw .notVisible(rowID) }
        return (document, index, loaded, i)
    }

    /// How many doc_ids `goto` lists when a prefix names several.
    static let gotoCandidates = 8

    /// `goto`: `#N` is claim #N; a doc_id, or the beginning of exactly one, is that document; digits
    /// that begin no doc_id are claim #N. See `help goto`.
    func goto(_ target: String) throws(REPLError) -> String {
        guard !target.isEmpty else { throw .usage(.goto, "needs one claim ID or doc_id") }
        let isNumber = target.allSatisfy { $0.isASCII && $0.isNumber }
        if target.hasPrefix("#") { return try gotoClaim(target) }
        let runID = run.rowID, limit = Self.gotoCandidates + 1
        let found = try Self.db { () throws(WorkbenchError) in try store.documentIDs(runID: runID, prefix: target, limit: limit) }
        let docID: String
        if found.contains(target) {
            docID = target
        } else if found.count == 1 {
            docID = found[0]
        } else if found.isEmpty {
            if isNumber { return try gotoClaim(target) }
            throw try notInRun(target)
        } else {
            throw .ambiguousDocument(target, candidates: Array(found.prefix(Self.gotoCandidates)), more: found.count > Self.gotoCandidates)
        }
        let wasLeftOut = leftOut
        let index = try documentIndex(docID)
        try enter(index, claim: nil)
        claimIndex = view?.visible.isEmpty == false ? 0 : nil
        return readmittedNote(wasLeftOut) + currentScreen()
    }

    func gotoClaim(_ target: String) throws(REPLError) -> String {
        let wasLeftOut = leftOut
        let found = try locateClaim(target)
        // A left-out document comes back only with a claim to show: `locateClaim` found one.
        guard let index = found.index ?? readmit(found.documentRowID) else {
            throw .unknownClaim(target.hasPrefix("#") ? String(target.dropFirst()) : target)
        }
        place((index, found.view, found.claim))
        return readmittedNote(wasLeftOut) + currentScreen()
    }

    /// A line saying the document on screen came back into the queue, if it was left out before.
    func readmittedNote(_ before: [Int64: ReviewDesk.DoneElsewhere]) -> String {
        guard let view, let back = before[view.documentRowID], leftOut[view.documentRowID] == nil else { return "" }
        let run = back.runName.map { "run \"" + TerminalSafe.escape($0) + "\"" } ?? "no run"
        return "back in your queue: you marked this document done while reviewing \(run); your verdicts here are for run \"\(TerminalSafe.escape(self.run.name))\"\n"
    }

    func list(_ filter: QueueFilter?) throws(REPLError) -> String {
        guard let view else { throw .noDocument }
        return renderer.list(view, current: claimIndex, filter: filter)
    }

    func context() throws(REPLError) -> String {
        let (view, _) = try current()
        return renderer.context(view, sentences: sentenceIndex(), index: claimIndex ?? 0)
    }

    func setFilter(_ change: QueueFilter??) throws(REPLError) -> String {
        guard let change else { return "filter: " + (filter.map { "\($0)" } ?? "none") }
        let previous = filter
        filter = change
        guard let filter else { return "filter cleared\n" + currentScreen() }
        if let (view, claim) = try? current(), view.admits(claim, filter, unreviewedOnly: false) {
            return "filter: \(filter)\n" + currentScreen()
        }
        if let found = try search(fromDocument: docIndex, afterClaim: claimIndex, forward: true, unreviewedOnly: false, wrap: true) {
            place(found)
            return "filter: \(filter)\n" + currentScreen()
        }
        self.filter = previous
        return "filter \(filter): no claim matches; filter not applied" + (previous.map { " (still: \($0))" } ?? "")
    }

    /// `progress`: the run's claims include those this analyst added and keeps, so that an added
    /// claim counts in the total as it does among the reviewed (and an undone one in neither).
    func progress() throws(REPLError) -> String {
        let runID = run.rowID, name = annotator
        // The run's own claims in the queue: those of documents left out (done in another run) do not count.
        let runClaims = try Self.db { () throws(WorkbenchError) in try store.claimCount(runID: runID) }
            - leftOut.values.reduce(0) { $0 + $1.claims }
        let done = try Self.db { () throws(WorkbenchError) in try store.doneDocumentRowIDs(annotator: name, runID: runID) }
        let added = reviewed.intersection(addedClaims).count
        let total = runClaims + added
        let percent = total == 0 ? 0 : Double(reviewed.count) * 100 / Double(total)
        var lines = ["\(reviewed.count) of \(plural(total, "claim")) in run \"\(TerminalSafe.escape(run.name))\" reviewed by \(TerminalSafe.escape(annotator)) ("
            + String(percent.rounded(toPlaces: 1)) + "%)" + (added > 0 ? ", \(added) of them added by you" : "")]
        if let view {
            let mine = view.visible.filter { view.isReviewed($0) }.count
            lines.append("this document: \(mine)/\(plural(view.visible.count, "claim")) reviewed"
                + (done.contains(view.documentRowID) ? ", marked done" : ""))
        }
        lines.append("documents marked done: \(done.count)/\(documents.count)")
        if !leftOut.isEmpty { lines.append(leftOutNote) }
        lines.append("pace: " + Self.pace(ReviewPace(verdictTimes: log.filter { $0.entry.action.isVerdict && $0.entry.bulk == nil }.map(\.createdAt))))
        lines.append("filter: " + (filter.map { "\($0)" } ?? "none"))
        return lines.joined(separator: "\n")
    }

    /// `38 claims per hour, 1m35s per claim`, or why there is no figure yet.
    static func pace(_ pace: ReviewPace) -> String {
        guard let seconds = pace.secondsPerClaim else { return "- (two verdicts less than 10 minutes apart are needed)" }
        guard seconds >= 1 else { return "- (verdicts under a second apart: a replayed or scripted session)" }
        let rounded = Int(seconds.rounded())
        let time = rounded >= 60 ? "\(rounded / 60)m\(String(rounded % 60).leftPadded(2).replacingOccurrences(of: " ", with: "0"))s" : "\(rounded)s"
        let perHour = pace.claimsPerHour.map { String(Int($0.rounded())) } ?? "-"
        return "\(perHour) claims per hour, \(time) per claim (median of \(plural(pace.gaps.count, "gap")) between your verdicts)"
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
