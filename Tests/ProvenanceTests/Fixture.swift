import ClaimModel
import Provenance

/// A short claim for the tests: anonymous "sources" unless a source is given.
func claim(
    _ id: Int64, _ doc: String, _ content: String, publisher: String? = nil, date: String? = "2026-03-02",
    source: String? = "sources", type: SourceType? = .anonymous, outlet: String? = nil, entity: String? = nil,
    cue: String? = "said"
) -> LinkableClaim {
    LinkableClaim(
        id: id, docID: doc, attributionID: "a\(id)", publisher: publisher, publicationDate: date, sourceText: source,
        cueText: cue, contentText: content, outlet: outlet, sourceType: type, anonymous: type == .anonymous,
        sourceEntity: entity)
}

/// The wire story and its re-reports the linker and trail tests share.
enum Story {
    static let wire = claim(1, "w1", "at least 20 fighters were killed in clashes near the Tarsk dam on Tuesday",
                            publisher: "Meridian Press", date: "2026-03-01", outlet: nil)
    static let paraphrase = claim(2, "r1", "clashes near the Tarsk dam on Tuesday killed 20 fighters",
                                  publisher: "Daily Lantern", date: "2026-03-02", outlet: "Meridian Press", cue: "told")
    static let changed = claim(3, "r2", "40 fighters were killed in clashes near the Tarsk dam",
                               publisher: "Harbour Post", date: "2026-03-03", outlet: "Meridian Press", cue: "told")
    /// Same words, another place, another week, no credit: a different event.
    static let distractor = claim(4, "d1", "at least 40 fighters were killed in clashes near the Vell bridge",
                                  publisher: "Harbour Post", date: "2026-03-20")
    /// Same topic, another claim.
    static let sameTopic = claim(5, "r1", "the Tarsk dam will stay closed to traffic until April",
                                 publisher: "Daily Lantern", date: "2026-03-02", source: "Mayor Ilse Brandt",
                                 type: .namedPerson, entity: "brandt")
    static let all = [wire, paraphrase, changed, distractor, sameTopic]
}
