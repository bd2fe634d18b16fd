import Foundation
import Testing

/// doccano, Label Studio, Prodigy and INCEpTION through the real binary: gold export → import into a
/// fresh store → export gives the same bytes, and each file is what its tool's own parser expects.
@Suite struct EcosystemFormatsTests {
    /// Two documents written for this test: astral characters (𝔘, an emoji) before spans, CRLF line
    /// ends, a discontinuous content, a claim without cue, sourceless claims, a rejected claim (not
    /// gold, so left out of every gold export), a claim with no span (b2), a note with a newline and
    /// quotes, tags holding `;`, two annotators.
    static let gold = [
        #"{"doc_id":"rent/1","title":"Rents","publisher":"Ledger","publication_date":"2026-11-02","meta":{"desk":"city"},"text":"𝔘lla Berg 🚀 told Radio Nord that rents will rise.\r\n\"Fares go up,\" the mayor said, \"in May.\"\r\nAccording to aides, talks failed.","attributions":["#
            + #"{"id":"a1","source":[0,9],"cue":[12,16],"content":[33,48],"outlet":"Radio Nord","source_type":"named_person","anonymous":false,"source_entity":"ulla berg","confidence":0.83,"review":{"status":"corrected","annotator":"ana","confidence":"high","tags":["rent","a;b"],"note":"outlet \"fixed\"\nsecond line","at":"2026-11-25T10:00:00Z"}},"#
            + #"{"id":"a2","source":[66,75],"cue":[76,80],"content":[52,90],"content_fragments":[[52,63],[83,90]],"source_type":"named_person","review":{"status":"added","annotator":"ana","at":"2026-11-25T10:01:00Z"}},"#
            + #"{"id":"a3","source":[106,111],"cue":null,"content":[113,126],"source_type":"anonymous","anonymous":true,"review":{"status":"confirmed","annotator":"ana","at":"2026-11-25T10:02:00Z"}},"#
            + #"{"id":"a4","source":null,"cue":null,"content":[33,48],"source_type":"implicit","confidence":0.5,"review":{"status":"rejected","annotator":"ana","confidence":"low","at":"2026-11-25T10:03:00Z"}}]}"#,
        #"{"doc_id":"bus","text":"Drivers are believed to strike on Monday.","attributions":[{"id":"b1","source":null,"cue":[12,23],"content":[24,40],"source_type":"implicit","review":{"status":"confirmed","annotator":"bo","at":"2026-11-26T09:00:00Z"}},"#
            + #"{"id":"b2","source":null,"cue":null,"content":null,"source_type":"other","review":{"status":"added","annotator":"bo","at":"2026-11-26T09:01:00Z"}}]}"#,
    ].joined(separator: "\n") + "\n"

    static let formats: [(format: String, out: String, files: [String])] = [
        ("doccano", "gold.doccano.jsonl", [""]),
        ("label-studio", "gold.ls.json", [""]),
        ("prodigy", "gold.prodigy.jsonl", [""]),
        ("inception", "gold-xmi", ["/rent%2F1.xmi", "/bus.xmi", "/TypeSystem.xml"]),
    ]

    func goldStore(_ scratch: Scratch) throws {
        let input = try scratch.write("in.jsonl", Self.gold)
        let imported = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func goldExportImportExportIsByteIdenticalInEveryFormat() throws {
        let scratch = try Scratch()
        try goldStore(scratch)
        for (format, out, files) in Self.formats {
            let first = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out)])
            #expect(first.stdout.hasPrefix("wrote 5 attributions in 2 documents to \(scratch.path(out))\n"), "\(format): \(first.stderr)")
            let db2 = scratch.path("\(format).sqlite")
            let imported = try CLI.run(["--db", db2, "import-gold", scratch.path(out)])
            // An XMI folder has no document order: its files are read in name order.
            let names = format == "inception" ? ["bo", "ana"] : ["ana", "bo"]
            let runs = names.map { "gold:\($0)" }.joined(separator: ", ")
            #expect(imported.stdout == "run \"\(runs)\": imported 5 claims in 2 documents\ngold: 2 documents, 5 claims; marked done by \(names.joined(separator: ", "))\n",
                    "\(format): \(imported.stderr)")
            let again = try CLI.run(["--db", db2, "export", "--gold", "--format", format, "--out", scratch.path("again-" + out)])
            #expect(again.status == 0, "\(format): \(again.stderr)")
            for file in files {
                let a = try Data(contentsOf: URL(fileURLWithPath: scratch.path(out + file)))
                let b = try Data(contentsOf: URL(fileURLWithPath: scratch.path("again-" + out + file)))
                #expect(a == b, "\(format)\(file)")
            }
        }
        // And back to JSONL: the gold read from each format is the gold that went out (the rejected
        // claim a4 is not gold, so no gold export carries it).
        let reference = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "jsonl", "--out", scratch.path("ref.jsonl")])
        #expect(reference.status == 0)
        for (format, _, _) in Self.formats {
            let out = scratch.path("from-\(format).jsonl")
            #expect(try CLI.run(["--db", scratch.path("\(format).sqlite"), "export", "--gold", "--out", out]).status == 0)
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
            let expected = try String(contentsOfFile: scratch.path("ref.jsonl"), encoding: .utf8).split(separator: "\n")
            #expect(format == "inception" ? lines.sorted() == expected.sorted() : lines == expected, "\(format)")
        }
    }

    /// docs/demo.sh's gold (ana and bo review, cy adjudicates) through every format: other
    /// annotators' reviews, adjudication and done-markers come back, and so does the JSONL.
    @Test func adjudicatedMultiAnnotatorGoldSurvivesEveryFormat() throws {
        let scratch = try Scratch()
        try GoldRoundTripTests.demoStore(scratch)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("g.jsonl")]).status == 0)
        for (format, out, _) in Self.formats {
            let files = format == "inception" ? ["/\(GoldRoundTripTests.seed).xmi", "/TypeSystem.xml"] : [""]
            let first = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out)])
            #expect(first.stdout.hasPrefix("wrote 13 attributions in 1 document"), "\(format): \(first.stderr)")
            let fresh = scratch.path("\(format)-fresh.sqlite")
            let imported = try CLI.run(["--db", fresh, "import-gold", scratch.path(out)], environment: ["CLAIMDESK_ANNOTATOR": "analyst"])
            #expect(imported.stdout.hasSuffix("gold: 1 document, 13 claims; marked done by ana, bo; adjudicated by cy\n"), "\(format): \(imported.stderr)")
            #expect(try CLI.run(["--db", fresh, "export", "--gold", "--out", scratch.path("\(format).jsonl")]).status == 0)
            #expect(try GoldRoundTripTests.file(scratch.path("\(format).jsonl")) == GoldRoundTripTests.file(scratch.path("g.jsonl")), "\(format)")
            #expect(try CLI.run(["--db", fresh, "export", "--gold", "--format", format, "--out", scratch.path("again-" + out)]).status == 0)
            for file in files {
                #expect(try GoldRoundTripTests.file(scratch.path(out + file)) == GoldRoundTripTests.file(scratch.path("again-" + out + file)), "\(format)\(file)")
            }
        }
    }

    @Test func aRunExportsAsPredictionsAndImportsBackAsARun() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", #"{"doc_id":"d","text":"Mia said no.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,11],"confidence":0.7}]}"# + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", input, "--run", "other"]).status == 0)
        let export = try CLI.run(["--db", scratch.db, "export", "--run", "other", "--format", "label-studio", "--out", scratch.path("t.json")])
        #expect(export.status == 0, "\(export.stderr)")
        let json = try String(contentsOfFile: scratch.path("t.json"), encoding: .utf8)
        #expect(json.contains(#""annotations":[],"predictions":[{"model_version":"claimdesk","result":[{"id":"r1""#))
        let back = try CLI.run(["--db", scratch.db, "import-claims", scratch.path("t.json"), "--run", "again"])
        #expect(back.stdout == "run \"again\": imported 1 claim in 1 document\n", "\(back.stderr)")
    }

    /// A run (another extractor's output, with confidences and a claim without cue) through every
    /// format: export → import-claims into a fresh store → export gives the same bytes.
    @Test func aRunRoundTripsThroughEveryFormat() throws {
        let scratch = try Scratch()
        let lines = [
            #"{"doc_id":"d","text":"𝔘lla said no.\r\nIt rains, aides say.","attributions":[{"id":"c1","source":[0,4],"cue":[5,9],"content":[10,12],"source_type":"named_person","confidence":0.7},{"id":"c2","source":[25,30],"cue":[31,34],"content":[15,23],"confidence":0.25}]}"#,
            #"{"doc_id":"e","text":"Prices are believed to rise.","attributions":[{"cue":[11,19],"content":[20,27],"source_type":"implicit","confidence":0.5}]}"#,
        ]
        let input = try scratch.write("run.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", input, "--run", "other"]).status == 0)
        for (format, out, _) in Self.formats {
            let files = format == "inception" ? ["/d.xmi", "/e.xmi", "/TypeSystem.xml"] : [""]
            let first = try CLI.run(["--db", scratch.db, "export", "--run", "other", "--format", format, "--out", scratch.path(out)])
            #expect(first.stdout == "wrote 3 attributions in 2 documents to \(scratch.path(out))\n", "\(format): \(first.stderr)")
            let fresh = scratch.path("\(format)-run.sqlite")
            let back = try CLI.run(["--db", fresh, "import-claims", scratch.path(out), "--run", "other"])
            #expect(back.stdout == "run \"other\": imported 3 claims in 2 documents\n", "\(format): \(back.stderr)")
            #expect(try CLI.run(["--db", fresh, "export", "--run", "other", "--format", format, "--out", scratch.path("again-" + out)]).status == 0)
            for file in files {
                #expect(try GoldRoundTripTests.file(scratch.path(out + file)) == GoldRoundTripTests.file(scratch.path("again-" + out + file)), "\(format)\(file)")
            }
            #expect(try CLI.run(["--db", fresh, "export", "--run", "other", "--out", scratch.path("\(format)-run.jsonl")]).status == 0)
        }
        let reference = scratch.path("ref-run.jsonl")
        #expect(try CLI.run(["--db", scratch.db, "export", "--run", "other", "--out", reference]).status == 0)
        for (format, _, _) in Self.formats {
            #expect(try GoldRoundTripTests.file(scratch.path("\(format)-run.jsonl")) == GoldRoundTripTests.file(reference), "\(format)")
        }
    }

    @Test func aControlCharacterXMLCannotHoldIsRefusedAndNothingIsWritten() throws {
        let scratch = try Scratch()
        let input = try scratch.write("run.jsonl", #"{"doc_id":"ff","text":"Mia said no.\fNext page.","attributions":[{"cue":[4,8]}]}"# + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", input, "--run", "r"]).status == 0)
        let out = scratch.path("xmi")
        let result = try CLI.run(["--db", scratch.db, "export", "--run", "r", "--format", "inception", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(out): cannot write: document \"ff\" holds U+000C, which XML 1.0 cannot carry\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try CLI.run(["--db", scratch.db, "export", "--run", "r", "--format", "doccano", "--out", scratch.path("d.jsonl")]).status == 0)
    }

    @Test func anUnclearFileAsksForFormatAndAFileOfForeignLabelsIsRefusedWhole() throws {
        let scratch = try Scratch()
        let unclear = try scratch.write("x.jsonl", #"{"text":"Mia said no."}"# + "\n")
        let asked = try CLI.run(["--db", scratch.db, "import-gold", unclear])
        #expect(asked.status == 1)
        #expect(asked.stderr == "claimdesk: \(unclear): cannot tell which format this is: give --format (jsonl, brat, doccano, label-studio, prodigy, inception)\n")
        let bad = try scratch.write("p.jsonl", #"{"text":"Mia said no.","entities":[{"id":1,"label":"QUOTE","start_offset":9,"end_offset":11}]}"# + "\n")
        let refused = try CLI.run(["--db", scratch.db, "import-gold", bad])
        #expect(refused.status == 1)
        // Its one label is no role: the file is refused whole, its label named (a line of a file
        // where some label maps is refused on its line, ForeignLabelTests).
        #expect(refused.stderr == #"claimdesk: \#(bad): no span has a label ClaimDesk reads (Source, Cue or Content); the file's label is "QUOTE" (1 span): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"# + "\n")
        let mapped = try CLI.run(["--db", scratch.db, "import-gold", bad, "--labels", "content=QUOTE"], environment: ["CLAIMDESK_ANNOTATOR": "analyst"])
        #expect(mapped.stdout.hasSuffix("imported 1 claim in 1 document\ngold: 1 document, 1 claim; marked done by analyst\n"), "\(mapped.stderr)")
        let usage = try CLI.run(["--db", scratch.db, "import-gold", bad, "--labels", "speaker=X"])
        #expect(usage.status == 1)
        #expect(usage.stderr == "claimdesk import-gold: --labels: unknown role \"speaker\" (source, cue or content) (`claimdesk import-gold --help` lists the options)\n")
    }

    @Test func ingestRefusesAnnotationFilesAndNamesTheCommandThatReadsThem() throws {
        let scratch = try Scratch()
        let cases: [(name: String, text: String, message: String)] = [
            ("tasks.json", #"[{"data":{"text":"Mia said no."}}]"#,
             "a Label Studio task list, which ingest does not read: use `claimdesk import-gold --format label-studio PATH` (or import-claims for an extractor's output)"),
            ("d.jsonl", #"{"text":"Mia said no.","entities":[],"relations":[]}"#,
             "a doccano file, which ingest does not read: use `claimdesk import-gold --format doccano PATH` (or import-claims for an extractor's output)"),
            ("p.jsonl", #"{"text":"Mia said no.","spans":[],"answer":"accept"}"#,
             "a Prodigy file, which ingest does not read: use `claimdesk import-gold --format prodigy PATH` (or import-claims for an extractor's output)"),
            ("ls.jsonl", #"{"id":7,"data":{"text":"Mia said no."},"annotations":[]}"#,
             "a Label Studio task file, which ingest does not read: use `claimdesk import-gold --format label-studio PATH` (or import-claims for an extractor's output)"),
            ("d.xmi", "<xmi:XMI/>",
             "a UIMA CAS XMI file (INCEpTION), which ingest does not read: use `claimdesk import-gold --format inception PATH` (or import-claims for an extractor's output)"),
            ("d.tsv", "#FORMAT=WebAnno TSV 3.3\n",
             "a TSV file (WebAnno TSV?), which ClaimDesk does not read: export the project from INCEpTION as UIMA CAS XMI and use `claimdesk import-gold --format inception FOLDER`"),
            ("d.ann", "T1\tCue 0 3\tMia\n",
             "part of a brat folder, which ingest does not read: use `claimdesk import-gold FOLDER` on the folder"),
        ]
        for (name, text, message) in cases {
            let path = try scratch.write(name, text)
            let result = try CLI.run(["--db", scratch.db, "ingest", path])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr == "claimdesk: \(path): \(message.replacingOccurrences(of: "PATH", with: path))\n")
        }
        // The suggested command names the file as a shell reads it back, quote and all.
        let quoted = try scratch.write("o'brien notes.jsonl", #"{"text":"Mia said no.","entities":[],"relations":[]}"#)
        let refused = try CLI.run(["--db", scratch.db, "ingest", quoted])
        #expect(refused.stderr == "claimdesk: \(quoted): a doccano file, which ingest does not read: use `claimdesk import-gold --format doccano "
            + "'\(quoted.replacingOccurrences(of: "'", with: #"'\''"#))'` (or import-claims for an extractor's output)\n")
        let docs = try CLI.run(["--db", scratch.db, "docs", "--format", "json"])
        #expect(!docs.stdout.contains("Mia said"))
        // A sidecar given beside its text (a shell glob) is that text's metadata, not a refusal.
        let text = try scratch.write("g/rain.txt", "Ali said rain is coming.")
        let meta = try scratch.write("g/rain.meta.json", #"{"title":"Rain","publisher":"Ledger"}"#)
        let globbed = try CLI.run(["--db", scratch.db, "ingest", meta, text])
        #expect(globbed.stdout == "ingested 1 new document from 1 file\n", "\(globbed.stderr)")
        // Named alone, it says which text to ingest (before: "no .txt or .jsonl files found").
        let alone = try CLI.run(["--db", scratch.db, "ingest", meta])
        #expect(alone.status == 1 && alone.stdout == "")
        #expect(alone.stderr == "claimdesk: \(meta): the metadata of \(text), read with it: `claimdesk ingest \(text)` stores the document\n")
    }

    /// The exports as each tool's own parser sees them: cassis for INCEpTION, `json` for the others;
    /// every span must cover the same text as in the source JSONL.
    @Test(.enabled(if: PythonTool.usable, "no .build-py/venv (run scripts/setup.sh)"))
    func eachToolsParserFindsEverySpanWithItsText() throws {
        let scratch = try Scratch()
        try goldStore(scratch)
        for (format, out, _) in Self.formats {
            let result = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", format, "--out", scratch.path(out)])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let check = try PythonTool.run(script: Self.checker, arguments: [scratch.path("in.jsonl"), scratch.url.path])
        #expect(check.stderr == "")
        #expect(check.stdout == """
            inception: 11 spans, 7 links, 2 documents
            doccano: 11 spans, 7 relations
            label-studio: 11 spans, 7 relations (UTF-16 offsets)
            prodigy: 11 spans, 7 relations, answers accept,accept

            """)
        // What cassis saves again (its own prefixes and ids) reads back as the same gold.
        let db2 = scratch.path("cassis.sqlite")
        let imported = try CLI.run(["--db", db2, "import-gold", "--format", "inception", scratch.path("cassis-xmi")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["--db", db2, "export", "--gold", "--out", scratch.path("cassis.jsonl")]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("ref.jsonl")]).status == 0)
        let lines = try String(contentsOfFile: scratch.path("cassis.jsonl"), encoding: .utf8).split(separator: "\n").sorted()
        #expect(lines == (try String(contentsOfFile: scratch.path("ref.jsonl"), encoding: .utf8).split(separator: "\n").sorted()))
    }

    static let checker = #"""
import json, sys, os
from cassis import load_typesystem, load_cas_from_xmi
source, folder = sys.argv[1], sys.argv[2]
expected = []
for line in open(source, encoding="utf-8", newline=""):
    d = json.loads(line)
    for a in d["attributions"]:
        if a["review"]["status"] == "rejected":
            continue
        for role in ("source", "cue", "content"):
            for s, e in a.get(role + "_fragments") or ([a[role]] if a[role] else []):
                expected.append((d["doc_id"], role.capitalize(), s, e, d["text"][s:e]))
expected.sort()
def same(name, found):
    if sorted(found) != expected:
        print(name, "differs:", sorted(found), expected, file=sys.stderr)

xmi = os.path.join(folder, "gold-xmi")
with open(os.path.join(xmi, "TypeSystem.xml"), "rb") as f:
    ts = load_typesystem(f)
found, links, docs = [], 0, 0
for name in sorted(os.listdir(xmi)):
    if not name.endswith(".xmi"):
        continue
    with open(os.path.join(xmi, name), "rb") as f:
        cas = load_cas_from_xmi(f, typesystem=ts)
    docs += 1
    doc = cas.select("de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData")[0].documentId
    os.makedirs(os.path.join(folder, "cassis-xmi"), exist_ok=True)
    cas.to_xmi(os.path.join(folder, "cassis-xmi", name))
    for a in cas.select("webanno.custom.ClaimSpan"):
        found.append((doc, a.role, a.begin, a.end, a.get_covered_text()))
    for r in cas.select("webanno.custom.ClaimLink"):
        assert r.Governor.role in ("Cue", "Source", "Content") and r.Dependent is not None
        links += 1
same("inception", found)
print(f"inception: {len(found)} spans, {links} links, {docs} documents")

found, relations = [], 0
for line in open(os.path.join(folder, "gold.doccano.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    ids = {e["id"] for e in d["entities"]}
    for e in d["entities"]:
        found.append((d["doc_id"], e["label"], e["start_offset"], e["end_offset"], d["text"][e["start_offset"]:e["end_offset"]]))
    for r in d["relations"]:
        assert r["from_id"] in ids and r["to_id"] in ids and r["type"] == "Attribution"
        relations += 1
same("doccano", found)
print(f"doccano: {len(found)} spans, {relations} relations")

found, relations = [], 0
tasks = json.load(open(os.path.join(folder, "gold.ls.json"), encoding="utf-8"))
for t in tasks:
    text = t["data"]["text"]
    units = text.encode("utf-16-le")
    for ann in t["annotations"] + t["predictions"]:
        ids = {r["id"] for r in ann["result"] if r["type"] == "labels"}
        for r in ann["result"]:
            if r["type"] == "labels":
                v = r["value"]
                covered = units[2 * v["start"]:2 * v["end"]].decode("utf-16-le")
                assert covered == v["text"], (covered, v["text"])
                s = len(units[:2 * v["start"]].decode("utf-16-le"))
                e = s + len(covered)
                found.append((t["data"]["doc_id"], v["labels"][0], s, e, covered))
            else:
                assert r["type"] == "relation" and r["from_id"] in ids and r["to_id"] in ids
                relations += 1
same("label-studio", found)
print(f"label-studio: {len(found)} spans, {relations} relations (UTF-16 offsets)")

found, relations, answers = [], 0, []
for line in open(os.path.join(folder, "gold.prodigy.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    text = d["text"]
    for i, tok in enumerate(d["tokens"]):
        assert tok["id"] == i and text[tok["start"]:tok["end"]] == tok["text"]
    for s in d["spans"]:
        assert d["tokens"][s["token_start"]]["start"] <= s["start"] and d["tokens"][s["token_end"]]["end"] >= s["end"]
        found.append((d["meta"]["doc_id"], s["label"], s["start"], s["end"], text[s["start"]:s["end"]]))
    for r in d["relations"]:
        assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]
        relations += 1
    answers.append(d["answer"])
same("prodigy", found)
print(f"prodigy: {len(found)} spans, {relations} relations, answers {','.join(answers)}")
"""#
}
