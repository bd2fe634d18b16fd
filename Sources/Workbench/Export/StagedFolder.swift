import ClaimModel
import Foundation
import Interchange

/// A folder written under a temporary name beside its target and renamed into place at the end, so
/// that a failed export leaves the previous folder as it was.
struct StagedFolder {
    let path: String
    let temporary: String
    var files: [ExportedFile] = []

    /// What an export of one format writes in its folder: `--force` replaces a folder only when every
    /// entry is a file such an export writes (an earlier export of it), never one holding anything
    /// else (a user's notes, a subfolder: a mistyped `--out ~/Documents --force` would delete them).
    struct Layout: Sendable {
        /// "brat", "INCEpTION": for the message.
        var format: String
        var names: Set<String>
        var suffixes: [String]

        static let card: Set<String> = ["dataset-card.md", "dataset-card.json"]
        /// `.stats_cache` is what brat's server writes in a collection it has opened.
        static let brat = Layout(format: "brat", names: card.union(["annotation.conf", "visual.conf", "tools.conf", ".stats_cache"]),
                                 suffixes: [".txt", ".ann", BratSidecar.suffix])
        static let inception = Layout(format: "INCEpTION", names: card.union(["TypeSystem.xml"]), suffixes: [".xmi"])

        func writes(_ name: String) -> Bool { names.contains(name) || suffixes.contains { name.hasSuffix($0) } }
    }

    init(path: String, force: Bool, layout: Layout) throws(WorkbenchError) {
        self.path = path
        try PathParts.requireName(path, folderAllowed: true)
        let fm = FileManager.default
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let (parent, name) = PathParts.split(trimmed)
        let base = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkbenchError.cannotWrite(path: path, reason: "the folder \(TerminalSafe.path(base)) does not exist")
        }
        if AtomicFile.fileType(trimmed) == S_IFLNK {
            throw WorkbenchError.cannotWrite(path: path, reason: AtomicFile.symlinkRefusal)
        }
        if fm.fileExists(atPath: trimmed, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WorkbenchError.cannotWrite(path: path, reason: "it is a file; this format writes a folder") }
            let entries = ((try? fm.contentsOfDirectory(atPath: trimmed)) ?? []).sorted()
            if !entries.isEmpty && !force {
                throw WorkbenchError.cannotWrite(path: path, reason: "the folder exists and is not empty (use --force to replace it)")
            }
            let base = trimmed as NSString
            if let foreign = entries.first(where: {
                AtomicFile.fileType(base.appendingPathComponent($0)) != S_IFREG || !layout.writes($0)
            }) {
                throw WorkbenchError.cannotWrite(path: path, reason: "the folder holds \(TerminalSafe.quoted(foreign)), which no "
                    + "\(layout.format) export writes (--force replaces only an earlier export's folder); export to another folder")
            }
        }
        AtomicFile.removeStaleTemporaries(in: base, name: name)
        temporary = (base as NSString).appendingPathComponent(
            ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(atPath: temporary)
        do { try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false) } catch {
            throw WorkbenchError.cannotWrite(path: path, reason: "cannot create a folder in \(TerminalSafe.path(base)) (permission denied?)")
        }
    }

    mutating func put(_ name: String, _ bytes: [UInt8]) throws(WorkbenchError) {
        guard FileManager.default.createFile(atPath: (temporary as NSString).appendingPathComponent(name), contents: Data(bytes)) else {
            discard()
            throw WorkbenchError.cannotWrite(path: (path as NSString).appendingPathComponent(name), reason: "cannot create the file")
        }
        files.append(ExportedFile(name: name, bytes: bytes.count, sha256: SHA256.hex(bytes)))
    }

    func commit() throws(WorkbenchError) {
        let fm = FileManager.default
        let old = temporary.replacingOccurrences(of: ".partial-", with: ".old-")
        let exists = fm.fileExists(atPath: path)
        if exists && rename(path, old) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(old, path) }
            discard()
            throw WorkbenchError.cannotWrite(path: path, reason: reason)
        }
        if exists { try? fm.removeItem(atPath: old) }
    }

    func discard() { try? FileManager.default.removeItem(atPath: temporary) }
}
