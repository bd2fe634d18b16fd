/// An averaged ranking perceptron over hashed features.
///
/// Each decision offers some choices (feature vectors) plus "none", whose score is 0; training
/// moves the weights towards the oracle choice and away from the predicted one, and the model
/// keeps the average of the weights over all steps (Collins 2002), which generalises far better
/// than the last weights.
struct RankingPerceptron {
    private var slot: [UInt64: Int] = [:]
    private var weights: [Double] = []
    private var totals: [Double] = []
    private var step: Double = 1

    func score(_ features: FeatureVector) -> Double {
        var s = 0.0
        for h in features.hashes { if let i = slot[h] { s += weights[i] } }
        return s
    }

    /// One training decision: `oracle` is the index of the right choice, or nil for none.
    mutating func learn(_ choices: [FeatureVector], oracle: Int?) {
        var best: Int?
        var bestScore = 0.0
        for (i, c) in choices.enumerated() {
            let s = score(c)
            if s > bestScore || (best == nil && s > 0) { best = i; bestScore = s }
        }
        if best != oracle {
            if let o = oracle { update(choices[o], by: 1) }
            if let b = best { update(choices[b], by: -1) }
        }
        step += 1
    }

    private mutating func update(_ features: FeatureVector, by delta: Double) {
        for h in features.hashes {
            let i: Int
            if let existing = slot[h] {
                i = existing
            } else {
                i = weights.count
                slot[h] = i
                weights.append(0)
                totals.append(0)
            }
            weights[i] += delta
            totals[i] += step * delta
        }
    }

    /// The averaged weights, zero ones left out, sorted by hash (deterministic bytes).
    func averaged() -> WeightTable {
        var pairs: [(UInt64, Float)] = []
        pairs.reserveCapacity(slot.count)
        for (h, i) in slot {
            let w = weights[i] - totals[i] / step
            if abs(w) > 1e-9 { pairs.append((h, Float(w))) }
        }
        pairs.sort { $0.0 < $1.0 }
        return WeightTable(keys: pairs.map(\.0), values: pairs.map(\.1))
    }
}

/// Frozen weights: sorted hashes and their values, looked up by a dictionary built once.
struct WeightTable: Sendable, Equatable {
    let keys: [UInt64]
    let values: [Float]
    private let lookup: [UInt64: Float]

    init(keys: [UInt64], values: [Float]) {
        self.keys = keys
        self.values = values
        var d: [UInt64: Float] = [:]
        d.reserveCapacity(keys.count)
        for (k, v) in zip(keys, values) { d[k] = v }
        lookup = d
    }

    static func == (a: WeightTable, b: WeightTable) -> Bool { a.keys == b.keys && a.values == b.values }

    var count: Int { keys.count }

    func score(_ features: FeatureVector) -> Double {
        var s = 0.0
        for h in features.hashes { if let w = lookup[h] { s += Double(w) } }
        return s
    }
}
