import ClaimModel
import ClaimStore
import Interchange
import Testing
import TestSupport
@testable import Workbench

/// `import-gold` of files that name their annotators the other tool's way (Label Studio's
/// `completed_by`, Prodigy's `_annotator_id`): one claim per claim however many drew it, the
/// annotators who left a claim out disagreeing, tasks nobody annotated left undone, and a summary
/// that names who did what.
@Suite struct ImportGoldAnnotatorTests {
    /// Two claims: Mira's (0-4 said 5-9 "the ferry was late" 10-28) and Tom's (30-33 said 34-38
    /// "it was full" 39-50).
    static let ferry = "Mira said the ferry was late. Tom said it was full."
    static let pier = "Lena wrote that the pier had closed."
    static let dock = "Nobody spoke at the dock."
    static let quay = "The quay stayed quiet all day."

    static func workspace() throws -> Workspace {
        Workspace(store: try SQLiteStore.inMemory(clock: { "2026-12-01T10:00:00.000Z" }))
    }

    /// Label Studio regions and relations of claims given as (source, cue, content) offsets.
    static func results(_ claims: [(Int, Int, Int, Int, Int, Int)], first: Int = 1) -> String {
        var items: [String] = []
        var n = first
        for (s0, s1, c0, c1, t0, t1) in claims {
            let cue = "r\(n)", source = "r\(n + 1)", content = "r\(n + 2)"
            n += 3
            for (id, start, end, label) in [(cue, c0, c1, "Cue"), (source, s0, s1, "Source"), (content, t0, t1, "Content")] {
                items.append(#"{"id":"\#(id)","from_name":"label","to_name":"text","type":"labels","value":{"start":\#(start),"end":\#(end),"labels":["\#(label)"]}}"#)
            }
            for to in [source, content] {
                items.append(#"{"from_id":"\#(cue)","to_id":"\#(to)","type":"relation","labels":["Attribution"]}"#)
            }
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    static let mira = (0, 4, 5, 9, 10, 28)
    static let tom = (30, 33, 34, 38, 39, 50)

    /// t1: ana drew Mira's and Tom's claims, bo Mira's only; t2: both annotated and drew nothing;
    /// t3: nobody annotated it; t4: its only annotation was cancelled.
    static let tasks = """
        [{"data":{"doc_id":"t1","text":"\(ferry)"},"annotations":[
          {"completed_by":{"id":1,"email":"ana"},"result":\(results([mira, tom]))},
          {"completed_by":{"id":2,"email":"bo"},"result":\(results([mira], first: 7))}]},
         {"data":{"doc_id":"t2","text":"\(pier)"},"annotations":[
          {"completed_by":{"id":1,"email":"ana"},"result":[]},{"completed_by":{"id":2,"email":"bo"},"result":[]}]},
         {"data":{"doc_id":"t3","text":"\(dock)"},"annotations":[]},
         {"data":{"doc_id":"t4","text":"\(quay)"},"annotations":[{"completed_by":{"id":2,"email":"bo"},"was_cancelled":true,"result":[]}]}]
        """

    /// The claims stored in the gold run for `docID`.
    static func storedClaims(_ workspace: Workspace, _ docID: String, run: String) throws -> [Attribution] {
        let store = workspace.store
        let runID = try #require(try store.runRefs().first { $0.name == run }).rowID
        let row = try #require(try store.document(docID: docID)).rowID
        return try store.attributions(runID: runID, documentRowID: row).map(\.attribution)
    }

    /// Who holds `docID` marked done.
    static func doneBy(_ workspace: Workspace, _ docID: String) throws -> [String] {
        let row = try #require(try workspace.store.document(docID: docID)).rowID
        return try workspace.store.documentReviews().filter { $0.documentRowID == row && $0.status == "done" }.map(\.annotator).sorted()
    }

    @Test func labelStudioAnnotatorsWhoDrewTheSameClaimShareOneClaimAndAgreeOnIt() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let path = try scratch.write("tasks.json", Self.tasks)
        let workspace = try Self.workspace()
        let report = try workspace.importGoldExport(path: path, annotator: "importer", format: .labelStudio)
        #expect(report.documents == 4)
        #expect(report.claims == 2)
        #expect(try Self.storedClaims(workspace, "t1", run: "gold:importer").map(\.content) == [Fragments(Span(10, 28)), Fragments(Span(39, 50))])
        #expect(try Self.doneBy(workspace, "t1") == ["ana", "bo"])
        #expect(try Self.doneBy(workspace, "t2") == ["ana", "bo"])
        #expect(try Self.doneBy(workspace, "t3") == [])
        #expect(try Self.doneBy(workspace, "t4") == [])
        #expect(report.notes == [
            "gold: 1 document, 0 claims; marked done by ana, bo",
            "not in the gold: \(path):1: document \"t1\": its annotators (ana, bo) differ on a claim nobody adjudicated",
            "2 documents had no annotation: not marked done",
            "annotators: ana 2 claims in 2 documents, bo 1 claim in 2 documents",
        ])
        // Mira's claim: both kept it; Tom's: ana kept it, bo left it out (a rejection).
        #expect(try workspace.agreement(format: .table).split(separator: "\n").prefix(4) == [
            "on verdicts (confirmed / corrected / rejected / added)",
            "2 annotators, 2 items labelled by more than one",
            "annotator  annotator  items  agree  kappa",
            "ana        bo             2  0.500  0.000",
        ])
        // The same file again changes nothing.
        let again = try workspace.importGoldExport(path: path, annotator: "importer", format: .labelStudio)
        #expect(again.documents == 0 && again.claims == 0)
        #expect(again.notes.first == "unchanged: 4 documents were already in the run with the same content (left as they were)")
        #expect(try Self.doneBy(workspace, "t3") == [])
    }

    /// Prodigy lines of one task (the same `_input_hash`) answered by ana and bo; a task ana
    /// rejected, one answered `ignore`, and one ana accepted without drawing anything.
    static func prodigyLines() -> String {
        func spans(_ claims: [(Int, Int, Int, Int, Int, Int)]) -> String {
            var spans: [String] = [], relations: [String] = []
            for (s0, s1, c0, c1, t0, t1) in claims {
                let cue = #"{"start":\#(c0),"end":\#(c1),"label":"Cue"}"#
                let source = #"{"start":\#(s0),"end":\#(s1),"label":"Source"}"#
                let content = #"{"start":\#(t0),"end":\#(t1),"label":"Content"}"#
                spans += [cue, source, content]
                relations += [#"{"head_span":\#(cue),"child_span":\#(source),"label":"Attribution"}"#,
                              #"{"head_span":\#(cue),"child_span":\#(content),"label":"Attribution"}"#]
            }
            return #""spans":[\#(spans.joined(separator: ","))],"relations":[\#(relations.joined(separator: ","))]"#
        }
        return [
            #"{"text":"\#(ferry)",\#(spans([mira, tom])),"_input_hash":11,"_annotator_id":"news-ana","answer":"accept"}"#,
            #"{"text":"\#(ferry)",\#(spans([mira])),"_input_hash":11,"_annotator_id":"news-bo","answer":"accept"}"#,
            #"{"text":"\#(pier)",\#(spans([])),"_input_hash":22,"_annotator_id":"news-ana","answer":"reject"}"#,
            #"{"text":"\#(dock)",\#(spans([])),"_input_hash":33,"_annotator_id":"news-bo","answer":"ignore"}"#,
            #"{"text":"\#(quay)",\#(spans([])),"_input_hash":44,"_annotator_id":"news-ana","answer":"accept"}"#,
        ].joined(separator: "\n") + "\n"
    }

    @Test func prodigyLinesOfOneTaskByTwoAnnotatorsAreOneDocument() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let path = try scratch.write("gold.jsonl", Self.prodigyLines())
        let workspace = try Self.workspace()
        let report = try workspace.importGoldExport(path: path, annotator: "importer", format: .prodigy)
        #expect(report.documents == 4)
        #expect(report.skipped == [])
        #expect(report.claims == 2)
        #expect(try Self.storedClaims(workspace, "gold-1", run: "gold:importer").map(\.source) == [Fragments(Span(0, 4)), Fragments(Span(30, 33))])
        #expect(try workspace.store.document(docID: "gold-2") == nil)
        #expect(try Self.doneBy(workspace, "gold-1") == ["news-ana", "news-bo"])
        #expect(try Self.doneBy(workspace, "gold-22") == [])
        #expect(try Self.doneBy(workspace, "gold-33") == [])
        #expect(try Self.doneBy(workspace, "gold-44") == ["news-ana"])
        #expect(report.notes == [
            "gold: 1 document, 0 claims; marked done by news-ana",
            "not in the gold: \(path):1: document \"gold-1\": its annotators (news-ana, news-bo) differ on a claim nobody adjudicated",
            "2 documents had no annotation: not marked done",
            "annotators: news-ana 2 claims in 2 documents, news-bo 1 claim in 1 document",
        ])
        #expect(try workspace.agreement(format: .table).split(separator: "\n").prefix(4).last == "news-ana   news-bo        2  0.500  0.000")
    }

    @Test func aTaskAnsweredIgnoreOnlyIsStoredUndoneNotRefused() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let path = try scratch.write("ignored.jsonl", #"{"text":"\#(Self.dock)","answer":"ignore"}"# + "\n")
        let workspace = try Self.workspace()
        let report = try workspace.importGoldExport(path: path, annotator: "importer", format: .prodigy)
        #expect(report.documents == 1 && report.claims == 0)
        #expect(try workspace.store.document(docID: "ignored-1")?.document.text == Self.dock)
        #expect(try Self.doneBy(workspace, "ignored-1") == [])
        #expect(report.notes == ["gold: 0 documents, 0 claims", "1 document had no annotation: not marked done"])
        // No run was made: the headline names none.
        #expect(report.summary.hasPrefix("no run made: 1 document stored without claims\ngold: 0 documents, 0 claims\n"))
        // Importing it again changes nothing and still names no run.
        let again = try workspace.importGoldExport(path: path, annotator: "importer", format: .prodigy)
        #expect(again.run == "" && again.documents == 0)
    }

    @Test func twoDocumentsWithTheSameTextAreBothStoredWithANote() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let path = try scratch.write("tasks.json", """
            [{"data":{"doc_id":"a","text":"\(Self.pier)"},"annotations":[{"completed_by":"ana","result":[]}]},
             {"data":{"doc_id":"c","text":"\(Self.dock)"},"annotations":[{"completed_by":"ana","result":[]}]},
             {"data":{"doc_id":"b","text":"\(Self.pier)"},"annotations":[{"completed_by":"ana","result":[]}]}]
            """)
        let report = try Self.workspace().importGoldExport(path: path, annotator: "importer", format: .labelStudio)
        #expect(report.documents == 3)
        #expect(report.notes == [
            "gold: 3 documents, 0 claims; marked done by ana",
            "\(path):1 and \(path):3 have the same text (doc_ids a, b): both stored",
        ])
    }

    @Test func theSummarySaysWhereAnnotatorStoodInForAnUnnamedAnnotator() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let path = try scratch.write("tasks.json", """
            [{"data":{"doc_id":"t1","text":"\(Self.ferry)"},"annotations":[{"completed_by":7,"result":\(Self.results([Self.mira]))}]},
             {"data":{"doc_id":"t2","text":"\(Self.pier)"},"annotations":[{"completed_by":{"email":"bo"},"result":[]}]}]
            """)
        let report = try Self.workspace().importGoldExport(path: path, annotator: "lead", format: .labelStudio)
        #expect(report.notes == [
            "gold: 2 documents, 1 claim; marked done by lead, bo",
            "annotators: lead 1 claim in 1 document, bo 0 claims in 1 document",
            "the file names no annotator in 1 document: credited to \"lead\" (--annotator)",
        ])
    }

    @Test func everyDocumentStoredWithAnotherTextUnderAPositionalDocIDSaysHowToFixIt() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let first = try scratch.write("week1/tasks.json", #"[{"data":{"text":"\#(Self.pier)"},"annotations":[]}]"#)
        let second = try scratch.write("week2/tasks.json", #"[{"data":{"text":"\#(Self.dock)"},"annotations":[]}]"#)
        let workspace = try Self.workspace()
        _ = try workspace.importGoldExport(path: first, annotator: "ana", format: .labelStudio)
        do {
            _ = try workspace.importGoldExport(path: second, annotator: "ana", format: .labelStudio)
            Issue.record("the import should be refused")
        } catch {
            #expect(error.lines == [
                "\(second):1: document \"tasks-1\" is already stored with a different text (refusing to overwrite it)",
                "\(second): every document is already stored with a different text under a doc_id named by its position (tasks-N): the file gives none; give each document its own doc_id (Label Studio data.doc_id, Prodigy meta.doc_id, doccano doc_id) and import again",
            ])
        }
        do {
            _ = try workspace.importGoldExport(path: second, annotator: "ana", skipInvalid: true, format: .labelStudio)
            Issue.record("the import should be refused")
        } catch {
            #expect(error.lines == [
                "\(second): every document is already stored with a different text under a doc_id named by its position (tasks-N): the file gives none; give each document its own doc_id (Label Studio data.doc_id, Prodigy meta.doc_id, doccano doc_id) and import again",
            ])
        }
    }

    @Test func everyDocumentStoredWithAnotherTextUnderItsOwnDocIDSaysSo() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-gold")
        let first = try scratch.write("a.json", #"[{"data":{"doc_id":"n1","text":"\#(Self.pier)"},"annotations":[]}]"#)
        let second = try scratch.write("b.json", #"[{"data":{"doc_id":"n1","text":"\#(Self.dock)"},"annotations":[]}]"#)
        let workspace = try Self.workspace()
        _ = try workspace.importGoldExport(path: first, annotator: "ana", format: .labelStudio)
        #expect(throws: (any Error).self) { try workspace.importGoldExport(path: second, annotator: "ana", format: .labelStudio) }
        do {
            _ = try workspace.importGoldExport(path: second, annotator: "ana", format: .labelStudio)
        } catch {
            #expect(error.lines.last == "\(second): every document is already stored with a different text: these doc_ids name other documents in the store; give the file's documents doc_ids of their own and import again")
        }
    }
}
