import Foundation

/// Writes a file under a temporary name beside it and renames it into place, so an interrupted
/// export never leaves a half-written file under the final name.
public struct AtomicFile {
    public let path: String
    let temporary: String
    let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(path: String) throws(WorkbenchError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let base = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw WorkbenchError.cannotWrite(path: path, reason: "the folder \(base) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WorkbenchError.cannotWrite(path: path, reason: "it is a folder")
        }
        temporary = (base as NSString).appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw WorkbenchError.cannotWrite(path: path, reason: "permission denied")
        }
        self.handle = handle
    }

    public mutating func write(_ bytes: [UInt8]) throws(WorkbenchError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public mutating func write(_ text: String) throws(WorkbenchError) { try write(Array(text.utf8)) }

    private mutating func flush() throws(WorkbenchError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames into place.
    public mutating func commit() throws(WorkbenchError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Removes the temporary file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
