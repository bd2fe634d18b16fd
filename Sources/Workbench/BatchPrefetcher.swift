import ClaimModel
import ClaimStore
import Dispatch
import Foundation

/// Loads the next batches on background threads while the caller works on the current one, so that
/// reading the store (a `DatabasePool` serves several readers at once) and writing an export use
/// every core. At most `depth` batches are loaded ahead, which bounds memory.
final class BatchPrefetcher<Value: Sendable>: @unchecked Sendable {
    typealias Load = @Sendable ([Int64]) throws(StoreError) -> Value

    private let batches: [[Int64]]
    private let load: Load
    private let depth: Int
    private var index = 0
    private var pending: [Int: (DispatchSemaphore, Locked<Result<Value, StoreError>?>)] = [:]

    init(_ batches: [[Int64]], depth: Int = 2, load: @escaping Load) {
        self.batches = batches
        self.load = load
        self.depth = max(1, depth)
    }

    /// The next batch's value, or nil when all batches were handed out.
    func next() -> Result<Value, StoreError>? {
        guard index < batches.count else { return nil }
        for ahead in index..<min(index + depth, batches.count) where pending[ahead] == nil { start(ahead) }
        guard let (done, box) = pending.removeValue(forKey: index) else { return nil }
        done.wait()
        index += 1
        if index < batches.count, pending[index + depth - 1] == nil, index + depth - 1 < batches.count {
            start(index + depth - 1)
        }
        return box.withLock { $0 } ?? .failure(.database(operation: "prefetching", message: "no result"))
    }

    private func start(_ batch: Int) {
        let box = Locked<Result<Value, StoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let ids = batches[batch]
        let load = self.load
        DispatchQueue.global().async {
            let result = Self.run(load, ids)
            box.withLock { $0 = result }
            done.signal()
        }
        pending[batch] = (done, box)
    }

    private static func run(_ load: Load, _ ids: [Int64]) -> Result<Value, StoreError> {
        do { return .success(try load(ids)) } catch { return .failure(error) }
    }
}
