import Foundation
import Testing
import TestSupport

/// Gold clusters survive the store (issue 14, gap 1): `import-gold` keeps each attribution's
/// `cluster` key in the `v8-claim-clusters` column and `export --gold`/`--run` write it back.
@Suite(.enabled(if: SQLiteShell.path != nil, "needs the sqlite3 shell (scripts/setup.sh installs it)"))
struct GoldClusterTests {
    static let shipped = CLI.packageRoot.appendingPathComponent("annotations/corpus-gold.jsonl").path

    @Test func shippedGoldWithClustersComesBackByteForByte() throws {
        let scratch = try Scratch()
        let imported = try CLI.run(["--db", scratch.db, "import-gold", "--annotator", "corpus-author", Self.shipped])
        #expect(imported.stdout == """
            run "gold:corpus-author": imported 142 claims in 16 documents
            gold: 16 documents, 142 claims; marked done by corpus-author

            """, "\(imported.stderr)")
        #expect(try SQLiteShell.run(scratch.db, """
            SELECT cluster || '=' || count(*) FROM attribution WHERE cluster IS NOT NULL GROUP BY cluster ORDER BY cluster
            """) == "cooperate=2\nengine-room=4\nferry-injured=4\ninquiry=4\ninspection=3")
        let gold = try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("g.jsonl")])
        #expect(gold.status == 0, "\(gold.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("g.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: Self.shipped)))
        let run = try CLI.run(["--db", scratch.db, "export", "--run", "gold:corpus-author", "--out", scratch.path("r.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.read("r.jsonl").components(separatedBy: #""cluster":"#).count - 1 == 17)
    }

    /// `annotations/corpus-gold-brat/` is the shipped JSONL exported to brat, file for file (the
    /// dataset card aside: it dates the export), so the two never drift apart when a format gains a
    /// field. Regenerate: `import-gold` the JSONL into a fresh store, `export --gold --format brat`.
    @Test func shippedBratFolderIsTheShippedGoldExported() throws {
        let scratch = try Scratch()
        #expect(try CLI.run(["--db", scratch.db, "import-gold", "--annotator", "corpus-author", Self.shipped]).status == 0)
        let brat = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")])
        #expect(brat.status == 0, "\(brat.stderr)")
        let shippedFolder = CLI.packageRoot.appendingPathComponent("annotations/corpus-gold-brat")
        let files = try FileManager.default.contentsOfDirectory(atPath: shippedFolder.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("brat")).sorted() == files)
        #expect(files.count == 53)
        for file in files where !file.hasPrefix("dataset-card.") {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: scratch.path("brat/\(file)")))
            #expect(fresh == (try Data(contentsOf: shippedFolder.appendingPathComponent(file))), "\(file) differs from a fresh export")
        }
    }

    /// Extracted claims have no cluster: the column stays NULL and the export writes no key.
    @Test func extractedClaimsCarryNoCluster() throws {
        let scratch = try Scratch()
        #expect(try CLI.run(["--db", scratch.db, "ingest", CLI.packageRoot.appendingPathComponent("corpora").path]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        #expect(try SQLiteShell.run(scratch.db, "SELECT count(*) FROM attribution WHERE cluster IS NOT NULL") == "0")
        let run = try CLI.run(["--db", scratch.db, "export", "--run", "rules", "--out", scratch.path("r.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.read("r.jsonl").contains(#""cluster":"#))
    }

    /// `score --run rules --against GOLD` scores the rules run's link run against the shipped
    /// gold clusters (documents 008-015): 13 of the 22 gold pairs linked, none wrongly; the
    /// report's provenance section says the same. Before `link` there is no such section.
    @Test func linksAreScoredAgainstTheShippedGoldClusters() throws {
        let scratch = try Scratch()
        #expect(try CLI.run(["--db", scratch.db, "ingest", CLI.packageRoot.appendingPathComponent("corpora").path]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "extract"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", "--annotator", "corpus-author", Self.shipped]).status == 0)
        let score = ["--db", scratch.db, "score", "--run", "rules", "--against", "gold:corpus-author"]
        let before = try CLI.run(score)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(!before.stdout.contains("gold clusters"))
        #expect(try CLI.run(["--db", scratch.db, "link"]).status == 0)
        let text = try CLI.run(score)
        #expect(text.stdout.hasSuffix("""

            links against the gold clusters of run "gold:corpus-author": link run "rules", 17 gold claims in 5 clusters
                                       P      R     F1
              pairwise             1.000  0.591  0.743  pairs: 13 agreed, 13 linked, 22 in gold
              per claim (B-cubed)  1.000  0.969  0.984

            """), "\(text.stdout)")
        let json = try CLI.run(score + ["--format", "json"])
        #expect(json.stdout.contains("""
            "gold_links": {"link_run":"rules","gold_run":"gold:corpus-author","clustered_claims":17,"gold_clusters":5,\
            "pairwise":{"precision":1.0,"recall":0.5909090909090909,"f1":0.7428571428571429,"agreed":13,"predicted":13,"gold":22},\
            "per_claim":{"precision":1.0,"recall":0.9692144373673035,"f1":0.984366576819407}}}
            """), "\(json.stdout)")
        let report = try CLI.run(["--db", scratch.db, "report", "--run", "rules", "--against", "gold:corpus-author", "--out", scratch.path("r.html")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(scratch.read("r.html").contains("""
            <p class="note">Against the gold clusters of run &quot;gold:corpus-author&quot; (17 claims in 5 clusters): \
            pairwise P 1.000 R 0.591 F1 0.743 (pairs: 13 agreed, 13 linked, 22 in gold); per claim (B-cubed) P 1.000 R 0.969 F1 0.984.</p>
            """))
    }
}
