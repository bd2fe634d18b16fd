import ClaimModel
import Learning
import TestSupport

/// A document with its gold attributions marked inline: `{src1:Ana Ruiz} {cue1:blogged} that
/// {con1:the ferry is late}.` — the digit names the attribution, roles may repeat (split content).
/// `plain` is the text without marks; spans are Unicode-scalar offsets into it.
struct MarkedDocument {
    var document: Document
    var attributions: [Attribution]

    init(id: String, _ marked: String) {
        let text = MarkedText(marked)
        document = Document(id: id, text: text.plain)
        let numbers = Set(text.marks.compactMap(\.number)).sorted()
        attributions = numbers.map { n in
            func role(_ name: String) -> Fragments? { Fragments(text.spans(name, number: n)) }
            return Attribution(id: "g\(n)", source: role("src"), cue: role("cue"), content: role("con"))
        }
    }

    var labeled: LabeledDocument { LabeledDocument(document: document, attributions: attributions) }

    /// The text of a span of this document.
    func text(_ fragments: Fragments?) -> String? {
        guard let fragments else { return nil }
        return ScalarText(document.text).slice(fragments, separator: " … ")
    }
}

/// Short texts of a town's news written for these tests: the rules know "said", not "blogged".
enum TownNews {
    static let names = ["Ana Ruiz", "Tom Becker", "Lena Park", "Omar Haddad", "Grace Liu", "Pavel Novak", "Ines Costa",
                        "Sam Otieno", "Rita Moreau", "Jon Eriksen", "Mei Tanaka", "Carl Weiss"]
    static let claims = ["the ferry will run late on Sunday", "the library roof needs repairs", "the market moves to Main Street",
                         "the school budget was cut by a third", "the river path reopens in May", "the bus fares rise in June",
                         "the harbour festival is cancelled", "the new clinic hires ten nurses", "the bridge closes for a week",
                         "the town hall gets solar panels", "the bakery on Elm Street is closing", "the park gets new benches"]
    static let filler = ["Rain fell over the harbour all morning.", "The council meets again next Tuesday.",
                         "Traffic was light on the coast road.", "Shops opened early for the holiday."]

    /// Document `n`: two "blogged that" claims, one "said" claim, and filler, all gold.
    static func document(_ n: Int) -> MarkedDocument {
        let a = names[n % names.count], b = names[(n + 5) % names.count], c = names[(n + 7) % names.count]
        let x = claims[n % claims.count], y = claims[(n + 3) % claims.count], z = claims[(n + 8) % claims.count]
        let text = """
        \(filler[n % filler.count]) {src1:\(a)} {cue1:blogged} that {con1:\(x)}.

        {src2:\(b)}, a member of the council, {cue2:said} {con2:\(y)}. \(filler[(n + 1) % filler.count])

        Later that evening {src3:\(c)} {cue3:blogged} that {con3:\(z)}.
        """
        return MarkedDocument(id: "town-\(n)", text)
    }
}
