import ClaimModel
import Extraction
import Review
import Workbench

/// What one REPL line produced.
public struct Reply: Sendable, Equatable {
    /// Text for the terminal, already escaped; may be empty.
    public var text: String
    /// The analyst asked to leave.
    public var quit: Bool = false
    /// The command was refused (and changed nothing).
    public var failed: Bool = false
    /// The session asks a question: read the next line with this prompt instead of the usual one.
    public var prompt: String? = nil
    /// Already laid out to the width, and long: on a terminal it goes through the pager (`doc`).
    public var paged: Bool = false
}

/// One analyst reviewing one run: the position in the queue, the filter, and the verbs.
///
/// The store is the only state that matters: every action is appended to the log in its own
/// transaction before `execute` returns, and what is shown is folded from the log. The session
/// keeps only what makes the next screen fast: the current document, this analyst's log in the
/// run (for undo), and the set of claims they have reviewed (for the counts and the queue).
public final class Session {
    public let annotator: String
    public let run: ReviewDesk.Run
    /// The use cases the session works through (the store is behind them).
    let store: ReviewDesk
    public var renderer: Renderer
    /// The queue's documents: the run's, in ingestion order, less those left out (`leftOut`).
    var documents: [Int64]
    /// Documents of the run this analyst marked done while reviewing another run, by row id: their
    /// gold stands, so the queue leaves them out (after `train` and `extract --model`, the new run
    /// would otherwise start with documents already reviewed). `goto` brings one back.
    var leftOut: [Int64: ReviewDesk.DoneElsewhere] = [:]

    var view: DocumentView?
    var sentences: SentenceIndex?
    var docIndex = 0
    var claimIndex: Int?
    public internal(set) var filter: QueueFilter?
    /// Claims (of this run) this analyst has a verdict on.
    var reviewed: Set<Int64> = []
    /// This analyst's log in this run, oldest first.
    var log: [LoggedReview]
    var history: UndoHistory
    /// Documents this analyst has a log entry in (row ids, ascending).
    var touched: [Int64]
    var knownOutlets: Set<String> = []
    var knownTags: Set<String> = []
    /// Every outlet and tag in the store, read on the first TAB that needs them (nil until then).
    var storeOutlets: [String]?
    var storeTags: [String]?
    /// Said once, on the first screen (where the session resumed, or why there is no claim).
    var openingNote: String?
    /// On the first screen: what `--include-done` kept in the queue, or that nothing was left out.
    var includeDoneNote: String?
    /// On the first screen of an imported gold run: reviewing it changes that gold.
    var goldRunNote: String?
    /// On the first screen: the remembered queue order, when it is not the document order.
    var orderNote: String?
    /// Documents this analyst marked done in this session (`done` that was not undone since).
    var doneThisSession: Set<Int64> = []
    /// Single-key mode (`keys on`), remembered per analyst as the preference `keys`.
    public internal(set) var singleKeys = false
    /// The queue's order and a bulk acceptance waiting for its answer.
    var queue = QueueState()
    /// Claims this analyst added in the run (standing or withdrawn): `progress` counts the standing
    /// ones in its total as well as among the reviewed.
    var addedClaims: Set<Int64> = []
    /// Documents whose "every claim judged: `done`" hint was already given in this session.
    var doneHinted: Set<Int64> = []
    /// The document whose last claim the analyst just judged (not yet done) and the document the
    /// queue then moved to: an `add` or `done` typed next was most likely meant for the first one.
    var finishedBeforeThis: (finished: DocumentView, arrivedAt: Int64)?
    /// The word TAB is completing, for completions read from the store by prefix (document ids).
    var completingWord = ""

    /// Opens a session; `runName` nil takes "rules", else the only non-gold run. Documents the
    /// analyst marked done while reviewing another run are left out of the queue unless
    /// `includeDone`.
    public init(workspace: Workspace, annotator: String, runName: String?, startDocument: String?,
                renderer: Renderer, includeDone: Bool = false) throws(REPLError) {
        let store = ReviewDesk(workspace)
        self.store = store
        self.annotator = annotator
        self.renderer = renderer
        self.run = try Self.resolveRun(store, runName)
        let runID = run.rowID
        var queued = try Self.db { () throws(WorkbenchError) in try store.documentRowIDs(processedBy: runID) }
        let annotatorName = annotator
        log = try Self.db { () throws(WorkbenchError) in try store.annotations(annotator: annotatorName, runID: runID) }
        history = UndoHistory(log, adjudications: false)
        touched = Array(Set(log.map(\.entry.documentRowID))).sorted()
        let done = try Self.db { () throws(WorkbenchError) in
            try store.documentsDoneElsewhere(annotator: annotatorName, runID: runID)
        }
        // The store gives only the run's own documents; not one already begun in this run: the
        // analyst chose to review that one here.
        let begun = Set(touched)
        var elsewhere: [Int64: ReviewDesk.DoneElsewhere] = [:]
        for d in done where !begun.contains(d.documentRowID) {
            elsewhere[d.documentRowID] = d
        }
        if !includeDone {
            queued.removeAll { elsewhere[$0] != nil }
            leftOut = elsewhere
        } else {
            // `--include-done` says what it kept, or that there was nothing to keep.
            includeDoneNote = elsewhere.isEmpty
                ? "--include-done: nothing was left out (you marked no document of run \"\(TerminalSafe.escape(run.name))\" done while reviewing another run)"
                : "--include-done: \(plural(elsewhere.count, "document")) you marked done while reviewing another run "
                    + (elsewhere.count == 1 ? "stays" : "stay") + " in your queue"
        }
        if ReviewDesk.isGold(run) {
            let others = try Self.db { () throws(WorkbenchError) in try store.runs() }.filter { !ReviewDesk.isGold($0) }.map(\.name)
            goldRunNote = "run \"\(TerminalSafe.escape(run.name))\" is gold brought in by `claimdesk import-gold`: your verdicts here change that gold"
                + (others.isEmpty ? "" : "; claims to review are in " + TerminalSafe.runList(others) + " (`--run NAME`)")
        }
        documents = queued
        for e in ReviewLedger(log).effective {
            if let claim = e.entry.attributionID, e.entry.action.isVerdict { reviewed.insert(claim) }
            if let claim = e.entry.attributionID, e.entry.action == .add { addedClaims.insert(claim) }
            switch e.entry.action {
            case let .tag(tags), let .untag(tags): knownTags.formUnion(tags)
            case let .correct(change):
                if change.field == "outlet", let outlet = change.new.stringValue { knownOutlets.insert(outlet) }
            default: break
            }
            knownTags.formUnion(e.entry.tags ?? [])
        }
        singleKeys = try Self.db { () throws(WorkbenchError) in try store.singleKeys(annotatorName) }
        try applyRememberedOrder()
        try start(at: startDocument)
    }

    static func resolveRun(_ store: ReviewDesk, _ name: String?) throws(REPLError) -> ReviewDesk.Run {
        try db { () throws(WorkbenchError) in try store.runToReview(named: name) }
    }

    static func db<T>(_ body: () throws(WorkbenchError) -> T) throws(REPLError) -> T {
        do { return try body() } catch { throw .store(error.description) }
    }

    // MARK: - The loop's entry points

    /// The first screen.
    public func opening() -> String {
        var parts = ["reviewing run \"\(TerminalSafe.escape(run.name))\" as \(TerminalSafe.escape(annotator)) · `help` lists the verbs"]
        if renderer.style == .color { parts.append(renderer.legend) }
        if let goldRunNote { parts.append(goldRunNote) }
        if let openingNote { parts.append(openingNote) }
        if !leftOut.isEmpty && !documents.isEmpty { parts.append(leftOutNote) }
        if let includeDoneNote { parts.append(includeDoneNote) }
        if let orderNote { parts.append(orderNote) }
        parts.append(currentScreen())
        return renderer.wrap(parts.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// Runs one line. Refused commands change nothing and say why.
    public func execute(_ line: String) -> Reply {
        if queue.pending != nil {
            var answer = answerPending(line)
            answer.text = renderer.wrap(answer.text)
            return answer
        }
        do {
            guard let command = try Command.parse(line) else { return Reply(text: "") }
            var reply = try command.run(self)
            if !reply.paged { reply.text = renderer.wrap(reply.text) }
            return reply
        } catch {
            return Reply(text: renderer.wrap("error: " + TerminalSafe.lines(error.description)), failed: true)
        }
    }


    /// Said with `quit`'s goodbye after documents were marked done while reviewing a model's run:
    /// the loop's next step is a model that learns from them too.
    var nextAfterReview: String {
        guard !doneThisSession.isEmpty, Workspace.modelName(extractor: run.extractor) != nil else { return "" }
        return "\nnext: `claimdesk train --model NAME --gold` learns from every document marked done so far (\(plural(doneThisSession.count, "document")) "
            + "by you in this session), then `claimdesk extract --model NAME`"
    }

    // MARK: - Screens

    /// The current claim's screen, or what to do when there is none.
    func currentScreen() -> String {
        guard let view else {
            if documents.isEmpty && !leftOut.isEmpty {
                return "every document of run \"\(TerminalSafe.escape(run.name))\" is one you marked done while reviewing "
                    + leftOutRuns + " (its gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all"
            }
            return "no documents in run \"\(TerminalSafe.escape(run.name))\""
        }
        guard let index = claimIndex, index < view.visible.count else {
            return "\(TerminalSafe.escape(view.docID)): no claim to show here" + (filter.map { " (filter: \($0))" } ?? "")
        }
        return screen(view, sentences: sentenceIndex(), index: index, documentPosition: docIndex + 1, documentCount: documents.count)
    }

    /// Claim `index` of `view` at `documentPosition` of `documentCount`: the claim on screen, or
    /// one `show #ID` shows without moving.
    func screen(_ view: DocumentView, sentences: SentenceIndex, index: Int, documentPosition: Int, documentCount: Int) -> String {
        renderer.screen(view, sentences: sentences, index: index, documentPosition: documentPosition,
                        documentCount: documentCount, reviewedCount: reviewed.count, filter: filter, order: orderLabel)
    }

    /// `left out: 2 documents you marked done while reviewing run "rules" …`: said on the first screen.
    var leftOutNote: String {
        "left out: \(plural(leftOut.count, "document")) you marked done while reviewing \(leftOutRuns) ("
            + (leftOut.count == 1 ? "its" : "their") + " gold stands); "
            + "`goto DOC_ID` brings one back, `claimdesk annotate --include-done` all"
    }

    /// The runs the left-out documents were marked done in: `run "rules"`, `runs "rules", "m1"`.
    var leftOutRuns: String {
        var names: [String] = []
        for d in leftOut.values.sorted(by: { $0.documentRowID < $1.documentRowID }) {
            if let name = d.runName, !names.contains(name) { names.append(name) }
        }
        // A mark made without a run (nothing names it) adds no name.
        return names.isEmpty ? "no run" : TerminalSafe.runList(names)
    }

    /// Brings a left-out document back into the queue (`goto` asked for it): its index, or nil
    /// when it was not left out.
    func readmit(_ rowID: Int64) -> Int? {
        guard leftOut.removeValue(forKey: rowID) != nil else { return nil }
        let at = insertionIndex(of: rowID)
        documents.insert(rowID, at: at)
        if view != nil && at <= docIndex { docIndex += 1 }
        return at
    }

    func sentenceIndex() -> SentenceIndex {
        if let sentences { return sentences }
        let built = SentenceIndex(view?.text ?? ScalarText(""))
        sentences = built
        return built
    }

    /// The claim on screen, or `.noClaim`.
    func current() throws(REPLError) -> (DocumentView, StoredAttribution) {
        guard let view, let index = claimIndex, index < view.visible.count else { throw .noClaim }
        return (view, view.visible[index])
    }

    static func help(_ verb: Verb?) -> String {
        Verb.helpText(verb, footer: "quote texts with spaces: source \"the Shura Council\"; `help VERB` for details")
    }

    /// `help`, with the colour legend when colours are on.
    func helpText(_ verb: Verb?) -> String {
        Self.help(verb) + (verb == nil && renderer.style == .color ? "\n" + renderer.legend : "")
    }
}
