import Foundation
import ClaimModel

/// Renders an attribution inline in its sentence: `{S:source} {C:cue} {Q:content}`. The text and the
/// fields come from a file: both are escaped for the terminal (`TerminalSafe`).
enum Marking {
    static func mark(_ a: Attribution, in text: ScalarText, maxLength: Int = 700) -> String {
        var inserts: [(Int, Int, String)] = []  // offset, order, marker
        for (role, tag) in [(Role.source, "S"), (.cue, "C"), (.content, "Q")] {
            for span in a[role]?.spans ?? [] {
                inserts.append((span.start, 1, "{\(tag):"))
                inserts.append((span.end, 0, "}"))
            }
        }
        guard let lo = inserts.map(\.0).min(), let hi = inserts.map(\.0).max() else { return "(no spans)" }
        var start = lo
        while start > 0 && text.scalars[start - 1] != "\n" && lo - start < 300 { start -= 1 }
        var end = hi
        while end < text.count && text.scalars[end] != "\n" && end - hi < 200 { end += 1 }
        inserts.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out = ""
        var at = start
        for (offset, _, marker) in inserts {
            out += text.slice(Span(at, offset))
            out += marker
            at = offset
        }
        out += text.slice(Span(at, end))
        if out.count > maxLength { out = String(out.prefix(maxLength)) + "…" }
        return TerminalSafe.escape(out)
    }

    static func fields(_ a: Attribution) -> String {
        let parts: [String] = [
            a.id ?? "-",
            "type=\(a.sourceType?.rawValue ?? "-")",
            "anon=\(a.anonymous.map { String($0) } ?? "-")",
            "entity=\(a.sourceEntity ?? "-")",
            "outlet=\(a.outlet ?? "-")",
            "conf=\(a.confidence.map { String(format: "%.2f", $0) } ?? "-")",
        ]
        return TerminalSafe.escape(parts.joined(separator: " "))
    }
}
