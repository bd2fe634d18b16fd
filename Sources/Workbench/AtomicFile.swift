import ClaimModel
import Foundation

/// A path's folder and last component. Not NSString's `deletingLastPathComponent` or
/// `lastPathComponent`: on Linux they trap on a one-character path (`--out x`).
enum PathParts {
    /// `("", "x")` for `x`, `("/", "x")` for `/x`, `("a/b", "x")` for `a/b/x`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// Refuses an output path that names no file (`--out ""`, `--out dir/`, `--out .`): it would
    /// otherwise fail later with the system's "No such file or directory" and an empty place.
    static func requireName(_ path: String, folderAllowed: Bool = false) throws(WorkbenchError) {
        let trimmed = folderAllowed && path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let name = split(trimmed).name
        if name.isEmpty || name == "." || name == ".." {
            throw WorkbenchError.cannotWrite(path: path, reason: "no \(folderAllowed ? "folder" : "file") name in the path (give --out a name)")
        }
    }
}

/// Writes a file under a temporary name beside it and renames it into place, so an interrupted
/// export never leaves a half-written file under the final name.
public struct AtomicFile {
    public let path: String
    let temporary: String
    let handle: FileHandle
    private var buffer: [UInt8] = []

    /// `replacing`: an existing file at `path` may be replaced (`export --force`); without it an
    /// existing file is refused. A symbolic link at `path` is always refused: replacing it would
    /// silently turn it into a file, and writing through it would change a file elsewhere.
    public init(path: String, replacing: Bool) throws(WorkbenchError) {
        self.path = path
        try PathParts.requireName(path)
        let (folder, name) = PathParts.split(path)
        let base = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw WorkbenchError.cannotWrite(path: path, reason: "the folder \(TerminalSafe.path(base)) does not exist")
        }
        switch Self.fileType(path) {
        case nil: break
        case S_IFLNK: throw WorkbenchError.cannotWrite(path: path, reason: Self.symlinkRefusal)
        case S_IFDIR: throw WorkbenchError.cannotWrite(path: path, reason: "it is a folder")
        case S_IFREG:
            if !replacing { throw WorkbenchError.cannotWrite(path: path, reason: "the file exists (use --force to replace it)") }
        default: throw WorkbenchError.cannotWrite(path: path, reason: "it exists and is not a regular file")
        }
        Self.removeStaleTemporaries(in: base, name: name)
        temporary = (base as NSString).appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        // open(2) rather than FileManager, for the system's reason: a name too long for the file
        // system was reported as "permission denied".
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw WorkbenchError.cannotWrite(path: path, reason: reason)
        }
        self.handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    static let symlinkRefusal = "it is a symbolic link (refusing to replace it or to write through it)"

    /// The type bits of what is at `path` itself (a symbolic link is not followed), nil when nothing is.
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Removes `.NAME.partial-PID` and `.NAME.old-PID` left in `folder` by an export of the same
    /// name that was killed: only those whose process no longer exists, so a running export's
    /// temporary file is never touched.
    static func removeStaleTemporaries(in folder: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            var pidText: Substring?
            for marker in [".\(name).partial-", ".\(name).old-"] where entry.hasPrefix(marker) {
                pidText = entry.dropFirst(marker.count)
            }
            guard let pidText, let pid = pid_t(pidText), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
            }
        }
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
