import Foundation
import Testing

/// `adjudicate --run M` after the analysts' loop (two analysts disagree on the rules' run, an
/// adjudicator settles it, `train --gold`, `extract --model`, the model's run reviewed), through the
/// real binary. What the adjudicator meets in the model's run:
/// - the analysts' own loop brings no settled document into it: `annotate` left the document out
///   of their queues, so nobody marked it done there and its gold stands where it was settled;
/// - analysts who bring the document back and mark it done again move its gold to the model's run
///   (the run most of its marks are in): their disputes there are new and keep it out of the gold
///   until adjudicated, so the walk holds them;
/// - other analysts who review the model's run without moving the gold (as many marks there as in
///   the older run: the older one wins) dispute claims whose document's gold stands elsewhere: the
///   walk leaves those documents out, says so, and `goto`, `--doc` or `--include-settled` brings them in.
@Suite(.serialized) struct ModelRunAdjudicationTests {
    /// Three short reports written for this test: each has a "said" claim and a second one.
    static let texts: [(String, String)] = [
        ("d1", "The mayor said that the bridge would reopen in May. Residents told reporters that the detour added an hour to their commute.\n"),
        ("d2", "The council said that the budget would be cut by a tenth. A union leader said that workers would strike in June.\n"),
        ("d3", "The ferry operator said that sailings would resume on Monday. Passengers told the radio station that the queues were long.\n"),
    ]

    /// A store where ana and bo marked d1 done in run "rules", differing on its second claim (#2),
    /// cy settled it (picked bo), and model "m1" trained on that gold made run "m1" (#7–#12).
    struct Loop {
        let scratch: Scratch
        let db: String

        init() throws {
            scratch = try Scratch()
            db = scratch.path("store.sqlite")
            var files: [String] = []
            for (name, text) in ModelRunAdjudicationTests.texts { files.append(try scratch.write("\(name).txt", text)) }
            try cli(["ingest"] + files)
            try cli(["extract"])
            try review("ana", run: "rules", doc: "d1", ["c", "r"])
            try review("bo", run: "rules", doc: "d1", ["c", "c"])
            #expect(try cli(["adjudicate", "--annotator", "cy", "--run", "rules"], stdin: "pick bo\nq\n").stdout == """
                adjudicating run "rules" as cy · 1 disputed claim in 1 document · 1 unanimous claim accepted without a stop · `help` lists the verbs
                d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
                disputed 1/1 · doc 1/1 · 0 adjudicated · #2
                  [[src: Residents]] [[cue: told]] reporters [[con: that the detour added an hour to their commute]].
                  annotator  verdict    source       cue     content                             outlet  type       anon  entity     confidence  note
                  ana        rejected   "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
                  bo         confirmed  "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
                  differ: verdict
                claimdesk> pick bo
                picked bo's view of #2: confirmed
                every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run rules`)
                claimdesk> q
                bye: every adjudication is saved

                """)
            try cli(["train", "--model", "m1", "--gold", "--base", "rules"])
            // The rest of the line is the time taken.
            #expect(try cli(["extract", "--model", "m1"]).stdout.hasPrefix("run \"m1\": 6 claims in 3 documents ("))
        }

        /// The command on the store, 400 columns wide (no reply wraps).
        @discardableResult
        func cli(_ arguments: [String], stdin: String? = nil, status: Int32 = 0) throws -> CLI.Output {
            let out = try CLI.run(["--db", db] + arguments, stdin: stdin, environment: ["COLUMNS": "400"])
            if out.status != status { throw CLI.Failure(status: out.status, stderr: out.stdout + out.stderr) }
            return out
        }

        /// `name` reviews document `doc` in `run`: brings it up, gives `verdicts` to its claims in
        /// order, and marks it done.
        @discardableResult
        func review(_ name: String, run: String, doc: String, _ verdicts: [String]) throws -> CLI.Output {
            try cli(["annotate", "--annotator", name, "--run", run],
                    stdin: (["goto \(doc)"] + verdicts + ["goto \(doc)", "done", "q"]).joined(separator: "\n") + "\n")
        }

        /// The lines of `text` that start with `prefix`.
        static func lines(_ text: String, _ prefix: String) -> [String] {
            text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map(String.init)
        }

        /// `score --run rules`'s line saying how much gold there is, and the one after it.
        func gold() throws -> [String] {
            Array(try cli(["score", "--run", "rules"]).stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix(2).map(String.init))
        }
    }

    @Test func theAnalystsOwnLoopBringsNoSettledDocumentIntoTheModelRunsWalk() throws {
        let loop = try Loop()
        // Both review the model's run as `annotate` offers it: d1, which they marked done in
        // "rules", is left out of their queues; they differ on d2's second claim (#10).
        for (name, second) in [("ana", "r"), ("bo", "c")] {
            let review = try loop.cli(["annotate", "--annotator", name, "--run", "m1"],
                                      stdin: "c\n\(second)\ngoto d2\ndone\nc\nc\ngoto d3\ndone\nq\n").stdout
            #expect(Loop.lines(review, "left out:") == [
                "left out: 1 document you marked done while reviewing run \"rules\" (its gold stands); `goto DOC_ID` brings one back, `claimdesk annotate --include-done` all",
            ])
            #expect(review.split(separator: "\n").filter { $0.contains("marked done:") } == ["d2 marked done: 2 claims reviewed", "d3 marked done: 2 claims reviewed"])
        }
        // The walk holds the new dispute only; d1 is not in it (nobody marked it done in "m1").
        let walk = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "progress\ngoto d1\nq\n", status: 1)
        #expect(walk.stdout == """
            adjudicating run "m1" as cy · 1 disputed claim in 1 document · 3 unanimous claims accepted without a stop · `help` lists the verbs
            d2 · The council said that the budget would be cut by a tenth. A union leader said that worker…
            disputed 1/1 · doc 1/1 · 0 adjudicated · #10
              [[src: A union leader]] [[cue: said]] [[con: that workers would strike in June]].
              annotator  verdict    source            cue     content                             outlet  type       anon  entity  confidence  note
              ana        rejected   "A union leader"  "said"  "that workers would strike in Ju…"  -       anonymous  yes   leader  -           -
              bo         confirmed  "A union leader"  "said"  "that workers would strike in Ju…"  -       anonymous  yes   leader  -           -
              differ: verdict
            claimdesk> progress
            adjudicated 0 of 1 disputed claim in run "m1" (0.0%)
            unanimous claims accepted without a stop: 3
            documents marked done by two or more annotators: 2; left out of the gold until adjudicated: d2
            claimdesk> goto d1
            error: no document "d1" among the documents two or more annotators marked done
            claimdesk> q
            bye: every adjudication is saved

            """)
        // d1's gold stands (from "rules", with cy's adjudication); only d2 waits.
        #expect(try loop.gold() == [
            "gold: 2/3 documents done, 6/6 claims in them reviewed",
            "left out (annotators disagree, nothing adjudicated): d2; `claimdesk adjudicate` settles them",
        ])

        // Brought back (`--doc d1`) and marked done again by both, d1 takes its gold from their
        // verdicts in "m1": differing again, on the model's copy of the claim (#8), it leaves the
        // gold, and the walk holds that dispute too, since only an adjudication in "m1" settles it.
        try loop.cli(["annotate", "--annotator", "ana", "--run", "m1", "--doc", "d1"], stdin: "c\nr\ngoto d1\ndone\nq\n")
        let bo = try loop.cli(["annotate", "--annotator", "bo", "--run", "m1", "--doc", "d1"], stdin: "c\nc\ngoto d1\ndone\nq\n").stdout
        #expect(Loop.lines(bo, "d1 marked done:") == [
            "d1 marked done: 2 claims reviewed; your gold for it now comes from your verdicts in run \"m1\", no longer from run \"rules\"",
        ])
        #expect(try loop.gold() == [
            "gold: 1/3 documents done, 6/6 claims in them reviewed",
            "left out (annotators disagree, nothing adjudicated): d1, d2; `claimdesk adjudicate` settles them",
        ])
        let again = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "pick bo\npick bo\nq\n").stdout
        #expect(again == """
            adjudicating run "m1" as cy · 2 disputed claims in 2 documents · 4 unanimous claims accepted without a stop · `help` lists the verbs
            d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
            disputed 1/2 · doc 1/2 · 0 adjudicated · #8
              [[src: Residents]] [[cue: told]] reporters [[con: that the detour added an hour to their commute]].
              annotator  verdict    source       cue     content                             outlet  type       anon  entity     confidence  note
              ana        rejected   "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              bo         confirmed  "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              differ: verdict
            claimdesk> pick bo
            picked bo's view of #8: confirmed
            d2 · The council said that the budget would be cut by a tenth. A union leader said that worker…
            disputed 2/2 · doc 2/2 · 1 adjudicated · #10
              [[src: A union leader]] [[cue: said]] [[con: that workers would strike in June]].
              annotator  verdict    source            cue     content                             outlet  type       anon  entity  confidence  note
              ana        rejected   "A union leader"  "said"  "that workers would strike in Ju…"  -       anonymous  yes   leader  -           -
              bo         confirmed  "A union leader"  "said"  "that workers would strike in Ju…"  -       anonymous  yes   leader  -           -
              differ: verdict
            claimdesk> pick bo
            picked bo's view of #10: confirmed
            every disputed claim is adjudicated: their documents now enter the gold (`claimdesk score --run m1`)
            claimdesk> q
            bye: every adjudication is saved

            """)
        #expect(try loop.gold().first == "gold: 3/3 documents done, 6/6 claims in them reviewed")
    }

    @Test func aDocumentWhoseGoldComesFromAnotherRunIsLeftOutOfTheWalk() throws {
        let loop = try Loop()
        // dee and eve review the model's run, d1 included (they marked nothing done elsewhere), and
        // differ on #8: two marks in "m1", two in "rules", so d1's gold still comes from "rules".
        for (name, second) in [("dee", "r"), ("eve", "c")] {
            let review = try loop.review(name, run: "m1", doc: "d1", ["c", second]).stdout
            #expect(Loop.lines(review, "d1 marked done:") == [
                "d1 marked done: 2 claims reviewed; its gold comes from run \"rules\" (most of its annotators marked it done there; ties: the older run), without your verdicts",
            ])
        }
        let before = try loop.gold()
        #expect(before == ["gold: 1/3 documents done, 2/2 claims in them reviewed", ""])
        let note = "left out: 1 document whose gold comes from run \"rules\" (most of its annotators marked it done there; ties: the older run): "
            + "adjudicating it here changes no gold; `goto DOC_ID` brings one back, `claimdesk adjudicate --run m1 --include-settled` all"
        let card = """
            d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
            disputed 1/1 · doc 1/1 · 0 adjudicated · #8
              [[src: Residents]] [[cue: told]] reporters [[con: that the detour added an hour to their commute]].
              annotator  verdict    source       cue     content                             outlet  type       anon  entity     confidence  note
              dee        rejected   "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              eve        confirmed  "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              differ: verdict
            """
        let back = "back in the walk: \"d1\" takes its gold from run \"rules\" (most of its annotators marked it done there; ties: the older run), "
            + "not from what you adjudicate here"
        let walk = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"],
                                stdin: "goto #7\nprogress\nshow #7\nshow #8\ngoto d1\nprogress\npick eve\nq\n", status: 1)
        // `goto #7`, the claim dee and eve agree on, is refused and leaves the walk as it was
        // (`progress` after it: nothing brought back); `show #7` says the same.
        #expect(walk.stdout == """
            adjudicating run "m1" as cy · `help` lists the verbs
            nothing to adjudicate here; \(note)
            claimdesk> goto #7
            error: claim #7 is not disputed: its annotators agree, so there is nothing to adjudicate
            claimdesk> progress
            adjudicated 0 of 0 disputed claims in run "m1" (100.0%)
            unanimous claims accepted without a stop: 0
            documents marked done by two or more annotators: 1; none left out of the gold for a dispute
            \(note)
            claimdesk> show #7
            error: claim #7 is not disputed: its annotators agree, so there is nothing to adjudicate
            claimdesk> show #8
            error: claim #8 is in document "d1", left out of the walk (its gold comes from another run): goto #8 brings it back
            claimdesk> goto d1
            \(back)
            \(card)
            claimdesk> progress
            adjudicated 0 of 1 disputed claim in run "m1" (0.0%)
            unanimous claims accepted without a stop: 1
            documents marked done by two or more annotators: 1; none left out of the gold for a dispute
            in the walk though their gold comes from another run: d1
            claimdesk> pick eve
            picked eve's view of #8: confirmed
            every disputed claim is adjudicated; the gold of d1 still comes from another run
            claimdesk> q
            bye: every adjudication is saved

            """)
        // The adjudication changed no gold: d1's still comes from "rules".
        #expect(try loop.gold() == before)
        // `adjudicate` on "rules" does not point at it either.
        #expect(try loop.cli(["adjudicate", "--annotator", "cy"], stdin: "").stdout == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: the annotators agree on every claim of 1 document (1 unanimous, 1 adjudicated before)

            """)

        // --include-settled keeps it (and `undo` takes back the pick); --doc walks it with a note.
        let kept = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1", "--include-settled"], stdin: "undo\nq\n").stdout
        #expect(kept == """
            adjudicating run "m1" as cy · `help` lists the verbs
            nothing to adjudicate: the annotators agree on every claim of 1 document (1 unanimous, 1 adjudicated before)
            --include-settled: 1 document whose gold comes from another run stays in the walk
            claimdesk> undo
            undone: pick of eve's view of #8 (1 entry)
            \(card)
            claimdesk> q
            bye: every adjudication is saved

            """)
        let one = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1", "--doc", "d1"], stdin: "q\n").stdout
        #expect(one == """
            adjudicating run "m1" as cy · 1 disputed claim in 1 document · 1 unanimous claim accepted without a stop · `help` lists the verbs
            note: document "d1" takes its gold from run "rules" (most of its annotators marked it done there; ties: the older run), not from what you adjudicate here
            \(card)
            claimdesk> q
            bye: every adjudication is saved

            """)
        // `goto #ID` brings the document back too.
        let byClaim = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "goto #8\nq\n").stdout
        #expect(byClaim == """
            adjudicating run "m1" as cy · `help` lists the verbs
            nothing to adjudicate here; \(note)
            claimdesk> goto #8
            \(back)
            \(card)
            claimdesk> q
            bye: every adjudication is saved

            """)
    }

    @Test func undoAndRedoInALeftOutDocumentBringItBackAndSaySo() throws {
        let loop = try Loop()
        // dee and eve differ on both of d1's claims in "m1" (#7, #8); its gold still comes from "rules".
        for (name, verdict) in [("dee", "r"), ("eve", "c")] {
            try loop.review(name, run: "m1", doc: "d1", [verdict, verdict])
        }
        // cy brings d1 back and takes eve's view of #7 only: #8 still awaits adjudication, so the
        // next walk leaves d1 out again.
        try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "goto d1\npick eve\nq\n")
        let opening = """
            adjudicating run "m1" as cy · `help` lists the verbs
            nothing to adjudicate here; left out: 1 document whose gold comes from run "rules" (most of its annotators marked it done there; ties: the older run): \
            adjudicating it here changes no gold; `goto DOC_ID` brings one back, `claimdesk adjudicate --run m1 --include-settled` all
            """
        let back = "back in the walk: \"d1\" takes its gold from run \"rules\" (most of its annotators marked it done there; ties: the older run), "
            + "not from what you adjudicate here"
        let mayor = """
            d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
            disputed 1/2 · doc 1/1 · 0 adjudicated · #7
              [[src: The mayor]] [[cue: said]] [[con: that the bridge would reopen in May]].
              annotator  verdict    source       cue     content                             outlet  type          anon  entity  confidence  note
              dee        rejected   "The mayor"  "said"  "that the bridge would reopen in…"  -       named_person  no    mayor   -           -
              eve        confirmed  "The mayor"  "said"  "that the bridge would reopen in…"  -       named_person  no    mayor   -           -
              differ: verdict
            """
        // `undo` takes back the pick and brings d1 back, saying so, with both disputes in the walk.
        let undone = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "undo\nprogress\nq\n").stdout
        #expect(undone == """
            \(opening)
            claimdesk> undo
            \(back)
            undone: pick of eve's view of #7 (1 entry)
            \(mayor)
            claimdesk> progress
            adjudicated 0 of 2 disputed claims in run "m1" (0.0%)
            unanimous claims accepted without a stop: 0
            documents marked done by two or more annotators: 1; none left out of the gold for a dispute
            in the walk though their gold comes from another run: d1
            claimdesk> q
            bye: every adjudication is saved

            """)
        // Left out again in the next walk; `redo` restores the pick and brings it back the same way.
        let redone = try loop.cli(["adjudicate", "--annotator", "cy", "--run", "m1"], stdin: "redo\nprogress\nnext\nq\n").stdout
        #expect(redone == """
            \(opening)
            claimdesk> redo
            \(back)
            redone: pick of eve's view of #7 (1 entry)
            d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
            disputed 1/2 · doc 1/1 · 1 adjudicated · #7
              [[src: The mayor]] [[cue: said]] [[con: that the bridge would reopen in May]].
              annotator   verdict                 source       cue     content                             outlet  type          anon  entity  confidence  note
              dee         rejected                "The mayor"  "said"  "that the bridge would reopen in…"  -       named_person  no    mayor   -           -
              eve         confirmed               "The mayor"  "said"  "that the bridge would reopen in…"  -       named_person  no    mayor   -           -
              cy (final)  confirmed (picked eve)  "The mayor"  "said"  "that the bridge would reopen in…"  -       named_person  no    mayor   -           -
              differ: verdict
            claimdesk> progress
            adjudicated 1 of 2 disputed claims in run "m1" (50.0%)
            unanimous claims accepted without a stop: 0
            documents marked done by two or more annotators: 1; none left out of the gold for a dispute
            in the walk though their gold comes from another run: d1
            claimdesk> next
            d1 · The mayor said that the bridge would reopen in May. Residents told reporters that the det…
            disputed 2/2 · doc 1/1 · 1 adjudicated · #8
              [[src: Residents]] [[cue: told]] reporters [[con: that the detour added an hour to their commute]].
              annotator  verdict    source       cue     content                             outlet  type       anon  entity     confidence  note
              dee        rejected   "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              eve        confirmed  "Residents"  "told"  "that the detour added an hour t…"  -       anonymous  yes   residents  -           -
              differ: verdict
            claimdesk> q
            bye: every adjudication is saved

            """)
    }

    @Test func theFirstScreenSaysWhereTheDisputesAreApartFromTheLeftOutNote() throws {
        let loop = try Loop()
        // ana and bo differ on d2's second claim in "rules" (#4); dee, eve and fay review d2 in
        // "m1" (three marks there, two in "rules": its gold moves to "m1") and differ on #10.
        for (name, second) in [("ana", "r"), ("bo", "c")] {
            try loop.review(name, run: "rules", doc: "d2", ["c", second])
        }
        for (name, second) in [("dee", "r"), ("eve", "c"), ("fay", "c")] {
            try loop.review(name, run: "m1", doc: "d2", ["c", second])
        }
        // "rules" has nothing to adjudicate: d1 is settled, d2 left out; the pointer to "m1" ends
        // the first sentence, the note on d2 is a line of its own.
        #expect(try loop.cli(["adjudicate", "--annotator", "cy"], stdin: "").stdout == """
            adjudicating run "rules" as cy · `help` lists the verbs
            nothing to adjudicate: the annotators agree on every claim of 1 document (1 unanimous, 1 adjudicated before); run "m1" has 1 disputed claim: `claimdesk adjudicate --run m1`
            left out: 1 document whose gold comes from run "m1" (most of its annotators marked it done there; ties: the older run): \
            adjudicating it here changes no gold; `goto DOC_ID` brings one back, `claimdesk adjudicate --run rules --include-settled` all

            """)
    }
}
