/// A small feed-forward scorer over the reading scorer's hashed features. Each feature hash picks
/// one row of 16 floats: 15 are the feature's weights into the hidden layer, the last is its
/// linear weight. A variant's score is its linear weights' sum plus `output · relu(bias + Σ rows)`
/// over the 15 hidden units; "none" scores 0. Training is SGD on the softmax over an anchor's
/// variants and none, with a fixed schedule and weights initialised from SplitMix64, so equal data
/// and seed give equal bytes.
///
/// Unlike a linear scorer it can weigh a feature by the company it keeps (a learned cue word's
/// reading is good with this detector score and that source shape, not with either alone).
/// Rows are chosen by the hash's top bits (Fibonacci hashing): a fixed table, no dictionary, and
/// colliding rare features only share a row; one row is one cache line, so a feature costs the
/// extractor one memory access, as a linear weight would. Rows are SIMD vectors (lane-wise
/// arithmetic is the same on every machine); the one reduction, the output's dot product, runs
/// lane by lane in a fixed order.
struct ReadingNet: Sendable {
    typealias Row = SIMD16<Float>
    /// Lanes of a row: the hidden units, then the linear weight.
    static let width = Row.scalarCount
    static let linearLane = width - 1

    let rowBits: Int
    /// `1 << rowBits` rows, where scoring reads them: aligned and on huge pages (`LookupMemory`).
    let rows: LookupMemory<Row>
    /// The hidden units' bias (its linear lane is 0).
    let bias: Row
    /// The hidden units' output weights (its linear lane is 1: the linear sum passes through).
    let output: Row

    init(rowBits: Int, rows: [Row], bias: Row, output: Row) {
        self.rowBits = rowBits
        self.rows = LookupMemory(rows)
        self.bias = bias
        self.output = output
    }

    /// Rows are about half the distinct features seen, within these bounds: a model of a few
    /// documents stays small, one of the full training split keeps collisions rare.
    static let rowBitsRange = 8...17

    static func rowBits(for examples: [TrainingExample]) -> Int {
        var seen = Set<UInt64>()
        for e in examples { for c in e.choices { for f in c.hashes where f != 0 { seen.insert(f) } } }
        var bits = 0
        while (1 << bits) < seen.count { bits += 1 }
        return min(max(bits - 1, rowBitsRange.lowerBound), rowBitsRange.upperBound)
    }

    /// Rows training used: their linear lane starts at 0 (the hidden lanes start random), so a
    /// non-zero one is a row some feature updated; about the number of distinct features seen.
    var featuresInUse: Int { rows.reduce(0) { $0 + ($1[Self.linearLane] != 0 ? 1 : 0) } }

    @inline(__always)
    static func slot(_ h: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The score of one variant's features, in the buffer's order.
    func score(_ buffer: borrowing FeatureBuffer) -> Double {
        withExtendedLifetime(rows) {
            let table = rows.base
            var h = bias
            let bits = rowBits
            // The buffer's hashes in its order (plain, origin, head, closing), as `vector` has them.
            buffer.forEach { f in if f != 0 { h += table[Self.slot(f, bits: bits)] } }
            return Double(Self.finish(h, output))
        }
    }

    /// The hidden units' activations, with the linear lane passed through.
    @inline(__always)
    static func activations(_ h: Row) -> Row {
        var a = h.replacing(with: 0, where: h .< 0)
        a[linearLane] = h[linearLane]
        return a
    }

    /// `output · activations(h)`, summed lane by lane in order.
    @inline(__always)
    static func finish(_ h: Row, _ output: Row) -> Float {
        let a = activations(h)
        var s: Float = 0
        for j in 0..<width { s += output[j] * a[j] }
        return s
    }

    /// Fits the net on the anchor decisions (`oracle` nil: none is right).
    static func train(_ examples: [TrainingExample], epochs: Int, rng: inout SplitMix64, rowBits given: Int? = nil,
                      rate: Float = 0.02) -> ReadingNet {
        let rowBits = given ?? Self.rowBits(for: examples)
        func uniformRow(_ scale: Float, last: Float) -> Row {
            var r = Row()
            for j in 0..<linearLane { r[j] = (Float(rng.next() >> 40) / Float(1 << 24) * 2 - 1) * scale }
            r[linearLane] = last
            return r
        }
        var rows = (0..<(1 << rowBits)).map { _ in uniformRow(0.25, last: 0) }
        var bias = Row()
        var output = uniformRow(0.25, last: 1)
        var order = Array(examples.indices)
        let steps = Float(max(1, epochs * examples.count))
        var step: Float = 0
        var pre: [Row] = [], scores: [Double] = []
        for _ in 0..<epochs {
            rng.shuffle(&order)
            for e in order {
                let example = examples[e]
                guard !example.choices.isEmpty else { continue }
                let lr = rate * (1 - step / steps)
                step += 1
                pre.removeAll(keepingCapacity: true)
                scores.removeAll(keepingCapacity: true)
                for choice in example.choices {
                    var h = bias
                    for f in choice.hashes where f != 0 { h += rows[slot(f, bits: rowBits)] }
                    pre.append(h)
                    scores.append(Double(finish(h, output)))
                }
                // Softmax over the variants and none (score 0).
                let top = max(0, scores.max() ?? 0)
                var total = _exp(-top)
                for s in scores { total += _exp(s - top) }
                var outputGrad = Row()
                for (v, choice) in example.choices.enumerated() {
                    let g = Float(_exp(scores[v] - top) / total) - (example.oracle == v ? 1 : 0)
                    guard abs(g) > 1e-7 else { continue }
                    var active = pre[v] .> 0
                    active[linearLane] = true
                    var a = activations(pre[v])
                    a[linearLane] = 0
                    outputGrad += g * a
                    let delta = (lr * g * output).replacing(with: 0, where: .!active)
                    var hiddenDelta = delta
                    hiddenDelta[linearLane] = 0
                    bias -= hiddenDelta
                    for f in choice.hashes where f != 0 { rows[slot(f, bits: rowBits)] -= delta }
                }
                output -= lr * outputGrad
            }
        }
        return ReadingNet(rowBits: rowBits, rows: rows, bias: bias, output: output)
    }
}

extension ReadingNet: Equatable {
    /// Equal weights.
    static func == (a: ReadingNet, b: ReadingNet) -> Bool {
        a.rowBits == b.rowBits && a.rows.elementsEqual(b.rows) && a.bias == b.bias && a.output == b.output
    }
}
