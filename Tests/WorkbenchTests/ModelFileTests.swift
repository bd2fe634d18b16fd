import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Workbench

/// Model files (docs/FORMAT.md "Model files"): exact bytes out, and every damaged file refused with
/// one located line.
@Suite struct ModelFileTests {
    static let modelBytes: [UInt8] = [0, 1, 2, 10, 255]
    static let model = StoredModel(name: "harbour", family: "toy", bytes: modelBytes, digest: SHA256.hex(modelBytes),
                                   provenance: #"{"source":{"kind":"gold","annotator":null}}"#)

    @Test func aModelFileIsAMagicLineAHeaderTheProvenanceAndTheBytes() {
        let digest = SHA256.hex(Self.modelBytes)
        let expected = Array("""
            CLAIMDESK-MODEL 1
            {"name":"harbour","family":"toy","digest":"\(digest)","provenance_bytes":43,"model_bytes":5}
            {"source":{"kind":"gold","annotator":null}}

            """.utf8) + Self.modelBytes
        #expect(ModelFile.encode(Self.model) == expected)
    }

    @Test func aModelFileReadsBackAsTheSameModel() throws {
        #expect(try ModelFile.decode(ModelFile.encode(Self.model), file: "m.model") == Self.model)
    }

    func refusal(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try ModelFile.decode(bytes, file: "m.model")
            return []
        } catch {
            return error.lines
        }
    }

    var good: [UInt8] { ModelFile.encode(Self.model) }

    @Test func anotherFileIsNotAModelFile() {
        #expect(refusal(Array("{\"doc_id\":\"a\"}\n".utf8)) == ["m.model:1: not a ClaimDesk model file (it should begin with \"CLAIMDESK-MODEL 1\")"])
        #expect(refusal([]) == ["m.model:1: not a ClaimDesk model file (it should begin with \"CLAIMDESK-MODEL 1\")"])
    }

    @Test func anotherVersionOfTheFormatIsRefused() {
        var bytes = good
        bytes[16] = UInt8(ascii: "2")
        #expect(refusal(bytes) == ["m.model:1: model file format version \"2\"; this ClaimDesk (\(ClaimDeskVersion.current)) reads version 1"])
    }

    @Test func aFileCutShortIsRefusedWhereverItIsCut() {
        let headerEnd = good.firstIndex(of: 10)! + 1
        let provenanceEnd = good[headerEnd...].firstIndex(of: 10)! + 1
        #expect(refusal(Array(good.prefix(10))) == ["m.model:1: truncated: the file ends in its first line"])
        #expect(refusal(Array(good.prefix(headerEnd + 20))) == ["m.model:2: truncated: the header line is missing or cut"])
        #expect(refusal(Array(good.prefix(provenanceEnd + 10)))
            == ["m.model:3: truncated: the provenance should be 43 bytes and a line break, the file holds 10 more bytes"])
        #expect(refusal(Array(good.dropLast(2))) == ["m.model:4: truncated: the model should be 5 bytes, the file holds 3"])
    }

    @Test func extraBytesOrChangedBytesAreRefused() {
        #expect(refusal(good + [7]) == ["m.model:4: corrupt: 1 byte after the 5 bytes of the model"])
        var changed = good
        changed[changed.count - 1] = 0
        let actual = SHA256.hex([0, 1, 2, 10, 0])
        #expect(refusal(changed) == ["m.model:4: corrupt: the model's SHA-256 is \(actual.prefix(12))…, the header says \(SHA256.hex(Self.modelBytes).prefix(15))…"])
    }

    @Test func aBrokenHeaderOrProvenanceIsRefused() {
        let text = String(decoding: good, as: UTF8.self)
        let noName = Array(text.replacingOccurrences(of: "\"name\":\"harbour\"", with: "\"name\":7").utf8)
        #expect(refusal(noName) == ["m.model:2: invalid header: \"name\" should be a string"])
        let negative = Array(text.replacingOccurrences(of: "\"model_bytes\":5", with: "\"model_bytes\":-5").utf8)
        #expect(refusal(negative) == ["m.model:2: invalid header: \"model_bytes\" should be a whole number of bytes"])
        let notJSON = Array(text.replacingOccurrences(of: #"{"source""#, with: #"["source""#).utf8)
        #expect(refusal(notJSON) == ["m.model:3: invalid provenance: column 10: expected ',' or ']' in an array"])
    }
}

/// `import-model`'s last check: a file whose layout and digest are sound but whose bytes are no
/// model the Learning module reads is refused at line 4, and nothing is stored.
@Suite struct ImportModelTests {
    @Test func bytesThatAreNoModelAreRefusedAtLine4() throws {
        let scratch = try Scratch(prefix: "claimdesk-import-model")
        let bytes: [UInt8] = Array("not a model".utf8)
        let file = try scratch.write("x.model", bytes: ModelFile.encode(
            StoredModel(name: "x", family: "toy", bytes: bytes, digest: SHA256.hex(bytes), provenance: "{}")))
        let workspace = Workspace(store: try SQLiteStore.inMemory())
        do {
            _ = try workspace.importModel(file: file)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.lines == ["\(file):4: not a valid model: not a ClaimDesk model (no model header)"])
        }
        #expect(try workspace.store.models().isEmpty)
    }
}
