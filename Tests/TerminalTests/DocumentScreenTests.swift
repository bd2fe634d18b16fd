import ClaimModel
import ClaimStore
import Foundation
import Testing
@testable import Terminal
@testable import Workbench

/// `doc` and `show --doc`: the whole document with every claim marked, as a session shows it.
@Suite struct DocumentScreenTests {
    /// A store holding one document `text` with `claims` (found by their texts) in run "rules".
    static func session(_ text: String, _ claims: [Attribution], width: Int = 72, style: Renderer.Style = .plain) throws -> Session {
        let store = try SQLiteStore.inMemory(clock: { "2026-11-30T10:00:00.000Z" })
        _ = try store.ingest([(Document(id: "quotes", text: text, title: "Quotes"), "test")])
        let run = try store.createRun(name: "rules", kind: .extractor, extractor: "test", version: nil, parameters: nil)
        try store.saveRunOutput(runID: run.rowID, [(documentRowID: try store.documentRowIDs()[0], attributions: claims)])
        return try Session(store: store, storePath: ":memory:", annotator: "ana", runName: nil, startDocument: nil,
                           renderer: Renderer(style: style, wrapping: .columns(width)))
    }

    static func span(_ needle: String, in text: String, after: Int = 0) -> Fragments? {
        REPLFixture.span(needle, after: after, in: text)
    }

    @Test func theWholeDocumentWrappedWithEveryClaimMarked() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.renderer.wrapping = .columns(60)
        let reply = session.execute("doc")
        #expect(reply.paged)
        #expect(!reply.failed)
        #expect(reply.text == """
            storm · Storm hits coast
            4 claims: 4 unreviewed · current #1

            Storm hits coast

            [[>src#1: The mayor]] [[>cue#1: said]] [[>content#1: the
            bridge is closed]]. [[src#2: Officials]] [[cue#2: told]]
            Reuters [[content#2: that repairs will take weeks]].
            [[content#3: "We are ready,"]] [[src#3: the mayor]]
            [[cue#3: added]]. [[cue#4: It is believed]] [[content#4: the
            damage is severe]].

            [[role#N: text]]: ✓ reviewed, ✗ rejected, > current ·
            `help doc` explains
            `goto N` moves to claim #N · `add "CONTENT" …` adds a claim
            the extractor missed
            """)
        for line in reply.text.split(separator: "\n") { #expect(line.count <= 60) }
    }

    @Test func verdictsAndAddedClaimsShowAndShowDocDoesNotMove() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        session.renderer.wrapping = .columns(100)
        _ = session.execute("confirm")
        _ = session.execute("reject")
        _ = session.execute("add \"the damage is severe\" source \"the mayor\" cue \"It is believed\"")
        #expect(session.execute("doc").text == """
            storm · Storm hits coast
            5 claims: 2 unreviewed, 2 reviewed, 1 rejected · current #5

            Storm hits coast

            [[src#1✓: The mayor]] [[cue#1✓: said]] [[content#1✓: the bridge is closed]]. [[src#2✗: Officials]]
            [[cue#2✗: told]] Reuters [[content#2✗: that repairs will take weeks]]. [[content#3: "We are
            ready,"]] [[src#3,>src#5✓: the mayor]] [[cue#3: added]]. [[cue#4,>cue#5✓: It is believed]]
            [[content#4,>content#5✓: the damage is severe]].

            [[role#N: text]]: ✓ reviewed, ✗ rejected, > current · `help doc` explains
            `goto N` moves to claim #N · `add "CONTENT" …` adds a claim the extractor missed
            """)
        // show ID --doc highlights claim ID without moving; goto N moves to it.
        let shown = session.execute("show 2 --doc").text
        #expect(shown.contains("[[>src#2✗: Officials]]"))
        #expect(shown.contains("current #2"))
        #expect(session.execute("show").text.contains("claim 5/5 · doc 1/1 · 3 reviewed · #5"))
        #expect(session.execute("goto 3").text.contains("#3"))
        let moved = session.execute("doc").text
        #expect(moved.contains("current #3") && moved.contains("ready,\"]] [[>src#3,src#5✓: the mayor]] [[>cue#3: added]]"))
        #expect(session.execute("show --all --doc").text == "error: show: --all and --doc do not go together (usage: show [ID] [--all | --doc])")
        #expect(session.execute("doc 3").text == "error: doc: takes no arguments (usage: doc)")
    }

    /// A content quoting another claim, a cue two claims share, a content crossing the ends of two others.
    @Test func nestedSharedAndCrossingSpans() throws {
        let text = "The minister said \"the governor told us that the port is shut\" yesterday."
        let claims = [
            Attribution(source: Self.span("The minister", in: text), cue: Self.span("said", in: text),
                        content: Self.span("\"the governor told us that the port is shut\"", in: text), confidence: 0.9),
            Attribution(source: Self.span("the governor", in: text), cue: Self.span("told", in: text),
                        content: Self.span("that the port is shut", in: text), confidence: 0.8),
            Attribution(cue: Self.span("said", in: text), content: Self.span("the port is shut\" yesterday", in: text), confidence: 0.2),
        ]
        let session = try Self.session(text, claims, width: 300)
        let body = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(body == """
            [[>src#1: The minister]] [[>cue#1,cue#3: said]] [[>content#1: "[[src#2: the governor]] [[cue#2: told]] us \
            [[content#2: that [[content#3: the port is shut]]]][[content#3: "]]]][[content#3:  yesterday]].
            """)
        // Every marker closes in the order it opened.
        var depth = 0
        var scalars = Array(body.unicodeScalars)[...]
        while !scalars.isEmpty {
            if scalars.starts(with: "[[".unicodeScalars) { depth += 1; scalars = scalars.dropFirst(2); continue }
            if scalars.starts(with: "]]".unicodeScalars) { depth -= 1; #expect(depth >= 0); scalars = scalars.dropFirst(2); continue }
            scalars = scalars.dropFirst()
        }
        #expect(depth == 0)
    }

    @Test func marksAreCutIntoATree() {
        typealias Mark = DocumentScreen.Mark
        let label = DocumentScreen.Label(role: .content, claim: 1, state: .unreviewed, current: false)
        let other = DocumentScreen.Label(role: .source, claim: 2, state: .rejected, current: true)
        let marks = [Mark(start: 0, end: 10, labels: [label]), Mark(start: 5, end: 15, labels: [other])]
        #expect(DocumentScreen.nested(marks) == [
            Mark(start: 0, end: 10, labels: [label]), Mark(start: 5, end: 10, labels: [other]), Mark(start: 10, end: 15, labels: [other]),
        ])
        // Already nested or apart: unchanged.
        let tree = [Mark(start: 0, end: 10, labels: [label]), Mark(start: 2, end: 4, labels: [other]), Mark(start: 12, end: 14, labels: [other])]
        #expect(DocumentScreen.nested(tree) == tree)
        #expect(DocumentScreen.plainLabel(other) == ">src#2✗")
    }

    @Test func coloursPerRoleAndState() throws {
        let text = "Ann said yes. Bob said no."
        let claims = [
            Attribution(source: Self.span("Ann", in: text), cue: Self.span("said", in: text), content: Self.span("yes", in: text), confidence: 0.9),
            Attribution(source: Self.span("Bob", in: text), cue: Self.span("said", in: text, after: 10), content: Self.span("no", in: text), confidence: 0.9),
        ]
        let session = try Self.session(text, claims, style: .color)
        _ = session.execute("reject")
        _ = session.execute("goto 1")
        let lines = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)
        let e = "\u{1B}["
        let expected: [String] = [
            e + "0m" + e + "36;2;9;7;2m#1" + e + "0m" + e + "36;2;9;7mAnn" + e + "0m ",
            e + "0m" + e + "33;2;9;7;2m#1" + e + "0m" + e + "33;2;9;7msaid" + e + "0m ",
            e + "0m" + e + "32;2;9;7;2m#1" + e + "0m" + e + "32;2;9;7myes" + e + "0m. ",
            e + "0m" + e + "36;1;4;2m#2" + e + "0m" + e + "36;1;4mBob" + e + "0m ",
            e + "0m" + e + "33;1;4;2m#2" + e + "0m" + e + "33;1;4msaid" + e + "0m ",
            e + "0m" + e + "32;1;4;2m#2" + e + "0m" + e + "32;1;4mno" + e + "0m.",
        ]
        #expect(String(lines[3]) == expected.joined())
        let legend: [String] = [
            "colours: ", e + "36msource" + e + "0m ", e + "33mcue" + e + "0m ", e + "32mcontent" + e + "0m · ",
            e + "1;4munreviewed" + e + "0m reviewed ", e + "2;9mrejected" + e + "0m ", e + "7mcurrent" + e + "0m",
        ]
        #expect(String(lines[5]) == legend.joined())
        #expect(!lines.joined().contains("[["))
    }

    @Test func documentTextIsEscapedAndLineBreaksKept() throws {
        let text = "Eve said \u{1B}]52;c;x\u{07}it\tis\r\nfine\u{202E}\u{E000}."
        let claims = [Attribution(source: Self.span("Eve", in: text), cue: Self.span("said", in: text), content: Self.span("fine", in: text))]
        let session = try Self.session(text, claims)
        let lines = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3] == #"[[>src#1: Eve]] [[>cue#1: said]] \u{1b}]52;c;x\u{7}it is"#)
        #expect(lines[4] == #"[[>content#1: fine]]\u{202e}\u{e000}."#)
    }

    @Test func theLegendOnlyWithColours() throws {
        let fixture = try REPLFixture()
        let plain = try fixture.session()
        #expect(!plain.opening().contains("colours:"))
        #expect(!plain.execute("help").text.contains("colours:"))
        let coloured = try fixture.session()
        coloured.renderer = Renderer(style: .color)
        #expect(coloured.opening().split(separator: "\n")[1].hasPrefix("colours: \u{1B}[36msource"))
        #expect(coloured.execute("help").text.split(separator: "\n").last?.hasPrefix("colours: \u{1B}[36msource") == true)
        #expect(!coloured.execute("help doc").text.contains("colours: \u{1B}"))
    }
}
