import Foundation
import Testing
import TestSupport

/// A path of 100,000 characters given to the real binary: its error line names the path by its
/// first 59 characters, an ellipsis and its last 60 (`TerminalSafe.path`), exit code 1, and the
/// line stays short (it held the whole path: 100 KB of stderr).
@Suite struct LongPathMessageTests {
    let scratch: Scratch
    let long = String(repeating: "a", count: 100_000)

    init() throws {
        scratch = try Scratch()
        let seeded = try CLI.run(["--db", scratch.db, "ingest", try scratch.write("keep.txt", "Kept\n\nThe mayor said it was fine.")])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let extracted = try CLI.run(["--db", scratch.db, "extract", "--run", "rules"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
    }

    /// The first 59 characters of `path`, "…" and its last 60, as the message shows it.
    func cut(_ path: String) -> String { String(path.prefix(59)) + "…" + String(path.suffix(60)) }

    func expectLine(_ arguments: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments, cwd: URL(fileURLWithPath: scratch.path))
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == "claimdesk: " + expected + "\n", sourceLocation: sourceLocation)
        #expect(result.stderr.utf8.count < 400, sourceLocation: sourceLocation)
    }

    @Test func ingestOfAMissingFile() throws {
        try expectLine(["--db", scratch.db, "ingest", long], "\(cut(long)): no such file or folder")
    }

    @Test func aStoreWhoseNameIsTooLong() throws {
        try expectLine(["--db", long, "runs"], "\(cut(long)): cannot open the store: File name too long")
        try expectLine(["--db", long, "ingest", scratch.path("keep.txt")], "\(cut(long)): cannot open the store: File name too long")
    }

    /// The reason is the system's (it said "permission denied" for a name too long).
    @Test func anExportWhoseFileNameIsTooLong() throws {
        try expectLine(["--db", scratch.db, "export", "--run", "rules", "--out", long], "\(cut(long)): cannot write: File name too long")
    }

    /// The path and its folder are both cut: two cuts keep the line under 400 bytes.
    @Test func anExportIntoAMissingFolder() throws {
        let folder = scratch.path(long)
        try expectLine(["--db", scratch.db, "export", "--run", "rules", "--out", folder + "/gold.jsonl"],
                       "\(cut(folder + "/gold.jsonl")): cannot write: the folder \(cut(folder)) does not exist")
    }

    @Test func anImportOfAMissingBratFolder() throws {
        try expectLine(["--db", scratch.db, "import-gold", "--format", "brat", long],
                       "\(cut(long)): not a brat folder (DOC.txt + DOC.ann files)")
    }

    @Test func aStoreCopiedOntoItself() throws {
        try expectLine(["store", "copy", "--from", long, "--to", long], "--from and --to name the same store (\(cut(long))): nothing copied")
    }

    /// A path under the limit is shown whole, as before.
    @Test func anEverydayPathIsWhole() throws {
        let path = scratch.path("missing/gold.jsonl")
        try expectLine(["--db", scratch.db, "export", "--run", "rules", "--out", path],
                       "\(path): cannot write: the folder \(scratch.path("missing")) does not exist")
    }
}
