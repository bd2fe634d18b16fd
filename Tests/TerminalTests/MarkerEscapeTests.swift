import ClaimModel
import Foundation
import Testing
import TestSupport
@testable import Terminal

/// `doc` without colours: the document's own `[[` and `]]` are written `\[[` and `\]]`, so that
/// every unescaped `[[`/`]]` on the screen is a role marker (`MarkerBoundaryTests`: lone brackets
/// and backslashes touching a marker).
@Suite struct MarkerEscapeTests {
    static let text = "Ana said the [[draft]] is final. See ]] and [[ here."

    static var claims: [Attribution] {
        [Attribution(source: DocumentScreenTests.span("Ana", in: text), cue: DocumentScreenTests.span("said", in: text),
                     content: DocumentScreenTests.span("the [[draft]] is final", in: text), confidence: 0.9)]
    }

    @Test func literalDoubleBracketsAreEscapedInThePlainRendering() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200)
        let body = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(body == #"[[>src#1: Ana]] [[>cue#1: said]] [[>content#1: the \[[draft\]] is final]]. See \]] and \[[ here."#)
        // Undoing the escapes of the text between markers gives the document's text back.
        var unmarked = String(body)
        for marker in ["[[>src#1: ", "[[>cue#1: ", "[[>content#1: "] { unmarked = unmarked.replacingOccurrences(of: marker, with: "") }
        unmarked = unmarked.replacingOccurrences(of: "]]", with: "\u{1}").replacingOccurrences(of: "\\\u{1}", with: "]]")
            .replacingOccurrences(of: "\u{1}", with: "").replacingOccurrences(of: "\\[[", with: "[[")
        #expect(unmarked == Self.text)
    }

    @Test func aBackslashOfTheTextBeforeDoubleBracketsStaysReadable() throws {
        let text = #"Ana said the path is C:\[[x]]."#
        let claims = [Attribution(source: DocumentScreenTests.span("Ana", in: text), cue: DocumentScreenTests.span("said", in: text),
                                  content: DocumentScreenTests.span("the path", in: text), confidence: 0.9)]
        let session = try DocumentScreenTests.session(text, claims, width: 200)
        let body = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(body == #"[[>src#1: Ana]] [[>cue#1: said]] [[>content#1: the path]] is C:\\\[[x\]]."#)
    }

    @Test func showEscapesTheDocumentsOwnBracketsAsDocDoes() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200)
        let lines = session.execute("show").text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == #"  [[src: Ana]] [[cue: said]] [[con: the \[[draft\]] is final]]."#)
    }

    @Test func contextEscapesTheHighlightedSentenceAndItsNeighbours() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200)
        #expect(session.execute("context").text == #"""
            > [[src: Ana]] [[cue: said]] [[con: the \[[draft\]] is final]].
              See \]] and \[[ here.
            """#)
    }

    @Test func showKeepsABackslashOfTheTextReadable() throws {
        let text = "Ana said the path is C:\\[[x]].\r\nNext line."
        let claims = [Attribution(source: DocumentScreenTests.span("Ana", in: text), cue: DocumentScreenTests.span("said", in: text),
                                  content: DocumentScreenTests.span("the path is C:\\[[x]].\r\nNext", in: text), confidence: 0.9)]
        let session = try DocumentScreenTests.session(text, claims, width: 200)
        let lines = session.execute("show").text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == #"  [[src: Ana]] [[cue: said]] [[con: the path is C:\\\[[x\]]. Next]] line."#)
    }

    @Test func showInColourLeavesTheBracketsAlone() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200, style: .color)
        let line = session.execute("show").text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        #expect(line.contains("the [[draft]] is final"))
        #expect(!line.contains("\\"))
    }

    @Test func theAdjudicationCardEscapesAsShowDoes() throws {
        let store = try TestStore([(Document(id: "quotes", text: Self.text, title: "Quotes"), Self.claims)]).store
        for (annotator, verdict) in [("ana", "confirm"), ("bo", "reject")] {
            _ = REPL.transcript(try Session(store: store, storePath: ":memory:", annotator: annotator, runName: nil, startDocument: nil,
                                            renderer: Renderer(style: .plain)), lines: [verdict, "done"])
        }
        let session = try AdjudicationSession(store: store, adjudicator: "cy", runName: nil, document: nil, renderer: Renderer(style: .plain))
        let card = session.execute("show").text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(card[2] == #"  [[src: Ana]] [[cue: said]] [[con: the \[[draft\]] is final]]."#)
    }

    @Test func helpShowHelpDocAndHelpContextSaySo() {
        let rule = #"  In a run of the document's own [ or ], every bracket but the last has a backslash in front ([[ shows as \[[, ]] as \]]), and the last one too where it touches a marker: a [ right before [[ (a[ then a mark: a\[[[src: …), a ] right before or right after ]] (…\]]] or …]]\]). A run of backslashes right before a bracket or a marker is doubled (C:\ then a mark: C:\\[[src: …). To read the text back: n backslashes right before [ or ] stand for n/2 backslashes (rounded down) and, when n is odd, make that bracket text; other backslashes are text; every [[ or ]] left is a marker."#
        let show = Session.help(Verb.show).split(separator: "\n")
        #expect(show.contains(
            #"Without colours (NO_COLOR, a pipe) the claim's sentence marks its roles [[src: …]], [[cue: …]] and [[con: …]]; the document's own brackets and backslashes are escaped as in `doc` and `context`, so every unescaped [[ or ]] is a marker:"#))
        #expect(show.contains(Substring(rule)))
        #expect(Session.help(Verb.doc).split(separator: "\n").contains(Substring(rule)))
        #expect(Session.help(Verb.context).hasSuffix(
            "without colours the document's own brackets and backslashes are escaped on every line as in `doc` (`help doc`)."))
    }

    @Test func theColouredRenderingIsUnchanged() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200, style: .color)
        let body = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(body.contains("[[draft]] is final"))
        #expect(body.hasSuffix(". See ]] and [[ here."))
        #expect(!body.contains("\\"))
    }
}
