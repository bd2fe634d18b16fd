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

    @Test("another format version is named")
    func otherVersion() {
        var bytes = Self.bytes
        bytes[16] = 9
        #expect(throws: LearningError.incompatibleModel(found: "anchor-perceptron/9", expected: "anchor-perceptron/4")) {
            try AttributionModel(decoding: bytes)
        }
    }

    @Test("a model of the first format (no cue detector, no boundary chooser) is refused by name")
    func firstFormat() {
        var bytes = Self.bytes
        bytes[16] = 1
        #expect(throws: LearningError.incompatibleModel(found: "anchor-perceptron/1", expected: "anchor-perceptron/4")) {
            try AttributionModel(decoding: bytes)
        }
    }

    @Test("a model of the second format (the perceptron scored every reading) is refused by name")
    func secondFormat() {
        var bytes = Self.bytes
        bytes[16] = 2
        #expect(throws: LearningError.incompatibleModel(found: "anchor-perceptron/2", expected: "anchor-perceptron/4")) {
            try AttributionModel(decoding: bytes)
        }
    }

    @Test("a model of the third format (calibrated on held-back documents) is refused by name")
    func thirdFormat() {
        var bytes = Self.bytes
        bytes[16] = 3
        #expect(throws: LearningError.incompatibleModel(found: "anchor-perceptron/3", expected: "anchor-perceptron/4")) {
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
