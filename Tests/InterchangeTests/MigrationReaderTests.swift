import ClaimModel
import Interchange
import Testing

/// A Label Studio task list of one task whose one annotation holds `regions` (JSON objects).
private func studio(_ text: String, _ regions: String) -> [UInt8] {
    Array(#"[{"id":4,"data":{"text":"\#(text)"},"annotations":[{"result":[\#(regions)]}]}]"#.utf8)
}

/// Label Studio writes each region's `value.text` beside its UTF-16 offsets: a script that counted
/// in scalars or bytes leaves offsets that give other words, refused with the unit they fit.
@Suite struct LabelStudioRegionTextTests {
    @Test func offsetsCountedInScalarsAreRefusedWithTheUnitTheyFit() {
        // "🚀" is one scalar but two UTF-16 code units: "said" is [6, 10] in scalars, [7, 11] in UTF-16.
        let json = studio("Zoë 🚀 said no.", #"{"id":"r1","type":"labels","value":{"start":6,"end":10,"text":"said","labels":["Cue"]}}"#)
        let read = LabelStudioFormat.read(json, file: "export.json")
        #expect(read.lines == [])
        #expect(read.issues.map(\.description) == [
            #"export.json: task #1: annotations[0].result[0] (region "r1"): value.text "said" is not the text at [6, 10] (UTF-16 code units): " sai"; the offsets fit Unicode scalars (code points, Python str indices): Label Studio counts UTF-16 code units (JavaScript string positions)"#,
        ])
    }

    @Test func offsetsCountedInUTF8BytesNameTheScalarSpan() {
        // "ë" is two UTF-8 bytes: "said" is [5, 9] in bytes, [4, 8] in scalars and UTF-16.
        let json = studio("Zoë said no.", #"{"id":"x\u001b","type":"labels","value":{"start":5,"end":9,"text":"said","labels":["Cue"]}}"#)
        #expect(LabelStudioFormat.read(json, file: "export.json").issues.map(\.description) == [
            #"export.json: task #1: annotations[0].result[0] (region "x\u{1b}"): value.text "said" is not the text at [5, 9] (UTF-16 code units): "aid "; the offsets fit UTF-8 bytes ([4, 8] in scalars): Label Studio counts UTF-16 code units (JavaScript string positions)"#,
        ])
    }

    @Test func aTextThatFitsNoUnitIsRefusedWithoutAHint() {
        let json = studio("Zoë 🚀 said no.", #"{"id":"r2","type":"labels","value":{"start":7,"end":11,"text":"says\n","labels":["Cue"]}}"#)
        #expect(LabelStudioFormat.read(json, file: "export.json").issues.map(\.description) == [
            #"export.json: task #1: annotations[0].result[0] (region "r2"): value.text "says\n" is not the text at [7, 11] (UTF-16 code units): "said""#,
        ])
    }

    @Test func anOffsetInsideASurrogatePairSaysTheUnitItsTextFits() {
        // Scalars [1, 5] are " sai"; UTF-16 offset 1 falls inside "𝔘".
        let json = studio("𝔘 said", #"{"id":"r3","type":"labels","value":{"start":1,"end":5,"text":" sai","labels":["Cue"]}}"#)
        #expect(LabelStudioFormat.read(json, file: "export.json").issues.map(\.description) == [
            "export.json: task #1: annotations[0].result[0]: [1, 5]: 1 falls between the two UTF-16 code units of one character (a surrogate pair), not on a character boundary; the offsets fit Unicode scalars (code points, Python str indices): Label Studio counts UTF-16 code units (JavaScript string positions)",
        ])
    }

    @Test func aMatchingTextOrNoTextReadsAsBefore() {
        let json = studio("Zoë 🚀 said no.", #"{"id":"r1","type":"labels","value":{"start":7,"end":11,"text":"said","labels":["Cue"]}},{"id":"r2","type":"labels","value":{"start":12,"end":14,"labels":["Content"]}},{"from_id":"r1","to_id":"r2","type":"relation"}"#)
        let read = LabelStudioFormat.read(json, file: "export.json")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document.attributions) == [[Attribution(cue: Fragments(Span(6, 10)), content: Fragments(Span(11, 13)))]])
    }
}

/// A Prodigy relation says which spans it links; one that names no span of the task is refused
/// (it used to add a span of its own: a claim nobody drew).
@Suite struct ProdigyRelationEndTests {
    static let cue = #"{"start":5,"end":9,"token_start":2,"token_end":2,"label":"Cue"}"#
    static let source = #"{"start":0,"end":3,"token_start":0,"token_end":0,"label":"Source"}"#

    static func task(_ relations: String) -> [UInt8] {
        Array(#"{"text":"Zoë 🚀 said no.","spans":[\#(cue),\#(source)],"relations":[\#(relations)],"answer":"accept"}"#.utf8) + [0x0A]
    }

    @Test func aChildSpanThatIsNoSpanIsAnError() {
        let read = ProdigyFormat.read(Self.task(#"{"head":2,"child":0,"head_span":\#(Self.cue),"child_span":\#(Self.source)},{"head":2,"child":1,"head_span":\#(Self.cue),"child_span":{"start":3,"end":9,"label":"Source"}}"#), file: "db-out.jsonl")
        #expect(read.lines == [])
        #expect(read.issues.map(\.description) == ["db-out.jsonl:1: relation #2: child_span [3, 9] is not a span of the task"])
    }

    @Test func aHeadSpanWithAnotherLabelSaysWhatTheSpanIs() {
        let read = ProdigyFormat.read(Self.task(#"{"head_span":{"start":5,"end":9,"label":"Content"},"child_span":\#(Self.source)}"#), file: "db-out.jsonl")
        #expect(read.issues.map(\.description) == ["db-out.jsonl:1: relation #1: head_span [5, 9] is not a span of the task (the span at [5, 9] is a Cue)"])
    }

    @Test func aTokenThatEndsNoSpanIsAnError() {
        #expect(ProdigyFormat.read(Self.task(#"{"head":2,"child":1}"#), file: "db-out.jsonl").issues.map(\.description) == [
            "db-out.jsonl:1: relation #1: child token 1 is the last token of no span of the task",
        ])
        #expect(ProdigyFormat.read(Self.task(#"{"label":"Attribution"}"#), file: "db-out.jsonl").issues.map(\.description) == [
            "db-out.jsonl:1: relation #1: needs head_span and child_span (or head and child)",
        ])
    }

    @Test func oneSpanMayBeTheChildOfTwoCues() {
        let second = #"{"start":12,"end":14,"token_start":4,"token_end":4,"label":"Cue"}"#
        let line = #"{"text":"Zoë 🚀 said no.","spans":[\#(Self.cue),\#(Self.source),\#(second)],"relations":[{"head_span":\#(Self.cue),"child_span":\#(Self.source)},{"head_span":\#(second),"child_span":\#(Self.source)}],"meta":{"doc_id":"z"}}"#
        let read = ProdigyFormat.read(Array(line.utf8), file: "db-out.jsonl")
        #expect(read.issues == [])
        #expect(read.lines.map(\.document.attributions) == [[
            Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(5, 9))),
            Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(12, 14))),
        ]])
    }
}

/// A file given with the wrong `--format` is refused in one line saying which tool wrote it, from
/// its first record's keys: never a document read without its claims, nor an error on every line.
@Suite struct WrongToolTests {
    static let studio = Array("[\n{\"id\":7,\"data\":{\"text\":\"Ann said so.\"},\"annotations\":[{\"result\":[]}]}\n]\n".utf8)
    static let doccanoLabels = Array(#"{"id":3,"text":"Ann said so.","label":[[0,3,"Source"],[4,8,"Cue"]]}"#.utf8 + [0x0A])
    static let doccanoEntities = Array(#"{"id":3,"text":"Ann said so.","entities":[{"id":1,"label":"Cue","start_offset":4,"end_offset":8}],"relations":[]}"#.utf8 + [0x0A])
    static let prodigy = Array(#"{"text":"Ann said so.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"accept","_input_hash":-12}"#.utf8 + [0x0A])
    static let claimdesk = Array(#"{"doc_id":"a1","text":"Ann said so.","attributions":[{"cue":[[4,8]]}]}"#.utf8 + [0x0A])

    static func messages(_ read: JSONLReader.Result) -> [String] {
        #expect(read.lines == [])
        return read.issues.map(\.description)
    }

    @Test func aLabelStudioExportReadAsDoccanoOrProdigy() {
        #expect(Self.messages(DoccanoFormat.read(Self.studio, file: "tasks.json")) == [
            #"tasks.json: this is a Label Studio export (tasks with "annotations"/"data"), not doccano: give --format label-studio"#,
        ])
        #expect(Self.messages(ProdigyFormat.read(Self.studio, file: "tasks.json")) == [
            #"tasks.json: this is a Label Studio export (tasks with "annotations"/"data"), not Prodigy: give --format label-studio"#,
        ])
    }

    @Test func aDoccanoExportReadAsProdigyOrLabelStudio() {
        let doccano = #"this is a doccano export (lines with "entities", or "label" arrays of [start, end, label])"#
        #expect(Self.messages(ProdigyFormat.read(Self.doccanoLabels, file: "seq.jsonl")) == ["seq.jsonl: \(doccano), not Prodigy: give --format doccano"])
        #expect(Self.messages(ProdigyFormat.read(Self.doccanoEntities, file: "rel.jsonl")) == ["rel.jsonl: \(doccano), not Prodigy: give --format doccano"])
        #expect(Self.messages(LabelStudioFormat.read(Self.doccanoLabels + Self.doccanoLabels, file: "seq.jsonl")) == [
            "seq.jsonl: \(doccano), not Label Studio: give --format doccano",
        ])
    }

    @Test func aProdigyExportReadAsDoccanoOrLabelStudio() {
        #expect(Self.messages(DoccanoFormat.read(Self.prodigy + Self.prodigy, file: "db-out.jsonl")) == [
            #"db-out.jsonl: this is a Prodigy export (tasks with "spans"/"answer"), not doccano: give --format prodigy"#,
        ])
        #expect(Self.messages(LabelStudioFormat.read(Self.prodigy, file: "db-out.jsonl")) == [
            #"db-out.jsonl: this is a Prodigy export (tasks with "spans"/"answer"), not Label Studio: give --format prodigy"#,
        ])
    }

    @Test func aClaimDeskFileReadAsAnyOtherTool() {
        let said = #"this is a ClaimDesk JSONL export (lines with "attributions")"#
        #expect(Self.messages(DoccanoFormat.read(Self.claimdesk, file: "gold.jsonl")) == ["gold.jsonl: \(said), not doccano: give --format jsonl"])
        #expect(Self.messages(ProdigyFormat.read(Self.claimdesk, file: "gold.jsonl")) == ["gold.jsonl: \(said), not Prodigy: give --format jsonl"])
        #expect(Self.messages(LabelStudioFormat.read(Self.claimdesk, file: "gold.jsonl")) == ["gold.jsonl: \(said), not Label Studio: give --format jsonl"])
    }

    @Test func aJSONArrayOfDoccanoRecordsSaysItIsReadAsJSONL() {
        let array = Array("[".utf8) + Self.doccanoEntities.dropLast() + Array("]".utf8)
        let expected = #"this is a JSON array of doccano records (lines with "entities", or "label" arrays of [start, end, label]): doccano files are read as JSONL, one record per line, with --format doccano"#
        #expect(Self.messages(DoccanoFormat.read(array, file: "x.json")) == ["x.json: \(expected)"])
        #expect(Self.messages(LabelStudioFormat.read(array, file: "x.json")) == ["x.json: \(expected)"])
    }

    @Test func doccanoSequenceLabelsWithoutRelationsAreRefusedPerLine() {
        #expect(Self.messages(DoccanoFormat.read(Self.doccanoLabels, file: "seq.jsonl")) == [
            #"seq.jsonl:1: "label" holds spans without relations (doccano's sequence-labelling export): export the project with relation labeling ("entities" and "relations")"#,
        ])
    }

    @Test func theFirstRecordDecidesOnlyWhenOneToolFits() throws {
        #expect(ExportSignature.of(record: try JSONParser.parse(Array(#"{"text":"t","entities":[],"spans":[]}"#.utf8))) == nil)
        #expect(ExportSignature.of(record: try JSONParser.parse(Array(#"{"text":"t","label":"POSITIVE"}"#.utf8))) == nil)
        #expect(ExportSignature.of(record: try JSONParser.parse(Array(#"{"data":{"text":"t"},"text":"t"}"#.utf8))) == nil)
        // A braces inside a string does not end the record.
        let first = ExportSignature.firstRecord(Array("\u{FEFF}\n[ {\"data\":{\"text\":\"a } b\"}}, 3]".utf8))
        #expect(first?.inArray == true)
        #expect(first.flatMap { ExportSignature.of(record: $0.record) } == .labelStudio)
        // Each tool's own file reads as before.
        #expect(DoccanoFormat.read(Self.doccanoEntities, file: "rel.jsonl").lines.map(\.document.document.id) == ["3"])
        #expect(ProdigyFormat.read(Self.prodigy, file: "db-out.jsonl").issues == [])
        #expect(LabelStudioFormat.read(Self.studio, file: "tasks.json").lines.map(\.document.document.id) == ["tasks-7"])
    }
}

/// brat reads `--labels` as the other readers do, and a file (line, task) that uses none of the
/// expected labels lists its own, with the `--labels` that maps them when it can be told.
@Suite struct ForeignLabelTests {
    static let text = "Ann said the road is closed."
    static let ann = "T1\tSRC 0 3\tAnn\nT2\tSAY 4 8\tsaid\nT3\tQUOTE 9 27\tthe road is closed\nE1\tSAY:T2 Source:T1 Content:T3\n"
    static let claim = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 27)))

    @Test func bratTypesOutsideTheConventionAreListedWithTheFlagThatMapsThem() {
        let read = BratReader.read(ann: Self.ann, text: Self.text, file: "doc1.ann")
        #expect(read.attributions == [])
        // Not a document without claims: refused, so that it never stands as an empty gold.
        #expect(read.warnings == [])
        #expect(read.issues.map(\.description) == [
            #"doc1.ann:1: no T line has a type ClaimDesk reads (Source, Cue or Content); the file's types are "QUOTE" (1 T line), "SAY" (1 T line), "SRC" (1 T line): --labels source=SRC,cue=SAY,content=QUOTE maps them (docs/FORMAT.md, "brat standoff"): nothing of the file is read"#,
        ])
        let one = BratReader.read(ann: "T1\tSpeaker\u{1B} 0 3\tAnn\n", text: Self.text, file: "d.ann")
        #expect(one.issues.map(\.description) == [
            #"d.ann:1: no T line has a type ClaimDesk reads (Source, Cue or Content); the file's type is "Speaker\u{1b}" (1 T line): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "brat standoff"): nothing of the file is read"#,
        ])
        // A file without T lines is a document without claims, as before.
        #expect(BratReader.read(ann: "", text: Self.text, file: "d.ann").issues == [])
    }

    @Test func bratHonoursLabels() throws {
        let labels = try LabelMap.parse("source=SRC,cue=say,content=QUOTE").get()
        let read = BratReader.read(ann: Self.ann, text: Self.text, file: "doc1.ann", labels: labels)
        #expect(read.issues == [] && read.warnings == [])
        #expect(read.attributions == [Self.claim])
        // Event arguments may be named by the role labels too.
        let own = BratReader.read(ann: Self.ann.replacingOccurrences(of: "Source:T1 Content:T3", with: "SRC:T1 QUOTE:T3"),
                                  text: Self.text, file: "doc1.ann", labels: labels)
        #expect(own.attributions == [Self.claim])
        // With a map, an unknown type names the mapped labels.
        let other = BratReader.read(ann: "T1\tDate 0 3\tAnn\n", text: Self.text, file: "doc1.ann", labels: labels)
        #expect(other.issues.map(\.description) == [
            #"doc1.ann:1: no T line has a type ClaimDesk reads (SRC, say or QUOTE); the file's type is "Date" (1 T line): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "brat standoff"): nothing of the file is read"#,
        ])
        let some = BratReader.read(ann: "T1\tDate 0 3\tAnn\nT2\tsay 4 8\tsaid\n", text: Self.text, file: "doc1.ann", labels: labels)
        #expect(some.issues == [])
        #expect(some.warnings.first?.description == #"doc1.ann:1: T1: unknown type "Date" (SRC, say or QUOTE): left out"#)
    }

    @Test func aMappingIsSuggestedOnlyWhenEachRoleHasOneLabel() {
        let twoSources = BratReader.read(ann: "T1\tSRC 0 3\tAnn\nT2\tSpeaker 0 3\tAnn\nT3\tAlpha 4 8\tsaid\n", text: Self.text, file: "d.ann")
        #expect(twoSources.issues.first?.description ==
            #"d.ann:1: no T line has a type ClaimDesk reads (Source, Cue or Content); the file's types are "Alpha" (1 T line), "SRC" (1 T line), "Speaker" (1 T line): map them with --labels source=…,cue=…,content=… (docs/FORMAT.md, "brat standoff"): nothing of the file is read"#)
        // One expected type in the file: no list.
        let mixed = BratReader.read(ann: "T1\tSRC 0 3\tAnn\nT2\tCue 4 8\tsaid\n", text: Self.text, file: "d.ann")
        #expect(mixed.warnings.map(\.description) == [#"d.ann:1: T1: unknown type "SRC" (Source, Cue or Content): left out"#, "d.ann:2: T2: a Cue that no event uses: left out"])
    }

    @Test func doccanoProdigyAndLabelStudioGiveTheSameHint() {
        let doccano = #"{"text":"\#(Self.text)","entities":[{"id":1,"label":"SRC","start_offset":0,"end_offset":3},{"id":2,"label":"SAY","start_offset":4,"end_offset":8},{"id":3,"label":"QUOTE","start_offset":9,"end_offset":27}],"relations":[]}"#
        // A second line with an expected label: the file is read line by line (a file of foreign
        // labels only is refused whole, ForeignFileLabelTests).
        let cue = #"{"text":"Ann said.","entities":[{"id":1,"label":"Cue","start_offset":4,"end_offset":8}],"relations":[]}"#
        #expect(DoccanoFormat.read(Array((doccano + "\n" + cue).utf8), file: "rel.jsonl").issues.map(\.description) == [
            #"rel.jsonl:1: entity #1: label "SRC" is not one of Source, Cue, Content; the line's labels are SRC, SAY, QUOTE: --labels source=SRC,cue=SAY,content=QUOTE maps them"#,
        ])
        let prodigy = #"{"text":"\#(Self.text)","spans":[{"start":4,"end":8,"label":"SAY"},{"start":9,"end":27,"label":"Claim"}],"answer":"accept"}"#
        let accepted = #"{"text":"Ann said.","spans":[{"start":4,"end":8,"label":"Cue"}],"answer":"accept"}"#
        #expect(ProdigyFormat.read(Array((prodigy + "\n" + accepted).utf8), file: "db-out.jsonl").issues.map(\.description) == [
            #"db-out.jsonl:1: span #1: label "SAY" is not one of Source, Cue, Content; the task's labels are SAY, Claim: map them with --labels source=…,cue=…,content=…"#,
        ])
        let studio = studio(Self.text, #"{"id":"a","type":"labels","value":{"start":0,"end":3,"labels":["Speaker"]}},{"id":"b","type":"labels","value":{"start":4,"end":8,"labels":["Cue"]}}"#)
        #expect(LabelStudioFormat.read(studio, file: "tasks.json").issues.map(\.description) == [
            #"tasks.json: task #1: annotations[0].result[0]: label "Speaker" is not one of Source, Cue, Content (map it with --labels)"#,
        ])
    }
}

/// A record without doc_id is named by its tool's own stable key before its position, so that a
/// re-export in another order re-imports to the same documents; those named by position are counted.
@Suite struct StableNameTests {
    static func prodigy(_ text: String, _ extra: String = "") -> String {
        #"{"text":"\#(text)","spans":[],"answer":"accept"\#(extra)}"# + "\n"
    }

    @Test func prodigyTasksAreNamedByTheirInputHash() {
        let a = Self.prodigy("Ann said so.", #","_input_hash":-901,"_task_hash":5"#), b = Self.prodigy("Bo said no.", #","_input_hash":77"#)
        let read = ProdigyFormat.read(Array((a + b).utf8), file: "out/db-out.jsonl")
        #expect(read.issues == [] && read.warnings == [])
        #expect(read.lines.map(\.document.document.id) == ["db-out--901", "db-out-77"])
        // Exported in the other order: the same names.
        #expect(ProdigyFormat.read(Array((b + a).utf8), file: "out/db-out.jsonl").lines.map(\.document.document.id) == ["db-out-77", "db-out--901"])
        // meta.doc_id still comes first.
        #expect(ProdigyFormat.read(Array(Self.prodigy("Ann said so.", #","_input_hash":-901,"meta":{"doc_id":"n1"}"#).utf8), file: "db-out.jsonl")
            .lines.map(\.document.document.id) == ["n1"])
    }

    @Test func tasksWithoutAStableKeyAreNamedByPositionAndCounted() {
        let text = Self.prodigy("Ann said so.") + Self.prodigy("Bo said no.", #","_input_hash":4"#) + Self.prodigy("Cy said it.", #","_input_hash":4"#)
            + Self.prodigy("Di said yes.", #","meta":{"doc_id":"d"}"#)
        let read = ProdigyFormat.read(Array(text.utf8), file: "db-out.jsonl")
        // A hash two tasks share (one text, two annotators) names neither.
        #expect(read.lines.map(\.document.document.id) == ["db-out-1", "db-out-2", "db-out-3", "d"])
        #expect(read.warnings.map(\.description) == [
            "db-out.jsonl: 3 documents had no meta.doc_id or a _input_hash of its own: named db-out-1, db-out-2, … by position; give meta.doc_id to keep their names across exports",
        ])
    }

    @Test func doccanoAndLabelStudioCountTheirPositionNames() {
        let doccano = #"{"text":"Ann said so.","entities":[]}"# + "\n" + #"{"id":8,"text":"Bo said no.","entities":[]}"# + "\n"
        let d = DoccanoFormat.read(Array(doccano.utf8), file: "rel.jsonl")
        #expect(d.lines.map(\.document.document.id) == ["rel-1", "8"])
        #expect(d.warnings.map(\.description) == ["rel.jsonl: 1 document had no doc_id or id: named rel-1 by position; give doc_id to keep its name across exports"])
        let studio = #"[{"data":{"text":"Ann said so."}},{"id":3,"data":{"text":"Bo said no."}},{"data":{"text":"Cy said it.","doc_id":"c"}}]"#
        let s = LabelStudioFormat.read(Array(studio.utf8), file: "tasks.json")
        #expect(s.lines.map(\.document.document.id) == ["tasks-1", "tasks-3", "c"])
        #expect(s.warnings.map(\.description) == ["tasks.json: 1 document had no data.doc_id or task id: named tasks-1 by position; give data.doc_id to keep its name across exports"])
    }
}

/// A doccano, Label Studio or Prodigy file none of whose spans bears a label the map reads (an NER
/// export, another project's labels) is refused whole in one line, as brat refuses such a `.ann`:
/// read line by line, what `--skip-invalid` kept of it would be documents without claims.
@Suite struct ForeignFileLabelTests {
    static let text = "Ann Lee flew to Oslo."
    static let doccano = #"{"doc_id":"a","text":"\#(text)","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":7},{"id":2,"label":"LOC","start_offset":16,"end_offset":20}],"relations":[]}"# + "\n"
        + #"{"doc_id":"b","text":"Nobody flew.","entities":[],"relations":[]}"# + "\n"
        + #"{"doc_id":"c","text":"Bo Ek.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":5}],"relations":[]}"# + "\n"
    static let prodigy = #"{"text":"\#(text)","spans":[{"start":0,"end":7,"label":"PER"},{"start":16,"end":20,"label":"LOC"}],"answer":"accept"}"# + "\n"
        + #"{"text":"Nobody flew.","spans":[],"answer":"accept"}"# + "\n"
        + #"{"text":"Bo Ek.","spans":[{"start":0,"end":5,"label":"PER"}],"answer":"accept"}"# + "\n"
    static let refusal = #"no span has a label ClaimDesk reads (Source, Cue or Content); the file's labels are "LOC" (1 span), "PER" (2 spans): map them with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#

    static func region(_ id: String, _ start: Int, _ end: Int, _ label: String) -> String {
        #"{"id":"\#(id)","type":"labels","value":{"start":\#(start),"end":\#(end),"labels":["\#(label)"]}}"#
    }

    static func refused(_ read: JSONLReader.Result) -> [String] {
        #expect(read.lines == [] && read.warnings == [])
        #expect(read.wholeFile)
        return read.issues.map(\.description)
    }

    @Test func aFileOfForeignLabelsIsRefusedWholeInEachFormat() {
        #expect(Self.refused(DoccanoFormat.read(Array(Self.doccano.utf8), file: "ner.jsonl")) == ["ner.jsonl: \(Self.refusal)"])
        #expect(Self.refused(ProdigyFormat.read(Array(Self.prodigy.utf8), file: "db-out.jsonl")) == ["db-out.jsonl: \(Self.refusal)"])
        let studio = #"[{"data":{"text":"\#(Self.text)"},"annotations":[{"result":[\#(Self.region("a", 0, 7, "PER")),\#(Self.region("b", 16, 20, "LOC"))]}]},"#
            + #"{"data":{"text":"Nobody flew."},"annotations":[{"result":[]}]},"#
            + #"{"data":{"text":"Bo Ek."},"predictions":[{"result":[\#(Self.region("c", 0, 5, "PER"))]}]}]"#
        #expect(Self.refused(LabelStudioFormat.read(Array(studio.utf8), file: "tasks.json")) == ["tasks.json: \(Self.refusal)"])
    }

    @Test func theLabelsAreSortedCountedAndEscapedWithTheFlagThatMapsThem() {
        let guessed = #"{"text":"Ann said no.","spans":[{"start":4,"end":8,"label":"SAY"},{"start":0,"end":3,"label":"SRC"},{"start":9,"end":11,"label":"QUOTE"},{"start":4,"end":8,"label":"SAY"}]}"# + "\n"
        #expect(Self.refused(ProdigyFormat.read(Array(guessed.utf8), file: "p.jsonl")) == [
            #"p.jsonl: no span has a label ClaimDesk reads (Source, Cue or Content); the file's labels are "QUOTE" (1 span), "SAY" (2 spans), "SRC" (1 span): --labels source=SRC,cue=SAY,content=QUOTE maps them (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#,
        ])
        // One label, with a control character: escaped, and named alone.
        let one = #"{"text":"Ann said no.","entities":[{"id":1,"label":"Who\u001b","start_offset":0,"end_offset":3}]}"# + "\n"
        #expect(Self.refused(DoccanoFormat.read(Array(one.utf8), file: "d.jsonl")) == [
            #"d.jsonl: no span has a label ClaimDesk reads (Source, Cue or Content); the file's label is "Who\u{1b}" (1 span): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#,
        ])
        // More than ten: the first ten, and how many more.
        let many = (0..<12).map { #"{"start":0,"end":3,"label":"L\#($0)"}"# }.joined(separator: ",")
        let issues = Self.refused(ProdigyFormat.read(Array((#"{"text":"Ann said no.","spans":[\#(many)]}"# + "\n").utf8), file: "p.jsonl"))
        #expect(issues == [
            #"p.jsonl: no span has a label ClaimDesk reads (Source, Cue or Content); the file's labels are "L0" (1 span), "L1" (1 span), "L10" (1 span), "L11" (1 span), "L2" (1 span), "L3" (1 span), "L4" (1 span), "L5" (1 span), "L6" (1 span), "L7" (1 span), and 2 more: map them with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#,
        ])
    }

    @Test func oneLabelThatMapsKeepsTheLineByLineReading() throws {
        let mixed = #"{"doc_id":"a","text":"Ann said no.","entities":[{"id":1,"label":"Cue","start_offset":4,"end_offset":8}],"relations":[]}"# + "\n"
            + #"{"doc_id":"b","text":"Bo Ek.","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":5}],"relations":[]}"# + "\n"
        let read = DoccanoFormat.read(Array(mixed.utf8), file: "d.jsonl")
        #expect(!read.wholeFile)
        #expect(read.lines.map(\.document.document.id) == ["a"])
        #expect(read.issues.map(\.description) == [#"d.jsonl:2: entity #1: label "PER" is not one of Source, Cue, Content (map it with --labels)"#])
        // Mapped by --labels, the same file reads.
        let labels = try LabelMap.parse("source=PER").get()
        #expect(DoccanoFormat.read(Array(Self.doccano.utf8), file: "ner.jsonl", labels: labels).wholeFile == false)
        // A file without any span is documents without claims, as before.
        let bare = ProdigyFormat.read(Array(#"{"text":"Nobody flew.","spans":[],"answer":"accept"}"#.utf8), file: "p.jsonl")
        #expect(!bare.wholeFile && bare.issues == [])
        #expect(bare.lines.map(\.document.attributions) == [[]])
    }

    @Test func labelStudioCountsTheRegionsItReads() {
        // A cancelled annotation's Cue is not read, so it does not save the file; a prediction's is.
        let cancelled = #"[{"data":{"text":"Ann said no."},"annotations":[{"was_cancelled":true,"result":[\#(Self.region("a", 4, 8, "Cue"))]},{"result":[\#(Self.region("b", 0, 3, "PER"))]}]}]"#
        #expect(Self.refused(LabelStudioFormat.read(Array(cancelled.utf8), file: "t.json")) == [
            #"t.json: no span has a label ClaimDesk reads (Source, Cue or Content); the file's label is "PER" (1 span): map it with --labels source=…,cue=…,content=… (docs/FORMAT.md, "The ecosystem formats"): nothing of the file is read"#,
        ])
        let predicted = #"[{"data":{"text":"Ann said no."},"predictions":[{"result":[\#(Self.region("a", 4, 8, "Cue"))]}],"annotations":[{"result":[\#(Self.region("b", 0, 3, "PER"))]}]}]"#
        let read = LabelStudioFormat.read(Array(predicted.utf8), file: "t.json")
        #expect(!read.wholeFile)
        #expect(read.issues.map(\.description) == [#"t.json: task #1: annotations[0].result[0]: label "PER" is not one of Source, Cue, Content (map it with --labels)"#])
    }

    @Test func anotherToolsExportIsRefusedWholeToo() {
        #expect(DoccanoFormat.read(WrongToolTests.prodigy, file: "db-out.jsonl").wholeFile)
        #expect(LabelStudioFormat.read(WrongToolTests.claimdesk, file: "gold.jsonl").wholeFile)
        #expect(ProdigyFormat.read(WrongToolTests.studio, file: "tasks.json").wholeFile)
    }

    /// `import-gold` groups a Prodigy file's lines into tasks from the reader's one parse.
    @Test func prodigyParsedLinesSayTheirAnswerAnnotatorAndTask() {
        let text = #"{"text":"Ann said no.","answer":"accept","_annotator_id":"db-ann","_input_hash":-7,"meta":{"doc_id":"d"}}"# + "\n\n"
            + #"{"text":"Bo said yes.","answer":"ignore","_annotator_id":""}"# + "\n" + "[1]\n" + "{bad\n"
        let parsed = ProdigyFormat.parse(Array(text.utf8), file: "p.jsonl")
        #expect(parsed.map(\.number) == [1, 3, 4, 5])
        #expect(parsed.map(\.answer) == ["accept", "ignore", nil, nil])
        #expect(parsed.map(\.annotator) == ["db-ann", nil, nil, nil])
        #expect(parsed.map(\.task) == ["d\u{0}h-7", "\u{0}tBo said yes.", nil, nil])
        let unanswered = parsed[0].unanswered
        #expect(unanswered?.answer == nil && unanswered?.task == "d\u{0}h-7" && unanswered?.number == 1)
        let read = ProdigyFormat.read(parsed, file: "p.jsonl")
        #expect(read.lines.map(\.document.document.id) == ["d"])
        #expect(read.issues.map(\.line) == [3, 4, 5])
        #expect(read.issues.prefix(2).map(\.description) == [
            #"p.jsonl:3: the task was answered "ignore" in Prodigy: it is not gold (--skip-invalid imports the others)"#,
            "p.jsonl:4: a line must be a JSON object",
        ])
    }
}
