@testable import ClaimStore
import ClaimModel
import Foundation
import GRDB
import Review
import Testing
import TestSupport

/// Staged imports and link runs on PostgreSQL against the SQLite store: the same calls on an
/// in-memory SQLite store and on a PostgreSQL store (one clock for both) must return the same
/// values and errors and leave every table with the same rows, column for column (ids included:
/// a `store copy` and every export rely on it).
@Suite(.enabled(if: postgresAvailable, "PostgreSQL server programs not found: skipping the PostgreSQL store's tests"))
struct PostgresImportLinkTests {
    static let now = "2026-11-30T12:00:00.000Z"

    /// Both stores, empty, with the same fixed clock.
    struct Pair {
        let sqlite: SQLiteStore
        let postgres: PostgresStore

        init() throws {
            sqlite = try SQLiteStore.inMemory(clock: { PostgresImportLinkTests.now })
            postgres = try PostgresStore.open(url: try PostgresServer.freshDatabase(prefix: "imp"), clock: { PostgresImportLinkTests.now })
        }

        var stores: [any StoreContract] { [sqlite, postgres] }

        /// The same import on both: each store's result (or error) must be equal, and so must the tables.
        @discardableResult
        func commit(_ items: [GoldImportDocument], kind: RunKind = .gold, replace: Bool = false,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result<ImportCommit, StoreError> {
            let results = stores.map { store in Result { () throws(StoreError) -> ImportCommit in
                let stage = try store.makeImportStage()
                defer { stage.discard() }
                for name in Set(items.map(\.runName)).sorted() where !name.isEmpty {
                    try stage.declareRun(name: name, kind: kind, extractor: "import-gold", parameters: "annotator=ana")
                }
                try stage.add(items)
                return try store.commit(stage, replace: replace)
            } }
            #expect(results[0] == results[1], sourceLocation: sourceLocation)
            #expect(try tables(sqlite) == tables(postgres), sourceLocation: sourceLocation)
            return results[1]
        }

        func close() { postgres.close() }
    }

    // MARK: - The fixture

    static func document(_ id: String, _ text: String) -> Document {
        Document(id: id, text: text, title: "Title of \(id)", publisher: id == "d2" ? nil : "The Courier",
                 publicationDate: "2026-03-0\(id.count)", meta: id == "d1" ? JSONValue(parsing: #"{"desk":"city","n":2}"#) : nil)
    }

    static func claim(_ source: (Int, Int), _ cue: (Int, Int), _ content: (Int, Int), confidence: Double?,
                      outlet: String? = nil, entries: [ReviewEntry]) -> ImportedClaim {
        ImportedClaim(
            attribution: Attribution(id: "x\(source.0)", source: Fragments(Span(source.0, source.1)), cue: Fragments(Span(cue.0, cue.1)),
                                     content: Fragments(Span(content.0, content.1)), outlet: outlet, sourceType: .namedPerson,
                                     anonymous: false, sourceEntity: "mayor", confidence: confidence, cluster: "c1"),
            entries: entries)
    }

    static func entry(_ annotator: String, _ action: ReviewAction, confidence: AnalystConfidence? = nil,
                      tags: [String]? = nil) -> ReviewEntry {
        ReviewEntry(annotator: annotator, runID: nil, documentRowID: 0, attributionID: nil, action: action, confidence: confidence,
                    tags: tags, imported: ImportedReview(status: nil, at: "2026-01-02"))
    }

    /// Two documents of run "gold" reviewed by ana and bo, both marked done by both.
    static func gold(run: String = "gold", rejectReason: String = "not a claim") -> [GoldImportDocument] {
        let t1 = "The mayor said the bridge would open in May. Critics said it would not."
        let t2 = "Officials told reporters the vote was fair, according to Reuters."
        return [
            GoldImportDocument(document: document("d1", t1), origin: "gold.jsonl:1", runName: run, claims: [
                claim((0, 9), (10, 14), (15, 43), confidence: 1.0, entries: [
                    entry("ana", .confirm, confidence: .high, tags: ["checked"]), entry("bo", .confirm)]),
                claim((45, 52), (53, 57), (58, 71), confidence: 0.7, entries: [
                    entry("ana", .reject(reason: rejectReason)), entry("bo", .confirm, confidence: .low)]),
            ], doneBy: ["ana", "bo"]),
            GoldImportDocument(document: document("d2", t2), origin: "gold.jsonl:2", runName: run, claims: [
                claim((0, 9), (10, 14), (24, 41), confidence: nil, outlet: "Reuters", entries: [
                    entry("ana", .same(other: 1)), entry("bo", .different(other: 2))]),
            ], doneBy: ["ana"]),
        ]
    }

    // MARK: - Imports

    @Test func anImportAnUnchangedReImportARefusedChangeAndAReplaceAreTheSameOnBothStores() throws {
        let pair = try Pair()
        defer { pair.close() }
        let first = try pair.commit(Self.gold()).get()
        #expect(first.imported.map(\.docID) == ["d1", "d2"])
        #expect(first.newDocuments == 2)
        #expect(first.claims == ["gold": 3])

        let again = try pair.commit(Self.gold()).get()
        #expect(again.unchanged.map(\.docID) == ["d1", "d2"])
        #expect(again.imported.isEmpty && again.newDocuments == 0)

        let changed = try pair.commit(Self.gold(rejectReason: "an opinion"))
        #expect(changed == .failure(.importChangesRun(run: "gold", docID: "d1", origin: "gold.jsonl:1", count: 1, keptAs: "gold@v1")))

        let replaced = try pair.commit(Self.gold(rejectReason: "an opinion"), replace: true).get()
        #expect(replaced.replaced.map { "\($0)>\($1)" } == ["gold>gold@v1"])
        #expect(replaced.imported.map(\.documentRowID) == [1, 2])

        // The documents once more, in another run, with a third one: two stored, one new.
        var other = Self.gold(run: "second")
        other.append(GoldImportDocument(document: Self.document("d3", "Nobody said anything."), origin: "gold.jsonl:3",
                                        runName: "second", claims: [], doneBy: ["bo"]))
        let second = try pair.commit(other).get()
        #expect(second.newDocuments == 1)
        #expect(second.claims == ["second": 3])
        // A document without a run (ingested by the import, no claims of any run).
        let bare = try pair.commit([GoldImportDocument(document: Self.document("d4", "Bare text."), origin: "x.txt",
                                                      runName: "", claims: [], doneBy: [])]).get()
        #expect(bare.imported.map(\.runName) == [""])
        #expect(bare.claims == [:])
    }

    /// Two doc_ids that differ only in how "é" is written (composed, decomposed) are two documents
    /// on both stores, each with its own claims: the stores compare ids by their bytes.
    @Test func canonicallyEquivalentDocIDsAreTwoDocumentsOnBothStores() throws {
        let pair = try Pair()
        defer { pair.close() }
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed && composed.utf8.count != decomposed.utf8.count)
        func item(_ id: String, _ text: String, _ line: Int) -> GoldImportDocument {
            GoldImportDocument(document: Self.document(id, text), origin: "gold.jsonl:\(line)", runName: "gold", claims: [
                Self.claim((0, 9), (10, 14), (15, 30), confidence: 1.0, entries: [Self.entry("ana", .confirm)]),
            ], doneBy: ["ana"])
        }
        let both = [item(composed, "The mayor said the bridge is open.", 1), item(decomposed, "The clerk said the ferry is late.", 2)]
        let first = try pair.commit(both).get()
        #expect(first.newDocuments == 2)
        #expect(first.imported.map(\.documentRowID) == [1, 2])
        let again = try pair.commit([both[1]]).get()
        #expect(again.unchanged.map(\.documentRowID) == [2])
    }

    /// The import sends its rows by COPY in text format, where tab, line feed, carriage return and
    /// backslash are syntax (`\N` is NULL, a line `\.` ends the data): values holding them, and
    /// non-ASCII ones (a decomposed "é" among them), are stored byte for byte as SQLite stores them.
    @Test func textsWithCopySyntaxAndNonASCIIAreStoredByteForByteAsOnSQLite() throws {
        let pair = try Pair()
        defer { pair.close() }
        let text = "The mayor said:\t\"the bridge\r\nwill open\"\n\\.\n\\N and \\t in Z\u{FC}rich, cafe\u{301} \u{6771}\u{4EAC} \u{1F309}\\"
        let title = "Tab\there\\there\r\nend"
        let outlet = "Radio\tFree\nCity \\N"
        var item = GoldImportDocument(
            document: Document(id: "d\t1\\", text: text, title: title, publisher: "Le Courrier\r",
                               publicationDate: "2026-03-01", meta: JSONValue(parsing: #"{"desk":"a\tb\\c\nd","n":"\u00e9"}"#)),
            origin: "odd\tname.jsonl:1", runName: "gold",
            claims: [Self.claim((0, 9), (10, 14), (15, 40), confidence: 0.5, outlet: outlet,
                                entries: [Self.entry("ana", .reject(reason: "not\ta claim\r\n\\ at all"), tags: ["\u{FC}ber\tlin\u{0065}\u{0301}"])])],
            doneBy: ["ana"])
        item.claims[0].attribution.sourceEntity = "the mayor\\office\n"
        let result = try pair.commit([item]).get()
        #expect(result.imported.map(\.docID) == ["d\t1\\"])
        // `tables` compares Strings (canonical equivalence): compare their bytes too.
        #expect(try tables(pair.sqlite).map { Array($0.utf8) } == tables(pair.postgres).map { Array($0.utf8) })
        let stored = try #require(try pair.postgres.document(docID: "d\t1\\"))
        #expect(Array(stored.document.text.utf8) == Array(text.utf8))
        #expect(Array((stored.document.title ?? "").utf8) == Array(title.utf8))
        #expect(stored.origin == "odd\tname.jsonl:1")
        let claims = try pair.postgres.attributions(runID: nil, documentRowID: stored.rowID)
        #expect(claims.map { Array(($0.attribution.outlet ?? "").utf8) } == [Array(outlet.utf8)])
        #expect(claims.map { Array(($0.attribution.sourceEntity ?? "").utf8) } == [Array("the mayor\\office\n".utf8)])
    }

    @Test func aRefusedImportStoresNothingOnEitherStore() throws {
        let pair = try Pair()
        defer { pair.close() }
        try pair.commit(Self.gold())
        // d2 with another text: refused whole, though d3 is new.
        var conflicting = Self.gold(run: "other")
        conflicting[1].document = Document(id: "d2", text: "Another text altogether.")
        conflicting.append(GoldImportDocument(document: Self.document("d3", "Fine."), origin: "gold.jsonl:9", runName: "other",
                                              claims: [], doneBy: []))
        #expect(try pair.commit(conflicting) == .failure(.documentConflict(docID: "d2", origin: "gold.jsonl:2")))
        // A run name taken by a run of another kind.
        #expect(try pair.commit(Self.gold(), kind: .imported) == .failure(.runKindTaken(name: "gold", kind: .gold)))
    }

    @Test func aNULIsRefusedWhenStagedWithTheSameErrorForBothStores() throws {
        let pair = try Pair()
        defer { pair.close() }
        var items = Self.gold()
        items[1].claims[0].attribution.outlet = "A\u{0}P"
        #expect(try pair.commit(items) == .failure(.nulInValue(table: "attribution", column: "outlet")))
        #expect(try tables(pair.postgres) == [])
    }

    @Test func aCommitRefusedByTheDatabaseAtItsLastStepLeavesNothingOnEitherStore() throws {
        let pair = try Pair()
        defer { pair.close() }
        try pair.commit(Self.gold())
        let before = try (tables(pair.sqlite), tables(pair.postgres))
        // A staged log entry about a claim that was never staged: the run, the documents and the
        // claims are written, then the entry's reference fails, and the whole commit with it.
        for store in pair.stores {
            let stage = try store.makeImportStage()
            defer { stage.discard() }
            try stage.declareRun(name: "late", kind: .gold, extractor: "import-gold", parameters: nil)
            try stage.add(Self.gold(run: "late") + [GoldImportDocument(document: Self.document("d5", "New text here."),
                                                                        origin: "gold.jsonl:5", runName: "late", claims: [], doneBy: [])])
            try stage.queue.write { db in
                try db.execute(sql: "INSERT INTO sentry (docSid, claimSid, annotator, action) VALUES (1, 999, 'ana', 'confirm')")
            }
            #expect {
                try store.commit(stage, replace: false)
            } throws: { error in
                guard case let .database(operation, _)? = error as? StoreError else { return false }
                return operation == "importing"
            }
        }
        #expect(try tables(pair.sqlite) == before.0)
        #expect(try tables(pair.postgres) == before.1)
        // Nothing was used up: the next import numbers its rows on both stores alike.
        try pair.commit(Self.gold(run: "late"))
    }

    @Test func aPostgresStageIsATemporaryFileRemovedWhenDiscarded() throws {
        let url = try PostgresServer.freshDatabase(prefix: "imp")
        let store = try PostgresStore.open(url: url)
        defer { store.close() }
        let stage = try store.makeImportStage()
        #expect(stage.path.hasPrefix((NSTemporaryDirectory() as NSString).appendingPathComponent(".claimdesk-postgres.import-\(getpid())-")))
        #expect(FileManager.default.fileExists(atPath: stage.path))
        stage.discard()
        #expect(!FileManager.default.fileExists(atPath: stage.path))
    }

    // MARK: - Link runs

    @Test func linkRunsAreSavedReplacedAndReadTheSameOnBothStores() throws {
        let pair = try Pair()
        defer { pair.close() }
        try pair.commit(Self.gold())
        let clusters = [StoredCluster(id: "C1", claimIDs: [1, 3]), StoredCluster(id: "C2", claimIDs: [2])]
        let links = [StoredLink(a: 1, b: 3, cluster: "C1", score: 0.8125, reasons: #"["same source","shared words"]"#)]
        func each<T: Equatable>(_ body: (any StoreContract) throws(StoreError) -> T,
                                sourceLocation: SourceLocation = #_sourceLocation) -> Result<T, StoreError> {
            let results = pair.stores.map { store in Result { () throws(StoreError) -> T in try body(store) } }
            #expect(results[0] == results[1], sourceLocation: sourceLocation)
            return results[1]
        }
        let saved = each { store throws(StoreError) in
            try store.saveLinkRun(name: "links", runID: 1, options: #"{"threshold":0.5}"#, clusters: clusters, links: links)
        }
        #expect(try saved.get().rowID == 1)
        #expect(each { store throws(StoreError) in try store.linkRuns() } == .success([
            LinkRunInfo(rowID: 1, name: "links", runID: 1, options: #"{"threshold":0.5}"#, createdAt: Self.now, clusters: 2, links: 1),
        ]))
        #expect(each { store throws(StoreError) in try store.linkClusters(linkRunID: 1) } == .success(clusters))
        #expect(each { store throws(StoreError) in try store.links(linkRunID: 1) } == .success(links))
        #expect(each { store throws(StoreError) in
            try store.saveLinkRun(name: "links", runID: 1, options: "{}", clusters: [], links: [])
        } == .failure(.linkRunExists("links")))
        let second = each { store throws(StoreError) in
            try store.saveLinkRun(name: "more", runID: 1, options: "{}", clusters: [StoredCluster(id: "C1", claimIDs: [2, 3])],
                                  links: [StoredLink(a: 2, b: 3, cluster: "C1", score: 1, reasons: "[]")])
        }
        #expect(try second.get().rowID == 2)
        let replaced = each { store throws(StoreError) in
            try store.saveLinkRun(name: "links", runID: 1, options: "{}", clusters: [StoredCluster(id: "C9", claimIDs: [1, 2])],
                                  links: [StoredLink(a: 1, b: 2, cluster: "C9", score: 0.5, reasons: "[]")], replace: true)
        }
        #expect(try replaced.get().rowID == 3)
        #expect(each { store throws(StoreError) in try store.linkRuns().map(\.name) } == .success(["more", "links"]))
        #expect(each { store throws(StoreError) in try store.linkClusters(linkRunID: 1) } == .success([]))
        #expect(each { store throws(StoreError) in try store.links(linkRunID: 3) }
                    == .success([StoredLink(a: 1, b: 2, cluster: "C9", score: 0.5, reasons: "[]")]))
        #expect(try tables(pair.sqlite) == tables(pair.postgres))
        let verdicts = each { store throws(StoreError) in try store.linkVerdictLog().map(\.entry.action) }
        #expect(verdicts == .success([.same(other: 1), .different(other: 2)]))
    }
}

// MARK: - Every table, as text

/// The tables an import or a link run writes, with their columns in schema order and a total order.
private let dumpedTables: [(table: String, columns: [String], order: String)] = [
    ("document", ["id", "docId", "title", "publisher", "publicationDate", "meta", "text", "scalarCount", "origin", "ingestedAt"], "id"),
    ("run", ["id", "name", "kind", "extractor", "version", "parameters", "createdAt"], "id"),
    ("runDocument", ["runId", "documentId", "processedAt"], "runId, documentId"),
    ("attribution", ["id", "runId", "documentId", "ordinal", "externalId", "origin", "addedBy", "sourceFragments", "cueFragments",
                     "contentFragments", "outlet", "sourceType", "anonymous", "sourceEntity", "confidence", "createdAt", "cluster"], "id"),
    ("annotation", ["id", "annotator", "runId", "documentId", "attributionId", "action", "fields", "confidence", "note", "tags",
                    "target", "createdAt"], "id"),
    ("documentReview", ["id", "documentId", "annotator", "runId", "status", "annotationId", "createdAt"], "id"),
    ("importDigest", ["runId", "documentId", "digest", "importedAt"], "runId, documentId"),
    ("linkRun", ["id", "name", "runId", "options", "createdAt"], "id"),
    ("linkCluster", ["linkRunId", "attributionId", "cluster", "position"], "linkRunId, attributionId"),
    ("claimLink", ["linkRunId", "a", "b", "score", "reasons"], "linkRunId, a, b"),
]

/// Columns holding a double: compared as numbers (PostgreSQL prints 1.0 as "1", Swift as "1.0").
private let doubleColumns: Set<String> = ["attribution.confidence", "claimLink.score"]

/// Every row of every table as "table: v1 | v2 | …" lines (NULL as ∅).
func tables(_ store: SQLiteStore) throws -> [String] {
    try store.read("dumping") { db in
        var lines: [String] = []
        for (table, columns, order) in dumpedTables {
            for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)") {
                let cells = row.databaseValues.map { value -> String in
                    switch value.storage {
                    case .null: "∅"
                    case let .int64(i): String(i)
                    case let .double(d): "\(d)"
                    case let .string(s): s
                    case let .blob(b): b.base64EncodedString()
                    }
                }
                lines.append("\(table): " + cells.joined(separator: " | "))
            }
        }
        return lines
    }
}

func tables(_ store: PostgresStore) throws -> [String] {
    try store.read("dumping") { db in
        var lines: [String] = []
        for (table, columns, order) in dumpedTables {
            let rows = try db.execute("SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)")
            for row in 0..<rows.count {
                let cells = columns.indices.map { c -> String in
                    guard let text = rows.string(row, c) else { return "∅" }
                    if doubleColumns.contains("\(table).\(columns[c])"), let d = Double(text) { return "\(d)" }
                    return text
                }
                lines.append("\(table): " + cells.joined(separator: " | "))
            }
        }
        return lines
    }
}

/// What `claimdesk check` reports on a PostgreSQL store (`schemaProblems`, `foreignKeyProblems`),
/// and what every other open refuses: the objects of the migrations applied, the references.
@Suite(.enabled(if: postgresAvailable, "PostgreSQL server programs not found: skipping the PostgreSQL store's tests"))
struct PostgresCheckTests {
    /// A new store with one imported gold document (claims, entries, a done mark), closed; its URL.
    static func store() throws -> String {
        let url = try PostgresServer.freshDatabase(prefix: "chk")
        let store = try PostgresStore.open(url: url)
        defer { store.close() }
        let stage = try store.makeImportStage()
        defer { stage.discard() }
        try stage.declareRun(name: "gold", kind: .gold, extractor: "import-gold", parameters: nil)
        try stage.add(PostgresImportLinkTests.gold())
        _ = try store.commit(stage, replace: false)
        return url
    }

    static func damage(_ url: String, _ statements: String) throws {
        let connection = try PGConnection(conninfo: url)
        defer { connection.close() }
        try connection.execute(statements)
    }

    @Test func aSoundStoreHasNoProblemsAndTheExpectedObjectsComeFromTheMigrations() throws {
        let url = try Self.store()
        let store = try PostgresStore.open(url: url, mode: .inspect)
        defer { store.close() }
        #expect(try store.schemaProblems() == [])
        #expect(store.foreignKeyProblems() == [])
        #expect(try store.integrityCheck() == "ok")
        let all = PostgresSchema.objects(of: PostgresSchema.migrations.map(\.identifier))
        #expect(all.tables.sorted() == PostgresSchema.tables.sorted())
        #expect(all.indexes.sorted() == PostgresSchema.indexes.sorted())
        #expect(all.triggers.sorted() == PostgresSchema.triggers.sorted())
        #expect(all.references.count == PostgresSchema.foreignKeyCount)
        #expect(all.columns.filter { $0.table == "attribution" }.map(\.column) == [
            "id", "runid", "documentid", "ordinal", "externalid", "origin", "addedby", "sourcefragments", "cuefragments",
            "contentfragments", "outlet", "sourcetype", "anonymous", "sourceentity", "confidence", "createdat", "cluster"])
    }

    @Test func aDroppedTriggerAndADroppedColumnAreReportedAndRefused() throws {
        let url = try Self.store()
        try Self.damage(url, "DROP TRIGGER documentReview_appendOnlyTruncate ON documentReview; ALTER TABLE attribution DROP COLUMN cluster")
        let problems = ["missing column attribution.cluster", "missing trigger documentreview_appendonlytruncate"]
        let inspected = try PostgresStore.open(url: url, mode: .inspect)
        defer { inspected.close() }
        #expect(try inspected.schemaProblems() == problems)
        for mode in [StoreOpenMode.readWrite, .readOnly] {
            #expect(throws: StoreError.damaged(path: url, problems: problems)) { try PostgresStore.open(url: url, mode: mode) }
        }
    }

    @Test func disabledReferencesAndTheRowsTheyLetInAreReported() throws {
        let url = try Self.store()
        // As an administrator could: every trigger of the log off (the references' too), an entry
        // pointing at a claim and a document that do not exist, the triggers back on.
        try Self.damage(url, """
            ALTER TABLE annotation DISABLE TRIGGER ALL;
            INSERT INTO annotation (id, annotator, documentId, attributionId, action, createdAt) VALUES (50, 'eve', 77, 88, 'confirm', 't');
            ALTER TABLE annotation ENABLE TRIGGER USER;
            """)
        let inspected = try PostgresStore.open(url: url, mode: .inspect)
        defer { inspected.close() }
        #expect(try inspected.schemaProblems() == [])
        #expect(inspected.foreignKeyProblems() == [
            "annotation constraint annotation_attributionid_fkey is not enforced (its trigger is disabled)",
            "annotation constraint annotation_documentid_fkey is not enforced (its trigger is disabled)",
            "annotation constraint annotation_runid_fkey is not enforced (its trigger is disabled)",
            "annotation constraint annotation_target_fkey is not enforced (its trigger is disabled)",
            // Its check when an entry goes is a trigger on annotation too.
            "documentreview constraint documentreview_annotationid_fkey is not enforced (its trigger is disabled)",
            "annotation row 50 refers to a missing document",
            "annotation row 50 refers to a missing attribution",
        ])
    }

    @Test func anOlderStoreIsNotBlamedForANewerMigrationsObjects() throws {
        let url = try PostgresServer.freshDatabase(prefix: "chk")
        // The schema as a release before v7-links left it.
        let connection = try PGConnection(conninfo: url)
        defer { connection.close() }
        try connection.execute("CREATE TABLE claimdesk_migration (identifier text COLLATE \"C\" PRIMARY KEY, appliedAt text COLLATE \"C\" NOT NULL)")
        for migration in PostgresSchema.migrations.prefix(5) {
            try connection.execute(migration.sql)
            try connection.execute("INSERT INTO claimdesk_migration VALUES ($1, 't')", [migration.identifier])
        }
        let inspected = try PostgresStore.open(url: url, mode: .inspect)
        defer { inspected.close() }
        #expect(try inspected.appliedMigrations() == Array(PostgresSchema.migrations.prefix(5).map(\.identifier)))
        #expect(try inspected.schemaProblems() == [])
        #expect(inspected.foreignKeyProblems() == [])
        // A migration recorded out of order is a problem of its own.
        try connection.execute("INSERT INTO claimdesk_migration VALUES ('v8-claim-clusters', 't')")
        #expect(try inspected.schemaProblems() == [
            "migrations applied out of order or unknown: v1-core, v2-completion-indexes, v3-import-digests, v4-preferences, v6-models, v8-claim-clusters",
        ])
    }
}
