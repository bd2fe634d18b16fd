import ClaimModel
import Foundation
import ClaimStore
import Testing
import TestSupport
@testable import Workbench

/// A command looks its run up once and hands the ref down. Before, `score` looked its run up by
/// name two to five times (its inputs, its link score, its gold-cluster score, each link run's
/// load), `compare` each run twice, `export --run` twice: counted here on a store that counts its calls.
@Suite struct RunLookupTests {
    /// Gold "gold" and runs "a" and "b" over `ComparedRuns`' document, run "a"
    /// linked; the count starts after the setup.
    static func fixture() throws -> (CountingStore, Workspace) {
        let store = CountingStore(try ComparedRuns([("a", [ComparedRuns.first, ComparedRuns.second]), ("b", [ComparedRuns.first])]).store)
        let workspace = Workspace(store: store)
        _ = try workspace.link(run: "a", name: nil, replace: false)
        store.reset()
        return (store, workspace)
    }

    /// Before: 4 (the run by name twice, the gold once, the list of runs for the link run's load).
    @Test func scoreLooksUpItsRunAndItsGoldOnceEach() throws {
        let (store, workspace) = try Self.fixture()
        let text = try workspace.score(runName: "a", against: "gold", match: .overlap, format: .table)
        #expect(text.hasPrefix("run \"a\" against run \"gold\", overlap matching\n"))
        #expect(store.calls("runRef(named:)") == 2)
        #expect(store.runLookups == 2)
    }

    /// Before: 6 (each run twice, the gold once per run).
    @Test func compareLooksUpEachRunAndTheGoldOnce() throws {
        let (store, workspace) = try Self.fixture()
        let text = try workspace.compare(runA: "a", runB: "b", against: "gold", match: .overlap, examples: 0)
        #expect(text.hasPrefix("compare run \"a\" (A) with run \"b\" (B) against run \"gold\", overlap matching, 1 document\n"))
        #expect(store.calls("runRef(named:)") == 3)
        #expect(store.runLookups == 3)
    }

    /// Before: 2 for JSONL, 3 for the link run's provenance JSON.
    @Test func exportOfARunLooksItUpOnce() throws {
        let scratch = try Scratch(prefix: "claimdesk-run-lookups")
        let (store, workspace) = try Self.fixture()
        let jsonl = try workspace.export(ExportRequest(format: .jsonl, out: scratch.path("a.jsonl"), selection: .run("a")))
        #expect(jsonl.summary == "wrote 2 attributions in 1 document to \(scratch.path("a.jsonl"))")
        #expect(store.runLookups == 1)
        store.reset()
        // The link run's export: the run, not the list of every run to find it again.
        _ = try workspace.export(ExportRequest(format: .provenance, out: scratch.path("a.json"), selection: .run("a")))
        #expect(store.runLookups == 1)
    }

    /// `report`'s page: the run once, its gold once (before: 4, the run by name twice, the gold once
    /// and the list of runs to find the run again for its link run).
    @Test func reportLooksUpItsRunAndItsGoldOnceEach() throws {
        let (store, workspace) = try Self.fixture()
        let (choice, page) = try workspace.reportPage(ReportRequest(out: "unused.html", run: "a", against: "gold"))
        #expect(choice.name == "a" && page.provenanceHTML != nil)
        #expect(store.runLookups == 2)
    }

    /// The link run is loaded once per command and handed to each section that reads it (each
    /// load reads the run's claims and their documents' text). Before: `score --against` loaded it
    /// for its link score and again for its gold-cluster score; `report` three times (those two and
    /// the provenance section).
    @Test func scoreAndReportLoadTheLinkRunOnce() throws {
        let (store, workspace) = try Self.fixture()
        // A gold whose claims carry cluster keys, so that `score` also scores the link run against them.
        let scratch = try Scratch(prefix: "claimdesk-link-loads")
        let line = #"{"doc_id": "d", "text": "The mayor said fares rise. Police said nothing.", "attributions": ["#
            + #"{"source": [0, 9], "cue": [10, 14], "content": [15, 25], "cluster": "c1"}]}"# + "\n"
        #expect(FileManager.default.createFile(atPath: scratch.path("clustered.jsonl"), contents: Data(line.utf8)))
        _ = try workspace.importClaims(file: scratch.path("clustered.jsonl"), runName: "clustered")
        store.reset()
        let json = try workspace.score(runName: "a", against: "clustered", match: .overlap, format: .json)
        #expect(json.contains("\n\"links\": ") && json.contains("\n\"gold_links\": "))
        #expect(store.calls("linkRuns()") == 1)
        store.reset()
        let (_, page) = try workspace.reportPage(ReportRequest(out: "unused.html", run: "a", against: "gold"))
        #expect(page.provenanceHTML != nil)
        #expect(store.calls("linkRuns()") == 1)
    }

    @Test func anUnknownRunIsStillSaidFirst() throws {
        let (_, workspace) = try Self.fixture()
        #expect(refusal { try workspace.score(runName: "x", against: "nowhere", match: .overlap, format: .table) } == WorkbenchError.unknownRun("x").description)
        #expect(refusal { try workspace.compare(runA: "x", runB: "y", against: "nowhere", match: .overlap) } == WorkbenchError.unknownRun("x").description)
        // Run A's gold is refused before run B is looked up, as before.
        #expect(refusal { try workspace.compare(runA: "a", runB: "y", against: "nowhere", match: .overlap) } == WorkbenchError.unknownRun("nowhere").description)
    }
}
