@testable import Terminal
import Testing

/// Each REPL's verbs are one table: every spelling names exactly one verb, and each entry carries
/// its usage and help.
@Suite struct VerbTableTests {
    static func clashes(_ spellings: [[String]]) -> [String] {
        var seen: [String: Int] = [:]
        for word in spellings.joined() { seen[word, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    @Test func everySpellingOfTheReviewREPLNamesOneVerb() {
        #expect(Verb.allCases.count == 36)
        #expect(Self.clashes(Verb.allCases.map(\.spellings)) == [])
        for verb in Verb.allCases {
            #expect(Verb.named(verb.name) == verb)
            #expect(verb.usage.hasPrefix(verb.name))
            #expect(!verb.summary.isEmpty)
        }
    }

    @Test func everySpellingOfTheAdjudicationREPLNamesOneVerb() {
        #expect(AdjudicationVerb.allCases.count == 21)
        #expect(Self.clashes(AdjudicationVerb.allCases.map(\.spellings)) == [])
        for verb in AdjudicationVerb.allCases {
            #expect(AdjudicationVerb.named(verb.name) == verb)
            #expect(verb.usage.hasPrefix(verb.name))
        }
    }

    /// The verbs that write the final read their arguments as `annotate` does.
    @Test func theWritingVerbsAreSharedWithTheReviewREPL() {
        let writing = AdjudicationVerb.allCases.filter { Verb.named($0.name)?.edit != nil }.map(\.name)
        #expect(writing == ["confirm", "reject", "source", "cue", "content", "outlet", "type", "anon", "entity"])
        #expect(AdjudicationVerb.type.aliases == [] && AdjudicationVerb.confirm.aliases == ["c"])
    }

    /// The `help` listings as the verb tables had them before they became entries (derived from
    /// the old switches, not from this code).
    @Test func theHelpListingsAreUnchanged() {
        #expect(Session.help(nil) == """
            verbs (aliases in brackets):
              next [n]          the next claim in the queue
              prev [p]          the previous claim in the queue
              show              the current claim again, or claim ID (without moving); --all adds everyone's verdicts
              goto              move to claim ID (the # number), or to the first claim of document DOC_ID
              list              this document's claims, one line each, with your verdicts
              context           the sentences around the claim
              doc               the whole document, every claim's source, cue and content marked
              confirm [c]       the claim is right (corrected, if you changed it); moves to the next unreviewed claim
              reject [r]        not an attribution (the extractor's false positive); moves to the next unreviewed claim
              skip              leave this claim without a verdict for now; moves to the next unreviewed claim
              source            correct the source: TEXT is found in the document near the claim
              cue               correct the cue (the reporting expression)
              content           correct the content (what is claimed)
              outlet            correct the outlet (the channel the source spoke to or through)
              type              correct the source type
              anon              correct whether the source is anonymous
              entity            correct the source entity (same value = same real-world source in this document)
              confidence        how sure you are of your verdict
              tag               tag the claim
              untag             remove tags from the claim (TAB offers the claim's tags)
              note              attach a note to the claim
              add               add a claim the extractor missed (texts found near the current claim)
              undo [u]          undo your last action (works after a restart too)
              redo              redo what undo undid
              done              this document is fully reviewed: every claim judged, every missed one added
              filter            narrow the queue; no EXPR shows the filter, off clears it
              progress          how much of the run you have reviewed, and your pace
              score             the extractor scored against your documents marked done
              keys              single-key mode: at an empty prompt one key acts at once (c confirms…)
              help [?]          the verbs, or one verb in detail
              quit [q, exit]    leave (every action is already saved)
              accept-above      confirm at once every claim you have not judged at or above extractor confidence T
              order             the order of the queue; no argument shows it
              trail             the current claim's trail: the documents that carry it, by date, crediting whom, with which words
              same              the current claim and claim ID are the same claim (a link verdict, logged and undoable)
              different         the current claim and claim ID are not the same claim (a link verdict)
            quote texts with spaces: source "the Shura Council"; `help VERB` for details
            """)
        #expect(AdjudicationSession.help(nil) == """
            verbs (aliases in brackets):
              pick              take annotator NAME's view as the final (their verdict and fields); moves on
              confirm [c]       the final: the claim as you have it now is right; moves on
              reject [r]        the final: not an attribution; moves on
              source            write the final's source: TEXT is found in the document near the claim
              cue               write the final's cue
              content           write the final's content
              outlet            write the final's outlet
              type              write the final's source type
              anon              write whether the final's source is anonymous
              entity            write the final's source entity
              next [n]          the next disputed claim
              prev [p]          the previous disputed claim
              skip              leave this claim undecided; the next one awaiting adjudication
              goto              move to disputed claim ID, or to the first disputed claim of document DOC_ID
              show              the current claim again, or disputed claim ID (without moving)
              undo [u]          undo your last adjudication (a pick as a whole)
              redo              redo the adjudication undo took back (a pick as a whole)
              progress          how many disputed claims are adjudicated, and which documents are still left out
              keys              single-key mode: at an empty prompt one key acts at once (c confirms…)
              help [?]          the verbs, or one verb in detail
              quit [q, exit]    leave (every adjudication is already saved)
            pick NAME takes an annotator's view; or correct the fields and confirm/reject to write the final
            """)
    }
}
