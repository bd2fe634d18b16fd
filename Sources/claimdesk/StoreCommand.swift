import ArgumentParser
import ClaimModel
import Foundation
import Workbench

/// `claimdesk store`: operations on a whole store (today: `copy`).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Operations on a whole store: copy it between SQLite and PostgreSQL.",
        subcommands: [StoreCopyCommand.self])
}

/// `claimdesk store copy --from PATH|URL --to PATH|URL`.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole store (documents, runs, claims, the log, models, links, preferences) into an empty store, every id kept.",
        discussion: """
            Each side is an SQLite file or a postgresql:// URL. The destination is created when missing and must hold \
            nothing; the copy is one transaction there (an interrupted copy leaves it empty). Score, agreement, compare, \
            report and every export of the copy are byte-identical to the source's.
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("The store to copy (only read).", valueName: "PATH|URL"))
    var from: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The empty store to copy into (created when missing).", valueName: "PATH|URL"))
    var to: String
    @Flag(name: .long, help: "Migrate a source written by an older ClaimDesk in place first, instead of refusing it.")
    var migrateSource = false

    func run() throws {
        try Entry.run {
            let progress = CopyProgressLine(enabled: Console.stderrIsTerminal)
            let report = try Workspace.copyStore(from: from, to: to, migrateSource: migrateSource) { copied, total, table in
                progress.update(copied: copied, total: total, table: table)
            }
            progress.finish()
            Console.out(report.line)
        }
    }
}

/// "copying: 120000/1250000 rows (claims)" on stderr, rewritten in place every 20,000 rows, only
/// on a terminal (a log file gets the summary line alone).
final class CopyProgressLine: Sendable {
    private let enabled: Bool
    private let state = Locked((shown: false, last: 0))
    static let every = 20_000

    init(enabled: Bool) { self.enabled = enabled }

    func update(copied: Int, total: Int, table: String) {
        guard enabled else { return }
        state.withLock { state in
            guard copied - state.last >= Self.every || copied == total else { return }
            state = (true, copied)
            FileHandle.standardError.write(Data("\r\u{1B}[Kcopying: \(copied)/\(total) rows (\(table))".utf8))
        }
    }

    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
