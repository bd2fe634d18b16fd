import ClaimModel
import Extraction
import Foundation

/// Extraction alone, timed over `repeats` passes of the corpus: MB/s of UTF-8 text, claims/s.
enum SpeedBench {
    static func run(path: String, repeats: Int) throws {
        let documents = try Corpus.load(path).map(\.document)
        let extractor = try RulesExtractor()
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        var claims = 0
        // One warm-up pass, not timed.
        for d in documents { claims += extractor.extract(d).count }
        let perPass = claims
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var total = Duration.zero
        for _ in 0..<repeats {
            let elapsed = clock.measure {
                var n = 0
                for d in documents { n += extractor.extract(d).count }
                claims = n
            }
            total += elapsed
            best = min(best, elapsed)
        }
        let bestSeconds = seconds(best)
        let meanSeconds = seconds(total) / Double(repeats)
        let mb = Double(bytes) / 1_000_000
        print("documents      \(documents.count)")
        print("text           \(String(format: "%.2f", mb)) MB (UTF-8), \(repeats) timed passes after one untimed warm-up, single thread")
        print("claims/pass    \(perPass)")
        // Wall-clock time of each pass (ContinuousClock), so a loaded machine lowers the mean.
        print("extraction     \(String(format: "%.2f", mb / bestSeconds)) MB/s best, "
              + "\(String(format: "%.2f", mb / meanSeconds)) MB/s mean (wall clock per pass; "
              + "best pass \(String(format: "%.2f", bestSeconds * 1000)) ms)")
        print("claims/s       \(String(format: "%.0f", Double(perPass) / meanSeconds)) (mean pass)")
        print("peak memory    \(String(format: "%.1f", Double(peakResidentBytes()) / 1_048_576)) MiB (ru_maxrss)")
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
    }
}
