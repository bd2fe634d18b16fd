import Foundation
import Testing

/// An output path that is the store, one of its journal files, or a folder holding it is refused
/// before anything is written, and the store keeps every decision. Before, `report --out STORE`
/// (which replaces its file without --force) and `export --out STORE --force` put a page or a
/// dataset where the store was, and `export --format brat --out FOLDER --force` deleted the folder
/// the store was in.
@Suite struct StoreOverwriteTests {
    let scratch: Scratch
    /// The store, two folders down: `project/annotations/store.sqlite`, as a project keeps it.
    let db: String

    init() throws {
        scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("project/annotations"), withIntermediateDirectories: true)
        db = scratch.path("project/annotations/store.sqlite")
        let input = try scratch.write("in.jsonl", ExportCommandTests.gold)
        #expect(try CLI.run(["--db", db, "import-gold", input, "--annotator", "x"]).status == 0)
        #expect(try CLI.run(["--db", db, "extract"]).status == 0)
    }

    /// The store still opens and still holds the gold run and the rules' run.
    func expectStoreIntact() throws {
        let runs = try CLI.run(["--db", db, "runs"])
        #expect(runs.status == 0, "\(runs.stderr)")
        #expect(runs.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) } == ["run", "gold:ana", "rules"])
        let check = try CLI.run(["--db", db, "check"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func theStoreFileIsNeverAnOutput() throws {
        let link = scratch.path("project/hard-link.sqlite")
        try FileManager.default.linkItem(atPath: db, toPath: link)
        let cases: [([String], String, String)] = [
            (["report", "--run", "rules", "--out"], db, db),
            (["report", "--run", "rules", "--out"], db + "-wal", db + "-wal"),
            (["export", "--run", "rules", "--force", "--out"], db, db),
            (["export", "--gold", "--format", "csv", "--force", "--out"], link, db),
            (["export", "--run", "rules", "--format", "doccano", "--force", "--out"], scratch.path("project/./annotations/store.sqlite"), db),
        ]
        for (command, out, named) in cases {
            let r = try CLI.run(["--db", db] + command + [out])
            #expect(r.status == 1, "\(command)")
            #expect(r.stdout == "")
            #expect(r.stderr == "claimdesk: \(out): cannot write: it is the store's own file (\(named)); write to another path\n", "\(command)")
            try expectStoreIntact()
        }
    }

    /// `train --out STORE-wal` where no -wal is yet (a clean exit leaves the main file
    /// self-contained, so the journal files may go): the store opened for training makes one, which
    /// the model file would have replaced. Refused before training.
    @Test func aModelFileIsNeverTheStoresJournal() throws {
        // Every command before exited cleanly (its journal checkpointed), so the journal files can
        // go; `expectStoreIntact` opens the store again, which makes them again.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        try expectStoreIntact()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        let r = try CLI.run(["--db", db, "train", "--model", "m", "--gold", "--out", db + "-wal"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "claimdesk: \(db)-wal: cannot write: it is the store's own file (\(db)-wal); write to another path\n")
        try expectStoreIntact()
        // Refused before training: no model was stored.
        #expect(try CLI.run(["--db", db, "models"]).stdout.hasPrefix("no models yet"))
    }

    @Test func aFolderHoldingTheStoreIsNeverReplaced() throws {
        try scratch.write("project/notes.txt", "mine")
        for (format, out) in [("brat", scratch.path("project/annotations")), ("inception", scratch.path("project/")),
                              ("brat", scratch.path("project/annotations/../annotations")), ("brat", db)] {
            let r = try CLI.run(["--db", db, "export", "--gold", "--format", format, "--force", "--out", out])
            #expect(r.status == 1, "\(format) \(out)")
            #expect(r.stdout == "")
            let reason = out == db ? "it is the store's own file (\(db)); export to a folder"
                : "it holds the store (\(db)); export to another folder"
            #expect(r.stderr == "claimdesk: \(out): cannot write: \(reason)\n", "\(format) \(out)")
            try expectStoreIntact()
        }
        #expect(try String(contentsOfFile: scratch.path("project/notes.txt"), encoding: .utf8) == "mine")
        // A folder beside the store is written as before.
        let beside = try CLI.run(["--db", db, "export", "--gold", "--format", "brat", "--out", scratch.path("project/brat")])
        #expect(beside.status == 0, "\(beside.stderr)")
    }
}
