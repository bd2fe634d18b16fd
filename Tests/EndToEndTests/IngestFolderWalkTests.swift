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

    @Test func aBratFoldersAnnotationsAreNamedWithTheCommandsThatReadThem() throws {
        let scratch = try Scratch()
        try scratch.write("brat/a.txt", "Ana said the pier is shut.")
        try scratch.write("brat/a.ann", "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 25\tthe pier is shut\n")
        try scratch.write("brat/b.txt", "Bo said the pier is open.")
        try scratch.write("brat/b.ann", "")
        let result = try CLI.run(["--db", scratch.db, "ingest", "brat"], cwd: scratch.url)
        #expect(result.stdout == """
            ingested 2 new documents from 2 files
            2 .ann files beside the texts were not read: `claimdesk import-gold brat` reads them as gold, \
            `claimdesk import-claims --run NAME brat` as a run

            """, "\(result.stderr)")
        // The command named reads the same folder, its stored texts being the same.
        let gold = try CLI.run(["--db", scratch.db, "import-gold", "brat", "--annotator", "ana"], cwd: scratch.url)
        #expect(gold.status == 0, "\(gold.stderr)")
        #expect(gold.stdout.hasPrefix("run \"gold:ana\": imported "))
        #expect(gold.stdout.contains(" in 2 documents\n"))
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
