import ClaimModel
import Extraction
import Review
import Workbench

/// The adjudication screen: the claim in its sentence, then every annotator's view side by side.
extension Renderer {
    /// The claim's sentence with the final's roles highlighted, one row per annotator (verdict,
    /// fields, confidence, notes), the deciding adjudicator's row once there is one, and what differs.
    func adjudicationScreen(_ view: AdjudicationDocument, claim: StoredAttribution, position: Int, count: Int,
                            documentPosition: Int, documentCount: Int, adjudicated: Int) -> String {
        let d = view.snapshot.document.document
        var lines: [String] = []
        let title = d.title.map { " · " + TerminalSafe.short($0, 90) } ?? ""
        lines.append(bold(TerminalSafe.escape(d.id) + title))
        var progress = "disputed \(position)/\(count) · doc \(documentPosition)/\(documentCount) · \(adjudicated) adjudicated · #\(claim.rowID)"
        if claim.origin == .added, let author = claim.addedBy { progress += " · added by " + TerminalSafe.escape(author) }
        lines.append(progress)
        let final = view.adjudicatorAttribution(claim)
        if let extent = DocumentView.extent(final), let covering = view.sentences.covering(extent) {
            lines.append("  " + highlighted(view.text, covering.span, final))
        }
        var views: [(label: String, verdict: String, review: ClaimReview?, attribution: Attribution)] = []
        for name in view.annotators {
            let review = view.views[name]?[claim.rowID]
            let verdict = review?.withdrawn == true ? "withdrawn" : review?.verdict?.rawValue ?? "- (not judged)"
            views.append((TerminalSafe.escape(name), verdict, review, review?.attribution ?? claim.attribution))
        }
        if let decider = view.adjudicatedBy[claim.rowID], let review = view.finals[claim.rowID] {
            var verdict = review.verdict?.rawValue ?? "- (undecided)"
            if let picked = view.picked[claim.rowID] { verdict += " (picked \(TerminalSafe.escape(picked)))" }
            views.append((TerminalSafe.escape(decider) + " (final)", verdict, review, review.attribution))
        }
        var table = TextTable(Self.adjudicationColumns)
        for v in views { table.add(row(v.label, v.verdict, v.review, v.attribution, view.text)) }
        let tableLines = table.rendered.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        if let width, tableLines.contains(where: { TextWrap.columns($0) > width }) {
            // Blocks wrap, so a role's text or a note may be longer there than in a cell: where two
            // views differ is often past a cell's 32 characters.
            lines += views.flatMap { v in
                viewBlock(row(v.label, v.verdict, v.review, v.attribution, view.text, roleLimit: Self.blockLimit, noteLimit: Self.blockLimit), width: width)
            }
        } else {
            for (i, line) in tableLines.enumerated() { lines.append(i == 0 ? "  " + bold(String(line.dropFirst(2))) : line) }
        }
        let differences = view.differences(claim.rowID)
        lines.append("  differ: " + (differences.isEmpty ? "nothing (adjudicated)" : differences.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    /// How much of a role's text or of the notes a block shows (a table cell: 32 and 48 characters).
    static let blockLimit = 120

    static let adjudicationColumns = ["annotator", "verdict", "source", "cue", "content", "outlet", "type", "anon", "entity", "confidence", "note"]

    /// One row of the table for a terminal too narrow for the table: the annotator and verdict on
    /// one line, then the fields, `name value` pairs separated by `;`, wrapped to `width` under
    /// a four-space indent. A field name never ends a line apart from its value's first word;
    /// fields with no value (`-`) are left out. Role values keep their quotes, `none` when unset.
    func viewBlock(_ cells: [String], width: Int) -> [String] {
        let glue = String(DocumentScreen.glue)
        let escaped = cells.map { TerminalSafe.escape($0).replacingOccurrences(of: glue, with: "\\u{e000}") }
        // Role cells read `none` when unset, so only the other fields can be `-`.
        let fields = zip(Self.adjudicationColumns, escaped).dropFirst(2).filter { $0.1 != "-" }.map { $0.0 + glue + $0.1 }
        let head = "  " + bold(escaped.first ?? "") + ": " + (escaped.dropFirst().first ?? "")
        let body = TextWrap(width: width, glue: DocumentScreen.glue).wrap("    " + fields.joined(separator: "; "))
        return [head] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func row(_ label: String, _ verdict: String, _ review: ClaimReview?, _ a: Attribution, _ text: ScalarText,
                     roleLimit: Int = 32, noteLimit: Int = 48) -> [String] {
        func role(_ f: Fragments?) -> String {
            f.map { "\"" + TerminalSafe.short(Self.plainInline(text.slice($0)), roleLimit) + "\"" } ?? "none"
        }
        let notes = review?.notes ?? []
        return [
            label, verdict, role(a.source), role(a.cue), role(a.content),
            a.outlet.map { TerminalSafe.short($0, 24) } ?? "-",
            a.sourceType?.rawValue ?? "-",
            a.anonymous.map { $0 ? "yes" : "no" } ?? "-",
            a.sourceEntity.map { TerminalSafe.short($0, 24) } ?? "-",
            review?.confidence?.rawValue ?? "-",
            notes.isEmpty ? "-" : TerminalSafe.short(notes.joined(separator: " / "), noteLimit),
        ]
    }
}
