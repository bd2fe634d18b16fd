import ClaimModel
import Foundation
import Provenance
import Testing

@Suite struct ProvenanceJSONTests {
    @Test func writesClustersClaimsTrailVariantsAndLinks() {
        var wire = claim(1, "w1", "at least 20 fighters were killed near the Tarsk dam", publisher: "Meridian Press", date: "2026-03-01")
        wire.contentSpan = Span(0, 51)
        wire.sourceSpan = Span(53, 60)
        let copy = claim(2, "r1", "20 fighters were killed near the Tarsk dam", publisher: "Daily Lantern", outlet: "Meridian Press", cue: "told")
        let result = Linker().link([wire, copy])
        let json = ProvenanceJSON.write(result, claims: [wire, copy])
        #expect(json == """
        {"clusters":[{"id":"C1","claims":[\
        {"doc_id":"w1","attribution_id":"a1","claim_id":1,"source":[53,60],"cue":null,"content":[0,51],\
        "source_text":"sources","cue_text":"said","content_text":"at least 20 fighters were killed near the Tarsk dam",\
        "outlet":null,"credited_outlet":null,"source_type":"anonymous","publisher":"Meridian Press","publication_date":"2026-03-01"},\
        {"doc_id":"r1","attribution_id":"a2","claim_id":2,"source":null,"cue":null,"content":null,\
        "source_text":"sources","cue_text":"told","content_text":"20 fighters were killed near the Tarsk dam",\
        "outlet":"Meridian Press","credited_outlet":"Meridian Press","source_type":"anonymous","publisher":"Daily Lantern","publication_date":"2026-03-02"}],\
        "first":{"doc_id":"w1","attribution_id":"a1","claim_id":1},\
        "trail":[{"kind":"credits","from_doc":"r1","to_outlet":"Meridian Press"},{"kind":"repeats","from_doc":"r1","to_doc":"w1"}],\
        "variants":[{"doc_id":"r1","attribution_id":"a2","claim_id":2,"removed":["at","least"],"added":[],"number_conflict":false}],\
        "links":[{"a":{"doc_id":"w1","attribution_id":"a1","claim_id":1},"b":{"doc_id":"r1","attribution_id":"a2","claim_id":2},\
        "score":1,"reasons":["shared shingles 10/10","credits Meridian Press","number hedged differently"]}]}]}

        """)
        #expect(JSONValue(parsing: json) != nil)
    }

    @Test func emptyResultIsAnEmptyList() {
        #expect(ProvenanceJSON.write(Linker().link([]), claims: []) == "{\"clusters\":[]}\n")
    }
}

@Suite struct GraphMLTests {
    static let hostile = "Ann & \"Bo\" <b>'s\u{1}\tnews"

    static func graph() -> String {
        let a = claim(1, "w1", "the Tarsk dam will close for a month", publisher: hostile, date: "2026-03-01",
                      source: "Mayor Ilse Brandt", type: .namedPerson, entity: "brandt")
        let b = claim(2, "r<1>", "the Tarsk dam will close for a month", publisher: "Daily Lantern",
                      source: "Brandt", type: .namedPerson, outlet: hostile, entity: "brandt", cue: "told")
        return GraphML.write(Linker().link([a, b]), claims: [a, b])
    }

    @Test func escapesEveryString() {
        #expect(GraphML.escape(Self.hostile) == "Ann &amp; &quot;Bo&quot; &lt;b&gt;&apos;s\u{FFFD}&#9;news")
        let xml = Self.graph()
        #expect(!xml.contains("<b>") && !xml.contains("\u{1}") && xml.contains("doc:r&lt;1&gt;"))
    }

    @Test func networkxOpensTheGraph() throws {
        guard let python = Python.venv else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "no .build-py/venv in CI: run scripts/setup.sh")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).graphml")
        try Data(Self.graph().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(g.number_of_nodes(), g.number_of_edges(), g.is_directed())
        for u, v, d in sorted(g.edges(data=True)):
            print(u, '->', v, d.get('relation'), d.get('cluster', '-'))
        print(sorted(d['label'] for _, d in g.nodes(data=True) if d['kind'] == 'outlet'))
        """
        let out = try Python.run(python, script: script, arguments: [file.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == """
        5 6 True
        doc:r<1> -> doc:w1 repeats C1
        doc:r<1> -> outlet:Ann & "Bo" <b>'s\u{FFFD}\tnews credits C1
        doc:r<1> -> outlet:Daily Lantern published_by -
        doc:r<1> -> source:brandt quotes C1
        doc:w1 -> outlet:Ann & "Bo" <b>'s\u{FFFD}\tnews published_by -
        doc:w1 -> source:brandt quotes C1
        ['Ann & "Bo" <b>\\'s\u{FFFD}\\tnews', 'Daily Lantern']

        """)
    }
}

/// A claim whose source is the outlet it credits ("Reuters said … (Reuters)"): the outlet is one
/// node in both roles, linked by `credits` (or, in its own story, `published_by`) and no `quotes`
/// edge; a claim crediting it through another source keeps its source node.
@Suite struct GraphMLOwnOutletTests {
    static func claims() -> [LinkableClaim] {
        [claim(1, "w1", "the Tarsk dam will close for a month", publisher: "Reuters", date: "2026-03-01",
               source: "Reuters", type: .newsOutlet),
         claim(2, "r1", "the Tarsk dam will close for a month", publisher: "Daily Lantern", source: "Reuters", type: .newsOutlet,
               outlet: "Reuters"),
         claim(3, "r2", "the Tarsk dam will close for a month", publisher: "Harbour Post", source: "officials", type: .anonymous,
               outlet: "Reuters", cue: "told")]
    }

    @Test func theSourceThatIsItsOutletIsTheOutletsNode() {
        let claims = Self.claims()
        let written = GraphML.written(Linker().link(claims), claims: claims)
        #expect(written.nodes == ["document": 3, "outlet": 3, "source": 1])
        #expect(written.edges == 8)
        #expect(!written.text.contains("source:reuters"))
    }

    @Test func networkxFindsOneNodeAndNoParallelEdge() throws {
        guard let python = Python.venv else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "no .build-py/venv in CI: run scripts/setup.sh")
            return
        }
        let claims = Self.claims()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("own-outlet-\(UUID().uuidString).graphml")
        try Data(GraphML.write(Linker().link(claims), claims: claims).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
        for u, v, d in sorted(g.edges(data=True)):
            print(u, '->', v, d.get('relation'), d.get('cluster', '-'))
        print(sorted((d['kind'], n) for n, d in g.nodes(data=True)))
        """
        let out = try Python.run(python, script: script, arguments: [file.path])
        #expect(out.status == 0, "\(out.stderr)")
        // Before: 8 nodes and 10 edges (a "source:reuters" node beside "outlet:Reuters", quoted by w1 and r1).
        #expect(out.stdout == """
        DiGraph 7 8
        doc:r1 -> doc:w1 repeats C1
        doc:r1 -> outlet:Daily Lantern published_by -
        doc:r1 -> outlet:Reuters credits C1
        doc:r2 -> doc:w1 repeats C1
        doc:r2 -> outlet:Harbour Post published_by -
        doc:r2 -> outlet:Reuters credits C1
        doc:r2 -> source:r2:officials quotes C1
        doc:w1 -> outlet:Reuters published_by -
        [('document', 'doc:r1'), ('document', 'doc:r2'), ('document', 'doc:w1'), ('outlet', 'outlet:Daily Lantern'), \
        ('outlet', 'outlet:Harbour Post'), ('outlet', 'outlet:Reuters'), ('source', 'source:r2:officials')]

        """)
    }
}

/// The Python that scripts/setup.sh installs (with networkx), found from this file's place in the package.
enum Python {
    static var venv: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".build-py/venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }

    static func run(_ python: URL, script: String, arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
