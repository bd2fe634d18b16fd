import ClaimStore
import Dispatch
import Foundation

/// Reads batch k+1 on a background thread while the caller works on batch k, so that reading
/// the store and writing an export use both cores. At most one batch is read ahead.
final class BatchPrefetcher<Value: Sendable>: @unchecked Sendable {
    typealias Load = @Sendable ([Int64]) throws(StoreError) -> Value

    private let batches: [[Int64]]
    private let load: Load
    private var index = 0
    private var pending: (DispatchSemaphore, Box)?

    private final class Box: @unchecked Sendable {
        var result: Result<Value, StoreError>?
    }

    init(_ batches: [[Int64]], load: @escaping Load) {
        self.batches = batches
        self.load = load
    }

    /// The next batch's value, or nil when all batches were handed out.
    func next() -> Result<Value, StoreError>? {
        guard index < batches.count else { return nil }
        let current: Result<Value, StoreError>
        if let (done, box) = pending {
            done.wait()
            current = box.result ?? .failure(.database(operation: "prefetching", message: "no result"))
        } else {
            current = Self.run(load, batches[index])
        }
        index += 1
        pending = nil
        if index < batches.count {
            let box = Box()
            let done = DispatchSemaphore(value: 0)
            let ids = batches[index]
            let load = self.load
            DispatchQueue.global().async {
                box.result = Self.run(load, ids)
                done.signal()
            }
            pending = (done, box)
        }
        return current
    }

    private static func run(_ load: Load, _ ids: [Int64]) -> Result<Value, StoreError> {
        do { return .success(try load(ids)) } catch { return .failure(error) }
    }
}
