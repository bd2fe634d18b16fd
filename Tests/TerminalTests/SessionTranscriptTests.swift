import ClaimModel
import ClaimStore
import Foundation
import Testing
@testable import Terminal
@testable import Workbench

@Suite struct SessionTranscriptTests {
    @Test func reviewSessionTranscript() throws {
        let fixture = try REPLFixture()
        let text = try fixture.transcript([
            "list", "confirm", "cue \"told Reuters\"", "c", "", "reject not a claim", "undo", "redo",
            "done", "n", "confidence high", "tag hedge", "note see the \"Gazette\" archive", "c",
            "done", "progress", "undo", "progress", "q",
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
        claimdesk> list
        storm: 4 claims
        >  1 #1      -          "The mayor" · "said" · "the bridge is closed"
           2 #2      -          "Officials" · "told" · "that repairs will take weeks"
           3 #3      -          "the mayor" · "added" · ""We are ready,""
           4 #4      -          - · "It is believed" · "the damage is severe"
        claimdesk> confirm
        confirmed #1
        storm · Storm hits coast
        claim 2/4 · doc 1/1 · 1 reviewed · #2
          [[src: Officials]] [[cue: told]] Reuters [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      officials
          extractor   0.40
          verdict     - (unreviewed)
        claimdesk> cue "told Reuters"
        cue: told {+Reuters+} (65-69 → 65-77)
        storm · Storm hits coast
        claim 2/4 · doc 1/1 · 1 reviewed · #2
          [[src: Officials]] [[cue: told Reuters]] [[con: that repairs will take weeks]].
          outlet      Reuters
          type        anonymous
          anonymous   yes
          entity      officials
          extractor   0.40
          verdict     - (unreviewed)
          corrected   cue
        claimdesk> c
        corrected #2
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 2 reviewed · #3
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> 
        claimdesk> reject not a claim
        rejected #3
        storm · Storm hits coast
        claim 4/4 · doc 1/1 · 3 reviewed · #4
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     - (unreviewed)
        claimdesk> undo
        undone: reject of #3
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 2 reviewed · #3
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     - (unreviewed)
        claimdesk> redo
        redone: reject of #3
        storm · Storm hits coast
        claim 3/4 · doc 1/1 · 3 reviewed · #3
          [[con: "We are ready,"]] [[src: the mayor]] [[cue: added]].
          outlet      -
          type        named_person
          anonymous   no
          entity      mayor (also #1 "The mayor")
          extractor   0.70
          verdict     rejected
          note        not a claim
        claimdesk> done
        error: not done: 1 claim of this document has no verdict from you yet (first: #4); nothing changed
        claimdesk> n
        storm · Storm hits coast
        claim 4/4 · doc 1/1 · 3 reviewed · #4
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     - (unreviewed)
        claimdesk> confidence high
        your confidence in #4: high
        claimdesk> tag hedge
        tags of #4: hedge
        claimdesk> note see the "Gazette" archive
        note added to #4
        claimdesk> c
        confirmed #4
        every claim in your queue has your verdict; `done` marks this document reviewed
        claimdesk> done
        storm marked done: 4 claims reviewed
        every claim in your queue has your verdict
        claimdesk> progress
        4 of 4 claims in run "rules" reviewed by ana (100.0%)
        this document: 4/4 claims reviewed, marked done
        documents marked done: 1/1
        pace: - (verdicts under a second apart: a replayed or scripted session)
        filter: none
        claimdesk> undo
        undone: done of this document
        storm · Storm hits coast
        claim 4/4 · doc 1/1 · 4 reviewed · #4
          [[cue: It is believed]] [[con: the damage is severe]].
          source      none (sourceless)
          outlet      -
          type        implicit
          anonymous   -
          entity      -
          extractor   0.30
          verdict     confirmed
          confidence  high
          tags        hedge
          note        see the "Gazette" archive
        claimdesk> progress
        4 of 4 claims in run "rules" reviewed by ana (100.0%)
        this document: 4/4 claims reviewed
        documents marked done: 0/1
        pace: - (verdicts under a second apart: a replayed or scripted session)
        filter: none
        claimdesk> q
        bye: every action is saved
        """#
        #expect(text == expected + "\n")
    }
}
