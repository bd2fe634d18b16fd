import Foundation

/// One live review session per annotator and store.
///
/// `undo` takes back the annotator's last action as the store's log records it, so that it works
/// after a restart; two live sessions of one annotator would share that history, and `undo` in one
/// would take back what the other just did. A second session of the same annotator on the same
/// store is therefore refused while the first is open. The lock is an advisory `flock` on a small
/// file beside the store (`STORE-session-HASH`), which the kernel releases when the process ends,
/// however it ends (`kill -9` included), so a crashed session never blocks the next one.
public final class SessionLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// The lock file for `annotator` on the store at `storePath` (the name is hashed: annotator
    /// names may hold anything a file name may not).
    public static func path(storePath: String, annotator: String, kind: String = "review") -> String {
        let key = kind == "review" ? annotator : kind + "\u{0}" + annotator
        let digest = SHA256.hex(Array(key.utf8)).prefix(16)
        return "\(storePath)-session-\(digest)"
    }

    /// Takes the lock, or says who holds it. Nil when no lock file can be made (a read-only folder:
    /// no session there can write, so none can undo another's action).
    /// `kind`: "review" (the annotate REPL) or "adjudication", each with its own lock.
    public static func acquire(storePath: String, annotator: String, kind: String = "review") throws(WorkbenchError) -> SessionLock? {
        let file = path(storePath: storePath, annotator: annotator, kind: kind)
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            throw WorkbenchError.sessionOpen(annotator: annotator, kind: kind, pid: Int32(holder))
        }
        let pid = Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return SessionLock(descriptor: fd)
    }
}
