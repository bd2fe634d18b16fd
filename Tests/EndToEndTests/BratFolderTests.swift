import Foundation
import Testing

/// brat folders through the real executable: lossless round trips, what a brat user's edits
/// become, and the edges of file names, line ends and folders.
@Suite struct BratFolderTests {
    /// Two documents: astral scalars, a CRLF text with a title, a content split by a line break,
    /// a discontinuous content, a sourceless hedge, notes with line breaks and quotes, tags,
    /// review times, ids, publisher, date and `meta`.
    static let gold = [
        #"{"doc_id":"d1","title":"Prices","publisher":"The Ledger","publication_date":"2026-11-02","meta":{"section":"economy","pages":[1,2.50]},"text":"Zoë Brandt told Newsweek that prices 🚀 will rise.\n\"Taxes will rise,\" the minister said, \"next year.\"","attributions":["#
            + #"{"id":"a1","source":[0,10],"cue":[11,15],"content":[30,48],"outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":"zoe brandt","confidence":0.83,"review":{"status":"corrected","annotator":"ana","confidence":"high","tags":["price","a;b"],"note":"outlet fixed, \"told\" kept\nsecond line\\end","at":"2026-11-25T10:00:00Z"}},"#
            + #"{"id":"a2","source":[69,81],"cue":[82,86],"content":[51,99],"content_fragments":[[51,67],[89,99]],"source_type":"named_person","review":{"status":"added","annotator":"ana","at":"2026-11-25T10:01:00Z"}}]}"#,
        #"{"doc_id":"d2","title":"Port news","text":"Port news\r\n\r\nOfficials said \"the port\r\nwill reopen\" on 𝄞 Monday.\r\nIt is believed the fee will rise.\r\n","attributions":["#
            + #"{"id":"b1","source":[13,22],"cue":[23,27],"content":[29,50],"source_type":"anonymous","anonymous":true,"review":{"status":"confirmed","annotator":"ana","tags":["port"],"at":"2026-11-25T10:02:00Z"}},"#
            + #"{"id":"b2","source":null,"cue":[66,80],"content":[81,98],"source_type":"implicit","confidence":0.5,"review":{"status":"confirmed","annotator":"ana","confidence":"low","note":"no source\r\n\"hedge\"","at":"2026-11-25T10:03:00Z"}}]}"#,
    ].joined(separator: "\n") + "\n"

    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix("dataset-card.") {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
        return out
    }

    @Test func exportImportExportGivesTheSameBytesAndTheSameGold() throws {
        let scratch = try Scratch()
        let input = try scratch.write("gold.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input, "--annotator", "x"]).status == 0)
        let first = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")])
        #expect(first.status == 0, "\(first.stderr)")
        let db2 = scratch.path("two.sqlite")
        let imported = try CLI.run(["--db", db2, "import-gold", scratch.path("brat"), "--annotator", "x"])
        #expect(imported.stdout == "run \"gold:ana\": imported 4 claims in 2 documents\ngold: 2 documents, 4 claims; marked done by ana\n")
        #expect(imported.stderr == "")
        #expect(try CLI.run(["--db", db2, "export", "--gold", "--format", "brat", "--out", scratch.path("again")]).status == 0)
        let before = try Self.files(scratch.path("brat")), after = try Self.files(scratch.path("again"))
        #expect(before.keys.sorted() == ["annotation.conf", "d1.ann", "d1.claimdesk.json", "d1.txt", "d2.ann", "d2.claimdesk.json", "d2.txt", "tools.conf", "visual.conf"])
        for (name, bytes) in before { #expect(after[name] == bytes, "\(name)") }
        // The gold itself (every field the JSONL carries) is the same in both stores.
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("1.jsonl")]).status == 0)
        #expect(try CLI.run(["--db", db2, "export", "--gold", "--out", scratch.path("2.jsonl")]).status == 0)
        let one = try String(contentsOfFile: scratch.path("1.jsonl"), encoding: .utf8)
        #expect(one == (try String(contentsOfFile: scratch.path("2.jsonl"), encoding: .utf8)))
        #expect(one.contains(#""doc_id":"d2","title":"Port news","text":"Port news\r\n\r\nOfficials"#))
        #expect(one.contains(#""review":{"status":"corrected","annotator":"ana","confidence":"high","tags":["price","a;b"],"note":"outlet fixed, \"told\" kept\nsecond line\\end","at":"2026-11-25T10:00:00Z"}"#))
        // brat sees the content split at the CRLF inside it; the sidecar keeps the real span.
        let d2 = try String(contentsOfFile: scratch.path("brat/d2.ann"), encoding: .utf8)
        #expect(d2 == """
            T1\tSource 13 22\tOfficials
            T2\tCue 23 27\tsaid
            T3\tContent 29 37;39 50\tthe port will reopen
            E1\tCue:T2 Source:T1 Content:T3
            A1\tSourceType E1 anonymous
            A2\tAnonymous E1 yes
            A3\tVerdict E1 confirmed
            A4\tAnnotator E1 ana
            T4\tCue 66 80\tIt is believed
            T5\tContent 81 98\tthe fee will rise
            E2\tCue:T4 Content:T5
            A5\tSourceType E2 implicit
            A6\tConfidence E2 0.5
            A7\tVerdict E2 confirmed
            A8\tAnalystConfidence E2 low
            A9\tAnnotator E2 ana
            #1\tAnnotatorNotes E2\tno source\\r\\n"hedge"

            """)
        #expect(try String(contentsOfFile: scratch.path("brat/d2.claimdesk.json"), encoding: .utf8) ==
            #"{"doc_id":"d2","title":"Port news","attributions":[{"brat_id":"E1","id":"b1","source":[13,22],"cue":[23,27],"content":[29,50],"outlet":null,"source_type":"anonymous","anonymous":true,"source_entity":null,"confidence":null,"review":{"status":"confirmed","annotator":"ana","tags":["port"],"at":"2026-11-25T10:02:00Z"}},{"brat_id":"E2","id":"b2","source":null,"cue":[66,80],"content":[81,98],"outlet":null,"source_type":"implicit","anonymous":null,"source_entity":null,"confidence":0.5,"review":{"status":"confirmed","annotator":"ana","confidence":"low","note":"no source\r\n\"hedge\"","at":"2026-11-25T10:03:00Z"}}]}"# + "\n")
    }

    /// A brat user deletes one claim, adds one, edits a verdict, and leaves a few things
    /// ClaimDesk does not use: each comes back as the .ann says, with a located word.
    @Test func aBratUsersEditsComeBackWithLocatedWarnings() throws {
        let scratch = try Scratch()
        let input = try scratch.write("gold.jsonl", Self.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")]).status == 0)
        let ann = try String(contentsOfFile: scratch.path("brat/d1.ann"), encoding: .utf8)
        // Delete the second claim (E2, its cue and content, its attributes); keep its source T4.
        let kept = ann.split(separator: "\n").filter { line in !["E2\t", "T5\t", "T6\t"].contains { line.hasPrefix($0) } && !line.contains(" E2 ") }
        let edited = kept.joined(separator: "\n").replacingOccurrences(of: "Verdict E1 corrected", with: "Verdict E1 confirmed") + "\n"
            + "T9\tCue 82 86\tsaid\nE5\tCue:T9 Source:T4\nR7\tSpeaks Arg1:T4 Arg2:T9\nT10\tQuote\u{202E} 0 3\tZoë\nT11\tCue 11 15\ttold\n"
        try scratch.write("brat/d1.ann", edited)
        let db2 = scratch.path("two.sqlite")
        let imported = try CLI.run(["--db", db2, "import-gold", scratch.path("brat"), "--annotator", "ana"])
        let ann1 = scratch.path("brat/d1.ann")
        #expect(imported.stderr == """
            warning: \(ann1):17: R7: unknown relation "Speaks" (SourceOf): left out
            warning: \(ann1):18: T10: unknown type "Quote\\u{202e}" (Source, Cue or Content): left out
            warning: \(ann1):19: T11: a Cue that no event uses: left out
            warning: \(scratch.path("brat/d1.claimdesk.json")):1: attribution #2 (id "a2"), anchored on E2, is no longer in the .ann (deleted in brat?): dropped

            """)
        #expect(imported.stdout == "run \"gold:ana\": imported 4 claims in 2 documents\ngold: 2 documents, 4 claims; marked done by ana\n")
        #expect(try CLI.run(["--db", db2, "export", "--gold", "--out", scratch.path("2.jsonl")]).status == 0)
        let out = try String(contentsOfFile: scratch.path("2.jsonl"), encoding: .utf8)
        // The edited verdict comes from the .ann; id, tags, note and time from the sidecar.
        #expect(out.contains(#"{"id":"a1","source":[0,10],"cue":[11,15],"content":[30,48],"source_text":"Zoë Brandt","cue_text":"told","content_text":"prices 🚀 will rise","outlet":"Newsweek","source_type":"named_person","anonymous":false,"source_entity":"zoe brandt","confidence":0.83,"review":{"status":"confirmed","annotator":"ana","confidence":"high","tags":["price","a;b"],"note":"outlet fixed, \"told\" kept\nsecond line\\end","at":"2026-11-25T10:00:00Z"}}"#))
        #expect(!out.contains(#""id":"a2""#))
        // The claim added in brat: no sidecar entry, reviewed by --annotator.
        #expect(out.contains(#"{"source":[69,81],"cue":[82,86],"content":null,"source_text":"the minister","cue_text":"said","outlet":null,"source_type":null,"anonymous":null,"source_entity":null,"confidence":null,"review":{"status":"added","annotator":"ana","at":"#))
    }

    /// A doc_id within the name rule (200 scalars, 240 bytes) can still make a file name over
    /// 255 bytes once `/` and `%` are escaped: the stem is cut, ends in a digest, and the sidecar
    /// gives the doc_id back.
    @Test func aDocIDTooLongForAFileNameIsShortenedAndComesBack() throws {
        let scratch = try Scratch()
        let id = String(repeating: "a/", count: 80)
        let line = #"{"doc_id":""# + id + #"","text":"Ana said it.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,11],"review":{"status":"added","annotator":"ana"}}]}"# + "\n"
        let input = try scratch.write("long.jsonl", line)
        let stored = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(stored.status == 0, "\(stored.stderr)")
        let export = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")])
        #expect(export.status == 0, "\(export.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("brat")).filter { !$0.hasSuffix(".conf") && !$0.hasPrefix("dataset-card.") }.sorted()
        // 45 times "a%2F" and an "a" (181 bytes: no escape is cut), "%~", 16 hex digits of the
        // doc_id's SHA-256; 199 bytes, 214 with ".claimdesk.json".
        let stem = String(repeating: "a%2F", count: 45) + "a%~066d298e5cd2b642"
        #expect(names == [stem + ".ann", stem + ".claimdesk.json", stem + ".txt"])
        let again = try CLI.run(["--db", scratch.path("two.sqlite"), "import-gold", scratch.path("brat")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try CLI.run(["--db", scratch.path("two.sqlite"), "export", "--gold", "--out", scratch.path("2.jsonl")]).status == 0)
        #expect(try String(contentsOfFile: scratch.path("2.jsonl"), encoding: .utf8).hasPrefix(#"{"doc_id":""# + id + #"","text""#))
    }

    /// Whitespace other than a space and path separators never reach a file name raw, and the
    /// doc_id comes back from the name alone (no sidecar).
    @Test func unusualDocIDsAreEscapedInFileNames() throws {
        let scratch = try Scratch()
        let line = #"{"doc_id":".x y z　/%","text":"Ana said it.","attributions":[{"source":[0,3],"cue":[4,8],"content":[9,11],"review":{"status":"added","annotator":"ana"}}]}"# + "\n"
        let input = try scratch.write("odd.jsonl", line)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")]).status == 0)
        let stem = "%2Ex y%C2%A0z%E3%80%80%2F%25"
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("brat")).contains(stem + ".ann"))
        try FileManager.default.removeItem(atPath: scratch.path("brat/\(stem).claimdesk.json"))
        #expect(try CLI.run(["--db", scratch.path("two.sqlite"), "import-gold", scratch.path("brat")]).status == 0)
        #expect(try CLI.run(["--db", scratch.path("two.sqlite"), "export", "--gold", "--out", scratch.path("2.jsonl")]).status == 0)
        #expect(try String(contentsOfFile: scratch.path("2.jsonl"), encoding: .utf8).hasPrefix("{\"doc_id\":\".x y\u{a0}z\u{3000}/%\""))
    }

    /// docs/demo.sh's store (ana and bo review, cy adjudicates) through brat and back: the same
    /// brat files and the same JSONL gold (reviewed_by, other_reviews, adjudication) byte for byte.
    @Test func adjudicatedMultiAnnotatorGoldRoundTripsThroughBrat() throws {
        let scratch = try Scratch()
        try GoldRoundTripTests.demoStore(scratch)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("1.jsonl")]).status == 0)
        let fresh = scratch.path("fresh.sqlite")
        let imported = try CLI.run(["--db", fresh, "import-gold", scratch.path("brat"), "--annotator", "zed"])
        #expect(imported.stdout == """
            run "gold:zed": imported 13 claims in 1 document
            gold: 1 document, 13 claims; marked done by ana, bo; adjudicated by cy

            """, "\(imported.stderr)")
        #expect(imported.stderr == "")
        #expect(try CLI.run(["--db", fresh, "export", "--gold", "--format", "brat", "--out", scratch.path("again")]).status == 0)
        #expect(try CLI.run(["--db", fresh, "export", "--gold", "--out", scratch.path("2.jsonl")]).status == 0)
        let before = try Self.files(scratch.path("brat")), after = try Self.files(scratch.path("again"))
        #expect(before.count == 6)
        for (name, bytes) in before { #expect(after[name] == bytes, "\(name)") }
        let gold = try String(contentsOfFile: scratch.path("1.jsonl"), encoding: .utf8)
        #expect(gold.contains(#""reviewed_by":["ana","bo"]"#) && gold.contains(#""adjudication":true"#))
        #expect(gold == (try String(contentsOfFile: scratch.path("2.jsonl"), encoding: .utf8)))
    }

    /// A folder made by hand in brat: CRLF in the .ann and the .txt, no sidecar. The title comes
    /// from the CRLF text; the claim's annotator is `--annotator`.
    @Test func aCRLFFolderWithoutSidecarsIsRead() throws {
        let scratch = try Scratch()
        try scratch.write("brat/story.txt", "Port news\r\n\r\nOfficials said the port will reopen.\r\n")
        try scratch.write("brat/story.ann", "T1\tSource 13 22\tOfficials\r\nT2\tCue 23 27\tsaid\r\nT3\tContent 28 49\tthe port will reopen.\r\nE1\tCue:T2 Source:T1 Content:T3\r\n")
        let imported = try CLI.run(["--db", scratch.db, "import-gold", scratch.path("brat"), "--annotator", "cy"])
        #expect(imported.stderr == "")
        #expect(imported.stdout == "run \"gold:cy\": imported 1 claim in 1 document\ngold: 1 document, 1 claim; marked done by cy\n")
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--out", scratch.path("g.jsonl")]).status == 0)
        let out = try String(contentsOfFile: scratch.path("g.jsonl"), encoding: .utf8)
        #expect(out.hasPrefix(#"{"doc_id":"story","title":"Port news","text":"Port news\r\n\r\nOfficials said the port will reopen.\r\n","attributions":[{"source":[13,22],"cue":[23,27],"content":[28,49],"#))
        #expect(out.contains(#""review":{"status":"added","annotator":"cy","at":"#))
    }

    /// Found by fuzzing: a text edited after annotating made each T line's text mismatch, and every
    /// event naming that T line then said, again, "T2 is not a T line of this file" (false: it is
    /// one, refused). The T line's own line says what is wrong; the event adds nothing.
    @Test func aRefusedTLineIsReportedOnceNotAgainByItsEvent() throws {
        let scratch = try Scratch()
        try scratch.write("brat/story.txt", "Bob said it.")
        try scratch.write("brat/story.ann", "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nE1\tCue:T2 Source:T1\n")
        #expect(try CLI.run(["--db", scratch.db, "ingest", try scratch.write("kept.txt", "Cy said so.")]).status == 0)
        let before = try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout
        let imported = try CLI.run(["--db", scratch.db, "import-gold", scratch.path("brat"), "--annotator", "cy"])
        #expect(imported.status == 1)
        #expect(imported.stderr == "claimdesk: \(scratch.path("brat/story.ann")):1: T1: text \"Ana\" does not match the document at 0 3: \"Bob\"\n")
        #expect(try CLI.run(["--db", scratch.db, "docs", "--format", "json"]).stdout == before)
    }

    /// Subfolders (brat's sub-collections), symbolic links to folders and unreadable folders are
    /// not read, and each is named.
    @Test func subfoldersAndLinksAreNamedNotSilentlySkipped() throws {
        let scratch = try Scratch()
        try scratch.write("brat/story.txt", "Ana said it.")
        try scratch.write("brat/story.ann", "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nE1\tCue:T2 Source:T1\n")
        try scratch.write("brat/more/other.txt", "Bo said it.")
        try scratch.write("elsewhere/x.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("brat/link"), withDestinationPath: scratch.path("elsewhere"))
        let imported = try CLI.run(["--db", scratch.db, "import-gold", scratch.path("brat"), "--annotator", "cy"])
        #expect(imported.status == 0)
        #expect(imported.stderr == """
            warning: \(scratch.path("brat/link")): a symbolic link to a folder: not read (import that folder on its own)
            warning: \(scratch.path("brat/more")): a subfolder: not read (import it on its own)

            """)
    }
}
