import ClaimModel
import ClaimStore
import Foundation
import Interchange
import TestSupport
import Testing
@testable import Workbench

/// `import-gold --format X` on another tool's export stops with one line and stores nothing, even
/// with `--skip-invalid` (a Prodigy task read as doccano used to be a document without claims).
@Suite struct WrongToolImportTests {
    @Test func anotherToolsExportStoresNothingEvenWithSkipInvalid() throws {
        let scratch = try Scratch(prefix: "wrongtool")
        let path = try scratch.write("db-out.jsonl", #"{"text":"Ann said so.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"accept"}"# + "\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        for skip in [false, true] {
            let error = #expect(throws: WorkbenchError.self) {
                _ = try workspace.importGoldExport(path: path, annotator: "ana", skipInvalid: skip, format: .doccano)
            }
            #expect(error?.description == "\(path): this is a Prodigy export (tasks with \"spans\"/\"answer\"), not doccano: give --format prodigy")
        }
        #expect(try workspace.store.documentCount() == 0)
    }

    /// `--format jsonl` is guarded as the other formats are: a doccano or Prodigy line with a
    /// `doc_id` read as ClaimDesk JSONL was stored as a document without its claims.
    @Test func anotherToolsExportGivenAsJSONLIsRefusedWholeEvenWithSkipInvalid() throws {
        let scratch = try Scratch(prefix: "wrongtool")
        let files: [(name: String, line: String, message: String)] = [
            ("rel.jsonl", #"{"doc_id":"a","text":"Ann said so.","entities":[{"id":1,"label":"Cue","start_offset":4,"end_offset":8}],"relations":[]}"#,
             #"this is a doccano export (lines with "entities", or "label" arrays of [start, end, label]), not ClaimDesk JSONL: give --format doccano"#),
            ("db-out.jsonl", #"{"doc_id":"a","text":"Ann said so.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"accept"}"#,
             #"this is a Prodigy export (tasks with "spans"/"answer"), not ClaimDesk JSONL: give --format prodigy"#),
            ("tasks.jsonl", #"{"data":{"doc_id":"a","text":"Ann said so."},"annotations":[]}"#,
             #"this is a Label Studio export (tasks with "annotations"/"data"), not ClaimDesk JSONL: give --format label-studio"#),
        ]
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        for (name, line, message) in files {
            let path = try scratch.write(name, line + "\n")
            for skip in [false, true] {
                let gold = #expect(throws: WorkbenchError.self) {
                    _ = try workspace.importGoldExport(path: path, annotator: "ana", skipInvalid: skip, format: .jsonl)
                }
                #expect(gold?.description == "\(path): \(message)")
                let claims = #expect(throws: WorkbenchError.self) {
                    _ = try workspace.importClaims(file: path, runName: "mine", skipInvalid: skip, format: .jsonl)
                }
                #expect(claims?.description == "\(path): \(message)")
            }
        }
        #expect(try workspace.store.documentCount() == 0)
        // A ClaimDesk file of documents without claims fits no other tool: read as before.
        let plain = try scratch.write("corpus.jsonl", #"{"doc_id":"a","text":"Ann said so."}"# + "\n")
        let report = try workspace.importGoldExport(path: plain, annotator: "ana", format: .jsonl)
        #expect(report.documents == 1 && report.claims == 0)
        #expect(try workspace.store.documentCount() == 1)
    }

    /// The reverse: a ClaimDesk JSONL file given as another tool's is refused whole too.
    @Test func aClaimDeskFileGivenAsAnotherToolIsRefusedWholeEvenWithSkipInvalid() throws {
        let scratch = try Scratch(prefix: "wrongtool")
        let path = try scratch.write("gold.jsonl", #"{"doc_id":"a","text":"Ann said so.","attributions":[{"cue":[[4,8]]}]}"# + "\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        for (format, name) in [(InterchangeFormat.doccano, "doccano"), (.labelStudio, "Label Studio"), (.prodigy, "Prodigy")] {
            let error = #expect(throws: WorkbenchError.self) {
                _ = try workspace.importGoldExport(path: path, annotator: "ana", skipInvalid: true, format: format)
            }
            #expect(error?.description == #"\#(path): this is a ClaimDesk JSONL export (lines with "attributions"), not \#(name): give --format jsonl"#)
        }
        #expect(try workspace.store.documentCount() == 0)
    }

    @Test func detectionUsesTheFirstRecord() throws {
        let scratch = try Scratch(prefix: "wrongtool")
        #expect(InterchangeFormat.detect(try scratch.write("a.json", #"{"text":"t","label":[[0,1,"Cue"]]}"# + "\n")) == .doccano)
        #expect(InterchangeFormat.detect(try scratch.write("b.jsonl", #"{"text":"t","_input_hash":5}"# + "\n")) == .prodigy)
        #expect(InterchangeFormat.detect(try scratch.write("c.jsonl", #"{"doc_id":"c","text":"t","attributions":[]}"# + "\n")) == .jsonl)
        #expect(InterchangeFormat.detect(try scratch.write("d.json", "[\n" + #"{"data":{"text":"t"}}"# + "\n]")) == .labelStudio)
        #expect(InterchangeFormat.detect(try scratch.write("e.json", #"{"text":"t"}"#)) == nil)
    }
}

/// `import-gold FOLDER --labels …` reads a brat project with its own T types.
@Suite struct BratLabelsImportTests {
    @Test func aBratFolderWithItsOwnTypesImportsWithLabels() throws {
        let scratch = try Scratch(prefix: "bratlabels")
        _ = try scratch.write("brat/doc1.txt", "Ann said the road is closed.")
        _ = try scratch.write("brat/doc1.ann", "T1\tSRC 0 3\tAnn\nT2\tSAY 4 8\tsaid\nT3\tQUOTE 9 27\tthe road is closed\nE1\tSAY:T2 Source:T1 Content:T3\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        let labels = try LabelMap.parse("source=SRC,cue=SAY,content=QUOTE").get()
        let report = try workspace.importGoldExport(path: scratch.path("brat"), annotator: "ana", labels: labels)
        #expect(report.warnings == [])
        #expect(try workspace.store.documentCount() == 1)
        #expect(report.claims == 1)
    }

    @Test func withoutLabelsTheFolderIsRefusedAndNothingIsStored() throws {
        let scratch = try Scratch(prefix: "bratlabels")
        _ = try scratch.write("brat/doc1.txt", "Ann said the road is closed.")
        _ = try scratch.write("brat/doc1.ann", "T1\tSRC 0 3\tAnn\nT2\tSAY 4 8\tsaid\nT3\tQUOTE 9 27\tthe road is closed\nE1\tSAY:T2 Source:T1 Content:T3\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        #expect(throws: WorkbenchError.self) { try workspace.importGoldExport(path: scratch.path("brat"), annotator: "ana") }
        do {
            _ = try workspace.importGoldExport(path: scratch.path("brat"), annotator: "ana")
        } catch {
            #expect("\(error)".contains("doc1.ann:1: no T line has a type ClaimDesk reads (Source, Cue or Content); the file's types are \"QUOTE\" (1 T line), \"SAY\" (1 T line), \"SRC\" (1 T line): --labels source=SRC,cue=SAY,content=QUOTE maps them"))
        }
        #expect(try workspace.store.documentCount() == 0)
    }
}

/// The import's output says how many documents were named by their position in the file.
@Suite struct PositionNameImportTests {
    @Test func importGoldWarnsOfDocumentsNamedByPosition() throws {
        let scratch = try Scratch(prefix: "positionnames")
        let path = try scratch.write("db-out.jsonl", #"{"text":"Ann said so.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"accept"}"# + "\n"
            + #"{"text":"Bo said no.","spans":[],"answer":"accept","_input_hash":12}"# + "\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        let report = try workspace.importGoldExport(path: path, annotator: "ana", format: .prodigy)
        #expect(report.documents == 2)
        #expect(report.warnings.map(\.description) == [
            "\(path): 1 document had no meta.doc_id or a _input_hash of its own: named db-out-1 by position; give meta.doc_id to keep its name across exports",
        ])
    }
}

/// A doccano, Label Studio or Prodigy file none of whose spans has a label the map reads is refused
/// whole, even with `--skip-invalid`: it skipped every labelled line and stored the rest, documents
/// without spans, as gold without claims (marked done).
@Suite struct ForeignLabelImportTests {
    static let refusal = #"no span has a label ClaimDesk reads (Source, Cue or Content); the file's labels are "LOC" (1 span), "PER" (2 spans): map them with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#

    @Test func aFileOfForeignLabelsStoresNothingEvenWithSkipInvalid() throws {
        let scratch = try Scratch(prefix: "foreign")
        let doccano = #"{"doc_id":"a","text":"Ann Lee flew to Oslo.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":7},{"id":2,"label":"LOC","start_offset":16,"end_offset":20}],"relations":[]}"# + "\n"
            + #"{"doc_id":"b","text":"Nobody flew.","entities":[],"relations":[]}"# + "\n"
            + #"{"doc_id":"c","text":"Bo Ek.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":5}],"relations":[]}"# + "\n"
        let prodigy = #"{"text":"Ann Lee flew to Oslo.","spans":[{"start":0,"end":7,"label":"PER"},{"start":16,"end":20,"label":"LOC"}],"answer":"accept","_annotator_id":"s-ana"}"# + "\n"
            + #"{"text":"Nobody flew.","spans":[],"answer":"accept"}"# + "\n"
            + #"{"text":"Bo Ek.","spans":[{"start":0,"end":5,"label":"PER"}],"answer":"accept"}"# + "\n"
        func region(_ start: Int, _ end: Int, _ label: String) -> String {
            #"{"id":"r\#(start)","type":"labels","value":{"start":\#(start),"end":\#(end),"labels":["\#(label)"]}}"#
        }
        let studio = #"[{"data":{"text":"Ann Lee flew to Oslo."},"annotations":[{"result":[\#(region(0, 7, "PER")),\#(region(16, 20, "LOC"))]}]},"#
            + #"{"data":{"text":"Nobody flew."},"annotations":[{"result":[]}]},{"data":{"text":"Bo Ek."},"annotations":[{"result":[\#(region(0, 5, "PER"))]}]}]"#
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        for (name, text, format) in [("ner.jsonl", doccano, InterchangeFormat.doccano), ("db-out.jsonl", prodigy, .prodigy), ("tasks.json", studio, .labelStudio)] {
            let path = try scratch.write(name, text)
            // Given with --format or detected, with or without --skip-invalid.
            for (skip, given) in [(false, format), (true, format), (true, nil)] {
                let gold = #expect(throws: WorkbenchError.self) {
                    _ = try workspace.importGoldExport(path: path, annotator: "ana", skipInvalid: skip, format: given)
                }
                #expect(gold?.description == "\(path): \(Self.refusal)")
            }
            let claims = #expect(throws: WorkbenchError.self) {
                _ = try workspace.importClaims(file: path, runName: "mine", skipInvalid: true, format: format)
            }
            #expect(claims?.description == "\(path): \(Self.refusal)")
        }
        #expect(try workspace.store.documentCount() == 0)
    }

    @Test func aFileWhereOneLabelMapsImportsItsGoodLines() throws {
        let scratch = try Scratch(prefix: "foreign")
        let path = try scratch.write("rel.jsonl", #"{"doc_id":"a","text":"Ann said no.","entities":[{"id":1,"label":"Cue","start_offset":4,"end_offset":8}],"relations":[]}"# + "\n"
            + #"{"doc_id":"b","text":"Bo Ek.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":5}],"relations":[]}"# + "\n")
        let workspace = Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T00:00:00Z" }))
        let report = try workspace.importGoldExport(path: path, annotator: "ana", skipInvalid: true, format: .doccano)
        #expect(report.documents == 1 && report.claims == 1)
        #expect(report.skipped.map(\.description) == [#"\#(path):2: entity #1: label "PER" is not one of Source, Cue, Content (map it with --labels)"#])
        #expect(try workspace.store.documentCount() == 1)
    }
}
