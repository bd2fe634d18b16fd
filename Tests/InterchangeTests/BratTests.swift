import ClaimModel
@testable import Interchange
import Testing

@Suite struct BratWriterTests {
    @Test func writesTextBoundEventsAttributesAndNotesWithScalarOffsets() {
        var writer = BratWriter()
        let ann = writer.ann(for: ExportFixture.document)
        #expect(ann == """
            T1\tSource 0 10\tZoë Brandt
            T2\tCue 11 15\ttold
            T3\tContent 30 48\tprices 🚀 will rise
            E1\tCue:T2 Source:T1 Content:T3
            A1\tOutlet E1 Newsweek
            A2\tSourceType E1 named_person
            A3\tAnonymous E1 no
            A4\tEntity E1 zoe_brandt
            A5\tConfidence E1 0.83
            A6\tVerdict E1 corrected
            A7\tAnalystConfidence E1 high
            A8\tAnnotator E1 ana
            #1\tAnnotatorNotes E1\toutlet fixed, "told" kept\\nsecond line
            T4\tSource 69 81\tthe minister
            T5\tCue 82 86\tsaid
            T6\tContent 51 67;89 99\tTaxes will rise, next year.
            E2\tCue:T5 Source:T4 Content:T6
            A9\tSourceType E2 named_person
            A10\tVerdict E2 added
            A11\tAnnotator E2 ana
            T7\tContent 30 48\tprices 🚀 will rise
            A12\tSourceType T7 implicit
            A13\tConfidence T7 0.5
            A14\tVerdict T7 confirmed
            A15\tAnalystConfidence T7 low
            A16\tAnnotator T7 ana

            """)
        #expect(writer.annotationConf().contains("Outlet\tArg:<EVENT>|Content|Source, Value:Newsweek\n"))
        #expect(writer.annotationConf().contains("[events]\nCue\tSource?:Source, Content?:Content\n"))
    }

    @Test func readsBackWhatItWrote() {
        var writer = BratWriter()
        let item = ExportFixture.document
        let result = BratReader.read(ann: writer.ann(for: item), text: ExportFixture.text, file: "d1.ann")
        #expect(result.issues == [])
        var expected = item.attributions.map { a -> Attribution in
            var a = a
            a.id = nil
            a.review?.tags = []
            a.review?.at = nil
            return a
        }
        expected[2].source = nil
        #expect(result.attributions == expected)
    }

    @Test func aContentWithoutCueKeepsItsSourceThroughARelation() {
        let item = AnnotatedDocument(document: ExportFixture.document.document, attributions: [
            Attribution(source: Fragments(Span(0, 10)), content: Fragments(Span(30, 48)), outlet: "Associated Press"),
        ])
        var writer = BratWriter()
        let ann = writer.ann(for: item)
        #expect(ann == "T1\tSource 0 10\tZoë Brandt\nT2\tContent 30 48\tprices 🚀 will rise\nR1\tSourceOf Arg1:T2 Arg2:T1\nA1\tOutlet T2 Associated_Press\n")
        let back = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        #expect(back.issues == [])
        #expect(back.attributions == item.attributions)
    }

    @Test func attributeValuesRoundTripThroughTheirEncoding() {
        for value in ["Associated Press", "a_b", "100%", "x|y", "tab\there", "Zoë", "news: wire, inc."] {
            #expect(BratText.decodeValue(BratText.encodeValue(value)) == value)
            #expect(!BratText.encodeValue(value).contains(" "))
        }
    }
}

@Suite struct BratReaderTests {
    @Test func reportsEveryBadLineWithItsNumber() {
        let ann = """
            T1\tSource 0 10\tZoë Brandt
            T2\tCue 11 999\ttold
            T3\tContent 30 48\tsomething else
            T4\tSpeaker 0 3\tZoë
            E1\tCue:T9 Source:T1
            A1\tSourceType E1 person
            garbage
            """
        let result = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        #expect(result.issues.map(\.description) == [
            "d1.ann:2: T2: offsets 11 999 are out of range or overlap (the text has 100 scalars)",
            "d1.ann:3: T3: text \"something else\" does not match the document at 30 48: \"prices 🚀 will rise\"",
            "d1.ann:5: T9 is not a T line of this file",
            "d1.ann:6: unknown source type \"person\"",
            "d1.ann:7: expected ID<TAB>annotation, got \"garbage\"",
        ])
        // A type ClaimDesk does not know is no error in the file: the line is left out, with a word.
        #expect(result.warnings.map(\.description) == ["d1.ann:4: T4: unknown type \"Speaker\" (Source, Cue or Content): left out"])
    }

    /// Found by fuzzing: an event naming a refused T line said, once per argument, that it was
    /// "not a T line of this file". A refused T line is reported on its own line only; an argument
    /// of a type left out says so; an empty argument (`Cue:`) makes the event malformed.
    @Test func anEventDoesNotRepeatTheProblemOfItsTLines() {
        let ann = """
            T1\tSource 0 10\tSomebody
            T2\tCue 11 999\ttold
            T3\tContent 30 48\tprices 🚀 will rise
            E1\tCue:T2 Source:T1 Content:T3
            R1\tSourceOf Arg1:T3 Arg2:T1
            T4\tSpeaker 0 3\tZoë
            T5\tCue 11 15\ttold
            E2\tCue:T5 Source:T4
            E3\tCue: Source:T1
            """
        let result = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        #expect(result.issues.map(\.description) == [
            "d1.ann:1: T1: text \"Somebody\" does not match the document at 0 10: \"Zoë Brandt\"",
            "d1.ann:2: T2: offsets 11 999 are out of range or overlap (the text has 100 scalars)",
            "d1.ann:8: T4 is a \"Speaker\" (a type left out), expected a Source",
            "d1.ann:9: E3: expected Cue:T… [Source:T…] [Content:T…]",
        ])
    }
}

@Suite struct BratLineTests {
    @Test func aCRLFAnnReadsLikeItsLFTwin() {
        var writer = BratWriter()
        let ann = writer.ann(for: ExportFixture.document)
        let lf = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        let crlf = BratReader.read(ann: ann.replacingOccurrences(of: "\n", with: "\r\n"), text: ExportFixture.text, file: "d1.ann")
        #expect(lf.issues == [] && lf.warnings == [])
        #expect(crlf == lf)
    }

    /// brat reads .ann lines with Python's splitlines: none of its line breaks may stay in a line.
    @Test func notesEscapeEveryLineBreakBratKnowsAndComeBack() {
        let note = "a\nb\r\nc\td\\e\u{2028}f\u{85}g\u{1C}h\u{0B}i\\u2028"
        let escaped = BratText.escapeNote(note)
        #expect(escaped == #"a\nb\r\nc\td\\e\u2028f\u0085g\u001Ch\u000Bi\\u2028"#)
        #expect(BratText.unescapeNote(escaped) == note)
    }

    @Test func aSpanAcrossALineBreakIsShownAsFragmentsWithBratsText() {
        let text = ScalarText("He said \"one\r\ntwo\u{2028}three\" today.")
        let (shown, field) = BratText.shown(Fragments(Span(8, 24)), in: text)
        #expect(shown.spans == [Span(8, 12), Span(14, 17), Span(18, 24)])
        #expect(field == "\"one two three\"")
    }

    @Test func configurationSyntaxInValuesIsEscaped() {
        #expect(BratText.encodeValue("<EVENT> #1, a|b:c") == "%3CEVENT%3E_%231%2C_a%7Cb%3Ac")
        #expect(BratText.encodeValue("a\u{202E}b") == "a%E2%80%AEb")
        var writer = BratWriter()
        _ = writer.ann(for: ExportFixture.document)
        let conf = writer.annotationConf()
        #expect(conf.contains("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"))
        #expect(!conf.contains("<OL-TYPE>"))
    }
}

@Suite struct BratSharedCueTests {
    @Test func twoClaimsOfOneCueShareItsTLine() {
        let item = AnnotatedDocument(document: ExportFixture.document.document, attributions: [
            Attribution(source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15)), content: Fragments(Span(30, 48))),
            Attribution(source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15)), content: Fragments(Span(51, 67))),
        ])
        var writer = BratWriter()
        let ann = writer.ann(for: item)
        #expect(ann == """
            T1\tSource 0 10\tZoë Brandt
            T2\tCue 11 15\ttold
            T3\tContent 30 48\tprices 🚀 will rise
            E1\tCue:T2 Source:T1 Content:T3
            T4\tSource 0 10\tZoë Brandt
            T5\tContent 51 67\tTaxes will rise,
            E2\tCue:T2 Source:T4 Content:T5

            """)
        let back = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        #expect(back.issues == [] && back.warnings == [])
        #expect(back.attributions == item.attributions)
    }
}

@Suite struct BratSidecarTests {
    static var item: AnnotatedDocument {
        var item = ExportFixture.document
        item.document.publicationDate = "2026-11-02"
        item.document.meta = .object([("pages", .array([.number("1"), .number("2.50")]))])
        return item
    }

    @Test func theSidecarIsTheJSONLLineWithoutTextKeyedByBratIDs() {
        var writer = BratWriter()
        let written = writer.write(Self.item)
        #expect(written.anchors == ["E1", "E2", "T7"])
        let sidecar = String(decoding: BratSidecar.encode(Self.item, anchors: written.anchors), as: UTF8.self)
        #expect(sidecar == #"{"doc_id":"d1","title":"Prices","publisher":"Ledger","publication_date":"2026-11-02","meta":{"pages":[1,2.50]},"attributions":["#
            + #"{"brat_id":"E1","id":"a1","source":[0,10],"cue":[11,15],"content":[30,48],"outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":"zoe brandt","confidence":0.83,"review":{"status":"corrected","annotator":"ana","confidence":"high","tags":["price"],"note":"outlet fixed, \"told\" kept\nsecond line","at":"2026-11-25T10:00:00Z"}},"#
            + #"{"brat_id":"E2","id":"a2","source":[69,81],"cue":[82,86],"content":[51,99],"content_fragments":[[51,67],[89,99]],"outlet":null,"source_type":"named_person","anonymous":null,"source_entity":null,"confidence":null,"review":{"status":"added","annotator":"ana"}},"#
            + #"{"brat_id":"T7","id":"a3","source":null,"cue":null,"content":[30,48],"outlet":null,"source_type":"implicit","anonymous":null,"source_entity":null,"confidence":0.5,"review":{"status":"confirmed","annotator":"ana","confidence":"low"}}]}"# + "\n")
    }

    func roundTrip(_ ann: String) throws -> (attributions: [Attribution], warnings: [String], document: AnnotatedDocument) {
        var writer = BratWriter()
        let written = writer.write(Self.item)
        let decoded = try BratSidecar.decode(BratSidecar.encode(Self.item, anchors: written.anchors), text: ExportFixture.text, file: "d1.claimdesk.json").get()
        let read = BratReader.read(ann: ann, text: ExportFixture.text, file: "d1.ann")
        let merged = BratSidecar.merge(read, sidecar: decoded, text: ScalarText(ExportFixture.text), sidecarFile: "d1.claimdesk.json")
        return (merged.attributions, merged.warnings.map(\.description), decoded.document)
    }

    @Test func anUntouchedAnnGivesBackEveryField() throws {
        var writer = BratWriter()
        let back = try roundTrip(writer.ann(for: Self.item))
        #expect(back.attributions == Self.item.attributions)
        #expect(back.warnings == [])
        #expect(back.document.document == Self.item.document)
    }

    /// A claim with no span cannot be shown in brat: it travels in the sidecar alone, in its place.
    @Test func aClaimWithNoSpanTravelsInTheSidecarInItsPlace() throws {
        var item = Self.item
        item.attributions.insert(Attribution(id: "z", sourceType: .other, review: Review(status: .added, annotator: "ana")), at: 1)
        var writer = BratWriter()
        let written = writer.write(item)
        #expect(written.anchors == ["E1", nil, "E2", "T7"])
        let decoded = try BratSidecar.decode(BratSidecar.encode(item, anchors: written.anchors), text: ExportFixture.text, file: "d1.claimdesk.json").get()
        let read = BratReader.read(ann: written.ann, text: ExportFixture.text, file: "d1.ann")
        let merged = BratSidecar.merge(read, sidecar: decoded, text: ScalarText(ExportFixture.text), sidecarFile: "d1.claimdesk.json")
        #expect(merged.warnings == [])
        #expect(merged.attributions == item.attributions)
    }

    /// brat reuses the lowest free id: a new E2 on other spans is not the deleted E2.
    @Test func editsInBratWinAndAReusedIDIsANewClaim() throws {
        var writer = BratWriter()
        var ann = writer.ann(for: Self.item).replacingOccurrences(of: "A6\tVerdict E1 corrected", with: "A6\tVerdict E1 confirmed")
        ann = ann.split(separator: "\n").filter { line in
            !["E2\t", "T4\t", "T5\t", "T6\t"].contains { line.hasPrefix($0) } && !line.contains(" E2 ")
        }.joined(separator: "\n")
        ann += "\nT8\tCue 11 15\ttold\nE2\tCue:T8 Source:T1\n"
        let back = try roundTrip(ann)
        #expect(back.warnings == [
            "d1.claimdesk.json:1: attribution #2 (id \"a2\"), anchored on E2, is no longer in the .ann (deleted in brat?): dropped",
        ])
        #expect(back.attributions.map(\.id) == ["a1", "a3", nil])
        #expect(back.attributions[0].review?.status == .confirmed)
        #expect(back.attributions[0].review?.tags == ["price"])
        #expect(back.attributions[2] == Attribution(source: Fragments(Span(0, 10)), cue: Fragments(Span(11, 15))))
    }
}
