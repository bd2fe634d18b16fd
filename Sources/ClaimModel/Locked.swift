import Synchronization

/// A value shared between threads behind the standard library's `Mutex`: the one lock utility of
/// the package (no `NSLock`, no `@unchecked Sendable` box elsewhere).
///
/// A class, because a `Mutex` cannot be copied and the value must be reachable from closures that
/// run on other threads (background loads, concurrent workers, a process-wide registry).
public final class Locked<Value>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: sending Value) { mutex = Mutex(value) }

    /// Runs `body` with the value, under the lock; keep it short (no I/O but what must be serial).
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        try mutex.withLock(body)
    }
}
