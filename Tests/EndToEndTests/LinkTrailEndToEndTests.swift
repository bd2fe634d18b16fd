import Foundation
import Testing
import TestSupport

/// Issue 14 through the real binary: `link`, `trail`, the REPL's `trail`/`same`/`different` under a
/// pipe, the links section of `score`, the provenance and GraphML exports read back by Python's
/// json and networkx, and the report's drawn trail. Three re-reports of one claim (a wire story,
/// a paper crediting the wire, a paper hedging the number) and an unrelated story.
@Suite(.serialized) struct LinkTrailEndToEndTests {
    static let documents = """
        {"doc_id": "harbour-wire", "text": "Harbour to close\\n\\nMayor Lena Hart said the Port Alder harbour will close for 12 days from Monday.", "publisher": "Reuters", "publication_date": "2026-03-01"}
        {"doc_id": "harbour-ledger", "text": "Port Alder shuts harbour\\n\\nMayor Lena Hart told Reuters the Port Alder harbour will close for 12 days from Monday.", "publisher": "Daily Ledger", "publication_date": "2026-03-02"}
        {"doc_id": "harbour-times", "text": "Harbour closure\\n\\nMayor Lena Hart said the Port Alder harbour would close for at least 12 days from Monday.", "publisher": "Coast Times", "publication_date": "2026-03-03"}
        {"doc_id": "bakery", "text": "Bakery wins prize\\n\\nOwner Tom Reyes said the bakery sold 400 loaves on Saturday.", "publisher": "Coast Times", "publication_date": "2026-03-03"}

        """

    /// A store with the four documents ingested and extracted (claims #1–#4 in that order).
    static func extracted(_ scratch: Scratch) throws -> String {
        let db = scratch.path("store.sqlite")
        let input = try scratch.write("docs.jsonl", documents)
        for command in [["ingest", input], ["extract"]] {
            let r = try CLI.run(["--db", db] + command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
        return db
    }

    static func linked(_ scratch: Scratch) throws -> String {
        let db = try extracted(scratch)
        let r = try CLI.run(["--db", db, "link"])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func linkPrintsCountsAndTheBiggestClustersAndRefusesASecondRunOfTheName() throws {
        let scratch = try Scratch()
        let db = try Self.extracted(scratch)
        let trailFirst = try CLI.run(["--db", db, "trail", "1"])
        #expect(trailFirst.status == 1)
        #expect(trailFirst.stderr == "claimdesk: no link run of run \"rules\" yet: `claimdesk link` links the claims first\n")
        let link = try CLI.run(["--db", db, "link"])
        #expect(link.status == 0)
        #expect(link.stderr == "")
        #expect(link.stdout == """
            link run "rules": 4 claims of run "rules", 1 cluster, 3 links
              C1: 3 claims in 3 documents (harbour-wire, harbour-ledger, harbour-times)

            """)
        let again = try CLI.run(["--db", db, "link"])
        #expect(again.status == 1)
        #expect(again.stderr == "claimdesk: a link run named \"rules\" already exists (use --replace to link again under that name, or another --name)\n")
        let replaced = try CLI.run(["--db", db, "link", "--replace"])
        #expect(replaced.status == 0)
        #expect(replaced.stdout.hasPrefix("link run \"rules\" (replaced): 4 claims of run \"rules\", 1 cluster, 3 links\n"))
        let named = try CLI.run(["--db", db, "link", "--name", "second"])
        #expect(named.stdout.hasPrefix("link run \"second\": 4 claims"))
        // Names are told apart by their bytes, as the store keeps them: the two Unicode forms of
        // "café" are two link runs, neither a replacement of the other, each found by its own name.
        let composed = try CLI.run(["--db", db, "link", "--name", "caf\u{E9}"])
        #expect(composed.stdout.hasPrefix("link run \"caf\u{E9}\": 4 claims"))
        let decomposed = try CLI.run(["--db", db, "link", "--name", "cafe\u{301}"])
        #expect(decomposed.status == 0)
        #expect(decomposed.stdout.hasPrefix("link run \"cafe\u{301}\": 4 claims"))
        #expect(try CLI.run(["--db", db, "trail", "1", "--link-run", "cafe\u{301}"]).stdout.hasPrefix("cluster C1: 3 claims in 3 documents (link run \"cafe\u{301}\")"))
    }

    /// Bare digits name a claim; when documents' ids start with them, the answer names those
    /// documents with the `doc:` form that reaches them.
    @Test func digitsThatBeginDocumentIDsPointToThem() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let note = try scratch.write("note.jsonl", #"{"doc_id": "40_harbour-note", "text": "Note\n\nNothing here.", "publisher": "Coast Times"}"# + "\n")
        for command in [["ingest", note], ["extract"]] { #expect(try CLI.run(["--db", db] + command).status == 0) }
        #expect(try CLI.run(["--db", db, "trail", "4"]).stdout == "claim #4 is in no cluster of link run \"rules\": nothing repeats it; "
            + "for a document whose id starts with \"4\": `claimdesk trail doc:40_harbour-note`\n")
        let unknown = try CLI.run(["--db", db, "trail", "40"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "claimdesk: no claim #40 in the store; for a document whose id starts with \"40\": `claimdesk trail doc:40_harbour-note`\n")
        // `#` says a claim is meant, and digits no id begins with get the plain answer.
        #expect(try CLI.run(["--db", db, "trail", "#4"]).stdout == "claim #4 is in no cluster of link run \"rules\": nothing repeats it\n")
        #expect(try CLI.run(["--db", db, "trail", "99"]).stderr == "claimdesk: no claim #99 in the store\n")
    }

    @Test func trailOfAClaimAndOfADocument() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let expected = """
            cluster C1: 3 claims in 3 documents (link run "rules")
            first appearance: #1 in harbour-wire, Reuters, 2026-03-01
            date        doc             publisher     claim  source           credits  content
            2026-03-01  harbour-wire    Reuters       #1     Mayor Lena Hart  -        "the Port Alder harbour will close for 12 days from Monday"
            2026-03-02  harbour-ledger  Daily Ledger  #2     Mayor Lena Hart  Reuters  "the Port Alder harbour will close for 12 days from Monday"
            2026-03-03  harbour-times   Coast Times   #3     Mayor Lena Hart  -        "the Port Alder harbour would close for at least 12 days fro…"
            edges:
              harbour-ledger credits Reuters
              harbour-ledger repeats harbour-wire
            variants (against #1):
              #3 in harbour-times: dropped "will"; added "would at least"

            """
        for target in ["2", "#2", "harbour-ledger", "doc:harbour-ledger"] {
            let r = try CLI.run(["--db", db, "trail", target])
            #expect(r.status == 0, "\(target): \(r.stderr)")
            #expect(r.stdout == expected, "\(target)")
        }
        let alone = try CLI.run(["--db", db, "trail", "4"])
        #expect(alone.status == 0)
        #expect(alone.stdout == "claim #4 is in no cluster of link run \"rules\": nothing repeats it\n")
        let missing = try CLI.run(["--db", db, "trail", "99"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "claimdesk: no claim #99 in the store\n")
        let unknown = try CLI.run(["--db", db, "trail", "no\u{1B}[31mpe"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "claimdesk: no document \"no\\u{1b}[31mpe\" in the store (see `claimdesk docs`)\n")
    }

    @Test func trailAsJSONIsTheClustersProvenanceJSON() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let r = try CLI.run(["--db", db, "trail", "3", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let clusters = try #require(object?["clusters"] as? [[String: Any]])
        #expect(clusters.count == 1)
        #expect((clusters[0]["claims"] as? [[String: Any]])?.map { $0["claim_id"] as? Int } == [1, 2, 3])
        #expect((clusters[0]["first"] as? [String: Any])?["doc_id"] as? String == "harbour-wire")
    }

    @Test func theREPLGivesTrailAndLinkVerdictsUnderAPipeAndScoreCountsThem() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let session = try CLI.run(["--db", db, "annotate", "--annotator", "ana"],
                                  stdin: "goto 2\ntrail\nsame 1\ndifferent 3\nundo\nredo\nsame 2\nsame x\nsame 99\nq\n")
        #expect(session.status == 1)  // a refused command in a script exits 1 (same 2, same x, same 99)
        #expect(session.stderr == "")
        let reply = session.stdout.components(separatedBy: "claimdesk> trail\n").last?.components(separatedBy: "claimdesk> undo").first
        #expect(reply == """
            cluster C1: 3 claims in 3 documents (link run "rules")
            first appearance: #1 in harbour-wire, Reuters, 2026-03-01
            date        doc             publisher     claim  source
            2026-03-01  harbour-wire    Reuters       #1     Mayor Lena Hart
                "the Port Alder harbour will close for 12 days from Monday"
            2026-03-02  harbour-ledger  Daily Ledger  #2     Mayor Lena Hart
                credits Reuters: "the Port Alder harbour will close for 12 days from Monday"
            2026-03-03  harbour-times   Coast Times   #3     Mayor Lena Hart
                "the Port Alder harbour would close for at least 12 days from Monday"
            edges:
              harbour-ledger credits Reuters
              harbour-ledger repeats harbour-wire
            variants (against #1):
              #3 in harbour-times: dropped "will"; added "would at least"
            claimdesk> same 1
            same: #2 and #1 are one claim
            claimdesk> different 3
            different: #2 and #3 are not the same claim

            """)
        #expect(session.stdout.contains("claimdesk> undo\nundone: different #3 of #2\n"))
        #expect(session.stdout.contains("claimdesk> redo\nredone: different #3 of #2\n"))
        #expect(session.stdout.contains("""
            claimdesk> same 2
            error: #2 is the claim on screen: a link verdict needs another claim
            claimdesk> same x
            error: same: "x" is not a claim ID (usage: same ID)
            claimdesk> same 99
            error: no claim #99 in this run
            """))
        let log = try SQLiteShell.run(db, "SELECT group_concat(action || ' ' || attributionId || ' ' || coalesce(fields, '-'), '|') FROM annotation ORDER BY id")
        #expect(log == #"same 2 {"other":1}|different 2 {"other":3}|undo 2 -|redo 2 -"#)
        let score = try CLI.run(["--db", db, "score", "--run", "rules", "--against", "rules"])
        #expect(score.status == 0)
        #expect(score.stdout.hasSuffix("""

            links: link run "rules", 1 cluster, 3 links, against 2 link verdicts (same/different)
                                       P      R     F1
              pairwise             0.500  1.000  0.667  pairs: 1 agreed, 2 linked, 1 judged same
              per claim (B-cubed)  0.556  1.000  0.714

            """))
        // Against the analysts' gold with no document marked done: the claims cannot be scored,
        // the link verdicts can (they need no done document), and the line says which is which.
        let links = try CLI.run(["--db", db, "score", "--run", "rules"])
        #expect(links.status == 0 && links.stderr == "")
        #expect(links.stdout == """
            run "rules" against the analysts' gold: claims not scored, no documents are marked done: review them (`claimdesk annotate`, then `done`) or score against a gold run: `claimdesk score --against RUN`

            links: link run "rules", 1 cluster, 3 links, against 2 link verdicts (same/different)
                                       P      R     F1
              pairwise             0.500  1.000  0.667  pairs: 1 agreed, 2 linked, 1 judged same
              per claim (B-cubed)  0.556  1.000  0.714

            """)
    }

    @Test(.enabled(if: PythonTool.usable, "needs scripts/setup.sh's venv (networkx)"))
    func exportsReadBackByJSONAndNetworkx() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let (json, graph) = (scratch.path("links.json"), scratch.path("links.graphml"))
        let p = try CLI.run(["--db", db, "export", "--run", "rules", "--format", "provenance", "--out", json])
        #expect(p.status == 0)
        #expect(p.stdout == "wrote 1 cluster (3 claims in 3 documents) of link run \"rules\" to \(json)\n")
        let g = try CLI.run(["--db", db, "export", "--run", "rules", "--format", "graphml", "--out", graph])
        #expect(g.status == 0)
        // The graph's own counts, which networkx must find (link's claims and links are not nodes and edges).
        #expect(g.stdout == "wrote 1 cluster (3 claims in 3 documents) of link run \"rules\" to \(graph)\n"
            + "graph: 7 nodes (3 documents, 3 outlets, 1 source), 8 edges\n")
        let check = try PythonTool.run(script: """
            import json, sys, networkx
            d = json.load(open(sys.argv[1], encoding="utf-8"))
            c = d["clusters"][0]
            print(len(d["clusters"]), [x["claim_id"] for x in c["claims"]], [e["kind"] for e in c["trail"]], len(c["links"]))
            g = networkx.read_graphml(sys.argv[2])
            print(g.number_of_nodes(), g.number_of_edges(), sorted(k for _, k in g.nodes(data="kind")))
            """, arguments: [json, graph])
        #expect(check.status == 0, "\(check.stderr)")
        // 3 published_by + 3 quotes (one named source) + the ledger's credit of Reuters and its repeat of the wire.
        #expect(check.stdout == "1 [1, 2, 3] ['credits', 'repeats'] 3\n7 8 ['document', 'document', 'document', 'outlet', 'outlet', 'outlet', 'source']\n")
        let gold = try CLI.run(["--db", db, "export", "--gold", "--format", "graphml", "--out", graph, "--force"])
        #expect(gold.status == 1)
        #expect(gold.stderr == "claimdesk: --format graphml exports a link run: give --run NAME (the run `claimdesk link` linked)\n")
    }

    @Test func theReportDrawsATrail() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let out = scratch.path("report.html")
        let r = try CLI.run(["--db", db, "report", "--run", "rules", "--against", "rules", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let html = scratch.read("report.html")
        #expect(html.contains("<section id=\"provenance\"><h2>Provenance (link run &quot;rules&quot;)</h2>"))
        #expect(html.contains("<svg class=\"trail\" xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<tr><td>Reuters</td><td>1</td><td>0</td></tr>"))
        #expect(html.contains("<tr><td>C1</td><td>3</td><td>3</td><td>harbour-wire, Reuters, 2026-03-01</td><td>1</td></tr>"))
        #expect(!html.contains("src=") && !html.contains("href=\"http"))
    }

    /// The analysts' `same` verdicts reach the gold JSONL as the `cluster` key (one label per group
    /// the verdicts join); a claim judged `different` gets none.
    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func linkVerdictsAreTheGoldJSONLsClusters() throws {
        let scratch = try Scratch()
        let db = try Self.linked(scratch)
        let session = try CLI.run(["--db", db, "annotate", "--annotator", "ana"], stdin: """
            goto 1\nconfirm\ngoto 1\ndone\ngoto 2\nsame 1\nconfirm\ngoto 2\ndone\ngoto 3\ndifferent 1\nconfirm\ngoto 3\ndone\nq\n
            """)
        #expect(session.status == 0, "\(session.stdout)")
        let out = scratch.path("gold.jsonl")
        let export = try CLI.run(["--db", db, "export", "--gold", "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = scratch.read("gold.jsonl").split(separator: "\n").map(String.init)
        let clusters = try lines.map { line -> [String?] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["attributions"] as? [[String: Any]] ?? []).map { $0["cluster"] as? String }
        }
        #expect(clusters == [["link-1"], ["link-1"], [nil]])
        // The gold walk: a fresh store imports those labels as the claims' clusters and writes them back.
        let fresh = scratch.path("fresh.sqlite")
        let imported = try CLI.run(["--db", fresh, "import-gold", "--annotator", "ana", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try SQLiteShell.run(fresh, "SELECT group_concat(ifnull(cluster, '-'), ' ') FROM (SELECT cluster FROM attribution ORDER BY id)")
                == "link-1 link-1 -")
        let again = try CLI.run(["--db", fresh, "export", "--gold", "--out", scratch.path("again.jsonl")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(scratch.read("again.jsonl") == scratch.read("gold.jsonl"))
    }

    /// A store written before v7-links (the release on main before issue 14) opens: a writing
    /// command adds the link tables and links; nothing stored before is touched.
    @Test(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
    func aStoreFromBeforeTheLinkTablesMigratesOnLink() throws {
        let scratch = try Scratch()
        let db = try Self.extracted(scratch)
        _ = try SQLiteShell.run(db, """
            DROP TABLE claimLink; DROP TABLE linkCluster; DROP TABLE linkRun; ALTER TABLE attribution DROP COLUMN cluster;
            DELETE FROM grdb_migrations WHERE identifier IN ('v7-links', 'v8-claim-clusters');
            """)
        let claims = try CLI.run(["--db", db, "claims", "--format", "json"])
        let link = try CLI.run(["--db", db, "link"])
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout.hasPrefix("link run \"rules\": 4 claims of run \"rules\", 1 cluster, 3 links\n"))
        #expect(try SQLiteShell.run(db, "SELECT count(*) FROM grdb_migrations WHERE identifier IN ('v7-links', 'v8-claim-clusters')") == "2")
        #expect(try CLI.run(["--db", db, "claims", "--format", "json"]).stdout == claims.stdout)
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }
}
