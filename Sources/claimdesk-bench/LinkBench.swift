import ArgumentParser
import ClaimModel
import Foundation
import Provenance

extension BenchCommand {
    struct LinkCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link synthetic claims across documents (10 claims a document): seconds, claims/s, peak memory, trail lookups, pairwise F1 against the generated stories.",
            discussion: "Default sizes: 10000, 100000 and 1000000 claims, each generated from --seed and linked on one core.")
        @Option(name: .customLong("claims"), help: "Claim counts to measure, comma-separated.")
        var sizes = "10000,100000,1000000"
        @Option(help: "The generator's seed.") var seed: UInt64 = 14
        @Option(help: "Trail lookups timed at each size.") var lookups = 1000

        func validate() throws {
            guard !counts.isEmpty, counts.allSatisfy({ $0 >= 10 }) else {
                throw ValidationError("--claims needs comma-separated counts of at least 10, not \"\(sizes)\"")
            }
            guard lookups > 0 else { throw ValidationError("--lookups needs a positive number, not \(lookups)") }
        }

        var counts: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

        func run() throws {
            for n in counts { LinkBench.run(claims: n, seed: seed, lookups: lookups) }
        }
    }
}

/// Synthetic news: stories told first by one outlet and retold by others a few days later, with
/// paraphrase (words dropped, two words swapped), a changed number now and then, and a credit to
/// the first outlet; most claims are told once. Seeded, so every run links the same claims.
enum LinkBench {
    static func run(claims n: Int, seed: UInt64, lookups: Int) {
        var generator = SyntheticNews(seed: seed)
        let (claims, gold) = generator.claims(n)
        let documents = Set(claims.map(\.docID)).count
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Linker().link(claims)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let peak = Double(ExportBench.peakResidentBytes()) / 1_048_576

        let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
        let outlets = Outlets.Index(publishers: Set(claims.compactMap(\.publisher)).sorted())
        var rng = SplitMix(seed: seed ^ 0x7EA1)
        var total = 0.0, worst = 0.0, found = 0
        let clustered = result.clusters.flatMap(\.claimIDs)
        for _ in 0..<lookups {
            guard !clustered.isEmpty else { break }
            let id = clustered[Int(rng.next() % UInt64(clustered.count))]
            let t0 = DispatchTime.now().uptimeNanoseconds
            if let cluster = result.cluster(of: id) {
                let trail = Trail(cluster: cluster, claims: byID, outlets: outlets)
                found += trail.entries.count
            }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            total += ms
            worst = max(worst, ms)
        }
        let done = clustered.isEmpty ? 0 : lookups
        let score = LinkScore.pairwise(claims: claims.map(\.id), predicted: LinkScore.names(result), gold: gold)
        print(String(format: "%8d claims in %6d documents: linked in %7.2f s (%9.0f claims/s), %6d clusters, %7d links, peak memory %6.0f MiB (input included)",
                     n, documents, seconds, Double(n) / max(seconds, 1e-9), result.clusters.count, result.clusters.reduce(0) { $0 + $1.links.count }, peak))
        print(String(format: "                  trail lookups: %d, mean %.3f ms, max %.3f ms (%d trail entries); pairwise against the stories: P %.3f R %.3f F1 %.3f",
                     done, done == 0 ? 0 : total / Double(done), worst, found, score.precision, score.recall, score.f1))
    }
}

/// SplitMix64: small, seeded, the same on every platform.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

struct SyntheticNews {
    var rng: SplitMix
    let common: [String]
    let rare: [String]
    let places: [String]
    let people: [String]
    let outlets: [String]

    init(seed: UInt64) {
        rng = SplitMix(seed: seed)
        var r = SplitMix(seed: seed &+ 1)
        let syllables = ["ka", "lo", "mer", "ti", "sa", "ven", "dor", "ul", "bra", "fen", "gi", "hal", "ost", "pre", "qui", "ron", "sel", "tam", "var", "wen"]
        func word(_ parts: Int) -> String { (0..<parts).map { _ in syllables[r.below(syllables.count)] }.joined() }
        func name() -> String { let w = word(2 + r.below(2)); return w.prefix(1).uppercased() + w.dropFirst() }
        common = (0..<2_000).map { _ in word(2) + "x" }
        rare = (0..<50_000).map { _ in word(3 + r.below(2)) }
        places = (0..<5_000).map { _ in name() }
        people = (0..<20_000).map { _ in name() + " " + name() }
        outlets = (0..<200).map { i in "Outlet \(i)" }
    }

    struct Story {
        var words: [String]
        var number: Int
        var place: String
        var person: String?
        var outlet: String
        var day: Int
        var id: Int
    }

    /// `n` claims in `n / 10` documents, and each claim's story (the gold cluster of the claims told more than once).
    mutating func claims(_ n: Int) -> ([LinkableClaim], [Int64: String]) {
        var claims: [LinkableClaim] = []
        claims.reserveCapacity(n)
        var storyOf: [Int64: Int] = [:]
        var recent: [Story] = []
        var told: [Int: Int] = [:]
        let documents = max(1, n / 10)
        var nextStory = 0
        for d in 0..<documents {
            let day = d * 730 / documents
            let publisher = outlets[rng.below(outlets.count)]
            let docID = "doc-\(d)"
            let date = Self.date(day)
            for _ in 0..<10 where claims.count < n {
                let id = Int64(claims.count + 1)
                var story: Story
                var text: [String]
                var outlet: String? = nil
                if !recent.isEmpty && rng.chance(0.3) {
                    story = recent[rng.below(recent.count)]
                    text = paraphrase(story)
                    if story.outlet != publisher { outlet = story.outlet }
                } else {
                    story = newStory(day: day, outlet: publisher, id: nextStory)
                    nextStory += 1
                    recent.append(story)
                    // Retellings come within a week of the first telling.
                    if let stale = recent.firstIndex(where: { $0.day >= day - 7 }), stale > 0 { recent.removeFirst(stale) }
                    text = story.words
                }
                told[story.id, default: 0] += 1
                storyOf[id] = story.id
                let content = text.joined(separator: " ")
                let named = story.person != nil
                claims.append(LinkableClaim(
                    id: id, docID: docID, attributionID: "a\(claims.count % 10 + 1)", publisher: publisher, publicationDate: date,
                    sourceText: story.person ?? "officials", cueText: outlet == nil ? "said" : "told", contentText: content,
                    outlet: outlet, sourceType: named ? .namedPerson : .anonymous, anonymous: !named, sourceEntity: nil))
            }
        }
        var gold: [Int64: String] = [:]
        for (id, s) in storyOf where (told[s] ?? 0) > 1 { gold[id] = "s\(s)" }
        return (claims, gold)
    }

    mutating func newStory(day: Int, outlet: String, id: Int) -> Story {
        let number = 2 + rng.below(500)
        let place = places[rng.below(places.count)]
        let person: String? = rng.chance(0.6) ? people[rng.below(people.count)] : nil
        var words: [String] = []
        let count = 8 + rng.below(7)
        for i in 0..<count {
            if i == 2 { words.append(String(number)) }
            if i == count / 2 { words.append("in"); words.append(place) }
            words.append(rng.chance(0.6) ? common[rng.below(common.count)] : rare[rng.below(rare.count)])
        }
        return Story(words: words, number: number, place: place, person: person, outlet: outlet, day: day, id: id)
    }

    /// One or two words dropped, two neighbours swapped, "at least" before the number now and then, another number in one retelling of ten.
    mutating func paraphrase(_ s: Story) -> [String] {
        var w = s.words
        for _ in 0..<(1 + rng.below(2)) {
            let i = rng.below(w.count)
            if w[i] != s.place && w[i] != String(s.number) && w.count > 6 { w.remove(at: i) }
        }
        let j = rng.below(max(1, w.count - 1))
        if j + 1 < w.count { w.swapAt(j, j + 1) }
        if let k = w.firstIndex(of: String(s.number)) {
            if rng.chance(0.1) { w[k] = String(s.number * 2) } else if rng.chance(0.3) { w.insert(contentsOf: ["at", "least"], at: k) }
        }
        return w
    }

    static func date(_ day: Int) -> String {
        // Day 0 = 2024-01-01; months of 30 days are enough for a date the linker compares by day.
        let y = 2024 + day / 360, m = (day % 360) / 30 + 1, d = day % 30 + 1
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
