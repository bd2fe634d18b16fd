import ClaimModel
import Foundation
import Testing

/// Issue 13's loop through the real executable: analysts add the claims the rules miss in a domain
/// whose cue the rules do not know ("radioed"), mark the documents done, a model is trained on
/// their gold, and on new documents of the domain it finds what the rules miss.
@Suite(.serialized) struct AnalystsLoopTests {
    /// A harbour desk's short reports: five to annotate, three new ones. Written for this test.
    static let training: [(String, String)] = [
        ("t1", "The skipper of the trawler Gannet radioed that the engine had failed off the headland. A harbour official said a tug would reach the boat within the hour.\n"),
        ("t2", "The ferry captain radioed that the crossing would be cancelled because of the swell. Passengers waited in the terminal until noon.\n"),
        ("t3", "A pilot on the container ship radioed that the channel buoys had drifted overnight. The port authority said divers would inspect the moorings.\n"),
        ("t4", "The lighthouse keeper radioed that the fog bank was moving north. Fishing crews stayed in port for a second day.\n"),
        ("t5", "The mate of the yacht Petrel radioed that two crew members were injured. The coastguard said a helicopter was already in the air.\n"),
    ]
    static let new: [(String, String)] = [
        ("n1", "The master of the tanker Osprey radioed that the cargo pumps had stopped. Engineers boarded the vessel at dawn.\n"),
        ("n2", "The harbour pilot radioed that the tide would delay the launch until evening. A shipyard spokeswoman said the ceremony would go ahead.\n"),
        ("n3", "The captain of the dredger Heron radioed that a cable had snapped near the quay. Workers cleared the berth by midday.\n"),
    ]

    /// Ana's session: she confirms the rules' claims and adds the "radioed" claims they missed.
    static let anaSession = """
        goto t1
        c
        goto t1
        add "the engine had failed off the headland" source "The skipper of the trawler Gannet" cue "radioed"
        done
        goto t2
        add "the crossing would be cancelled because of the swell" source "The ferry captain" cue "radioed"
        done
        goto t3
        c
        goto t3
        add "the channel buoys had drifted overnight" source "A pilot on the container ship" cue "radioed"
        done
        goto t4
        add "the fog bank was moving north" source "The lighthouse keeper" cue "radioed"
        done
        goto t5
        c
        goto t5
        add "two crew members were injured" source "The mate of the yacht Petrel" cue "radioed"
        done
        quit

        """

    /// Bo annotates the three new documents afterwards: the held-out gold both runs are scored on.
    static let boSession = """
        goto n1
        add "the cargo pumps had stopped" source "The master of the tanker Osprey" cue "radioed"
        done
        goto n2
        c
        goto n2
        add "the tide would delay the launch until evening" source "The harbour pilot" cue "radioed"
        done
        goto n3
        add "a cable had snapped near the quay" source "The captain of the dredger Heron" cue "radioed"
        done
        quit

        """

    /// The lines of `score` that carry the figures.
    static func figures(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("claim ") || $0.hasPrefix("attribution ") }
    }

    @Test func aModelTrainedOnTheAnalystsAdditionsFindsTheNewCueInNewDocuments() throws {
        let scratch = try Scratch()
        let db = scratch.path("store.sqlite")
        var files: [String] = []
        for (name, text) in Self.training + Self.new { files.append(try scratch.write("\(name).txt", text)) }
        func cli(_ arguments: [String], stdin: String? = nil) throws -> CLI.Output {
            let out = try CLI.run(["--db", db] + arguments, stdin: stdin)
            if out.status != 0 { throw CLI.Failure(status: out.status, stderr: out.stderr) }
            return out
        }
        _ = try cli(["ingest"] + files)
        #expect(try cli(["extract"]).stdout.hasPrefix("run \"rules\": 4 claims in 8 documents"))

        let ana = try cli(["annotate", "--annotator", "ana", "--doc", "t1"], stdin: Self.anaSession)
        #expect(ana.stdout.split(separator: "\n").filter { $0.contains("marked done") } == [
            "t1 marked done: 2 claims reviewed", "t2 marked done: 1 claim reviewed", "t3 marked done: 2 claims reviewed",
            "t4 marked done: 1 claim reviewed", "t5 marked done: 2 claims reviewed",
        ])

        let train = try cli(["train", "--model", "harbour", "--gold", "--base", "rules"])
        #expect(train.stdout.hasPrefix("model \"harbour\": trained on the analysts' gold, 5 documents, 8 attributions (data "))
        #expect(try cli(["extract", "--model", "harbour"]).stdout.hasPrefix("run \"harbour\": "))

        // The review queue ordered by the model's uncertainty: the model run's claims, closest to
        // its calibrated threshold first (issue 13 item 5, through issue 12's `order uncertain`).
        let walk = try cli(["annotate", "--annotator", "cy", "--run", "harbour", "--order", "uncertain"],
                           stdin: "order\n" + String(repeating: "next\n", count: 11) + "quit\n").stdout
        // Every done document is one the model learned from: nothing honest to calibrate on yet.
        #expect(walk.contains("order: uncertain (closest to 0.5 first: no calibration yet, every document\nmarked done is one its model learned from)"), "\(walk)")
        let statuses = walk.split(separator: "\n").filter { $0.hasPrefix("claim ") }.map(String.init)
        let visited = statuses.compactMap { line in line.split(separator: "#").last?.split(separator: " ").first.flatMap { Int($0) } }
        let threshold = try #require(statuses.first?.split(separator: "(").last?.dropLast().description).flatMap(Double.init)
        guard case let .array(claims)? = JSONValue(parsing: try cli(["claims", "--run", "harbour", "--format", "json"]).stdout) else {
            Issue.record("no claims listed")
            return
        }
        var confidence: [Int: Double] = [:]
        for c in claims {
            if case let .number(id)? = c["claim"], case let .number(value)? = c["confidence"] { confidence[Int(id) ?? 0] = Double(value) }
        }
        #expect(confidence.count == 12 && Set(visited) == Set(confidence.keys) && visited.count == 12, "\(walk)")
        let distances = visited.map { abs((confidence[$0] ?? 0) - (threshold ?? 0)) }
        // The status line rounds the threshold to 0.01: an order by the exact one stays within 0.01.
        #expect(zip(distances, distances.dropFirst()).allSatisfy { $0 <= $1 + 0.01 }, "\(visited) \(distances)")

        // Ana's queue of the model's run holds only the new documents: the five she marked done
        // while reviewing "rules" are left out (their gold stands) unless she asks for them.
        let next = try cli(["annotate", "--annotator", "ana", "--run", "harbour"], stdin: "progress\nquit\n").stdout
        #expect(next.contains("left out: 5 documents") && next.contains("documents marked done: 0/3"), "\(next)")
        #expect(next.split(separator: "\n").contains { $0.hasPrefix("claim 1/") && $0.contains("doc 1/3") }, "\(next)")
        let all = try cli(["annotate", "--annotator", "ana", "--run", "harbour", "--include-done"], stdin: "progress\nquit\n").stdout
        #expect(!all.contains("left out") && all.contains("documents marked done: 0/8"), "\(all)")

        let bo = try cli(["annotate", "--annotator", "bo", "--doc", "n1"], stdin: Self.boSession)
        #expect(bo.stdout.split(separator: "\n").filter { $0.contains("marked done") } == [
            "n1 marked done: 1 claim reviewed", "n2 marked done: 2 claims reviewed", "n3 marked done: 1 claim reviewed",
        ])

        // On the new documents only (bo's gold): the rules find the "said" claim, the model also the three "radioed" ones.
        #expect(Self.figures(try cli(["score", "--run", "rules", "--annotator", "bo"]).stdout) == [
            "claim           P 1.000 (1/1)  R 0.250 (1/4)   F1 0.400",
            "attribution     P 1.000 (1/1)  R 0.250 (1/4)   F1 0.400",
        ])
        #expect(Self.figures(try cli(["score", "--run", "harbour", "--annotator", "bo"]).stdout) == [
            "claim           P 1.000 (4/4)    R 1.000 (4/4)    F1 1.000",
            "attribution     P 1.000 (4/4)    R 1.000 (4/4)    F1 1.000",
        ])
        // Against everyone's gold, the model's run is scored without the five documents it learned
        // from (ana's): on bo's three, as above; --include-trained scores all eight.
        let everyone = try cli(["score", "--run", "harbour"]).stdout
        #expect(everyone.contains("\nleft out (model \"harbour\" learned from them): 5 documents; `claimdesk score --include-trained` scores them too\n"), "\(everyone)")
        #expect(Self.figures(everyone) == [
            "claim           P 1.000 (4/4)    R 1.000 (4/4)    F1 1.000",
            "attribution     P 1.000 (4/4)    R 1.000 (4/4)    F1 1.000",
        ])
        let trainedToo = try cli(["score", "--run", "harbour", "--include-trained"]).stdout
        #expect(!trainedToo.contains("left out") && trainedToo.contains("\n8 documents, match overlap\n"), "\(trainedToo)")
        #expect(trainedToo.contains("\nnote: 5 gold documents scored are ones model \"harbour\" learned from (the figures flatter it)\n"), "\(trainedToo)")
        // The HTML report scores the same documents and says why five are missing.
        #expect(try cli(["report", "--run", "harbour", "--out", scratch.path("r.html")]).stdout
            == "wrote the report on run \"harbour\" (3 documents) to \(scratch.path("r.html"))\n")
        let page = try String(contentsOfFile: scratch.path("r.html"), encoding: .utf8)
        #expect(page.contains("left out (model &quot;harbour&quot; learned from them): 5 documents"))
        #expect(try cli(["report", "--run", "harbour", "--out", scratch.path("r.html"), "--include-trained"]).stdout
            == "wrote the report on run \"harbour\" (8 documents) to \(scratch.path("r.html"))\n")
        guard case let .array(models)? = JSONValue(parsing: try cli(["models", "--format", "json"]).stdout),
              case let .array(learned)? = models.first?["provenance"]?["training_documents"] else {
            Issue.record("no training_documents in the provenance")
            return
        }
        #expect(learned.compactMap(\.stringValue) == ["t1", "t2", "t3", "t4", "t5"])

        let compare = try cli(["compare", "--run", "rules", "--run", "harbour", "--annotator", "bo"]).stdout
        let digest = try #require(try cli(["runs"]).stdout.split(separator: "\n").last?.split(separator: " ", omittingEmptySubsequences: true)[3])
        #expect(compare.split(separator: "\n").prefix(2) == [
            "compare run \"rules\" (A) with run \"harbour\" (B) against the analysts' gold, overlap matching, 3 documents",
            "A made by rules 0.4.11, B made by model \"harbour\" (\(digest))",
        ])

        // Retrained under the same name on more gold, the model that made run "harbour" is gone:
        // what it learned from is no longer known, and score says so rather than guess.
        _ = try cli(["train", "--model", "harbour", "--gold", "--replace"])
        let unknown = try cli(["score", "--run", "harbour"]).stdout
        #expect(unknown.contains("\nnote: the documents model \"harbour\" learned from are not recorded (replaced or removed since, "
            + "or trained before ClaimDesk listed them): the gold may include some, which flatters it\n"), "\(unknown)")
    }
}
