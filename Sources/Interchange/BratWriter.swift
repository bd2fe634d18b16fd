import ClaimModel

/// Writes brat standoff: per document the text exactly as stored (`.txt`) and its annotations (`.ann`).
///
/// brat's offsets are Python `str` offsets, i.e. Unicode scalars, the same unit as ours, so they
/// are written unchanged; a discontinuous role is written `s e;s e`.
///
/// Each attribution becomes T lines for its Source, Cue and Content, an event whose trigger is
/// the Cue (`E1\tCue:T2 Source:T1 Content:T3`), attribute lines on that event and an
/// `AnnotatorNotes` line for the analyst's note. An attribution without a cue has no trigger: it is
/// anchored on its Content (or, lacking one, its Source) T line instead, and a `SourceOf`
/// relation links content to source. `BratReader` reads all of this back.
public struct BratWriter {
    /// Attribute values seen so far, for `annotationConf()`.
    public private(set) var outlets: Set<String> = []
    public private(set) var confidences: Set<String> = []
    public private(set) var annotators: Set<String> = []
    public private(set) var entities: Set<String> = []

    public init() {}

    /// The `.ann` text of one document; remembers attribute values for the configuration.
    public mutating func ann(for item: AnnotatedDocument) -> String {
        let scalars = ScalarText(item.document.text)
        var lines: [String] = []
        var t = 0, e = 0, r = 0, attribute = 0, note = 0
        func textBound(_ type: String, _ fragments: Fragments) -> String {
            t += 1
            let offsets = fragments.spans.map { "\($0.start) \($0.end)" }.joined(separator: ";")
            let text = fragments.spans.map { BratText.field(scalars.slice($0)) }.joined(separator: " ")
            lines.append("T\(t)\t\(type) \(offsets)\t\(text)")
            return "T\(t)"
        }
        for a in item.attributions {
            let source = a.source.map { textBound("Source", $0) }
            let cue = a.cue.map { textBound("Cue", $0) }
            let content = a.content.map { textBound("Content", $0) }
            let anchor: String
            if let cue {
                e += 1
                var line = "E\(e)\tCue:\(cue)"
                if let source { line += " Source:\(source)" }
                if let content { line += " Content:\(content)" }
                lines.append(line)
                anchor = "E\(e)"
            } else if let content {
                if let source {
                    r += 1
                    lines.append("R\(r)\tSourceOf Arg1:\(content) Arg2:\(source)")
                }
                anchor = content
            } else if let source {
                anchor = source
            } else {
                continue
            }
            /// Free text is encoded (`BratText.encodeValue`); fixed vocabularies are written as they are.
            func attr(_ name: String, _ value: String?, freeText: Bool = false) {
                guard let value else { return }
                attribute += 1
                lines.append("A\(attribute)\t\(name) \(anchor) \(freeText ? BratText.encodeValue(value) : value)")
            }
            attr("Outlet", a.outlet, freeText: true)
            attr("SourceType", a.sourceType?.rawValue)
            attr("Anonymous", a.anonymous.map { $0 ? "yes" : "no" })
            attr("Entity", a.sourceEntity, freeText: true)
            attr("Confidence", a.confidence.map(CSVAttributionWriter.number))
            attr("Verdict", a.review?.status.rawValue)
            attr("AnalystConfidence", a.review?.confidence?.rawValue)
            attr("Annotator", a.review?.annotator, freeText: true)
            if let o = a.outlet { outlets.insert(o) }
            if let c = a.confidence { confidences.insert(CSVAttributionWriter.number(c)) }
            if let n = a.review?.annotator { annotators.insert(n) }
            if let s = a.sourceEntity { entities.insert(s) }
            if let text = a.review?.note {
                note += 1
                lines.append("#\(note)\tAnnotatorNotes \(anchor)\t\(BratText.escapeNote(text))")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `annotation.conf`: the types above, with every attribute value written so far.
    public func annotationConf() -> String {
        let anchors = "Arg:<EVENT>|Content|Source"
        func values(_ set: Set<String>, freeText: Bool = true) -> String {
            set.map { freeText ? BratText.encodeValue($0) : $0 }.sorted().joined(separator: "|")
        }
        var attributes = [
            "SourceType\t\(anchors), Value:\(SourceType.allCases.map(\.rawValue).joined(separator: "|"))",
            "Anonymous\t\(anchors), Value:yes|no",
            "Verdict\t\(anchors), Value:\(ReviewStatus.allCases.map(\.rawValue).joined(separator: "|"))",
            "AnalystConfidence\t\(anchors), Value:\(AnalystConfidence.allCases.map(\.rawValue).joined(separator: "|"))",
        ]
        if !outlets.isEmpty { attributes.insert("Outlet\t\(anchors), Value:\(values(outlets))", at: 0) }
        if !entities.isEmpty { attributes.append("Entity\t\(anchors), Value:\(values(entities))") }
        if !confidences.isEmpty { attributes.append("Confidence\t\(anchors), Value:\(values(confidences, freeText: false))") }
        if !annotators.isEmpty { attributes.append("Annotator\t\(anchors), Value:\(values(annotators))") }
        return """
            # ClaimDesk claim attributions (written by `claimdesk export --format brat`).
            # Offsets are Unicode-scalar offsets into the .txt file, as brat counts them.

            [entities]
            Source
            Content

            [relations]
            SourceOf\tArg1:Content, Arg2:Source
            <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OL-TYPE>:<ANY>

            [events]
            Cue\tSource?:Source, Content?:Content

            [attributes]
            \(attributes.joined(separator: "\n"))

            """
    }

    /// `visual.conf`: labels and colours for the three roles.
    public static let visualConf = """
        [labels]
        Source | Source | Src
        Cue | Cue
        Content | Content | Cnt
        SourceOf | Source of
        AnalystConfidence | Analyst confidence
        SourceType | Source type

        [drawing]
        Source\tbgColor:#9fc2ff
        Cue\tbgColor:#ffd27f
        Content\tbgColor:#a8e6a1
        SourceOf\tcolor:#3060c0, dashArray:3-3
        SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken
        ARC_DEFAULT\tcolor:black, arrowHead:triangle-5
        ATTRIBUTE_DEFAULT\tglyph:*

        """
}

/// How free text travels in brat's whitespace-separated fields.
public enum BratText {
    /// A T line's text field: the span's text on one line (line breaks and tabs become spaces).
    static func field(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}": return " "
            default: return scalar
            }
        }))
    }

    /// An attribute value has no whitespace in brat: a space becomes `_`; `_`, `%`, `|`, `,` and
    /// other whitespace or control characters become `%XX` (UTF-8), so that decoding is exact.
    public static func encodeValue(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case " ": out += "_"
            case "_", "%", "|", ",", ":":
                out += percent(scalar)
            default:
                if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                    out += percent(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    public static func decodeValue(_ value: String) -> String? {
        var bytes: [UInt8] = []
        let utf8 = Array(value.utf8)
        var i = 0
        while i < utf8.count {
            switch utf8[i] {
            case UInt8(ascii: "_"):
                bytes.append(0x20)
                i += 1
            case UInt8(ascii: "%"):
                guard i + 2 < utf8.count, let b = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else {
                    return nil
                }
                bytes.append(b)
                i += 3
            default:
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func percent(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { b in
            let hex = String(b, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }

    /// A note on one line: `\` → `\\`, line break → `\n`, tab → `\t`.
    static func escapeNote(_ note: String) -> String {
        var out = ""
        for scalar in note.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescapeNote(_ text: String) -> String {
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                case "t": out += "\t"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
