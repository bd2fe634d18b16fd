import ClaimModel
import Extraction

/// What a moved source does to the claim's entity, in both REPLs. The extractor read the entity
/// (`source_entity`) from the source's words; once an analyst moves the source to other words
/// ("officials" → "the governor": spans that do not overlap), that entity names someone else. So
/// it follows the new words, read by the same rule (`SourceReading`: `governor`), or is cleared
/// when they name nobody alone (a pronoun, no source) — unless someone set it by hand: an entity
/// that is neither the extractor's nor what the old words read as is the analyst's knowledge, and
/// stays. A source whose boundaries move over the same words keeps its entity.
///
/// The source type is not re-read: the rules decide it from the sentence too (anonymity wording,
/// the document's earlier mentions for a pronoun), it is scored against the gold, and a confirm
/// would turn a guess into gold nobody chose. When the new words read as another type, a note says
/// so and how to set it.
enum EntityFollow: Equatable {
    /// The entity follows: the claim after the source correction, with its new entity.
    case follows(Attribution, typeReading: SourceType?)
    /// The entity was set by hand and stays.
    case keptByHand
    /// Nothing to do: the source did not move, or the new words read as the same entity.
    case unchanged

    /// `old` → `new` is a source correction of a claim the run gave as `extracted`.
    static func after(_ old: Attribution, _ new: Attribution, extracted: Attribution, in text: ScalarText) -> EntityFollow {
        guard old.source != new.source else { return .unchanged }
        // Boundaries moved over the same words ("officials in Derna" → "officials", `source -1 +2`):
        // the same mention, the same person, and the id the document's other mentions share stays.
        if let before = old.source, let after = new.source, before.overlaps(after) { return .unchanged }
        // Both sources read over one tokenization of the text.
        guard let read = try? SourceReading.readings([new.source, old.source], in: text), read.count == 2 else { return .unchanged }
        let (now, then) = (read[0], read[1])
        let stale = old.sourceEntity == nil || old.sourceEntity == extracted.sourceEntity
            || old.sourceEntity == then.entity
        guard stale else { return .keptByHand }
        guard now.entity != old.sourceEntity else { return .unchanged }
        var followed = new
        followed.sourceEntity = now.entity
        let hint = now.type.flatMap { $0 != new.sourceType && new.sourceType != .implicit && new.source != nil ? $0 : nil }
        return .follows(followed, typeReading: hint)
    }

    /// The lines the REPL adds under the source's change line.
    func lines(before: Attribution, _ text: ScalarText) -> String {
        switch self {
        case .unchanged: return ""
        case .keptByHand:
            return "\nentity: \(Renderer.fieldValue("entity", before, text)) kept (set by hand; `entity NAME` changes it)"
        case let .follows(after, typeReading):
            var out = "\nentity: \(Renderer.fieldValue("entity", before, text)) → \(Renderer.fieldValue("entity", after, text))"
            if let typeReading, let kept = after.sourceType {
                out += "\nnote: its type is still \(kept.rawValue); the new source reads as \(typeReading.rawValue): "
                    + "`type \(typeReading.rawValue)` sets it"
            }
            return out
        }
    }
}

/// The entity `add` gives a missed claim's source, by the rule a moved source's entity follows
/// (`EntityFollow`): the words the analyst named, read as the rules read a source. Words another
/// claim of the document already has as its source (the same words, case and spacing aside) take
/// that claim's entity instead, as the analyst sees it (their `entity` corrections included), so
/// that "Ms Ortiz" added beside the extractor's "Ms Ortiz" joins `ana-ortiz` rather than starting
/// `ortiz`. A pronoun names nobody alone: no entity. The source type is not set from the words (a
/// guess would become gold nobody chose); `typeReading` is what they read as, for a note.
struct AddedSource: Equatable {
    enum Basis: Equatable {
        /// The entity of claim `claim`, whose source is the same words.
        case sameWords(claim: Int64)
        /// The words read alone.
        case reading
        /// The words name nobody alone (a pronoun, no letter or digit).
        case nobody
    }

    var entity: String?
    var typeReading: SourceType?
    var basis: Basis

    /// `source` of a claim being added to `text`, beside the document's `others` (row id and the
    /// claim as the analyst sees it).
    static func read(_ source: Span, others: [(rowID: Int64, attribution: Attribution)], in text: ScalarText) -> AddedSource {
        let words = folded(text.slice(source))
        if let same = others.first(where: { o in
            o.attribution.sourceEntity != nil && o.attribution.source.map { folded(text.slice($0)) } == words
        }) {
            return AddedSource(entity: same.attribution.sourceEntity, typeReading: same.attribution.sourceType,
                               basis: .sameWords(claim: same.rowID))
        }
        guard let reading = try? SourceReading(Fragments(source), in: text), let entity = reading.entity else {
            return AddedSource(entity: nil, typeReading: nil, basis: .nobody)
        }
        return AddedSource(entity: entity, typeReading: reading.type, basis: .reading)
    }

    /// Lowercased, white space runs as one space, trimmed.
    private static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The lines `add` prints under "added #N": where the entity came from and how to change it,
    /// and, when no type was given, what the words read as.
    func lines(sourceText: String, typeGiven: Bool) -> String {
        var out: String
        switch basis {
        case let .sameWords(claim):
            out = "\nentity: \(entity.map { TerminalSafe.escape($0) } ?? "none") (as #\(claim), the same source; `entity NAME` changes it)"
        case .reading:
            out = "\nentity: \(entity.map { TerminalSafe.escape($0) } ?? "none") (read from the source; `entity NAME` changes it)"
        case .nobody:
            out = "\nentity: none (\"\(TerminalSafe.short(Renderer.plainInline(sourceText), 40))\" names nobody alone; `entity NAME` sets it)"
        }
        if !typeGiven, let typeReading {
            out += "\nnote: no type given; the source reads as \(typeReading.rawValue): `type \(typeReading.rawValue)` sets it"
        }
        return out
    }
}
