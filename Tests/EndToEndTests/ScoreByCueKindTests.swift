import Foundation
import Testing

/// `score --by cue-kind` through the real executable: the rules lexicon tells each gold cue's kind.
@Suite struct ScoreByCueKindTests {
    @Test("a speech verb, \"according to\" and a cue the rules do not know land in their own groups")
    func groupsByTheRulesLexicon() throws {
        let scratch = try Scratch()
        let db = scratch.path("store.sqlite")
        let text = "Ana Ruiz said the pier is flooded. Tom Becker radioed that the ferry is late. "
            + "According to the council, the bridge is shut."
        // said [9,13], radioed [46,53], According [78,87]; sources and contents around them.
        let gold = #"{"doc_id":"k1","text":"\#(text)","attributions":["#
            + #"{"source":[0,8],"cue":[9,13],"content":[14,33]},"#
            + #"{"source":[35,45],"cue":[46,53],"content":[59,76]},"#
            + #"{"source":[91,102],"cue":[78,90],"content":[104,122]}]}"# + "\n"
        let file = try scratch.write("gold.jsonl", gold)
        for arguments in [["import-claims", "--run", "gold", file], ["ingest", file], ["extract"]] {
            let out = try CLI.run(["--db", db] + arguments)
            #expect(out.status == 0, "\(arguments): \(out.stderr)")
        }
        let out = try CLI.run(["--db", db, "score", "--run", "rules", "--against", "gold", "--by", "cue-kind"])
        #expect(out.status == 0, "\(out.stderr)")
        let section = out.stdout.components(separatedBy: "by cue-kind\n").last?.components(separatedBy: "\n\n").first
        #expect(section == """
              according to  claim        P 1.000 (1/1)  R 1.000 (1/1)  F1 1.000
                            attribution  P 1.000 (1/1)  R 1.000 (1/1)  F1 1.000
              other         claim        P 0.000 (0/0)  R 0.000 (0/1)  F1 0.000
                            attribution  P 0.000 (0/0)  R 0.000 (0/1)  F1 0.000
              speech        claim        P 1.000 (1/1)  R 1.000 (1/1)  F1 1.000
                            attribution  P 1.000 (1/1)  R 1.000 (1/1)  F1 1.000
            """)
    }
}
