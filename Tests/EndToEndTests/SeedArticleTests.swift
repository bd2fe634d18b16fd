import Foundation
import Testing

/// The built `claimdesk` on the shipped corpus: the seed article's attributions, end to end.
@Suite struct SeedArticleTests {
    static let seed = "000_e1a42581cbd39812"

    struct Claim {
        var source: String?
        var cue: String?
        var content: String?
        var contentFragments: Int
        var outlet: String?
        var sourceType: String?
        var anonymous: Bool?
        var entity: String?
        var confidence: Double?
    }

    static func claims(_ json: String) throws -> [Claim] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return array.map { o in
            Claim(source: o["source_text"] as? String, cue: o["cue_text"] as? String, content: o["content_text"] as? String,
                  contentFragments: (o["content_fragments"] as? [Any])?.count ?? 0, outlet: o["outlet"] as? String,
                  sourceType: o["source_type"] as? String, anonymous: o["anonymous"] as? Bool,
                  entity: o["source_entity"] as? String, confidence: o["confidence"] as? Double)
        }
    }

    @Test func ingestExtractAndListTheSeedArticle() throws {
        let scratch = try Scratch()
        let corpora = CLI.packageRoot.appendingPathComponent("corpora").path
        let ingest = try CLI.run(["--db", scratch.db, "ingest", corpora])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.hasPrefix("ingested 16 new documents"))
        let again = try CLI.run(["--db", scratch.db, "ingest", corpora])
        #expect(again.stdout.hasPrefix("ingested 0 new documents from 16 files, 16 already stored (unchanged)"))

        let extract = try CLI.run(["--db", scratch.db, "extract"])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout.hasPrefix("run \"rules\": "))
        let docs = try CLI.run(["--db", scratch.db, "docs"])
        let seedLine = docs.stdout.split(separator: "\n").first { $0.hasPrefix(Self.seed) }
        #expect(seedLine?.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == [Substring(Self.seed), "Newsweek"])

        let listed = try CLI.run(["--db", scratch.db, "claims", "--run", "rules", "--doc", Self.seed, "--format", "json"])
        #expect(listed.status == 0)
        let claims = try Self.claims(listed.stdout)

        let reuters = claims.filter { $0.outlet == "Reuters" }
        #expect(reuters.count == 1)
        #expect(reuters.first?.source == "sources")
        #expect(reuters.first?.cue?.contains("confirmed") == true)
        #expect(reuters.first?.content?.contains("at least 20 fighters from both sides were killed") == true)
        #expect(reuters.first?.anonymous == true)

        let activist = claims.filter { $0.source?.lowercased().contains("activist") == true || $0.source == "the anonymous source" }
        #expect(activist.count == 5)
        #expect(Set(activist.compactMap(\.entity)).count == 1)
        #expect(activist.first?.source == "An activist within Derna")
        #expect(activist.first?.outlet == "Newsweek")
        #expect(activist.allSatisfy { $0.anonymous == true })
        #expect(activist.map(\.cue) == ["told", "reveals", "says", "adds", "says"])
        #expect(activist.last?.contentFragments == 2)

        let brigade = claims.filter { $0.source == "A member of the Shura Council's brigade" }
        #expect(brigade.count == 1)
        #expect(brigade.first?.outlet == "Associated Press")
        #expect(brigade.first?.anonymous == true)
        #expect(brigade.first?.content?.contains("searching for the Wali") == true)

        let statement = claims.filter { $0.content?.contains("holy war") == true && $0.source?.contains("Shura Council") == true }
        #expect(statement.count == 1)

        let hedges = claims.filter { $0.source == nil }
        #expect(hedges.allSatisfy { $0.sourceType == "implicit" })
        #expect(hedges.contains { $0.cue?.contains("believed") == true })
        #expect(hedges.contains { $0.cue?.contains("revealed") == true })
        #expect(claims.allSatisfy { ($0.confidence ?? -1) >= 0 && ($0.confidence ?? 2) <= 1 })
    }
}

/// ingest + import-claims of a file, then export: the same spans and fields, byte for byte.
@Suite struct RoundTripTests {
    @Test func importThenExportGivesTheSameFile() throws {
        let scratch = try Scratch()
        let line1 = #"{"doc_id":"rt-1","title":"T","publisher":"The Ledger","publication_date":"2026-01-02","meta":{"desk":"city","n":1.50},"text":"“Fares will rise,” the mayor said, “in May.” It is believed the vote passed.","attributions":[{"id":"x1","source":[19,28],"cue":[29,33],"content":[1,42],"content_fragments":[[1,16],[36,42]],"source_text":"the mayor","cue_text":"said","content_text":"Fares will rise,” the mayor said, “in May","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":"mayor","confidence":0.9},{"id":"x2","source":null,"cue":[48,59],"content":[60,75],"cue_text":"is believed","content_text":"the vote passed","outlet":null,"source_type":"implicit","anonymous":null,"source_entity":null,"confidence":0.35}]}"#
        let line2 = #"{"doc_id":"rt-2","text":"Nothing attributed here.","attributions":[]}"#
        let input = try scratch.write("in.jsonl", line1 + "\n" + line2 + "\n")
        #expect(try CLI.run(["--db", scratch.db, "ingest", input]).status == 0)
        let imported = try CLI.run(["--db", scratch.db, "import-claims", input, "--run", "theirs"])
        #expect(imported.stdout == "run \"theirs\": imported 2 claims in 2 documents\n")
        let out = scratch.path("out.jsonl")
        let exported = try CLI.run(["--db", scratch.db, "export", "--format", "jsonl", "--run", "theirs", "--out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        // Re-import the export into a fresh store and export again: identical bytes.
        let db2 = scratch.path("second.sqlite")
        #expect(try CLI.run(["--db", db2, "import-claims", out, "--run", "theirs"]).status == 0)
        let out2 = scratch.path("out2.jsonl")
        #expect(try CLI.run(["--db", db2, "export", "--format", "jsonl", "--run", "theirs", "--out", out2]).status == 0)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first == (try String(contentsOfFile: out2, encoding: .utf8)))
        // Same spans and fields as the input.
        let a = try #require(try JSONSerialization.jsonObject(with: Data(line1.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(first.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
    }
}
