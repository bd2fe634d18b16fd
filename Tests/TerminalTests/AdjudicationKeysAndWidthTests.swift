import ClaimModel
import ClaimStore
import Testing
import TestSupport
@testable import Terminal

/// `adjudicate` has `annotate`'s single-key mode (the same preference, the same letters for the
/// same verbs) and wraps its card to the width: the annotators' table while it fits, one block per
/// annotator when it does not.
@Suite struct AdjudicationKeysAndWidthTests {
    @Test func everyKeyNamesAnAdjudicationVerbAndTheLegendFits() {
        let keys = KeyMap.adjudication.keys
        #expect(keys.map(\.key) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "c", "x", "r", "s", "u", "n", "p", "?", "→", "←"])
        #expect(keys.prefix(9).map(\.line) == (1...9).map { "pick \($0)" })
        for key in keys.dropFirst(9) {
            #expect(AdjudicationVerb.named(key.line)?.name == key.line, "key \(key.key) runs \(key.line), which is no verb")
            // The same key runs the same verb in annotate.
            #expect(KeyMap.review.line(for: key.key) == key.line)
        }
        #expect(Set(keys.map(\.key)).count == keys.count)
        #expect(KeyMap.adjudication.legend == "[1-9]pick [c]onfirm [x]reject [s]kip [u]ndo [n]ext [?]help · space to type")
        #expect(KeyMap.adjudication.legend.count <= 80)
        #expect(AdjudicationSession.help(.keys) == """
            usage: keys [on|off]
            single-key mode: at an empty prompt one key acts at once (c confirms…)
            Remembered for you. Typed verbs still work: a space first, then the verb (the keys act only on an empty line).
            On a terminal the keys are shown above the prompt; under a pipe lines are read as usual.
            The keys:
              1  pick 1
              2  pick 2
              3  pick 3
              4  pick 4
              5  pick 5
              6  pick 6
              7  pick 7
              8  pick 8
              9  pick 9
              c  confirm
              x  reject
              r  reject
              s  skip
              u  undo
              n  next
              p  prev
              ?  help
              →  next
              ←  prev
            """)
    }

    /// What the keys 1…9 send: a number that names no annotator is the card's row.
    @Test func pickByRowNumber() throws {
        let f = try AdjudicationFixture()
        let start = try f.lastEntryID()
        let t = try f.transcript(["pick 3", "pick 0", "pick 2", "q"])
        #expect(t.text.contains("""
            claimdesk> pick 3
            error: pick: "3" did not mark this document done; pick one of ana, bo; nothing changed
            claimdesk> pick 0
            error: pick: "0" did not mark this document done; pick one of ana, bo; nothing changed
            claimdesk> pick 2
            picked bo's view of #2: confirmed
            """))
        #expect(try f.entries(after: start) == [#"cy confirm #2 {"picked":"bo","adjudication":true}"#])
    }

    @Test func keysIsTheAnalystsOnePreferenceInBothREPLs() throws {
        let f = try AdjudicationFixture()
        #expect(try f.session().keyMap == nil)
        let t = try f.transcript(["keys", "keys on", "keys", "keys maybe", "q"])
        #expect(t.text.contains("""
            claimdesk> keys
            single keys: off (`keys on` makes one key act at an empty prompt)
            claimdesk> keys on
            single keys on: a key acts at an empty prompt (`help keys` lists them)
            claimdesk> keys
            single keys: on (`help keys` lists them)
            claimdesk> keys maybe
            error: keys: expected on or off, not "maybe" (usage: keys [on|off])
            claimdesk> q
            """))
        #expect(try f.store.preference("keys", annotator: "cy") == "on")
        #expect(try f.session().keyMap == .adjudication)
        // The same preference: cy's review sessions open in keys mode too, and `keys off` there ends it here.
        #expect(try f.base.session("cy").singleKeys)
        _ = try f.base.transcript(["keys off"], as: "cy")
        #expect(try f.session().keyMap == nil)
        #expect(try f.session("dee").keyMap == nil)
    }

    func session(_ f: AdjudicationFixture, width: Int) throws -> AdjudicationSession {
        try AdjudicationSession(store: f.store, adjudicator: "cy", runName: nil, document: nil,
                                renderer: Renderer(style: .plain, wrapping: .columns(width)))
    }

    @Test func aNarrowCardShowsOneBlockPerAnnotatorWrappedToTheWidth() throws {
        let f = try AdjudicationFixture()
        let card = try session(f, width: 60).execute("show").text
        #expect(card == """
            storm · Storm hits coast
            disputed 1/2 · doc 1/1 · 0 adjudicated · #2
              [[src: Officials]] [[cue: told]] Reuters [[con: that
              repairs will take weeks]].
              ana: corrected
                source "Officials"; cue "told Reuters"; content "that
                repairs will take weeks"; outlet Reuters;
                type anonymous; anon yes; entity officials
              bo: confirmed
                source "Officials"; cue "told"; content "that repairs
                will take weeks"; outlet Reuters; type anonymous;
                anon yes; entity officials
              differ: cue
            """)
        #expect(card.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test func aWideEnoughCardKeepsTheTable() throws {
        let f = try AdjudicationFixture()
        let wide = try session(f, width: 160).execute("show").text
        let unwrapped = try f.session().execute("show").text
        #expect(wide == unwrapped)
        #expect(wide.contains("\n  annotator  verdict    source       cue             content"))
    }

    @Test func theFinalsRowAndAPickedNameKeepTheirPlaceInTheBlocks() throws {
        let f = try AdjudicationFixture()
        let session = try session(f, width: 70)
        let picked = session.execute("pick ana").text
        #expect(picked.hasPrefix("picked ana's view of #2: corrected (cue)\n"))
        let card = session.execute("prev").text
        // A field's name never ends a line: "entity" goes down with "officials".
        #expect(card.hasSuffix("""
              cy (final): corrected (picked ana)
                source "Officials"; cue "told Reuters"; content "that repairs will
                take weeks"; outlet Reuters; type anonymous; anon yes;
                entity officials
              differ: cue
            """))
    }

    /// Where two views differ past a cell's 32 characters, the table cannot show it; a block can.
    @Test func aBlockShowsMoreOfTheTextThanACell() throws {
        let text = "The spokesman of the regional water authority in the north said the dam holds."
        let claim = Attribution(source: Fragments.first("The spokesman of the regional water authority", in: text),
                                cue: Fragments.first("said", in: text), content: Fragments.first("the dam holds", in: text))
        let store = try TestStore([(Document(id: "dam", text: text), [claim])]).store
        for (annotator, lines) in [("ana", ["source \"The spokesman of the regional water authority in the north\"", "confirm", "done"]),
                                   ("bo", ["confirm", "done"])] {
            _ = REPL.transcript(try Session(store: store, storePath: ":memory:", annotator: annotator, runName: nil, startDocument: nil,
                                            renderer: Renderer(style: .plain)), lines: lines)
        }
        func card(_ width: Int?) throws -> String {
            let session = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil,
                                                  renderer: Renderer(style: .plain, wrapping: width.map { .columns($0) } ?? .none))
            return session.execute("show").text
        }
        #expect(try card(nil).contains("""
              ana        corrected  "The spokesman of the regional w…"  "said"  "the dam holds"  -       -     -     -       -           -
              bo         confirmed  "The spokesman of the regional w…"  "said"  "the dam holds"  -       -     -     -       -           -
            """))
        #expect(try card(72).hasSuffix("""
              ana: corrected
                source "The spokesman of the regional water authority in the north";
                cue "said"; content "the dam holds"
              bo: confirmed
                source "The spokesman of the regional water authority"; cue "said";
                content "the dam holds"
              differ: source
            """))
    }
}
