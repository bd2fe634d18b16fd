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

    public var summary: String {
        if documents == 0 { return "run \"\(run)\": every document is already extracted (nothing to do)" }
        let mbps = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        return "run \"\(run)\": \(claims) claims in \(documents) document\(documents == 1 ? "" : "s") "
            + String(format: "(%.2f MB in %.2f s, %.1f MB/s, %.0f claims/s)", Double(bytes) / 1_000_000, seconds, mbps,
                     seconds > 0 ? Double(claims) / seconds : 0)
    }
}

/// What `import-claims` / `import-gold` did.
public struct ImportReport: Sendable {
    public var run: String
    public var documents: Int
    public var claims: Int
    public var skipped: [InterchangeIssue]
    /// Further lines of the summary (`import-gold`: what enters the gold and what does not).
    public var notes: [String] = []
    public var summary: String {
        (["run \"\(run)\": imported \(claims) claims in \(documents) documents"
            + (skipped.isEmpty ? "" : ", \(skipped.count) lines skipped as invalid")] + notes).joined(separator: "\n")
    }
}

extension Workspace {
    /// Runs the built-in extractor over every document the run has not processed yet, storing the
    /// claims in batches (one transaction each) and extracting each batch on all cores.
    /// `profile` nil: the run's own (full for a new run).
    public func extract(runName: String = "rules", profile requested: ExtractionProfile? = nil,
                        progress: (@Sendable (Int, Int) -> Void)? = nil) throws(WorkbenchError) -> ExtractReport {
        let extractor: RulesExtractor
        do { extractor = try RulesExtractor() } catch { throw WorkbenchError.extractor(error) }
        var run = try db { () throws(StoreError) in try store.run(named: runName) }
        if let existing = run, existing.kind != .extractor {
            throw WorkbenchError.runKind(name: runName, expected: "an extractor", actual: existing.kind.rawValue)
        }
        let profile = requested ?? run.map { ExtractionProfile(parameters: $0.parameters) } ?? .full
        let parameters = "profile=\(profile.rawValue); \(extractor.parameters)"
        if let existing = run, ExtractionProfile(parameters: existing.parameters) != profile {
            throw WorkbenchError.usage(
                "run \"\(runName)\" was made with --profile \(ExtractionProfile(parameters: existing.parameters).rawValue); "
                    + "name a new run for --profile \(profile.rawValue)")
        }
        if run == nil {
            run = try db { () throws(StoreError) in
                try store.createRun(name: runName, kind: .extractor, extractor: RulesExtractor.name,
                                    version: RulesExtractor.version, parameters: parameters)
            }
        }
        guard let run else { throw WorkbenchError.unknownRun(runName) }
        let pending = try db { () throws(StoreError) in try store.documentRowIDs(notProcessedBy: run.rowID) }
        let started = DispatchTime.now()
        var report = ExtractReport(run: runName, documents: 0, claims: 0, scalars: 0, bytes: 0, seconds: 0, extractionSeconds: 0)
        let batchSize = 256
        var index = 0
        while index < pending.count {
            let ids = Array(pending[index..<min(index + batchSize, pending.count)])
            let documents = try db { () throws(StoreError) in try store.documents(rowIDs: ids) }
            let extractStart = DispatchTime.now()
            let results = Self.extractAll(documents, extractor, profile: profile)
            report.extractionSeconds += Self.seconds(since: extractStart)
            let output = zip(documents, results).map { (documentRowID: $0.rowID, attributions: $1) }
            report.claims += try db { () throws(StoreError) in try store.saveRunOutput(runID: run.rowID, output) }
            for document in documents {
                report.scalars += document.scalarCount
                report.bytes += document.document.text.utf8.count
            }
            report.documents += documents.count
            index += ids.count
            progress?(report.documents, pending.count)
        }
        report.seconds = Self.seconds(since: started)
        return report
    }

    /// Extracts every document, spread over the machine's cores; results in input order.
    static func extractAll(_ documents: [StoredDocument], _ extractor: RulesExtractor,
                           profile: ExtractionProfile = .full) -> [[Attribution]] {
        let box = ResultBox(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            box.set(i, profile.apply(extractor.extract(documents[i].document), text: documents[i].document.text))
        }
        return box.values
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Imports another extractor's output (docs/FORMAT.md JSONL) as a run of kind `imported`.
    public func importClaims(file: String, runName: String, skipInvalid: Bool = false,
                             format: InterchangeFormat? = nil, labels: LabelMap = .standard) throws(WorkbenchError) -> ImportReport {
        let existing = try db { () throws(StoreError) in try store.run(named: runName) }
        if let existing, existing.kind != .imported {
            throw WorkbenchError.runKind(name: runName, expected: "an imported", actual: existing.kind.rawValue)
        }
        let (items, skipped) = try readInterchange(file, format: format, labels: labels, skipInvalid: skipInvalid)
        var run: RunInfo
        if let existing {
            run = existing
        } else {
            run = try db { () throws(StoreError) in
                try store.createRun(name: runName, kind: .imported, extractor: "import-claims", version: nil, parameters: "file=\(file)")
            }
        }
        let stored = try db { () throws(StoreError) in
            try store.saveRunOutput(runID: run.rowID, items.map { (documentRowID: $0.0.rowID, attributions: $0.1) })
        }
        return ImportReport(run: runName, documents: items.count, claims: stored, skipped: skipped)
    }
}

/// Collects per-index results from concurrent workers.
final class ResultBox: @unchecked Sendable {
    private var storage: [[Attribution]]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [Attribution]) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [[Attribution]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
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
