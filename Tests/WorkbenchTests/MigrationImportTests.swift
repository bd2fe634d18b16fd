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
            #expect("\(error)".contains("doc1.ann:1: no T line has a type ClaimDesk reads (Source, Cue or Content); its types are SRC, SAY, QUOTE: --labels source=SRC,cue=SAY,content=QUOTE maps them"))
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
