import ClaimModel
import ClaimStore

/// An in-memory store with a fixed clock, documents ingested and one run holding their claims: what
/// the Workbench, Terminal and other store-backed tests each used to build by hand in the same steps.
public struct TestStore {
    /// The clock most tests fix: their expected output names this time.
    public static let clock = "2026-11-25T10:00:00.000Z"

    public let store: SQLiteStore
    public let runID: Int64
    /// The stored documents' row ids, in the order given.
    public let documentRowIDs: [Int64]

    /// Ingests `documents` (each from `origin`), creates the run, then stores each document's claims
    /// in one write, in order, so rows get the ids the order gives them.
    public init(_ documents: [(document: Document, claims: [Attribution])], origin: String = "test", run: String = "rules",
                kind: RunKind = .extractor, extractor: String = "test", version: String? = nil,
                clock: String = TestStore.clock, ticking: (@Sendable () -> String)? = nil) throws {
        // `ticking`: a clock that moves (tests of what the log's times give, such as the pace).
        store = try SQLiteStore.inMemory(clock: ticking ?? { clock })
        _ = try store.ingest(documents.map { ($0.document, origin) })
        runID = try store.createRun(name: run, kind: kind, extractor: extractor, version: version, parameters: nil).rowID
        documentRowIDs = try store.documentRowIDs()
        try store.saveRunOutput(runID: runID, zip(documentRowIDs, documents).map { (documentRowID: $0, attributions: $1.claims) })
    }

    /// The row ids of the run's claims in the `index`-th document.
    public func claimRowIDs(_ index: Int = 0) throws -> [Int64] {
        try store.attributions(runID: runID, documentRowID: documentRowIDs[index]).map(\.rowID)
    }
}

extension Fragments {
    /// The first occurrence of `needle` in `text` starting at or after scalar `after`, as one
    /// fragment, so fixtures say what they mark ("the bridge is closed") instead of bare offsets.
    public static func first(_ needle: String, in text: String, after: Int = 0) -> Fragments? {
        ScalarText(text).occurrences(of: needle).first { $0.start >= after }.map { Fragments($0) }
    }
}

/// Short texts more than one test target writes its fixtures on.
public enum TestTexts {
    /// A storm report with two claims (the mayor's, and the officials' told to Reuters): the REPL's
    /// fixture in process and on the real binary.
    public static let storm = "Storm hits coast\n\nThe mayor said the bridge is closed. Officials told Reuters that repairs will take weeks."

    /// A non-ASCII name, an emoji (one scalar, two UTF-16 units) before a span, a line break, and a
    /// split quote with two content fragments: the export and interchange tests' document.
    public static let prices = "Zoë Brandt told Newsweek that prices 🚀 will rise.\n\"Taxes will rise,\" the minister said, \"next year.\""
}
