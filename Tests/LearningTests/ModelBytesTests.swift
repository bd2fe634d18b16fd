@testable import Learning
import TestSupport
import Testing

@Suite("AttributionModel(decoding:): bad bytes are refused, never a crash")
struct ModelBytesTests {
    static let bytes: [UInt8] = (try? AttributionModel.train((0..<4).map { TownNews.document($0).labeled },
                                                              options: TrainingOptions()).encoded()) ?? []

    /// `bytes` with another family name in its body, the header's length and checksum redone: a
    /// model file as another release (or a forger) would write it.
    static func withFamily(_ family: String) -> [UInt8] {
        let headerLength = 36
        var body = Array(bytes[headerLength...])
        let old = Int(body[0]) | Int(body[1]) << 8 | Int(body[2]) << 16 | Int(body[3]) << 24
        let name = Array(family.utf8)
        body.replaceSubrange(0..<(4 + old), with: (0..<4).map { UInt8(truncatingIfNeeded: name.count >> (8 * $0)) } + name)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in body { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let length = UInt64(body.count)
        return Array(bytes[..<20]) + (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
            + (0..<8).map { UInt8(truncatingIfNeeded: h >> (8 * UInt64($0))) } + body
    }

    /// The same model written in an earlier `format` under `family`, as earlier releases wrote it:
    /// 4 without the lexicon floor, 5 with it, neither saying whether it keeps the rules' claims.
    static func written(format: UInt32, family: String) throws -> [UInt8] {
        let m = try AttributionModel(decoding: bytes)
        var summary = m.summary
        summary.family = family
        let detector = format == 4 ? CueDetector(weights: m.detector.weights, proposeAbove: m.detector.proposeAbove) : m.detector
        return AttributionModel(summary: summary, options: m.options, lexicon: m.lexicon, detector: detector,
                                boundaries: m.boundaries, net: m.net, calibrator: m.calibrator, threshold: m.threshold,
                                format: format).encoded()
    }

    /// `bytes` as a model that keeps the rules' claims or not (`keepsRules`; the trained one does
    /// not: out of fold its own readings did as well).
    static func keeping(_ keepsRules: Bool) throws -> [UInt8] {
        let m = try AttributionModel(decoding: bytes)
        return AttributionModel(summary: m.summary, options: m.options, lexicon: m.lexicon, detector: m.detector,
                                boundaries: m.boundaries, net: m.net, calibrator: m.calibrator, threshold: m.threshold,
                                keepsRules: keepsRules).encoded()
    }

    /// `body` behind a header with its length and checksum (FNV-1a) redone.
    static func rehashed(_ model: [UInt8], body: [UInt8]) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in body { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let length = UInt64(body.count)
        return Array(model[..<20]) + (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
            + (0..<8).map { UInt8(truncatingIfNeeded: h >> (8 * UInt64($0))) } + body
    }

    @Test("a format 4 model (before the lexicon floor) reads under either family name and writes its own bytes")
    func formatFour() throws {
        let current = try AttributionModel(decoding: Self.bytes)
        #expect(current.summary.family == "anchor-net/6")
        #expect(Self.bytes[16] == 6)
        for family in ["anchor-net/4", "anchor-perceptron/4"] {
            let four = try Self.written(format: 4, family: family)
            #expect(four[16] == 4)
            #expect(four.count == Self.bytes.count - 4 - 1 - ("anchor-net/6".utf8.count - family.utf8.count))
            let decoded = try AttributionModel(decoding: four)
            #expect(decoded.summary.family == family)
            #expect(decoded.detector.lexiconFloor == -.infinity)
            #expect(!decoded.keepsRules)
            #expect(decoded.encoded() == four)
        }
    }

    @Test("a format 5 model (before it could keep the rules' claims) reads with its floor and writes its own bytes")
    func formatFive() throws {
        let current = try AttributionModel(decoding: Self.bytes)
        #expect(!current.keepsRules)
        let five = try Self.written(format: 5, family: "anchor-net/5")
        #expect(five[16] == 5)
        #expect(five.count == Self.bytes.count - 1)
        let decoded = try AttributionModel(decoding: five)
        #expect(decoded.summary.family == "anchor-net/5")
        #expect(decoded.detector.lexiconFloor == current.detector.lexiconFloor)
        #expect(!decoded.keepsRules)
        #expect(!decoded.summary.keepsRulesClaims)
        #expect(decoded.encoded() == five)
        let document = TownNews.document(40).document
        #expect(try ModelExtractor(model: decoded).extract(document) == ModelExtractor(model: current).extract(document))
    }

    @Test("whether a model keeps the rules' claims survives its bytes; a flag other than 0 or 1 is refused")
    func keepsRulesFlag() throws {
        let keeping = try Self.keeping(true), not = try Self.keeping(false)
        #expect(not == Self.bytes)
        #expect(not.count == keeping.count)
        for (bytes, flag) in [(keeping, true), (not, false)] {
            let decoded = try AttributionModel(decoding: bytes)
            #expect(decoded.keepsRules == flag)
            #expect(decoded.summary.keepsRulesClaims == flag)
            #expect(decoded.encoded() == bytes)
        }
        // The one byte the two models differ in is the flag.
        let body = Array(keeping[36...]), plain = Array(not[36...])
        let at = try #require(body.indices.first { body[$0] != plain[$0] })
        #expect((body[at], plain[at]) == (1, 0))
        #expect(body.indices.filter { body[$0] != plain[$0] } == [at])
        var two = body
        two[at] = 2
        #expect(throws: LearningError.corruptModel(reason: "keeps the rules' claims is 2, not 0 or 1")) {
            try AttributionModel(decoding: Self.rehashed(keeping, body: two))
        }
    }

    @Test("another family is refused by name; a family of another format than the header's, as corrupt")
    func familyNames() throws {
        #expect(throws: LearningError.incompatibleModel(found: "crf\u{1B}[2J/5", expected: "anchor-net/4, anchor-net/5 or anchor-net/6")) {
            try AttributionModel(decoding: Self.withFamily("crf\u{1B}[2J/5"))
        }
        #expect(LearningError.incompatibleModel(found: "crf\u{1B}[2J/5", expected: "anchor-net/4, anchor-net/5 or anchor-net/6").description
            == "incompatible model: format crf\\u{1b}[2J/5, this release reads anchor-net/4, anchor-net/5 or anchor-net/6")
        #expect(throws: LearningError.corruptModel(reason: "the header says format 6, the body anchor-perceptron/4")) {
            try AttributionModel(decoding: Self.withFamily("anchor-perceptron/4"))
        }
        var four = Self.bytes
        four[16] = 4
        #expect(throws: LearningError.corruptModel(reason: "the header says format 4, the body anchor-net/6")) {
            try AttributionModel(decoding: four)
        }
    }

    @Test("bytes that are not a model")
    func notAModel() {
        #expect(throws: LearningError.corruptModel(reason: "not a ClaimDesk model (no model header)")) {
            try AttributionModel(decoding: [])
        }
        #expect(throws: LearningError.corruptModel(reason: "not a ClaimDesk model (no model header)")) {
            try AttributionModel(decoding: Array("{\"model\": true}".utf8))
        }
    }

    /// Earlier formats: 1 had no cue detector and no boundary chooser, 2 scored readings with the
    /// perceptron, 3 calibrated on held-back documents (4, without the lexicon floor, and 5, which
    /// could not keep the rules' claims, are still read); 9 is a format from a later release.
    @Test("a model of another format version is refused by name", arguments: [1, 2, 3, 9] as [UInt8])
    func otherVersion(_ version: UInt8) {
        var bytes = Self.bytes
        bytes[16] = version
        #expect(throws: LearningError.incompatibleModel(found: "anchor-net/\(version)", expected: "anchor-net/4, anchor-net/5 or anchor-net/6")) {
            try AttributionModel(decoding: bytes)
        }
    }

    @Test("a truncated model and an altered byte are refused")
    func truncatedAndAltered() {
        let cut = Array(Self.bytes.dropLast(5))
        #expect(throws: LearningError.corruptModel(reason: "body is \(cut.count - 36) bytes, header says \(Self.bytes.count - 36)")) {
            try AttributionModel(decoding: cut)
        }
        var altered = Self.bytes
        altered[altered.count / 2] ^= 0x40
        #expect(throws: LearningError.corruptModel(reason: "checksum mismatch")) { try AttributionModel(decoding: altered) }
    }

    @Test("fuzz: random flips, cuts and splices throw an error or decode, and never trap")
    func fuzz() {
        var random = SeededRandom(seed: 13)
        var refused = 0
        for _ in 0..<300 {
            var bytes = Self.bytes
            switch random.next() % 3 {
            case 0:
                for _ in 0..<(1 + Int(random.next() % 4)) { bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 + random.next() % 255) }
            case 1:
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            default:
                let at = Int(random.next() % UInt64(bytes.count))
                bytes.insert(contentsOf: (0..<8).map { _ in UInt8(random.next() % 256) }, at: at)
            }
            if (try? AttributionModel(decoding: bytes)) == nil { refused += 1 }
        }
        #expect(refused == 300)
    }
}
