import Learning
import TestSupport
import Testing

@Suite("AttributionModel(decoding:): bad bytes are refused, never a crash")
struct ModelBytesTests {
    static let bytes: [UInt8] = (try? AttributionModel.train((0..<4).map { TownNews.document($0).labeled },
                                                              options: TrainingOptions()).encoded()) ?? []

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
    /// perceptron, 3 calibrated on held-back documents; 9 is a format from a later release.
    @Test("a model of another format version is refused by name", arguments: [1, 2, 3, 9] as [UInt8])
    func otherVersion(_ version: UInt8) {
        var bytes = Self.bytes
        bytes[16] = version
        #expect(throws: LearningError.incompatibleModel(found: "anchor-net/\(version)", expected: "anchor-net/4")) {
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
