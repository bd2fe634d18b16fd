import ClaimModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// UIMA CAS XMI 1.0 as INCEpTION and dkpro-cassis read it: one `DOC.xmi` per document plus the
/// shared `TypeSystem.xml` (see `typeSystem`).
///
/// Layers (INCEpTION's custom-layer naming, `webanno.custom.*`): a span layer `ClaimSpan` whose
/// `role` feature holds the label (Source, Cue, Content), and a relation layer `ClaimLink` on it with
/// `Governor`/`Dependent`, following `AttributionGraph`. The attribution fields are String features
/// of the anchor span (`outlet`, `sourceType`, `reviewStatus`, …); `id` and title go into DKPro's
/// `DocumentMetaData`, publisher, date and `meta` into a `ClaimDeskDocument` annotation. Sentences
/// (one per line) and tokens (`WordTokens`) are written so the document displays at once.
///
/// Offsets: UIMA (Java) counts UTF-16 code units; XMI holds those, and cassis converts them to Python
/// code points when it loads. `UTF16Offsets` converts at the boundary, both ways.
public enum InceptionFormat {
    public static let spanType = "webanno.custom.ClaimSpan"
    public static let linkType = "webanno.custom.ClaimLink"
    public static let documentType = "webanno.custom.ClaimDeskDocument"
    static let metadataType = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
    static let sentenceType = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
    static let tokenType = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"

    /// Attribution fields as features of the anchor span: (feature, docs/FORMAT.md key, inside `review`).
    static let fieldFeatures: [(feature: String, key: String, review: Bool)] = [
        ("claimId", "id", false), ("outlet", "outlet", false), ("sourceType", "source_type", false),
        ("anonymous", "anonymous", false), ("sourceEntity", "source_entity", false), ("confidence", "confidence", false),
        ("reviewStatus", "status", true), ("annotator", "annotator", true), ("reviewConfidence", "confidence", true),
        ("tags", "tags", true), ("note", "note", true), ("reviewedAt", "at", true),
        ("adjudication", "adjudication", true), ("reviewChanges", "changes", true), ("otherReviews", "other_reviews", false),
        ("bulk", "bulk", true),
    ]

    /// The type system every export shares; INCEpTION needs a project with the two custom layers.
    public static var typeSystem: String {
        func type(_ name: String, _ supertype: String, _ features: [(String, String)]) -> String {
            var out = "    <typeDescription>\n      <name>\(name)</name>\n      <supertypeName>\(supertype)</supertypeName>\n"
            if !features.isEmpty {
                out += "      <features>\n"
                for (feature, range) in features {
                    out += "        <featureDescription>\n          <name>\(feature)</name>\n          <rangeTypeName>\(range)</rangeTypeName>\n        </featureDescription>\n"
                }
                out += "      </features>\n"
            }
            return out + "    </typeDescription>\n"
        }
        let string = "uima.cas.String"
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">
          <types>

        """
            + type(metadataType, "uima.tcas.DocumentAnnotation",
                   ["documentTitle", "documentId", "documentUri", "collectionId", "documentBaseUri"].map { ($0, string) }
                   + [("isLastSegment", "uima.cas.Boolean")])
            + type(sentenceType, "uima.tcas.Annotation", [("id", string)])
            + type(tokenType, "uima.tcas.Annotation", [("id", string)])
            + type(spanType, "uima.tcas.Annotation", [("role", string)] + fieldFeatures.map { ($0.feature, string) })
            + type(linkType, "uima.tcas.Annotation", [("Governor", spanType), ("Dependent", spanType)])
            + type(documentType, "uima.tcas.Annotation", [("publisher", string), ("publicationDate", string), ("meta", string), ("reviewedBy", string), ("spanless", string)])
            + "  </types>\n</typeSystemDescription>\n"
    }

    /// Characters XML 1.0 cannot hold (control characters other than tab, LF, CR); nil when none.
    public static func unrepresentable(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0 == "\u{FFFE}" || $0 == "\u{FFFF}" }
    }

    /// The XMI of one document.
    public static func xmi(for item: AnnotatedDocument, labels: LabelMap = .standard) -> String {
        let d = item.document
        let scalars = ScalarText(d.text)
        let u = UTF16Offsets(d.text)
        var elements: [String] = []
        var members: [Int] = []
        var nextID = 1
        let sofa = 1
        func element(_ name: String, _ begin: Int, _ end: Int, _ features: [(String, String)]) -> Int {
            nextID += 1
            var out = "<\(name) xmi:id=\"\(nextID)\" sofa=\"\(sofa)\" begin=\"\(u.utf16(begin))\" end=\"\(u.utf16(end))\""
            for (key, value) in features { out += " \(key)=\"\(XMLText.attribute(value))\"" }
            elements.append(out + "/>")
            members.append(nextID)
            return nextID
        }
        var metadata: [(String, String)] = [("documentId", d.id)]
        if let title = d.title { metadata.append(("documentTitle", title)) }
        _ = element("type5:DocumentMetaData", 0, scalars.count, metadata)
        var extra: [(String, String)] = []
        if let p = d.publisher { extra.append(("publisher", p)) }
        if let date = d.publicationDate { extra.append(("publicationDate", date)) }
        if let meta = d.meta { extra.append(("meta", meta.serialized)) }
        if let names = item.reviewedBy { extra.append(("reviewedBy", JSONValue.array(names.map { .string($0) }).serialized)) }
        let spanless = SpanlessAttributions.entries(item.attributions)
        if !spanless.isEmpty { extra.append(("spanless", JSONValue.array(spanless).serialized)) }
        if !extra.isEmpty { _ = element("custom:ClaimDeskDocument", 0, scalars.count, extra) }

        var starts = Set<Int>(), ends = Set<Int>()
        let layouts = item.attributions.map(AttributionGraph.layout)
        for nodes in layouts { for n in nodes { starts.insert(n.span.start); ends.insert(n.span.end) } }
        var lineStart = 0
        for i in scalars.scalars.indices + [scalars.count] where i == scalars.count || scalars.scalars[i] == "\n" {
            let end = i > lineStart && i <= scalars.count && i > 0 && scalars.scalars[i - 1] == "\r" ? i - 1 : i
            if end > lineStart { _ = element("type4:Sentence", lineStart, end, []) }
            lineStart = i + 1
        }
        for t in WordTokens.tokens(scalars, starts: starts, ends: ends) where !t.isSpace { _ = element("type4:Token", t.start, t.end, []) }

        for (a, nodes) in zip(item.attributions, layouts) {
            var ids: [Int] = []
            for (n, node) in nodes.enumerated() {
                var features = [("role", labels.label(for: node.role))]
                if n == 0 { features += fieldValues(a) }
                ids.append(element("custom:ClaimSpan", node.span.start, node.span.end, features))
            }
            for (node, id) in zip(nodes, ids).dropFirst() {
                nextID += 1
                elements.append("<custom:ClaimLink xmi:id=\"\(nextID)\" sofa=\"\(sofa)\" begin=\"\(u.utf16(node.span.start))\" end=\"\(u.utf16(node.span.end))\" Governor=\"\(ids[0])\" Dependent=\"\(id)\"/>")
                members.append(nextID)
            }
        }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmlns:tcas="http:///uima/tcas.ecore" \
        xmlns:type4="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore" \
        xmlns:type5="http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore" \
        xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">
        <cas:NULL xmi:id="0"/>

        """
        for e in elements { out += e + "\n" }
        out += "<cas:Sofa xmi:id=\"\(sofa)\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text\" sofaString=\"\(XMLText.attribute(d.text))\"/>\n"
        out += "<cas:View sofa=\"\(sofa)\" members=\"\(members.map(String.init).joined(separator: " "))\"/>\n"
        return out + "</xmi:XMI>\n"
    }

    static func fieldValues(_ a: Attribution) -> [(String, String)] {
        var out: [(String, String)] = []
        let fields = AttributionFields.object(a)
        let review = fields.first { $0.0 == "review" }?.1
        for f in fieldFeatures {
            let value = f.review ? review?[f.key] : fields.first { $0.0 == f.key }?.1
            switch value {
            case let .string(s)?: out.append((f.feature, s))
            case let .bool(b)?: out.append((f.feature, b ? "true" : "false"))
            case let .number(n)?: out.append((f.feature, n))
            case let .array(items)?: out.append((f.feature, JSONValue.array(items).serialized))
            case let .object(pairs)?: out.append((f.feature, JSONValue.object(pairs).serialized))
            default: break
            }
        }
        return out
    }

    /// What the XML parser refused, in words. Its error is only a number (on Linux
    /// "The operation could not be completed. (NSXMLParserErrorDomain error 29.)"); the numbers
    /// are libxml2's `xmlParserErrors`, which Apple's `XMLParser.ErrorCode` mirrors. The number is
    /// kept at the end for a search.
    static func xmlProblem(_ error: (any Error)?, line: Int) -> String {
        guard let error else { return "XML error at line \(line)" }
        let code = (error as NSError).code
        let what: String
        switch code {
        case 3, 4: what = "no XML document"
        case 5, 86: what = "content after the end of the document"
        case 6, 7, 8: what = "an invalid character reference (&#…;)"
        case 9: what = "a character XML does not allow"
        case 22, 23: what = "an entity reference without its name or its \";\""
        case 26, 27: what = "an undeclared entity"
        case 29: what = "an external entity (never read)"
        case 31, 32, 79, 81: what = "an unknown or unsupported encoding"
        case 38: what = "a \"<\" inside an attribute value"
        case 39, 40, 41: what = "an attribute without a quoted value"
        case 42, 203: what = "an attribute given twice"
        case 45: what = "a comment not closed"
        case 63: what = "a CDATA section not closed"
        case 64, 65, 68, 73, 74, 75: what = "broken markup"
        case 76: what = "a closing tag that does not match its opening tag"
        case 77, 85: what = "an element not closed"
        case 89: what = "entities that expand without end (a loop, or too far)"
        case 201: what = "an undeclared namespace prefix"
        default: what = "XML the parser refuses"
        }
        return "\(what) at line \(line) (XML error \(code))"
    }

    /// An XMI element as messages name it: its type and `xmi:id`, both from the file, so cut short.
    static func xmiPlace(_ element: XMICollector.Element) -> String {
        "\(TerminalSafe.short(element.name, 40)) \(TerminalSafe.short(element.attributes["id"] ?? "", 20))"
    }

    /// Reads one XMI document; issues name the file (line 0: XMI has no lines worth naming).
    public static func read(_ bytes: [UInt8], file: String, labels: LabelMap = .standard) -> JSONLReader.Result {
        var result = JSONLReader.Result(lines: [], issues: [])
        func fail(_ message: String) -> JSONLReader.Result {
            result.issues.append(InterchangeIssue(file: file, line: 0, message: message))
            return result
        }
        // FoundationXML's parser traps on some invalid UTF-8 (in a name, say): check first.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return fail("invalid UTF-8 at byte \(firstInvalidUTF8(bytes)) (UIMA CAS XMI is UTF-8)")
        }
        let collector = XMICollector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        guard parser.parse() else {
            return fail("not valid XMI: \(xmlProblem(parser.parserError, line: parser.lineNumber))")
        }
        guard let text = collector.sofa else { return fail("no cas:Sofa with a sofaString: not a UIMA CAS XMI document") }
        let u = UTF16Offsets(text)
        let scalars = ScalarText(text)
        let metadata = collector.elements.first { $0.name == "DocumentMetaData" }
        let id = metadata?.attributes["documentId"] ?? fileStem(file)
        if let problem = Document.problem(withID: id) { return fail(problem) }
        if text.isEmpty { return fail("document \(escapedForMessage(id)): the text is empty") }
        var document = Document(id: id, text: text, title: metadata?.attributes["documentTitle"])
        if let extra = collector.elements.first(where: { $0.name == "ClaimDeskDocument" }) {
            document.publisher = extra.attributes["publisher"]
            document.publicationDate = extra.attributes["publicationDate"]
            if let meta = extra.attributes["meta"] {
                guard let value = JSONValue(parsing: meta) else { return fail("ClaimDeskDocument: meta is not JSON: \(escapedForMessage(meta))") }
                document.meta = value
            }
        }
        var nodes: [AttributionGraph.Node] = []
        var fields: [Int: [String: String]] = [:]
        var index: [String: Int] = [:]
        // Spans: custom-layer annotations with a `role` feature (DKPro's own types with a `role`,
        // such as semantic-argument links, are not ours).
        for element in collector.elements where element.isCustom && element.attributes["role"] != nil && element.attributes["Governor"] == nil {
            let label = element.attributes["role"] ?? ""
            guard let role = labels.role(for: label) else {
                return fail("\(xmiPlace(element)): role \(escapedForMessage(label)) is not one of \(labels.expected) (map it with --labels)")
            }
            let place = xmiPlace(element)
            guard let b = element.attributes["begin"].flatMap({ Int($0) }), let e = element.attributes["end"].flatMap({ Int($0) }) else {
                return fail("\(place): begin and end must be whole numbers (UTF-16 offsets)")
            }
            guard let start = u.scalar(b), let end = u.scalar(e), Span(start, end).isValid(in: scalars.count) else {
                return fail("\(place): begin/end \(u.problem(b, e))")
            }
            if let xmiID = element.attributes["id"] { index[xmiID] = nodes.count }
            fields[nodes.count] = element.attributes
            nodes.append(AttributionGraph.Node(role: role, span: Span(start, end)))
        }
        var links: [(Int, Int)] = []
        // Relations: custom-layer relations between two of those spans; other relation layers are
        // left alone, a relation from a role span to nothing is an error.
        for element in collector.elements where element.isCustom && element.attributes["Governor"] != nil {
            guard let g = element.attributes["Governor"], let d = element.attributes["Dependent"] else {
                return fail("\(xmiPlace(element)): a relation needs Governor and Dependent")
            }
            switch (index[g], index[d]) {
            case let (a?, b?): links.append((a, b))
            case (nil, nil): continue
            default: return fail("\(xmiPlace(element)): Governor and Dependent must name two role spans")
            }
        }
        let assembled: [AttributionGraph.Assembled]
        switch AttributionGraph.assemble(nodes, links: links) {
        case let .success(list): assembled = list
        case let .failure(problem): return fail("document \(escapedForMessage(id)): \(problem.message)")
        }
        var attributions: [Attribution] = []
        for item in assembled {
            var attribution = item.attribution
            let attributes = fields[item.anchor] ?? [:]
            var top: [(String, JSONValue)] = []
            var review: [(String, JSONValue)] = []
            for f in fieldFeatures {
                guard let raw = attributes[f.feature] else { continue }
                let value: JSONValue
                switch f.key {
                case "confidence" where !f.review: value = .number(raw)
                case "anonymous", "adjudication", "bulk": value = raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
                case "tags", "changes", "other_reviews": value = JSONValue(parsing: raw) ?? .string(raw)
                default: value = .string(raw)
                }
                if f.review { review.append((f.key, value)) } else { top.append((f.key, value)) }
            }
            if !review.isEmpty { top.append(("review", .object(review))) }
            if !top.isEmpty, let problem = AttributionFields.apply(.object(top), to: &attribution, text: scalars,
                                                                  documentID: id, index: attributions.count) {
                return fail(problem)
            }
            attributions.append(attribution)
        }
        if let raw = collector.elements.first(where: { $0.name == "ClaimDeskDocument" })?.attributes["spanless"] {
            guard let list = JSONValue(parsing: raw) else { return fail("ClaimDeskDocument: spanless is not JSON: \(escapedForMessage(raw))") }
            if let problem = SpanlessAttributions.insert(list, into: &attributions, text: scalars, documentID: id) { return fail(problem) }
        }
        var item = AnnotatedDocument(document: document, attributions: attributions)
        if let raw = collector.elements.first(where: { $0.name == "ClaimDeskDocument" })?.attributes["reviewedBy"] {
            guard let list = JSONValue(parsing: raw) else { return fail("ClaimDeskDocument: reviewedBy is not JSON: \(escapedForMessage(raw))") }
            switch DocumentFields.reviewedBy(.object([("reviewed_by", list)]), id: id) {
            case let .success(names): item.reviewedBy = names
            case let .failure(problem): return fail(problem.message)
            }
        }
        if let problem = InterchangeChecks.storedProblem(item) { return fail(problem) }
        result.lines.append(JSONLReader.Line(number: 0, document: item))
        return result
    }
}

/// Collects the XMI elements (local name, attributes by local name) and the sofa's text.
final class XMICollector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// In `http:///webanno/custom.ecore`: a layer made in INCEpTION (or ours).
        var isCustom: Bool = false
    }

    var elements: [Element] = []
    var sofa: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict {
            let local = key.split(separator: ":").last.map(String.init) ?? key
            attributes[local] = value
        }
        if elementName == "Sofa" {
            if sofa == nil { sofa = attributes["sofaString"] }
            return
        }
        elements.append(Element(name: elementName, attributes: attributes, isCustom: namespaceURI == "http:///webanno/custom.ecore"))
    }
}

/// Escaping for XML attribute values: entities for markup characters and character references for
/// tab, LF and CR, which an XML parser would otherwise normalise to spaces.
enum XMLText {
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Byte offset of the first invalid UTF-8 sequence (the byte count when there is none): the
/// readers of every format name the byte where a file stops being UTF-8.
public func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case let .valid(encoded): offset += encoded.count
        case .error, .emptyInput: return offset
        }
    }
}
