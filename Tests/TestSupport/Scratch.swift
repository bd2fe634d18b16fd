import Foundation
import ClaimModel

/// A scratch folder per test in the system's temporary folder, removed when the value goes: the one
/// the test targets share (end-to-end runs of the executable, export and import tests).
public final class Scratch: Sendable {
    public let url: URL

    /// `prefix` names the folder (`PREFIX-UUID`), so a folder left by a killed run says whose it is.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    public var path: String { url.path }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Same as `path(_:)`.
    public func file(_ name: String) -> String { path(name) }

    /// Writes `text` as UTF-8 to `name`, creating the folders on the way; returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    /// Writes `bytes` to `name`; returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    /// The text of `name` (empty when it cannot be read; a test then fails on its expectation).
    public func read(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: file(name)) ?? Data(), as: UTF8.self)
    }

    /// The bytes of `name` (empty when it cannot be read).
    public func bytes(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: file(name)) ?? Data()) }

    /// The names in the folder (or in its subfolder `name`), sorted.
    public func list(_ name: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: name.isEmpty ? path : file(name))) ?? []).sorted()
    }

    /// The store file of an end-to-end test.
    public var db: String { path("store.sqlite") }
}

/// A scratch folder that outlives the test that made it, for helpers that hand back only paths
/// (`REPLProcess.storeWithClaims`, a store a test builds and returns): a `Scratch` kept until the
/// test process exits, when all of them go. Those folders had been left behind, about 30 by every
/// `swift test`.
public enum ProcessScratch {
    private static let kept = Locked<[Scratch]>([])
    private static let removal: Void = { atexit { ProcessScratch.kept.withLock { $0 = [] } } }()

    /// A new folder `PREFIX-UUID` in the system's temporary folder; its path.
    public static func folder(prefix: String) throws -> String {
        _ = removal
        let scratch = try Scratch(prefix: prefix)
        let path = scratch.path
        kept.withLock { $0.append(scratch) }
        return path
    }
}
