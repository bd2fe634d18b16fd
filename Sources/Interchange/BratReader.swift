import ClaimModel

/// Reads brat standoff (`.ann`) written by `BratWriter`, or by brat itself with the same types,
/// back into attributions. Every bad line is reported as `FILE:LINE: what is wrong`.
///
/// An attribution is anchored on an event (trigger: Cue; arguments: Source, Content) or, for one
/// without a cue, on a Content (or Source) T line that no event uses; a `SourceOf` relation
/// gives such a content its source. Attributions come out in the order of their anchor lines.
public enum BratReader {
    public struct Result: Sendable, Equatable {
        public var attributions: [Attribution]
        public var issues: [InterchangeIssue]
    }

    struct TextBound {
        var type: String
        var fragments: Fragments
        var line: Int
    }

    /// Parses the `.ann` text of the document whose text is `text`; `file` names it in issues.
    public static func read(ann: String, text: String, file: String) -> Result {
        let scalars = ScalarText(text)
        var issues: [InterchangeIssue] = []
        func issue(_ line: Int, _ message: String) { issues.append(InterchangeIssue(file: file, line: line, message: message)) }

        var textBounds: [String: TextBound] = [:]
        var events: [(id: String, line: Int, cue: String, args: [String: String])] = []
        var relations: [(content: String, source: String, line: Int)] = []
        var attributes: [(target: String, name: String, value: String, line: Int)] = []
        var notes: [(target: String, text: String, line: Int)] = []

        let lines = ann.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let kind = fields[0].first else {
                issue(number, "expected ID<TAB>annotation, got \(quoted(String(line)))")
                continue
            }
            let id = fields[0]
            let words = fields[1].split(separator: " ").map(String.init)
            switch kind {
            case "T":
                guard words.count >= 3 else { issue(number, "\(id): expected TYPE START END"); continue }
                let type = words[0]
                guard type == "Source" || type == "Cue" || type == "Content" else {
                    issue(number, "\(id): unknown type \"\(type)\" (Source, Cue or Content)")
                    continue
                }
                let offsets = words.dropFirst().joined(separator: " ")
                var spans: [Span] = []
                var bad = false
                for part in offsets.split(separator: ";") {
                    let pair = part.split(separator: " ")
                    guard pair.count == 2, let s = Int(pair[0]), let e = Int(pair[1]) else { bad = true; break }
                    spans.append(Span(s, e))
                }
                guard !bad, let fragments = Fragments(unchecked: spans) else {
                    issue(number, "\(id): offsets \"\(offsets)\" are not START END[;START END…]")
                    continue
                }
                guard fragments.isWellFormed(in: scalars.count) else {
                    issue(number, "\(id): offsets \(offsets) are out of range or overlap (the text has \(scalars.count) scalars)")
                    continue
                }
                if fields.count == 3 {
                    let expected = fragments.spans.map { BratText.field(scalars.slice($0)) }.joined(separator: " ")
                    if fields[2] != expected {
                        issue(number, "\(id): text \(quoted(fields[2])) does not match the document at \(offsets): \(quoted(expected))")
                        continue
                    }
                }
                if textBounds[id] != nil { issue(number, "duplicate id \(id)"); continue }
                textBounds[id] = TextBound(type: type, fragments: fragments, line: number)
            case "E":
                var cue: String?
                var args: [String: String] = [:]
                var bad = false
                for (i, word) in words.enumerated() {
                    let pair = word.split(separator: ":", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else { bad = true; break }
                    if i == 0 {
                        guard pair[0] == "Cue" else { bad = true; break }
                        cue = pair[1]
                    } else {
                        guard pair[0] == "Source" || pair[0] == "Content", args[pair[0]] == nil else { bad = true; break }
                        args[pair[0]] = pair[1]
                    }
                }
                guard !bad, let cue else {
                    issue(number, "\(id): expected Cue:T… [Source:T…] [Content:T…]")
                    continue
                }
                events.append((id, number, cue, args))
            case "R":
                guard words.count == 3, words[0] == "SourceOf", words[1].hasPrefix("Arg1:"), words[2].hasPrefix("Arg2:") else {
                    issue(number, "\(id): expected SourceOf Arg1:T… Arg2:T…")
                    continue
                }
                relations.append((String(words[1].dropFirst(5)), String(words[2].dropFirst(5)), number))
            case "A", "M":
                guard words.count == 3 else { issue(number, "\(id): expected NAME TARGET VALUE"); continue }
                attributes.append((words[1], words[0], words[2], number))
            case "#":
                guard words.count == 2, words[0] == "AnnotatorNotes" else { continue }
                notes.append((words[1], fields.count == 3 ? BratText.unescapeNote(fields[2]) : "", number))
            case "*", "N":
                continue
            default:
                issue(number, "\(id): unknown annotation kind")
            }
        }

        // Anchors, in line order.
        var anchors: [(id: String, line: Int, attribution: Attribution)] = []
        var used: Set<String> = []
        func role(_ ref: String, _ expected: String, _ line: Int) -> Fragments? {
            guard let bound = textBounds[ref] else {
                issue(line, "\(ref) is not a T line of this file")
                return nil
            }
            guard bound.type == expected else {
                issue(line, "\(ref) is a \(bound.type), expected a \(expected)")
                return nil
            }
            used.insert(ref)
            return bound.fragments
        }
        for event in events {
            var a = Attribution()
            a.cue = role(event.cue, "Cue", event.line)
            if let s = event.args["Source"] { a.source = role(s, "Source", event.line) }
            if let c = event.args["Content"] { a.content = role(c, "Content", event.line) }
            anchors.append((event.id, event.line, a))
        }
        var sourceOf: [String: String] = [:]
        for relation in relations {
            guard textBounds[relation.content]?.type == "Content", textBounds[relation.source]?.type == "Source" else {
                issue(relation.line, "SourceOf must link a Content T line (Arg1) to a Source T line (Arg2)")
                continue
            }
            sourceOf[relation.content] = relation.source
            used.insert(relation.source)
        }
        for (id, bound) in textBounds where !used.contains(id) {
            switch bound.type {
            case "Content":
                var a = Attribution(content: bound.fragments)
                if let s = sourceOf[id] { a.source = textBounds[s]?.fragments }
                anchors.append((id, bound.line, a))
            case "Source":
                anchors.append((id, bound.line, Attribution(source: bound.fragments)))
            default:
                issue(bound.line, "\(id): a Cue that no event uses")
            }
        }
        anchors.sort { $0.line < $1.line }
        var index: [String: Int] = [:]
        for (i, anchor) in anchors.enumerated() { index[anchor.id] = i }

        var reviewFields: [Int: (verdict: ReviewStatus?, confidence: AnalystConfidence?, annotator: String?, note: String?)] = [:]
        for attribute in attributes {
            guard let i = index[attribute.target] else {
                issue(attribute.line, "attribute \(attribute.name) on \(attribute.target), which is no attribution")
                continue
            }
            let freeText = ["Outlet", "Entity", "Annotator"].contains(attribute.name)
            guard let value = freeText ? BratText.decodeValue(attribute.value) : attribute.value else {
                issue(attribute.line, "attribute \(attribute.name): bad %-escape in \(quoted(attribute.value))")
                continue
            }
            var review = reviewFields[i] ?? (nil, nil, nil, nil)
            switch attribute.name {
            case "Outlet": anchors[i].attribution.outlet = value
            case "Entity": anchors[i].attribution.sourceEntity = value
            case "SourceType":
                guard let type = SourceType(rawValue: value) else {
                    issue(attribute.line, "unknown source type \"\(value)\""); continue
                }
                anchors[i].attribution.sourceType = type
            case "Anonymous":
                guard value == "yes" || value == "no" else { issue(attribute.line, "Anonymous must be yes or no"); continue }
                anchors[i].attribution.anonymous = value == "yes"
            case "Confidence":
                guard let c = Double(value), c >= 0, c <= 1 else {
                    issue(attribute.line, "confidence \(value) is not a number in [0, 1]"); continue
                }
                anchors[i].attribution.confidence = c
            case "Verdict":
                guard let status = ReviewStatus(rawValue: value) else {
                    issue(attribute.line, "unknown verdict \"\(value)\" (confirmed, corrected, rejected, added)"); continue
                }
                review.verdict = status
            case "AnalystConfidence":
                guard let level = AnalystConfidence(rawValue: value) else {
                    issue(attribute.line, "unknown analyst confidence \"\(value)\" (high, medium, low)"); continue
                }
                review.confidence = level
            case "Annotator": review.annotator = value
            default:
                issue(attribute.line, "unknown attribute \(attribute.name)")
                continue
            }
            reviewFields[i] = review
        }
        for note in notes {
            guard let i = index[note.target] else { continue }
            var review = reviewFields[i] ?? (nil, nil, nil, nil)
            review.note = note.text
            reviewFields[i] = review
        }
        for (i, r) in reviewFields where r.verdict != nil || r.confidence != nil || r.annotator != nil || r.note != nil {
            anchors[i].attribution.review = Review(status: r.verdict ?? .added, annotator: r.annotator,
                                                   confidence: r.confidence, note: r.note)
        }
        return Result(attributions: anchors.map(\.attribution), issues: issues.sorted { $0.line < $1.line })
    }

    static func quoted(_ s: String) -> String {
        let short = s.count > 60 ? String(s.prefix(57)) + "..." : s
        return "\"" + BratText.escapeNote(short) + "\""
    }
}
