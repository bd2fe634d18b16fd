import Foundation
import Testing

/// Issue 10.1 and 10.2 through the real executable: what is stored equals what was read (or is
/// refused where it was read), and no stranger's string reaches a terminal raw.
@Suite struct SafetyEndToEndTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// "The mayor said the bridge is closed." with its one claim; `extra` lands in the document
    /// object, `claim` in the attribution object (JSON text, escapes written as JSON escapes).
    func line(id: String = "d1", extra: String = "", claim: String = "") -> String {
        #"{"doc_id": "\#(id)", "text": "The mayor said the bridge is closed.", \#(extra)"attributions": [{"source": [0, 9], "cue": [10, 14], "content": [15, 35], \#(claim)"source_type": "named_person"}]}"#
    }

    /// Bytes that would act on a terminal: ESC, BEL, C1 CSI and NEL, the right-to-left override.
    static func hostile(_ text: String) -> [String] {
        ["\u{1B}", "\u{7}", "\u{9B}", "\u{85}", "\u{202E}"].filter { text.unicodeScalars.contains($0.unicodeScalars.first!) }
    }

    @Test func hostileValuesFromFilesAreEscapedByEveryCommand() throws {
        let extra = #""title": "\u001b]0;owned\u0007 Storm", "publisher": "\u202eevil", "#
        let claim = #""outlet": "\u001b]52;c;aGk=\u0007", "source_entity": "\u009b31m\u0085x", "#
        let file = try scratch.write("claims.jsonl", line(extra: extra, claim: claim) + "\n")
        let review = #""review": {"status": "confirmed", "annotator": "ana", "note": "\u001b[2J"}, "#
        let gold = try scratch.write("gold.jsonl", line(extra: extra, claim: claim + review) + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "rules"]).status == 0)
        let imported = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"])
        #expect(imported.status == 0)
        var outputs: [String: CLI.Output] = ["import-gold": imported]
        for command in [
            ["runs"], ["runs", "--format", "json"], ["docs"], ["docs", "--format", "json"],
            ["claims"], ["claims", "--format", "json"], ["claims", "--run", "gold:ana"],
            ["score", "--run", "rules"], ["score", "--run", "rules", "--by", "outlet"],
            ["score", "--run", "rules", "--by", "outlet", "--format", "json"],
            ["agreement"], ["compare", "--run", "rules", "--run", "gold:ana"],
        ] {
            let result = try CLI.run(["--db", scratch.db] + command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            outputs[command.joined(separator: " ")] = result
        }
        for (command, result) in outputs {
            #expect(Self.hostile(result.stdout) == [], "\(command) stdout")
            #expect(Self.hostile(result.stderr) == [], "\(command) stderr")
        }
        // The values are shown, escaped, not dropped.
        #expect(outputs["docs"]?.stdout.contains(#"\u{202e}evil"#) == true)
        #expect(outputs["docs"]?.stdout.contains(#"\u{1b}]0;owned\u{7} Storm"#) == true)
        #expect(outputs["claims"]?.stdout.contains(#"\u{1b}]52;c;a"#) == true)
        #expect(outputs["score --run rules --by outlet"]?.stdout.contains(#"\u{1b}]52;c;aGk=\u{7}"#) == true)
        // JSON stays JSON that reads back to the very same values.
        let json = try #require(outputs["claims --format json"]?.stdout)
        #expect(json.contains(#""outlet":"\u001b]52;c;aGk=\u0007""#))
        #expect(json.contains(#""source_entity":"\u009b31m\u0085x""#))
        let docs = try #require(outputs["docs --format json"]?.stdout.data(using: .utf8))
        let parsed = try #require(try JSONSerialization.jsonObject(with: docs) as? [[String: Any]])
        #expect(parsed.first?["publisher"] as? String == "\u{202E}evil")
    }

    @Test func anAnnotatorNameInsideAGoldFileIsCheckedLikeADocID() throws {
        let review = #""review": {"status": "confirmed", "annotator": "\u001b]52;c;aGk=\u0007"}, "#
        let gold = try scratch.write("gold.jsonl", line(claim: review) + "\n")
        let result = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            claimdesk: \(gold):1: document "d1": attribution #1: review annotator name contains a control character (U+001B): "\\u{1b}]52;c;aGk=\\u{7}"

            """)
        #expect(try CLI.run(["--db", scratch.db, "runs"]).stdout == "no runs yet: `claimdesk extract` runs the built-in extractor\n")
    }

    @Test func aTagInsideAGoldFileIsCheckedToo() throws {
        let review = #""review": {"status": "confirmed", "annotator": "ana", "tags": ["ok", "\u202etag"]}, "#
        let gold = try scratch.write("gold.jsonl", line(claim: review) + "\n")
        let result = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(gold):1: document \"d1\": attribution #1: review tag contains an invisible format character (U+202E): \"\\u{202e}tag\"\n")
    }

    @Test func annotatorNamesFromFlagsAndTheEnvironmentAreChecked() throws {
        let gold = try scratch.write("gold.jsonl", line() + "\n")
        let flag = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "\u{1B}[2J"])
        #expect(flag.status == 1)
        #expect(flag.stderr == "claimdesk: --annotator: annotator name contains a control character (U+001B): \"\\u{1b}[2J\"\n")
        let env = try CLI.run(["--db", scratch.db, "annotate"], stdin: "q\n",
                              environment: ["CLAIMDESK_ANNOTATOR": "", "USER": "bo\u{202E}"])
        #expect(env.status == 1)
        #expect(env.stderr == "claimdesk: $USER: annotator name contains an invisible format character (U+202E): \"bo\\u{202e}\"\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.db))
    }

    @Test func runNamesGivenWithRunAreChecked() throws {
        let file = try scratch.write("claims.jsonl", line() + "\n")
        let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "\u{1B}]0;x\u{7}"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: --run: run name contains a control character (U+001B): \"\\u{1b}]0;x\\u{7}\"\n")
        let extract = try CLI.run(["--db", scratch.db, "extract", "--run", "a\u{85}b"])
        #expect(extract.status == 1)
        #expect(extract.stderr == "claimdesk: --run: run name contains a control character (U+0085): \"a\\u{85}b\"\n")
    }

    @Test func aDocIDOfOneCharacterAndManyCombiningMarksIsRefused() throws {
        let id = "a" + String(repeating: "\u{301}", count: 100_000)
        let file = try scratch.write("long.jsonl", line(id: id) + "\n")
        let result = try CLI.run(["--db", scratch.db, "ingest", file])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(file):1: doc_id has 100001 Unicode scalars (at most 200)\n")
    }

    @Test func usageErrorsQuoteArgumentsEscaped() throws {
        let result = try CLI.run(["--db", scratch.db, "runs", "--format", "\u{1B}[2J"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(Self.hostile(result.stderr) == [])
        #expect(result.stderr.contains(#"\u{1b}[2J"#))
    }

    // MARK: - NUL: stored = read, or refused where it was read

    @Test(arguments: [
        (#""title": "Sto\u0000rm", "#, #""title" contains a NUL character (U+0000) at scalar 3"#),
        (#""publisher": "\u0000", "#, #""publisher" contains a NUL character (U+0000) at scalar 0"#),
    ])
    func aNULInADocumentFieldIsRefusedWhereItWasRead(extra: String, message: String) throws {
        let file = try scratch.write("docs.jsonl", #"{"doc_id": "ok", "text": "fine"}"# + "\n" + line(extra: extra) + "\n")
        let result = try CLI.run(["--db", scratch.db, "ingest", file])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(file):2: document \"d1\": \(message): ClaimDesk cannot store it\n")
        #expect(try CLI.run(["--db", scratch.db, "docs"]).stdout.hasPrefix("no documents yet"))
    }

    @Test func aNULInTheTextOrAReviewNoteIsRefused() throws {
        let text = try scratch.write("text.jsonl", #"{"doc_id": "d1", "text": "The mayor\u0000 said so."}"# + "\n")
        let ingest = try CLI.run(["--db", scratch.db, "ingest", text])
        #expect(ingest.stderr == "claimdesk: \(text):1: document \"d1\": \"text\" contains a NUL character (U+0000) at scalar 9: ClaimDesk cannot store it\n")
        let review = #""review": {"status": "confirmed", "annotator": "ana", "note": "a\u0000b"}, "#
        let gold = try scratch.write("gold.jsonl", line(claim: review) + "\n")
        let imported = try CLI.run(["--db", scratch.db, "import-gold", gold, "--annotator", "ana"])
        #expect(imported.status == 1)
        #expect(imported.stderr == "claimdesk: \(gold):1: document \"d1\": \"attributions[0].review.note\" contains a NUL character (U+0000) at scalar 1: ClaimDesk cannot store it\n")
    }

    @Test func aNULByteInATextFileIsRefusedWithItsLine() throws {
        let file = try scratch.write("nul.txt", bytes: Array("Title\n\nThe mayor".utf8) + [0] + Array(" said so.".utf8))
        let result = try CLI.run(["--db", scratch.db, "ingest", file])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(file):3: NUL character (U+0000) at byte 16: ClaimDesk cannot store it\n")
    }

    @Test func aNULInASidecarIsRefusedWithItsFile() throws {
        let text = try scratch.write("storm.txt", "Storm\n\nThe mayor said so.")
        let meta = try scratch.write("storm.meta.json", #"{"publisher": "Led\u0000ger"}"#)
        let result = try CLI.run(["--db", scratch.db, "ingest", text])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(meta):1: \"publisher\" contains a NUL character (U+0000) at scalar 3: ClaimDesk cannot store it\n")
    }

    @Test func theReviewAndAdjudicationScreensShowStoredValuesEscaped() throws {
        let extra = #""title": "\u001b]0;x\u0007T", "#
        let claim = #""outlet": "\u001b]52;c;aGk=\u0007", "source_entity": "\u009bx", "review": {"status": "confirmed", "annotator": "ana", "note": "\u001b[2J"}, "#
        let file = try scratch.write("h.jsonl", line(extra: extra, claim: claim).replacingOccurrences(of: "closed.", with: "closed.\\u202e") + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "rules"]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", file, "--annotator", "ana"]).status == 0)
        let review = try CLI.run(["--db", scratch.db, "annotate", "--annotator", "bo"],
                                 stdin: "show\nlist\ncontext\nnote \u{1B}[2J\nshow --all\noutlet \"\u{1B}]0;t\u{7}\"\nundo\nprogress\nq\n")
        #expect(review.status == 0, "\(review.stdout)")
        #expect(Self.hostile(review.stdout + review.stderr) == [])
        #expect(review.stdout.contains("  outlet      \\u{1b}]52;c;aGk=\\u{7}\n"))
        #expect(review.stdout.contains("d1 · \\u{1b}]0;x\\u{7}T\n"))
        let adjudicate = try CLI.run(["--db", scratch.db, "adjudicate", "--annotator", "cy"], stdin: "next\nq\n")
        #expect(Self.hostile(adjudicate.stdout + adjudicate.stderr) == [])
    }

    @Test func aStorePathIsPrintedEscaped() throws {
        let db = scratch.path("a\u{1B}[2Jb.sqlite")
        #expect(try CLI.run(["--db", db, "ingest", try scratch.write("k.txt", "Kept\n\nThe mayor said so.")]).status == 0)
        let check = try CLI.run(["--db", db, "check"])
        #expect(check.status == 0)
        #expect(check.stdout == db.replacingOccurrences(of: "\u{1B}", with: "\\u{1b}") + ": ok (schema, quick_check, references)\n")
    }

    @Test func aLeadingByteOrderMarkIsAccepted() throws {
        let file = try scratch.write("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array((line() + "\n").utf8))
        let result = try CLI.run(["--db", scratch.db, "ingest", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CLI.run(["--db", scratch.db, "docs"]).stdout.contains("d1 "))
    }

    @Test func thePipeModeREPLRefusesANULAndEchoesInputEscaped() throws {
        let file = try scratch.write("claims.jsonl", line() + "\n")
        #expect(try CLI.run(["--db", scratch.db, "import-claims", file, "--run", "rules"]).status == 0)
        let session = try CLI.run(["--db", scratch.db, "annotate", "--annotator", "ana"],
                                  stdin: "note a\u{0}b\nnote \u{1B}]52;c;aGk=\u{7}\nq\n")
        #expect(session.status == 1)
        #expect(Self.hostile(session.stdout) == [])
        #expect(session.stdout.contains("""
            claimdesk> note a\\u{0}b
            error: the line contains a NUL character (U+0000), which ClaimDesk cannot store; nothing changed
            claimdesk> note \\u{1b}]52;c;aGk=\\u{7}
            note added to #1
            """))
    }
}

/// The same rules for every import format: a NUL or a bad name is refused where it was read.
@Suite struct ImportFormatsSafetyTests {
    @Test func aBratAnnotatorThatWritesTheClipboardIsRefusedLocated() throws {
        let scratch = try Scratch()
        try scratch.write("brat/d1.txt", "The mayor said so.")
        let ann = try scratch.write("brat/d1.ann", """
            T1\tSource 0 9\tThe mayor
            T2\tCue 10 14\tsaid
            T3\tContent 15 17\tso
            E1\tCue:T2 Source:T1 Content:T3
            A1\tVerdict E1 confirmed
            A2\tAnnotator E1 %1B]52;c;aGk=%07

            """)
        let result = try CLI.run(["--db", scratch.db, "import-gold", scratch.path("brat"), "--annotator", "ana"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: \(ann): document \"d1\": attribution #1: review annotator name contains a control character (U+001B): \"\\u{1b}]52;c;aGk=\\u{7}\"\n")
        #expect(try CLI.run(["--db", scratch.db, "runs"]).stdout.hasPrefix("no runs yet"))
    }

    @Test func aNULInADoccanoTextIsRefusedLocated() throws {
        let scratch = try Scratch()
        let file = try scratch.write("d.jsonl", #"{"id": 7, "text": "The mayor\u0000 said so.", "entities": [], "relations": []}"# + "\n")
        let result = try CLI.run(["--db", scratch.db, "import-claims", file, "--format", "doccano", "--run", "x"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: \(file):1: document \""))
        #expect(result.stderr.hasSuffix("\"text\" contains a NUL character (U+0000) at scalar 9: ClaimDesk cannot store it\n"))
    }
}
