import ClaimModel
import ClaimStore
import Review
import Testing

/// SQLiteStore's mapping between a typed entry and the `annotation` columns: every action survives
/// the round trip, and the columns are spelled as the releases before the typed log wrote them.
@Suite struct MappingTests {
    static func entry(_ action: ReviewAction, claim: Int64? = 7, note: String? = nil, confidence: AnalystConfidence? = nil,
                      tags: [String]? = nil, adjudication: Adjudication? = nil, imported: ImportedReview? = nil,
                      bulk: BulkAcceptance? = nil) -> ReviewEntry {
        ReviewEntry(annotator: "ana", runID: 3, documentRowID: 5, attributionID: claim, action: action, note: note,
                    confidence: confidence, tags: tags, adjudication: adjudication, imported: imported, bulk: bulk)
    }

    static let change = FieldChange(field: "source", old: .array([.array([.number("0"), .number("3")])]), new: .null)

    static let everyAction: [ReviewEntry] = [
        entry(.confirm),
        entry(.reject(reason: nil)),
        entry(.reject(reason: "no source")),
        entry(.correct(change)),
        entry(.add),
        entry(.add, note: "missed by the rules"),
        entry(.confidence(.low)),
        entry(.tag(["price", "a b"])),
        entry(.untag(["price"])),
        entry(.note("call back")),
        entry(.done, claim: nil),
        entry(.reopen, claim: nil),
        entry(.undo(of: 41)),
        entry(.redo(of: 42), claim: nil),
        entry(.correct(change), adjudication: Adjudication(picked: "ben")),
        entry(.confirm, adjudication: Adjudication(picked: "ben")),
        entry(.reject(reason: "not a claim"), adjudication: Adjudication()),
        entry(.correct(change), adjudication: Adjudication(), imported: ImportedReview()),
        entry(.confirm, note: "n", confidence: .medium, tags: ["t"], imported: ImportedReview(status: .corrected, at: "2025-01-01T00:00:00Z")),
        entry(.reject(reason: "r"), adjudication: Adjudication(), imported: ImportedReview(status: .rejected)),
        entry(.same(other: 40)),
        entry(.different(other: 41)),
    ]

    @Test func theBulkMarkIsSpelledInFieldsAndReadBack() {
        let bulk = Self.entry(.confirm, bulk: BulkAcceptance(threshold: 0.9, count: 37))
        let imported = Self.entry(.confirm, imported: ImportedReview(status: .confirmed), bulk: BulkAcceptance(threshold: nil, count: 1))
        #expect(NewAnnotation(bulk).fields == #"{"bulk":{"threshold":0.9,"count":37}}"#)
        #expect(NewAnnotation(imported).fields == #"{"status":"confirmed","import":true,"bulk":{"threshold":null,"count":1}}"#)
        #expect(NewAnnotation(bulk).reviewEntry == bulk)
        #expect(NewAnnotation(imported).reviewEntry == imported)
        #expect(NewAnnotation(bulk).action == "confirm")
    }

    @Test func theFollowsMarkIsSpelledInFieldsAndReadBack() {
        var entity = Self.entry(.correct(FieldChange(field: "entity", old: .string("officials"), new: .string("governor"))))
        entity.follows = "source"
        #expect(NewAnnotation(entity).fields == #"{"field":"entity","old":"officials","new":"governor","follows":"source"}"#)
        #expect(NewAnnotation(entity).reviewEntry == entity)
        #expect(NewAnnotation(entity).reviewEntry?.follows == "source")
        #expect(NewAnnotation(Self.entry(.correct(Self.change))).reviewEntry?.follows == nil)
    }

    @Test func everyActionSurvivesTheRoundTrip() {
        for e in Self.everyAction {
            #expect(NewAnnotation(e).reviewEntry == e)
        }
        #expect(Set(Self.everyAction.map(\.action.kind)) == Set(ReviewAction.Kind.allCases))
    }

    @Test func columnsAreSpelledAsBefore() {
        let columns = Self.everyAction.map(NewAnnotation.init)
        #expect(columns.map(\.action) == ["confirm", "reject", "reject", "correct", "add", "add", "confidence", "tag", "untag",
                                          "note", "done", "reopen", "undo", "redo", "correct", "confirm", "reject", "correct",
                                          "confirm", "reject", "same", "different"])
        #expect(columns[2].note == "no source")
        #expect(columns[3].fields == #"{"field":"source","old":[[0,3]],"new":null}"#)
        #expect(columns[6].confidence == "low")
        #expect(columns[7].tags == #"["price","a b"]"#)
        #expect(columns[12].target == 41)
        #expect(columns[14].fields == #"{"field":"source","old":[[0,3]],"new":null,"picked":"ben","adjudication":true}"#)
        #expect(columns[15].fields == #"{"picked":"ben","adjudication":true}"#)
        #expect(columns[16].fields == #"{"adjudication":true}"#)
        #expect(columns[17].fields == #"{"field":"source","old":[[0,3]],"new":null,"import":true,"adjudication":true}"#)
        #expect(columns[18].fields == #"{"status":"corrected","import":true,"at":"2025-01-01T00:00:00Z"}"#)
        #expect(columns[18].tags == #"["t"]"#)
        #expect(columns[18].confidence == "medium")
        #expect(columns[19].fields == #"{"status":"rejected","import":true,"adjudication":true}"#)
        #expect(columns[20].fields == #"{"other":40}"#)
        #expect(columns[21].fields == #"{"other":41}"#)
        #expect(columns[20].attributionID == 7 && columns[20].target == nil)
        #expect(columns[0].fields == nil && columns[0].note == nil && columns[0].tags == nil && columns[0].target == nil)
    }

    @Test func rowsNoReleaseWritesAreLeftOut() {
        let row = { (action: String, fields: String?, target: Int64?) in
            NewAnnotation(annotator: "ana", runID: nil, documentRowID: 1, attributionID: 2, action: action, fields: fields,
                          target: target)
        }
        #expect(row("approve", nil, nil).reviewEntry == nil)
        #expect(row("correct", #"{"old":1}"#, nil).reviewEntry == nil)
        #expect(row("undo", nil, nil).reviewEntry == nil)
        #expect(row("same", nil, nil).reviewEntry == nil)
        #expect(row("different", #"{"other":"x"}"#, nil).reviewEntry == nil)
        #expect(row("confirm", #"{"adjudication":false}"#, nil).reviewEntry?.adjudication == nil)
    }

    @Test func theStoreWritesAndReadsTypedEntries() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.ingest([(document: Document(id: "d1", text: "Ann said it rained."), origin: "test")])
        let rowID = try #require(try store.document(docID: "d1")?.rowID)
        // Stored rows can only name stored claims and entries: none, and the first two entries.
        let entries = Self.everyAction.map { e in
            var e = e
            e.documentRowID = rowID
            e.runID = nil
            e.attributionID = nil
            switch e.action {
            case .undo: e.action = .undo(of: 1)
            case .redo: e.action = .redo(of: 2)
            default: break
            }
            return e
        }
        let written = try store.append(entries)
        let read = try store.reviewLog(documentRowID: rowID)
        #expect(read == written)
        #expect(read.map(\.entry) == entries)
        #expect(read.map(\.id) == Array(1...Int64(entries.count)))
    }
}
