import ClaimModel
import ClaimStore

/// One document, "The mayor said fares rise. Police said nothing.", with its two claims as gold
/// run "gold" and further runs of the claims given: the setup of `compare`'s tests and of the
/// run-lookup counts.
public struct ComparedRuns {
    public static let text = "The mayor said fares rise. Police said nothing."
    /// "The mayor" | "said" | "fares rise".
    public static let first = Attribution(source: Fragments(Span(0, 9)), cue: Fragments(Span(10, 14)), content: Fragments(Span(15, 25)))
    /// "Police" | "said" | "nothing".
    public static let second = Attribution(source: Fragments(Span(27, 33)), cue: Fragments(Span(34, 38)), content: Fragments(Span(39, 46)))
    /// `first` with the second claim's source.
    public static let wrongSource: Attribution = {
        var a = first
        a.source = second.source
        return a
    }()

    public let store: SQLiteStore

    /// The gold run, then each of `runs` (kind imported) in order.
    public init(_ runs: [(name: String, claims: [Attribution])]) throws {
        let built = try TestStore([(Document(id: "d", text: Self.text), [Self.first, Self.second])], origin: "d.txt", run: "gold", kind: .imported)
        for (name, claims) in runs {
            let run = try built.store.createRun(name: name, kind: .imported, extractor: "test", version: nil, parameters: nil)
            try built.store.saveRunOutput(runID: run.rowID, [(built.documentRowIDs[0], claims)])
        }
        store = built.store
    }
}

/// What `body` throws, as its text; nil when it does not throw.
public func refusal<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return String(describing: error)
    }
}
