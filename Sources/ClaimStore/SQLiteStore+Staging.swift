import ClaimModel
import Foundation
import GRDB
import Review

/// A big import without a long write lock: its documents, claims and log entries are first
/// written, in chunks, to a private SQLite staging file (beside a file store, else in the temporary
/// folder: no lock on the store, memory bounded by one chunk); the store's `commit(_:replace:)`
/// then copies them into the store in ONE short transaction (`SQLiteStore` attaches the file and
/// runs `INSERT … SELECT` statements natively). Every implementation of the contract stages here. Readers see all of the
/// import or nothing of it; a refused or killed import leaves nothing in the store (a killed one
/// leaves its staging file, removed by the next import).
public final class ImportStage: @unchecked Sendable {
    /// The staging file (SQLite).
    public let path: String
    let queue: DatabaseQueue
    private var runs: [String] = []
    /// Documents staged so far.
    public private(set) var documents = 0

    /// A new staging file for a store at `location`: beside a file store (`.NAME.import-…`), in
    /// the temporary folder for any other (`.claimdesk-memory.import-…`, `.claimdesk-postgres.import-…`).
    public convenience init(for location: StoreLocation) throws(StoreError) {
        switch location {
        case let .file(storePath):
            let folder = (storePath as NSString).deletingLastPathComponent
            try self.init(folder: folder.isEmpty ? "." : folder, prefix: "." + (storePath as NSString).lastPathComponent + ".import-")
        case .memory:
            try self.init(folder: NSTemporaryDirectory(), prefix: ".claimdesk-memory.import-")
        case .postgres:
            try self.init(folder: NSTemporaryDirectory(), prefix: ".claimdesk-postgres.import-")
        }
    }

    /// A new staging file in `folder`, named `PREFIX` + this process's id + a random part +
    /// `.stage`. Staging files there of the same prefix whose process is gone are removed first.
    public init(folder: String, prefix: String) throws(StoreError) {
        Self.removeStale(folder: folder, prefix: prefix)
        path = (folder as NSString).appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8)).stage")
        do {
            var config = Configuration()
            config.journalMode = .default
            queue = try DatabaseQueue(path: path, configuration: config)
            // A scratch file: no journal, no syncs (a crash leaves it to be removed, never to be read).
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            }
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE srun (name TEXT PRIMARY KEY, kind TEXT NOT NULL, extractor TEXT NOT NULL, parameters TEXT);
                    CREATE TABLE sdoc (sid INTEGER PRIMARY KEY, docId TEXT NOT NULL UNIQUE, title TEXT, publisher TEXT,
                        publicationDate TEXT, meta TEXT, text TEXT NOT NULL, scalarCount INTEGER NOT NULL, origin TEXT NOT NULL,
                        runName TEXT, digest TEXT NOT NULL, claims INTEGER NOT NULL);
                    CREATE TABLE sclaim (sid INTEGER PRIMARY KEY, docSid INTEGER NOT NULL, ordinal INTEGER NOT NULL, externalId TEXT,
                        sourceFragments TEXT, cueFragments TEXT, contentFragments TEXT, outlet TEXT, sourceType TEXT,
                        anonymous INTEGER, sourceEntity TEXT, confidence REAL, cluster TEXT);
                    CREATE TABLE sentry (sid INTEGER PRIMARY KEY, docSid INTEGER NOT NULL, claimSid INTEGER, annotator TEXT NOT NULL,
                        action TEXT NOT NULL, fields TEXT, confidence TEXT, note TEXT, tags TEXT);
                    CREATE TABLE sskip (docSid INTEGER PRIMARY KEY);
                    """)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.database(operation: "creating the import's staging file \(TerminalSafe.path(path))", message: SQLiteStore.message(error))
        }
    }

    deinit { discard() }

    /// Removes the staging file (after a commit, a refusal, or when the import is abandoned).
    public func discard() {
        try? queue.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Declares a run the import writes to (created at commit unless it exists with this kind).
    public func declareRun(name: String, kind: RunKind, extractor: String, parameters: String?) throws(StoreError) {
        guard !runs.contains(name) else { return }
        try NULGuard.check(table: "run", [("name", name), ("parameters", parameters)])
        try stageWrite { db in
            try db.execute(sql: "INSERT INTO srun (name, kind, extractor, parameters) VALUES (?, ?, ?, ?)",
                           arguments: [name, kind.rawValue, extractor, parameters])
        }
        runs.append(name)
    }

    /// Stages one chunk of documents (one transaction of the staging file, not of the store).
    public func add(_ chunk: [GoldImportDocument]) throws(StoreError) {
        for item in chunk {
            let d = item.document
            try NULGuard.check(table: "document", [("docId", d.id), ("title", d.title), ("publisher", d.publisher),
                                                   ("publicationDate", d.publicationDate), ("text", d.text), ("origin", item.origin)])
            for claim in item.claims {
                let a = claim.attribution
                try NULGuard.check(table: "attribution", [("externalId", a.id), ("outlet", a.outlet), ("sourceEntity", a.sourceEntity)])
                for e in claim.entries.map(NewAnnotation.init) {
                    try NULGuard.check(table: "annotation", [("annotator", e.annotator), ("fields", e.fields), ("note", e.note), ("tags", e.tags)])
                }
            }
            for name in item.doneBy { try NULGuard.check(table: "annotation", [("annotator", name)]) }
        }
        try stageWrite { db in
            let doc = try db.cachedStatement(sql: """
                INSERT INTO sdoc (docId, title, publisher, publicationDate, meta, text, scalarCount, origin, runName, digest, claims)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let claim = try db.cachedStatement(sql: """
                INSERT INTO sclaim (docSid, ordinal, externalId, sourceFragments, cueFragments, contentFragments, outlet,
                    sourceType, anonymous, sourceEntity, confidence, cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let entry = try db.cachedStatement(sql: """
                INSERT INTO sentry (docSid, claimSid, annotator, action, fields, confidence, note, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for item in chunk {
                let d = item.document
                try doc.execute(arguments: [d.id, d.title, d.publisher, d.publicationDate, d.meta?.serialized, d.text,
                                            d.text.unicodeScalars.count, item.origin, item.runName.isEmpty ? nil : item.runName,
                                            Self.digest(item), item.claims.count])
                let docSid = db.lastInsertedRowID
                for (ordinal, c) in item.claims.enumerated() {
                    let a = c.attribution
                    try claim.execute(arguments: [
                        docSid, ordinal, a.id, FragmentCoding.encode(a.source), FragmentCoding.encode(a.cue),
                        FragmentCoding.encode(a.content), a.outlet, a.sourceType?.rawValue, a.anonymous, a.sourceEntity, a.confidence,
                        a.cluster,
                    ])
                    let claimSid = db.lastInsertedRowID
                    for e in c.entries.map(NewAnnotation.init) {
                        try entry.execute(arguments: [docSid, claimSid, e.annotator, e.action, e.fields, e.confidence, e.note, e.tags])
                    }
                }
                for name in item.doneBy {
                    try entry.execute(arguments: [docSid, nil, name, ReviewAction.Kind.done.rawValue, nil, nil, nil, nil])
                }
            }
        }
        documents += chunk.count
    }

    func stageWrite(_ body: (Database) throws -> Void) throws(StoreError) {
        do {
            try queue.inTransaction { db in
                try body(db)
                return .commit
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: "staging an import in \(TerminalSafe.path(path))", message: SQLiteStore.message(error))
        }
    }

    /// What a document's import consists of (its claims, log entries and done-markers), so that a
    /// re-import can tell an unchanged document from a changed one.
    static func digest(_ item: GoldImportDocument) -> String {
        var text = item.runName + "\u{1}"
        for c in item.claims {
            let a = c.attribution
            text += [a.id ?? "-", FragmentCoding.encode(a.source) ?? "-", FragmentCoding.encode(a.cue) ?? "-",
                     FragmentCoding.encode(a.content) ?? "-", a.outlet ?? "-", a.sourceType?.rawValue ?? "-",
                     a.anonymous.map { "\($0)" } ?? "-", a.sourceEntity ?? "-", a.confidence.map { "\($0)" } ?? "-"].joined(separator: "\u{2}")
            for e in c.entries.map(NewAnnotation.init) {
                text += "\u{3}" + [e.annotator, e.action, e.fields ?? "-", e.confidence ?? "-", e.note ?? "-", e.tags ?? "-"].joined(separator: "\u{2}")
            }
            text += "\u{1}"
        }
        text += item.doneBy.joined(separator: "\u{2}")
        // Two 64-bit FNV-1a hashes with different offsets: a change detector, not a security measure.
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            h1 = (h1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            h2 = (h2 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(format: "%016llx%016llx", h1, h2)
    }

    /// Staging files of imports whose process no longer runs (a killed import).
    static func removeStale(folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".stage") {
            let pidText = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}

/// What `commit` did with each staged document.
public struct ImportCommit: Sendable, Equatable {
    public struct Placed: Sendable, Equatable {
        public var docID: String
        public var origin: String
        public var documentRowID: Int64
        public var runName: String
        /// Stored by this import (the document was not in the store before it).
        public var isNewDocument = false
    }
    /// Documents whose claims were stored.
    public var imported: [Placed] = []
    /// Documents already in their run with the same claims and reviews: left as they were.
    public var unchanged: [Placed] = []
    /// Documents newly stored (the others were stored before, with the same text).
    public var newDocuments = 0
    /// Whether the store held any document before this import: the caller can name the documents
    /// an import added to a store of others (`Placed.isNewDocument`) without reading every stored id.
    public var storeHeldDocuments = false
    /// Claims stored, per run.
    public var claims: [String: Int] = [:]
    /// Runs renamed to keep an older version (`--replace`): old name → kept-as name.
    public var replaced: [(String, String)] = []

    public static func == (a: ImportCommit, b: ImportCommit) -> Bool {
        a.imported == b.imported && a.unchanged == b.unchanged && a.newDocuments == b.newDocuments && a.claims == b.claims
            && a.storeHeldDocuments == b.storeHeldDocuments
            && a.replaced.map { "\($0)>\($1)" } == b.replaced.map { "\($0)>\($1)" }
    }
}

extension SQLiteStore {
    /// A staging file beside the store (in the temporary folder for an in-memory store).
    public func makeImportStage() throws(StoreError) -> ImportStage {
        try ImportStage(for: location)
    }

    /// Copies a staged import into the store in one write transaction (see `ImportStage`).
    ///
    /// Refused as a whole, storing nothing: a doc_id stored with another text; a run name taken by
    /// a run of another kind; a document already in its run with other claims or reviews, unless
    /// `replace` (then the run's older version is kept under `NAME@vN` and this import becomes
    /// `NAME`). A document already in its run with the same content is left as it is.
    public func commit(_ stage: ImportStage, replace: Bool) throws(StoreError) -> ImportCommit {
        let now = clock()
        let stagePath = stage.path
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS stage", arguments: [stagePath])
                defer { try? db.execute(sql: "DETACH DATABASE stage") }
                var result = ImportCommit()
                try db.inTransaction(.immediate) {
                    result = try Self.copyStage(db, now: now, replace: replace)
                    return .commit
                }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: "importing", message: Self.message(error))
        }
    }

    static func copyStage(_ db: Database, now: String, replace: Bool) throws -> ImportCommit {
        var result = ImportCommit()
        if let row = try Row.fetchOne(db, sql: """
            SELECT s.docId, s.origin FROM stage.sdoc s JOIN main.document d ON d.docId = s.docId
            WHERE d.text <> s.text ORDER BY s.sid LIMIT 1
            """) {
            throw StoreError.documentConflict(docID: row[0], origin: row[1])
        }
        // Runs: existing ones must be of the staged kind; documents already in them are compared.
        let staged = try Row.fetchAll(db, sql: "SELECT name, kind, extractor, parameters FROM stage.srun ORDER BY rowid")
        for run in staged {
            let name: String = run[0], kind: String = run[1]
            guard let existing = try Row.fetchOne(db, sql: "SELECT id, kind FROM main.run WHERE name = ?", arguments: [name]) else { continue }
            let runID: Int64 = existing[0], existingText: String = existing[1]
            guard let existingKind = RunKind(rawValue: existingText) else {
                throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: runID, value: existingText)
            }
            guard existingKind.rawValue == kind else { throw StoreError.runKindTaken(name: name, kind: existingKind) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.sid, s.docId, s.origin, s.digest, g.digest FROM stage.sdoc s
                JOIN main.document d ON d.docId = s.docId
                JOIN main.runDocument rd ON rd.runId = ? AND rd.documentId = d.id
                LEFT JOIN main.importDigest g ON g.runId = rd.runId AND g.documentId = d.id
                WHERE s.runName = ? ORDER BY s.sid
                """, arguments: [runID, name])
            let changed = rows.filter { ($0[3] as String) != ($0[4] as String?) }
            if !changed.isEmpty {
                // The name the run's current version would be kept under: said when refusing too.
                var version = 1
                while try Int.fetchOne(db, sql: "SELECT count(*) FROM main.run WHERE name = ?", arguments: ["\(name)@v\(version)"]) ?? 0 > 0 {
                    version += 1
                }
                guard replace else {
                    throw StoreError.importChangesRun(run: name, docID: changed[0][1], origin: changed[0][2], count: changed.count,
                                                      keptAs: "\(name)@v\(version)")
                }
                try db.execute(sql: "UPDATE main.run SET name = ? WHERE id = ?", arguments: ["\(name)@v\(version)", runID])
                result.replaced.append((name, "\(name)@v\(version)"))
            } else {
                for row in rows { try db.execute(sql: "INSERT INTO stage.sskip (docSid) VALUES (?)", arguments: [row[0] as Int64]) }
            }
        }
        for run in staged where try Int.fetchOne(db, sql: "SELECT count(*) FROM main.run WHERE name = ?", arguments: [run[0] as String]) == 0 {
            try db.execute(sql: "INSERT INTO main.run (name, kind, extractor, version, parameters, createdAt) VALUES (?, ?, ?, NULL, ?, ?)",
                           arguments: [run[0] as String, run[1] as String, run[2] as String, run[3] as String?, now])
        }
        // Row ids only grow: the documents this import adds are those above the highest id before it.
        let lastBefore = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM main.document") ?? 0
        result.storeHeldDocuments = lastBefore > 0
        try db.execute(sql: """
            INSERT INTO main.document (docId, title, publisher, publicationDate, meta, text, scalarCount, origin, ingestedAt)
            SELECT docId, title, publisher, publicationDate, meta, text, scalarCount, origin, ? FROM stage.sdoc s
            WHERE NOT EXISTS (SELECT 1 FROM main.document d WHERE d.docId = s.docId) ORDER BY sid
            """, arguments: [now])
        result.newDocuments = db.changesCount
        // The staged documents that go in, with their store ids.
        let live = """
            FROM stage.sdoc s JOIN main.document d ON d.docId = s.docId JOIN main.run r ON r.name = s.runName
            WHERE s.sid NOT IN (SELECT docSid FROM stage.sskip)
            """
        try db.execute(sql: "INSERT INTO main.runDocument (runId, documentId, processedAt) SELECT r.id, d.id, ? \(live)", arguments: [now])
        try db.execute(sql: """
            INSERT OR REPLACE INTO main.importDigest (runId, documentId, digest, importedAt) SELECT r.id, d.id, s.digest, ? \(live)
            """, arguments: [now])
        let claimBase = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM main.attribution") ?? 0
        let entryBase = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM main.annotation") ?? 0
        try db.execute(sql: """
            INSERT INTO main.attribution (id, runId, documentId, ordinal, externalId, origin, addedBy, sourceFragments, cueFragments,
                contentFragments, outlet, sourceType, anonymous, sourceEntity, confidence, createdAt, cluster)
            SELECT ? + c.sid, r.id, d.id, c.ordinal, c.externalId, 'run', NULL, c.sourceFragments, c.cueFragments,
                c.contentFragments, c.outlet, c.sourceType, c.anonymous, c.sourceEntity, c.confidence, ?, c.cluster
            FROM stage.sclaim c JOIN stage.sdoc s ON s.sid = c.docSid JOIN main.document d ON d.docId = s.docId
            JOIN main.run r ON r.name = s.runName
            WHERE s.sid NOT IN (SELECT docSid FROM stage.sskip) ORDER BY c.sid
            """, arguments: [claimBase, now])
        try db.execute(sql: """
            INSERT INTO main.annotation (id, annotator, runId, documentId, attributionId, action, fields, confidence, note, tags,
                target, createdAt)
            SELECT ? + e.sid, e.annotator, r.id, d.id, CASE WHEN e.claimSid IS NULL THEN NULL ELSE ? + e.claimSid END,
                e.action, e.fields, e.confidence, e.note, e.tags, NULL, ?
            FROM stage.sentry e JOIN stage.sdoc s ON s.sid = e.docSid JOIN main.document d ON d.docId = s.docId
            JOIN main.run r ON r.name = s.runName
            WHERE s.sid NOT IN (SELECT docSid FROM stage.sskip) ORDER BY e.sid
            """, arguments: [entryBase, claimBase, now])
        try db.execute(sql: """
            INSERT INTO main.documentReview (documentId, annotator, runId, status, annotationId, createdAt)
            SELECT d.id, e.annotator, r.id, 'done', ? + e.sid, ?
            FROM stage.sentry e JOIN stage.sdoc s ON s.sid = e.docSid JOIN main.document d ON d.docId = s.docId
            JOIN main.run r ON r.name = s.runName
            WHERE e.action = 'done' AND e.claimSid IS NULL AND s.sid NOT IN (SELECT docSid FROM stage.sskip) ORDER BY e.sid
            """, arguments: [entryBase, now])
        let placed = try Row.fetchAll(db, sql: """
            SELECT s.docId, s.origin, d.id, ifnull(s.runName, ''), s.claims, s.sid IN (SELECT docSid FROM stage.sskip)
            FROM stage.sdoc s JOIN main.document d ON d.docId = s.docId ORDER BY s.sid
            """)
        for row in placed {
            let rowID: Int64 = row[2]
            let p = ImportCommit.Placed(docID: row[0], origin: row[1], documentRowID: rowID, runName: row[3],
                                        isNewDocument: rowID > lastBefore)
            if row[5] as Bool {
                result.unchanged.append(p)
            } else {
                result.imported.append(p)
                if !p.runName.isEmpty { result.claims[p.runName, default: 0] += row[4] as Int }
            }
        }
        for run in staged where result.claims[run[0] as String] == nil { result.claims[run[0] as String] = 0 }
        return result
    }
}
