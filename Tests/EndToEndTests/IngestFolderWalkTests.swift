import Foundation
import Testing

/// `ingest FOLDER` walks subfolders: none is skipped without a word (issue 10, item 7).
@Suite struct IngestFolderWalkTests {
    @Test func aLinkedFolderIsReadAndALoopIsNamed() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/a.txt", "Ana said it.")
        try scratch.write("elsewhere/b.txt", "Bo said it.")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("corpus/linked"), withDestinationPath: scratch.path("elsewhere"))
        let result = try CLI.run(["--db", scratch.db, "ingest", scratch.path("corpus")])
        #expect(result.stdout == "ingested 2 new documents from 2 files\n", "\(result.stderr)")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("corpus/loop"), withDestinationPath: scratch.path("corpus"))
        let loop = try CLI.run(["--db", scratch.db, "ingest", scratch.path("corpus")])
        #expect(loop.status == 1)
        #expect(loop.stderr == "claimdesk: \(scratch.path("corpus/loop")): a symbolic link to a folder already read (a loop): not followed\n")
        // Relative paths too.
        let relative = try CLI.run(["--db", scratch.db, "ingest", "corpus"], cwd: scratch.url)
        #expect(relative.stderr == "claimdesk: corpus/loop: a symbolic link to a folder already read (a loop): not followed\n")
    }

    @Test(.enabled(if: getuid() != 0, "root lists a folder whatever its mode"))
    func anUnreadableFolderIsNamed() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/a.txt", "Ana said it.")
        try scratch.write("corpus/locked/b.txt", "Bo said it.")
        chmod(scratch.path("corpus/locked"), 0)
        defer { chmod(scratch.path("corpus/locked"), 0o755) }
        let result = try CLI.run(["--db", scratch.db, "ingest", scratch.path("corpus")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(scratch.path("corpus/locked")): cannot list the folder (permission denied?)"))
        let skipped = try CLI.run(["--db", scratch.db, "ingest", scratch.path("corpus"), "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.stdout.hasPrefix("ingested 1 new document from 1 file"))
    }
}
