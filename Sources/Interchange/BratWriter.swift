import ClaimModel

/// Writes brat standoff: per document the text exactly as stored (`.txt`) and its annotations (`.ann`).
///
/// brat's offsets are Python `str` offsets, i.e. Unicode scalars, the same unit as ours, so they
/// are written unchanged; a discontinuous role is written `s e;s e`.
///
/// Each attribution becomes T lines for its Source, Cue and Content, an event whose trigger is
/// the Cue (`E1\tCue:T2 Source:T1 Content:T3`), attribute lines on that event (`Bulk`, binary,
/// for a verdict `accept-above` gave) and an
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

    /// One document as brat sees it: the `.ann` text, and for each attribution (in order) the id of
    /// the line it is anchored on (`E…`, or `T…` without a cue; nil for one with no span at all,
    /// which brat cannot show). The sidecar keys attributions by these ids.
    public struct Written: Sendable, Equatable {
        public var ann: String
        public var anchors: [String?]
    }

    /// The `.ann` text of one document; remembers attribute values for the configuration.
    public mutating func ann(for item: AnnotatedDocument) -> String { write(item).ann }

    public mutating func write(_ item: AnnotatedDocument) -> Written {
        let scalars = ScalarText(item.document.text)
        var lines: [String] = []
        var anchors: [String?] = []
        var t = 0, e = 0, r = 0, attribute = 0, note = 0
        // Claims introduced by the same cue share its T line: brat's verifier flags two triggers
        // with the same span and type. (Source and Content lines are not shared: a claim without
        // a cue is anchored on one.)
        var cues: [Fragments: String] = [:]
        func textBound(_ type: String, _ fragments: Fragments) -> String {
            if type == "Cue", let id = cues[fragments] { return id }
            t += 1
            if type == "Cue" { cues[fragments] = "T\(t)" }
            let (shown, text) = BratText.shown(fragments, in: scalars)
            let offsets = shown.spans.map { "\($0.start) \($0.end)" }.joined(separator: ";")
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
                anchors.append(nil)
                continue
            }
            anchors.append(anchor)
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
            // A binary attribute (no value), as brat writes one: present = `accept-above` gave the verdict.
            if a.review?.bulk == true {
                attribute += 1
                lines.append("A\(attribute)\tBulk \(anchor)")
            }
            if let o = a.outlet { outlets.insert(o) }
            if let c = a.confidence { confidences.insert(CSVAttributionWriter.number(c)) }
            if let n = a.review?.annotator { annotators.insert(n) }
            if let s = a.sourceEntity { entities.insert(s) }
            if let text = a.review?.note {
                note += 1
                lines.append("#\(note)\tAnnotatorNotes \(anchor)\t\(BratText.escapeNote(text))")
            }
        }
        return Written(ann: lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", anchors: anchors)
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
            "Bulk\t\(anchors)",
        ]
        if !outlets.isEmpty { attributes.insert("Outlet\t\(anchors), Value:\(values(outlets))", at: 0) }
        if !entities.isEmpty { attributes.append("Entity\t\(anchors), Value:\(values(entities))") }
        if !confidences.isEmpty { attributes.append("Confidence\t\(anchors), Value:\(values(confidences, freeText: false))") }
        if !annotators.isEmpty { attributes.append("Annotator\t\(anchors), Value:\(values(annotators))") }
        return """
            # ClaimDesk claim attributions (written by `claimdesk export --format brat`).
            # Offsets are Unicode-scalar offsets into the .txt file, as brat counts them.
            # NAME.claimdesk.json beside each document keeps what brat has no place for
            # (doc_id, title, ids, review tags and times); see docs/FORMAT.md, "brat standoff".

            [entities]
            Source
            Content

            [relations]
            SourceOf\tArg1:Content, Arg2:Source
            <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

            [events]
            Cue\tSource?:Source, Content?:Content

            [attributes]
            \(attributes.joined(separator: "\n"))

            """
    }

    /// `tools.conf`: brat checks every document against `annotation.conf` as it opens it
    /// (`validate:all`), so a brat user sees what ClaimDesk would refuse; whitespace tokens and
    /// newline sentences, as the texts are news articles with paragraphs on lines.
    public static let toolsConf = """
        # ClaimDesk: brat's options for this folder.
        [options]
        Validation\tvalidate:all
        Tokens\ttokenizer:whitespace
        Sentences\tsplitter:newline

        [search]

        [annotators]

        [disambiguators]

        [normalization]

        """

    /// `visual.conf`: labels and colours for the three roles, and what the `Bulk` mark means.
    public static let visualConf = """
        [labels]
        Source | Source | Src
        Cue | Cue
        Content | Content | Cnt
        SourceOf | Source of
        AnalystConfidence | Analyst confidence
        SourceType | Source type
        Bulk | Bulk-accepted (accept-above)

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

/// How free text travels in brat's line- and whitespace-separated fields.
public enum BratText {
    /// The scalars at which Python's `str.splitlines` (which brat reads `.ann` files with) ends a
    /// line: none of them may appear inside an `.ann` line.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Control (C0, C1), format (bidi overrides such as U+202E, zero-width marks), line and
    /// paragraph separators, and unassigned scalars: never written raw where a name or a
    /// terminal could show them.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: return true
        default: return false
        }
    }

    /// A role as brat can show it, and the text field of its T line. brat keeps a span's text on
    /// its line and splits a selection at line breaks into fragments (its annotator does the
    /// same), so each fragment is cut at line-break scalars, which are left out; the text is the
    /// fragments' texts joined by one space, exactly as brat checks it. The sidecar keeps the
    /// original fragments; `shown` of them equal to what the `.ann` says means "unchanged".
    public static func shown(_ fragments: Fragments, in scalars: ScalarText) -> (Fragments, String) {
        var pieces: [Span] = []
        for span in fragments.spans {
            var start = span.start
            for i in span.start..<max(span.start, min(span.end, scalars.count)) where isLineBreak(scalars.scalars[i]) {
                if i > start { pieces.append(Span(start, i)) }
                start = i + 1
            }
            if span.end > start { pieces.append(Span(start, span.end)) }
        }
        guard let shown = Fragments(unchecked: pieces) else {
            // Nothing but line breaks: keep the span; its text field has spaces for them.
            return (fragments, fragments.spans.map { legacyField(scalars.slice($0)) }.joined(separator: " "))
        }
        return (shown, shown.spans.map { scalars.slice($0) }.joined(separator: " "))
    }

    /// How ClaimDesk wrote a T line's text before it split spans at line breaks (and still how a
    /// span of line breaks alone is written): line breaks and tabs became spaces.
    static func legacyField(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            isLineBreak(scalar) || scalar == "\t" ? " " : scalar
        }))
    }

    /// An attribute value has no whitespace in brat: a space becomes `_`; `_`, `%`, `|`, `,`, `:`,
    /// `#`, `<`, `>` (brat's configuration syntax: `<…>` is a macro there) and other whitespace,
    /// control or format characters (U+202E…) become `%XX` (UTF-8), so that decoding is exact.
    public static func encodeValue(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case " ": out += "_"
            case "_", "%", "|", ",", ":", "<", ">", "#":
                out += percent(scalar)
            default:
                if scalar.properties.isWhitespace || isUnsafe(scalar) {
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

    /// A note on one line: `\\` → `\\\\`, line feed → `\\n`, carriage return → `\\r`, tab → `\\t`, and the
    /// other scalars that end a line for brat → `\\uXXXX`.
    static func escapeNote(_ note: String) -> String {
        var out = ""
        for scalar in note.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isLineBreak(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func unescapeNote(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            i += 1
            guard scalar == "\\", i < scalars.count else { out.append(scalar); continue }
            let next = scalars[i]
            i += 1
            switch next {
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u" where i + 4 <= scalars.count:
                let hex = String(String.UnicodeScalarView(scalars[i..<(i + 4)]))
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                    out.append(decoded)
                    i += 4
                } else {
                    out.append(next)
                }
            default: out.append(next)
            }
        }
        return String(out)
    }
}
