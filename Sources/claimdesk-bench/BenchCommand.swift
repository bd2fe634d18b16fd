import Foundation

/// Parses `claimdesk-bench` arguments and dispatches to a subcommand; returns the exit status.
enum BenchCommand {
    static let usage = """
        usage: claimdesk-bench extract [--gold PATH] [--repeat N]
               claimdesk-bench tune --gold PATH [--show missed|spurious|wrong-source|wrong-cue|boundary]
                                    [--limit N] [--calibrate] [--pattern KEY] [--out PREDICTIONS.jsonl]
               claimdesk-bench show FILE.txt|FILE.jsonl [--publisher NAME]
               claimdesk-bench pipeline [--gold PATH] [--copies N]
               claimdesk-bench score
               claimdesk-bench repl [--store PATH] [--docs N] [--claims N] [--iterations N] [--rebuild]
               claimdesk-bench export [--store PATH] [--attributions N] [--per-document K] [--out PATH]
                                      [--format jsonl|csv|brat]
               claimdesk-bench contention [--mb N] [--every MS] [--store PATH] [--claimdesk PATH]
        extract    extraction alone over the documents of PATH (default: the dev split): MB/s,
                   claims/s, documents, peak memory
        tune       extract + score against PATH's gold: per-role figures, errors by kind, ECE;
                   --show lists examples of one error kind; --calibrate prints confidence.txt
        show       the extractor's attributions on a text, marked inline
        pipeline   `extract` end to end with storing, on N copies of PATH (default 20): MB/s
        score      the scorer at scale: 1M predictions against 1M gold attributions
        repl       the review REPL's latencies on a large store
        export     a gold export at scale
        contention an analyst's confirm next to `claimdesk extract` of an N MB document in
                   another process: every confirm's wait, the extract's time and peak memory
        """

    static let defaultGold = "/work/shared/data/polnear-dev.jsonl"

    struct Options {
        var positional: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
    }

    static func parse(_ args: [String], valued: Set<String>, flags: Set<String>) throws(BenchError) -> Options {
        var options = Options()
        var i = 0
        while i < args.count {
            let arg = args[i]
            if valued.contains(arg) {
                guard i + 1 < args.count else { throw .usage("\(arg) needs a value") }
                options.values[arg] = args[i + 1]
                i += 2
            } else if flags.contains(arg) {
                options.flags.insert(arg)
                i += 1
            } else if arg.hasPrefix("--") {
                throw .usage("unknown option \(arg)")
            } else {
                options.positional.append(arg)
                i += 1
            }
        }
        return options
    }

    static func run(_ args: [String]) -> Int32 {
        guard let command = args.first else {
            print(usage)
            return 2
        }
        let rest = Array(args.dropFirst())
        do {
            switch command {
            case "extract":
                let o = try parse(rest, valued: ["--gold", "--repeat"], flags: [])
                let repeats = try int(o.values["--repeat"], name: "--repeat") ?? 5
                try SpeedBench.run(path: o.values["--gold"] ?? defaultGold, repeats: repeats)
            case "tune":
                let o = try parse(rest, valued: ["--gold", "--show", "--limit", "--pattern", "--out"], flags: ["--calibrate"])
                let limit = try int(o.values["--limit"], name: "--limit") ?? 20
                try Tune.run(path: o.values["--gold"] ?? defaultGold, show: o.values["--show"], limit: limit,
                             calibrate: o.flags.contains("--calibrate"), pattern: o.values["--pattern"],
                             out: o.values["--out"])
            case "show":
                let o = try parse(rest, valued: ["--publisher"], flags: [])
                guard let file = o.positional.first else { throw BenchError.usage("show needs a file") }
                try Show.run(path: file, publisher: o.values["--publisher"])
            case "pipeline":
                let o = try parse(rest, valued: ["--gold", "--copies"], flags: [])
                let copies = try int(o.values["--copies"], name: "--copies") ?? 20
                try PipelineBench.run(path: o.values["--gold"] ?? defaultGold, copies: copies)
            case "repl":
                return REPLBench.run(arguments: rest)
            case "export":
                return ExportBench.run(arguments: rest)
            case "contention":
                return ContentionBench.run(arguments: rest)
            case "score":
                _ = try parse(rest, valued: [], flags: [])
                ScoreBench.run()
            case "-h", "--help", "help":
                print(usage)
            default:
                throw BenchError.usage("unknown subcommand \(command)")
            }
            return 0
        } catch let error as BenchError {
            FileHandle.standardError.write(Data("claimdesk-bench: \(error)\n".utf8))
            if case .usage = error {
                FileHandle.standardError.write(Data((usage + "\n").utf8))
                return 2
            }
            return 1
        } catch {
            FileHandle.standardError.write(Data("claimdesk-bench: \(error)\n".utf8))
            return 1
        }
    }

    static func int(_ value: String?, name: String) throws(BenchError) -> Int? {
        guard let value else { return nil }
        guard let n = Int(value), n > 0 else { throw .usage("\(name) needs a positive number, not \(value)") }
        return n
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case input(String)

    var description: String {
        switch self {
        case let .usage(message): return message
        case let .input(message): return message
        }
    }
}
