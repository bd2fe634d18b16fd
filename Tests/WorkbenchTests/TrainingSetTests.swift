import ClaimModel
import ClaimStore
import Testing
@testable import Workbench

/// What `train` learns from: the same gold `score` uses, in doc_id order, with a digest that
/// names the data whatever store it sits in.
@Suite struct TrainingSetTests {
    static let a = Document(id: "b-second", text: "The captain radioed that the engine failed.")
    static let b = Document(id: "a-first", text: "Nobody spoke.", title: "quiet")
    static let claim = Attribution(id: "g1", source: Fragments(Span(0, 11)), cue: Fragments(Span(12, 19)),
                                   content: Fragments(Span(25, 42)), sourceType: .namedPerson, anonymous: false, confidence: 0.5,
                                   review: Review(status: .confirmed, annotator: "ana"))

    /// A store holding `documents` (in that order) and a gold run over them.
    static func workspace(_ documents: [Document], goldKind: RunKind = .imported) throws -> Workspace {
        let store = try SQLiteStore.inMemory(clock: { "2026-11-30T13:00:00.000Z" })
        _ = try store.ingest(documents.map { ($0, "\($0.id).txt") })
        let run = try store.createRun(name: "g", kind: goldKind, extractor: "import-claims", version: nil, parameters: nil)
        try store.saveRunOutput(runID: run.rowID, try documents.map { d in
            (try #require(try store.document(docID: d.id)).rowID, d.id == a.id ? [claim] : [])
        })
        return Workspace(store: store)
    }

    @Test func aGoldRunGivesItsDocumentsInDocIDOrderWithTheirClaimsStripped() throws {
        let set = try Self.workspace([Self.a, Self.b]).trainingSet(.run("g"))
        #expect(set.documents.map(\.document) == [Document(id: "a-first", text: "Nobody spoke."), Document(id: "b-second", text: Self.a.text)])
        #expect(set.documents.map(\.attributions) == [[], [Attribution(source: Fragments(Span(0, 11)), cue: Fragments(Span(12, 19)),
                                                                        content: Fragments(Span(25, 42)), sourceType: .namedPerson, anonymous: false)]])
        #expect(set.attributions == 1)
        #expect(set.origin == "run \"g\"")
    }

    @Test func theDataDigestIsTheSHA256OfTheCanonicalLinesWhateverTheIngestionOrder() throws {
        let one = try Self.workspace([Self.a, Self.b]).trainingSet(.run("g"))
        let other = try Self.workspace([Self.b, Self.a]).trainingSet(.run("g"))
        let lines = #"{"doc_id":"a-first","text":"Nobody spoke.","attributions":[]}"# + "\n"
            + #"{"doc_id":"b-second","text":"The captain radioed that the engine failed.","attributions":[{"source":[0,11],"cue":[12,19],"content":[25,42],"source_text":"The captain","cue_text":"radioed","content_text":"the engine failed","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":null,"confidence":null}]}"#
            + "\n"
        #expect(one.digest == SHA256.hex(Array(lines.utf8)))
        #expect(other.digest == one.digest)
    }

    @Test func theSameGoldInAnotherIngestionOrderTrainsTheSameModelBytes() throws {
        let one = try Self.workspace([Self.a, Self.b]).train(TrainRequest(model: "m", source: .run("g")), now: "t")
        let other = try Self.workspace([Self.b, Self.a]).train(TrainRequest(model: "m", source: .run("g")), now: "t")
        #expect(one.model.digest == other.model.digest && one.model.bytes == other.model.bytes)
        #expect(one.model.provenance == other.model.provenance)
        #expect(one.model.digest == SHA256.hex(one.model.bytes))
    }

    @Test func anExtractorRunIsNotGold() throws {
        let workspace = try Self.workspace([Self.a])
        _ = try workspace.store.createRun(name: "rules", kind: .extractor, extractor: "rules", version: "1", parameters: nil)
        #expect(throws: (any Error).self) { try workspace.trainingSet(.run("rules")) }
        do {
            _ = try workspace.trainingSet(.run("rules"))
        } catch {
            #expect(error.description == "run \"rules\" holds an extractor's output, not gold: train --from an imported gold run (`claimdesk import-gold`, `import-claims`) or --gold")
        }
    }

    @Test func noDocumentMarkedDoneIsNothingToTrainOn() throws {
        let workspace = try Self.workspace([Self.a])
        do {
            _ = try workspace.trainingSet(.gold(annotator: nil))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "no gold to train on: no documents are marked done (review them with `claimdesk annotate`, then `done`; or train --from RUN)")
        }
    }
}
