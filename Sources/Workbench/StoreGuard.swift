import ClaimModel
import ClaimStore
import Foundation

/// Whether two paths name one file: for files that both exist, the same device and inode (hard
/// links, `./` and `..` included); otherwise the same path once `.`, `..` and symbolic links are
/// resolved.
public func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat(), y = stat()
    if stat(a, &x) == 0 && stat(b, &y) == 0 { return x.st_dev == y.st_dev && x.st_ino == y.st_ino }
    return resolvedPath(a) == resolvedPath(b)
}

/// `path` made absolute, with `.`, `..` and symbolic links resolved.
func resolvedPath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
}

extension Workspace {
    /// The files of the store on disk: the database and SQLite's journal files beside it (none for
    /// PostgreSQL or an in-memory store).
    var storeFiles: [String] {
        guard case let .file(path) = location else { return [] }
        return [path, path + "-wal", path + "-shm", path + "-journal"]
    }

    /// Refuses, before anything is written, an output file that is the store or one of its journal
    /// files: `report --out` replaces its file, `export --force` too, and either would have put a
    /// page or a dataset where every decision of the store was.
    func requireNotStore(file out: String) throws(WorkbenchError) {
        try PathParts.requireName(out)
        guard let hit = storeFiles.first(where: { sameFile(out, $0) }) else { return }
        throw .cannotWrite(path: out, reason: "it is the store's own file (\(TerminalSafe.path(hit))); write to another path")
    }

    /// Refuses, before anything is written, an output folder that holds the store (`export --force`
    /// replaces the whole folder).
    func requireNotStore(folder out: String) throws(WorkbenchError) {
        try PathParts.requireName(out, folderAllowed: true)
        if let hit = storeFiles.first(where: { sameFile(out, $0) }) {
            throw .cannotWrite(path: out, reason: "it is the store's own file (\(TerminalSafe.path(hit))); export to a folder")
        }
        guard case let .file(path) = location else { return }
        let folder = resolvedPath(out), store = resolvedPath(path)
        guard store.hasPrefix(folder == "/" ? "/" : folder + "/") else { return }
        throw .cannotWrite(path: out, reason: "it holds the store (\(TerminalSafe.path(path))); export to another folder")
    }
}
