import ClaimModel
import Foundation
import Testing

/// `train`, `models`, `import-model` and `extract --model` through the real executable: their
/// outputs, and every refusal as one exact stderr line.
@Suite struct ModelCommandTests {
    let scratch: Scratch
    let db: String

    /// A store with two documents and a gold run over them (imported, so `train --from gold` has data).
    init() throws {
        scratch = try Scratch()
        db = scratch.path("store.sqlite")
        let gold = #"{"doc_id":"g1","text":"The ferry captain radioed that the crossing was cancelled.","attributions":[{"source":[0,17],"cue":[18,25],"content":[31,57]}]}"#
            + "\n" + #"{"doc_id":"g2","text":"The harbour master said the quay was closed.","attributions":[{"source":[0,18],"cue":[19,23],"content":[24,43]}]}"# + "\n"
        let file = try scratch.write("gold.jsonl", gold)
        _ = try ok(["import-claims", "--run", "gold", file])
    }

    @discardableResult
    func ok(_ arguments: [String]) throws -> CLI.Output {
        let out = try CLI.run(["--db", db] + arguments)
        if out.status != 0 { throw CLI.Failure(status: out.status, stderr: out.stderr) }
        return out
    }

    func refused(_ arguments: [String], status: Int32 = 1) throws -> String {
        let out = try CLI.run(["--db", db] + arguments)
        #expect(out.status == status, "\(arguments): \(out.stderr)")
        #expect(out.stdout == "")
        return out.stderr
    }

    /// The model's JSON listing entry (name, digest, bytes, provenance).
    func listed() throws -> [JSONValue] {
        guard case let .array(models)? = JSONValue(parsing: try ok(["models", "--format", "json"]).stdout) else { return [] }
        return models
    }

    @Test func trainStoresTheModelWithItsProvenanceAndModelsListsIt() throws {
        #expect(try ok(["models"]).stdout == "no models yet: `claimdesk train --model NAME --gold` trains one on the analysts' gold\n")
        let train = try ok(["train", "--model", "ferry", "--from", "gold", "--seed", "7"]).stdout
        let model = try #require(try listed().first)
        let digest = try #require(model["digest"]?.stringValue)
        let provenance = try #require(model["provenance"])
        let family = try #require(model["family"]?.stringValue)
        let dataDigest = try #require(provenance["data_digest"]?.stringValue)
        #expect(provenance["source"] == .object([("kind", .string("run")), ("run", .string("gold"))]))
        #expect(provenance["documents"] == .number("2") && provenance["attributions"] == .number("2"))
        #expect(provenance["options"]?["seed"] == .number("7") && provenance["options"]?["base"] == .string("rules"))
        #expect(provenance["claimdesk_version"] == .string(ClaimDeskVersion.current))
        #expect(provenance["digest"]?.stringValue == digest)
        #expect(provenance["dev"] == .null)
        let lines = train.split(separator: "\n").map(String.init)
        #expect(lines.first == "model \"ferry\": trained on run \"gold\", 2 documents, 2 attributions (data \(dataDigest.prefix(12)))")
        // Two documents: each calibrates out of fold (no note), and its own readings did as well.
        #expect(lines.count == 3 && lines[1].hasPrefix("\(family), base rules, seed 7, ") && lines[1].hasSuffix("digest \(digest.prefix(12))"))
        #expect(Array(lines.suffix(1)) == [
            "next: `claimdesk extract --model ferry` finds claims with it in run \"ferry\" (the rules plus the model)",
        ])

        let table = try ok(["models"]).stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(table.first == ["model", "family", "trained", "on", "documents", "attributions", "digest", "created", "rules'", "claims",
                                "dev", "F1"])
        #expect(table.last.map { Array($0.prefix(5)) + [$0[6], $0[8], $0.last ?? ""] }
            == ["ferry", family, "run", "gold", "2", String(digest.prefix(12)), "rescored", "-"])
    }

    @Test func theSameDataAndSeedGiveTheSameModelDigest() throws {
        try ok(["train", "--model", "a", "--from", "gold"])
        try ok(["train", "--model", "b", "--from", "gold"])
        let digests = try listed().map { $0["digest"]?.stringValue }
        #expect(digests.count == 2 && digests[0] == digests[1])
    }

    @Test func devFiguresAreStoredAndPrinted() throws {
        let out = try ok(["train", "--model", "ferry", "--from", "gold", "--dev", "gold"]).stdout
        let dev = try #require(try listed().first?["provenance"]?["dev"])
        #expect(dev["run"] == .string("gold") && dev["documents"] == .number("2") && dev["shared_with_training"] == .number("2"))
        #expect(out.contains("\ndev run \"gold\" (2 documents): attribution partial F1 "))
        #expect(out.hasSuffix("\nnote: 2 dev documents are also in the training data (the figures flatter the model)\n"
            + "next: `claimdesk extract --model ferry` finds claims with it in run \"ferry\" (the rules plus the model)\n"))
    }

    @Test func aModelFileMovesAModelToAnotherStore() throws {
        let file = scratch.path("ferry.model")
        let out = try ok(["train", "--model", "ferry", "--from", "gold", "--out", file]).stdout
        let bytes = scratch.bytes("ferry.model")
        #expect(out.hasSuffix("\nwrote \(file) (\(bytes.count) bytes)\n"
            + "next: `claimdesk extract --model ferry` finds claims with it in run \"ferry\" (the rules plus the model)\n"))
        let original = try #require(try listed().first)
        let other = scratch.path("other.sqlite")
        let imported = try CLI.run(["--db", other, "import-model", file, "--as", "ferry2"])
        #expect(imported.status == 0 && imported.stderr == "")
        let digest = try #require(original["digest"]?.stringValue)
        #expect(imported.stdout.hasPrefix("model \"ferry2\": imported from \(file) ("))
        #expect(imported.stdout.hasSuffix(", 2 documents, 2 attributions, digest \(digest.prefix(12)))\n"
            + "next: `claimdesk extract --model ferry2` finds claims with it in run \"ferry2\" (the rules plus the model)\n"))
        let copy = JSONValue(parsing: try CLI.run(["--db", other, "models", "--format", "json"]).stdout)
        guard case let .array(models)? = copy, let model = models.first else { Issue.record("no model listed"); return }
        #expect(model["digest"] == original["digest"] && model["provenance"] == original["provenance"])
    }

    @Test func damagedModelFilesAreRefusedWithOneLocatedLine() throws {
        let file = scratch.path("ferry.model")
        try ok(["train", "--model", "ferry", "--from", "gold", "--out", file])
        let bytes = scratch.bytes("ferry.model")
        let cut = try scratch.write("cut.model", bytes: Array(bytes.dropLast(3)))
        let header = try #require(JSONValue(parsing: String(decoding: bytes.split(separator: 10)[1], as: UTF8.self)))
        guard case let .number(modelBytes)? = header["model_bytes"], let n = Int(modelBytes) else { Issue.record("no model_bytes"); return }
        #expect(try refused(["import-model", cut, "--as", "x"]) == "claimdesk: \(cut):4: truncated: the model should be \(n) bytes, the file holds \(n - 3)\n")
        let other = try scratch.write("other.model", "{\"doc_id\":\"g1\"}\n")
        #expect(try refused(["import-model", other]) == "claimdesk: \(other):1: not a ClaimDesk model file (it should begin with \"CLAIMDESK-MODEL 1\")\n")
        var newer = bytes
        newer[16] = UInt8(ascii: "9")
        let future = try scratch.write("future.model", bytes: newer)
        #expect(try refused(["import-model", future])
            == "claimdesk: \(future):1: model file format version \"9\"; this ClaimDesk (\(ClaimDeskVersion.current)) reads version 1\n")
        #expect(try refused(["import-model", file]) == "claimdesk: a model named \"ferry\" already exists, the same model byte for byte: nothing to import\n")
        #expect(try refused(["import-model", scratch.path("missing.model")]) == "claimdesk: \(scratch.path("missing.model")): cannot read: No such file or directory\n")
        #expect(try listed().count == 1)
    }

    /// A model file with `old` replaced by `new` once (the header comes before the provenance),
    /// `provenance_bytes` kept true when the change is in the provenance.
    func edited(_ bytes: [UInt8], _ old: String, _ new: String, inProvenance: Bool = false) throws -> [UInt8] {
        // The first three lines are text (magic, header, provenance); the model's bytes after them are not.
        let newlines = bytes.indices.filter { bytes[$0] == 10 }
        try #require(newlines.count >= 3)
        let end = newlines[2] + 1
        var text = String(decoding: bytes[..<end], as: UTF8.self)
        let range = try #require(text.range(of: old))
        text.replaceSubrange(range, with: new)
        if inProvenance {
            let count = try #require(text.firstMatch(of: /"provenance_bytes":(\d+)/))
            let grown = try #require(Int(count.1)) + new.utf8.count - old.utf8.count
            text.replaceSubrange(count.range, with: "\"provenance_bytes\":\(grown)")
        }
        return Array(text.utf8) + bytes[end...]
    }

    /// Found by fuzzing `import-model`: the header's `family` was stored as the file said, so a
    /// file could list any family (even a NUL, refused only by the store, without a place) and
    /// `models` printed the provenance's names raw. The family must be the bytes' own; the
    /// listing escapes what came from a file.
    @Test func aHeaderFamilyThatIsNotTheModelsIsRefusedAndProvenanceNamesAreEscaped() throws {
        let file = scratch.path("ferry.model")
        try ok(["train", "--model", "ferry", "--from", "gold", "--out", file])
        let family = try #require(try listed().first?["family"]?.stringValue)
        let bytes = scratch.bytes("ferry.model")
        for (claimed, shown) in [("toy\\u001b[2J", "toy\\u{1b}[2J"), ("a\\u0000b", "a\\u{0}b")] {
            let forged = try scratch.write("forged.model", bytes: try edited(bytes, "\"family\":\"\(family)\"", "\"family\":\"\(claimed)\""))
            #expect(try refused(["import-model", forged, "--as", "forged"])
                == "claimdesk: \(forged):2: invalid header: \"family\" is \"\(shown)\", the model's bytes are \(family)\n")
        }
        #expect(try listed().count == 1)

        let hostile = try scratch.write("hostile.model", bytes: try edited(bytes, "\"run\":\"gold\"", "\"run\":\"g\\u001b]0;x\\u0007\"", inProvenance: true))
        let other = scratch.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "import-model", hostile]).status == 0)
        let table = try CLI.run(["--db", other, "models"])
        #expect(table.status == 0 && !table.stdout.unicodeScalars.contains("\u{1b}"))
        #expect(table.stdout.contains(" run g\\u{1b}]0;x\\u{7} "))
    }

    @Test func trainRefusesWhatItCannotUse() throws {
        #expect(try refused(["train", "--model", "m"]).contains("give one training source: --from RUN or --gold"))
        #expect(try refused(["train", "--model", "m", "--gold"])
            == "claimdesk: no gold to train on: no documents are marked done (review them with `claimdesk annotate`, then `done`; or train --from RUN)\n")
        #expect(try refused(["train", "--model", "m", "--from", "nope"]) == "claimdesk: no run named \"nope\" (see `claimdesk runs`)\n")
        try ok(["extract"])
        #expect(try refused(["train", "--model", "m", "--from", "rules"])
            == "claimdesk: run \"rules\" holds an extractor's output, not gold: train --from an imported gold run (`claimdesk import-gold`, `import-claims`) or --gold\n")
        #expect(try refused(["train", "--model", "bad\u{7}name", "--from", "gold"])
            == "claimdesk: --model: model name contains a control character (U+0007): \"bad\\u{7}name\"\n")
        try ok(["train", "--model", "m", "--from", "gold"])
        #expect(try refused(["train", "--model", "m", "--from", "gold"])
            == "claimdesk: a model named \"m\" already exists (use --replace to replace it, or another name)\n")
        let replaced = try ok(["train", "--model", "m", "--from", "gold", "--replace"]).stdout
        #expect(replaced.contains(" (replaced the previous model of that name)\n"))
        try scratch.write("taken.model", "x")
        #expect(try refused(["train", "--model", "m2", "--from", "gold", "--out", scratch.path("taken.model")])
            == "claimdesk: \(scratch.path("taken.model")): cannot write: something is already there (a model file is never replaced: remove it or name another)\n")
        #expect(try listed().map { $0["name"]?.stringValue } == ["m"])
    }

    @Test func compareNamesTheModelBehindEachRun() throws {
        try ok(["train", "--model", "one", "--from", "gold"])
        try ok(["train", "--model", "two", "--from", "gold", "--base", "none"])
        try ok(["extract", "--model", "one"])
        try ok(["extract", "--model", "two", "--run", "second"])
        let digests = try listed().map { String($0["digest"]?.stringValue?.prefix(12) ?? "") }
        // Both models learned from every gold document: by default nothing is left to compare on.
        #expect(try refused(["compare", "--run", "one", "--run", "second", "--against", "gold"])
            == "claimdesk: every gold document run \"one\" has processed is one model \"one\" learned from (2 documents): "
            + "score it on gold it did not learn from, or `claimdesk compare --include-trained` to score its training data\n")
        // On a run no model made, the flag has nothing to include, and says so.
        try ok(["extract"])
        #expect(try ok(["score", "--run", "rules", "--against", "gold", "--include-trained"]).stdout
            .contains("\nnote: --include-trained changes nothing here: run \"rules\" was not made by a trained model\n"))
        let compare = try ok(["compare", "--run", "one", "--run", "second", "--against", "gold", "--include-trained"]).stdout
        #expect(compare.split(separator: "\n").prefix(2) == [
            "compare run \"one\" (A) with run \"second\" (B) against run \"gold\", overlap matching, 2 documents",
            "A made by model \"one\" (\(digests[0])), B made by model \"two\" (\(digests[1]))",
        ])
    }

    @Test func extractWithAModelRecordsItAndKeepsRunsApart() throws {
        #expect(try refused(["extract", "--model", "nope"]) == "claimdesk: no model named \"nope\" (see `claimdesk models`)\n")
        try ok(["train", "--model", "ferry", "--from", "gold"])
        let digest = try #require(try listed().first?["digest"]?.stringValue)
        #expect(try ok(["extract", "--model", "ferry"]).stdout.hasPrefix("run \"ferry\": "))
        guard case let .array(runs)? = JSONValue(parsing: try ok(["runs", "--format", "json"]).stdout) else { Issue.record("no runs"); return }
        let run = try #require(runs.first { $0["name"] == .string("ferry") })
        #expect(run["extractor"] == .string("model:ferry") && run["version"] == .string(String(digest.prefix(12))))
        let parameters = try #require(run["parameters"]?.stringValue.flatMap { JSONValue(parsing: $0) })
        #expect(parameters["model"] == .string("ferry") && parameters["digest"] == .string(digest))
        #expect(try ok(["extract", "--model", "ferry"]).stdout == "run \"ferry\": every document is already extracted (nothing to do)\n")
        try ok(["extract"])
        #expect(try refused(["extract", "--model", "ferry", "--run", "rules"])
            == "claimdesk: run \"rules\" was made by rules 0.4.11: name another run (not by model \"ferry\" \(digest.prefix(12)))\n")
        #expect(try refused(["extract", "--run", "ferry"])
            == "claimdesk: run \"ferry\" was made by model \"ferry\" (\(digest.prefix(12))): continue it with `claimdesk extract --model ferry --run ferry`, or name another run\n")
        #expect(try refused(["extract", "--model", "ferry", "--profile", "direct-quotes"]).contains("--profile goes with the rules alone, not with --model"))
    }

    /// Twelve documents as gold JSONL (ASCII texts: offsets are byte counts): each has one claim
    /// whose cue the rules know and no other document uses, and two "blogged" claims that only
    /// every other document marks (the Learning tests' `halfMarked`, in the same order: doc_ids
    /// `half-00` … `half-11`).
    static func halfMarkedGold() -> String {
        let names = ["Ana Ruiz", "Tom Becker", "Lena Park", "Omar Haddad", "Grace Liu", "Pavel Novak", "Ines Costa",
                     "Sam Otieno", "Rita Moreau", "Jon Eriksen", "Mei Tanaka", "Carl Weiss"]
        let claims = ["the ferry will run late on Sunday", "the library roof needs repairs", "the market moves to Main Street",
                      "the school budget was cut by a third", "the river path reopens in May", "the bus fares rise in June",
                      "the harbour festival is cancelled", "the new clinic hires ten nurses", "the bridge closes for a week",
                      "the town hall gets solar panels", "the bakery on Elm Street is closing", "the park gets new benches"]
        let cues = ["said", "told reporters", "announced", "warned", "stated", "claimed", "insisted", "argued", "explained",
                    "added", "noted", "wrote"]
        return cues.enumerated().map { n, cue in
            var text = "", spans: [String] = []
            func claim(_ source: String, _ verb: String, _ content: String, marked: Bool) {
                let s = text.utf8.count, c = s + source.utf8.count + 1, k = c + verb.utf8.count + 6
                text += "\(source) \(verb) that \(content)."
                if marked { spans.append("{\"source\":[\(s),\(c - 1)],\"cue\":[\(c),\(c + verb.utf8.count)],\"content\":[\(k),\(k + content.utf8.count)]}") }
            }
            claim(names[n % 12], "blogged", claims[n % 12], marked: n % 2 == 0)
            text += "\n\n"
            claim(names[(n + 5) % 12], cue, claims[(n + 3) % 12], marked: true)
            text += "\n\n"
            claim(names[(n + 7) % 12], "blogged", claims[(n + 8) % 12], marked: n % 2 == 0)
            return "{\"doc_id\":\"half-\(n < 10 ? "0" : "")\(n)\",\"text\":\"\(text.replacingOccurrences(of: "\n", with: "\\n"))\",\"attributions\":[\(spans.joined(separator: ","))]}\n"
        }.joined()
    }

    @Test func aModelThatKeepsTheRulesClaimsSaysSoAndRecordsIt() throws {
        _ = try ok(["import-claims", "--run", "half", try scratch.write("half.jsonl", Self.halfMarkedGold())])
        let lines = try ok(["train", "--model", "half", "--from", "half", "--seed", "2"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2] == "keeps the rules' claims as the rules give them and adds its learned cues' claims: out of fold that did "
            + "better than rescoring the rules' proposals (as with few documents; more done documents change it)")
        let provenance = try #require(try listed().first?["provenance"])
        #expect(provenance["summary"]?["keeps_rules_claims"] == .bool(true))
        #expect(provenance["summary"]?["calibration_documents"] == .number("12"))
        // Seed 1 keeps its own readings: no such line, no such key.
        let own = try ok(["train", "--model", "own", "--from", "half"]).stdout
        #expect(!own.contains("keeps the rules' claims"))
        let second = try #require(try listed().first { $0["name"] == .string("own") })
        #expect(second["provenance"]?["summary"]?["keeps_rules_claims"] == nil)
        // `models` says which does what.
        let rows = try ok(["models"]).stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.map { [String($0[0]), String($0[8])] } == [["half", "kept"], ["own", "rescored"]])
    }
}
