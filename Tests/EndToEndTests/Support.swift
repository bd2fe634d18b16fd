import Foundation
import TestSupport

/// The runner of the real binary: TestSupport's, shared with the other test targets.
typealias CLI = TestSupport.CLI

/// A scratch folder per test, removed at the end: TestSupport's, shared with the other test targets.
typealias Scratch = TestSupport.Scratch

extension Scratch {
    /// A folder named `claimdesk-e2e-…`.
    convenience init() throws { try self.init(prefix: "claimdesk-e2e") }
}
