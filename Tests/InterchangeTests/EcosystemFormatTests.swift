import ClaimModel
import Interchange
import Testing

/// A document for the four ecosystem formats: astral characters (𝔘 and an emoji, two UTF-16 units
/// each) before spans, CRLF line ends, a discontinuous content, a claim without cue, a claim that is
/// only content over the same words as another, a claim with no span, and a note with a newline
/// and quotes.
enum EcosystemFixture {
    static let text = "𝔘lla Berg 🚀 told Radio Nord that rents will rise.\r\n\"Fares go up,\" the mayor said, \"in May.\"\r\nAccording to aides, talks failed."

    static var document: AnnotatedDocument {
        AnnotatedDocument(
            document: Document(id: "eco/1", text: text, title: "Rents", publisher: "Ledger", publicationDate: "2026-11-02",
                               meta: JSONValue(parsing: #"{"desk":"city","n":1.50}"#)),
            attributions: [
                Attribution(id: "a1", source: Fragments(Span(0, 9)), cue: Fragments(Span(12, 16)), content: Fragments(Span(33, 48)),
                            outlet: "Radio Nord", sourceType: .namedPerson, anonymous: false, sourceEntity: "ulla berg", confidence: 0.83,
                            review: Review(status: .corrected, annotator: "ana", confidence: .high, tags: ["rent", "a;b"],
                                           note: "outlet \"fixed\"\nsecond line", at: "2026-11-25T10:00:00Z", adjudication: true),
                            otherReviews: [Review(status: .confirmed, annotator: "bo", at: "2026-11-25T09:00:00Z",
                                                  changes: JSONValue(parsing: #"{"outlet":null,"content":[[33,39]]}"#))]),
                // No span at all (PolNeAR has such claims): kept by position.
                Attribution(id: "a5", sourceType: .other, review: Review(status: .added, annotator: "bo")),
                Attribution(id: "a2", source: Fragments(Span(66, 75)), cue: Fragments(Span(76, 80)),
                            content: Fragments([Span(52, 63), Span(83, 90)]),
                            sourceType: .namedPerson, review: Review(status: .added, annotator: "bo")),
                Attribution(source: Fragments(Span(106, 111)), content: Fragments(Span(113, 126)),
                            sourceType: .anonymous, anonymous: true, review: Review(status: .confirmed, annotator: "ana")),
                Attribution(id: "a4", content: Fragments(Span(33, 48)), sourceType: .implicit, confidence: 0.5,
                            review: Review(status: .rejected, annotator: "ana", confidence: .low)),
            ],
            reviewedBy: ["ana", "bo"])
    }

    static func slices(_ item: AnnotatedDocument) -> [String] {
        let text = ScalarText(item.document.text)
        return item.attributions.flatMap { a in Role.allCases.compactMap { a[$0].map { text.slice($0, separator: "|") } } }
    }
}

@Suite struct AttributionGraphTests {
    @Test func fixtureSpansAreTheWordsMeant() {
        #expect(EcosystemFixture.slices(EcosystemFixture.document) == [
            "𝔘lla Berg", "told", "rents will rise", "the mayor", "said", "Fares go up|in May.",
            "aides", "talks failed.", "rents will rise",
        ])
    }

    @Test func readsRelationsInEitherDirectionAndGroupsByCue() throws {
        let nodes = [
            AttributionGraph.Node(role: .content, span: Span(20, 30)),
            AttributionGraph.Node(role: .cue, span: Span(10, 14)),
            AttributionGraph.Node(role: .source, span: Span(0, 5)),
            AttributionGraph.Node(role: .content, span: Span(40, 50)),
            AttributionGraph.Node(role: .source, span: Span(60, 65)),
            AttributionGraph.Node(role: .content, span: Span(70, 80)),
        ]
        // content → cue, cue → source, content → cue (a second content fragment), source → content (no cue).
        let assembled = try AttributionGraph.assemble(nodes, links: [(0, 1), (1, 2), (3, 1), (4, 5)]).get()
        #expect(assembled.map(\.attribution) == [
            Attribution(source: Fragments(Span(0, 5)), cue: Fragments(Span(10, 14)), content: Fragments([Span(20, 30), Span(40, 50)])),
            Attribution(source: Fragments(Span(60, 65)), content: Fragments(Span(70, 80))),
        ])
        #expect(assembled.map(\.anchor) == [1, 4])
    }

    @Test func overlappingFragmentsOfOneRoleAreAProblem() {
        let nodes = [AttributionGraph.Node(role: .cue, span: Span(0, 4)), AttributionGraph.Node(role: .content, span: Span(5, 10)),
                     AttributionGraph.Node(role: .content, span: Span(8, 12))]
        #expect(throws: InterchangeIssue(file: "", line: 0, message: "two content spans of one attribution overlap: [5, 10] and [8, 12]")) {
            try AttributionGraph.assemble(nodes, links: [(0, 1), (0, 2)]).get()
        }
    }

    @Test func labelMapParsesRolesAndRefusesDuplicates() throws {
        let map = try LabelMap.parse("source=SPEAKER,cue=CUE,content=QUOTE").get()
        #expect(map.role(for: "speaker") == .source)
        #expect(map.label(for: .content) == "QUOTE")
        #expect(LabelMap.standard.role(for: "CONTENT") == .content)
        #expect(throws: InterchangeIssue(file: "--labels", line: 0, message: "unknown role \"speaker\" (source, cue or content)")) {
            try LabelMap.parse("speaker=X").get()
        }
        #expect(throws: InterchangeIssue(file: "--labels", line: 0, message: "two roles have the same label")) {
            try LabelMap.parse("source=Cue").get()
        }
    }
}

@Suite struct DoccanoFormatTests {
    @Test func roundTripIsLosslessAndByteIdentical() {
        let item = EcosystemFixture.document
        let bytes = DoccanoFormat.line(for: item)
        let read = DoccanoFormat.read(bytes, file: "d.jsonl")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [item])
        #expect(read.lines.first.map { DoccanoFormat.line(for: $0.document) } == bytes)
    }

    @Test func writesScalarOffsetsAndOneRelationPerLinkedSpan() {
        let item = AnnotatedDocument(document: Document(id: "x", text: "𝔘 said hi"), attributions: [
            Attribution(source: Fragments(Span(0, 1)), cue: Fragments(Span(2, 6)), content: Fragments(Span(7, 9))),
        ])
        #expect(String(decoding: DoccanoFormat.line(for: item), as: UTF8.self) == #"""
            {"doc_id":"x","text":"𝔘 said hi","entities":[{"id":1,"label":"Cue","start_offset":2,"end_offset":6},{"id":2,"label":"Source","start_offset":0,"end_offset":1},{"id":3,"label":"Content","start_offset":7,"end_offset":9}],"relations":[{"id":1,"from_id":1,"to_id":2,"type":"Attribution"},{"id":2,"from_id":1,"to_id":3,"type":"Attribution"}]}

            """#)
    }

    @Test func writesAndReadsMappedLabels() throws {
        let labels = try LabelMap.parse("source=SPEAKER,cue=CUE,content=QUOTE").get()
        let item = EcosystemFixture.document
        let line = DoccanoFormat.line(for: item, labels: labels)
        #expect(String(decoding: line, as: UTF8.self).contains(#"{"id":1,"label":"CUE","start_offset":12,"end_offset":16},{"id":2,"label":"SPEAKER","start_offset":0,"end_offset":9},{"id":3,"label":"QUOTE","#))
        #expect(DoccanoFormat.read(line, file: "d.jsonl", labels: labels).lines.map(\.document) == [item])
        #expect(DoccanoFormat.read(line, file: "d.jsonl").issues.map(\.description) == [
            #"d.jsonl:1: entity #2: label "SPEAKER" is not one of Source, Cue, Content (map it with --labels)"#,
        ])
    }

    @Test func readsAHandMadeProjectWithMappedLabels() throws {
        let line = #"{"id":7,"text":"Mia said no.","entities":[{"id":10,"label":"QUOTE","start_offset":9,"end_offset":11},{"id":11,"label":"speaker","start_offset":0,"end_offset":3},{"id":12,"label":"CUE","start_offset":4,"end_offset":8}],"relations":[{"id":1,"from_id":11,"to_id":12,"type":"x"},{"id":2,"from_id":10,"to_id":12,"type":"x"}]}"#
        let read = DoccanoFormat.read(Array(line.utf8), file: "p.jsonl", labels: try LabelMap.parse("source=SPEAKER,content=QUOTE").get())
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [AnnotatedDocument(document: Document(id: "7", text: "Mia said no."), attributions: [
            Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 11))),
        ])])
    }

    @Test func reportsALineThatDoesNotFitWithItsLineNumber() {
        let text = "{\"text\":\"a b\",\"entities\":[]}\n\n{\"text\":\"Mia said\",\"entities\":[{\"id\":1,\"label\":\"Who\\n\",\"start_offset\":0,\"end_offset\":3}]}\n{\"text\":\"ab\",\"entities\":[{\"id\":1,\"label\":\"Cue\",\"start_offset\":1,\"end_offset\":5}]}\n"
        let read = DoccanoFormat.read(Array(text.utf8), file: "p.jsonl")
        #expect(read.issues.map(\.description) == [
            #"p.jsonl:3: entity #1: label "Who\n" is not one of Source, Cue, Content (map it with --labels)"#,
            "p.jsonl:4: entity #1: [1, 5] is out of range (the text has 2 scalars)",
        ])
        #expect(read.lines.map(\.document.document.id) == ["p-1"])
    }
}

@Suite struct EcosystemStoredStringsTests {
    @Test func aNulOrABadAnnotatorIsRefusedAsInJSONL() {
        let doccano = #"{"doc_id":"n","text":"a\u0000b","entities":[]}"#
        #expect(DoccanoFormat.read(Array(doccano.utf8), file: "d.jsonl").issues.map(\.description) == [
            #"d.jsonl:1: document "n": "text" contains a NUL character (U+0000) at scalar 1: ClaimDesk cannot store it"#,
        ])
        let studio = #"[{"data":{"text":"Mia said"},"annotations":[{"result":[{"id":"a","type":"labels","value":{"start":4,"end":8,"labels":["Cue"]},"meta":{"claimdesk":{"review":{"status":"added","annotator":""}}}}]}]}]"#
        #expect(LabelStudioFormat.read(Array(studio.utf8), file: "t.json").issues.map(\.description) == [
            #"t.json: task #1: document "t-1": attribution #1: review annotator name is empty: """#,
        ])
    }
}

@Suite struct LabelStudioFormatTests {
    @Test func roundTripIsLosslessAndByteIdentical() {
        let item = EcosystemFixture.document
        let bytes = LabelStudioFormat.task(for: item)
        let read = LabelStudioFormat.read(bytes, file: "t.json")
        #expect(read.issues == [])
        // Annotations come one per annotator: ana's claims first, then bo's.
        var expected = item
        // The claim with no span keeps its place (index 1).
        expected.attributions = [item.attributions[0], item.attributions[1], item.attributions[3], item.attributions[4], item.attributions[2]]
        #expect(read.lines.map(\.document) == [expected])
        #expect(read.lines.first.map { LabelStudioFormat.task(for: $0.document) } == LabelStudioFormat.task(for: expected))
    }

    @Test func offsetsCountUTF16CodeUnits() {
        let item = AnnotatedDocument(document: Document(id: "x", text: "𝔘 🚀 said hi"), attributions: [
            Attribution(cue: Fragments(Span(4, 8))),
        ])
        let json = String(decoding: LabelStudioFormat.task(for: item), as: UTF8.self)
        #expect(json == #"""
            {"data":{"text":"𝔘 🚀 said hi","doc_id":"x"},"annotations":[],"predictions":[{"model_version":"claimdesk","result":[{"id":"r1","from_name":"label","to_name":"text","type":"labels","value":{"start":6,"end":10,"text":"said","labels":["Cue"]}}]}]}
            """#)
        #expect(LabelStudioFormat.read(Array(json.utf8), file: "t.json").lines.map(\.document) == [item])
    }

    /// The message names the offset inside the pair (it said "[1, 6] is not a span of the text … 7
    /// code units", true of no range inside the text; made exact after fuzzing split surrogates).
    @Test func anOffsetInsideASurrogatePairIsReported() {
        let json = #"[{"data":{"text":"𝔘 said"},"annotations":[{"result":[{"id":"a","type":"labels","value":{"start":1,"end":6,"labels":["Cue"]}}]}]}]"#
        #expect(LabelStudioFormat.read(Array(json.utf8), file: "t.json").issues.map(\.description) == [
            "t.json: task #1: annotations[0].result[0]: [1, 6]: 1 falls between the two UTF-16 code units of one character (a surrogate pair), not on a character boundary",
        ])
        let outside = #"[{"data":{"text":"𝔘 said"},"annotations":[{"result":[{"id":"a","type":"labels","value":{"start":3,"end":9,"labels":["Cue"]}}]}]}]"#
        #expect(LabelStudioFormat.read(Array(outside.utf8), file: "t.json").issues.map(\.description) == [
            "t.json: task #1: annotations[0].result[0]: [3, 9] is not a span of the text (UTF-16 offsets; the text has 7 code units)",
        ])
    }

    /// The same for INCEpTION's XMI, whose begin/end count UTF-16 code units too.
    @Test func anXMIOffsetInsideASurrogatePairIsReported() throws {
        let item = AnnotatedDocument(document: Document(id: "x", text: "𝔘 said hi"), attributions: [Attribution(cue: Fragments(Span(2, 6)))])
        let xmi = InceptionFormat.xmi(for: item)
        let begin = try #require(xmi.range(of: #"begin="3" end="7""#, options: .backwards))
        let moved = xmi.replacingCharacters(in: begin, with: #"begin="1" end="7""#)
        let issues = InceptionFormat.read(Array(moved.utf8), file: "x.xmi").issues.map(\.description)
        #expect(issues == ["x.xmi: ClaimSpan 7: begin/end [1, 7]: 1 falls between the two UTF-16 code units of one character (a surrogate pair), not on a character boundary"])
    }
}

@Suite struct ProdigyFormatTests {
    @Test func roundTripIsLosslessAndByteIdentical() {
        let item = EcosystemFixture.document
        let bytes = ProdigyFormat.line(for: item, gold: true)
        let read = ProdigyFormat.read(bytes, file: "p.jsonl")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [item])
        #expect(read.lines.first.map { ProdigyFormat.line(for: $0.document, gold: true) } == bytes)
    }

    @Test func writesTokensOnSpanEdgesAndRelationsOnLastTokens() {
        let item = AnnotatedDocument(document: Document(id: "x", text: "Mia said: no"), attributions: [
            Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(10, 12))),
        ])
        #expect(String(decoding: ProdigyFormat.line(for: item, gold: false), as: UTF8.self) == #"""
            {"text":"Mia said: no","tokens":[{"text":"Mia","start":0,"end":3,"id":0,"ws":true},{"text":"said","start":4,"end":8,"id":1,"ws":false},{"text":":","start":8,"end":9,"id":2,"ws":true},{"text":"no","start":10,"end":12,"id":3,"ws":false}],"spans":[{"start":4,"end":8,"token_start":1,"token_end":1,"label":"Cue"},{"start":0,"end":3,"token_start":0,"token_end":0,"label":"Source"},{"start":10,"end":12,"token_start":3,"token_end":3,"label":"Content"}],"relations":[{"head":1,"child":0,"head_span":{"start":4,"end":8,"token_start":1,"token_end":1,"label":"Cue"},"child_span":{"start":0,"end":3,"token_start":0,"token_end":0,"label":"Source"},"label":"Attribution"},{"head":1,"child":3,"head_span":{"start":4,"end":8,"token_start":1,"token_end":1,"label":"Cue"},"child_span":{"start":10,"end":12,"token_start":3,"token_end":3,"label":"Content"},"label":"Attribution"}],"meta":{"doc_id":"x"}}

            """#)
    }

    @Test func answersBecomeVerdicts() {
        let text = """
            {"text":"Mia said no.","spans":[{"start":4,"end":8,"label":"CUE"}],"answer":"accept","meta":{"doc_id":"a"}}
            {"text":"Mia said no.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"reject","meta":{"doc_id":"b"}}
            {"text":"Mia said no.","spans":[],"answer":"ignore","meta":{"doc_id":"c"}}

            """
        let read = ProdigyFormat.read(Array(text.utf8), file: "p.jsonl")
        #expect(read.lines.map { $0.document.attributions.map { $0.review?.status } } == [[.confirmed], [.rejected]])
        #expect(read.issues.map(\.description) == [
            #"p.jsonl:3: the task was answered "ignore" in Prodigy: it is not gold (--skip-invalid imports the others)"#,
        ])
    }

    /// Offsets count Unicode scalars, and the message says so (it said "characters"): "𝔘" is one scalar.
    @Test func aSpanOutOfRangeNamesTheTextLengthInScalars() {
        let text = #"{"text":"𝔘 no","spans":[{"start":2,"end":5,"label":"Content"}],"meta":{"doc_id":"s"}}"# + "\n"
        #expect(ProdigyFormat.read(Array(text.utf8), file: "p.jsonl").issues.map(\.description) == [
            "p.jsonl:1: span #1: [2, 5] is out of range (the text has 4 scalars)",
        ])
    }
}

@Suite struct InceptionFormatTests {
    @Test func roundTripIsLosslessAndByteIdentical() {
        let item = EcosystemFixture.document
        let xmi = InceptionFormat.xmi(for: item)
        let read = InceptionFormat.read(Array(xmi.utf8), file: "eco.xmi")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [item])
        #expect(read.lines.first.map { InceptionFormat.xmi(for: $0.document) } == xmi)
    }

    @Test func otherLayersWithRoleOrGovernorAreLeftAlone() {
        let item = EcosystemFixture.document
        let xmi = InceptionFormat.xmi(for: item).replacingOccurrences(of: "<cas:NULL xmi:id=\"0\"/>\n", with: """
            <cas:NULL xmi:id="0"/>
            <type4:SemArgLink xmi:id="900" role="A0" target="2"/>
            <custom:Coref xmi:id="901" sofa="1" begin="0" end="1" Governor="2" Dependent="3"/>

            """)
        let read = InceptionFormat.read(Array(xmi.utf8), file: "eco.xmi")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [item])
    }

    @Test func offsetsCountUTF16AndTextIsEscaped() {
        let item = AnnotatedDocument(document: Document(id: "x", text: "𝔘 <said>\n\"hi\" & bye"), attributions: [
            Attribution(cue: Fragments(Span(2, 8)), review: Review(status: .added, note: "a\tb")),
        ])
        let xmi = InceptionFormat.xmi(for: item)
        #expect(xmi.contains(#"<custom:ClaimSpan xmi:id="14" sofa="1" begin="3" end="9" role="Cue" reviewStatus="added" note="a&#9;b"/>"#))
        #expect(xmi.contains(#"sofaString="𝔘 &lt;said&gt;&#10;&quot;hi&quot; &amp; bye""#))
        #expect(InceptionFormat.read(Array(xmi.utf8), file: "x.xmi").lines.map(\.document) == [item])
    }
}

/// Files shaped as the tools write them (extra keys, their own ids, their annotator fields), written
/// by hand for these tests: they read as the attribution they draw.
@Suite struct ForeignExportTests {
    static let text = "Ali said rain is coming."
    static let expected = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 23)))

    @Test func aDoccanoExport() {
        let line = #"{"id":5,"text":"Ali said rain is coming.","entities":[{"id":101,"label":"Source","start_offset":0,"end_offset":3},{"id":102,"label":"Cue","start_offset":4,"end_offset":8},{"id":103,"label":"Content","start_offset":9,"end_offset":23}],"relations":[{"id":7,"from_id":102,"to_id":101,"type":"speaker"},{"id":8,"from_id":103,"to_id":102,"type":"said"}],"Comments":[]}"#
        let read = DoccanoFormat.read(Array(line.utf8), file: "export.jsonl")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document) == [AnnotatedDocument(document: Document(id: "5", text: Self.text), attributions: [Self.expected])])
    }

    @Test func aLabelStudioExportNamesItsAnnotatorAndSkipsCancelledWork() {
        let json = #"""
            [{"id":12,"annotations":[{"id":3,"completed_by":{"id":1,"email":"mia@example.org","first_name":""},"result":[
              {"value":{"start":0,"end":3,"text":"Ali","labels":["Source"]},"id":"x1a","from_name":"label","to_name":"text","type":"labels","origin":"manual"},
              {"value":{"start":4,"end":8,"text":"said","labels":["Cue"]},"id":"x2b","from_name":"label","to_name":"text","type":"labels","origin":"manual"},
              {"value":{"start":9,"end":23,"text":"rain is coming","labels":["Content"]},"id":"x3c","from_name":"label","to_name":"text","type":"labels","origin":"manual"},
              {"from_id":"x2b","to_id":"x1a","type":"relation","direction":"right","labels":[]},
              {"from_id":"x3c","to_id":"x2b","type":"relation","direction":"left","labels":["Attribution"]},
              {"value":{"choices":["news"]},"id":"c1","from_name":"kind","to_name":"text","type":"choices"}],
              "was_cancelled":false,"ground_truth":false,"lead_time":12.5},
              {"id":4,"completed_by":2,"result":[{"value":{"start":0,"end":3,"labels":["Cue"]},"id":"y","type":"labels"}],"was_cancelled":true}],
             "predictions":[],"data":{"text":"Ali said rain is coming."},"meta":{},"inner_id":1,"total_annotations":1}]
            """#
        let read = LabelStudioFormat.read(Array(json.utf8), file: "project-1.json")
        #expect(read.issues == [])
        var attribution = Self.expected
        attribution.review = Review(status: .added, annotator: "mia@example.org")
        #expect(read.lines.map(\.document) == [AnnotatedDocument(document: Document(id: "project-1-12", text: Self.text), attributions: [attribution])])
    }

    @Test func aProdigyRelManualAnswerFromAMultiUserSession() {
        let span = { (s: Int, e: Int, t0: Int, t1: Int, label: String) in
            #"{"start":\#(s),"end":\#(e),"token_start":\#(t0),"token_end":\#(t1),"label":"\#(label)"}"#
        }
        let source = span(0, 3, 0, 0, "SOURCE"), cue = span(4, 8, 1, 1, "CUE"), content = span(9, 23, 2, 4, "CONTENT")
        let line = ##"{"text":"Ali said rain is coming.","_input_hash":-512,"_task_hash":77,"tokens":[],"_view_id":"relations","spans":[\##(source),\##(cue),\##(content)],"relations":[{"head":1,"child":0,"head_span":\##(cue),"child_span":\##(source),"color":"#c5bdf4","label":"SPEAKER"},{"head":1,"child":4,"head_span":\##(cue),"child_span":\##(content),"color":"#ffd882","label":"SAID"}],"answer":"accept","_timestamp":1700000000,"_annotator_id":"attr-mia","_session_id":"attr-mia"}"##
        let read = ProdigyFormat.read(Array(line.utf8), file: "db-out.jsonl")
        #expect(read.issues == [])
        var attribution = Self.expected
        attribution.review = Review(status: .confirmed, annotator: "attr-mia")
        // Named by its _input_hash, which a re-export in another order keeps.
        #expect(read.lines.map(\.document) == [AnnotatedDocument(document: Document(id: "db-out--512", text: Self.text), attributions: [attribution])])
    }
}
