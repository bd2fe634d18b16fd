import ClaimModel
import Testing
@testable import Terminal

/// Judging a document's last claim moves the queue to the next document; an `add` of a claim
/// missed in the document just left, or a `done` meant for it, typed next, names that document and
/// the way back instead of only refusing on the new one.
@Suite struct FinishedDocumentTests {
    /// "001_port" holds one claim and a second attribution the extractor missed ("radioed"); "002_dam" one claim.
    static func session() throws -> Session {
        try REPLFixture(extraDocuments: [
            Document(id: "001_port", text: "Ann said the port will reopen. The pilot radioed that the fog had lifted."),
            Document(id: "002_dam", text: "Bo said the dam held."),
        ]).session(doc: "001_port")
    }

    @Test func anAddMissingHereButInTheDocumentJustFinishedNamesIt() throws {
        let session = try Self.session()
        #expect(session.execute("confirm").text.hasPrefix("confirmed #5\nevery claim of 001_port has your verdict"))
        let add = session.execute(#"add "the fog had lifted" source "The pilot" cue "radioed""#)
        #expect(add.failed)
        #expect(add.text == """
            error: content: "the fog had lifted" does not occur in 002_dam; it does in 001_port, whose claims you just finished: `goto 001_port`, then add it there; nothing changed
            """)
        // Text found nowhere keeps the plain refusal.
        #expect(session.execute(#"add "no such words""#).text == #"error: content: "no such words" does not occur in this document; nothing changed"#)
        #expect(session.execute("goto 001_port").failed == false)
        #expect(session.execute(#"add "the fog had lifted" source "The pilot" cue "radioed""#).text.hasPrefix("added #7\n"))
    }

    @Test func doneOnTheDocumentJustReachedPointsBackAtTheFinishedOne() throws {
        let session = try Self.session()
        _ = session.execute("confirm")
        let done = session.execute("done")
        #expect(done.failed)
        #expect(done.text == """
            error: not done: no claim of this document has a verdict from you yet (1 to judge, first: #6); to mark 001_port done, whose claims you just finished: `goto 001_port`, then `done`; nothing changed
            """)
        _ = session.execute("goto 001_port")
        #expect(session.execute("done").text.hasPrefix("001_port marked done: 1 claim reviewed\n"))
        // Once it is done, `done` on the next document gets the usual line.
        #expect(session.execute("done").text == "error: not done: 1 claim of this document has no verdict from you yet (first: #6); nothing changed")
    }
}
