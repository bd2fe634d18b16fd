/// A frozen map from token keys (64-bit FNV-1a hashes of words) to values, for the lexicons the
/// rules consult for every token: open addressing indexed by a Fibonacci mix of the key, so a
/// lookup is a multiply, a shift and mostly one slot, where `Dictionary` runs SipHash first.
/// (Lookups were a sixth of the rules' time.)
struct KeyTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Value
    }

    private let slots: [Slot?]
    private let shift: UInt64
    let count: Int

    init(_ entries: [UInt64: Value]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var slots = [Slot?](repeating: nil, count: capacity)
        let shift = 64 - bits
        // Sorted, so that the layout (and so nothing observable, but the probing order) is the
        // same in every process: Dictionary's own order is seeded per process.
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            var i = Self.home(key, shift)
            while slots[i] != nil { i = (i + 1) & (capacity - 1) }
            slots[i] = Slot(key: key, value: value)
        }
        self.slots = slots
        self.shift = shift
        count = entries.count
    }

    @inline(__always)
    private static func home(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Self.home(key, shift)
        while let slot = slots[i] {
            if slot.key == key { return slot.value }
            i = (i + 1) & mask
        }
        return nil
    }
}

/// A frozen set of token keys (the small word lists the rules name), with `KeyTable`'s lookup.
struct KeySet: Sendable {
    private let table: KeyTable<Bool>

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        var entries: [UInt64: Bool] = [:]
        for k in keys { entries[k] = true }
        table = KeyTable(entries)
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { table[key] != nil }

    var count: Int { table.count }
}
