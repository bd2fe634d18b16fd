import Foundation
import Testing
import TestSupport

/// `extract` and `store copy` share one progress counter (`ProgressLine`): on a terminal (here the
/// pseudo-terminal `script` gives the binary) each writes its own line in place and erases it before
/// the summary; through a pipe stderr stays empty.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script (util-linux) is not installed"))
struct ProgressLineEndToEndTests {
    static let documents = """
        {"doc_id":"p1","text":"The mayor said the bridge is closed. Officials told Reuters that repairs will take weeks."}
        {"doc_id":"p2","text":"A nurse said the ward was full. The minister said more beds would come."}
        {"doc_id":"p3","text":"The council said the road would reopen. Residents said they had no warning."}

        """

    /// `claimdesk arguments` with stdout and stderr on a pseudo-terminal: what the terminal received
    /// (its line discipline writes each line feed as CR LF).
    static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutput {
        let command = ([CLI.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
            .joined(separator: " ")
        return try Subprocess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", command, "/dev/null"],
                                  stdin: "", environment: ["NO_COLOR": "1"].merging(environment) { $1 },
                                  unset: ["CLAIMDESK_DB", "COLUMNS", "LINES"], seconds: 60)
    }

    static func store(_ scratch: Scratch) throws -> String {
        let db = scratch.path("store.sqlite")
        let ingest = try CLI.run(["--db", db, "ingest", try scratch.write("docs.jsonl", documents)])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    @Test func storeCopyShowsTheLastCountThenErasesIt() throws {
        let scratch = try Scratch()
        let db = try Self.store(scratch)
        #expect(try CLI.run(["--db", db, "extract"]).status == 0)
        let piped = try CLI.run(["store", "copy", "--from", db, "--to", scratch.path("piped.sqlite")])
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        let copy = scratch.path("terminal.sqlite")
        let out = try Self.onTerminal(["store", "copy", "--from", db, "--to", copy])
        #expect(out.status == 0)
        let summary = piped.stdout.replacingOccurrences(of: scratch.path("piped.sqlite"), with: copy).dropLast()
        // Fewer than 20,000 rows: one line, the last count (of the last table copied), erased.
        #expect(out.stdout == "\r\u{1B}[Kcopying: 13/13 rows (claims)\r\u{1B}[K" + summary + "\r\n")
    }

    @Test func extractShowsCountsAfterASecondThenErasesThem() throws {
        let scratch = try Scratch()
        let db = try Self.store(scratch)
        // A claim per transaction and half a second after each: the run lasts well over a second.
        let out = try Self.onTerminal(["--db", db, "extract"], environment: ["CLAIMDESK_EXTRACT_LIMITS": "claims=1,pause=500000"])
        #expect(out.status == 0)
        let parts = out.stdout.components(separatedBy: "\r\u{1B}[K")
        #expect(parts.first == "")
        #expect(parts.count >= 3, "\(out.stdout)")
        let counts = parts.dropFirst().dropLast()
        #expect(counts.allSatisfy { ["extracting: 1/3 documents", "extracting: 2/3 documents", "extracting: 3/3 documents"].contains($0) },
                "\(out.stdout)")
        #expect(parts.last?.hasPrefix(#"run "rules": 6 claims in 3 documents ("#) == true, "\(out.stdout)")
        #expect(parts.last?.hasSuffix("\r\n") == true)
    }
}
