import ClaimModel
@testable import ClaimStore
import Foundation
import Testing
import TestSupport

/// The `model` table (v6-models): bytes stored and read back exactly, names unique unless replaced.
@Suite struct ModelStoreTests {
    let store: SQLiteStore

    init() throws {
        store = try SQLiteStore.inMemory(clock: { "2026-11-30T13:00:00.000Z" })
    }

    /// Every byte value, NUL and high bytes included: a BLOB, not text.
    static let bytes: [UInt8] = Array(0...255) + [0, 0, 10, 13, 255]

    @Test func aModelRoundTripsByteForByte() throws {
        let model = StoredModel(name: "posted", family: "perceptron", bytes: Self.bytes, digest: String(repeating: "ab", count: 32),
                                provenance: #"{"source":{"kind":"gold"}}"#)
        let saved = try store.saveModel(model)
        #expect(saved.createdAt == "2026-11-30T13:00:00.000Z")
        let read = try #require(try store.model(named: "posted"))
        #expect(read == StoredModel(name: "posted", family: "perceptron", bytes: Self.bytes, digest: String(repeating: "ab", count: 32),
                                    provenance: #"{"source":{"kind":"gold"}}"#, createdAt: "2026-11-30T13:00:00.000Z"))
        #expect(try store.models() == [ModelInfo(name: "posted", family: "perceptron", size: 261, digest: String(repeating: "ab", count: 32),
                                                 provenance: #"{"source":{"kind":"gold"}}"#, createdAt: "2026-11-30T13:00:00.000Z")])
        #expect(try store.model(named: "other") == nil)
    }

    @Test func aSecondModelOfTheSameNameIsRefusedUnlessReplaced() throws {
        try store.saveModel(StoredModel(name: "m", family: "f", bytes: [1], digest: "d1", provenance: "{}"))
        #expect(throws: StoreError.modelExists("m")) {
            try store.saveModel(StoredModel(name: "m", family: "f", bytes: [2], digest: "d2", provenance: "{}"))
        }
        #expect(try store.model(named: "m")?.bytes == [1])
        try store.saveModel(StoredModel(name: "m", family: "f", bytes: [2, 3], digest: "d2", provenance: "{}"), replace: true)
        #expect(try store.model(named: "m")?.bytes == [2, 3])
        #expect(try store.models().map(\.name) == ["m"])
        #expect(StoreError.modelExists("m").description
            == "a model named \"m\" already exists (use --replace to replace it, or another name)")
    }

    @Test func aNULInAModelsTextIsRefused() throws {
        #expect(throws: StoreError.nulInValue(table: "model", column: "name")) {
            try store.saveModel(StoredModel(name: "a\u{0}b", family: "f", bytes: [], digest: "d", provenance: "{}"))
        }
        #expect(try store.models().isEmpty)
    }

    @Test func theModelTableIsPartOfTheCheckedSchema() throws {
        #expect(SQLiteStore.knownMigrations.contains("v6-models"))
        #expect(try store.schemaProblems() == [])
    }
}
