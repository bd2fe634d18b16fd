import ClaimModel
import ClaimStore
import Foundation
import Testing
@testable import Workbench

@Suite struct ExportGoldTests {
    /// One note for score, export and train (each wrote its own copy of these bytes).
    @Test func theDisagreementNoteNamesTheDocumentsAndAdjudicate() {
        #expect(GoldSelection.disagreementNote([]) == nil)
        #expect(GoldSelection.disagreementNote(["d3", "my doc"])
            == "left out (annotators disagree, nothing adjudicated): d3, my doc; `claimdesk adjudicate` settles them")
    }

    @Test func goldJSONLHasAReviewPerAttributionAndLeavesDisagreementsOut() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let report = try workspace.export(ExportRequest(format: .jsonl, out: scratch.file("gold.jsonl"), selection: .gold(annotator: nil, includePartial: false)))
        #expect(report.documents == 1)
        #expect(report.attributions == 3)
        #expect(report.leftOut == ["d3"])
        let line = #"{"doc_id":"d1","title":"Prices","publisher":"Ledger","text":"Zoë Brandt told Newsweek that prices 🚀 will rise.\n\"Taxes will rise,\" the minister said, \"next year.\"","attributions":["#
            + #"{"source":[0,10],"cue":[11,15],"content":[30,48],"source_text":"Zoë Brandt","cue_text":"told","content_text":"prices 🚀 will rise","outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":null,"confidence":0.91,"review":{"status":"confirmed","annotator":"ana","confidence":"high","tags":["price"],"at":"2026-11-25T10:00:00Z"}},"#
            + #"{"source":[69,81],"cue":[82,86],"content":[51,99],"content_fragments":[[51,67],[89,99]],"source_text":"the minister","cue_text":"said","content_text":"Taxes will rise,\" the minister said, \"next year.","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":null,"confidence":0.64,"review":{"status":"corrected","annotator":"ana","note":"the minister spoke to reporters, not to the Ledger","at":"2026-11-25T10:00:00Z"}},"#
            + #"{"source":[0,10],"cue":[11,15],"content":[30,48],"source_text":"Zoë Brandt","cue_text":"told","content_text":"prices 🚀 will rise","outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":"zoe-brandt","confidence":null,"review":{"status":"added","annotator":"ana","at":"2026-11-25T10:00:00Z"}}]}"#
            + "\n"
        #expect(scratch.read("gold.jsonl") == line)
    }

    @Test func includePartialAddsReviewedDocumentsNotMarkedDone() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let report = try workspace.export(ExportRequest(format: .jsonl, out: scratch.file("gold.jsonl"), selection: .gold(annotator: nil, includePartial: true)))
        #expect(report.partial == ["d2"])
        #expect(report.summary == """
            wrote 4 attributions in 2 documents to \(scratch.file("gold.jsonl"))
            dataset card: \(scratch.file("gold.jsonl.card.md")), \(scratch.file("gold.jsonl.card.json"))
            included though not marked done: d2
            left out (annotators disagree, nothing adjudicated): d3; `claimdesk adjudicate` settles them
            """)
    }

    @Test func oneAnnotatorsGoldIncludesTheirSideOfADisagreement() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let report = try workspace.export(ExportRequest(format: .csv, out: scratch.file("ben.csv"), selection: .gold(annotator: "ben", includePartial: false)))
        #expect(report.documents == 1)
        #expect(report.attributions == 0)
        #expect(scratch.read("ben.csv") == "doc_id,n,attribution_id,source_spans,cue_spans,content_spans,source_text,cue_text,content_text,outlet,source_type,anonymous,source_entity,confidence,verdict,annotator,analyst_confidence,tags,reviewed_at,note,context,bulk\r\n")
    }

    @Test func theCardCountsNamesAgreementAndDigestsEveryFile() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        _ = try workspace.export(ExportRequest(format: .jsonl, out: scratch.file("gold.jsonl"), selection: .gold(annotator: nil, includePartial: false)))
        let digest = SHA256.hex(scratch.bytes("gold.jsonl"))
        let card = scratch.read("gold.jsonl.card.md")
        #expect(card.contains("| named_person | 3 |"))
        #expect(card.contains("| Newsweek | 2 |\n| (none) | 1 |"))
        #expect(card.contains("| corrected | 1 |"))
        #expect(card.contains("| verdict | Cohen's kappa | ana / ben | 0.000 | 0.000 | 1 |\n| verdict | Krippendorff's alpha (nominal) | all 2 annotators | 0.000 | 0.000 | 1 |"))
        #expect(card.contains("| rules | extractor | rules | 1.0 |  | 2026-11-25T10:00:00Z | 3 | 5 |"))
        #expect(card.contains("- `corrected`: a real attribution whose spans or fields the analyst corrected; the corrected version is exported"))
        #expect(card.contains("```\n\(digest)  gold.jsonl\n```"))
        let json = try #require(JSONValue(parsing: scratch.read("gold.jsonl.card.json")))
        #expect(json["files"] == .array([.object([("name", .string("gold.jsonl")), ("bytes", .number(String(scratch.bytes("gold.jsonl").count))), ("sha256", .string(digest))])]))
        #expect(json["by_source_type"]?.serialized == #"{"named_person":3}"#)
        #expect(json["left_out"]?.serialized == #"["d3"]"#)
    }
}

@Suite struct ExportRoundTripTests {
    /// export → import-gold into a new store → export: identical files.
    func roundTrip(_ format: ExportFormat, _ name: String) throws -> (first: ExportScratch, second: ExportScratch) {
        let workspace = try ExportStore.make()
        let first = try ExportScratch()
        _ = try workspace.export(ExportRequest(format: format, out: first.file(name), selection: .gold(annotator: nil, includePartial: false)))
        let fresh = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        let imported = try fresh.importGoldExport(path: first.file(name), annotator: "importer")
        #expect(imported.run == "gold:ana")
        let second = try ExportScratch()
        _ = try fresh.export(ExportRequest(format: format, out: second.file(name), selection: .gold(annotator: nil, includePartial: false)))
        return (first, second)
    }

    @Test func jsonlComesBackIdentical() throws {
        let (first, second) = try roundTrip(.jsonl, "gold.jsonl")
        #expect(!first.bytes("gold.jsonl").isEmpty)
        #expect(first.bytes("gold.jsonl") == second.bytes("gold.jsonl"))
    }

    @Test func bratComesBackIdentical() throws {
        let (first, second) = try roundTrip(.brat, "brat")
        #expect(first.list("brat") == ["annotation.conf", "d1.ann", "d1.claimdesk.json", "d1.txt", "dataset-card.json", "dataset-card.md", "tools.conf", "visual.conf"])
        for name in ["annotation.conf", "d1.ann", "d1.claimdesk.json", "d1.txt", "tools.conf", "visual.conf"] {
            #expect(first.bytes("brat/\(name)") == second.bytes("brat/\(name)"), "\(name)")
        }
        #expect(first.read("brat/d1.txt") == ExportStore.d1)
    }
}

@Suite struct ExportBadOutputTests {
    @Test func aNonEmptyFolderIsRefusedUnlessForced() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        try FileManager.default.createDirectory(atPath: scratch.file("out"), withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: scratch.file("out/keep.txt"), contents: Data("mine".utf8))
        let request = ExportRequest(format: .brat, out: scratch.file("out"), selection: .run("rules"))
        #expect(throws: WorkbenchError.self) { try workspace.export(request) }
        do {
            _ = try workspace.export(request)
        } catch {
            #expect(error.description == "\(scratch.file("out")): cannot write: the folder exists and is not empty (use --force to replace it)")
        }
        #expect(scratch.list("out") == ["keep.txt"])
        var forced = request
        forced.force = true
        _ = try workspace.export(forced)
        #expect(scratch.list("out") == ["annotation.conf", "d1.ann", "d1.claimdesk.json", "d1.txt", "d2.ann", "d2.claimdesk.json", "d2.txt", "d3.ann", "d3.claimdesk.json", "d3.txt", "tools.conf", "visual.conf"])
        #expect(scratch.list().filter { $0.hasPrefix(".") } == [])
    }

    @Test func aPathThatCannotBeWrittenIsOneClearLine() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        let path = scratch.file("missing/gold.jsonl")
        do {
            _ = try workspace.export(ExportRequest(format: .jsonl, out: path, selection: .gold(annotator: nil, includePartial: false)))
            Issue.record("expected an error")
        } catch {
            #expect(error.lines == ["\(path): cannot write: the folder \(scratch.file("missing")) does not exist"])
        }
    }

    @Test func aFailedExportLeavesNoFileUnderTheFinalName() throws {
        let workspace = try ExportStore.make()
        let scratch = try ExportScratch()
        #expect(throws: WorkbenchError.self) {
            try workspace.export(ExportRequest(format: .jsonl, out: scratch.file("run.jsonl"), selection: .run("nope")))
        }
        #expect(scratch.list() == [])
    }
}

@Suite struct SHA256Tests {
    @Test func matchesTheFIPSVectorsWhateverTheChunking() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        for _ in 0..<1001 { hash.update(chunk) }
        hash.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000 - 999 * 1001))
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
