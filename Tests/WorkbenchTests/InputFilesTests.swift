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

    @Test func bratAnnotationsBesideTheirTextsAreCountedNotRead() throws {
        try write("a.txt", "Ana said the pier is shut.")
        try write("a.ann", "T1\tSource 0 3\tAna\n")
        try write("sub/b.txt", "Bo said it is open.")
        try write("sub/b.ann", "")
        // An .ann without its text, and annotation.conf, are not annotations beside a text.
        try write("c.ann", "")
        try write("annotation.conf", "[entities]\n")
        let result = InputFiles.read([folder.path])
        #expect(result.issues == [])
        #expect(result.items.map(\.document.document.id) == ["a", "b"])
        #expect(result.annotationsBeside == [folder.appendingPathComponent("a.ann").path,
                                             folder.appendingPathComponent("sub/b.ann").path])
        #expect(result.foldersWithAnnotations == [folder.path])
        #expect(InputFiles.read([folder.appendingPathComponent("a.txt").path]).annotationsBeside == [])
    }

    @Test func theIngestSummarySaysWhichCommandsReadTheAnnotations() {
        var report = IngestReport(files: 12, added: ["a"], unchanged: [], skipped: [], annotationsBeside: 12,
                                  foldersWithAnnotations: ["brat out"])
        #expect(report.summary == """
            ingested 1 new document from 12 files
            12 .ann files beside the texts were not read: `claimdesk import-gold 'brat out'` reads them as gold, \
            `claimdesk import-claims --run NAME 'brat out'` as a run
            """)
        report.annotationsBeside = 1
        report.foldersWithAnnotations = ["one", "two"]
        #expect(report.summary == """
            ingested 1 new document from 12 files
            1 .ann file beside the texts was not read: `claimdesk import-gold FOLDER` reads it as gold, \
            `claimdesk import-claims --run NAME FOLDER` as a run
            """)
        report.annotationsBeside = 0
        #expect(report.summary == "ingested 1 new document from 12 files")
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
