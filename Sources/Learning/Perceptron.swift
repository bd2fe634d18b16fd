#if os(Linux)
import Glibc
#endif

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
/// keeping a copy per step (Collins 2002). Shared by the model's linear learners (the cue detector,
/// through `RankingPerceptron`, and the boundary chooser).
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
/// seeded `Hasher` would only add cost on the extractor's hot path).
///
/// The table is made of 64-byte buckets, each one cache line: five keys, their five values and a
/// flag saying whether a key whose home is this bucket lies further on. A lookup reads its home
/// bucket, compares all five keys without branching on each, and goes on to the next bucket only
/// when that flag is set (rare at the table's load of at most one half). With one line and one
/// well-predicted branch per lookup the processor overlaps the lookups of a token's or a
/// variant's features; the old one-slot-at-a-time probing stalled on each one (a quarter of
/// extraction time went to the cue detector's lookups).
struct WeightTable: Sendable, Equatable {
    let keys: [UInt64]
    let values: [Float]
    private let storage: Buckets
    private let mask: Int

    /// The buckets, 64-byte aligned: words 0–4 the keys (0: empty), words 5–7 the values' bits in
    /// pairs of halves (5: values 0 and 1, 6: values 2 and 3, 7: value 4 and the overflow flag).
    typealias Buckets = LookupMemory<UInt64>

    static let bucketKeys = 5

    init(keys: [UInt64], values: [Float]) {
        self.keys = keys
        self.values = values
        var buckets = 2
        while buckets * Self.bucketKeys < keys.count * 2 { buckets <<= 1 }
        let storage = Buckets(count: buckets * 8, repeating: 0)
        let mask = buckets - 1
        let w = storage.base
        for (k, v) in zip(keys, values) where k != 0 {
            var b = Int(truncatingIfNeeded: k) & mask
            while true {
                let p = w + (b << 3)
                var free = -1
                for j in 0..<Self.bucketKeys where p[j] == 0 {
                    free = j
                    break
                }
                if free >= 0 {
                    p[free] = k
                    let bits = UInt64(v.bitPattern)
                    let word = 5 + free / 2, shift = UInt64(free % 2 * 32)
                    p[word] = p[word] & ~(0xFFFF_FFFF << shift) | bits << shift
                    break
                }
                p[7] |= 1 << 32
                b = (b + 1) & mask
            }
        }
        self.storage = storage
        self.mask = mask
    }

    static func == (a: WeightTable, b: WeightTable) -> Bool { a.keys == b.keys && a.values == b.values }

    var count: Int { keys.count }

    @inline(__always)
    func weight(_ h: UInt64) -> Float {
        withExtendedLifetime(storage) { Self.weight(h, in: storage.base, mask: mask) }
    }

    /// The last word of `h`'s home bucket (values and overflow flag): reading it brings the
    /// bucket's line into the cache.
    @inline(__always)
    private static func lastWord(_ h: UInt64, in words: UnsafeMutablePointer<UInt64>, mask: Int) -> UInt64 {
        words[((Int(truncatingIfNeeded: h) & mask) << 3) + 7]
    }

    @inline(__always)
    private static func weight(_ h: UInt64, in words: UnsafeMutablePointer<UInt64>, mask: Int) -> Float {
        weight(h, in: words, mask: mask, last: lastWord(h, in: words, mask: mask))
    }

    /// The value of `h` (0 when absent; hash 0 is never a key and finds 0 in an empty slot), given
    /// the last word of its home bucket.
    @inline(__always)
    private static func weight(_ h: UInt64, in words: UnsafeMutablePointer<UInt64>, mask: Int, last: UInt64) -> Float {
        var b = Int(truncatingIfNeeded: h) & mask
        var v4 = last
        while true {
            let p = UnsafePointer(words + (b << 3))
            let v01 = p[5], v23 = p[6]
            var bits = p[0] == h ? v01 : 0
            bits = p[1] == h ? v01 >> 32 : bits
            bits = p[2] == h ? v23 : bits
            bits = p[3] == h ? v23 >> 32 : bits
            bits = p[4] == h ? v4 : bits
            let value = UInt32(truncatingIfNeeded: bits)
            // A value's bits are never 0 (+0.0 adds nothing, so it reads as absent either way).
            if value != 0 || v4 >> 32 == 0 { return Float(bitPattern: value) }
            b = (b + 1) & mask
            v4 = words[(b << 3) + 7]
        }
    }

    /// Hashes looked up together, at most this many at a time (their last words, 512 bytes, stay
    /// on the stack: `withUnsafeTemporaryAllocation` goes to the heap past about a kilobyte).
    static let block = 64

    /// The weight of each of `hashes` into `out`, in blocks: first the home bucket of every hash
    /// of a block is touched (loads with nothing between them, which the processor keeps many of
    /// in flight at once), then the block's lookups find their lines in the cache. The tables are
    /// megabytes and the hashes random, so nearly every lookup misses the cache; one after the
    /// other, each waited for its line.
    @inline(__always)
    private static func lookUp(_ hashes: UnsafeBufferPointer<UInt64>, in words: UnsafeMutablePointer<UInt64>, mask: Int,
                               into out: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: block) { last in
            var start = 0
            while start < hashes.count {
                let n = min(block, hashes.count &- start)
                for i in 0..<n { last[i] = lastWord(hashes[start &+ i], in: words, mask: mask) }
                for i in 0..<n { out[start &+ i] = weight(hashes[start &+ i], in: words, mask: mask, last: last[i]) }
                start &+= n
            }
        }
    }

    /// The weight of every hash, in order (`weight` of each).
    func weights(_ hashes: [UInt64]) -> [Float] {
        withExtendedLifetime(storage) {
            [Float](unsafeUninitializedCapacity: hashes.count) { out, initialized in
                if let base = out.baseAddress {
                    hashes.withUnsafeBufferPointer { Self.lookUp($0, in: storage.base, mask: mask, into: base) }
                }
                initialized = hashes.count
            }
        }
    }

    /// The sum of the weights of `hashes` as a Float, added in their order (the cue detector's score).
    func sum(_ hashes: [UInt64]) -> Float {
        withExtendedLifetime(storage) {
            hashes.withUnsafeBufferPointer { h in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: h.count) { w in
                    guard let base = w.baseAddress else { return 0 }
                    Self.lookUp(h, in: storage.base, mask: mask, into: base)
                    var s: Float = 0
                    for i in 0..<h.count { s += base[i] }
                    return s
                }
            }
        }
    }

}
