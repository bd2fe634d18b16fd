import ClaimModel
import Extraction
import Testing

/// One test per sentence shape the finder knows (see `Pattern`); expected spans marked inline.
@Suite struct PatternTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    @Test func indirectSpeechWithThat() {
        _ = expectAttribution("{src:The harbour master} {cue:said} {con:that the pier would reopen in May}.",
                              extractor: extractor)
    }

    @Test func indirectSpeechWithoutThat() {
        _ = expectAttribution("{src:Local farmers} {cue:say} {con:the river has never been this low}.",
                              extractor: extractor)
    }

    @Test func thatAfterAnAdjunctStartsTheContent() {
        _ = expectAttribution("{src:The mayor} {cue:said} on Tuesday {con:that fares would rise}.", extractor: extractor)
    }

    @Test func auxiliariesAndAdverbsJoinTheCue() {
        _ = expectAttribution("{src:The union} {cue:has repeatedly warned} {con:that the mines are unsafe}.",
                              extractor: extractor)
    }

    @Test func quoteThenSourceThenCue() {
        _ = expectAttribution("{con:“We will not give up,”} {src:the coach} {cue:said}.", extractor: extractor)
    }

    @Test func quoteThenCueThenSource() {
        _ = expectAttribution("{con:“The water is safe,”} {cue:said} {src:Dr. Ana Ruiz, the city’s health officer}.",
                              extractor: extractor)
    }

    @Test func splitQuoteHasTwoContentFragments() {
        _ = expectAttribution("{con:“The bridge is old,”} {src:she} {cue:said}, {con:“but it is not dangerous.”}",
                              extractor: extractor)
    }

    @Test func quoteContinuedInTheNextSentence() {
        _ = expectAttribution("{con:\"We counted every vote,\"} {src:the clerk} {cue:says}. {con:\"Twice.\"}",
                              extractor: extractor)
    }

    @Test func quoteContinuedInTheNextParagraphs() {
        // News style: a quoted speaker's next paragraphs, each one quotation and nothing else,
        // go on without a new attribution; they are further fragments of the same one.
        _ = expectAttribution(
            "{con:“The bridge is closed,”} {src:the mayor} {cue:said}.\n\n{con:“It will take weeks. Maybe months.”}\n\n{con:“We will rebuild.”}\n\nTraffic was light.",
            extractor: extractor)
        _ = expectAttribution(
            "{con:“It is over,”} {cue:said} {src:Ms. Ruiz}. {con:“Nobody cares.”}\n\n{con:“We are done.”}", extractor: extractor)
        // A content that ends with a quotation goes on in the same way.
        _ = expectAttribution(
            "{src:Ms. Ruiz} {cue:said} {con:the town had “no choice but to close it.”}\n\n{con:“We will rebuild.”}",
            extractor: extractor)
        // Not when the paragraph after has its own attribution, or text after its quotation,
        // or when another attribution follows in the first paragraph.
        _ = expectAttribution(
            "{con:“The bridge is closed,”} {src:the mayor} {cue:said}.\n\n“It will take weeks,” the engineer said.",
            extractor: extractor)
        _ = expectAttribution(
            "{con:“The bridge is closed,”} {src:the mayor} {cue:said}.\n\n“Weeks” is what the engineers expect.",
            extractor: extractor)
        _ = expectAttribution(
            "{con:“The bridge is closed,”} {src:the mayor} {cue:said}. The engineer said it was safe.\n\n“We will rebuild.”",
            extractor: extractor)
        // A content that stops at a colon ending its paragraph goes on in the quotation after it.
        _ = expectAttribution(
            "As {src:the mayor} {cue:observed}, {con:the winner was not the council but the press}:\n\n{con:“Every story was about them.”}",
            extractor: extractor)
        // An indirect report is not continued by a quotation in the next paragraph.
        _ = expectAttribution(
            "{src:The mayor} {cue:said} {con:the bridge was closed}.\n\n“We will rebuild.”", extractor: extractor)
    }

    @Test func questionMarkInsideAQuoteDoesNotEndTheSentence() {
        _ = expectAttribution("{con:“Who pays for this?”} {src:Mr. Tan} {cue:asked}.", extractor: extractor)
    }

    @Test func quoteAfterTheCue() {
        _ = expectAttribution("{src:The minister} {cue:said}, {con:“Taxes will not rise.”}", extractor: extractor)
    }

    @Test func colonQuote() {
        _ = expectAttribution("{src:The report} {cue:concluded:} {con:“The dam was never inspected.”}",
                              extractor: extractor)
    }

    @Test func trailingIndirectSpeech() {
        _ = expectAttribution("{con:At least nine boats sank in the storm}, {src:officials} {cue:said}.",
                              extractor: extractor)
    }

    @Test func trailingWithOutletKeepsTheRecipientOutOfTheCue() {
        let a = expectAttribution("{con:The talks have stalled}, {src:two diplomats} {cue:told} Reuters.",
                                  extractor: extractor)
        #expect(a?.outlet == "Reuters")
    }

    @Test func invertedIndirectSpeech() {
        _ = expectAttribution("{con:The vote will be held in June}, {cue:said} {src:the party chairman}.",
                              extractor: extractor)
    }

    @Test func sourceInTheMiddleSplitsTheContent() {
        _ = expectAttribution("{con:The real problem}, {src:he} {cue:said}, {con:is the lack of nurses}.",
                              extractor: extractor)
    }

    @Test func partialQuoteKeepsTheWholeClause() {
        _ = expectAttribution("{con:The budget is “a fantasy,”} {src:the auditor} {cue:said}.", extractor: extractor)
    }

    @Test func quotedTitleInsideAPhraseIsNotTheContent() {
        _ = expectAttribution("On a broadcast of “Morning Hour,” {src:the senator} {cue:said} {con:she would run again}.",
                              extractor: extractor)
    }

    @Test func accordingToInFront() {
        _ = expectAttribution("{cue:According to} {src:the fire service}, {con:the blaze started in a kitchen}.",
                              extractor: extractor)
    }

    @Test func accordingToAtTheEnd() {
        _ = expectAttribution("{con:Ticket sales doubled last year}, {cue:according to} {src:the museum}.",
                              extractor: extractor)
    }

    @Test func accordingToInTheMiddle() {
        _ = expectAttribution("{con:The new line}, {cue:according to} {src:planners}, {con:will open in 2030}.",
                              extractor: extractor)
    }

    @Test func asReportedByWorksAsAccordingTo() {
        _ = expectAttribution("{cue:As reported by} {src:the coastguard}, {con:two ferries were cancelled}.",
                              extractor: extractor)
        _ = expectAttribution("{con:The tunnel will close in June}, {cue:as first reported in} {src:the Gazette}.",
                              extractor: extractor)
        _ = expectAttribution("{con:The tram depot}, {cue:as stated by} {src:the council}, {con:will be sold}.",
                              extractor: extractor)
    }

    @Test func asWithoutACommaIsNoAttribution() {
        // "as ordered by" inside its clause says how, not who claims it.
        expectNone("The fishermen left the harbour as ordered by the coastguard.", extractor: extractor)
        // "in" a time is when, not where it was said; evidence verbs point to a figure, not a source.
        expectNone("As announced in March, the ferry will stop at Oruk.", extractor: extractor)
        expectNone("As shown in Figure 2, ticket sales fell.", extractor: extractor)
    }

    @Test func theFollowingStatementJoinsTheCue() {
        _ = expectAttribution("{src:The club} {cue:issued the following statement:} {con:“Our coach has resigned.”}",
                              extractor: extractor)
        _ = expectAttribution("{src:The mayor} {cue:posted the following:} {con:the bridge will reopen on Monday}.",
                              extractor: extractor)
        // "the following day" announces no content: the cue stays the verb.
        _ = expectAttribution("{src:The mayor} {cue:said} the following day {con:that the bridge would reopen}.",
                              extractor: extractor)
    }

    @Test func nounOrVerbFormWithItsParticleAfterANameIsTheVerb() {
        _ = expectAttribution("{src:Ada Okafor} {cue:points out} in her column {con:that ferries rarely run late}.",
                              extractor: extractor)
        _ = expectAttribution("{src:Ada Okafor} {cue:calls for} {con:a second ferry on the route}.", extractor: extractor)
        // A capital opening the sentence may be any word: these are noun phrases.
        expectNone("Growing calls for a second ferry went unanswered.", extractor: extractor)
        expectNone("Harbour talks about the lease stalled.", extractor: extractor)
    }

    @Test func coordinatedSecondCueSharesTheSource() throws {
        let m = Marked("The mayor said the budget was tight and {cue:warned} {con:that libraries could close}.")
        let found = extractor.extract(m.document)
        let second = try #require(found.first { $0.cue?.spans == m.cue })
        #expect(second.content?.spans == m.content)
        #expect(ScalarText(m.plain).slice(try #require(second.source)) == "The mayor")
        let first = try #require(found.first)
        #expect(ScalarText(m.plain).slice(try #require(first.content)) == "the budget was tight")
    }

    @Test func participialCueTakesTheMainSubject() throws {
        let m = Marked("The council voted against the plan, {cue:arguing} {con:that it cost too much}.")
        let a = try #require(m.found(by: extractor))
        #expect(a.cue?.spans == m.cue)
        #expect(a.content?.spans == m.content)
        #expect(ScalarText(m.plain).slice(try #require(a.source)) == "The council")
    }

    @Test func relativePronounIsTheSourceAndStandsForItsAntecedent() {
        let a = expectAttribution("The fine was paid by the Harbor Company, {src:which} {cue:said} "
                                    + "{con:it had fixed the leak}, before the hearing.", extractor: extractor)
        #expect(a?.sourceType == .namedOrganization)
        #expect(a?.sourceEntity == "harbor-company")
    }

    @Test func statementReleasedBySource() {
        _ = expectAttribution("{src:The league} {cue:issued a statement} on Friday, which {cue:said} "
                                + "{con:that the match would be replayed}.", extractor: extractor)
    }

    @Test func beliefsAndPlansAreAttributions() {
        _ = expectAttribution("{src:Most economists} {cue:believe} {con:that prices will fall}.", extractor: extractor)
        _ = expectAttribution("{src:The firm} {cue:plans} {con:to hire 200 engineers}.", extractor: extractor)
        _ = expectAttribution("{src:The study} {cue:found} {con:that the drug had no effect}.", extractor: extractor)
    }

    @Test func infinitiveCueStartsAtTheGoverningVerb() {
        _ = expectAttribution("{src:The airline} {cue:declined to comment} {con:on the delays}.", extractor: extractor)
    }

    @Test func passiveHedgeHasNoSource() {
        let a = expectAttribution("{con:The rebels} {cue:are believed} {con:to hold the northern pass}.",
                                  extractor: extractor)
        #expect(a?.sourceType == .implicit)
        #expect(a?.sourceEntity == nil)
    }

    @Test func impersonalHedgeHasNoSource() {
        let a = expectAttribution("Last week it {cue:was reported} {con:that the plant would close}.",
                                  extractor: extractor)
        #expect(a?.sourceType == .implicit)
    }

    @Test func hedgingAdverb() {
        let a = expectAttribution("{con:The owner} {cue:reportedly} {con:sold the club for a single euro}.",
                                  extractor: extractor)
        #expect(a?.source == nil)
    }

    @Test func raisingVerbHedge() {
        _ = expectAttribution("{con:The ceasefire} {cue:seems} {con:to be holding}.", extractor: extractor)
    }

    @Test func nestedAttributionKeepsOnlyTheOutermost() {
        let m = Marked("{src:The lawyer} {cue:said} {con:the witness told police she saw nothing}.")
        let found = extractor.extract(m.document)
        #expect(found.count == 1)
        _ = expectAttribution("{src:The lawyer} {cue:said} {con:the witness told police she saw nothing}.",
                              extractor: extractor)
    }

    @Test func participialPhraseBetweenSourceAndCueIsLeftOut() {
        _ = expectAttribution("{src:A guard at the prison}, speaking on condition of anonymity, {cue:said} "
                                + "{con:that two inmates escaped}.", extractor: extractor)
    }

    @Test func appositiveStaysInTheSource() {
        _ = expectAttribution("{src:Ms. Okafor, a spokeswoman for the port,} {cue:said} {con:the cranes were idle}.",
                              extractor: extractor)
    }

    @Test func appositiveAfterAnInvertedVerbStaysInTheSource() {
        // To the sentence's end, with a noun-or-verb form, an "-ed" participle or an infinitive inside.
        _ = expectAttribution("{con:\u{201C}The cranes are idle,\u{201D}} {cue:said} {src:Ms. Okafor, a port press "
                                + "secretary}.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ann Ruiz, the former governor "
                                + "challenged by Sanders}.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Sen. Ann Ruiz of Oregon, the only "
                                + "senator to endorse him}.", extractor: extractor)
        // Two appositives, an age and a place's state.
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ben Cole, an analyst at Cato, a policy "
                                + "group}.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Karen Janes, 67, of Exeter, N.H.}, "
                                + "after the rally.", extractor: extractor)
        // Up to a comma before a participle or a relative clause that reports.
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ann Ruiz, the mayor}, adding that "
                                + "the port would reopen.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ann Ruiz, the mayor}, who noted "
                                + "that the port would reopen.", extractor: extractor)
        // A relative clause that reports nothing is part of the source.
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ben Cole, a developer, who "
                                + "introduced him to the bank}.", extractor: extractor)
        _ = expectAttribution("{con:The plan will fail}, {cue:said} {src:an official who was not authorized to speak "
                                + "publicly}.", extractor: extractor)
        // A verbless phrase after the appositive leaves the source where it ends.
        _ = expectAttribution("{con:The port is closed}, {cue:said} {src:Ann Ruiz, the mayor}, on Facebook.",
                              extractor: extractor)
        // A place and its state, written out or abbreviated, at the sentence's end (the source had
        // been "Ben Cole" alone).
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ben Cole, a nurse in Nashville, "
                                + "Tennessee}.", extractor: extractor)
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:agrees} {src:Ben Cole, 30, of Gainesville, "
                                + "Fla}.", extractor: extractor)
        // A state's abbreviation before a quotation that opens a sentence ends this one: the
        // quotation goes on the speaker's words.
        _ = expectAttribution("{con:\u{201C}It is over,\u{201D}} {cue:said} {src:Ben Cole, 20, of Tampa, Fla}. "
                                + "{con:\u{201C}She has flaws.\u{201D}}", extractor: extractor)
    }

    @Test func whatFollowsTheCommaIsNoAppositiveWhenItIsAClause() {
        // The source had been "Smith, is closed" and "Ann Ruiz, the chief executive, will fail".
        for (text, source) in [("The port, said Smith, is closed.", "Smith"),
                               ("The plan, according to Ann Ruiz, the chief executive, will fail.", "Ann Ruiz"),
                               ("The deal is off, according to the department, and the talks are over.",
                                "the department")] {
            let scalars = ScalarText(text)
            let found = extractor.extract(Document(id: "test", text: text))
            #expect(found.map { $0.source.map { scalars.slice($0) } } == [source], "\(text)")
        }
    }

    @Test func appositiveAfterAccordingToStaysInTheSource() {
        _ = expectAttribution("{con:The deal is off}, {cue:according to} {src:John Weaver, a Republican strategist}.",
                              extractor: extractor)
        _ = expectAttribution("{con:The deal is off}, {cue:according to} {src:officials who have seen the "
                                + "letter}.", extractor: extractor)
        // In front, the comma after the source opens the content.
        _ = expectAttribution("{cue:According to} {src:Ann Ruiz}, {con:the port is closed}.", extractor: extractor)
    }

    @Test func bracketedPartyStaysInTheSource() {
        _ = expectAttribution("{src:Sen. Ann Lowe (D-Ore.)} {cue:said} {con:the bill would pass}.", extractor: extractor)
    }

    @Test func contractedNegationJoinsTheCue() {
        _ = expectAttribution("{src:He} {cue:doesn't think} {con:the plan will work}.", extractor: extractor)
    }

    @Test func nounsThatLookLikeCuesAreNotCues() {
        expectNone("The tax plans of both parties differ.", extractor: extractor)
        expectNone("A think tank in Oslo has twelve staff.", extractor: extractor)
        expectNone("Her report was long.", extractor: extractor)
    }

    @Test func sentencesWithoutAttributionGiveNothing() {
        expectNone("The bridge opened in 1932. It carries four lanes of traffic.", extractor: extractor)
    }

    @Test func subordinateClauseBeforeACommaIsNotTrailingContent() {
        _ = expectAttribution("After the vote was counted, {src:the clerk} {cue:said} {con:the result was final}.",
                              extractor: extractor)
    }

    @Test func passiveWithAnAgentTakesTheAgentAsSource() {
        _ = expectAttribution("{con:The leak} {cue:was first reported by} {src:the Harbour Gazette}.", extractor: extractor)
    }

    @Test func anAgentAFewWordsAfterThePassiveIsItsSource() {
        _ = expectAttribution("{con:Ruiz} {cue:was recommended} {con:for the job} by {src:Ann Lee}.", extractor: extractor)
        // The agent of another participle is not the passive's: "an affidavit written by ...".
        let a = expectAttribution("{con:The delay} {cue:is explained} {con:in an affidavit written by Tom Ruiz}.",
                                  extractor: extractor)
        #expect(a?.source == nil)
    }

    @Test func sourcelessPassiveReport() {
        let a = expectAttribution("{con:The claim} {cue:was labeled} {con:“mostly false”}.", extractor: extractor)
        #expect(a?.sourceType == .implicit)
    }

    @Test func passiveInASubordinateClauseIsNotAReport() {
        expectNone("After the ballots were counted, the hall emptied.", extractor: extractor)
    }

    @Test func headlineInTitleCase() {
        _ = expectAttribution("{src:Mayor} {cue:Says} {con:Bus Fares Will Rise In Spring}\n\nThe city council met.",
                              extractor: extractor)
    }

    @Test func firstLineHeadlineMayEndWithAStop() {
        // Some corpora join a title to its text with a full stop; only the document's first line
        // is read as a headline then: a later title-case line with a stop is an ordinary sentence.
        _ = expectAttribution("{src:Mayor} {cue:Says} {con:Bus Fares Will Rise In Spring}.\n\nThe city council met.",
                              extractor: extractor)
        expectNone("The city council met.\n\nBoard Member Says Bus Fares Will Rise In Spring.", extractor: extractor)
    }

    @Test func timePhraseBetweenSourceAndCueIsLeftOut() {
        _ = expectAttribution("{src:The bank} just this month {cue:announced} {con:it would close 40 branches}.",
                              extractor: extractor)
    }

    @Test func numbersWithSlashesStayInTheSource() {
        _ = expectAttribution("{con:“We were never told,”} {cue:said} {src:9/11 widow Ann Reyes}.", extractor: extractor)
    }

    @Test func reducedRelativeBeforeTheCueStaysOutOfSourceAndCue() {
        _ = expectAttribution("{con:Waiting times doubled last year}, {src:a state audit} released Tuesday {cue:found}.",
                              extractor: extractor)
    }

    @Test func datelineIsNotContent() {
        _ = expectAttribution("HARWICK (AP) - {con:Nine ferries were cancelled on Sunday}, {src:the operator} {cue:said}.",
                              extractor: extractor)
    }

    @Test func hedgingAdverbAfterAnAuxiliary() {
        _ = expectAttribution("{con:The chief engineer has} {cue:reportedly} {con:resigned}, and the mill is shut.",
                              extractor: extractor)
    }

    @Test func verbsThatNeedAParticleOrAnInfinitive() {
        expectNone("The two women spoke for five minutes.", extractor: extractor)
        expectNone("Approval of the plan has declined slightly since May.", extractor: extractor)
        _ = expectAttribution("{src:The bishop} {cue:spoke of} {con:a deep sense of loss}.", extractor: extractor)
        _ = expectAttribution("{src:The club} {cue:declined to comment} {con:on the transfer}.", extractor: extractor)
    }

    @Test func sentenceAdverbsBelongToNeitherContentNorSource() {
        _ = expectAttribution("However, {con:exports fell in May}, {src:the bureau} {cue:said}.", extractor: extractor)
        _ = expectAttribution("Perhaps {src:the judges} {cue:will demand} {con:more evidence}.", extractor: extractor)
    }

    @Test func colonAndMannerAdverbJoinTheCue() {
        _ = expectAttribution("{src:The coach} {cue:said:} {con:“We were lucky.”}", extractor: extractor)
        _ = expectAttribution("{con:“Well done,”} {src:the judge} {cue:said drily}.", extractor: extractor)
    }

    @Test func closingRelativeClauseAboutANameIsLeftOut() {
        _ = expectAttribution("{src:The senator} {cue:urged} the governor {con:to pardon Ms. Reyes}, who was never charged.",
                              extractor: extractor)
    }

    @Test func coordinatedSourcesAndYearAdjuncts() {
        _ = expectAttribution("{src:The first lady and U.S. senator} {cue:said} {con:the vote was close}.",
                              extractor: extractor)
        _ = expectAttribution("{src:An arbitration panel} in 2001 {cue:found} {con:the port was in breach}.",
                              extractor: extractor)
    }

    @Test func namingParticipleIsNotACue() {
        // "called"/"named"/"dubbed" + a name after an indefinite noun, a quoted term or ", ... ,".
        expectNone("The rebels hid near a village called Orlen.", extractor: extractor)
        expectNone("A farmer named Tove Lund kept bees there.", extractor: extractor)
        expectNone("The scheme, called GreenStart, pays for heat pumps.", extractor: extractor)
        // The naming participle no longer hides the reporting verb before it.
        _ = expectAttribution(
            "Last spring {src:the river council} {cue:declared} {con:the valley a \"protected zone\" called Vell Marsh}.",
            extractor: extractor)
        // "what she called X" and "the senator called X Y" still report.
        _ = expectAttribution("The ferry sailed late after what {src:she} {cue:called} {con:“a stunt”}.", extractor: extractor)
    }

    @Test func agentParticipleStaysInTheSource() {
        _ = expectAttribution("{src:Fishermen interviewed by the Courier} {cue:said} {con:the catch had halved}.",
                              extractor: extractor)
        _ = expectAttribution("{src:A survey published by the port authority} {cue:found} {con:rents had doubled}.",
                              extractor: extractor)
    }

    @Test func askingNotToBeNamedIsNotAClaim() {
        let text = "A harbour official, who asked not to be named, said the cranes were idle."
        let found = extractor.extract(Document(id: "t", text: text))
        let scalars = ScalarText(text)
        #expect(found.count == 1)
        #expect(found.first?.cue?.spans.map { scalars.slice($0) } == ["said"])
    }

    @Test func aClauseAfterTheVerbIsNotAnInvertedSource() {
        // The phrase after "said" has its own verb: not `C, said SOURCE`.
        let text = "A nurse at Eastfield, speaking on condition of anonymity because staff were warned, said the report understated the delays."
        let found = extractor.extract(Document(id: "t", text: text))
        let scalars = ScalarText(text)
        #expect(!found.contains { $0.source.map { scalars.slice($0) } == "the report understated the delays" })
    }
}

/// "Asked whether ..., the mayor said no": the question put to someone, an attribution of its own.
@Suite struct AskedQuestionTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    @Test func anOpeningClauseOfAskedIsTheQuestion() {
        // The main clause's attribution is found beside it.
        _ = expectAttribution("{cue:Asked} {con:whether he would fire the speechwriter}, Trump said he would not.",
                              extractor: extractor)
        _ = expectAttribution("Asked whether he would fire the speechwriter, {src:Trump} {cue:said} {con:he would "
                                + "not}.", extractor: extractor)
        _ = expectAttribution("When {cue:asked about} {con:the charges}, the governor shrugged.", extractor: extractor)
        // Past an adverb or a prepositional phrase to the question.
        _ = expectAttribution("{cue:Asked} on Fox News {con:who leads the party}, he named Ryan.", extractor: extractor)
        // A comma inside a quotation that ends the clause stays in the question.
        _ = expectAttribution("{cue:Asked} {con:whether she is \u{201C}fit to serve,\u{201D}} 75 percent of voters "
                                + "said yes.", extractor: extractor)
    }

    @Test func theAskerAfterByIsTheSource() {
        let a = expectAttribution("{cue:Asked} by {src:reporters in Iowa} {con:why he trailed so badly}, Sanders "
                                    + "blamed the press.", extractor: extractor)
        #expect(a?.sourceType == .anonymous)
        let none = expectAttribution("{cue:Asked} {con:if he was ever bullied}, the candidate laughed.",
                                     extractor: extractor)
        #expect(none?.sourceType == .implicit)
    }

    @Test func whenAskedAfterTheMainVerbEndsTheEarlierContent() {
        // The question ends before the main clause's verb; "said"'s content ends at "when".
        _ = expectAttribution("Ted Cruz, when {cue:asked} {con:what is wrong with the plan}, responded that it would "
                                + "fail.", extractor: extractor)
        _ = expectAttribution("{src:Ann Ruiz} {cue:said} {con:she would not run} when asked whether she would.",
                              extractor: extractor)
        _ = expectAttribution("Ann Ruiz said she would not run when {cue:asked} {con:whether she would}.",
                              extractor: extractor)
    }

    @Test func otherUsesOfAskedAreNoQuestionClause() {
        for text in ["Asked a direct question about this, she laughed.",
                     "He stayed in his car when asked to do so by police.",
                     "The senator, asked about it, shrugged.",
                     // Cut short: nothing to ask.
                     "Asked about", "When asked whether", "Asked by the", "Asked on Fox News"] {
            let found = extractor.extractDetailed(Document(id: "test", text: text))
            #expect(!found.contains { $0.pattern.hasPrefix("asked") }, "\(text)")
        }
        // "She asked whether ..." and "was asked whether ..." keep their own shapes.
        let found = extractor.extractDetailed(Document(id: "test", text: "She asked whether the plan would cost more."))
        #expect(found.map(\.pattern) == ["indirect-bare/speech"])
    }
}

/// An attribution inside a relative clause: "the rule, which critics said was unfair".
@Suite struct EmbeddedRelativeTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    @Test func theRelativePronounAndItsClauseAreTheContent() {
        let a = expectAttribution("The board passed a rule on bathrooms, {con:which} {src:critics} {cue:said} "
                                    + "{con:was unfair to students}.", extractor: extractor)
        #expect(a?.sourceType == .anonymous)
        _ = expectAttribution("They ended a strike {con:that} {src:executives} {cue:said} {con:harmed earnings}.",
                              extractor: extractor)
        // A verb of belief, and "who".
        _ = expectAttribution("The hackers, {con:who} {src:officials} {cue:believe} {con:are tied to Moscow}, "
                                + "denied it.", extractor: extractor)
    }

    @Test func theContentAroundTheClauseLeavesItOut() {
        _ = expectAttribution("{src:Trump} {cue:cited} {con:the old policies}, which he said had harmed the economy.",
                              extractor: extractor)
        _ = expectAttribution("Trump cited the old policies, {con:which} {src:he} {cue:said} {con:had harmed the "
                                + "economy}.", extractor: extractor)
        // The clause and its closing comma leave a gap: the content goes on after them.
        _ = expectAttribution("{src:He} {cue:said} {con:that the plan}, which critics say was rushed, {con:would "
                                + "fail}.", extractor: extractor)
    }

    @Test func otherRelativeClausesKeepTheirShapes() {
        func patterns(_ text: String) -> [String] {
            extractor.extractDetailed(Document(id: "test", text: text)).map(\.pattern)
        }
        // "announced" takes a noun as its object: the plan is what he announced.
        #expect(!patterns("She praised the plan that he announced was rejected.").contains { $0.hasPrefix("embedded") })
        // A pronoun after the cue opens the reported clause itself.
        #expect(patterns("He backed the plan that he said he would veto.") == ["indirect-bare/speech"])
        // The object of the verb: "which Mr. Ailes denies,".
        #expect(patterns("The allegations, which Mr. Ailes denies, were serious.") == ["object-relative/speech"])
        // Inside a quotation, the clause stays in the speaker's words.
        let quoted = "\u{201C}The rule, which critics said was unfair, was repealed,\u{201D} the mayor said."
        #expect(patterns(quoted) == ["quote-trailing/speech"])
    }
}

/// Attributions with no reporting verb: speaker labels and dash signatures.
@Suite struct LabelPatternTests {
    let extractor: RulesExtractor

    init() throws {
        extractor = try RulesExtractor()
    }

    @Test func speakerLabelBeforeAColon() {
        _ = expectAttribution("{src:MORALES}{cue::} {con:We will rebuild the station by the spring}.",
                              extractor: extractor)
    }

    @Test func headlineLabelBeforeAColon() {
        _ = expectAttribution("{src:Survey}{cue::} {con:Most commuters now cycle to work}", extractor: extractor)
    }

    @Test func aHeadlineLabelMayBeLongerThanABodyLabel() {
        let body = "\n\nThe council met on Friday."
        _ = expectAttribution("{src:Dr. Ann Ruiz}{cue::} {con:The Ferry Is \u{2018}Not Fit To Sail.\u{2019}}" + body,
                              extractor: extractor)
        _ = expectAttribution("{src:Harbour camp}{cue::} {con:The ferry cuts threaten the island}." + body,
                              extractor: extractor)
        _ = expectAttribution("EXCLUSIVE \u{2013} {src:Ann Ruiz}{cue::} {con:Don\u{2019}t Trust the Timetable}." + body,
                              extractor: extractor)
        // The audience or topic after "to" or "on" is not the source; "v." ends no sentence.
        _ = expectAttribution("{src:Ruiz} to Ferry Riders{cue::} {con:The court will reverse Roe v. Wade}." + body,
                              extractor: extractor)
        // In the body, a label stays short and capitalised.
        expectNone("The council met on Friday. Harbour camp: The ferry cuts threaten the island.", extractor: extractor)
    }

    @Test func noteLabelIsNoSpeaker() {
        expectNone("Note: The timetable changes on Monday for all routes.", extractor: extractor)
        // Bylines, contact lines and tabloid openers label a line too.
        expectNone("Contributing: Ann Lee and Tom Ruiz of the Harbour Gazette.", extractor: extractor)
        expectNone("Email: letters to the editor at the Gazette.", extractor: extractor)
        expectNone("WOW: The mayor just cut the ribbon on the new bridge.", extractor: extractor)
    }

    @Test func quotationSignedWithADash() {
        _ = expectAttribution("{con:“Every single vote counts in this valley.”} {cue:―} {src:Maria Lopez}",
                              extractor: extractor)
    }
}
