import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Workbench

/// `extract --model` into a run it cannot continue: one path (`madeByAnother`) says why, and no
/// model's bytes are read but those of the model extracting (once, to run it).
@Suite struct ModelRunRefusalTests {
    /// Gold run "g" over two documents, model "a" trained on it and extracted into run "a", model
    /// "b" trained on the same gold plus a third document (another digest).
    static func fixture() throws -> (CountingStore, Workspace) {
        let documents = [Document(id: "d1", text: "The captain radioed that the engine failed."), Document(id: "d2", text: "Nobody spoke.")]
        let claim = Attribution(source: Fragments(Span(0, 11)), cue: Fragments(Span(12, 19)), content: Fragments(Span(25, 42)))
        let built = try TestStore([(documents[0], [claim]), (documents[1], [])], origin: "t.txt", run: "g", kind: .imported)
        let store = CountingStore(built.store)
        let workspace = Workspace(store: store)
        _ = try workspace.train(TrainRequest(model: "a", source: .run("g")), now: "t")
        _ = try workspace.extract(model: "a")
        try addGoldDocument(store, runID: built.runID)
        _ = try workspace.train(TrainRequest(model: "b", source: .run("g")), now: "t")
        return (store, workspace)
    }

    /// One more document in gold run "g": the next model trained on it has another digest.
    static func addGoldDocument(_ store: CountingStore, runID: Int64) throws {
        _ = try store.ingest([(Document(id: "d3", text: "Officials said the bridge is closed."), "t.txt")])
        let row = try #require(try store.document(docID: "d3")).rowID
        try store.saveRunOutput(runID: runID, [(row, [])])
    }

    static func digest(_ workspace: Workspace, _ name: String) throws -> String {
        String(try #require(try workspace.store.models().first { $0.name == name }).digest.prefix(12))
    }

    @Test func anotherModelsRunIsRefusedWithoutReadingThatModelsBytes() throws {
        let (store, workspace) = try Self.fixture()
        let (a, b) = (try Self.digest(workspace, "a"), try Self.digest(workspace, "b"))
        store.reset()
        #expect(refusal {
            try workspace.extract(model: "b", runName: "a")
        } == WorkbenchError.usage("run \"a\" was made by model \"a\" (\(a)): continue it with "
            + "`claimdesk extract --model a --run a`, or name another run (not by model \"b\" \(b))").description)
        // Model "b"'s bytes, to run it; model "a" is known by its digest.
        #expect(store.calls("model(named:)") == 1)
    }

    /// `extract` looks its run up once, by its ref: `run(named:)` counted the run's claims too.
    @Test func extractLooksItsRunUpOnceWithoutCountingItsClaims() throws {
        let (store, workspace) = try Self.fixture()
        store.reset()
        #expect(try workspace.extract(model: "a").run == "a")
        #expect(try workspace.extract(runName: "rules").run == "rules")
        #expect(store.calls("runRef(named:)") == 2)
        #expect(store.runLookups == 2)
    }

    @Test func aReplacedModelsRunIsRefusedOnOnePath() throws {
        let (store, workspace) = try Self.fixture()
        let before = try Self.digest(workspace, "a")
        _ = try workspace.train(TrainRequest(model: "a", source: .run("g"), replace: true), now: "t")
        let now = try Self.digest(workspace, "a")
        #expect(before != now)
        store.reset()
        #expect(refusal {
            try workspace.extract(model: "a")
        } == WorkbenchError.usage("run \"a\" holds the claims of model \"a\" as it was before it was replaced "
            + "(\(before); now \(now)): give the new one a run of its own, e.g. `claimdesk extract --model a --run a-\(now)`").description)
        #expect(store.calls("model(named:)") == 1)
        store.reset()
        // The rules into that run: the model's digest alone says it was replaced.
        #expect(refusal {
            try workspace.extract(runName: "a")
        } == WorkbenchError.usage("run \"a\" was made by model \"a\" (\(before)), since replaced: name another run").description)
        #expect(store.calls("model(named:)") == 0)
    }

    /// `train` says each step as it starts: the gold read, the training's stages, the dev measure.
    @Test func trainingReportsItsSteps() throws {
        let documents = [Document(id: "d1", text: "The captain radioed that the engine failed."), Document(id: "d2", text: "Nobody spoke.")]
        let claim = Attribution(source: Fragments(Span(0, 11)), cue: Fragments(Span(12, 19)), content: Fragments(Span(25, 42)))
        let built = try TestStore([(documents[0], [claim]), (documents[1], [])], origin: "t.txt", run: "g", kind: .imported)
        let workspace = Workspace(store: built.store)
        let lines = Locked([String]())
        _ = try workspace.train(TrainRequest(model: "a", source: .run("g"), dev: "g"), now: "t") { line in lines.withLock { $0.append(line) } }
        #expect(lines.withLock { $0 } == [
            "training: reading the gold",
            "training: reading 2 documents",
            "training: cross-fitting: fold 1 of 2 (fitted on the others, decoded for calibration)",
            "training: cross-fitting: fold 2 of 2 (fitted on the others, decoded for calibration)",
            "training: fitting the model on all 2 documents",
            "training: choosing the threshold and the confidences",
            "training: measuring the model and the rules on run \"g\"",
        ])
    }
}
