import ClaimModel
import Interchange
import Testing

@Suite struct JSONLReaderTests {
    static let text = "\"Taxes will rise,\" the minister said, \"next year.\""

    func read(_ lines: [String]) -> JSONLReader.Result {
        JSONLReader.read(Array(lines.joined(separator: "\n").utf8), file: "in.jsonl")
    }

    @Test func readsDocumentsWithFragmentsAndFields() throws {
        let line = #"{"doc_id":"d1","text":"\"Taxes will rise,\" the minister said, \"next year.\"","publisher":"Ledger","meta":{"k":[1,2]},"attributions":[{"id":"a1","source":[19,31],"cue":[32,36],"content":[1,49],"content_fragments":[[1,16],[39,49]],"source_text":"the minister","outlet":null,"source_type":"named_person","anonymous":false,"source_entity":"minister","confidence":0.83,"review":{"status":"corrected","annotator":"ana","confidence":"high","tags":["t"],"note":"n","at":"2026-11-25T10:00:00Z"}}]}"#
        let result = read([line])
        #expect(result.issues == [])
        let doc = try #require(result.lines.first)
        #expect(doc.number == 1)
        #expect(doc.document.document.publisher == "Ledger")
        #expect(doc.document.document.meta?.serialized == #"{"k":[1,2]}"#)
        let a = try #require(doc.document.attributions.first)
        #expect(a.source?.spans == [Span(19, 31)])
        #expect(a.content?.spans == [Span(1, 16), Span(39, 49)])
        #expect(a.sourceType == .namedPerson)
        #expect(a.anonymous == false)
        #expect(a.confidence == 0.83)
        #expect(a.review == Review(status: .corrected, annotator: "ana", confidence: .high, tags: ["t"], note: "n", at: "2026-11-25T10:00:00Z"))
    }

    @Test func listsEveryBadLineWithItsNumber() {
        let result = read([
            #"{"doc_id":"ok","text":"fine"}"#,
            #"{"doc_id":"x","text":"abc""#,
            #"{"text":"no id"}"#,
            #"{"doc_id":"s","text":"abc","attributions":[{"source":[1,9]}]}"#,
            #"{"doc_id":"t","text":"abc","attributions":[{"cue":[0,1],"cue_text":"b"}]}"#,
            #"{"doc_id":"ok","text":"again"}"#,
            #"{"doc_id":"f","text":"abcdef","attributions":[{"content":[0,6],"content_fragments":[[3,5],[0,2]]}]}"#,
            #"{"doc_id":"y","text":"abc","attributions":[{"source_type":"person"}]}"#,
            #"{"doc_id":"c","text":"abc","attributions":[{"confidence":1.5}]}"#,
        ])
        #expect(result.lines.map(\.number) == [1])
        #expect(result.issues.map(\.description) == [
            "in.jsonl:2: invalid JSON at column 27: unterminated object",
            "in.jsonl:3: missing \"doc_id\"",
            "in.jsonl:4: document \"s\": attribution #1: source [1, 9] is out of range (the text has 3 scalars; need 0 <= start < end <= 3)",
            "in.jsonl:5: document \"t\": attribution #1: cue_text \"b\" does not match the text at [0, 1]: \"a\"",
            "in.jsonl:6: duplicate doc_id \"ok\" (first on line 1)",
            "in.jsonl:7: document \"f\": attribution #1: content_fragments [3, 5],[0, 2] must be sorted and non-overlapping",
            "in.jsonl:8: document \"y\": attribution #1: unknown source_type \"person\" (one of named_person, named_organization, anonymous, document, news_outlet, implicit, other)",
            "in.jsonl:9: document \"c\": attribution #1: confidence 1.5 is not in [0, 1]",
        ])
    }

    @Test func reportsInvalidUTF8AndEmptyFiles() {
        var bytes = Array(#"{"doc_id":"a","text":""#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        #expect(JSONLReader.read(bytes, file: "bad.jsonl").issues.map(\.description) == ["bad.jsonl:1: invalid UTF-8"])
        #expect(JSONLReader.read([], file: "empty.jsonl").issues.map(\.description) == ["empty.jsonl: the file is empty: no JSON lines"])
        #expect(JSONLReader.read(Array("\n  \n".utf8), file: "blank.jsonl").issues.count == 1)
    }

    @Test func offsetsAreUnicodeScalars() throws {
        // "Zoë" written with a combining diaeresis: 4 scalars, 3 characters.
        let line = "{\"doc_id\":\"u\",\"text\":\"Zoe\u{308} said yes\",\"attributions\":[{\"source\":[0,4],\"source_text\":\"Zoe\u{308}\"}]}"
        let result = read([line])
        #expect(result.issues == [])
        #expect(result.lines.first?.document.attributions.first?.source?.hull == Span(0, 4))
    }
}

@Suite struct JSONLRoundTripTests {
    @Test func writeThenReadGivesTheSameDocumentsAndWritingAgainTheSameBytes() throws {
        let text = "“Prices will fall,” Zoë Ménard said, “soon.” It is believed 𠮷 rose."
        var split = Attribution(
            id: "a1", source: Fragments(Span(20, 30)), cue: Fragments(Span(31, 35)),
            content: Fragments([Span(1, 17), Span(38, 43)]), outlet: "BBC", sourceType: .namedPerson,
            anonymous: false, sourceEntity: "zoe-menard", confidence: 0.75)
        split.review = Review(status: .confirmed, annotator: "ana", tags: ["x"], at: "2026-11-25T10:00:00Z")
        let hedge = Attribution(id: "a2", cue: Fragments(Span(51, 62)), content: Fragments(Span(45, 67)),
                                sourceType: .implicit, confidence: 0.4)
        let doc = AnnotatedDocument(
            document: Document(id: "rt", text: text, title: "T", publisher: "P", publicationDate: "2026-01-02",
                               meta: .object([("z", .number("1.0")), ("a", .null)])),
            attributions: [split, hedge])
        let first = JSONLWriter.encode([doc])
        let read = JSONLReader.read(Array(first.utf8), file: "rt.jsonl")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [doc])
        #expect(JSONLWriter.encode(read.lines.map(\.document)) == first)
    }
}

@Suite struct RoleTextTests {
    @Test func acceptsTheHullOrTheFragmentsJoinedWithWhiteSpaceFolded() {
        func line(_ contentText: String) -> String {
            #"{"doc_id":"d","text":"\"Yes,\" she said, \"and no.\"\nEnd","attributions":[{"content":[1,25],"content_fragments":[[1,5],[18,25]],"content_text":"#
                + "\"" + contentText + "\"}]}"
        }
        for accepted in [#"Yes,\" she said, \"and no."#, "Yes, and no.", "Yes, … and no.", "Yes,  \\n and no."] {
            #expect(JSONLReader.read(Array(line(accepted).utf8), file: "f").issues == [], "\(accepted)")
        }
        #expect(JSONLReader.read(Array(line("Yes, and yes.").utf8), file: "f").issues.count == 1)
        #expect(JSONLReader.read(Array(line("Yesand no.").utf8), file: "f").issues.count == 1)
    }
}
