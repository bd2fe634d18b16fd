import Extraction
@testable import Learning
import Testing

@Suite("WeightTable: cache-line buckets give every stored weight back and 0 for the rest")
struct WeightTableTests {
    /// Keys built to share one home bucket (equal low bits), so that they overflow into the next
    /// buckets: a lookup must follow the overflow flag and still stop at an absent key.
    static func crowded(_ n: Int) -> (keys: [UInt64], values: [Float]) {
        let keys = (1...UInt64(n)).map { $0 << 40 | 0x5 }.sorted()
        let values = keys.indices.map { Float($0 + 1) * (($0 % 2 == 0) ? 0.25 : -1.5) }
        return (keys, values)
    }

    @Test("keys crowding one bucket are all found, through the overflow flag")
    func crowdedBucket() {
        let (keys, values) = Self.crowded(23)
        let table = WeightTable(keys: keys, values: values)
        for (k, v) in zip(keys, values) { #expect(table.weight(k) == v) }
        #expect(table.weight(24 << 40 | 0x5) == 0)
        #expect(table.weight(0x5) == 0)
        #expect(table.weight(0) == 0)
        #expect(table.weights(keys + [0, 99 << 40 | 0x5]) == values + [0, 0])
    }

    @Test("sum and weights add in the hashes' order, as one lookup at a time does")
    func orderedSums() {
        var rng = SplitMix64(seed: 7)
        let keys = Array(Set((0..<5_000).map { _ in rng.next() | 1 })).sorted()
        let values = keys.map { Float(Int($0 % 2001) - 1000) / 7 }
        let table = WeightTable(keys: keys, values: values)
        var hashes: [UInt64] = []
        for i in 0..<300 { hashes.append(i % 3 == 0 ? rng.next() : keys[Int(rng.next() % UInt64(keys.count))]) }
        var floatSum: Float = 0
        for h in hashes { floatSum += table.weight(h) }
        #expect(table.sum(hashes) == floatSum)
        #expect(table.weights(hashes) == hashes.map { table.weight($0) })
        let lookup = Dictionary(uniqueKeysWithValues: zip(keys, values))
        #expect(hashes.map { table.weight($0) } == hashes.map { lookup[$0] ?? 0 })
    }

    @Test("an empty table finds nothing")
    func empty() {
        let table = WeightTable(keys: [], values: [])
        #expect(table.weight(42) == 0)
        #expect(table.sum([1, 2, 3]) == 0)
        #expect(table.count == 0)
    }

    @Test("a token's word hash is FNV-1a of its lowercased text (accents composed, typographic apostrophe folded)")
    func wordHashes() throws {
        let text = "Re\u{301}sume\u{301} SAID “Yes”, O’Brien."
        let tokens = TokenizedText(text, sentenceSpans: try RulesExtractor().sentenceSpans(in: text))
        #expect(tokens.tokens.map(\.lower) == ["résumé", "said", "“", "yes", "”", ",", "o", "'", "brien", "."])
        #expect(tokens.wordHashes == tokens.tokens.map { FeatureHash.hash($0.lower) })
        #expect(tokens.tokens.map(\.isQuote) == [false, false, true, false, true, false, false, false, false, false])
        #expect(tokens.hashLower(1, into: FeatureHash.offset) == FeatureHash.hash("said"))
        #expect(tokens.hashLower(1, into: FeatureHash.hash("w=")) == FeatureHash.hash("w=said"))
    }
}

@Suite("FeatureBuffer: remembered hashes are the hashes of the names and values")
struct FeatureBufferTests {
    @Test("parts grow past their first room and keep their order: plain, origin, head, closing")
    func growth() {
        var buffer = FeatureBuffer()
        for round in 0..<2 {
            buffer.reset(originPrefix: 1, headPrefix: 2)
            for i in 0..<150 { buffer.add(hash: UInt64(1_000 + i), origin: i % 2 == 0 ? UInt64(2_000 + i) : nil, head: UInt64(3_000 + i)) }
            buffer.close(hash: 9)
            let plain = (0..<150).map { UInt64(1_000 + $0) }, origin = stride(from: 0, to: 150, by: 2).map { UInt64(2_000 + $0) }
            let head = (0..<150).map { UInt64(3_000 + $0) }
            #expect(buffer.plain == plain && buffer.origin == origin && buffer.head == head && buffer.closing == [9], "round \(round)")
            #expect(buffer.count == 376)
            #expect(buffer.vector.hashes == plain + origin + head + [9])
        }
    }

    @Test("literal values and conjunctions hash as `name=value` after each anchor's prefixes, whatever came before")
    func rememberedHashes() {
        let side = FeatureName("conSide", origin: true, head: true), length = FeatureName("srcLen")
        var buffer = FeatureBuffer()
        for (o, h) in [(11, 12), (11, 12), (13, 14), (11, 12)] as [(UInt64, UInt64)] {
            buffer.reset(originPrefix: o, headPrefix: h)
            buffer.add(side, "after")
            buffer.add(length, "3-4")
            buffer.add(side, "before")
            #expect(buffer.plain == [FeatureHash.hash("conSide=after"), FeatureHash.hash("srcLen=3-4"), FeatureHash.hash("conSide=before")])
            #expect(buffer.origin == [FeatureHash.hash("conSide=after", into: o), FeatureHash.hash("conSide=before", into: o)])
            #expect(buffer.head == [FeatureHash.hash("conSide=after", into: h), FeatureHash.hash("conSide=before", into: h)])
        }
    }
}

@Suite("WordSet and TokenizedText.lower(_:is:): byte answers equal to String equality")
struct WordSetTests {
    @Test("a word set answers as Set<String>.contains(token.lower) does, accents and dashes included")
    func sameAnswers() throws {
        let text = "But Jos\u{E9} said \u{2014} as Jose\u{301} told, ASKED “who” and who’s."
        let tokens = TokenizedText(text, sentenceSpans: try RulesExtractor().sentenceSpans(in: text))
        let words: Set<String> = ["but", "josé", "\u{2014}", "who", "asked", ",", "s"]
        let set = WordSet(words)
        #expect(tokens.tokens.indices.map { set.contains($0, in: tokens) } == tokens.tokens.map { words.contains($0.lower) })
        #expect(tokens.tokens.indices.filter { set.contains($0, in: tokens) }.map { tokens.tokens[$0].lower }
                == ["but", "josé", "\u{2014}", "josé", ",", "asked", "who", "who", "s"])
        #expect(tokens.tokens.indices.filter { tokens.lower($0, is: "who") } == [10, 13])
        #expect(!tokens.lower(0, is: "bu") && tokens.lower(0, is: "but") && !tokens.lower(0, is: "butt"))
        #expect(!WordSet([]).contains(0, in: tokens))
    }

    @Test("a token's stem hash is the hash of FeatureExtractor.stem of its text, ASCII or not; quote marks stay as typed")
    func stems() throws {
        let text = "Officials warned, saying “résumés” goes; it’s posted — ok…"
        let tokens = TokenizedText(text, sentenceSpans: try RulesExtractor().sentenceSpans(in: text))
        let state = FeatureHash.hash("stem=")
        #expect(tokens.tokens.indices.map { tokens.hashStem($0, into: state) }
                == tokens.tokens.map { FeatureHash.hash(FeatureExtractor.stem($0.lower), into: state) })
        #expect(tokens.tokens.map { FeatureExtractor.stem($0.lower) }
                == ["official", "warn", ",", "say", "“", "résumé", "”", "goe", ";", "it", "'", "s", "post", "—", "ok", "…"])
    }
}
