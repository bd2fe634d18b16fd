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

    /// The same model written in format 4 (no lexicon floor) under `family`, as earlier releases
    /// wrote it.
    static func formatFour(family: String) throws -> [UInt8] {
        let m = try AttributionModel(decoding: bytes)
        var summary = m.summary
        summary.family = family
        return AttributionModel(summary: summary, options: m.options, lexicon: m.lexicon,
                                detector: CueDetector(weights: m.detector.weights, proposeAbove: m.detector.proposeAbove),
                                boundaries: m.boundaries, net: m.net, calibrator: m.calibrator, threshold: m.threshold,
                                format: 4).encoded()
    }

    @Test("a format 4 model (before the lexicon floor) reads under either family name and writes its own bytes")
    func formatFour() throws {
        let current = try AttributionModel(decoding: Self.bytes)
        #expect(current.summary.family == "anchor-net/5")
        #expect(Self.bytes[16] == 5)
        for family in ["anchor-net/4", "anchor-perceptron/4"] {
            let four = try Self.formatFour(family: family)
            #expect(four[16] == 4)
            #expect(four.count == Self.bytes.count - 4 - ("anchor-net/5".utf8.count - family.utf8.count))
            let decoded = try AttributionModel(decoding: four)
            #expect(decoded.summary.family == family)
            #expect(decoded.detector.lexiconFloor == -.infinity)
            #expect(decoded.encoded() == four)
        }
    }

    @Test("another family is refused by name; a family of another format than the header's, as corrupt")
    func familyNames() throws {
        #expect(throws: LearningError.incompatibleModel(found: "crf\u{1B}[2J/5", expected: "anchor-net/4 or anchor-net/5")) {
            try AttributionModel(decoding: Self.withFamily("crf\u{1B}[2J/5"))
        }
        #expect(LearningError.incompatibleModel(found: "crf\u{1B}[2J/5", expected: "anchor-net/4 or anchor-net/5").description
            == "incompatible model: format crf\\u{1b}[2J/5, this release reads anchor-net/4 or anchor-net/5")
        #expect(throws: LearningError.corruptModel(reason: "the header says format 5, the body anchor-perceptron/4")) {
            try AttributionModel(decoding: Self.withFamily("anchor-perceptron/4"))
        }
        var four = Self.bytes
        four[16] = 4
        #expect(throws: LearningError.corruptModel(reason: "the header says format 4, the body anchor-net/5")) {
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
    /// perceptron, 3 calibrated on held-back documents (4, without the lexicon floor, is still
    /// read); 9 is a format from a later release.
    @Test("a model of another format version is refused by name", arguments: [1, 2, 3, 9] as [UInt8])
    func otherVersion(_ version: UInt8) {
        var bytes = Self.bytes
        bytes[16] = version
        #expect(throws: LearningError.incompatibleModel(found: "anchor-net/\(version)", expected: "anchor-net/4 or anchor-net/5")) {
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
