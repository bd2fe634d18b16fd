import ClaimModel
import ClaimStore
import Interchange

/// A model as a file (`train --out`, `import-model`; docs/FORMAT.md "Model files"): a magic line
/// with the file format's version, one header line of JSON, the provenance JSON, then the model's
/// bytes. Self-describing so that a file alone says what it holds and what it was trained on, and
/// checked whole on reading (lengths, digest) so that a truncated or altered file is refused
/// instead of stored.
public enum ModelFile {
    /// The file format's version (not the model's: the model's bytes carry their own header).
    public static let version = 1
    static let magic = "CLAIMDESK-MODEL"

    /// The file's bytes.
    public static func encode(_ model: StoredModel) -> [UInt8] {
        let provenance = Array(model.provenance.utf8)
        let header = JSONValue.object([
            ("name", .string(model.name)), ("family", .string(model.family)), ("digest", .string(model.digest)),
            ("provenance_bytes", .number(String(provenance.count))), ("model_bytes", .number(String(model.bytes.count))),
        ]).serialized
        return Array("\(magic) \(version)\n\(header)\n".utf8) + provenance + [0x0A] + model.bytes
    }

    /// The model in a file's bytes, or the first problem, located by line (`FILE:LINE: …`; the
    /// model's bytes start on line 4).
    public static func decode(_ bytes: [UInt8], file: String) throws(WorkbenchError) -> StoredModel {
        func fail(_ line: Int, _ message: String) -> WorkbenchError {
            .invalidInput([InterchangeIssue(file: file, line: line, message: message)])
        }
        var offset = 0
        func nextLine() -> ArraySlice<UInt8>? {
            guard let end = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
            defer { offset = end + 1 }
            return bytes[offset..<end]
        }
        guard let first = nextLine() else {
            let start = Array("\(magic) \(version)".utf8)
            if bytes.isEmpty || !(start.starts(with: bytes) || bytes.starts(with: Array(magic.utf8))) {
                throw fail(1, "not a ClaimDesk model file (it should begin with \"\(magic) \(version)\")")
            }
            throw fail(1, "truncated: the file ends in its first line")
        }
        let firstText = String(decoding: first, as: UTF8.self)
        guard firstText.hasPrefix(magic + " ") else {
            throw fail(1, "not a ClaimDesk model file (it should begin with \"\(magic) \(version)\")")
        }
        let found = firstText.dropFirst(magic.count + 1)
        guard found == String(version) else {
            throw fail(1, "model file format version \"\(TerminalSafe.short(String(found), 20))\"; this ClaimDesk (\(ClaimDeskVersion.current)) reads version \(version)")
        }
        guard let headerLine = nextLine() else { throw fail(2, "truncated: the header line is missing or cut") }
        let header: JSONValue
        do { header = try JSONParser.parse(headerLine) } catch { throw fail(2, "invalid header: \(error.description)") }
        func text(_ key: String) throws(WorkbenchError) -> String {
            guard let value = header[key]?.stringValue else { throw fail(2, "invalid header: \"\(key)\" should be a string") }
            return value
        }
        func count(_ key: String) throws(WorkbenchError) -> Int {
            guard case let .number(n)? = header[key], let value = Int(n), value >= 0 else {
                throw fail(2, "invalid header: \"\(key)\" should be a whole number of bytes")
            }
            return value
        }
        let name = try text("name"), family = try text("family"), digest = try text("digest")
        let provenanceBytes = try count("provenance_bytes"), modelBytes = try count("model_bytes")
        let left = bytes.count - offset
        guard left >= provenanceBytes + 1 else {
            throw fail(3, "truncated: the provenance should be \(provenanceBytes) bytes and a line break, the file holds \(left) more bytes")
        }
        let provenanceSlice = bytes[offset..<offset + provenanceBytes]
        guard bytes[offset + provenanceBytes] == 0x0A else {
            throw fail(3, "corrupt: no line break after the \(provenanceBytes) bytes of provenance the header announces")
        }
        let provenance: JSONValue
        do { provenance = try JSONParser.parse(provenanceSlice) } catch { throw fail(3, "invalid provenance: \(error.description)") }
        guard case .object = provenance else { throw fail(3, "invalid provenance: not a JSON object") }
        offset += provenanceBytes + 1
        let model = Array(bytes[offset...])
        guard model.count >= modelBytes else {
            throw fail(4, "truncated: the model should be \(modelBytes) bytes, the file holds \(model.count)")
        }
        guard model.count == modelBytes else {
            let extra = model.count - modelBytes
            throw fail(4, "corrupt: \(extra) byte\(extra == 1 ? "" : "s") after the \(modelBytes) bytes of the model")
        }
        let actual = SHA256.hex(model)
        guard actual == digest else {
            throw fail(4, "corrupt: the model's SHA-256 is \(actual.prefix(12))…, the header says \(TerminalSafe.short(digest, 16))")
        }
        return StoredModel(name: name, family: family, bytes: model, digest: digest,
                           provenance: String(decoding: provenanceSlice, as: UTF8.self))
    }
}
