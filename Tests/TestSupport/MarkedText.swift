import ClaimModel

/// A text with spans marked inline, `{src:The minister} {cue:said} {con:taxes would rise}` or, to
/// name the attribution a mark belongs to, `{src1:Ana Ruiz} {cue1:blogged} that {con1:…}`: the
/// extraction and learning tests' fixtures. A role is three letters; a mark may repeat (a split
/// quote has two `con` marks); a `{` that does not open a mark stays in the text.
public struct MarkedText {
    /// One mark: its role ("src", "cue", "con"), its number (nil without a digit) and its span.
    public struct Mark: Equatable {
        public var role: String
        public var number: Int?
        public var span: Span
    }

    /// The text without marks; spans are Unicode-scalar offsets into it.
    public var plain: String
    public var marks: [Mark] = []

    public init(_ marked: String) {
        var out: [Unicode.Scalar] = []
        var open: (role: String, number: Int?, start: Int)?
        let scalars = Array(marked.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", open == nil, let colon = scalars[i...].firstIndex(of: ":") {
                let role = String(String.UnicodeScalarView(scalars[(i + 1)..<min(i + 4, colon)]))
                if colon - i == 4 {
                    open = (role, nil, out.count)
                    i = colon + 1
                    continue
                }
                if colon - i == 5, let number = Int(String(String.UnicodeScalarView(scalars[(i + 4)..<colon]))) {
                    open = (role, number, out.count)
                    i = colon + 1
                    continue
                }
            }
            if c == "}", let o = open {
                marks.append(Mark(role: o.role, number: o.number, span: Span(o.start, out.count)))
                open = nil
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        plain = String(view)
    }

    /// The spans of the marks with `role` (and, when given, `number`), in text order.
    public func spans(_ role: String, number: Int? = nil) -> [Span] {
        marks.filter { $0.role == role && (number == nil || $0.number == number) }.map(\.span)
    }
}
