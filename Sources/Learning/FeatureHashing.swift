/// Features are 64-bit FNV-1a hashes of their names ("cue=said"), so a model is a sorted table of
/// (hash, weight) pairs: no string table, the same bytes on every machine, and no Swift `Hasher`
/// (seeded per process) anywhere near training or encoding.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash(_ text: String, into start: UInt64 = offset) -> UInt64 {
        var h = start
        for b in text.utf8 { h = mix(h, b) }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = offset
        for b in bytes { h = mix(h, b) }
        return h
    }
}

/// The features of one decision, collected as hashes (duplicates allowed: they add up).
struct FeatureVector: Sendable {
    var hashes: [UInt64] = []

    init() { hashes.reserveCapacity(64) }

    mutating func add(_ name: String) {
        hashes.append(FeatureHash.hash(name))
    }

    mutating func add(_ name: String, _ value: String) {
        var h = FeatureHash.hash(name)
        h = FeatureHash.mix(h, 0x3D)
        hashes.append(FeatureHash.hash(value, into: h))
    }

    /// Adds `prefix&name=value` for each pair, hashing the prefix once (no string is built).
    mutating func conjoin(_ prefix: String, with names: [(String, String)]) {
        var p = FeatureHash.hash(prefix)
        p = FeatureHash.mix(p, 0x26)
        for (n, v) in names {
            var h = FeatureHash.hash(n, into: p)
            h = FeatureHash.mix(h, 0x3D)
            hashes.append(FeatureHash.hash(v, into: h))
        }
    }
}

/// SplitMix64: the seeded generator behind every shuffle in training.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform index below `bound` (bound > 0), without the modulo bias mattering here.
    mutating func index(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Fisher–Yates, with this generator only.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, index(below: i + 1))
        }
    }
}
