import Crypto
import Foundation

/// One live review session per annotator and store, for a file store.
///
/// `undo` takes back the annotator's last action as the store's log records it, so that it works
/// after a restart; two live sessions of one annotator would share that history, and `undo` in one
/// would take back what the other just did. A second session of the same annotator on the same
/// store is therefore refused while the first is open. The lock is an advisory `flock` on a small
/// file beside the store (`STORE-session-HASH`), which the kernel releases when the process ends,
/// however it ends (`kill -9` included), so a crashed session never blocks the next one.
extension SQLiteStore {
    /// The lock file for `annotator` on the store at `storePath` (the name is hashed: annotator
    /// names may hold anything a file name may not).
    public static func sessionLockPath(storePath: String, annotator: String, kind: String = "review") -> String {
        let key = kind == "review" ? annotator : kind + "\u{0}" + annotator
        let hex = Array("0123456789abcdef".utf8)
        var digits: [UInt8] = []
        for byte in Crypto.SHA256.hash(data: Array(key.utf8)).prefix(8) {
            digits.append(hex[Int(byte >> 4)])
            digits.append(hex[Int(byte & 0xF)])
        }
        return "\(storePath)-session-\(String(decoding: digits, as: UTF8.self))"
    }

    /// Takes the lock file's `flock`, or says who holds it (the pid its holder wrote in it). Nil when
    /// no lock file can be made (a read-only folder: no session there can write, so none can undo
    /// another's action). An in-memory store, which no other process can reach, keeps its sessions
    /// in a set of its own.
    public func acquireSessionLock(annotator: String, kind: String) throws(StoreError) -> SessionLease? {
        guard let path else {
            let key = kind + "\u{0}" + annotator
            guard memorySessions.withLock({ $0.insert(key).inserted }) else {
                throw StoreError.sessionOpen(annotator: annotator, kind: kind, pid: ProcessInfo.processInfo.processIdentifier)
            }
            return SessionLease { [memorySessions] in memorySessions.withLock { _ = $0.remove(key) } }
        }
        let file = Self.sessionLockPath(storePath: path, annotator: annotator, kind: kind)
        let fd = openLockFile(file)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, buffer.count, 0)
            closeLockFile(fd)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            throw StoreError.sessionOpen(annotator: annotator, kind: kind, pid: Int32(holder))
        }
        let pid = Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
        // Unlock before closing: a child spawned by another thread holds a copy of every descriptor
        // until its exec closes them (O_CLOEXEC), and `close` alone leaves the lock on the open file
        // description that copy shares; `LOCK_UN` takes it off for every copy at once.
        return SessionLease { unlockAndCloseLockFile(fd) }
    }
}

// The C calls at file scope: inside `SQLiteStore`, `open` and `close` name the store's own.
private func openLockFile(_ path: String) -> Int32 { open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644) }
private func closeLockFile(_ fd: Int32) { close(fd) }
private func unlockAndCloseLockFile(_ fd: Int32) {
    _ = flock(fd, LOCK_UN)
    close(fd)
}
