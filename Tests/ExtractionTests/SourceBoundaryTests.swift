import ClaimModel
import Extraction
import Testing

/// Where a source phrase starts and ends (rules extractor 0.4.8): coordinated subjects, names
/// before an appositive, ages and places inside parentheticals, adverbs and adjuncts between the
/// subject and its verb, compounds joined by a hyphen or a slash, and verbs that govern a cue.
@Suite struct SourceBoundaryTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    @Test func twoNounPhrasesJoinedWhereTheClauseStartsAreOneSource() {
        _ = expectAttribution("{src:Many engineers and some dock workers} {cue:say} {con:the crane is unsafe}.",
                              extractor: extractor)
        _ = expectAttribution("{src:The harbour master and the mayor} {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
        _ = expectAttribution("{src:She and her deputies} {cue:said} {con:the port would reopen}.", extractor: extractor)
        // Not across a verb: "He met Ruiz and officials said ...".
        _ = expectAttribution("He met Ruiz and {src:officials} {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
    }

    @Test func compoundsAndApproximationsStayInTheSource() {
        _ = expectAttribution("{src:The former first mate} {cue:said} {con:the crane is unsafe}.", extractor: extractor)
        _ = expectAttribution("{src:A 50-port survey} {cue:found} {con:cranes are idle}.", extractor: extractor)
        _ = expectAttribution("{src:A new Ledger/Harbour poll} {cue:found} {con:cranes are idle}.", extractor: extractor)
        _ = expectAttribution("{src:About 9 percent} {cue:said} {con:the crane is unsafe}.", extractor: extractor)
        _ = expectAttribution("{con:The port is closed}, {cue:said} {src:the 46-year-old}.", extractor: extractor)
    }

    @Test func theNameBeforeAnAppositiveOpensTheSource() {
        _ = expectAttribution("{src:Ann Ruiz, acting director of the port, which runs the cranes,} {cue:said} "
                                + "{con:the crane is unsafe}.", extractor: extractor)
        _ = expectAttribution("{src:Ben Cole, 24, who works the night shift,} {cue:said} {con:the crane is unsafe}.",
                              extractor: extractor)
        // A plural subject after a name is inside a split content, not an appositive.
        _ = expectAttribution("{con:The port}, {src:officials} {cue:said}, {con:will reopen}.", extractor: extractor)
    }

    @Test func aPlaceInsideAParentheticalStaysInIt() {
        _ = expectAttribution("{src:Ann Ruiz}, during a visit to Dover, Del., {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Ben Cole, 22, of Flint, Mich.,} {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
    }

    @Test func adjunctsAndAdverbsBetweenSubjectAndVerbAreLeftOut() {
        _ = expectAttribution("{src:Ann Ruiz}, after a long pause, {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
        // A one-word adverb there joins the cue, as "has often said" does.
        _ = expectAttribution("{src:Ann Ruiz} {cue:has nevertheless called} {con:the plan a mistake}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Dock workers} {cue:never quite realized} {con:that the crane was unsafe}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Dock workers} have in particular {cue:noted} {con:that the crane is unsafe}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Sen. Ann Ruiz (D-Ore.)} on Saturday {cue:criticized} {con:the plan}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Ruiz, who runs the port,} on Friday {cue:described} {con:the plan as a mistake}.",
                              extractor: extractor)
        _ = expectAttribution("{src:The mayor and the harbour master} both {cue:denounced} {con:the plan}.",
                              extractor: extractor)
        // Standing alone, "both" is the subject.
        _ = expectAttribution("On pensions, {src:both} {cue:oppose} {con:the plan}.", extractor: extractor)
    }

    @Test func aRelativeClauseWithWhoseOrAPossessiveTakesABareForm() {
        _ = expectAttribution("{src:The officials whose offices were closed} {cue:say} {con:the port will suffer}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Dock workers who came to protest this week's vote} {cue:say} {con:they will "
                                + "strike}.", extractor: extractor)
    }

    @Test func verbsThatGovernACue() {
        _ = expectAttribution("{src:Ruiz} {cue:went on to say} {con:the port would reopen}.", extractor: extractor)
        _ = expectAttribution("{src:Officials} {cue:are struggling to understand} {con:why the crane fell}.",
                              extractor: extractor)
        _ = expectAttribution("{src:The mayor} {cue:decided} {con:not to reopen the port}.", extractor: extractor)
    }

    @Test func aNounAfterAPrepositionEndsNoTrailingClause() {
        // "attacks" after "after the" is a noun, not another clause's verb.
        _ = expectAttribution("{con:The port will reopen}, {src:Ann Ruiz} {cue:said} after the attacks.",
                              extractor: extractor)
        // An opening prepositional phrase before a quotation is no content (the quotation after
        // the cue is, with the words before it, as the forward reading takes them).
        _ = expectAttribution("In the spring, {src:Ruiz} {cue:said} {con:at a press conference, "
                                + "\u{201C}The port will reopen.\u{201D}}", extractor: extractor)
    }

    @Test func aNameBeforeAParticleAfterAQuotationIsTheSubject() {
        _ = expectAttribution("{con:\u{201C}The port will reopen,\u{201D}} {src:Ruiz} {cue:points out}.", extractor: extractor)
        // Two noun phrases joined after a quotation that closes with its comma.
        _ = expectAttribution("{con:\u{201C}The port will reopen,\u{201D}} {src:the harbour master and Democratic "
                                + "candidate} {cue:said} in a statement.", extractor: extractor)
    }

    @Test func quotationVerbsOfManner() {
        _ = expectAttribution("{con:\u{201C}Stop,\u{201D}} {src:Ruiz} {cue:barked}.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}Stop,\u{201D}} {src:Ruiz} {cue:shot back}.", extractor: extractor)
        // Not next to a quotation, they report nothing.
        expectNone("The dog barked at the ferry.", extractor: extractor)
    }

    @Test func anIngFormAfterAPossessiveIsANounInTheSubject() {
        // "thinking" is a cue verb's form; after a possessive it is a noun (no claim had been found).
        _ = expectAttribution("{src:A source familiar with his thinking} {cue:said} {con:the port would reopen}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Another source familiar with Ruiz\u{2019}s thinking} {cue:said}, "
                                + "{con:\u{201C}The port will reopen.\u{201D}}", extractor: extractor)
    }

    @Test func aMannerAdverbAloneIsNoSource() {
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {src:Ben Cole, a crane driver,} {cue:said dryly}.",
                              extractor: extractor)
    }
}
