import ClaimModel
import Foundation
import Testing
@testable import Terminal

/// `doc` without colours: the document's own `[[` and `]]` are written `\[[` and `\]]`, so that
/// every unescaped `[[`/`]]` on the screen is a role marker.
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
        #expect(body == #"[[>src#1: Ana]] [[>cue#1: said]] [[>content#1: the path]] is C:\\[[x\]]."#)
    }

    @Test func theColouredRenderingIsUnchanged() throws {
        let session = try DocumentScreenTests.session(Self.text, Self.claims, width: 200, style: .color)
        let body = session.execute("doc").text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(body.contains("[[draft]] is final"))
        #expect(body.hasSuffix(". See ]] and [[ here."))
        #expect(!body.contains("\\"))
    }
}
