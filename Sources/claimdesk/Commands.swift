import ArgumentParser
import ClaimModel
import Foundation
import Interchange
import Workbench

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store documents: .txt files, ClaimDesk .jsonl files (docs/FORMAT.md), folders (recursively).",
        discussion: "Only the texts are stored: a brat folder's .ann files beside them are counted in the summary, not read; "
            + "`claimdesk import-gold FOLDER` reads them as gold, `claimdesk import-claims --run NAME FOLDER` as a run.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Store the valid documents and list the invalid ones instead of failing.")
    var skipInvalid = false
    @Argument(help: ArgumentHelp("Files or folders.", valueName: "PATH"))
    var paths: [String]

    func run() throws {
        try Entry.run {
            let report = try global.open().ingest(paths, skipInvalid: skipInvalid)
            for issue in report.skipped { Console.note("skipped: \(issue)") }
            Console.out(report.summary)
        }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the built-in extractor (or with --model, the rules and a trained model) over every document not yet in the run; prints counts and speed.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "Run name (default: rules; with --model, the model's name).") var runName: String?
    @Option(name: .long, help: "full (default for a new run), or direct-quotes (only claims whose content is a quotation: a quote-tool baseline).")
    var profile: ExtractionProfile?
    @Option(name: .long, help: ArgumentHelp("Extract with the rules and this trained model (`claimdesk models`); the run records the model and its digest.", valueName: "NAME"))
    var model: String?

    func validate() throws {
        if model != nil && profile != nil { throw ValidationError("--profile goes with the rules alone, not with --model") }
    }

    func run() throws {
        try Entry.run {
            let runName = self.runName ?? model ?? "rules"
            try Names.runName(runName, origin: self.runName == nil ? "--model" : "--run")
            let workspace = try global.open()
            let progress = ProgressLine.extracting(enabled: Console.stderrIsTerminal)
            let limits = Self.limits(ProcessInfo.processInfo.environment["CLAIMDESK_EXTRACT_LIMITS"])
            let report: ExtractReport
            let onProgress: @Sendable (Int, Int) -> Void = { done, total in
                progress.update(done, total) { "extracting: \(done)/\(total) documents" }
            }
            if let model {
                report = try workspace.extract(model: model, runName: runName, limits: limits, progress: onProgress)
            } else {
                report = try workspace.extract(runName: runName, profile: profile, limits: limits, progress: onProgress)
            }
            progress.finish()
            Console.out(report.summary)
            if model != nil && report.documents > 0 {
                let run = ShellWord.quoted(runName)
                Console.out("next: `claimdesk annotate --run \(run)` reviews its claims (`--order uncertain`: the least sure first), "
                    + "`claimdesk score --run \(run)` scores them")
            }
        }
    }

    /// `$CLAIMDESK_EXTRACT_LIMITS` (`slice=N,claims=N,pause=MICROSECONDS,context=N`): smaller
    /// bounds, so that tests exercise slicing and chunked writes on small documents (`context=0`:
    /// slices read alone). Unknown or bad parts are ignored.
    static func limits(_ spec: String?) -> ExtractLimits {
        var limits = ExtractLimits()
        for part in (spec ?? "").split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let value = Int(pair[1]), value > 0 || value == 0 && pair[0] == "context" else { continue }
            switch pair[0] {
            case "slice": limits.sliceScalars = value
            case "claims": limits.claimsPerTransaction = value
            case "context": limits.contextScalars = value
            case "pause": limits.pauseMicroseconds = UInt32(clamping: value)
            default: continue
            }
        }
        return limits
    }
}

struct ImportClaims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-claims", abstract: "Import another extractor's output (ClaimDesk JSONL, docs/FORMAT.md; or --format) as a run.",
        discussion: """
            One JSON line per document: doc_id, text and attributions. The text is required on \
            every line; a doc_id the store holds must come with the same text, one it lacks is \
            stored as a new document (named in the report when the store held the file's other \
            documents). Offsets count Unicode scalars (Python str indexing: text[start:end]), not \
            UTF-16 units or bytes; write source_text, cue_text and content_text too, and a span \
            counted otherwise is refused with the unit it fits. Unless --skip-invalid, one bad line \
            refuses the whole file and nothing is stored (every bad line is listed as FILE:LINE); \
            the same file again changes nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "Run name.") var runName: String
    @Option(name: .long, help: "The file's format (docs/FORMAT.md); default: detected from the file when unambiguous.")
    var format: InterchangeFormat?
    @OptionGroup var labelOptions: LabelOptions
    @Flag(name: .long, help: "Import the valid lines and list the invalid ones instead of failing.")
    var skipInvalid = false
    @Flag(name: .long, help: "When documents already in the run would change, make this file the run's new version (the old one is kept as NAME@vN) instead of refusing.")
    var replace = false
    @Argument(help: ArgumentHelp("A ClaimDesk JSONL file (docs/FORMAT.md), or a file (folder) of --format.", valueName: "FILE")) var file: String

    func run() throws {
        let labels = try labelOptions.map()
        try Entry.run {
            try Names.runName(runName, origin: "--run")
            let report = try global.open().importClaims(file: file, runName: runName, skipInvalid: skipInvalid, replace: replace, format: format, labels: labels)
            for issue in report.warnings { Console.note("warning: \(issue)") }
            for issue in report.skipped { Console.note("skipped: \(issue)") }
            Console.out(report.summary)
        }
    }
}

struct ImportGold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-gold",
        abstract: "Attributions in FILE become reviewed gold of their annotators; the documents they annotated are marked done.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The annotator of reviews and annotations the file credits to nobody \(Annotator.defaultHelp).") var annotator: String?
    @Flag(name: .long, help: "Import the valid lines and list the invalid ones instead of failing.")
    var skipInvalid = false
    @Flag(name: .long, help: "When documents already in their gold run would change, make this file the run's new version (the old one is kept as NAME@vN) instead of refusing.")
    var replace = false
    @Option(name: .long, help: "The file's format (docs/FORMAT.md); default: detected from the file when unambiguous.")
    var format: InterchangeFormat?
    @OptionGroup var labelOptions: LabelOptions
    @Argument(help: ArgumentHelp("A ClaimDesk JSONL file (a gold export; docs/FORMAT.md), a brat folder written by `export --format brat`, or a file (folder) of --format.", valueName: "PATH")) var file: String

    func run() throws {
        let labels = try labelOptions.map()
        try Entry.run {
            let name = try Annotator.resolve(annotator)
            let report = try global.open().importGoldExport(path: file, annotator: name, skipInvalid: skipInvalid, replace: replace, format: format, labels: labels)
            for issue in report.warnings { Console.note("warning: \(issue)") }
            for issue in report.skipped { Console.note("skipped: \(issue)") }
            Console.out(report.summary)
        }
    }
}

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs in the store.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table

    func run() throws {
        try Entry.run { Console.out(try global.openForReading().runsListing(format: format), format: format) }
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the documents in the store.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table

    func run() throws {
        try Entry.run { Console.out(try global.openForReading().docsListing(format: format), format: format) }
    }
}

struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List claims, optionally of one run and one document.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("run"), help: "Only this run.") var runName: String?
    @Option(name: .long, help: "Only this document (doc_id).") var doc: String?
    @Option(name: .long, help: "table or json.") var format: ListingFormat = .table

    func run() throws {
        try Entry.run { Console.out(try global.openForReading().claimsListing(run: runName, doc: doc, format: format), format: format) }
    }
}

/// The annotator's name: `$CLAIMDESK_ANNOTATOR`, then `$USER`, then "analyst".
enum Annotator {
    /// The default, as the `--annotator` help texts say it.
    static let defaultHelp = "(default: $CLAIMDESK_ANNOTATOR, else $USER, else \"analyst\")"

    static func defaultName() -> String { defaultNameAndOrigin().name }

    static func defaultNameAndOrigin() -> (name: String, origin: String) {
        let env = ProcessInfo.processInfo.environment
        for key in ["CLAIMDESK_ANNOTATOR", "USER"] { if let v = env[key], !v.isEmpty { return (v, "$" + key) } }
        return ("analyst", "the default annotator")
    }

    /// `flag` (the `--annotator` value) or the default, checked by `NameRule`: a name is stored
    /// and shown everywhere, so a bad one is refused here with where it came from.
    static func resolve(_ flag: String?) throws(WorkbenchError) -> String {
        if let flag { return try Names.checked(flag, what: "annotator name", origin: "--annotator") }
        let (name, origin) = defaultNameAndOrigin()
        return try Names.checked(name, what: "annotator name", origin: origin)
    }
}

/// A one-line progress counter on stderr, rewritten in place (`\r`, erase to the end of the line)
/// and erased by `finish()` before the summary line; shown only on a terminal, so a log file or a
/// pipe gets the summary alone. The commands differ only in pace: `extract` writes every count but
/// none in its first second (a quick run shows nothing), `store copy` writes from the start but
/// only every `step` rows (a count per chunk would flood a slow terminal) and the last count.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let start = Date()
    private let delay: TimeInterval?
    private let step: Int?
    /// Whether a line was shown and the count it showed; the lock also keeps two workers' writes
    /// from interleaving.
    private let state = Locked((shown: false, last: 0))

    /// `delay`: seconds before the first line (nil: none); `step`: the least advance between two
    /// lines (nil: every count).
    init(enabled: Bool, delay: TimeInterval? = nil, step: Int? = nil) {
        self.enabled = enabled
        self.delay = delay
        self.step = step
    }

    /// `extract`'s counter: "extracting: 3/16 documents", after a second.
    static func extracting(enabled: Bool) -> ProgressLine { ProgressLine(enabled: enabled, delay: 1) }

    /// `store copy`'s counter: "copying: 120000/1250000 rows (claims)", every 20,000 rows.
    static func copying(enabled: Bool) -> ProgressLine { ProgressLine(enabled: enabled, step: 20_000) }

    /// Shows `line()` for `done` of `total` when the pace allows (the text is made only then).
    func update(_ done: Int, _ total: Int, _ line: () -> String) {
        guard enabled else { return }
        state.withLock { state in
            if let delay, Date().timeIntervalSince(start) <= delay { return }
            if let step, done - state.last < step && done != total { return }
            state = (true, done)
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line()).utf8))
        }
    }

    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            // Cleared once: a later call (a `defer` after the explicit one) writes nothing.
            state.shown = false
        }
    }
}

/// `claimdesk check`: the schema check, the engine's own check where it has one a client can run
/// (SQLite's pages), the references; one line per problem, exit 1 if any.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the store: schema objects and migrations, references, and on SQLite PRAGMA quick_check (integrity_check with --full).")
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "SQLite: run the slower PRAGMA integrity_check instead of quick_check (PostgreSQL: the same check).")
    var full = false

    func run() throws {
        try Entry.run {
            let workspace = OpenStores.shared.keep(try Workspace.open(path: global.storePath, mode: .inspect))
            // The location as messages show it (a password never printed).
            let path = workspace.storePath
            let problems = try workspace.checkProblems(full: full)
            if problems.isEmpty {
                Console.out("\(path): ok (\(workspace.checkScope(full: full)))")
                return
            }
            for problem in problems { Console.error("\(TerminalSafe.path(path)): \(problem)") }
            throw ExitCode(1)
        }
    }
}
