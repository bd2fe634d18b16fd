import ClaimModel

/// Which other counting of offsets makes a span give the text a file says it holds: the hint a
/// reader adds when a span's text does not match. Each format counts in one unit (Label Studio in
/// UTF-16 code units, brat and doccano in Unicode scalars); a script that counted in another unit,
/// or a tool that read the text with another newline rule, leaves offsets that fit that unit and
/// not the format's. The hint is given only when that other reading gives the file's text exactly
/// (runs of white space folded), so a mere slip by one is not mistaken for a unit.
enum OffsetHint {
    /// A way of counting: how many units each scalar counts.
    struct Unit: Sendable {
        var name: String
        var width: @Sendable (Unicode.Scalar) -> Int
    }

    static let scalars = Unit(name: "Unicode scalars (code points, Python str indices)") { _ in 1 }
    static let utf16 = Unit(name: "UTF-16 code units") { $0.utf16.count }
    static let utf8 = Unit(name: "UTF-8 bytes") { $0.utf8.count }

    /// The scalar offset after `offset` units of `unit`; nil inside a scalar or past the text.
    static func scalarOffset(_ offset: Int, in text: ScalarText, unit: Unit) -> Int? {
        guard offset >= 0 else { return nil }
        var units = 0
        for (index, scalar) in text.scalars.enumerated() {
            if units == offset { return index }
            if units > offset { return nil }
            units += unit.width(scalar)
        }
        return units == offset ? text.count : nil
    }

    /// The first of `units` in which `[start, end]` is a span of `text` whose text is `expected`,
    /// with that span in scalars.
    static func unit(fitting expected: String, start: Int, end: Int, in text: ScalarText, among units: [Unit]) -> (unit: Unit, span: Span)? {
        for unit in units {
            guard let s = scalarOffset(start, in: text, unit: unit), let e = scalarOffset(end, in: text, unit: unit), s < e else { continue }
            let span = Span(s, e)
            if same(text.slice(span), expected) { return (unit, span) }
        }
        return nil
    }

    /// Equal, or equal once runs of white space are folded to one space (the JSONL rule for `*_text`).
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || AttributionDecoder.folded(a) == AttributionDecoder.folded(b)
    }

    /// The text as a reader with universal newlines sees it (Python 2's brat v1.3): each CRLF and
    /// each lone CR one LF. Offsets counted in it drift by one per CRLF before them.
    static func universalNewlines(_ text: ScalarText) -> ScalarText {
        var out = String.UnicodeScalarView()
        let s = text.scalars
        var i = 0
        while i < s.count {
            if s[i] == "\r" {
                out.append("\n")
                if i + 1 < s.count && s[i + 1] == "\n" { i += 1 }
            } else {
                out.append(s[i])
            }
            i += 1
        }
        return ScalarText(String(out))
    }
}
