import ClaimModel
import Crypto
import Foundation
import GRDB

/// Staged imports on PostgreSQL: the same SQLite staging file as the SQLite store's (`ImportStage`,
/// in the temporary folder: the stage is local to the importing process), copied into the database
/// in ONE write transaction with `SQLiteStore.copyStage`'s semantics and results.
///
/// SQLite attaches the staging file and copies it with `INSERT … SELECT`; a PostgreSQL server cannot
/// read a client's file, so this reads the staged rows here, in chunks (memory bounded by a chunk),
/// and sends each chunk with one `COPY … FROM STDIN` in text format (`PGConnection.copy`): the server
/// parses one statement per chunk instead of binding every value of a multi-row insert, and COPY's
/// escaping carries tabs, line breaks and backslashes byte for byte. Row ids are given explicitly and
/// chosen as SQLite chooses them (the table's highest id plus the staged row's position), so that an
/// import leaves both stores with the same ids, hence the same exports; the identity sequences are
/// moved past them before the commit. Only the statements COPY cannot express stay statements: a new
/// run (its id computed by the server) and the import digests (`ON CONFLICT … DO UPDATE`).
extension PostgresStore: ImportStore {
    /// A staging file in the temporary folder (`.claimdesk-postgres.import-…`); staging files of
    /// killed imports there are removed first.
    public func makeImportStage() throws(StoreError) -> ImportStage {
        try ImportStage(for: location)
    }

    /// Copies a staged import into the store in one write transaction (see `ImportStore.commit`):
    /// all of it or nothing, refused as a whole for a document conflict, a run of another kind, or a
    /// changed document in its run without `replace`.
    public func commit(_ stage: ImportStage, replace: Bool) throws(StoreError) -> ImportCommit {
        let now = clock()
        let reader = StageReader(stage: stage)
        let documents = try reader.documents()
        let runs = try reader.runs()
        return try write("importing") { db in
            try Self.copyStage(reader, documents: documents, runs: runs, into: db, now: now, replace: replace)
        }
    }

    /// Rows read from the staging file per chunk (and sent per `COPY`; documents go a tenth as many
    /// at a time, and a thousand per `COPY`, their texts being long).
    static let stageChunk = 5_000

    private static func copyStage(_ reader: StageReader, documents: [StageReader.StagedDocument], runs: [StageReader.StagedRun],
                                  into db: PGConnection, now: String, replace: Bool) throws -> ImportCommit {
        var result = ImportCommit()
        // Documents already stored (by doc_id): their row id and a digest of their text's bytes.
        // Keyed by the doc_id's bytes, as SQLite and the staging table compare them: Swift's String
        // equality would take two canonically equivalent ids ("café" composed and decomposed),
        // which are two documents, for one.
        var stored: [[UInt8]: (id: Int64, textDigest: String)] = [:]
        for chunk in documents.chunked(stageChunk) {
            let rows = try db.execute("""
                SELECT docId, id, encode(sha256(convert_to(text, 'UTF8')), 'hex') FROM document WHERE docId = ANY($1::text[])
                """, [PostgresRows.textArray(chunk.map(\.docID))])
            for row in 0..<rows.count {
                if let docID = rows.string(row, 0), let id = rows.int64(row, 1), let digest = rows.string(row, 2) {
                    stored[Array(docID.utf8)] = (id, digest)
                }
            }
        }
        // The first staged document (in staged order) stored with another text refuses everything.
        if !stored.isEmpty {
            var conflict: StageReader.StagedDocument?
            try reader.forEachText(of: documents.filter { stored[$0.key] != nil }) { document, text in
                if conflict == nil, stored[document.key]?.textDigest != Self.sha256Hex(text) { conflict = document }
            }
            if let conflict { throw StoreError.documentConflict(docID: conflict.docID, origin: conflict.origin) }
        }
        // Runs: an existing one must be of the staged kind; its documents are compared by digest.
        var skipped: Set<Int64> = []
        for run in runs {
            let existing = try db.execute("SELECT id, kind FROM run WHERE name = $1", [run.name])
            guard existing.count > 0, let runID = existing.int64(0, 0) else { continue }
            let existingText = existing.string(0, 1) ?? ""
            guard let existingKind = RunKind(rawValue: existingText) else {
                throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: runID, value: existingText)
            }
            guard existingKind.rawValue == run.kind else { throw StoreError.runKindTaken(name: run.name, kind: existingKind) }
            let inRun = documents.filter { $0.runName == run.name && stored[$0.key] != nil }
            var storedDigests: [Int64: String?] = [:]
            for chunk in inRun.chunked(stageChunk) {
                let rows = try db.execute("""
                    SELECT rd.documentId, g.digest FROM runDocument rd
                    LEFT JOIN importDigest g ON g.runId = rd.runId AND g.documentId = rd.documentId
                    WHERE rd.runId = $1 AND rd.documentId = ANY($2::bigint[])
                    """, [runID, PostgresRows.bigintArray(chunk.compactMap { stored[$0.key]?.id })])
                for row in 0..<rows.count {
                    if let id = rows.int64(row, 0) { storedDigests[id] = rows.string(row, 1) }
                }
            }
            let already = inRun.filter { document in stored[document.key].map { storedDigests[$0.id] != nil } ?? false }
            let changed = already.filter { document in
                stored[document.key].flatMap { storedDigests[$0.id] ?? nil } != document.digest
            }
            if !changed.isEmpty {
                // The name the run's current version would be kept under: said when refusing too.
                var version = 1
                while try db.execute("SELECT count(*) FROM run WHERE name = $1", ["\(run.name)@v\(version)"]).int(0, 0) ?? 0 > 0 {
                    version += 1
                }
                guard replace else {
                    throw StoreError.importChangesRun(run: run.name, docID: changed[0].docID, origin: changed[0].origin, count: changed.count,
                                                      keptAs: "\(run.name)@v\(version)")
                }
                try db.execute("UPDATE run SET name = $1 WHERE id = $2", ["\(run.name)@v\(version)", runID])
                result.replaced.append((run.name, "\(run.name)@v\(version)"))
            } else {
                skipped.formUnion(already.map(\.sid))
            }
        }
        for run in runs where try db.execute("SELECT count(*) FROM run WHERE name = $1", [run.name]).int(0, 0) == 0 {
            try NULGuard.check(table: "run", [("extractor", run.extractor), ("kind", run.kind), ("name", run.name),
                                              ("parameters", run.parameters)])
            try db.execute("""
                INSERT INTO run (id, name, kind, extractor, version, parameters, createdAt)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM run), $1, $2, $3, NULL, $4, $5)
                """, [run.name, run.kind, run.extractor, run.parameters, now])
        }
        result.storeHeldDocuments = try !stored.isEmpty || db.execute("SELECT EXISTS (SELECT 1 FROM document)").bool(0, 0) == true
        // New documents, in staged order, with the ids SQLite would give them.
        var documentIDs = stored.mapValues(\.id)
        let fresh = documents.filter { stored[$0.key] == nil }
        if !fresh.isEmpty {
            var nextID = try maxID("document", db) + 1
            var batch: [[any PGArgument]] = []
            func flush() throws {
                try db.copy(into: "document", columns: ["id"] + PostgresRows.documentInsertColumns, rows: batch)
                batch.removeAll(keepingCapacity: true)
            }
            try reader.forEachText(of: fresh, withFields: true) { document, text in
                let f = document.fields
                try NULGuard.check(table: "document", [("docId", document.docID), ("meta", f.meta), ("origin", document.origin),
                                                       ("publicationDate", f.publicationDate), ("publisher", f.publisher),
                                                       ("text", text), ("title", f.title)])
                documentIDs[document.key] = nextID
                batch.append([nextID, document.docID, f.title, f.publisher, f.publicationDate, f.meta, text, f.scalarCount,
                              document.origin, now])
                nextID += 1
                if batch.count >= 1_000 { try flush() }
            }
            if !batch.isEmpty { try flush() }
        }
        result.newDocuments = fresh.count
        // The staged documents that go in (with a run, not unchanged): their store ids and run ids.
        var runIDs: [String: Int64] = [:]
        for name in Set(documents.compactMap(\.runName)).sorted() {
            if let id = try db.execute("SELECT id FROM run WHERE name = $1", [name]).int64(0, 0) { runIDs[name] = id }
        }
        var live: [Int64: (runID: Int64, documentID: Int64)] = [:]
        var liveRows: [(runID: Int64, documentID: Int64, digest: String)] = []
        for document in documents where !skipped.contains(document.sid) {
            guard let name = document.runName, let runID = runIDs[name], let documentID = documentIDs[document.key] else { continue }
            live[document.sid] = (runID, documentID)
            liveRows.append((runID, documentID, document.digest))
        }
        for chunk in liveRows.chunked(stageChunk) {
            try db.copy(into: "runDocument", columns: ["runId", "documentId", "processedAt"],
                        rows: chunk.map { [$0.runID, $0.documentID, now] })
        }
        // The only insert left a statement: a digest row may already be there, which COPY cannot update.
        try db.insert(into: "importDigest", columns: ["runId", "documentId", "digest", "importedAt"],
                      rows: liveRows.map { [$0.runID, $0.documentID, $0.digest, now] },
                      suffix: "ON CONFLICT (runId, documentId) DO UPDATE SET digest = excluded.digest, importedAt = excluded.importedAt")
        // Claims and log entries, in staged order, ids after the highest stored one (as SQLite's copy).
        let claimBase = try maxID("attribution", db)
        let entryBase = try maxID("annotation", db)
        try reader.forEachClaimChunk { chunk in
            var rows: [[any PGArgument]] = []
            for c in chunk {
                guard let place = live[c.docSid] else { continue }
                try NULGuard.check(table: "attribution", [("cluster", c.cluster), ("contentFragments", c.contentFragments),
                                                          ("cueFragments", c.cueFragments), ("externalId", c.externalID),
                                                          ("outlet", c.outlet), ("sourceEntity", c.sourceEntity),
                                                          ("sourceFragments", c.sourceFragments), ("sourceType", c.sourceType)])
                rows.append([claimBase + c.sid, place.runID, place.documentID, c.ordinal, c.externalID, "run", String?.none,
                             c.sourceFragments, c.cueFragments, c.contentFragments, c.outlet, c.sourceType, c.anonymous,
                             c.sourceEntity, c.confidence, now, c.cluster])
            }
            try db.copy(into: "attribution", columns: ["id"] + PostgresRows.attributionInsertColumns, rows: rows)
        }
        var nextReview = try maxID("documentReview", db) + 1
        try reader.forEachEntryChunk { chunk in
            var rows: [[any PGArgument]] = []
            var marks: [[any PGArgument]] = []
            for e in chunk {
                guard let place = live[e.docSid] else { continue }
                try NULGuard.check(table: "annotation", [("action", e.action), ("annotator", e.annotator), ("confidence", e.confidence),
                                                         ("fields", e.fields), ("note", e.note), ("tags", e.tags)])
                rows.append([entryBase + e.sid, e.annotator, place.runID, place.documentID, e.claimSid.map { claimBase + $0 },
                             e.action, e.fields, e.confidence, e.note, e.tags, Int64?.none, now])
                if e.action == "done" && e.claimSid == nil {
                    marks.append([nextReview, place.documentID, e.annotator, place.runID, "done", entryBase + e.sid, now])
                    nextReview += 1
                }
            }
            try db.copy(into: "annotation", columns: ["id", "annotator", "runId", "documentId", "attributionId", "action", "fields",
                                                      "confidence", "note", "tags", "target", "createdAt"], rows: rows)
            try db.copy(into: "documentReview", columns: ["id", "documentId", "annotator", "runId", "status", "annotationId",
                                                          "createdAt"], rows: marks)
        }
        for document in documents {
            guard let rowID = documentIDs[document.key] else { continue }
            let placed = ImportCommit.Placed(docID: document.docID, origin: document.origin, documentRowID: rowID,
                                             runName: document.runName ?? "", isNewDocument: stored[document.key] == nil)
            if skipped.contains(document.sid) {
                result.unchanged.append(placed)
            } else {
                result.imported.append(placed)
                if !placed.runName.isEmpty { result.claims[placed.runName, default: 0] += document.claims }
            }
        }
        for run in runs where result.claims[run.name] == nil { result.claims[run.name] = 0 }
        // Explicit ids leave the identity sequences behind: move them past the highest id, so that
        // the next row any writer inserts by default gets a fresh id (last, so that a refusal above
        // leaves the sequences as they were).
        for table in ["document", "run", "attribution", "annotation", "documentReview"] {
            try resyncIdentity(table, db)
        }
        return result
    }

    /// The highest row id of `table` (0 when empty): SQLite gives a new row that plus one.
    private static func maxID(_ table: String, _ db: PGConnection) throws -> Int64 {
        try db.execute("SELECT coalesce(max(id), 0) FROM \(table)").int64(0, 0) ?? 0
    }

    /// Lower-case hex SHA-256 of the text's UTF-8 bytes, as PostgreSQL's `sha256(convert_to(…))`
    /// prints it: texts are compared byte for byte, as SQLite's `<>` compares them.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Reads an `ImportStage`'s SQLite file for a store that cannot attach it (PostgreSQL): the staged
/// runs and documents' metadata at once, texts, claims and entries in chunks.
struct StageReader {
    let stage: ImportStage

    struct StagedRun {
        var name: String
        var kind: String
        var extractor: String
        var parameters: String?
    }

    struct StagedDocument {
        var sid: Int64
        let docID: String
        /// `docID`'s bytes, the key the import's maps use: ids are compared byte for byte (Swift's
        /// `String` equality would take "café" and "cafe\u{301}" for one document).
        let key: [UInt8]
        var origin: String
        var runName: String?
        var digest: String
        var claims: Int
        /// The other columns, read with the text (`forEachText(of:withFields: true)`).
        var fields = Fields()

        init(sid: Int64, docID: String, origin: String, runName: String?, digest: String, claims: Int) {
            self.sid = sid
            self.docID = docID
            key = Array(docID.utf8)
            self.origin = origin
            self.runName = runName
            self.digest = digest
            self.claims = claims
        }

        struct Fields {
            var title: String?
            var publisher: String?
            var publicationDate: String?
            var meta: String?
            var scalarCount: Int64 = 0
        }
    }

    struct StagedClaim {
        var sid: Int64
        var docSid: Int64
        var ordinal: Int64
        var externalID: String?
        var sourceFragments: String?
        var cueFragments: String?
        var contentFragments: String?
        var outlet: String?
        var sourceType: String?
        var anonymous: Int64?
        var sourceEntity: String?
        var confidence: Double?
        var cluster: String?
    }

    struct StagedEntry {
        var sid: Int64
        var docSid: Int64
        var claimSid: Int64?
        var annotator: String
        var action: String
        var fields: String?
        var confidence: String?
        var note: String?
        var tags: String?
    }

    func runs() throws(StoreError) -> [StagedRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind, extractor, parameters FROM srun ORDER BY rowid").map { row in
                StagedRun(name: row[0], kind: row[1], extractor: row[2], parameters: row[3])
            }
        }
    }

    /// Every staged document without its text, in staged order.
    func documents() throws(StoreError) -> [StagedDocument] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sid, docId, origin, runName, digest, claims FROM sdoc ORDER BY sid").map { row in
                StagedDocument(sid: row[0], docID: row[1], origin: row[2], runName: row[3], digest: row[4], claims: row[5])
            }
        }
    }

    /// Calls `body` with each of `documents` (in their order) and its text, read a chunk at a time;
    /// with `withFields`, the document's other columns are filled in too.
    func forEachText(of documents: [StagedDocument], withFields: Bool = false,
                     _ body: (StagedDocument, String) throws -> Void) throws {
        for chunk in documents.chunked(PostgresStore.stageChunk / 10) {
            let sids = chunk.map(\.sid)
            let rows = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT sid, text, title, publisher, publicationDate, meta, scalarCount FROM sdoc WHERE sid IN (\(
                        databaseQuestionMarks(count: sids.count)))
                    """, arguments: StatementArguments(sids))
            }
            var byID: [Int64: Row] = [:]
            for row in rows { byID[row[0]] = row }
            for var document in chunk {
                guard let row = byID[document.sid] else { continue }
                if withFields {
                    document.fields = .init(title: row[2], publisher: row[3], publicationDate: row[4], meta: row[5], scalarCount: row[6])
                }
                try body(document, row[1])
            }
        }
    }

    /// Calls `body` with the staged claims in staged order, a chunk at a time.
    func forEachClaimChunk(_ body: ([StagedClaim]) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let chunk = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT sid, docSid, ordinal, externalId, sourceFragments, cueFragments, contentFragments, outlet, sourceType,
                        anonymous, sourceEntity, confidence, cluster FROM sclaim WHERE sid > ? ORDER BY sid LIMIT ?
                    """, arguments: [after, PostgresStore.stageChunk]).map { row in
                    StagedClaim(sid: row[0], docSid: row[1], ordinal: row[2], externalID: row[3], sourceFragments: row[4],
                                cueFragments: row[5], contentFragments: row[6], outlet: row[7], sourceType: row[8], anonymous: row[9],
                                sourceEntity: row[10], confidence: row[11], cluster: row[12])
                }
            }
            guard let last = chunk.last else { return }
            try body(chunk)
            after = last.sid
        }
    }

    /// Calls `body` with the staged log entries (done marks included) in staged order, a chunk at a time.
    func forEachEntryChunk(_ body: ([StagedEntry]) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let chunk = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT sid, docSid, claimSid, annotator, action, fields, confidence, note, tags FROM sentry
                    WHERE sid > ? ORDER BY sid LIMIT ?
                    """, arguments: [after, PostgresStore.stageChunk]).map { row in
                    StagedEntry(sid: row[0], docSid: row[1], claimSid: row[2], annotator: row[3], action: row[4], fields: row[5],
                                confidence: row[6], note: row[7], tags: row[8])
                }
            }
            guard let last = chunk.last else { return }
            try body(chunk)
            after = last.sid
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try stage.queue.inDatabase(body)
        } catch {
            throw StoreError.database(operation: "reading the import's staging file \(stage.path)", message: SQLiteStore.message(error))
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (the last may be shorter).
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { self[$0..<Swift.min(count, $0 + size)] }
    }
}
