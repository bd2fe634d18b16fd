import ClaimModel
import GRDB

/// Counts the transactions that wrote to the review log through one store, so that a benchmark can
/// check that one REPL action is one transaction (however many entries it writes).
public final class LogCommitCounter: TransactionObserver, Sendable {
    private let counts = Locked((commits: 0, pending: false))

    /// Transactions committed with at least one change to `annotation` since the counter was added.
    public var commits: Int { counts.withLock { $0.commits } }

    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { eventKind.tableName == "annotation" }
    public func databaseDidChange(with event: DatabaseEvent) { counts.withLock { $0.pending = true } }
    public func databaseDidCommit(_ db: Database) {
        counts.withLock { state in
            if state.pending { state.commits += 1 }
            state.pending = false
        }
    }
    public func databaseDidRollback(_ db: Database) { counts.withLock { $0.pending = false } }
}

extension SQLiteStore {
    /// A counter of the log's transactions on this store, from now on (benchmarks).
    public func countLogCommits() -> LogCommitCounter {
        let counter = LogCommitCounter()
        writer.add(transactionObserver: counter, extent: .databaseLifetime)
        return counter
    }
}
