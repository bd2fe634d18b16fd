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

    /// Continues `start` with a literal's bytes (a feature's name or a fixed value: no String made).
    @inline(__always)
    static func hash(_ text: StaticString, into start: UInt64) -> UInt64 {
        var h = start
        let p = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { h = mix(h, p[i]) }
        return h
    }

    /// Continues `start` with a String's UTF-8 in place (no copy for native and small strings).
    @inline(__always)
    static func hash(utf8 text: String, into start: UInt64) -> UInt64 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            var h = start
            for b in buffer { h = mix(h, b) }
            return h
        }) {
            return h
        }
        return hash(text, into: start)
    }
}

/// The features of one decision, collected as hashes (duplicates allowed: they add up).
struct FeatureVector: Sendable {
    var hashes: [UInt64] = []

    init() { hashes.reserveCapacity(64) }

    init(hashes: [UInt64]) { self.hashes = hashes }

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

/// A feature's name, hashed once: its FNV-1a state after `name=` (the hash of `name=value` is
/// that state continued with the value's bytes), and which conjunctions it joins.
///
/// The hashes are those of the strings `name=value`, `o:ORIGIN&name=value`, `h:HEAD&name=value`
/// that earlier versions built, so models keep their bytes; only no String is built any more.
struct FeatureName: Sendable {
    let name: StaticString
    /// FNV-1a of `name=`.
    let state: UInt64
    /// Conjoined with the anchor's origin (`o:…&`).
    let withOrigin: Bool
    /// Conjoined with the anchor's head word (`h:…&`).
    let withHead: Bool

    init(_ name: StaticString, origin: Bool = false, head: Bool = false) {
        self.name = name
        state = FeatureHash.mix(FeatureHash.hash(name, into: FeatureHash.offset), 0x3D)
        withOrigin = origin
        withHead = head
    }

    /// FNV-1a of `prefix` + `name=` for a conjunction prefix state (`o:ORIGIN&`).
    @inline(__always)
    func state(after prefix: UInt64) -> UInt64 {
        FeatureHash.mix(FeatureHash.hash(name, into: prefix), 0x3D)
    }
}

/// Where one variant's features are written: the plain features in order, then the ones conjoined
/// with the origin, then those conjoined with the head word, then the closing ones — the order of
/// the hashes is the order the weights are added in, so it is part of the model's arithmetic.
/// Reused from variant to variant (`reset`) so that decoding allocates nothing per variant.
struct FeatureBuffer: ~Copyable {
    /// The four parts, each a run of `store`'s words (part k from `k * store.capacity`), written in
    /// place: an array's `append` cost three calls a hash and `removeAll` one more a variant, more
    /// than the hashing itself in the extractor's hottest loop.
    private var store = HashStore(capacity: 64)
    private var plainCount = 0, originCount = 0, headCount = 0, closingCount = 0

    var plain: [UInt64] { part(0, plainCount) }
    var origin: [UInt64] { part(1, originCount) }
    var head: [UInt64] { part(2, headCount) }
    var closing: [UInt64] { part(3, closingCount) }
    /// How many hashes the four parts hold.
    var count: Int { plainCount + originCount + headCount + closingCount }

    private func part(_ k: Int, _ n: Int) -> [UInt64] {
        withExtendedLifetime(store) { Array(UnsafeBufferPointer(start: store.base + k * store.capacity, count: n)) }
    }

    /// Four runs of `capacity` words, owned by one buffer (the buffer cannot be copied).
    final class HashStore {
        let capacity: Int
        let base: UnsafeMutablePointer<UInt64>

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity * 4)
            base.initialize(repeating: 0, count: capacity * 4)
        }

        deinit { base.deallocate() }
    }

    /// Appends `h` to part `k` (a constant at every call, so the switches fold away).
    @inline(__always)
    private mutating func put(_ h: UInt64, part k: Int) {
        let n = k == 0 ? plainCount : k == 1 ? originCount : k == 2 ? headCount : closingCount
        if n == store.capacity { grow() }
        store.base[k * store.capacity + n] = h
        switch k {
        case 0: plainCount = n + 1
        case 1: originCount = n + 1
        case 2: headCount = n + 1
        default: closingCount = n + 1
        }
    }

    /// A store twice as large, the parts copied over.
    @inline(never)
    private mutating func grow() {
        let counts = [plainCount, originCount, headCount, closingCount]
        let capacity = store.capacity * 2
        let new = HashStore(capacity: capacity)
        withExtendedLifetime(store) {
            for (k, n) in counts.enumerated() {
                (new.base + k * capacity).update(from: store.base + k * store.capacity, count: n)
            }
        }
        store = new
    }
    /// Conjunction prefix states (`o:ORIGIN&`, `h:HEAD&`) of the current anchor.
    private(set) var originPrefix: UInt64 = 0
    private(set) var headPrefix: UInt64 = 0
    /// The conjoined names' states after the current prefixes (`FeatureName.state(after:)`), kept
    /// while the prefixes stay (every variant of one anchor): a direct-mapped cache by the name's
    /// own state, valid when its generation is the current one.
    private var conjoined = [Conjoined](repeating: Conjoined(), count: 32)
    private var generation = 1

    private struct Conjoined {
        var name: UInt64 = 0
        var generation = 0
        var origin: UInt64 = 0
        var head: UInt64 = 0
    }

    init() {}

    mutating func reset(originPrefix: UInt64, headPrefix: UInt64) {
        plainCount = 0
        originCount = 0
        headCount = 0
        closingCount = 0
        if originPrefix != self.originPrefix || headPrefix != self.headPrefix {
            generation += 1
            self.originPrefix = originPrefix
            self.headPrefix = headPrefix
        }
    }

    /// `name.state(after: originPrefix)` and `name.state(after: headPrefix)` (0 where the name does
    /// not join that conjunction), hashed once per anchor.
    @inline(__always)
    private mutating func states(_ name: FeatureName) -> (origin: UInt64, head: UInt64) {
        let i = Int(truncatingIfNeeded: name.state >> 7) & 31
        let entry = conjoined[i]
        if entry.name == name.state && entry.generation == generation { return (entry.origin, entry.head) }
        let states = (origin: name.withOrigin ? name.state(after: originPrefix) : 0,
                      head: name.withHead ? name.state(after: headPrefix) : 0)
        conjoined[i] = Conjoined(name: name.state, generation: generation, origin: states.origin, head: states.head)
        return states
    }

    /// A hash computed beforehand (an anchor's own features), with its conjunctions if any.
    @inline(__always)
    mutating func add(hash: UInt64, origin o: UInt64? = nil, head h: UInt64? = nil) {
        put(hash, part: 0)
        if let o { put(o, part: 1) }
        if let h { put(h, part: 2) }
    }

    @inline(__always)
    mutating func add(_ name: FeatureName, _ value: StaticString) {
        put(FeatureHash.hash(value, into: name.state), part: 0)
        guard name.withOrigin || name.withHead else { return }
        let states = states(name)
        if name.withOrigin { put(FeatureHash.hash(value, into: states.origin), part: 1) }
        if name.withHead { put(FeatureHash.hash(value, into: states.head), part: 2) }
    }

    @inline(__always)
    mutating func add(_ name: FeatureName, utf8 value: String) {
        put(FeatureHash.hash(utf8: value, into: name.state), part: 0)
        guard name.withOrigin || name.withHead else { return }
        let states = states(name)
        if name.withOrigin { put(FeatureHash.hash(utf8: value, into: states.origin), part: 1) }
        if name.withHead { put(FeatureHash.hash(utf8: value, into: states.head), part: 2) }
    }

    /// A token's lowercased text as the value.
    @inline(__always)
    mutating func add(_ name: FeatureName, token t: Int, of text: TokenizedText) {
        put(text.hashLower(t, into: name.state), part: 0)
        guard name.withOrigin || name.withHead else { return }
        let states = states(name)
        if name.withOrigin { put(text.hashLower(t, into: states.origin), part: 1) }
        if name.withHead { put(text.hashLower(t, into: states.head), part: 2) }
    }

    /// A hash that follows all conjunctions.
    mutating func close(hash: UInt64) { put(hash, part: 3) }

    /// Each hash in scoring order (`vector`'s, without building it).
    @inline(__always)
    func forEach(_ body: (UInt64) -> Void) {
        withExtendedLifetime(store) {
            let base = store.base, capacity = store.capacity
            for i in 0..<plainCount { body(base[i]) }
            for i in 0..<originCount { body(base[capacity + i]) }
            for i in 0..<headCount { body(base[2 * capacity + i]) }
            for i in 0..<closingCount { body(base[3 * capacity + i]) }
        }
    }

    /// The hashes in scoring order.
    var vector: FeatureVector {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        forEach { hashes.append($0) }
        return FeatureVector(hashes: hashes)
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
