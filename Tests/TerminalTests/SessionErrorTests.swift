import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
@testable import Workbench

/// Every refusal: its exact message, and that it wrote nothing.
@Suite struct SessionErrorTests {
    static let cases: [(String, String)] = [
        ("confrim", #"unknown verb "confrim"; did you mean "confirm"?"#),
        ("xyzzyplugh", #"unknown verb "xyzzyplugh"; `help` lists the verbs"#),
        ("source \"the mayor", "unclosed quote \": close it or escape it with a backslash"),
        ("next 3", "next: takes no arguments (usage: next)"),
        ("source", "source: needs the text to find, --at START END or none (usage: source \"TEXT\" | --at START END | none)"),
        ("source \"the governor\"", #"source: "the governor" does not occur in this document; nothing changed"#),
        // One signed number is a text to find; the refusal says how a nudge is written.
        ("content +2", "content: \"+2\" does not occur in this document; to move its boundaries by words give two numbers, "
            + "the start's then the end's (`content 0 +2` moves the end, `content +2 0` the start); nothing changed"),
        ("cue \"e\"", "cue: \"e\" occurs 4 times equally near the claim (at 20-21, 35-36, 42-43, 51-52); quote more of the text or use --at START END; nothing changed"),
        ("source --at 5 500", "--at 5 500: not a span of this document (0 <= START < END <= 177); nothing changed"),
        ("source --at 5", "source: --at needs two offsets, START END (usage: source \"TEXT\" | --at START END | none)"),
        ("content none", "content: a claim always has content (usage: content \"TEXT\" | --at START END)"),
        ("type blogger", "type: \"blogger\" is not a source type (named_person, named_organization, anonymous, document, news_outlet, implicit, other) (usage: type SOURCE_TYPE)"),
        ("anon maybe", "anon: expected yes or no (usage: anon yes|no)"),
        ("confidence 0.5", "confidence: expected high, medium or low (usage: confidence high|medium|low)"),
        ("tag", "tag: needs a tag (usage: tag TAG…)"),
        ("note", "note: needs a value (usage: note TEXT)"),
        ("outlet", "outlet: needs a value (usage: outlet NAME | none)"),
        ("add", "add: needs the content text (usage: add \"CONTENT\" [source \"SOURCE\"] [cue \"CUE\"] [type SOURCE_TYPE] [outlet NAME])"),
        ("add \"the bridge\" source", "add: source needs a value (usage: add \"CONTENT\" [source \"SOURCE\"] [cue \"CUE\"] [type SOURCE_TYPE] [outlet NAME])"),
        ("add \"the bridge\" speaker x", "add: unexpected \"speaker\"; quote texts with spaces (usage: add \"CONTENT\" [source \"SOURCE\"] [cue \"CUE\"] [type SOURCE_TYPE] [outlet NAME])"),
        ("add \"a flood\"", #"content: "a flood" does not occur in this document; nothing changed"#),
        ("goto 99", "no claim #99 in this run"),
        // Beyond Int64: still one "#" in the message (found by fuzzing the pipe-mode REPL).
        ("goto #99999999999999999999", "no claim #99999999999999999999 in this run"),
        ("show #x", "no claim #x in this run"),
        ("goto nowhere", #"no document "nowhere" in this run"#),
        ("show 1 2", "show: takes one claim ID (usage: show [ID] [--all | --doc])"),
        ("show --everything", "show: unknown option --everything (usage: show [ID] [--all | --doc])"),
        ("filter colour red", #"filter: "colour" is not a filter; expected unreviewed, type X, outlet X, confidence < X, confidence > X or tag X (usage: filter [EXPR | off])"#),
        ("filter confidence = 2", "filter: confidence needs < or > and a number in [0, 1], e.g. confidence < 0.5 (usage: filter [EXPR | off])"),
        ("filter type", "filter: type needs a source type: named_person, named_organization, anonymous, document, news_outlet, implicit, other (usage: filter [EXPR | off])"),
        ("help frobnicate", #"unknown verb "frobnicate"; `help` lists the verbs"#),
        ("undo", "nothing to undo"),
        ("redo", "nothing to redo (redo follows undo, before any new action)"),
        ("done", "not done: 4 claims of this document have no verdict from you yet (first: #1); nothing changed"),
        ("score", "none of your documents is marked done yet: `done` marks the one on screen once every claim has your verdict (scoring needs it: a document not done has unknown misses); `claimdesk score --run rules --against RUN` scores against a gold run instead"),
    ]

    @Test(arguments: cases) func refusal(_ line: String, _ message: String) throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        let reply = session.execute(line)
        #expect(reply.failed)
        #expect(reply.text == "error: " + message)
        #expect(try fixture.store.annotations(documentRowID: 1).isEmpty)
    }

    @Test func noClaimOnScreen() throws {
        let empty = Document(id: "empty", text: "Nothing is attributed here.")
        let fixture = try REPLFixture(extraDocuments: [empty])
        let session = try fixture.session(doc: "empty")
        #expect(session.execute("c").text == "error: no claim on screen: use next, goto ID or filter off")
        #expect(session.execute("show").text == "error: no claim on screen: use next, goto ID or filter off")
    }

    @Test func unknownRunAndNoRuns() throws {
        let fixture = try REPLFixture()
        #expect(throws: REPLError.store(#"no run named "gold" (see `claimdesk runs`)"#)) {
            try Session(store: fixture.store, storePath: ":memory:", annotator: "ana", runName: "gold", startDocument: nil,
                        renderer: Renderer(style: .plain))
        }
        let bare = try SQLiteStore.inMemory()
        #expect(throws: REPLError.store("no documents to review yet: `claimdesk ingest PATH` stores them, then `claimdesk extract` finds their claims")) {
            try Session(store: bare, storePath: ":memory:", annotator: "ana", runName: nil, startDocument: nil,
                        renderer: Renderer(style: .plain))
        }
        // Documents but no run yet: extract is the next step.
        _ = try bare.ingest([(document: Document(id: "d1", text: "Ana said no."), origin: "d1.txt")])
        #expect(throws: REPLError.store("no claims to review yet: run `claimdesk extract` first")) {
            try Session(store: bare, storePath: ":memory:", annotator: "ana", runName: nil, startDocument: nil,
                        renderer: Renderer(style: .plain))
        }
    }
}
