import Provenance
import Testing
@testable import Workbench

/// A link's reasons are stored as JSON text and read back for trails and exports: every reason
/// kind survives the round trip, and text the program did not write reads as no reasons.
@Suite struct LinkCodingTests {
    @Test func everyReasonSurvivesTheStore() {
        let reasons: [LinkReason] = [
            .sharedShingles(shared: 7, total: 9), .sameSource, .creditedOutlet("Reuters"), .sameCreditedOutlet("A\"P"),
            .bothAnonymous, .sharedNames(["alder", "port"]), .sameNumbers, .qualifiedNumber, .numberConflict("12", "40"),
            .repeatedInDocument,
        ]
        let text = LinkReasonCoding.encode(reasons)
        #expect(LinkReasonCoding.decode(text) == reasons)
        #expect(LinkReasonCoding.encode([.sharedShingles(shared: 1, total: 2), .creditedOutlet("BBC")])
            == #"[{"kind":"shared_shingles","shared":1,"total":2},{"kind":"credited_outlet","outlet":"BBC"}]"#)
        #expect(LinkReasonCoding.decode("not json") == [])
        #expect(LinkReasonCoding.decode(#"[{"kind":"future_reason"},{"kind":"same_source"}]"#) == [.sameSource])
    }

    @Test func claimIDsAndDocumentsAreToldApart() {
        #expect(TrailTarget("42") == .claim(42))
        #expect(TrailTarget("#42") == .claim(42))
        #expect(TrailTarget("doc:42") == .document("42"))
        #expect(TrailTarget("harbour-wire") == .document("harbour-wire"))
        #expect(TrailTarget("#") == .document("#"))
        #expect(TrailTarget("0") == .document("0"))
        #expect(TrailTarget("١٢") == .document("١٢"))
    }
}
