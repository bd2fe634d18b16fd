/// Little-endian writer for the model's bytes.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Bounds-checked reader: every read past the end, every count larger than what is left, every
/// invalid string throws `corruptModel` instead of trapping or allocating wildly.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    private mutating func take(_ n: Int, _ what: String) throws(LearningError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else {
            throw .corruptModel(reason: "truncated at byte \(offset) reading \(what)")
        }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func u8(_ what: String) throws(LearningError) -> UInt8 {
        try take(1, what).first ?? 0
    }

    mutating func u32(_ what: String) throws(LearningError) -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in try take(4, what).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return v
    }

    mutating func u64(_ what: String) throws(LearningError) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(8, what).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    mutating func int(_ what: String, max limit: Int = Int(Int32.max)) throws(LearningError) -> Int {
        let v = Int64(bitPattern: try u64(what))
        guard v >= 0, v <= Int64(limit) else { throw .corruptModel(reason: "\(what) out of range: \(v)") }
        return Int(v)
    }

    mutating func f32(_ what: String) throws(LearningError) -> Float {
        let v = Float(bitPattern: try u32(what))
        guard v.isFinite else { throw .corruptModel(reason: "\(what) is not a finite number") }
        return v
    }

    mutating func f64(_ what: String) throws(LearningError) -> Double {
        let v = Double(bitPattern: try u64(what))
        guard v.isFinite else { throw .corruptModel(reason: "\(what) is not a finite number") }
        return v
    }

    mutating func string(_ what: String) throws(LearningError) -> String {
        let n = Int(try u32(what))
        let slice = try take(n, what)
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw .corruptModel(reason: "\(what) is not UTF-8")
        }
        return s
    }

    /// A count of items of at least `itemSize` bytes each: refused when the rest cannot hold them.
    mutating func count(_ what: String, itemSize: Int) throws(LearningError) -> Int {
        let n = Int(try u32(what))
        guard n * max(1, itemSize) <= remaining else {
            throw .corruptModel(reason: "\(what) claims \(n) items, only \(remaining) bytes left")
        }
        return n
    }
}
