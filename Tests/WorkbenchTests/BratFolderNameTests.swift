import Testing
@testable import Workbench

/// File names for doc_ids. The name rule keeps control and format characters out of new doc_ids,
/// but a store written before it may hold them: the file name never shows them raw either.
@Suite struct BratFolderNameTests {
    @Test func bidiOverridesControlsAndSeparatorsAreEscaped() {
        #expect(BratFolder.fileName(for: "evil\u{202E}txt.exe") == "evil%E2%80%AEtxt.exe")
        #expect(BratFolder.fileName(for: "a\u{85}b\u{9B}c\u{1B}[2Jd") == "a%C2%85b%C2%9Bc%1B[2Jd")
        #expect(BratFolder.fileName(for: "a\u{2028}b\u{200B}c\u{FEFF}") == "a%E2%80%A8b%E2%80%8Bc%EF%BB%BF")
        #expect(BratFolder.fileName(for: "../x") == "%2E.%2Fx")
    }

    @Test func escapedNamesGiveTheDocIDBack() {
        for id in ["evil\u{202E}txt.exe", "a\u{85}b", ".hidden", "100%/x\\y", "a_b c", "Zoë 🚀"] {
            #expect(BratFolder.docID(forFileName: BratFolder.fileName(for: id)) == id)
        }
    }

    @Test func aLongNameIsCutOnAScalarAndEndsInADigest() {
        let id = String(repeating: "é", count: 150)
        let name = BratFolder.fileName(for: id)
        // 91 "é" fill the 182-byte budget (2 bytes each), then "%~" and 16 hex digits: 200 bytes.
        #expect(name == String(repeating: "é", count: 91) + "%~" + String(SHA256.hex(Array(id.utf8)).prefix(16)))
        #expect(name.utf8.count + ".claimdesk.json".utf8.count <= 255)
        #expect(BratFolder.fileName(for: id + "x") != name)
    }
}
