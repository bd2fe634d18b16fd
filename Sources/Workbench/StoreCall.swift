import ClaimStore

/// The one adapter between ClaimStore's errors and Workbench's: `try db(store.runs())` runs a store
/// operation and turns its `StoreError` into `WorkbenchError.store`, so a use case reads like plain
/// code while every error keeps its type.
///
/// An autoclosure because its thrown type comes from the parameter (`throws(StoreError)`); a
/// closure literal would need `() throws(StoreError) in` spelled out at every call (Swift infers
/// `any Error` for a closure's thrown type).
@inline(__always)
func db<T>(_ call: @autoclosure () throws(StoreError) -> T) throws(WorkbenchError) -> T {
    do { return try call() } catch { throw WorkbenchError.store(error) }
}
