import Foundation
import Testing

@Suite struct ExportCommandTests {
    static let text = "Zoë Brandt told Newsweek that prices 🚀 will rise."
    static let gold = #"{"doc_id":"d1","text":"Zoë Brandt told Newsweek that prices 🚀 will rise.","attributions":[{"source":[0,10],"cue":[11,15],"content":[30,48],"outlet":"Newsweek","source_type":"named_person","anonymous":false,"review":{"status":"corrected","annotator":"ana","confidence":"high","note":"a, \"b\"\nc"}}]}"# + "\n"

    @Test func goldExportImportExportIsIdenticalForJSONLAndBrat() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "x"]).status == 0)
        for (format, out) in [("jsonl", "gold.jsonl"), ("brat", "brat")] {
            let first = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out)])
            #expect(first.status == 0, "\(first.stderr)")
            let db2 = scratch.path("\(format)-2.sqlite")
            let imported = try CLI.run(["--db", db2, "import-gold", scratch.path(out)])
            #expect(imported.stdout == "run \"gold:ana\": imported 1 claim in 1 document\ngold: 1 document, 1 claim; marked done by ana\n", "\(imported.stderr)")
            let again = try CLI.run(["--db", db2, "export", "--gold", "--format", format, "--out", scratch.path("again-" + out)])
            #expect(again.status == 0, "\(again.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("gold.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: scratch.path("again-gold.jsonl"))))
        // The review is kept; `at` is the time of the first import (the input had none).
        let exported = try String(contentsOfFile: scratch.path("gold.jsonl"), encoding: .utf8)
        #expect(exported.hasPrefix(#"{"doc_id":"d1","text":"Zoë Brandt told Newsweek that prices 🚀 will rise.","attributions":[{"source":[0,10],"cue":[11,15],"content":[30,48],"source_text":"Zoë Brandt","cue_text":"told","content_text":"prices 🚀 will rise","outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":null,"confidence":null,"review":{"status":"corrected","annotator":"ana","confidence":"high","note":"a, \"b\"\nc","at":"20"#))
        for name in ["d1.txt", "d1.ann", "annotation.conf", "visual.conf"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("brat/" + name))) == Data(contentsOf: URL(fileURLWithPath: scratch.path("again-brat/" + name))), "\(name)")
        }
    }

    /// Found by fuzzing the flags: `--out ""` failed with "claimdesk: : cannot write: No such file
    /// or directory" (no place), and `--out .` named the current folder as the one to replace.
    @Test func anOutPathWithoutANameIsRefusedWithThePathShown() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "x"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        for (command, out, what) in [(["export", "--gold"], "", "file"), (["export", "--gold", "--format", "brat", "--force"], ".", "folder"),
                                     (["report"], "sub/", "file"), (["train", "--model", "m", "--gold"], "", "file")] {
            let result = try CLI.run(["--db", scratch.db] + command + ["--out", out], cwd: URL(fileURLWithPath: scratch.path("")))
            #expect(result.status == 1)
            #expect(result.stderr == "claimdesk: \(out.isEmpty ? "\"\"" : out): cannot write: no \(what) name in the path (give --out a name)\n")
        }
        // The current folder, named by `--out .` with --force, is still there with its files.
        #expect(FileManager.default.fileExists(atPath: scratch.path("in.jsonl")))
    }

    @Test func aNonEmptyFolderIsRefusedInOneLineWithExitOne() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "x"]).status == 0)
        try scratch.write("out/keep.txt", "mine")
        let result = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("out")])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(scratch.path("out")): cannot write: the folder exists and is not empty (use --force to replace it)\n")
        let forced = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("out"), "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    /// `--force` replaces an earlier export's folder, not any folder: one holding a file no export of
    /// that format writes, or a subfolder, is refused and left as it was.
    @Test func forceReplacesOnlyAnEarlierExportsFolder() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "x"]).status == 0)
        for (format, out) in [("brat", "brat"), ("inception", "inception")] {
            let first = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out)])
            #expect(first.status == 0, "\(first.stderr)")
            let again = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out), "--force"])
            #expect(again.status == 0, "an earlier export is replaced: \(again.stderr)")
        }
        try scratch.write("brat/notes.md", "mine")
        try scratch.write("inception/old/d1.xmi", "mine")
        for (format, out, foreign, name) in [("brat", "brat", "notes.md", "brat"), ("inception", "inception", "old", "INCEpTION")] {
            let r = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out), "--force"])
            #expect(r.status == 1)
            #expect(r.stderr == "claimdesk: \(scratch.path(out)): cannot write: the folder holds \"\(foreign)\", which no \(name) export "
                    + "writes (--force replaces only an earlier export's folder); export to another folder\n")
        }
        #expect(try String(contentsOfFile: scratch.path("brat/notes.md"), encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: scratch.path("inception/old/d1.xmi"), encoding: .utf8) == "mine")
    }
}
