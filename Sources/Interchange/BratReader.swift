import ClaimModel

/// Reads brat standoff (`.ann`) written by `BratWriter`, or by brat itself with the same types,
/// back into attributions, collecting every problem as `FILE:LINE: what is wrong`.
///
/// An attribution is anchored on an event (trigger: Cue; arguments: Source, Content) or, for one
/// without a cue, on a Content (or Source) T line that no event uses; a `SourceOf` relation
/// gives such a content its source. Attributions come out in the order of their anchor lines.
///
/// Lines are split on scalars, not Characters (`"\r\n"` is one Character in Swift), so an `.ann`
/// with CRLF line ends reads like one with LF. A line that cannot be what it says (bad offsets,
/// text that does not match the document, a broken reference) is an issue: the file is wrong.
/// A line that is well-formed but means nothing to ClaimDesk (a type, relation or attribute it
/// does not know, a Cue no event uses, a note on nothing) is a warning: it is left out and the
/// rest of the file is read.
public enum BratReader {
    public struct Result: Sendable, Equatable {
        public var attributions: [Attribution]
        /// The `.ann` id each attribution is anchored on (`E…` or `T…`), same order.
        public var anchors: [String]
        public var issues: [InterchangeIssue]
        public var warnings: [InterchangeIssue] = []
    }

    struct TextBound {
        var type: String
        var fragments: Fragments
        var line: Int
    }

    /// The lines of a file, split at LF with a CR before it dropped, on scalars.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if current.last == "\r" { current.removeLast() }
        lines.append(String(current))
        return lines
    }

    /// `text` split at `separator` on scalars, at most `maxSplits` times.
    static func split(_ text: String, _ separator: Unicode.Scalar, maxSplits: Int = .max) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == separator && parts.count < maxSplits {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        parts.append(String(current))
        return parts
    }

    /// Words separated by single spaces (brat's own writer uses one space); empty words dropped.
    static func words(_ text: String) -> [String] { split(text, " ").filter { !$0.isEmpty } }

    /// Parses the `.ann` text of the document whose text is `text`; `file` names it in issues.
    ///
    /// Four steps, each a method of `Reading`: every line into its kind's list (`parse`), the
    /// attributions anchored on events and on free T lines (`anchor`), then the attributes and the
    /// notes laid onto those attributions (`applyAttributes`, `applyNotes`).
    ///
    /// `labels` (`--labels`) names the T types of the three roles, compared case-insensitively as
    /// the other readers compare their labels; an event's type is the cue's label, its arguments
    /// are named by role labels or by `Source`/`Content`.
    public static func read(ann: String, text: String, file: String, labels: LabelMap = .standard) -> Result {
        var reading = Reading(file: file, scalars: ScalarText(text), labels: labels)
        for (index, line) in lines(ann).enumerated() { reading.parse(line, number: index + 1) }
        reading.judgeTypes()
        reading.anchor()
        reading.applyAttributes()
        reading.applyNotes()
        return reading.result()
    }

    typealias ReviewFields = (verdict: ReviewStatus?, confidence: AnalystConfidence?, annotator: String?, note: String?, bulk: Bool)
    /// A claim's review fields before any attribute or note names one.
    static let noReview: ReviewFields = (nil, nil, nil, nil, false)

    /// One `.ann` file being read: what its lines hold, the attributions made of them so far, and
    /// the problems found on the way.
    struct Reading {
        let file: String
        let scalars: ScalarText
        let labels: LabelMap
        var issues: [InterchangeIssue] = []
        var warnings: [InterchangeIssue] = []

        var textBounds: [String: TextBound] = [:]
        var events: [(id: String, line: Int, cue: String, args: [String: String])] = []
        var relations: [(id: String, content: String, source: String, line: Int)] = []
        var attributes: [(target: String, name: String, value: String?, line: Int)] = []
        var notes: [(target: String, text: String, line: Int)] = []
        var ids: Set<String> = []
        /// T lines refused with an issue: an event naming one is left out without a second issue,
        /// since the T line's own issue already says what is wrong (and refuses the document).
        var refusedBounds: Set<String> = []
        /// T lines of a type ClaimDesk does not read (left out with a warning), by id: their type.
        var leftOutBounds: [String: String] = [:]
        /// Every T line's type, in line order, and where the first unknown type's warning is: it
        /// lists the file's types when none is expected (`judgeTypes`).
        var types: [String] = []
        var firstUnknownType: Int?

        /// Attributions in line order of their anchors (`E…` or `T…`), and where each id is.
        var anchors: [(id: String, line: Int, attribution: Attribution)] = []
        var index: [String: Int] = [:]
        var reviewFields: [Int: ReviewFields] = [:]

        init(file: String, scalars: ScalarText, labels: LabelMap) {
            self.file = file
            self.scalars = scalars
            self.labels = labels
        }

        /// The role's name inside the reader (`Source`, `Cue`, `Content`) for a T type or an
        /// event argument of the file.
        func roleName(_ label: String, argument: Bool = false) -> String? {
            let role = labels.role(for: label) ?? (argument ? LabelMap.standard.role(for: label) : nil)
            return role.map { LabelMap.standard.label(for: $0) }
        }

        /// After step 1: a file whose T types include none of the expected labels is refused in
        /// one issue that lists them (`LabelMap.foreignLabelsIssue`, as the doccano, Label Studio
        /// and Prodigy readers refuse such a file): read with warnings alone it would be stored as
        /// a document without claims, and as gold count every claim an extractor finds there as
        /// spurious. Where one type is expected, the others are left out with their warnings.
        mutating func judgeTypes() {
            guard let at = firstUnknownType,
                  let refusal = labels.foreignLabelsIssue(types, file: file, line: warnings[at].line,
                                                          unit: ("T line", "type"), section: "brat standoff") else { return }
            issues.append(refusal)
            warnings = []
        }

        mutating func issue(_ line: Int, _ message: String) { issues.append(InterchangeIssue(file: file, line: line, message: message)) }
        mutating func warn(_ line: Int, _ message: String) { warnings.append(InterchangeIssue(file: file, line: line, message: message)) }

        /// Step 1: one line (numbered from 1) into the list of its kind, or an issue or a warning.
        mutating func parse(_ line: String, number: Int) {
            if line.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            let fields = split(line, "\t", maxSplits: 2)
            guard fields.count >= 2, let kind = fields[0].unicodeScalars.first else {
                issue(number, "expected ID<TAB>annotation, got \(quoted(line))")
                return
            }
            let id = fields[0]
            if kind != "#" && kind != "*" {
                if ids.contains(id) { issue(number, "duplicate id \(safe(id))"); return }
                ids.insert(id)
            }
            let words = BratReader.words(fields[1])
            switch kind {
            case "T": textBound(id, words, fields, number)
            case "E": event(id, words, number)
            case "R":
                guard let type = words.first, type == "SourceOf" else {
                    warn(number, "\(safe(id)): unknown relation \(quoted(words.first ?? "")) (SourceOf): left out")
                    return
                }
                guard words.count == 3, words[1].hasPrefix("Arg1:"), words[2].hasPrefix("Arg2:") else {
                    issue(number, "\(safe(id)): expected SourceOf Arg1:T… Arg2:T…")
                    return
                }
                relations.append((id, String(words[1].dropFirst(5)), String(words[2].dropFirst(5)), number))
            case "A", "M":
                // Two words: a binary attribute (`A1<TAB>Bulk E1`), brat's way of writing one that is set.
                guard words.count == 3 || words.count == 2 else { issue(number, "\(safe(id)): expected NAME TARGET VALUE"); return }
                attributes.append((words[1], words[0], words.count == 3 ? words[2] : nil, number))
            case "#":
                guard words.count == 2, words[0] == "AnnotatorNotes" else {
                    warn(number, "\(safe(id)): a note of type \(quoted(words.first ?? "")) (AnnotatorNotes): left out")
                    return
                }
                notes.append((words[1], fields.count == 3 ? BratText.unescapeNote(fields[2]) : "", number))
            case "*", "N":
                warn(number, "\(safe(id)): \(kind == "*" ? "an equivalence" : "a normalization"), which ClaimDesk does not use: left out")
            default:
                issue(number, "\(safe(id)): unknown annotation kind")
            }
        }

        /// A T line: a known type, offsets well-formed and in range, its text (when given) the document's.
        /// A refused one is noted in `refusedBounds`, so that events naming it add no second issue.
        mutating func textBound(_ id: String, _ words: [String], _ fields: [String], _ number: Int) {
            func refuse(_ message: String) {
                issue(number, message)
                refusedBounds.insert(id)
            }
            guard words.count >= 3 else { refuse("\(safe(id)): expected TYPE START END"); return }
            types.append(words[0])
            guard let type = roleName(words[0]) else {
                leftOutBounds[id] = words[0]
                if firstUnknownType == nil { firstUnknownType = warnings.count }
                warn(number, "\(safe(id)): unknown type \(quoted(words[0])) (\(labels.alternatives)): left out")
                return
            }
            let offsets = words.dropFirst().joined(separator: " ")
            var spans: [Span] = []
            var bad = false
            for part in split(offsets, ";") {
                let pair = BratReader.words(part)
                guard pair.count == 2, let s = Int(pair[0]), let e = Int(pair[1]) else { bad = true; break }
                spans.append(Span(s, e))
            }
            guard !bad, let fragments = Fragments(unchecked: spans) else {
                refuse("\(safe(id)): offsets \(quoted(offsets)) are not START END[;START END…]")
                return
            }
            guard fragments.isWellFormed(in: scalars.count) else {
                refuse("\(safe(id)): offsets \(safe(offsets)) are out of range or overlap (the text has \(plural(scalars.count, "scalar")))")
                return
            }
            if fields.count == 3 {
                let exact = fragments.spans.map { scalars.slice($0) }.joined(separator: " ")
                if fields[2] != exact && fields[2] != BratText.legacyField(exact) {
                    refuse("\(safe(id)): text \(quoted(fields[2])) does not match the document at \(safe(offsets)): \(quoted(exact))")
                    return
                }
            }
            textBounds[id] = TextBound(type: type, fragments: fragments, line: number)
        }

        /// An E line: `Cue:T…` first, then at most one `Source:T…` and one `Content:T…`.
        mutating func event(_ id: String, _ words: [String], _ number: Int) {
            var cue: String?
            var args: [String: String] = [:]
            var bad = false
            for (i, word) in words.enumerated() {
                let pair = split(word, ":", maxSplits: 1)
                guard pair.count == 2, !pair[1].isEmpty else { bad = true; break }
                if i == 0 {
                    guard roleName(pair[0]) == "Cue" else { bad = true; break }
                    cue = pair[1]
                } else {
                    guard let name = roleName(pair[0], argument: true), name == "Source" || name == "Content", args[name] == nil else { bad = true; break }
                    args[name] = pair[1]
                }
            }
            guard !bad, let cue else {
                if let type = words.first.map({ split($0, ":", maxSplits: 1)[0] }), roleName(type) != "Cue" {
                    warn(number, "\(safe(id)): unknown event type \(quoted(type)) (\(labels.label(for: .cue))): left out")
                } else {
                    issue(number, "\(safe(id)): expected Cue:T… [Source:T…] [Content:T…]")
                }
                return
            }
            events.append((id, number, cue, args))
        }

        /// Step 2: an attribution per event, then per Content (with its `SourceOf` source) or lone
        /// Source T line no event uses; in line order.
        mutating func anchor() {
            var used: Set<String> = []
            for event in events {
                var a = Attribution()
                a.cue = role(event.cue, "Cue", event.line, &used)
                if let s = event.args["Source"] { a.source = role(s, "Source", event.line, &used) }
                if let c = event.args["Content"] { a.content = role(c, "Content", event.line, &used) }
                anchors.append((event.id, event.line, a))
            }
            let sourceOf = sourceLinks(used: used)
            let linkedSources = Set(sourceOf.values)
            for (id, bound) in textBounds where !used.contains(id) {
                switch bound.type {
                case "Content":
                    var a = Attribution(content: bound.fragments)
                    if let s = sourceOf[id] { a.source = textBounds[s]?.fragments }
                    anchors.append((id, bound.line, a))
                case "Source" where linkedSources.contains(id):
                    continue
                case "Source":
                    anchors.append((id, bound.line, Attribution(source: bound.fragments)))
                default:
                    warn(bound.line, "\(safe(id)): a Cue that no event uses: left out")
                }
            }
            anchors.sort { $0.line < $1.line }
            for (i, anchor) in anchors.enumerated() { index[anchor.id] = i }
        }

        /// An event's argument: a T line of this file of the expected type (marked used).
        mutating func role(_ ref: String, _ expected: String, _ line: Int, _ used: inout Set<String>) -> Fragments? {
            guard let bound = textBounds[ref] else {
                if refusedBounds.contains(ref) { return nil }
                if let type = leftOutBounds[ref] {
                    issue(line, "\(safe(ref)) is a \(quoted(type)) (a type left out), expected a \(expected)")
                } else {
                    issue(line, "\(safe(ref)) is not a T line of this file")
                }
                return nil
            }
            guard bound.type == expected else {
                issue(line, "\(safe(ref)) is a \(bound.type), expected a \(expected)")
                return nil
            }
            used.insert(ref)
            return bound.fragments
        }

        /// The `SourceOf` relations worth keeping: Content id → Source id, one per free Content.
        mutating func sourceLinks(used: Set<String>) -> [String: String] {
            var sourceOf: [String: String] = [:]
            for relation in relations {
                if refusedBounds.contains(relation.content) || refusedBounds.contains(relation.source) { continue }
                guard textBounds[relation.content]?.type == "Content", textBounds[relation.source]?.type == "Source" else {
                    issue(relation.line, "\(safe(relation.id)): SourceOf must link a Content T line (Arg1) to a Source T line (Arg2)")
                    continue
                }
                if used.contains(relation.content) {
                    warn(relation.line, "\(safe(relation.id)): SourceOf from \(safe(relation.content)), a Content of an event (the event's Source argument gives its source): left out")
                    continue
                }
                if sourceOf[relation.content] != nil {
                    warn(relation.line, "\(safe(relation.id)): a second SourceOf from \(safe(relation.content)): left out")
                    continue
                }
                sourceOf[relation.content] = relation.source
            }
            return sourceOf
        }

        /// Step 3: A/M lines onto their attributions (claim fields) or into their review fields.
        mutating func applyAttributes() {
            for attribute in attributes {
                guard let i = index[attribute.target] else {
                    if ids.contains(attribute.target) {
                        warn(attribute.line, "attribute \(quoted(attribute.name)) on \(safe(attribute.target)), which is no attribution: left out")
                    } else {
                        issue(attribute.line, "attribute \(quoted(attribute.name)) on \(safe(attribute.target)), which is not in this file")
                    }
                    continue
                }
                var review = reviewFields[i] ?? BratReader.noReview
                if attribute.name == "Bulk" {
                    guard attribute.value == nil else {
                        issue(attribute.line, "attribute \"Bulk\" takes no value (it is there or not), got \(quoted(attribute.value ?? ""))")
                        continue
                    }
                    review.bulk = true
                    reviewFields[i] = review
                    continue
                }
                guard let raw = attribute.value else {
                    issue(attribute.line, "attribute \(quoted(attribute.name)) on \(safe(attribute.target)) needs a value")
                    continue
                }
                let freeText = ["Outlet", "Entity", "Annotator"].contains(attribute.name)
                guard let value = freeText ? BratText.decodeValue(raw) : raw else {
                    issue(attribute.line, "attribute \(quoted(attribute.name)): bad %-escape in \(quoted(raw))")
                    continue
                }
                switch attribute.name {
                case "Outlet": anchors[i].attribution.outlet = value
                case "Entity": anchors[i].attribution.sourceEntity = value
                case "SourceType":
                    guard let type = SourceType(rawValue: value) else {
                        issue(attribute.line, "unknown source type \(quoted(value))"); continue
                    }
                    anchors[i].attribution.sourceType = type
                case "Anonymous":
                    guard value == "yes" || value == "no" else { issue(attribute.line, "Anonymous must be yes or no"); continue }
                    anchors[i].attribution.anonymous = value == "yes"
                case "Confidence":
                    guard let c = Double(value), c >= 0, c <= 1 else {
                        issue(attribute.line, "confidence \(quoted(value)) is not a number in [0, 1]"); continue
                    }
                    anchors[i].attribution.confidence = c
                case "Verdict":
                    guard let status = ReviewStatus(rawValue: value) else {
                        issue(attribute.line, "unknown verdict \(quoted(value)) (confirmed, corrected, rejected, added)"); continue
                    }
                    review.verdict = status
                case "AnalystConfidence":
                    guard let level = AnalystConfidence(rawValue: value) else {
                        issue(attribute.line, "unknown analyst confidence \(quoted(value)) (high, medium, low)"); continue
                    }
                    review.confidence = level
                case "Annotator": review.annotator = value
                default:
                    warn(attribute.line, "unknown attribute \(quoted(attribute.name)): left out")
                    continue
                }
                reviewFields[i] = review
            }
        }

        /// Step 4: AnnotatorNotes onto their attributions' reviews.
        mutating func applyNotes() {
            for note in notes {
                guard let i = index[note.target] else {
                    warn(note.line, "a note on \(safe(note.target)), which is no attribution: left out")
                    continue
                }
                var review = reviewFields[i] ?? BratReader.noReview
                review.note = note.text
                reviewFields[i] = review
            }
        }

        /// The attributions with their reviews (a review only where a review field was given);
        /// problems in line order.
        func result() -> Result {
            var anchors = self.anchors
            for (i, r) in reviewFields where r.verdict != nil || r.confidence != nil || r.annotator != nil || r.note != nil || r.bulk {
                anchors[i].attribution.review = Review(status: r.verdict ?? .added, annotator: r.annotator,
                                                       confidence: r.confidence, note: r.note, bulk: r.bulk)
            }
            return Result(attributions: anchors.map(\.attribution), anchors: anchors.map(\.id),
                          issues: issues.sorted { $0.line < $1.line }, warnings: warnings.sorted { $0.line < $1.line })
        }
    }

    /// A value from a file, quoted and made safe for a terminal (`TerminalSafe.quoted`).
    public static func quoted(_ s: String) -> String { TerminalSafe.quoted(s) }

    /// An id or offsets from a file, made safe for a terminal without quotes (`TerminalSafe`),
    /// cut after 60 characters.
    public static func safe(_ s: String) -> String {
        TerminalSafe.escape(s.count > 60 ? String(s.prefix(57)) + "..." : s)
    }
}
