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
