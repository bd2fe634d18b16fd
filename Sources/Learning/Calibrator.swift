/// Maps a decision score to the probability that the claim is real (its content matches a gold
/// attribution), by isotonic regression (pool-adjacent-violators) on out-of-fold readings (`AttributionModel.train`).
///
/// The map is monotone, so the ranking of claims is the scorer's; each block's value is smoothed
/// towards the overall rate with a pseudo-count, so a block of two claims does not claim 0 or 1.
struct Calibrator: Sendable, Equatable {
    /// Block upper score bounds (ascending) and their probabilities.
    var bounds: [Double]
    var values: [Double]

    static let identityPrior = Calibrator(bounds: [], values: [])

    init(bounds: [Double], values: [Double]) {
        self.bounds = bounds
        self.values = values
    }

    /// Fits on (score, real) samples. Fewer than a handful gives a flat map at the observed rate.
    init(samples: [(score: Double, real: Bool)]) {
        guard !samples.isEmpty else {
            self.init(bounds: [], values: [])
            return
        }
        let sorted = samples.sorted { $0.score != $1.score ? $0.score < $1.score : (!$0.real && $1.real) }
        let rate = Double(sorted.filter(\.real).count) / Double(sorted.count)
        struct Block { var sum: Double; var n: Double; var upper: Double }
        var blocks: [Block] = []
        for s in sorted {
            blocks.append(Block(sum: s.real ? 1 : 0, n: 1, upper: s.score))
            while blocks.count > 1 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                // Merge while out of order, and merge tiny blocks so each value rests on some claims.
                if a.sum / a.n >= b.sum / b.n || a.n < 8 {
                    blocks.removeLast(2)
                    blocks.append(Block(sum: a.sum + b.sum, n: a.n + b.n, upper: b.upper))
                } else {
                    break
                }
            }
        }
        let prior = 2.0
        // Smoothing blocks of different sizes can reorder them: keep the running maximum.
        var values: [Double] = []
        for b in blocks { values.append(max(values.last ?? 0, (b.sum + prior * rate) / (b.n + prior))) }
        self.init(bounds: blocks.map(\.upper), values: values)
    }

    /// The probability of a score: the value of the first block whose upper bound reaches it.
    func probability(_ score: Double) -> Double {
        guard !values.isEmpty else { return 1 / (1 + _exp(-score)) }
        var lo = 0, hi = bounds.count - 1
        if score > bounds[hi] { return values[hi] }
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] >= score { hi = mid } else { lo = mid + 1 }
        }
        return values[lo]
    }
}

/// exp without Foundation (the library stays Foundation-free).
@inline(__always)
func _exp(_ x: Double) -> Double {
    // Range reduction: e^x = 2^k · e^r, |r| ≤ ln2/2, then a Taylor series for e^r.
    let clamped = max(-700, min(700, x))
    let ln2 = 0.6931471805599453
    let k = (clamped / ln2).rounded()
    let r = clamped - k * ln2
    var term = 1.0, sum = 1.0
    for n in 1...14 { term *= r / Double(n); sum += term }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
}
