import Testing
@testable import Terminal
@testable import Workbench

@Suite struct TokenizerTests {
    @Test func splitsOnBlanksAndKeepsQuotedTextTogether() throws {
        #expect(try Tokenizer.tokens(#"source "A member of the Shura Council's brigade""#)
            == ["source", "A member of the Shura Council's brigade"])
        #expect(try Tokenizer.tokens("  next   ") == ["next"])
        #expect(try Tokenizer.tokens("") == [])
    }

    @Test func singleQuotesAndTypographicQuotes() throws {
        #expect(try Tokenizer.tokens("cue 'told Newsweek'") == ["cue", "told Newsweek"])
        #expect(try Tokenizer.tokens("cue “told Newsweek”") == ["cue", "told Newsweek"])
        #expect(try Tokenizer.tokens("note it's wrong") == ["note", "it's", "wrong"])
    }

    @Test func backslashEscapes() throws {
        #expect(try Tokenizer.tokens(#"content "he said \"no\"""#) == ["content", #"he said "no""#])
        #expect(try Tokenizer.tokens(#"tag a\ b"#) == ["tag", "a b"])
        #expect(try Tokenizer.tokens(#"add "" source x"#) == ["add", "", "source", "x"])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: Tokenizer.Failure.unclosedQuote("\"")) { try Tokenizer.tokens(#"source "the mayor"#) }
    }
}

@Suite struct VerbTests {
    @Test func namesAndAliases() {
        #expect(Verb.named("n") == .next)
        #expect(Verb.named("C") == .confirm)
        #expect(Verb.named("q") == .quit)
        #expect(Verb.named("exit") == .quit)
        #expect(Verb.named("nope") == nil)
    }

    @Test func nearestVerbForTypos() {
        #expect(Verb.nearest(to: "confrim") == .confirm)
        #expect(Verb.nearest(to: "rejcet") == .reject)
        #expect(Verb.nearest(to: "nxet") == .next)
        #expect(Verb.nearest(to: "sourec") == .source)
        #expect(Verb.nearest(to: "xyzzyplugh") == nil)
    }
}
