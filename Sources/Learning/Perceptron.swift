/// An averaged ranking perceptron over hashed features.
///
/// Each decision offers some choices (feature vectors) plus "none", whose score is 0; training
/// moves the weights towards the oracle choice and away from the predicted one, and the model
/// keeps the average of the weights over all steps (Collins 2002), which generalises far better
/// than the last weights.
struct RankingPerceptron {
    private var weights = AveragedWeights()

    func score(_ features: FeatureVector) -> Double { weights.score(features.hashes) }

    /// One training decision: `oracle` is the index of the right choice, or nil for none.
    mutating func learn(_ choices: [FeatureVector], oracle: Int?) {
        var best: Int?
        var bestScore = 0.0
        for (i, c) in choices.enumerated() {
            let s = score(c)
            if s > bestScore || (best == nil && s > 0) { best = i; bestScore = s }
        }
        if best != oracle {
            if let o = oracle { weights.update(choices[o].hashes, by: 1) }
            if let b = best { weights.update(choices[b].hashes, by: -1) }
        }
        weights.tick()
    }

    /// The averaged weights, zero ones left out, sorted by hash (deterministic bytes).
    func averaged() -> WeightTable { weights.averaged() }
}

/// The weights of an averaged perceptron while it trains: each update also accumulates
/// `step × delta`, so that the average over all steps is `w − total / step` at the end without
/// keeping a copy per step (Collins 2002). Shared by every learner of the model (the reading
/// scorer, the boundary chooser).
struct AveragedWeights {
    private var slot: [UInt64: Int] = [:]
    private var weights: [Double] = []
    private var totals: [Double] = []
    private var step: Double = 1

    func score(_ hashes: [UInt64]) -> Double {
        var s = 0.0
        for h in hashes { if let i = slot[h] { s += weights[i] } }
        return s
    }

    /// Moves the weights of `hashes` by `delta` (+1 towards the right choice, −1 away from a wrong one).
    mutating func update(_ hashes: [UInt64], by delta: Double) {
        for h in hashes {
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

    /// Ends one training decision.
    mutating func tick() { step += 1 }

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

/// Frozen weights: sorted hashes and their values, looked up through an open-addressing table
/// indexed by the hash's own low bits (the keys are already well-mixed FNV hashes, so Swift's
/// seeded `Hasher` would only add cost on the extractor's hot path). Key and value share a slot,
/// so a lookup touches one cache line.
struct WeightTable: Sendable, Equatable {
    let keys: [UInt64]
    let values: [Float]
    private let slots: [Slot]
    private let mask: Int

    struct Slot: Sendable {
        var key: UInt64
        var value: Float
    }

    init(keys: [UInt64], values: [Float]) {
        self.keys = keys
        self.values = values
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, value: 0), count: capacity)
        let mask = capacity - 1
        for (k, v) in zip(keys, values) where k != 0 {
            var i = Int(truncatingIfNeeded: k) & mask
            while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
            slots[i] = Slot(key: k, value: v)
        }
        self.slots = slots
        self.mask = mask
    }

    static func == (a: WeightTable, b: WeightTable) -> Bool { a.keys == b.keys && a.values == b.values }

    var count: Int { keys.count }

    @inline(__always)
    func weight(_ h: UInt64) -> Float {
        slots.withUnsafeBufferPointer { weight(h, in: $0) }
    }

    @inline(__always)
    private func weight(_ h: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Float {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot.key == h { return slot.value }
            if slot.key == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// The sum of the weights, added in the hashes' order (the order is part of the arithmetic).
    func score(_ features: FeatureVector) -> Double {
        slots.withUnsafeBufferPointer { table in
            var s = 0.0
            for h in features.hashes where h != 0 { s += Double(weight(h, in: table)) }
            return s
        }
    }

    /// The same sum as `score(buffer.vector)`, without concatenating the buffer.
    func score(_ buffer: FeatureBuffer) -> Double {
        slots.withUnsafeBufferPointer { table in
            var s = 0.0
            for h in buffer.plain where h != 0 { s += Double(weight(h, in: table)) }
            for h in buffer.origin where h != 0 { s += Double(weight(h, in: table)) }
            for h in buffer.head where h != 0 { s += Double(weight(h, in: table)) }
            for h in buffer.closing where h != 0 { s += Double(weight(h, in: table)) }
            return s
        }
    }
}
