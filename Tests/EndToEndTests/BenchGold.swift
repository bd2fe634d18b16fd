import Foundation
import TestSupport

/// Gold files of our own for `claimdesk-bench`: each document holds a "said" claim the rules find
/// and a "texted" one they do not know, so that the figures are known before the bench runs.
enum BenchGold {
    /// One document: (id, first speaker, what they said, second speaker, what they texted).
    typealias Row = (id: String, speaker: String, said: String, texter: String, texted: String)

    /// Four documents; a suite takes the first few (`file(in:documents:)`).
    static let rows: [Row] = [
        ("d1", "Ana Ruiz", "the ferry runs late", "Tom Becker", "the pier is shut"),
        ("d2", "Lena Park", "the bus fares rise", "Omar Haddad", "the school roof leaks"),
        ("d3", "Grace Liu", "the park gets benches", "Pavel Novak", "the market moves"),
        ("d4", "Ines Costa", "the clinic hires nurses", "Sam Otieno", "the bridge closes"),
    ]

    /// `gold.jsonl` in `scratch`, holding the first `count` of `rows`; its path.
    static func file(in scratch: Scratch, documents count: Int) throws -> String {
        try scratch.write("gold.jsonl", jsonl(Array(rows.prefix(count))))
    }

    /// The bench's executable, beside `claimdesk`'s.
    static var bench: URL { CLI.executable.deletingLastPathComponent().appendingPathComponent("claimdesk-bench") }

    /// docs/FORMAT.md JSONL: "A said that X. B texted that Y." with both attributions as gold.
    static func jsonl(_ rows: [Row]) -> String {
        rows.map { row in
            let first = "\(row.speaker) said that \(row.said).", second = " \(row.texter) texted that \(row.texted)."
            let text = first + second
            let n = first.unicodeScalars.count
            return #"{"doc_id":"\#(row.id)","text":"\#(text)","attributions":["#
                + #"{"source":\#(span(row.speaker, in: text, from: 0)),"cue":\#(span("said", in: text, from: 0)),"#
                + #""content":\#(span(row.said, in: text, from: 0))},"#
                + #"{"source":\#(span(row.texter, in: text, from: n)),"cue":\#(span("texted", in: text, from: n)),"#
                + #""content":\#(span(row.texted, in: text, from: n))}]}"#
        }.joined(separator: "\n") + "\n"
    }

    /// `part`'s first occurrence at or after scalar `offset` in `whole`, as "[start,end]" in scalars.
    static func span(_ part: String, in whole: String, from offset: Int) -> String {
        let scalars = Array(whole.unicodeScalars), needle = Array(part.unicodeScalars)
        var i = offset
        while i + needle.count <= scalars.count, Array(scalars[i..<(i + needle.count)]) != needle { i += 1 }
        return "[\(i),\(i + needle.count)]"
    }
}
