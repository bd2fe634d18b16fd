import ClaimModel
import Foundation
import Testing

/// A name pasted into a suggested command line: a shell must read back the same name.
@Suite struct ShellWordTests {
    @Test(arguments: [
        ("rules", "rules"),
        ("a-1b2c3d4e5f60", "a-1b2c3d4e5f60"),
        ("001_port/notes_1.jsonl", "001_port/notes_1.jsonl"),
        ("my model", "'my model'"),
        ("o'brien", #"'o'\''brien'"#),
        ("$HOME `id`", "'$HOME `id`'"),
        ("café", "'café'"),
        ("", "''"),
        // Escaped for the terminal too: a control never reaches it raw.
        ("a\u{1B}b", "'a\\u{1b}b'"),
    ])
    func quoted(_ name: String, _ expected: String) {
        #expect(ShellWord.quoted(name) == expected)
    }

    @Test func aShellReadsBackTheSameWord() throws {
        let names = ["my model", "o'brien", "it's 'quoted'", "$HOME `id` \\ \"x\"", "plain-1"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\n' " + names.map(ShellWord.quoted).joined(separator: " ")]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == names.map { $0 + "\n" }.joined())
    }
}
