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
            let progress = ProgressLine.copying(enabled: Console.stderrIsTerminal)
            let report = try Workspace.copyStore(from: from, to: to, migrateSource: migrateSource) { copied, total, table in
                progress.update(copied, total) { "copying: \(copied)/\(total) rows (\(table))" }
            }
            progress.finish()
            Console.out(report.line)
        }
    }
}
