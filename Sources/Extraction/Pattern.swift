/// The shape of sentence an attribution was found in; confidence is measured per pattern.
enum Pattern: String, CaseIterable, Sendable {
    /// `"Q," the minister said.`
    case quoteTrailing = "quote-trailing"
    /// `"Q," said the minister.`
    case quoteInverted = "quote-inverted"
    /// `"Q1," she said, "Q2."`
    case quoteSplit = "quote-split"
    /// `The minister said: "Q."` or `The minister said, "Q."`
    case quoteForward = "quote-forward"
    /// `The minister said that C.`
    case indirectThat = "indirect-that"
    /// `The minister said C.`
    case indirectBare = "indirect-bare"
    /// `The minister said: C.`
    case colon = "colon"
    /// `C, the minister said.`
    case trailing = "trailing"
    /// `C, said the minister.`
    case inverted = "inverted"
    /// `C1, the minister said, C2.`
    case middle = "middle"
    /// `According to the minister, C.`
    case accordingFront = "according-front"
    /// `C, according to the minister.`
    case accordingTrailing = "according-trailing"
    /// `C1, according to the minister, C2.`
    case accordingMiddle = "according-middle"
    /// `The minister said A and warned B` (the second cue shares the source).
    case coordinated = "coordinated"
    /// `..., saying C` (the source is the clause's subject).
    case participial = "participial"
    /// `..., which said C`.
    case relative = "relative"
    /// `C, which the minister denies,` (the content is the relative pronoun, as PolNeAR marks it).
    case objectRelative = "object-relative"
    /// `C1, which the minister said C2` (the content is the relative pronoun and the clause it opens).
    case embeddedRelative = "embedded-relative"
    /// `X released a statement ... which said C`.
    case statement = "statement"
    /// `X is believed to C`.
    case hedgePassive = "hedge-passive"
    /// `It was revealed that C`.
    case hedgeImpersonal = "hedge-impersonal"
    /// `C was reported by S`.
    case passiveAgent = "passive-agent"
    /// `C was labeled D` (no source).
    case passive = "passive"
    /// `X reportedly C`.
    case hedgeAdverb = "hedge-adverb"
    /// `X seems to C`, `it appears that C`.
    case raising = "raising"
    /// `PENCE: C` (a speaker label before a colon).
    case speakerLabel = "speaker-label"
    /// `"Q" \u{2015} Jane Doe` (a quotation signed with a dash).
    case quoteDash = "quote-dash"
    /// `Asked whether C, the minister said no.` (the question; a source only after "by").
    case asked = "asked"
}
