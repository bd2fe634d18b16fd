import ArgumentParser
import ClaimModel
import Foundation
import Workbench

/// `claimdesk`: the root command. Subcommands are declared as data; each lives in its own file.
@main
struct ClaimDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimdesk",
        abstract: "Claim-provenance annotation workbench: extract attributions, review them, score, export.",
        discussion: """
            Store: --db PATH, else $CLAIMDESK_DB, else annotations/claimdesk.sqlite.
            With no subcommand: on a new store, ingest corpora/, extract, then open the review REPL.
            """,
        version: Versions.line,
        subcommands: [
            Ingest.self, Extract.self, ImportClaims.self, ImportGold.self, Runs.self, Docs.self, Claims.self,
            Annotate.self, AdjudicateCommand.self, Score.self, Compare.self, AgreementCommand.self, Export.self, Report.self,
            Check.self, Train.self, Models.self, ImportModel.self, LinkCommand.self, TrailCommand.self,
            StoreCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Entry.run { try StartCommand.run(global: global) }
    }

    /// Parses, runs, and maps every failure to one stderr line and the contract's exit codes:
    /// 0 ok (and `--help`, `--version`), 1 anything wrong with the input, the command line included.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((usageLine(message(for: error), arguments: Array(CommandLine.arguments.dropFirst())) + "\n").utf8))
            Foundation.exit(1)
        }
    }

    /// A command-line mistake as one line, like every other error: `claimdesk SUBCOMMAND: what is
    /// wrong`, the parser's lists run together ("one of: jsonl, csv"), and where the options are
    /// listed. The offending argument is quoted escaped (it may hold terminal escapes).
    static func usageLine(_ message: String, arguments: [String]) -> String {
        var parts: [String] = []
        var items: [String] = []
        for line in message.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("- ") { items.append(String(line.dropFirst(2))); continue }
            if !items.isEmpty { parts.append(items.joined(separator: ", ")); items = [] }
            parts.append(line)
        }
        if !items.isEmpty { parts.append(items.joined(separator: ", ")) }
        var text = parts.joined(separator: " ")
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        // The parser's "… is invalid for '--format <format>'. Please provide one of the following: a, b"
        // in the voice of the other messages: "…; it takes one of: a, b".
        text = text.replacingOccurrences(of: ". Please provide one of the following:", with: "; it takes one of:")
            .replacingOccurrences(of: ". Please provide one of ", with: "; it takes one of ")
        if text.hasSuffix("'.") { text.removeLast() }
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        // An argument of any length may be quoted in it: the line stays short.
        if text.unicodeScalars.count > 400 { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(399))) + "…" }
        let path = (["claimdesk"] + commandPath(arguments)).joined(separator: " ")
        return TerminalSafe.escape("\(path): \(text) (`\(path) --help` lists the options)")
    }

    /// The subcommand names among `arguments` (`store copy`), by the command tree.
    static func commandPath(_ arguments: [String]) -> [String] {
        var path: [String] = []
        var level: [ParsableCommand.Type] = configuration.subcommands
        for argument in arguments where !argument.hasPrefix("-") {
            guard let next = level.first(where: { $0._commandName == argument }) else { continue }
            path.append(argument)
            level = next.configuration.subcommands
        }
        return path
    }
}

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (default: $CLAIMDESK_DB, else annotations/claimdesk.sqlite).", valueName: "PATH"))
    var db: String?

    var storePath: String { Workspace.resolvePath(db) }

    /// The store for a command that writes: created (with its folder) when missing.
    func open() throws(WorkbenchError) -> Workspace { OpenStores.shared.keep(try Workspace.open(path: storePath)) }

    /// The store for a command that only reads: opened read-only, never created.
    func openForReading() throws(WorkbenchError) -> Workspace {
        OpenStores.shared.keep(try Workspace.open(path: storePath, mode: .readOnly))
    }
}

/// The stores this process opened, closed (and so checkpointed) when the command ends, however it
/// ends, so that a clean exit leaves the main store file self-contained.
final class OpenStores: Sendable {
    static let shared = OpenStores()
    private let open = Locked<[Workspace]>([])

    func keep(_ workspace: Workspace) -> Workspace {
        open.withLock { $0.append(workspace) }
        return workspace
    }

    func closeAll() {
        let all = open.withLock { open in
            defer { open = [] }
            return open
        }
        for workspace in all { workspace.close() }
    }
}

/// Runs a command body, turning `WorkbenchError` into stderr lines and exit code 1.
enum Entry {
    static func run(_ body: () throws -> Void) throws {
        defer { OpenStores.shared.closeAll() }
        do {
            try body()
        } catch let error as WorkbenchError {
            for line in error.lines { Console.error(line) }
            throw ExitCode(1)
        }
    }
}

/// The executable's only ways to the terminal for what batch commands say. Whatever the library
/// composed, it passes `TerminalSafe` once more here (a no-op on text already escaped): a stored
/// name or a value quoted from a file can never reach stdout or stderr raw, even through a
/// message that forgot to escape it. Data written to files does not come through here.
enum Console {
    /// One line on stderr: every control character in it, line breaks included, is escaped.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data("claimdesk: \(TerminalSafe.escape(line))\n".utf8))
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data("\(TerminalSafe.escape(line))\n".utf8))
    }

    /// Output on stdout (tables, summaries, reports): line feeds stay, every other control or
    /// invisible format character is escaped. JSON is escaped the JSON way (`\u202e`), so that it
    /// still parses to the same values.
    static func out(_ text: String, format: ListingFormat = .table) {
        print(format == .json ? TerminalSafe.json(text) : TerminalSafe.lines(text))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

extension ListingFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExtractionProfile: ExpressibleByArgument {}
