import Dispatch
/// One file an export wrote, as a dataset card lists it.
public struct ExportedFile: Sendable, Equatable {
    /// Relative to the export's folder (brat) or the file's own name.
    public var name: String
    public var bytes: Int
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var sha256: String
}

/// An `AtomicFile` that also counts and hashes what it writes, so the card's digest needs no re-read.
struct HashingFile {
    private var file: AtomicFile
    private let hash = BackgroundHasher()
    private var chunk: [UInt8] = []
    private(set) var bytes = 0
    let name: String

    init(path: String, name: String, replacing: Bool) throws(WorkbenchError) {
        file = try AtomicFile(path: path, replacing: replacing)
        self.name = name
        chunk.reserveCapacity(Self.chunkSize)
    }

    static let chunkSize = 1 << 20

    mutating func write(_ data: [UInt8]) throws(WorkbenchError) {
        chunk.append(contentsOf: data)
        if chunk.count >= Self.chunkSize { hashChunk() }
        bytes += data.count
        do { try file.write(data) } catch { file.discard(); throw error }
    }

    mutating func write(_ text: String) throws(WorkbenchError) { try write(Array(text.utf8)) }

    private mutating func hashChunk() {
        hash.update(chunk)
        chunk.removeAll(keepingCapacity: true)
    }

    /// Renames the file into place and returns what the card says of it.
    mutating func commit() throws(WorkbenchError) -> ExportedFile {
        hashChunk()
        try file.commit()
        return ExportedFile(name: name, bytes: bytes, sha256: hash.hexDigest())
    }

    func discard() { file.discard() }
}

/// SHA-256 computed on a serial background queue, so that hashing an export runs beside encoding it.
final class BackgroundHasher: @unchecked Sendable {
    private var hash = SHA256()
    private let queue = DispatchQueue(label: "claimdesk.sha256")

    func update(_ chunk: [UInt8]) {
        queue.async { self.hash.update(chunk) }
    }

    func hexDigest() -> String {
        queue.sync { hash.hexDigest() }
    }
}
