import ClaimModel
import Extraction
import Testing

/// Rules 0.4.11: a prepositional opener closes like an adverbial clause ("In a statement released
/// ..., Cruz said"), a quantity before a subject ("as many as 40 percent"), a relative pronoun with
/// an adjunct before its verb ("who in the past has voiced"), plural nouns that only look like
/// reporting verbs ("states such as", "states that have"), participle phrases inside a plural
/// subject ("Democrats trying to ... say", "those surveyed say"), and a clause after "said" that
/// is content, not an inverted source.
@Suite struct OpenerAndSubjectTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    func cues(_ text: String) -> [String] { cueTexts(text, extractor: extractor) }

    // MARK: - Openers

    @Test func aPrepositionalOpenerEndsAtItsComma() {
        // Before, "told" took the main clause into its content and "said" was lost inside it.
        let text = "In an interview after he told reporters the race was over, Sanders said he would stay."
        _ = expectAttribution(
            "In an interview after {src:he} {cue:told} reporters {con:the race was over}, Sanders said he would stay.",
            extractor: extractor)
        _ = expectAttribution(
            "In an interview after he told reporters the race was over, {src:Sanders} {cue:said} {con:he would stay}.",
            extractor: extractor)
        #expect(cues(text) == ["told", "said"])
        _ = expectAttribution(
            "In a statement released after the senator quit the race, {src:Cruz} {cue:said} {con:he was certain Rubio would win}.",
            extractor: extractor)
    }

    @Test func likeAndAsOpenersStillReportTheMainClause() {
        _ = expectAttribution("As {src:the Post} {cue:reported} on Friday, {con:the talks failed}.", extractor: extractor)
        // "Like" is a preposition but reports what follows it; no cut there.
        #expect(cues("Like the mayor said, the bridge will close.") == ["said"])
    }

    @Test func aQuantityBeforeTheSubjectStillClosesTheOpener() {
        let text = "After the primaries concluded, as many as 40 percent of voters said they could not support him."
        _ = expectAttribution(
            "After the primaries concluded, as many as {src:40 percent of voters} {cue:said} {con:they could not support him}.",
            extractor: extractor)
        #expect(cues(text) == ["said"])
    }

    // MARK: - Relative pronouns and adjuncts

    @Test func anAdjunctBetweenWhoAndItsVerbLeavesWhoTheSource() {
        let text = "Zucker, who in the past has voiced support for the plan, said nothing."
        _ = expectAttribution("Zucker, {src:who} in the past {cue:has voiced} {con:support for the plan}, said nothing.",
                              extractor: extractor)
        // Not "the past": the pronoun's antecedent stands for the source.
        let found = extractor.extract(Document(id: "t", text: text))
        let scalars = ScalarText(text)
        #expect(found.compactMap { $0.source.map { scalars.slice($0) } } == ["Zucker, who in the past has voiced support for the plan,", "who"])
        _ = expectAttribution("Sanders, {src:who} for weeks {cue:had highlighted} {con:her speeches}, said little.",
                              extractor: extractor)
        // "said little": an amount, not an inverted source that would swallow the clause before it.
        #expect(Set(cues("Sanders, who for weeks had highlighted her speeches, said little.")) == ["had highlighted", "said"])
        // A clause between them is not an adjunct: "who until Sanders decided" has its own subject.
        let clause = "Warren, who until Sanders decided to run had stayed out, said little."
        let clauseText = ScalarText(clause)
        #expect(extractor.extract(Document(id: "t", text: clause)).compactMap { $0.source.map { clauseText.slice($0) } }
                == ["Sanders"])
    }

    // MARK: - Plural nouns that look like verbs

    @Test func aPluralNounBeforeSuchAsOrARelativeClauseIsNoCue() {
        #expect(cues("Clinton won in smaller states such as Vermont.") == [])
        #expect(!cues("Voters in Rust Belt states that have lost jobs backed Trump.").contains("states"))
        // After a pronoun or a clause-opening name the same words report.
        _ = expectAttribution("{src:It} {cue:states} {con:that courts should not rule}.", extractor: extractor)
        _ = expectAttribution("{src:Trump} {cue:claims} {con:that was a joke}.", extractor: extractor)
        _ = expectAttribution("{src:A voice-over in the ad} {cue:states} {con:that she will fight}.", extractor: extractor)
    }

    // MARK: - Participle phrases in a plural subject

    @Test func aParticiplePhraseInsideAPluralSubjectTakesABareForm() {
        _ = expectAttribution(
            "{src:Democrats trying to regain control of the Senate} in November {cue:say} {con:they have a new weapon}.",
            extractor: extractor)
        _ = expectAttribution("{src:Republican activists clamoring to block Trump} {cue:say} {con:they are winning}.",
                              extractor: extractor)
        _ = expectAttribution("By big margins, {src:those surveyed} {cue:say} {con:the economy comes first}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Voters polled} {cue:say} {con:the race is close}.", extractor: extractor)
        // "being" is no participle phrase's head: "pledge" here is a noun.
        #expect(!cues("The concerns being voiced by leaders go beyond his controversial pledge to be neutral.").contains("pledge"))
        // A clause inside the stretch ends it: "some say" keeps its own subject.
        _ = expectAttribution("The state passed laws restricting religious freedom that {src:some} {cue:say} {con:target Muslims}.",
                              extractor: extractor)
    }

    // MARK: - An inverted source or a clause

    @Test func aVerbAfterThePhraseMakesItContentNotAnInvertedSource() {
        // Before, "he" was read as an inverted source and "Sen. Jack Reed" as its content.
        #expect(cues("Sen. Jack Reed (D-R.I.), said he had not read the plan.") == [])
        _ = expectAttribution("{con:The plan is dead}, {cue:said} {src:he}.", extractor: extractor)
        _ = expectAttribution("{con:The plan is dead}, {cue:said} {src:Ann Ruiz} on Tuesday.", extractor: extractor)
        _ = expectAttribution("{con:The plan is dead}, {cue:said} {src:Ann Ruiz, the mayor}.", extractor: extractor)
    }
}
