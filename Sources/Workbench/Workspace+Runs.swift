import ClaimModel
import ClaimStore
import Dispatch
import Extraction
import Foundation
import Interchange

/// What `extract` did, with its speed.
public struct ExtractReport: Sendable {
    public var run: String
    public var documents: Int
    public var claims: Int
    public var scalars: Int
    public var bytes: Int
    public var seconds: Double
    public var extractionSeconds: Double
    /// The store holds no document at all: "every document is already extracted" would send a
    /// new user from `annotate` ("run `claimdesk extract` first") back to `extract` in a loop.
    public var storeHasNoDocuments = false

    public var summary: String {
        if storeHasNoDocuments {
            return "run \"\(run)\": the store holds no documents yet: `claimdesk ingest PATH` adds them (`claimdesk ingest corpora`: the shipped corpus)"
        }
        if documents == 0 { return "run \"\(run)\": every document is already extracted (nothing to do)" }
        let mbps = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        return "run \"\(run)\": \(plural(claims, "claim")) in \(plural(documents, "document")) "
            + String(format: "(%.2f MB in %.2f s, %.1f MB/s, %.0f claims/s)", Double(bytes) / 1_000_000, seconds, mbps,
                     seconds > 0 ? Double(claims) / seconds : 0)
    }
}

/// How `extract` bounds its batches, its memory and its write transactions.
public struct ExtractLimits: Sendable {
    /// Documents per extraction batch, and the most text (in scalars) one batch holds.
    public var batchDocuments = 256
    public var batchScalars = 8 << 20
    /// A document longer than this is extracted slice by slice. Long enough for any news article
    /// (about 10,000 words); the extractor's coreference grows faster than linearly with the
    /// entities of one text, so a 2 MB text of many speakers takes 2.4 s in 50,000-scalar slices,
    /// 15 s in 200,000-scalar slices and over 300 s whole (release build).
    public var sliceScalars = 65_536
    /// Each slice is read between up to this much of the text before it and after it (from and to
    /// a paragraph break), so that a pronoun at its start finds the speaker named just before and a
    /// content running past its end is read whole; a claim is the slice's whose content starts in
    /// it (`Workspace.readings`).
    public var contextScalars = 4_096
    /// About this many claims per write transaction (whole documents, unless one alone is bigger):
    /// about 60 ms of writing in a release build.
    public var claimsPerTransaction = 8_000
    /// The pause after each write transaction, as long as an analyst's busy poll (1 ms), so that a
    /// waiting `confirm` gets the lock before the batch job's next transaction. Measured with
    /// `claimdesk-bench contention --mb 20`: the longest confirm wait 18–22 ms (4,000 claims and
    /// 3 ms: 18–33 ms; unbounded: 3.7 s), while the pipeline loses about 3% to the pauses (10% at
    /// 4,000 claims and 3 ms).
    public var pauseMicroseconds: UInt32 = 1_000

    public init() {}
}

/// What `import-claims` / `import-gold` did.
public struct ImportReport: Sendable {
    public var run: String
    public var documents: Int
    public var claims: Int
    public var skipped: [InterchangeIssue]
    /// Further lines of the summary (documents left unchanged, replaced runs; `import-gold`: what
    /// enters the gold and what does not).
    public var notes: [String] = []

    public init(run: String, documents: Int, claims: Int, skipped: [InterchangeIssue], notes: [String] = []) {
        self.run = run
        self.documents = documents
        self.claims = claims
        self.skipped = skipped
        self.notes = notes
    }

    /// The report of a committed import.
    init(_ commit: ImportCommit, fallbackRun: String, skipped: [InterchangeIssue]) {
        var runs: [String] = []
        for p in commit.imported + commit.unchanged where !p.runName.isEmpty && !runs.contains(p.runName) { runs.append(p.runName) }
        // A document stored outside any run (import-gold: nobody annotated it) that the store
        // held already is left as it was, as `ingest` leaves it.
        let imported = commit.imported.filter { !$0.runName.isEmpty || $0.isNewDocument }
        let unchanged = commit.unchanged.count + commit.imported.count - imported.count
        // Every document stored outside any run (import-gold of a file nobody annotated): no run
        // was made, and the headline must not name one.
        let noRun = runs.isEmpty && (commit.imported + commit.unchanged).contains { $0.runName.isEmpty }
        self.init(run: noRun ? "" : runs.isEmpty ? fallbackRun : runs.joined(separator: ", "), documents: imported.count,
                  claims: commit.claims.values.reduce(0, +), skipped: skipped)
        for (name, kept) in commit.replaced {
            notes.append("replaced: run \"\(TerminalSafe.escape(name))\" is now this import; its previous version is kept as \"\(TerminalSafe.escape(kept))\"")
        }
        if unchanged > 0 {
            let n = unchanged
            notes.append("unchanged: \(n) document\(n == 1 ? " was" : "s were") already in the run with the same content (left as \(n == 1 ? "it was" : "they were"))")
        }
    }
    /// Lines or files left out without failing the import (a brat line ClaimDesk does not use).
    public var warnings: [InterchangeIssue] = []
    public var summary: String {
        let head = run.isEmpty ? "no run made: \(plural(documents, "document")) stored without claims"
            : "run \"\(run)\": imported \(plural(claims, "claim")) in \(plural(documents, "document"))"
        return ([head
            + (skipped.isEmpty ? "" : ", \(plural(skipped.count, "line")) skipped as invalid")] + notes).joined(separator: "\n")
    }
}

extension Workspace {
    /// Runs the built-in extractor over every document the run has not processed yet.
    ///
    /// Bounded so that a batch job never keeps an analyst waiting and never holds a whole corpus
    /// (or a whole huge document's claims) in memory: documents are read and extracted in batches
    /// of at most `limits.batchDocuments` documents and `limits.batchScalars` scalars, on all cores; claims are
    /// written in transactions of at most about `limits.claimsPerTransaction` claims, with a short pause
    /// after each so that another process's write takes the gap. A document longer than
    /// `limits.sliceScalars` is extracted slice by slice (cut at paragraph breaks) and its claims are
    /// written as they come, visible only once all are stored (`appendPendingClaims`).
    /// `profile` nil: the run's own (full for a new run).
    public func extract(runName: String = "rules", profile requested: ExtractionProfile? = nil, limits: ExtractLimits = ExtractLimits(),
                        progress: (@Sendable (Int, Int) -> Void)? = nil) throws(WorkbenchError) -> ExtractReport {
        let extractor: RulesExtractor
        do { extractor = try RulesExtractor() } catch { throw WorkbenchError.extractor(error) }
        // The run's ref (no claim count): looked up once, and handed down.
        var run = try db(store.runRef(named: runName))
        if let existing = run, existing.kind != .extractor {
            throw WorkbenchError.runKind(name: runName, expected: "an extractor", actual: existing.kind.rawValue)
        }
        if let existing = run, existing.extractor != RulesExtractor.name {
            throw WorkbenchError.usage(try madeByAnother(existing))
        }
        let profile = requested ?? run.map { ExtractionProfile(parameters: $0.parameters) } ?? .full
        let parameters = "profile=\(profile.rawValue); \(extractor.parameters)"
        if let existing = run, ExtractionProfile(parameters: existing.parameters) != profile {
            throw WorkbenchError.usage(
                "run \"\(runName)\" was made with --profile \(ExtractionProfile(parameters: existing.parameters).rawValue); "
                    + "name a new run for --profile \(profile.rawValue)")
        }
        if run == nil {
            run = RunRef(try db(store.createRun(name: runName, kind: .extractor, extractor: RulesExtractor.name,
                                                version: RulesExtractor.version, parameters: parameters)))
        }
        guard let run else { throw WorkbenchError.unknownRun(runName) }
        return try extractPending(run: run, limits: limits, progress: progress) { document in
            profile.apply(extractor.extract(document), text: document.text)
        }
    }

    /// Runs `extract` over every document `run` has not processed yet, within `limits` (see
    /// `extract(runName:…)`): the one batch-and-write loop behind the rules and a trained model.
    func extractPending(run: RunRef, limits: ExtractLimits, progress: (@Sendable (Int, Int) -> Void)?,
                        _ extract: @Sendable (Document) -> [Attribution]) throws(WorkbenchError) -> ExtractReport {
        let runName = run.name
        let runID = run.rowID
        // What a killed extract left of a half-written document goes first.
        _ = try db(store.discardIncompleteClaims(runID: runID))
        let pending = try db(store.pendingDocuments(notProcessedBy: runID))
        let started = DispatchTime.now()
        var report = ExtractReport(run: runName, documents: 0, claims: 0, scalars: 0, bytes: 0, seconds: 0, extractionSeconds: 0)
        if pending.isEmpty { report.storeHasNoDocuments = try db(store.documentCount()) == 0 }
        var index = 0
        while index < pending.count {
            if pending[index].scalars > limits.sliceScalars {
                let ids = [pending[index].rowID]
                guard let document = try db(store.documents(rowIDs: ids)).first else {
                    index += 1
                    continue
                }
                report.claims += try extractInSlices(document, runID: runID, limits: limits, report: &report, extract)
                report.scalars += document.scalarCount
                report.bytes += document.document.text.utf8.count
                report.documents += 1
                index += 1
                progress?(report.documents, pending.count)
                continue
            }
            var end = index
            var scalars = 0
            while end < pending.count, end - index < limits.batchDocuments, pending[end].scalars <= limits.sliceScalars,
                  end == index || scalars + pending[end].scalars <= limits.batchScalars {
                scalars += pending[end].scalars
                end += 1
            }
            let ids = pending[index..<end].map(\.rowID)
            let documents = try db(store.documents(rowIDs: ids))
            let extractStart = DispatchTime.now()
            let results = Self.extractAll(documents.map(\.document), extract)
            report.extractionSeconds += Self.seconds(since: extractStart)
            report.claims += try store(zip(documents.map(\.rowID), results).map { ($0, $1) }, runID: runID, limits: limits)
            for document in documents {
                report.scalars += document.scalarCount
                report.bytes += document.document.text.utf8.count
            }
            report.documents += documents.count
            index = end
            progress?(report.documents, pending.count)
        }
        report.seconds = Self.seconds(since: started)
        return report
    }

    /// Stores extracted documents in transactions of about `limits.claimsPerTransaction` claims.
    func store(_ output: [(Int64, [Attribution])], runID: Int64, limits: ExtractLimits) throws(WorkbenchError) -> Int {
        var stored = 0
        var group: [(documentRowID: Int64, attributions: [Attribution])] = []
        var groupClaims = 0
        var wrote = false
        func flush() throws(WorkbenchError) {
            guard !group.isEmpty else { return }
            // The gap goes between two transactions, not after the last one.
            if wrote { usleep(limits.pauseMicroseconds) }
            let batch = group
            stored += try db(store.saveRunOutput(runID: runID, batch))
            group = []
            groupClaims = 0
            wrote = true
        }
        for (rowID, attributions) in output {
            if attributions.count > limits.claimsPerTransaction {
                try flush()
                stored += try storePending(attributions, documentRowID: rowID, runID: runID, firstOrdinal: 0, limits: limits)
                try db(store.completeDocument(runID: runID, documentRowID: rowID))
                continue
            }
            if groupClaims + attributions.count > limits.claimsPerTransaction { try flush() }
            group.append((rowID, attributions))
            groupClaims += attributions.count
        }
        try flush()
        return stored
    }

    /// Appends claims of an incomplete document in transactions of `limits.claimsPerTransaction`.
    func storePending(_ attributions: [Attribution], documentRowID: Int64, runID: Int64, firstOrdinal: Int,
                      limits: ExtractLimits) throws(WorkbenchError) -> Int {
        var offset = 0
        while offset < attributions.count {
            let chunk = Array(attributions[offset..<min(offset + limits.claimsPerTransaction, attributions.count)])
            let first = firstOrdinal + offset
            _ = try db(store.appendPendingClaims(runID: runID, documentRowID: documentRowID, firstOrdinal: first, chunk))
            offset += chunk.count
            usleep(limits.pauseMicroseconds)
        }
        return attributions.count
    }

    /// Extracts a long document slice by slice (as many slices at once as there are cores), storing
    /// each group's claims before extracting the next, and completes it at the end. Each slice is
    /// read between the end of the slice before and the start of the next (`readings`), so a
    /// pronoun at its start resolves to a speaker named just before and a content running past its
    /// end is read whole; a claim belongs to the slice its content starts in, so none is stored
    /// twice. Claims keep document offsets and are numbered r1, r2, … across slices.
    func extractInSlices(_ stored: StoredDocument, runID: Int64, limits: ExtractLimits, report: inout ExtractReport,
                         _ extract: @Sendable (Document) -> [Attribution]) throws(WorkbenchError) -> Int {
        let slices = Self.readings(of: Self.slices(of: stored.document.text, limit: limits.sliceScalars),
                                   context: limits.contextScalars)
        let group = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var ordinal = 0
        var next = 0
        while next < slices.count {
            let part = Array(slices[next..<min(next + group, slices.count)])
            let documents = part.map { slice in
                var document = stored.document
                document.text = slice.text
                return document
            }
            let extractStart = DispatchTime.now()
            let results = Self.extractAll(documents, extract)
            report.extractionSeconds += Self.seconds(since: extractStart)
            var claims: [Attribution] = []
            for (slice, found) in zip(part, results) {
                let offset = slice.offset - slice.leadIn
                for var a in found where Self.starts(a, in: slice.leadIn..<(slice.leadIn + slice.scalars)) {
                    a.source = a.source.map { Self.shift($0, by: offset) }
                    a.cue = a.cue.map { Self.shift($0, by: offset) }
                    a.content = a.content.map { Self.shift($0, by: offset) }
                    a.id = "r\(ordinal + claims.count + 1)"
                    claims.append(a)
                }
            }
            ordinal += try storePending(claims, documentRowID: stored.rowID, runID: runID, firstOrdinal: ordinal, limits: limits)
            next += part.count
        }
        try db(store.completeDocument(runID: runID, documentRowID: stored.rowID))
        return ordinal
    }

    /// Does the claim's content (its cue, else its source, if it has none) start in `range`: is it
    /// the slice's own rather than its lead-in's or lead-out's?
    static func starts(_ a: Attribution, in range: Range<Int>) -> Bool {
        guard let first = (a.content ?? a.cue ?? a.source)?.spans.first else { return true }
        return range.contains(first.start)
    }

    /// Each slice with the text it is read in: a lead-in from the slice before (`leadIn` scalars),
    /// its own text (`scalars`), then a lead-out from the slice after. The lead-in is the end of the
    /// slice before from the first paragraph break (a blank line) in its last `context` scalars,
    /// else the first line break, else the first sentence end (". "); the lead-out is the start of
    /// the slice after up to the last such break in its first `context` scalars. With no break, or
    /// where a break leaves nothing but white space, that side is left out.
    static func readings(of slices: [(offset: Int, scalars: Int, text: String)], context: Int)
        -> [(offset: Int, leadIn: Int, scalars: Int, text: String)] {
        slices.indices.map { k in
            var leadIn = "", leadOut = ""
            if k > 0, context > 0 {
                let window = slices[k - 1].text.unicodeScalars.suffix(context)
                if let start = Breaks(window, atEnd: false).strongest(\.first) {
                    leadIn = String(String.UnicodeScalarView(window[start...]))
                }
            }
            if k + 1 < slices.count, context > 0 {
                let window = slices[k + 1].text.unicodeScalars.prefix(context)
                if let end = Breaks(window, atEnd: false).strongest(\.last) { leadOut = String(String.UnicodeScalarView(window[..<end])) }
            }
            if leadIn.unicodeScalars.allSatisfy(\.properties.isWhitespace) { leadIn = "" }
            if leadOut.unicodeScalars.allSatisfy(\.properties.isWhitespace) { leadOut = "" }
            let slice = slices[k]
            return (slice.offset, leadIn.unicodeScalars.count, slice.scalars, leadIn + slice.text + leadOut)
        }
    }

    static func shift(_ fragments: Fragments, by offset: Int) -> Fragments {
        Fragments(unchecked: fragments.spans.map { Span($0.start + offset, $0.end + offset) }) ?? fragments
    }

    /// Cuts `text` into slices of at most about `limit` scalars: after the last paragraph break
    /// (a blank line) in the second half of the window, else after the last line break, else after
    /// the last sentence end (". "), else at the limit.
    static func slices(of text: String, limit: Int) -> [(offset: Int, scalars: Int, text: String)] {
        let view = text.unicodeScalars
        var result: [(offset: Int, scalars: Int, text: String)] = []
        var start = view.startIndex
        var offset = 0
        while start < view.endIndex {
            var end = view.index(start, offsetBy: limit, limitedBy: view.endIndex) ?? view.endIndex
            if end < view.endIndex {
                let half = view.index(start, offsetBy: limit / 2)
                if let cut = Breaks(view[start..<end], atEnd: true).strongest({ $0.last { $0 > half } }) { end = cut }
            }
            let count = view.distance(from: start, to: end)
            result.append((offset, count, String(view[start..<end])))
            offset += count
            start = end
        }
        return result
    }

    /// Extracts every document, spread over the machine's cores; results in input order.
    static func extractAll(_ documents: [Document], _ extract: @Sendable (Document) -> [Attribution]) -> [[Attribution]] {
        let results = Locked(Array(repeating: [Attribution](), count: documents.count))
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            let found = extract(documents[i])
            results.withLock { $0[i] = found }
        }
        return results.withLock { $0 }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Imports another extractor's output as a run of kind `imported`, in one transaction (staged
    /// first, see `ImportStage`): documents, run and claims appear together or not at all. A run
    /// that exists takes the file's new documents; a document already in it with the same claims is
    /// left as it is; one with other claims refuses the import, unless `replace` makes this file
    /// the run's new version (the old one is kept as `NAME@vN`).
    public func importClaims(file: String, runName: String, skipInvalid: Bool = false, replace: Bool = false,
                             format: InterchangeFormat? = nil, labels: LabelMap = .standard) throws(WorkbenchError) -> ImportReport {
        let existing = try db(store.runRef(named: runName))
        if let existing, existing.kind != .imported {
            throw WorkbenchError.runKind(name: runName, expected: "an imported", actual: existing.kind.rawValue)
        }
        // An extractor's output names documents by doc_id and carries their text, so a doc_id the
        // store lacks (a typo, another naming scheme) is stored as a new document. Into a store
        // that holds documents already, that is rarely meant: the report names them (the commit
        // says which it added; no stored id is read, however many the store holds).
        let staged = try stageImport(file, format: format, labels: labels, skipInvalid: skipInvalid) { (chunk, stage) throws(StoreError) in
            try stage.declareRun(name: runName, kind: .imported, extractor: "import-claims", parameters: "file=\(file)")
            try stage.add(chunk.map { item in
                GoldImportDocument(document: item.document.document, origin: item.origin, runName: runName,
                                   claims: item.document.attributions.map {
                                       var a = $0
                                       a.review = nil
                                       a.otherReviews = []
                                       return ImportedClaim(attribution: a, entries: [])
                                   }, doneBy: [])
            })
        }
        defer { staged.stage.discard() }
        let commit = try db(store.commit(staged.stage, replace: replace))
        var report = ImportReport(commit, fallbackRun: runName, skipped: staged.skipped)
        report.warnings = staged.warnings
        if commit.storeHeldDocuments, let note = Self.newDocumentsNote(commit.imported + commit.unchanged) {
            report.notes.append(note)
        }
        return report
    }

    /// The line naming the documents an import added to a store that held documents already (into
    /// an empty store, a corpus brought with its claims, nothing is said): some of the file's, or
    /// all of them — a file whose doc_ids all miss the store's (another naming scheme) scores
    /// against nothing later, so that case is said too.
    static func newDocumentsNote(_ placed: [ImportCommit.Placed]) -> String? {
        let fresh = placed.filter(\.isNewDocument)
        guard !fresh.isEmpty else { return nil }
        let names = fresh.prefix(3).map { TerminalSafe.quoted($0.docID) }.joined(separator: ", ") + (fresh.count > 3 ? ", …" : "")
        let which = fresh.count == placed.count
            ? (placed.count == 1 ? "the file's document" : "all \(placed.count) of the file's documents")
                + " (\(names)), stored with the file's text: none of its doc_ids was in the store; "
            : "\(plural(fresh.count, "document")) of the file's \(placed.count) (\(names)), stored with the file's text; "
        return "new to the store: \(which)"
            + (fresh.count == 1 ? "if it was meant to be a stored one, check its doc_id" : "if they were meant to be stored ones, check their doc_ids")
            + " against `claimdesk docs`"
    }
}

/// What part of the extractor's output a run keeps.
public enum ExtractionProfile: String, Sendable, CaseIterable {
    /// Every attribution the rules find.
    case full
    /// Only claims whose content opens with a quotation mark: what quote-based tools (the
    /// CoreNLP quote annotator and most peers) find; a baseline to `compare` against.
    case directQuotes = "direct-quotes"

    /// The profile recorded in a run's parameters (`profile=NAME; …`); runs made before profiles are full.
    public init(parameters: String?) {
        let prefix = "profile="
        guard let parameters, parameters.hasPrefix(prefix) else { self = .full; return }
        let name = parameters.dropFirst(prefix.count).prefix { $0 != ";" }
        self = ExtractionProfile(rawValue: String(name)) ?? .full
    }

    func apply(_ attributions: [Attribution], text: String) -> [Attribution] {
        guard self == .directQuotes else { return attributions }
        let quoteMarks: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201E}", "\u{AB}", "'", "\u{2018}"]
        let scalars = Array(text.unicodeScalars)
        var kept: [Attribution] = []
        for a in attributions {
            guard let start = a.content?.hull.start, start < scalars.count, quoteMarks.contains(scalars[start]) else { continue }
            var quoted = a
            quoted.id = "r\(kept.count + 1)"
            kept.append(quoted)
        }
        return kept
    }
}

extension RunRef {
    /// The ref of a run just created (`createRun` answers with its counts, all zero).
    init(_ info: RunInfo) {
        self.init(rowID: info.rowID, name: info.name, kind: info.kind, extractor: info.extractor, parameters: info.parameters,
                  version: info.version)
    }
}

/// Where a text may be cut: the positions just after each paragraph break (a blank line), line
/// break and sentence end (". ") of a window, each kind in text order. Slices are cut at the last
/// strongest one in the second half of a window; their lead-ins and lead-outs run from and to one.
struct Breaks {
    typealias Index = Substring.UnicodeScalarView.Index
    var paragraphs: [Index] = [], lines: [Index] = [], sentences: [Index] = []

    /// `atEnd`: a break that ends the window counts too (otherwise only one with text after it).
    init(_ window: Substring.UnicodeScalarView, atEnd: Bool) {
        var last: Unicode.Scalar?
        var i = window.startIndex
        while i < window.endIndex {
            let scalar = window[i]
            i = window.index(after: i)
            if i == window.endIndex && !atEnd { break }
            if scalar == "\n" {
                if last == "\n" { paragraphs.append(i) } else { lines.append(i) }
            } else if scalar == " " && last == "." {
                sentences.append(i)
            }
            last = scalar
        }
    }

    /// `pick` of the paragraph breaks, else of the line breaks, else of the sentence ends.
    func strongest(_ pick: ([Index]) -> Index?) -> Index? {
        pick(paragraphs) ?? pick(lines) ?? pick(sentences)
    }
}
