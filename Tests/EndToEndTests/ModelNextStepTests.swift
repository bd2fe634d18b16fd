import ClaimModel
import Foundation
import Testing

/// The model loop's commands say what comes next and what their figures rest on: `train` names
/// the `extract` to run, a model identical to one already stored, and confidences fitted on the
/// training documents themselves; `extract --model` names `annotate` and `score`; a run left by a
/// model since replaced is refused with a run name that works, not with the command that failed.
@Suite struct ModelNextStepTests {
    let scratch: Scratch
    let db: String

    /// Two documents with a cue the rules do not know ("texted"), imported as gold.
    init() throws {
        scratch = try Scratch()
        db = scratch.path("store.sqlite")
        let gold = #"{"doc_id":"t1","text":"A driver texted that the depot was short of staff.","attributions":[{"source":[0,8],"cue":[9,15],"content":[21,50]}]}"#
            + "\n" + #"{"doc_id":"t2","text":"The mayor said the pool would reopen.","attributions":[{"source":[0,9],"cue":[10,14],"content":[15,36]}]}"# + "\n"
        let file = try scratch.write("gold.jsonl", gold)
        let out = try CLI.run(["--db", db, "import-claims", "--run", "gold", file])
        #expect(out.status == 0, "\(out.stderr)")
    }

    func run(_ arguments: [String]) throws -> CLI.Output { try CLI.run(["--db", db] + arguments) }

    @Test func trainNamesTheNextStepAndATwinModel() throws {
        let first = try run(["train", "--model", "a", "--from", "gold"])
        #expect(first.status == 0 && first.stderr == "")
        let digest = try #require(first.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").last.map(String.init))
        let twin = try run(["train", "--model", "b", "--from", "gold"])
        #expect(twin.status == 0 && twin.stderr == "")
        #expect(Array(twin.stdout.split(separator: "\n").map(String.init).dropFirst(2)) == [
            "note: the same model as \"a\", byte for byte (the same data, options and seed): mark more documents done, or give another --seed, for a different one",
            "next: `claimdesk extract --model b` finds claims with it in run \"b\" (the rules plus the model)",
        ])
        #expect(twin.stdout.split(separator: "\n")[1].hasSuffix("digest \(digest)"))
        // Another seed is another model: no twin named.
        let other = try run(["train", "--model", "c", "--from", "gold", "--seed", "5"])
        #expect(other.status == 0 && !other.stdout.contains("the same model as"))
    }

    @Test func extractWithAModelNamesAnnotateAndScore() throws {
        _ = try run(["train", "--model", "a", "--from", "gold"])
        let out = try run(["extract", "--model", "a"])
        #expect(out.status == 0 && out.stderr == "")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("run \"a\": "))
        #expect(lines[1] == "next: `claimdesk annotate --run a` reviews its claims (`--order uncertain`: the least sure first), `claimdesk score --run a` scores them")
        // Nothing extracted, nothing to suggest.
        #expect(try run(["extract", "--model", "a"]).stdout == "run \"a\": every document is already extracted (nothing to do)\n")
    }

    @Test func importModelNamesATwinAndTheNextStep() throws {
        let file = scratch.path("a.model")
        _ = try run(["train", "--model", "a", "--from", "gold", "--out", file])
        let again = try run(["import-model", file, "--as", "a2"])
        #expect(again.status == 0 && again.stderr == "")
        #expect(Array(again.stdout.split(separator: "\n").map(String.init).dropFirst()) == [
            "note: the same model as \"a\", byte for byte: this store already had it",
            "next: `claimdesk extract --model a2` finds claims with it in run \"a2\" (the rules plus the model)",
        ])
        // In a store with a run of that name made otherwise, the next step names a run of its own.
        let other = scratch.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "import-claims", "--run", "a", scratch.path("gold.jsonl")]).status == 0)
        let there = try CLI.run(["--db", other, "import-model", file])
        let digest = try #require(there.stdout.split(separator: "\n").first?.split(separator: " ").last?.dropLast())
        #expect(there.stdout.hasSuffix(")\nnext: `claimdesk extract --model a --run a-\(digest)` finds claims with it in run \"a-\(digest)\" (the rules plus the model)\n"))
    }

    func paste(_ line: String, part: Int = 0) throws -> CLI.Output { try CLI.paste(line, part: part, db: db) }

    /// The first 12 hex digits of the digest `train` printed.
    func digest(_ trained: CLI.Output) throws -> String {
        let line = try #require(trained.stdout.split(separator: "\n").first { $0.contains(", digest ") })
        return String(try #require(line.components(separatedBy: ", digest ").last).prefix(12))
    }

    /// Before: the names went into the commands raw (`claimdesk extract --model my model`), which a
    /// shell reads as another command.
    @Test func commandsSuggestedForANameWithASpaceOrAQuoteRunAsPasted() throws {
        let trained = try run(["train", "--model", "my model", "--from", "gold"])
        #expect(trained.status == 0 && trained.stderr == "")
        let next = try #require(trained.stdout.split(separator: "\n").last.map(String.init))
        #expect(next == "next: `claimdesk extract --model 'my model'` finds claims with it in run \"my model\" (the rules plus the model)")
        let extracted = try paste(next)
        #expect(extracted.status == 0 && extracted.stderr == "")
        let lines = extracted.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("run \"my model\": "))
        #expect(lines.last == "next: `claimdesk annotate --run 'my model'` reviews its claims (`--order uncertain`: the least sure first), "
            + "`claimdesk score --run 'my model'` scores them")
        let scored = try paste(lines.last ?? "", part: 1)
        // The run is found (unquoted, `model` was an unexpected argument, exit 2): only the gold is missing.
        #expect(scored.status == 1 && scored.stderr
            == "claimdesk: no documents are marked done: review them (`claimdesk annotate`, then `done`) or score against a gold run: `claimdesk score --against RUN`\n")
        let rules = try run(["extract", "--run", "my model"])
        let made = try digest(trained)
        #expect(rules.status == 1 && rules.stderr == "claimdesk: run \"my model\" was made by model \"my model\" (\(made)): "
            + "continue it with `claimdesk extract --model 'my model' --run 'my model'`, or name another run\n")
        #expect(try paste(rules.stderr).stdout == "run \"my model\": every document is already extracted (nothing to do)\n")

        // A quote inside a name, and the run of its own a replaced model is pointed to.
        let first = try run(["train", "--model", "o'brien", "--from", "gold", "--seed", "5"])
        #expect(first.stdout.hasSuffix("\nnext: `claimdesk extract --model 'o'\\''brien'` finds claims with it in run \"o'brien\" (the rules plus the model)\n"))
        #expect(try paste(first.stdout).stdout.hasPrefix("run \"o'brien\": "))
        let replaced = try run(["train", "--model", "o'brien", "--from", "gold", "--replace"])
        let now = try digest(replaced)
        #expect(replaced.stdout.hasSuffix("\nnext: `claimdesk extract --model 'o'\\''brien' --run 'o'\\''brien-\(now)'` finds claims with it "
            + "in run \"o'brien-\(now)\" (the rules plus the model)\n"))
        let refused = try run(["extract", "--model", "o'brien"])
        #expect(refused.status == 1 && refused.stderr.hasSuffix(
            "give the new one a run of its own, e.g. `claimdesk extract --model 'o'\\''brien' --run 'o'\\''brien-\(now)'`\n"))
        let pasted = try paste(refused.stderr)
        #expect(pasted.status == 0 && pasted.stdout.hasPrefix("run \"o'brien-\(now)\": "))
    }

    /// Before: `claimdesk extract --run my run`, which extracts into run "my".
    @Test func scoreNamesTheExtractOfARunWithASpaceAsAShellReadsIt() throws {
        let other = scratch.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "ingest", try scratch.write("first.txt", "The mayor said the pool would reopen.")]).status == 0)
        #expect(try CLI.run(["--db", other, "extract", "--run", "my run"]).status == 0)
        #expect(try CLI.run(["--db", other, "import-claims", "--run", "gold", scratch.path("gold.jsonl")]).status == 0)
        let refused = try CLI.run(["--db", other, "score", "--run", "my run", "--against", "gold"])
        #expect(refused.status == 1 && refused.stderr
            == "claimdesk: run \"my run\" has processed none of the gold documents: run `claimdesk extract --run 'my run'` first\n")
        let pasted = try CLI.paste(refused.stderr, db: other)
        #expect(pasted.status == 0 && pasted.stdout.hasPrefix("run \"my run\": "))
        #expect(try CLI.run(["--db", other, "score", "--run", "my run", "--against", "gold"]).status == 0)
    }

    /// Before: "(the rules plus the model)" whatever the base; a `--base none` model runs alone.
    @Test func theNextStepOfAModelWithoutTheRulesSaysItRunsAlone() throws {
        let file = scratch.path("alone.model")
        let trained = try run(["train", "--model", "alone", "--from", "gold", "--base", "none", "--out", file])
        #expect(trained.status == 0 && trained.stderr == "")
        #expect(trained.stdout.hasSuffix("\nnext: `claimdesk extract --model alone` finds claims with it in run \"alone\" (the model alone)\n"))
        let imported = try run(["import-model", file, "--as", "alone2"])
        #expect(imported.status == 0 && imported.stderr == "")
        #expect(imported.stdout.hasSuffix("\nnext: `claimdesk extract --model alone2` finds claims with it in run \"alone2\" (the model alone)\n"))
    }

    @Test func aDevRunThatIsNotGoldIsRefusedBeforeTraining() throws {
        _ = try run(["extract"])
        // Before: trained, then scored the model against the rules' own output ("rules 1.000").
        let rules = try run(["train", "--model", "m", "--from", "gold", "--dev", "rules"])
        #expect(rules.status == 1 && rules.stdout == "")
        #expect(rules.stderr == "claimdesk: --dev: run \"rules\" holds an extractor's output, not gold: "
            + "measure on an imported gold run (`claimdesk import-gold`, `import-claims`)\n")
        let missing = try run(["train", "--model", "m", "--from", "gold", "--dev", "nosuch"])
        #expect(missing.status == 1 && missing.stderr == "claimdesk: no run named \"nosuch\" (see `claimdesk runs`)\n")
        #expect(try run(["models"]).stdout == "no models yet: `claimdesk train --model NAME --gold` trains one on the analysts' gold\n")
        #expect(try run(["train", "--model", "m", "--from", "gold", "--dev", "gold"]).status == 0)
    }

    @Test func importingOverAModelOfTheSameNameNamesTheFlags() throws {
        let file = scratch.path("a.model")
        _ = try run(["train", "--model", "a", "--from", "gold", "--out", file])
        _ = try run(["train", "--model", "a", "--from", "gold", "--seed", "5", "--replace"])
        // Before: "(use --replace to replace it, or another name)", with no word of --as.
        let other = try run(["import-model", file])
        #expect(other.status == 1 && other.stderr
            == "claimdesk: a model named \"a\" already exists (--as NAME stores this one under another name, --replace replaces it)\n")
        #expect(try run(["import-model", file, "--as", "a-seed1"]).status == 0)
        #expect(try run(["import-model", file, "--as", "a-seed1"]).stderr
            == "claimdesk: a model named \"a-seed1\" already exists, the same model byte for byte: nothing to import\n")
    }

    @Test func theFlagOfferedForTrainingDocumentsIsTheCommandsOwn() throws {
        _ = try run(["train", "--model", "a", "--from", "gold"])
        _ = try run(["extract", "--model", "a"])
        _ = try run(["extract"])
        let tail = "learned from (2 documents): score it on gold it did not learn from, or `claimdesk %@ --include-trained` to score its training data\n"
        let head = "claimdesk: every gold document run \"a\" has processed is one model \"a\" learned from"
        #expect(try run(["score", "--run", "a", "--against", "gold"]).stderr
            == "claimdesk: every gold document run \"a\" has processed is one model \"a\" " + tail.replacingOccurrences(of: "%@", with: "score"))
        // Before: compare and report offered `claimdesk score --include-trained`, a flag of another command.
        #expect(try run(["compare", "--run", "rules", "--run", "a", "--against", "gold"]).stderr
            == "claimdesk: every gold document run \"a\" has processed is one model \"a\" " + tail.replacingOccurrences(of: "%@", with: "compare"))
        let report = try run(["report", "--run", "a", "--against", "gold", "--out", scratch.path("r.html")])
        #expect(report.status == 1 && report.stderr == head + " (2 documents): score it on gold it did not learn from, "
            + "or `claimdesk report --include-trained` to score its training data\n")
        #expect(try run(["compare", "--run", "rules", "--run", "a", "--against", "gold", "--include-trained"]).status == 0)
    }

    @Test func aRunOfAReplacedModelIsRefusedWithARunNameThatWorks() throws {
        _ = try run(["train", "--model", "a", "--from", "gold"])
        let before = try #require(try run(["models", "--format", "json"]).stdout.split(separator: "\"").drop { $0 != "digest" }.dropFirst(2).first)
        _ = try run(["extract", "--model", "a"])
        let retrained = try run(["train", "--model", "a", "--from", "gold", "--seed", "5", "--replace"])
        let now = try #require(try run(["models", "--format", "json"]).stdout.split(separator: "\"").drop { $0 != "digest" }.dropFirst(2).first)
        #expect(before != now)
        // `train` already points past the taken run.
        #expect(retrained.stdout.hasSuffix(
            "next: `claimdesk extract --model a --run a-\(now.prefix(12))` finds claims with it in run \"a-\(now.prefix(12))\" (the rules plus the model)\n"))
        // Before: "…continue it with `claimdesk extract --model a --run a`", the command that had just failed.
        let again = try run(["extract", "--model", "a"])
        #expect(again.status == 1 && again.stdout == "")
        #expect(again.stderr == "claimdesk: run \"a\" holds the claims of model \"a\" as it was before it was replaced (\(before.prefix(12)); now \(now.prefix(12))): "
            + "give the new one a run of its own, e.g. `claimdesk extract --model a --run a-\(now.prefix(12))`\n")
        let rules = try run(["extract", "--run", "a"])
        #expect(rules.status == 1 && rules.stderr == "claimdesk: run \"a\" was made by model \"a\" (\(before.prefix(12))), since replaced: name another run\n")
        let fresh = try run(["extract", "--model", "a", "--run", "a-\(now.prefix(12))"])
        #expect(fresh.status == 0 && fresh.stdout.hasPrefix("run \"a-\(now.prefix(12))\": "))
    }

    /// Before: "(…, 1 documents, 1 attributions, …)" for a model trained on one document.
    @Test func importModelCountsOneDocumentInTheSingular() throws {
        let one = scratch.path("one.sqlite")
        let gold = try scratch.write("one.jsonl", #"{"doc_id":"t2","text":"The mayor said the pool would reopen.","attributions":[{"source":[0,9],"cue":[10,14],"content":[15,36]}]}"# + "\n")
        #expect(try CLI.run(["--db", one, "import-claims", "--run", "gold", gold]).status == 0)
        let file = scratch.path("one.model")
        let trained = try CLI.run(["--db", one, "train", "--model", "one", "--from", "gold", "--out", file])
        #expect(trained.status == 0 && trained.stdout.hasPrefix("model \"one\": trained on run \"gold\", 1 document, 1 attribution "))
        // One document cannot be held out: it keeps the rules' claims and says its calibration is in sample.
        #expect(Array(trained.stdout.split(separator: "\n").map(String.init).dropFirst(2).prefix(2)) == [
            "keeps the rules' claims as the rules give them and adds its learned cues' claims: with one document, none can be held out to show it judges the rules' proposals better than the rules do",
            "note: too few documents to calibrate out of fold: its threshold and confidences were fitted on its own 1 training document (optimistic until more are done)",
        ])
        let digest = try #require(trained.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").last.map(String.init))
        let imported = try run(["import-model", file])
        #expect(imported.status == 0 && imported.stderr == "")
        let first = try #require(imported.stdout.split(separator: "\n").first.map(String.init))
        #expect(first == "model \"one\": imported from \(file) (anchor-net/6, 1 document, 1 attribution, digest \(digest))")
        // A file name with a line break is named on one line, escaped (it split the line).
        let odd = scratch.path("one\nmore.model")
        try FileManager.default.copyItem(atPath: file, toPath: odd)
        let again = try run(["import-model", odd, "--as", "two"])
        #expect(again.status == 0 && again.stdout.hasPrefix("model \"two\": imported from \(scratch.path("one\\nmore.model")) (anchor-net/6, "))
    }
}
