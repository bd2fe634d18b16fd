import ClaimModel
import TestSupport

/// Mutations of a valid input, the kinds that broke parsers before: byte flips, cuts, control
/// characters (C0, C1, ESC sequences, bidi), NUL raw and escaped, huge numbers, deep nesting,
/// invalid UTF-8, a BOM, duplicated slices.
enum Mutator {
    static let insertions: [[UInt8]] = [
        [0x00], [0x1B], Array("\u{1B}]52;c;aGk=\u{7}".utf8), Array("\u{1B}[2J".utf8), [0x07], [0x0D], [0x0A], [0x09], [0x7F],
        [0xC2, 0x9B], [0xC2, 0x85], Array("\u{202E}".utf8), Array("\u{2066}".utf8), Array("\u{FEFF}".utf8), [0xEF, 0xBB, 0xBF],
        Array(#"\u0000"#.utf8), Array(#"\u001b"#.utf8), Array(#"\ud800"#.utf8), Array(#"\u202e"#.utf8), Array(#"\"#.utf8),
        Array("1e999999".utf8), Array("-123456789012345678901234567890".utf8), Array("99999999999999999999".utf8),
        Array("-0.0000000000000000000001".utf8), Array("NaN".utf8), [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], Array("\"".utf8), Array(",".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
        Array(":".utf8), Array("null".utf8), Array("\t".utf8), Array(";".utf8), Array(" ".utf8), Array("a\u{301}".utf8),
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !bytes.isEmpty:
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 1 where !bytes.isEmpty:
                bytes.removeSubrange(min(at, bytes.count - 1)..<min(bytes.count, at + Int.random(in: 1...16, using: &rng)))
            case 2:
                bytes.removeSubrange(at..<bytes.count)
            case 3:
                let depth = Int.random(in: 1...1200, using: &rng)
                let open: UInt8 = Bool.random(using: &rng) ? 0x5B : 0x7B
                bytes.insert(contentsOf: Array(repeating: open, count: depth), at: at)
            case 4 where !bytes.isEmpty:
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                let slice = bytes[from..<min(bytes.count, from + Int.random(in: 1...64, using: &rng))]
                bytes.insert(contentsOf: slice, at: at)
            default:
                bytes.insert(contentsOf: insertions[Int.random(in: 0..<insertions.count, using: &rng)], at: at)
            }
        }
        return bytes
    }
}
