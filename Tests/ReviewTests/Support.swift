import ClaimModel
import Review

/// A short log written by hand: entries get ids 1, 2, 3… and times t1, t2, t3… in order.
struct LogBuilder {
    var entries: [LoggedReview] = []
    let document: Int64 = 1

    @discardableResult
    mutating func add(_ who: String, _ claim: Int64?, _ action: ReviewAction, note: String? = nil,
                      confidence: AnalystConfidence? = nil, tags: [String]? = nil, adjudication: Adjudication? = nil,
                      imported: ImportedReview? = nil, bulk: BulkAcceptance? = nil, follows: String? = nil) -> Int64 {
        let id = Int64(entries.count + 1)
        let entry = ReviewEntry(annotator: who, runID: 1, documentRowID: document, attributionID: claim, action: action,
                                note: note, confidence: confidence, tags: tags, adjudication: adjudication, imported: imported,
                                bulk: bulk, follows: follows)
        entries.append(LoggedReview(id: id, entry: entry, createdAt: "t\(id)"))
        return id
    }

    var ledger: ReviewLedger { ReviewLedger(entries) }
}

/// Two claims on a 40-scalar text: #1 "Ann said it rained", #2 "Bob says no".
enum Claims {
    static let one = Attribution(source: Fragments(Span(0, 3)), cue: Fragments(Span(4, 8)), content: Fragments(Span(9, 18)),
                                 outlet: "Herald", sourceType: .namedPerson)
    static let two = Attribution(source: Fragments(Span(20, 23)), cue: Fragments(Span(24, 28)),
                                 content: Fragments(Span(29, 31)), sourceType: .namedPerson)
    static func base(_ id: Int64) -> Attribution? { [1: one, 2: two][id] }

    static func correction(_ field: String, of a: Attribution, _ change: (inout Attribution) -> Void) -> ReviewAction {
        var b = a
        change(&b)
        return .correct(FieldChange(field: field, from: a, to: b))
    }
}
