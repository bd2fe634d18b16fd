import ClaimModel
@testable import Learning
import Testing

@Suite("ReadingNet: a non-linear reading scorer")
struct ReadingNetTests {
    static let bias = FeatureHash.hash("bias"), a = FeatureHash.hash("a=y"), b = FeatureHash.hash("b=y")

    /// One decision per pattern of two features: the reading is right exactly when one of them is
    /// present (XOR), which no weight vector can tell apart from "none" (score 0).
    static func xor(copies: Int) -> [TrainingExample] {
        var examples: [TrainingExample] = []
        for _ in 0..<copies {
            for (x, y) in [(false, false), (false, true), (true, false), (true, true)] {
                let hashes = [bias] + (x ? [a] : []) + (y ? [b] : [])
                examples.append(TrainingExample(choices: [FeatureVector(hashes: hashes)], oracle: x != y ? 0 : nil))
            }
        }
        return examples
    }

    static let patterns = [[bias], [bias, b], [bias, a], [bias, a, b]].map { FeatureVector(hashes: $0) }

    /// A pattern's score as extraction computes it, from a feature buffer.
    static func score(_ net: ReadingNet, _ vector: FeatureVector) -> Double {
        var buffer = FeatureBuffer()
        buffer.reset(originPrefix: 0, headPrefix: 0)
        for h in vector.hashes { buffer.add(hash: h) }
        return net.score(buffer)
    }

    @Test("the net learns an XOR of two features that the perceptron cannot")
    func learnsXor() {
        var rng = SplitMix64(seed: 3)
        let net = ReadingNet.train(Self.xor(copies: 50), epochs: 30, rng: &rng, rowBits: 4, rate: 0.1)
        #expect(Self.patterns.map { Self.score(net, $0) > 0 } == [false, true, true, false])

        var perceptron = RankingPerceptron()
        for _ in 0..<30 { for e in Self.xor(copies: 1) { perceptron.learn(e.choices, oracle: e.oracle) } }
        let weights = perceptron.averaged()
        #expect(Self.patterns.map { weights.sum($0.hashes) > 0 } != [false, true, true, false])
    }

    @Test("the same examples and seed give the same weights, another seed others")
    func deterministic() {
        var r1 = SplitMix64(seed: 9), r2 = SplitMix64(seed: 9), r3 = SplitMix64(seed: 10)
        let x = ReadingNet.train(Self.xor(copies: 5), epochs: 3, rng: &r1, rowBits: 4)
        let y = ReadingNet.train(Self.xor(copies: 5), epochs: 3, rng: &r2, rowBits: 4)
        let z = ReadingNet.train(Self.xor(copies: 5), epochs: 3, rng: &r3, rowBits: 4)
        #expect(x == y)
        #expect(x != z)
        #expect(x.rows.count == 16)
    }
}
