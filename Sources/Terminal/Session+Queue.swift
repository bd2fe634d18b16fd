import ClaimModel
import Review
import Workbench

/// `accept-above` (many verdicts as one action) and `order` (the queue sorted by confidence).
extension Session {
    // MARK: - The calibration

    /// The run's calibration against the analysts' gold, computed on first need and kept for the
    /// session (a full score: never once per call).
    func calibration() throws(REPLError) -> QueueCalibration? {
        if let known = queue.calibration { return known }
        let run = self.run
        let computed = try Self.db { () throws(WorkbenchError) in try store.calibration(run: run) }
        queue.calibration = .some(computed.calibration)
        queue.calibrationGap = computed.gap
        return computed.calibration
    }

    /// Whether `accept-above` asks before acting: set on a terminal; a pipe or a script never asks.
    public var asksBeforeBulk: Bool {
        get { queue.asksBeforeBulk }
        set { queue.asksBeforeBulk = newValue }
    }

    // MARK: - accept-above

    /// The claims `accept-above threshold` would confirm: the run's own claims without this
    /// analyst's verdict, at or above the confidence, in the document on screen or the filter's
    /// whole queue (as this analyst sees them: their corrections count for the filter).
    func bulkCandidates(_ threshold: Double, _ scope: BulkScope) throws(REPLError) -> [ReviewDesk.Queued] {
        func eligible(_ view: DocumentView, _ c: StoredAttribution) -> Bool {
            c.origin == .run && !view.isReviewed(c) && (c.attribution.confidence ?? -1) >= threshold
                && view.admits(c, filter, unreviewedOnly: false)
        }
        func queued(_ c: StoredAttribution) -> ReviewDesk.Queued {
            ReviewDesk.Queued(rowID: c.rowID, documentRowID: c.documentRowID, confidence: c.attribution.confidence)
        }
        switch scope {
        case .document:
            guard let view else { throw .noDocument }
            return view.visible.filter { eligible(view, $0) }.map(queued)
        case .filter:
            let runID = run.rowID, conditions = filter?.storedConditions ?? []
            let stored = try Self.db { () throws(WorkbenchError) in
                try store.queuedClaims(runID: runID, atOrAbove: threshold, where: conditions)
            }
            // Where this analyst wrote nothing, the stored columns are what they see; the documents
            // they touched are read, so that their corrections and tags decide.
            let touchedSet = Set(touched)
            var result = stored.filter {
                !touchedSet.contains($0.documentRowID) && !reviewed.contains($0.rowID) && leftOut[$0.documentRowID] == nil
            }
            if filter?.requiresTag == true { result = [] }
            for rowID in touched {
                guard let index = position(ofDocument: rowID) else { continue }
                let loaded = try load(index)
                result += loaded.visible.filter { eligible(loaded, $0) }.map(queued)
            }
            let order = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($0.element, $0.offset) })
            return result.sorted { a, b in
                let (x, y) = (order[a.documentRowID] ?? 0, order[b.documentRowID] ?? 0)
                return x != y ? x < y : a.rowID < b.rowID
            }
        }
    }

    /// `accept-above T [--doc|--filter]`: a preview, the question on a terminal, then one action.
    func acceptAbove(_ threshold: Double, scope: BulkScope) throws(REPLError) -> Reply {
        let claims = try bulkCandidates(threshold, scope)
        let at = Self.threshold(threshold)
        let place = scope == .document ? "in this document" : "in your queue" + (filter.map { " (filter: \($0))" } ?? "")
        guard !claims.isEmpty else {
            return Reply(text: "no claim without your verdict at ≥ \(at) \(place); nothing changed")
        }
        let expected = try calibration()?.expectedPrecision(claims.compactMap(\.confidence))
        let bulk = PendingBulk(threshold: threshold, claims: claims, scope: scope, expected: expected)
        guard queue.asksBeforeBulk else { return Reply(text: try accept(bulk)) }
        queue.pending = bulk
        // Wrapped as every reply is (the question is the prompt, which the reply's wrapping never
        // sees): `[y/N]` ends the last line, and the answer is typed after it.
        let what = "accept \(Self.count(claims.count)) at ≥ \(at) \(place) (\(expectation(expected)))? [y/N]"
        return Reply(text: "", prompt: renderer.wrap(what) + " ")
    }

    /// The analyst's answer to the question: `y` or `yes` accepts, anything else changes nothing.
    func answerPending(_ line: String) -> Reply {
        guard let bulk = queue.pending else { return Reply(text: "") }
        queue.pending = nil
        let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { return Reply(text: "nothing accepted") }
        do {
            return Reply(text: try accept(bulk))
        } catch {
            return Reply(text: "error: " + TerminalSafe.lines(error.description), failed: true)
        }
    }

    /// Writes the confirms, marked bulk, in one transaction; the screen moves on like `confirm`'s.
    func accept(_ bulk: PendingBulk) throws(REPLError) -> String {
        let mark = BulkAcceptance(threshold: bulk.threshold, count: bulk.claims.count)
        let entries = bulk.claims.map {
            ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: $0.documentRowID, attributionID: $0.rowID,
                        action: .confirm, bulk: mark)
        }
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(entries) }
        for e in stored {
            remember(e)
            if let claim = e.entry.attributionID { reviewed.insert(claim) }
        }
        takeIn(stored)
        var lines = ["accepted \(Self.count(bulk.claims.count)) at ≥ \(Self.threshold(bulk.threshold)) ("
            + expectation(bulk.expected) + "); `undo` takes them all back"]
        if let (view, claim) = try? current(), !view.isReviewed(claim) {
            lines.append(currentScreen())
        } else if queue.ordered == nil, let view {
            // In document order the analyst stays in this document: what is left in it below the
            // threshold comes next, and when nothing is, `done` (after adding what was missed).
            let from = claimIndex ?? 0
            let order = Array(from..<view.visible.count) + Array(0..<min(from, view.visible.count))
            if let next = order.first(where: { view.admits(view.visible[$0], filter, unreviewedOnly: true) }) {
                claimIndex = next
                lines.append(currentScreen())
            } else {
                lines.append("every claim of this document" + (filter.map { " (filter: \($0))" } ?? "")
                    + " has your verdict; `done` marks it reviewed, once you have added what the extractor missed")
            }
        } else if let found = try search(fromDocument: docIndex, afterClaim: claimIndex, forward: true, unreviewedOnly: true, wrap: true) {
            place(found)
            lines.append(currentScreen())
        } else {
            lines.append("every claim in your queue has your verdict" + (filter.map { " (filter: \($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// New entries of this analyst folded into the document on screen, without reading it again.
    func takeIn(_ stored: [LoggedReview]) {
        guard let rowID = view?.documentRowID else { return }
        let here = stored.filter { $0.entry.documentRowID == rowID }
        if !here.isEmpty { view?.record(batch: here) }
    }

    /// `undo` of an `accept-above`: one undo entry per verdict, in one transaction, the last verdict
    /// first (so each undo finds its target at the end of the step: linear, not quadratic).
    func undoBulk(_ step: [LoggedReview]) throws(REPLError) -> String {
        let undos = step.reversed().map {
            ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: $0.entry.documentRowID,
                        attributionID: $0.entry.attributionID, action: .undo(of: $0.id))
        }
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(undos) }
        for e in stored {
            remember(e)
            if let claim = e.entry.attributionID { reviewed.remove(claim) }
        }
        takeIn(stored)
        return "undone: " + Self.described(step) + "\n" + (try showBulk(step))
    }

    /// `redo` of an undone `accept-above`: one redo entry per undo, in one transaction, the last
    /// undo first (the verdicts come back in their own order).
    func redoBulk(_ undos: [LoggedReview]) throws(REPLError) -> String {
        let redos = undos.reversed().map {
            ReviewEntry(annotator: annotator, runID: run.rowID, documentRowID: $0.entry.documentRowID,
                        attributionID: $0.entry.attributionID, action: .redo(of: $0.id))
        }
        let stored = try Self.db { () throws(WorkbenchError) in try store.append(redos) }
        for e in stored {
            remember(e)
            if let claim = e.entry.attributionID { reviewed.insert(claim) }
        }
        takeIn(stored)
        let originals = undos.reversed().compactMap { $0.entry.action.target.flatMap(history.entry) }
        return "redone: " + Self.described(originals) + "\n" + (try showBulk(originals))
    }

    /// After the undo or redo of a bulk step: its first claim on screen.
    func showBulk(_ step: [LoggedReview]) throws(REPLError) -> String {
        guard let first = step.first, let index = position(ofDocument: first.entry.documentRowID) else { return currentScreen() }
        if index != docIndex { try enter(index, claim: 0) }
        if let claimID = first.entry.attributionID, let i = view?.index(ofClaim: claimID) { claimIndex = i }
        return currentScreen()
    }

    /// `accept-above of 37 claims at ≥ 0.90`.
    static func described(_ step: [LoggedReview]) -> String {
        let at = step.first?.entry.bulk?.threshold.map { " at ≥ " + threshold($0) } ?? ""
        return "accept-above of \(count(step.count))\(at)"
    }

    static func count(_ n: Int) -> String { "\(n) claim\(n == 1 ? "" : "s")" }

    /// A threshold with at least two decimals, and as many more as it was given with: 0.90, 0.925.
    static func threshold(_ t: Double) -> String {
        var text = String(t)
        if !text.contains(".") { text += ".0" }
        while let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) < 3 { text += "0" }
        return text
    }

    func expectation(_ precision: Double?) -> String {
        guard let precision else { return "expected precision unknown: no calibration yet, \(queue.calibrationGap)" }
        return "expected precision " + String(precision.rounded(toPlaces: 2)).padded2
    }

    // MARK: - order

    /// `order [document|uncertain|confidence]`: sets (and remembers) the order, or says which it is.
    func setOrder(_ order: QueueOrder?) throws(REPLError) -> String {
        guard let order else { return "order: " + orderDescription() }
        let name = annotator
        try Self.db { () throws(WorkbenchError) in try store.setPreference("order", order.rawValue, annotator: name) }
        try apply(order)
        var lines = ["order: " + orderDescription()]
        if order != .document, let found = try search(fromDocument: docIndex, afterClaim: nil, forward: true, unreviewedOnly: true, wrap: true) {
            place(found)
        }
        lines.append(currentScreen())
        return lines.joined(separator: "\n")
    }

    /// Sorts the run's claims for `order` (the calibration's threshold for `uncertain`).
    func apply(_ order: QueueOrder) throws(REPLError) {
        queue.order = order
        guard order != .document else {
            queue.ordered = nil
            queue.place = [:]
            return
        }
        queue.threshold = order == .uncertain ? (try calibration()?.threshold ?? QueueOrder.uncalibratedThreshold) : 0
        let runID = run.rowID
        let claims = try Self.db { () throws(WorkbenchError) in try store.queuedClaims(runID: runID) }
        let sorted = order.sorted(claims, threshold: queue.threshold)
        queue.ordered = sorted
        var place: [Int64: Int] = [:]
        place.reserveCapacity(sorted.count)
        for (i, c) in sorted.enumerated() { place[c.rowID] = i }
        queue.place = place
    }

    /// The remembered order of this analyst, applied when the session opens.
    func applyRememberedOrder() throws(REPLError) {
        let name = annotator
        guard let saved = try Self.db({ () throws(WorkbenchError) in try store.preference("order", annotator: name) }),
              let order = QueueOrder(rawValue: saved), order != .document else { return }
        try apply(order)
        // A queue that jumps between documents surprises whoever set the order sessions ago.
        orderNote = "order: " + orderDescription() + ", remembered for you; `order document` goes back to ingestion order"
    }

    func orderDescription() -> String {
        switch queue.order {
        case .document: return "document (documents in ingestion order, claims in text order)"
        case .confidence: return "confidence (highest extractor confidence first)"
        case .uncertain:
            guard let calibration = queue.calibration ?? nil else {
                return "uncertain (closest to 0.5 first: no calibration yet, \(queue.calibrationGap))"
            }
            return calibration.threshold != nil
                ? "uncertain (closest to the auto-accept threshold \(Self.threshold(queue.threshold)) first)"
                : "uncertain (closest to 0.5 first: no confidence reaches the auto-accept precision yet)"
        }
    }

    /// The status line's mention of the order (nil in document order, which needs none).
    var orderLabel: String? {
        switch queue.order {
        case .document: return nil
        case .confidence: return "order confidence"
        case .uncertain: return "order uncertain (\(Self.threshold(queue.threshold)))"
        }
    }

    /// `search` in a confidence order: from the claim after `afterClaim` of document `fromDocument`
    /// in the sorted list (from its start when that claim is not in it), reading each candidate's document.
    func orderedSearch(fromDocument: Int, afterClaim: Int?, forward: Bool, unreviewedOnly: Bool,
                       wrap: Bool) throws(REPLError) -> (Int, DocumentView, Int?)? {
        guard let ordered = queue.ordered else { return nil }
        var start = forward ? -1 : ordered.count
        if let afterClaim, fromDocument == docIndex, let view, afterClaim >= 0, afterClaim < view.visible.count,
           let p = queue.place[view.visible[afterClaim].rowID] {
            start = p
        }
        func scan(_ range: [Int]) throws(REPLError) -> (Int, DocumentView, Int?)? {
            for i in range {
                let q = ordered[i]
                if (unreviewedOnly || filter?.requiresUnreviewed == true) && reviewed.contains(q.rowID) { continue }
                guard let d = position(ofDocument: q.documentRowID) else { continue }
                let loaded = try load(d)
                guard let index = loaded.index(ofClaim: q.rowID),
                      loaded.admits(loaded.visible[index], filter, unreviewedOnly: unreviewedOnly) else { continue }
                return (d, loaded, index)
            }
            return nil
        }
        let ahead = forward ? Array((start + 1)..<max(start + 1, ordered.count)) : Array((0..<max(0, start)).reversed())
        if let found = try scan(ahead) { return found }
        guard wrap else { return nil }
        let behind = forward ? Array(0..<max(0, min(start + 1, ordered.count))) : Array((min(start, ordered.count - 1)..<ordered.count).reversed())
        return try scan(behind)
    }
}

extension String {
    /// "0.9" → "0.90": two decimals for a figure rounded to two.
    var padded2: String {
        guard let dot = firstIndex(of: ".") else { return self + ".00" }
        let decimals = distance(from: dot, to: endIndex) - 1
        return decimals >= 2 ? self : self + String(repeating: "0", count: 2 - decimals)
    }
}
