import ClaimModel
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct InputFilesTests {
    /// One scratch folder per test, removed after it.
    let scratch: Scratch
    var folder: URL { scratch.url }

    init() throws {
        scratch = try Scratch(prefix: "inputfiles")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    @Test func readsTextFilesWithTitlesAndSidecarsRecursivelyInNameOrder() throws {
        try write("b.txt", "Second title\n\nBody.")
        try write("sub/a.txt", "No title line here.\nStill the body.")
        try write("b.meta.json", #"{"publisher": "The Ledger", "publication_date": "2026-01-02"}"#)
        try write("notes.md", "skipped")
        let result = InputFiles.read([folder.path])
        #expect(result.issues == [])
        #expect(result.items.map(\.document.document.id) == ["b", "a"])
        let b = result.items[0].document.document
        #expect(b.title == "Second title")
        #expect(b.publisher == "The Ledger")
        #expect(b.publicationDate == "2026-01-02")
        #expect(b.text == "Second title\n\nBody.")
        #expect(result.items[1].document.document.title == nil)
    }

    /// Found by fuzzing ingest: a .txt saved with a byte order mark got the title "\u{feff}Title"
    /// (shown escaped by every listing). The mark stays in the text, which is stored as read.
    @Test func aByteOrderMarkIsNoPartOfTheTitle() throws {
        try write("bom.txt", "\u{FEFF}Bridge\r\n\r\nThe mayor said so.\r\n")
        let result = InputFiles.read([folder.appendingPathComponent("bom.txt").path])
        #expect(result.issues == [])
        #expect(result.items.map(\.document.document.title) == ["Bridge"])
        #expect(result.items.map(\.document.document.text) == ["\u{FEFF}Bridge\r\n\r\nThe mayor said so.\r\n"])
    }

    @Test func aBadSidecarIsReportedWithItsFile() throws {
        try write("c.txt", "C\n\nBody.")
        try write("c.meta.json", "{publisher: 1}")
        let result = InputFiles.read([folder.appendingPathComponent("c.txt").path])
        #expect(result.items.isEmpty)
        #expect(result.issues.map(\.description) == ["\(folder.path)/c.meta.json:1: invalid JSON at column 2: expected a string key"])
    }

    @Test func theSameDocumentInTwoFilesIsKeptOnceAndAConflictIsReported() throws {
        try write("d.txt", "Same text.")
        try write("sub/d.txt", "Same text.")
        #expect(InputFiles.read([folder.path]).items.count == 1)
        try write("sub/d.txt", "Other text.")
        let conflict = InputFiles.read([folder.path])
        #expect(conflict.issues.map(\.message) == ["duplicate doc_id \"d\" (also in \(folder.path)/d.txt)"])
    }

    @Test func aMissingPathIsAnIssue() {
        #expect(InputFiles.read(["/nonexistent/x.txt"]).issues.map(\.description) == ["/nonexistent/x.txt: no such file or folder"])
    }
}
