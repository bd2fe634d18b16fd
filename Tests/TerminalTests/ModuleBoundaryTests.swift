import Foundation
import Testing

/// The terminal talks to Workbench's use cases, never to the store: no file of the Terminal module
/// imports ClaimStore (SwiftPM would let a transitive import through, so this test holds the line).
@Suite struct ModuleBoundaryTests {
    static let terminalSources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Terminal")

    @Test func noTerminalFileImportsTheStore() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.terminalSources.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 10)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.terminalSources.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") }
            if imports.contains(where: { $0.hasSuffix(" ClaimStore") || $0.hasSuffix(" GRDB") }) { offenders.append(file) }
        }
        #expect(offenders == [])
    }
}
