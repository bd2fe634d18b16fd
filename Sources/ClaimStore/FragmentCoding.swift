import ClaimModel

/// Fragments are stored as compact JSON text, `[[12,20],[25,30]]`: readable in `sqlite3`,
/// usable by SQLite's JSON functions, and parsed here without a JSON library on the hot path.
enum FragmentCoding {
    static func encode(_ fragments: Fragments?) -> String? {
        guard let fragments else { return nil }
        var out = "["
        for (i, span) in fragments.spans.enumerated() {
            if i > 0 { out += "," }
            out += "[\(span.start),\(span.end)]"
        }
        return out + "]"
    }

    /// Nil for nil input; throws-free: a malformed value yields `.failure` for the caller to report.
    static func decode(_ text: String?) -> Result<Fragments?, FragmentCodingError> {
        guard let text else { return .success(nil) }
        var numbers: [Int] = []
        var current = 0
        var inNumber = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                inNumber = true
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: " "):
                if inNumber { numbers.append(current); current = 0; inNumber = false }
            default:
                return .failure(FragmentCodingError(text: text))
            }
        }
        if inNumber { numbers.append(current) }
        guard numbers.count >= 2, numbers.count % 2 == 0 else { return .failure(FragmentCodingError(text: text)) }
        var spans: [Span] = []
        spans.reserveCapacity(numbers.count / 2)
        var i = 0
        while i < numbers.count {
            spans.append(Span(numbers[i], numbers[i + 1]))
            i += 2
        }
        return .success(Fragments(unchecked: spans))
    }
}

struct FragmentCodingError: Error { var text: String }
