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
}
