import ClaimModel

/// The span labels that stand for the three roles in doccano, Label Studio, Prodigy and INCEpTION.
///
/// One convention for all four formats: `Source`, `Cue`, `Content`, compared case-insensitively on
/// import so that hand-made projects (`SOURCE`, `cue`) are read as they are. A project with its own
/// label set maps it with `--labels source=SPEAKER,cue=CUE,content=QUOTE`; exports use the same map.
public struct LabelMap: Sendable, Equatable {
    public private(set) var labels: [Role: String]

    public static let standard = LabelMap(labels: [.source: "Source", .cue: "Cue", .content: "Content"])

    init(labels: [Role: String]) { self.labels = labels }

    /// Parses `role=LABEL,…`; roles not named keep their standard label. Nil with a reason when the
    /// text names an unknown role, an empty label, or gives two roles the same label.
    public static func parse(_ text: String) -> Swift.Result<LabelMap, InterchangeIssue> {
        var map = LabelMap.standard
        func bad(_ message: String) -> Swift.Result<LabelMap, InterchangeIssue> {
            .failure(InterchangeIssue(file: "--labels", line: 0, message: message))
        }
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return bad("expected role=LABEL, got \(TerminalSafe.quoted(String(item)))") }
            let key = parts[0].trimmingSpaces.lowercased()
            let label = parts[1].trimmingSpaces
            guard let role = Role(rawValue: key) else {
                return bad("unknown role \(TerminalSafe.quoted(key)) (source, cue or content)")
            }
            guard !label.isEmpty else { return bad("empty label for \(role)") }
            map.labels[role] = label
        }
        let lowered = Role.allCases.map { map.label(for: $0).lowercased() }
        if Set(lowered).count != lowered.count { return bad("two roles have the same label") }
        return .success(map)
    }

    public func label(for role: Role) -> String { labels[role] ?? LabelMap.standard.labels[role] ?? role.rawValue }

    /// The role a label stands for, ignoring case; nil for a label outside the convention.
    public func role(for label: String) -> Role? {
        let lowered = label.lowercased()
        return Role.allCases.first { self.label(for: $0).lowercased() == lowered }
    }

    /// The expected labels, for messages: `Source, Cue, Content`.
    var expected: String { [Role.source, .cue, .content].map { label(for: $0) }.joined(separator: ", ") }

    /// The expected labels as alternatives: `Source, Cue or Content`.
    var alternatives: String { "\(label(for: .source)), \(label(for: .cue)) or \(label(for: .content))" }

    /// What to add to the message about an unknown label when `found` (the labels of a line or
    /// task, in order) holds several labels and none of the expected ones: the labels, and the
    /// `--labels` that maps them when each role is named by exactly one of them (`guessedRole`).
    /// `what` says whose labels they are: "the line's labels are".
    func unknownLabelsHint(_ found: [String], what: String) -> String? {
        var distinct: [String] = []
        for label in found where !distinct.contains(label) { distinct.append(label) }
        // One label is named by the message already: listing it says nothing more.
        guard distinct.count > 1, distinct.allSatisfy({ role(for: $0) == nil }) else { return nil }
        let shown = distinct.prefix(10).joined(separator: ", ") + (distinct.count > 10 ? ", …" : "")
        return "; \(what) \(shown): " + Self.mapping(distinct)
    }

    /// The one issue of a file whose labelled spans all bear labels outside the map (`found`:
    /// every span's label, in file order); nil when it has no labelled span, or when one label maps.
    ///
    /// Read span by span, such a file (another project's, an NER export) fails on every line, and
    /// what `--skip-invalid` keeps of it, its documents without spans, would be stored (and by
    /// import-gold marked done) as documents without claims: an empty gold that counts every claim
    /// an extractor finds there as spurious. It is the file that is wrong, not a line, so it is
    /// refused whole, in one line that lists its labels (sorted, each counted, escaped) and the
    /// `--labels` that maps them (`guessedRole`), else where the map is described.
    ///
    /// `unit` names the spans and their labels (`("span", "label")`, brat's `("T line", "type")`);
    /// `section` is the docs/FORMAT.md section that describes `--labels` for the format.
    public func foreignLabelsIssue(_ found: [String], file: String, line: Int = 0,
                                   unit: (span: String, label: String), section: String) -> InterchangeIssue? {
        guard !found.isEmpty, found.allSatisfy({ role(for: $0) == nil }) else { return nil }
        var counts: [String: Int] = [:]
        for label in found { counts[label, default: 0] += 1 }
        let sorted = counts.keys.sorted()
        let listed = sorted.prefix(10).map { "\(TerminalSafe.quoted($0)) (\(plural(counts[$0] ?? 0, unit.span)))" }
        let more = sorted.count > 10 ? ", and \(sorted.count - 10) more" : ""
        let labels = sorted.count == 1 ? "the file's \(unit.label) is" : "the file's \(unit.label)s are"
        return InterchangeIssue(file: file, line: line, message:
            "no \(unit.span) has a \(unit.label) ClaimDesk reads (\(alternatives)); \(labels) \(listed.joined(separator: ", "))\(more): "
                + TerminalSafe.escape(Self.mapping(sorted)) + " (docs/FORMAT.md, \"\(section)\"): nothing of the file is read")
    }

    /// `foreignLabelsIssue` for the span labels of a doccano, Label Studio or Prodigy file.
    func foreignSpanLabelsIssue(_ found: [String], file: String) -> InterchangeIssue? {
        foreignLabelsIssue(found, file: file, unit: ("span", "label"), section: "The ecosystem formats")
    }

    /// How to map `distinct` labels that are not the map's: the `--labels` that does it when each
    /// role is named by exactly one of them and they can be written in the flag, else its shape.
    static func mapping(_ distinct: [String]) -> String {
        var byRole: [Role: [String]] = [:]
        for label in distinct { if let role = Self.guessedRole(label) { byRole[role, default: []].append(label) } }
        let flagSafe = distinct.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "," && $0 != "=" && $0.value != 0x7F } }
        let roles: [Role] = [.source, .cue, .content]
        if flagSafe, roles.allSatisfy({ byRole[$0]?.count == 1 }) {
            let flag = roles.map { "\($0.rawValue)=\(byRole[$0]?[0] ?? "")" }.joined(separator: ",")
            return "--labels \(flag) maps them"
        }
        return "map \(distinct.count == 1 ? "it" : "them") with --labels source=…,cue=…,content=…"
    }

    /// The role another project's label plausibly names, from a word in it (`SRC`, `Speaker`,
    /// `SAY`, `Quote`…); nil when it names none or more than one.
    static func guessedRole(_ label: String) -> Role? {
        let lowered = label.lowercased()
        let words: [(Role, [String])] = [
            (.source, ["source", "src", "speaker", "holder"]),
            (.cue, ["cue", "say", "said", "verb", "pred", "trigger"]),
            (.content, ["content", "quote", "quotation", "message", "claim", "statement"]),
        ]
        let roles = words.filter { $0.1.contains { lowered.contains($0) } }.map(\.0)
        return roles.count == 1 ? roles[0] : nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
