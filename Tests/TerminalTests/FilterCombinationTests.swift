import ClaimModel
import ClaimStore
import Testing
@testable import Terminal
@testable import Workbench

/// `filter` conditions joined by `and`, and TAB completion from the whole store.
@Suite struct FilterCombinationTests {
    static func parse(_ line: String) throws -> QueueFilter {
        try QueueFilter.parse(try Tokenizer.tokens(line), verb: .filter)
    }

    @Test func parsesConditionsJoinedByAnd() throws {
        let combined = try Self.parse("unreviewed and type anonymous and confidence < 0.8")
        #expect(combined == .all([.unreviewed, .sourceType(.anonymous), .confidenceBelow(0.8)]))
        #expect(combined.description == "unreviewed and type anonymous and confidence < 0.8")
        #expect(try Self.parse("confidence>0.2 AND tag hedge") == .all([.confidenceAbove(0.2), .tag("hedge")]))
        // The single-condition forms are unchanged.
        #expect(try Self.parse("unreviewed") == .unreviewed)
        #expect(try Self.parse("confidence<0.5") == .confidenceBelow(0.5))
        #expect(try Self.parse("type named person") == .sourceType(.namedPerson))
        // An outlet's name may hold "and" when no condition follows it; quoting always works.
        #expect(try Self.parse("outlet Johnson and Johnson") == .outlet("Johnson and Johnson"))
        #expect(try Self.parse("outlet Johnson and Johnson and unreviewed") == .all([.outlet("Johnson and Johnson"), .unreviewed]))
        #expect(try Self.parse("type anonymous and outlet \"A and B\"") == .all([.sourceType(.anonymous), .outlet("A and B")]))
    }

    static let usage = " (usage: filter [EXPR | off])"
    static let errors: [(String, String)] = [
        ("filter unreviewed and type blogger",
         #"filter: "blogger" is not a source type (named_person, named_organization, anonymous, document, news_outlet, implicit, other)"# + usage),
        ("filter unreviewed and colour red",
         #"filter: "colour" is not a filter; expected unreviewed, type X, outlet X, confidence < X, confidence > X or tag X"# + usage),
        ("filter type anonymous and confidence = 2",
         "filter: confidence needs < or > and a number in [0, 1], e.g. confidence < 0.5" + usage),
        ("filter unreviewed and unreviewed now", "filter: unreviewed takes nothing after it" + usage),
        ("filter unreviewed and", #"filter: "and" joins two conditions, e.g. unreviewed and type anonymous"# + usage),
        ("filter and unreviewed", #"filter: "and" joins two conditions, e.g. unreviewed and type anonymous"# + usage),
        ("filter unreviewed and and type other", #"filter: "and" joins two conditions, e.g. unreviewed and type anonymous"# + usage),
        ("list unreviewed and tag", "list: tag needs one tag (usage: list [FILTER])"),
    ]

    @Test(arguments: errors) func aBadConditionInACombinationIsRefused(_ line: String, _ message: String) throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("filter type named_person")
        let reply = session.execute(line)
        #expect(reply.failed)
        #expect(reply.text == "error: " + message)
        #expect(session.execute("filter").text == "filter: type named_person")
    }

    @Test func combinedFilterTranscript() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript([
            "filter type named_person and confidence < 0.8", "n",
            "filter unreviewed and type named_person", "c", "filter",
            "filter unreviewed and type anonymous and confidence > 0.5",
            "list type named_person and unreviewed", "filter none", "q",
        ])
        let expected = #"""
        reviewing run "rules" as ana · `help` lists the verbs
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 0 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> filter type named_person and confidence < 0.8
        filter: type named_person and confidence < 0.8
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 0 reviewed · #3 · filter: type named_person and confidence < 0.8
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> n
        end of the queue: no claim after this one (filter: type named_person and confidence < 0.8)
        claimdesk> filter unreviewed and type named_person
        filter: unreviewed and type named_person
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 0 reviewed · #3 · filter: unreviewed and type named_person
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> c
        confirmed #3
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 1 reviewed · #1 · filter: unreviewed and type named_person
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> filter
        filter: unreviewed and type named_person
        claimdesk> filter unreviewed and type anonymous and confidence > 0.5
        filter unreviewed and type anonymous and confidence > 0.5: no claim matches; filter not applied (still: unreviewed and type named_person)
        claimdesk> list type named_person and unreviewed
        storm: 4 claims, showing type named_person and unreviewed
        >  1 #1      -          "The mayor" · "said" · "the bridge is closed"
        claimdesk> filter none
        filter cleared
        storm · Storm hits coast
        claim 1/4 · doc 1/1 · 1 reviewed · #1
          [[src: The mayor]] [[cue: said]] [[con: the bridge is closed]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #3 "the mayor")
          extractor   0.90
          verdict     - (unreviewed)
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
    }

    /// Documents are skipped by asking the store for every stored condition at once.
    @Test func combinedFilterWalksDocuments() throws {
        let extra = ["alpha", "beta", "gamma"].map { Document(id: $0, text: "Bob said the \($0) plan works.") }
        let fixture = try REPLFixture(extraDocuments: extra)
        let session = try fixture.session()
        let found = session.execute("filter type named_person and confidence < 0.6").text
        #expect(found.hasPrefix("filter: type named_person and confidence < 0.6\nalpha\nclaim 1/1 · doc 2/4"))
        #expect(session.execute("c").text.contains("beta\nclaim 1/1 · doc 3/4"))
        #expect(session.execute("filter unreviewed and confidence < 0.6 and type named_person").text.contains("doc 3/4"))
        #expect(session.execute("p").text == "start of the queue: no claim before this one (filter: unreviewed and confidence < 0.6 and type named_person)")
        #expect(session.execute("n").text.contains("gamma\nclaim 1/1 · doc 4/4"))
        #expect(session.execute("filter confidence < 0.6 and type named_person and outlet Reuters").text
            == "filter confidence < 0.6 and type named_person and outlet Reuters: no claim matches; filter not applied (still: unreviewed and confidence < 0.6 and type named_person)")
        let runID = fixture.runID
        let docs = try fixture.store.documentRowIDs()
        #expect(try fixture.store.nextDocument(runID: runID, after: docs[0], where: [.sourceType("named_person"), .confidenceBelow(0.6)]) == docs[1])
        #expect(try fixture.store.nextDocument(runID: runID, after: 0, where: [.outlet("reuters"), .confidenceBelow(0.5)]) == docs[0])
        #expect(try fixture.store.nextDocument(runID: runID, after: 0, where: [.outlet("reuters"), .confidenceAbove(0.5)]) == nil)
    }

    /// A store with a second run whose claims name an outlet the first run never mentions, and a
    /// tag another analyst gave.
    static func storeWithOtherRun() throws -> REPLFixture {
        let other = Document(id: "other", text: "Bob said the plan works.")
        let fixture = try REPLFixture(extraDocuments: [other])
        let run = try fixture.store.createRun(name: "wire", kind: .imported, extractor: "test", version: nil, parameters: nil)
        var claim = REPLFixture.claims(in: other.text)[0]
        claim.outlet = "Associated Press"
        _ = try fixture.store.saveRunOutput(runID: run.rowID, [(documentRowID: try fixture.store.documentRowIDs()[1], attributions: [claim])])
        _ = try fixture.transcript(["n", "tag urgent follow-up", "q"], as: "ben")
        return fixture
    }

    @Test func completionOffersEveryOutletAndTagInTheStore() throws {
        let fixture = try Self.storeWithOtherRun()
        let session = try fixture.session(doc: "storm")
        #expect(session.storeOutlets == nil && session.storeTags == nil)
        #expect(session.completions(before: "outlet ", word: "") == ["Associated Press", "Reuters"])
        #expect(session.storeOutlets == ["Associated Press", "Reuters"])
        #expect(session.completions(before: "outlet ", word: "a") == ["Associated Press"])
        #expect(session.completions(before: "outlet Associated ", word: "P") == ["Press"])
        #expect(session.completions(before: "outlet \"", word: "Assoc") == ["Associated Press"])
        #expect(session.completions(before: "filter outlet ", word: "") == ["Associated Press", "Reuters"])
        #expect(session.completions(before: "tag ", word: "") == ["follow-up", "urgent"])
        #expect(session.completions(before: "filter tag ", word: "u") == ["urgent"])
        _ = session.execute("outlet Gazette")
        _ = session.execute("tag local")
        #expect(session.completions(before: "outlet ", word: "") == ["Associated Press", "Gazette", "Reuters"])
        #expect(session.completions(before: "tag ", word: "") == ["follow-up", "local", "urgent"])
        _ = session.execute("add \"the bridge is closed\" source \"The mayor\" cue said outlet \"City Radio\"")
        #expect(session.completions(before: "outlet ", word: "c") == ["City Radio"])
        #expect(try fixture.store.outlets(limit: 1) == ["Associated Press"])
    }

    /// Outlets and tags another analyst gives during a session are offered from the next document on.
    @Test func completionReadsTheStoreAgainOnTheNextDocument() throws {
        let fixture = try Self.storeWithOtherRun()
        let session = try fixture.session(doc: "storm")
        #expect(session.completions(before: "tag ", word: "") == ["follow-up", "urgent"])
        _ = try fixture.transcript(["tag overnight", "q"], as: "cy")
        // Still the document the list was read in: the list stands.
        #expect(session.completions(before: "tag ", word: "") == ["follow-up", "urgent"])
        #expect(session.execute("goto other").text.contains("other"))
        #expect(session.completions(before: "tag ", word: "") == ["follow-up", "overnight", "urgent"])
    }

    @Test func completionOffersTheDocumentsEntities() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        _ = session.execute("entity city hall")
        #expect(session.completions(before: "entity ", word: "") == ["city hall", "mayor", "officials"])
        #expect(session.completions(before: "entity city ", word: "") == ["hall"])
        #expect(session.completions(before: "entity ", word: "m") == ["mayor"])
    }

    @Test func completionOfCombinedFilters() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.completions(before: "filter ", word: "") == ["confidence", "off", "outlet", "tag", "type", "unreviewed"])
        #expect(session.completions(before: "filter unreviewed ", word: "") == ["and"])
        #expect(session.completions(before: "filter unreviewed and ", word: "") == ["confidence", "outlet", "tag", "type", "unreviewed"])
        #expect(session.completions(before: "filter unreviewed and type ", word: "an") == ["anonymous"])
        #expect(session.completions(before: "filter type anonymous ", word: "") == ["and"])
        #expect(session.completions(before: "filter confidence < 0.5 ", word: "") == ["and"])
        #expect(session.completions(before: "filter outlet Reuters ", word: "") == ["and"])
        #expect(session.completions(before: "list type anonymous and ", word: "t") == ["tag", "type"])
    }

    @Test func helpFilterExplainsCombinations() throws {
        let fixture = try REPLFixture()
        let session = try fixture.session()
        #expect(session.execute("help filter").text == """
            usage: filter [EXPR | off]
            narrow the queue; no EXPR shows the filter, off clears it
            EXPR: one condition, or several joined by `and` (a claim must meet them all):
              unreviewed | type SOURCE_TYPE | outlet NAME | confidence < X | confidence > X | tag TAG
              e.g. filter unreviewed and type anonymous and confidence < 0.8
            confidence compares the extractor's confidence, a number in [0, 1].
            filter off (or none) clears the filter.
            """)
    }
}
