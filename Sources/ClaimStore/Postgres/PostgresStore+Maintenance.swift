import ClaimModel
import Foundation

/// Where the store is, whether it is sound, and the analysts' session locks, on PostgreSQL.
extension PostgresStore: StoreMaintenance {
    /// The migrations this version knows (the same identifiers as the SQLite store's).
    public var knownMigrations: [String] { PostgresSchema.migrations.map(\.identifier) }

    /// PostgreSQL has no page-level check a client can run without an extension: the schema check
    /// and the references stand in for it. "ok" when both are clean.
    public func integrityCheck() throws(StoreError) -> String {
        let problems = try schemaProblems() + foreignKeyProblems()
        return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
    }

    /// The server checks pages itself (checksums, when the cluster has them): nothing for a client
    /// to add, so this reports only a connection that cannot answer.
    public func integrityProblems(full: Bool) -> [String] {
        do {
            _ = try read("checking the connection") { db in try db.execute("SELECT 1").int(0, 0) }
            return []
        } catch {
            return ["\(location): \(error.description)"]
        }
    }

    /// An advisory lock held by a connection of its own for the session's length: released when
    /// the lease goes, or by the server when the connection ends, however the process ends (a
    /// killed process's connection is closed by the kernel, and the server notices). The holder is
    /// named by its process id when it runs on this machine (its connection's `application_name`).
    public func acquireSessionLock(annotator: String, kind: String) throws(StoreError) -> SessionLease? {
        guard case let .postgres(url) = location else { return nil }
        let key = Self.sessionKey(annotator: annotator, kind: kind)
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let lease: PGConnection
        let holder: String??
        do throws(PGError) {
            lease = try PGConnection(conninfo: url)
            try lease.execute("SELECT set_config('application_name', $1, false)", ["claimdesk:\(pid)@\(host)"])
            let taken = try lease.execute("SELECT pg_try_advisory_lock($1, $2)", [Int(key.0), Int(key.1)]).bool(0, 0) ?? false
            holder = taken ? nil : .some(try lease.execute("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::int::oid AND l.objid = $2::int::oid
                  AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, [Int(key.0), Int(key.1)]).string(0, 0))
        } catch {
            throw StoreError.database(operation: "taking the session lock", message: error.message)
        }
        if let holder {
            lease.close()
            throw StoreError.sessionOpen(annotator: annotator, kind: kind, pid: Self.localPID(holder, host: host))
        }
        let held = Locked(Optional(lease))
        return SessionLease {
            held.withLock { connection in
                // Unlock before closing: the server drops a closed connection's locks only when its
                // backend has exited, a moment later, and a session started right after this one
                // (the same analyst reopening, a test) would find the old session still open. A
                // failed unlock changes nothing the close does not.
                _ = try? connection?.execute("SELECT pg_advisory_unlock($1, $2)", [Int(key.0), Int(key.1)])
                connection?.close()
                connection = nil
            }
        }
    }

    /// The two 32-bit keys of the session lock of `kind` for `annotator` (FNV-1a of both, split):
    /// the two-key form keeps session locks apart from the one-key writer and migration locks.
    static func sessionKey(annotator: String, kind: String) -> (Int32, Int32) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(kind.utf8) + [0] + Array(annotator.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return (Int32(truncatingIfNeeded: hash >> 32), Int32(truncatingIfNeeded: hash))
    }

    /// The process id in a holder's `claimdesk:PID@HOST` application name, when HOST is this machine.
    static func localPID(_ applicationName: String?, host: String) -> Int32? {
        guard let name = applicationName, name.hasPrefix("claimdesk:"), let at = name.firstIndex(of: "@") else { return nil }
        guard name[name.index(after: at)...] == host else { return nil }
        return Int32(name[name.index(name.startIndex, offsetBy: 10)..<at])
    }
}
