import ClaimModel

/// The one spelling of each stored value's columns on PostgreSQL and of their decoding, shared by
/// every `PostgresStore+<Area>.swift`: a SELECT names `PostgresRows.xColumns` (under the alias each
/// constant states) and decodes the row with the matching `PostgresRows.x(_:_:at:)`, so that no two
/// areas read the same table in two column orders, and both stores decode a row the same way
/// (fragments through `FragmentCoding`, the same `invalidStoredValue` for a value no release writes).
///
/// Decoders take `at`, the index of the first of their columns, so one row can carry several values
/// (a claim joined with its document). Columns are listed in the schema's order.
///
/// Aliases: `d` document, `r` run, `a` attribution, `n` annotation, `dr` documentReview.
enum PostgresRows {
    // MARK: - Documents

    /// `document` under alias `d`: decoded by `document(_:_:at:)`.
    static let documentColumns = "d.id, d.docId, d.title, d.publisher, d.publicationDate, d.meta, d.text, d.scalarCount, d.origin, d.ingestedAt"

    /// A `StoredDocument` from `documentColumns` starting at column `at`.
    static func document(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> StoredDocument {
        let id = try required(rows, row, c, "document", "id", rowID: 0) { $0.int64(row, c) }
        func text(_ i: Int, _ column: String) throws(StoreError) -> String {
            try required(rows, row, c + i, "document", column, rowID: id) { $0.string(row, c + i) }
        }
        return StoredDocument(
            rowID: id,
            document: Document(
                id: try text(1, "docId"), text: try text(6, "text"), title: rows.string(row, c + 2),
                publisher: rows.string(row, c + 3), publicationDate: rows.string(row, c + 4),
                meta: rows.string(row, c + 5).flatMap { JSONValue(parsing: $0) }),
            scalarCount: try required(rows, row, c + 7, "document", "scalarCount", rowID: id) { $0.int(row, c + 7) },
            origin: try text(8, "origin"), ingestedAt: try text(9, "ingestedAt"))
    }

    /// A document's column values in `documentInsertColumns` order, checked for NUL first (the
    /// columns in name order, as the SQLite record's guard checks them, so the error is the same).
    static func documentValues(_ document: Document, origin: String, now: String) throws(StoreError) -> [any PGArgument] {
        let meta = document.meta?.serialized
        try NULGuard.check(table: "document", [
            ("docId", document.id), ("ingestedAt", now), ("meta", meta), ("origin", origin),
            ("publicationDate", document.publicationDate), ("publisher", document.publisher), ("text", document.text),
            ("title", document.title),
        ])
        return [document.id, document.title, document.publisher, document.publicationDate, meta, document.text,
                document.text.unicodeScalars.count, origin, now]
    }

    /// The columns `documentValues` fills (every one but the id).
    static let documentInsertColumns = ["docId", "title", "publisher", "publicationDate", "meta", "text", "scalarCount", "origin",
                                        "ingestedAt"]

    // MARK: - Runs

    /// `run` under alias `r` with its counts (processed documents, the run's own visible claims):
    /// decoded by `runInfo(_:_:at:)`.
    static let runInfoColumns = """
        r.id, r.name, r.kind, r.extractor, r.version, r.parameters, r.createdAt,
        (SELECT count(*) FROM runDocument x WHERE x.runId = r.id),
        (SELECT count(*) FROM attribution a WHERE a.runId = r.id AND a.origin = 'run' AND \(visibleClaim("a")))
        """

    /// `run` under alias `r` without counts: decoded by `runRef(_:_:at:)`.
    static let runRefColumns = "r.id, r.name, r.kind, r.extractor, r.parameters, r.version"

    /// A `RunInfo` from `runInfoColumns`; a kind no release writes is `invalidStoredValue`, as on SQLite.
    static func runInfo(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> RunInfo {
        let id = try required(rows, row, c, "run", "id", rowID: 0) { $0.int64(row, c) }
        func text(_ i: Int, _ column: String) throws(StoreError) -> String {
            try required(rows, row, c + i, "run", column, rowID: id) { $0.string(row, c + i) }
        }
        let kindText = try text(2, "kind")
        guard let kind = RunKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: id, value: kindText)
        }
        return RunInfo(rowID: id, name: try text(1, "name"), kind: kind, extractor: try text(3, "extractor"),
                       version: rows.string(row, c + 4), parameters: rows.string(row, c + 5), createdAt: try text(6, "createdAt"),
                       documents: rows.int(row, c + 7) ?? 0, claims: rows.int(row, c + 8) ?? 0)
    }

    /// A `RunRef` from `runRefColumns`; a kind no release writes is `invalidStoredValue`, as on SQLite.
    static func runRef(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> RunRef {
        let id = try required(rows, row, c, "run", "id", rowID: 0) { $0.int64(row, c) }
        let kindText = try required(rows, row, c + 2, "run", "kind", rowID: id) { $0.string(row, c + 2) }
        guard let kind = RunKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "run", column: "kind", rowID: id, value: kindText)
        }
        return RunRef(rowID: id, name: try required(rows, row, c + 1, "run", "name", rowID: id) { $0.string(row, c + 1) },
                      kind: kind,
                      extractor: try required(rows, row, c + 3, "run", "extractor", rowID: id) { $0.string(row, c + 3) },
                      parameters: rows.string(row, c + 4), version: rows.string(row, c + 5))
    }

    // MARK: - Claims

    /// SQL condition on an `attribution` row under `alias`: its document is complete in its run
    /// (the same condition as `SQLiteStore.visibleClaim`; pending claims are seen by no reader).
    static func visibleClaim(_ alias: String) -> String {
        "EXISTS (SELECT 1 FROM runDocument rd WHERE rd.runId = \(alias).runId AND rd.documentId = \(alias).documentId)"
    }

    /// `attribution` under alias `a`, in the schema's order: decoded by `attribution(_:_:at:)`.
    static let attributionColumns = """
        a.id, a.runId, a.documentId, a.ordinal, a.externalId, a.origin, a.addedBy, a.sourceFragments, a.cueFragments, \
        a.contentFragments, a.outlet, a.sourceType, a.anonymous, a.sourceEntity, a.confidence, a.createdAt, a.cluster
        """

    /// A `StoredAttribution` from `attributionColumns`, decoded as `SQLiteStore.stored(_:)` decodes a
    /// record: malformed fragments or an unknown source type are `invalidStoredValue`.
    static func attribution(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> StoredAttribution {
        let id = try required(rows, row, c, "attribution", "id", rowID: 0) { $0.int64(row, c) }
        func fragments(_ i: Int, _ column: String) throws(StoreError) -> Fragments? {
            let text = rows.string(row, c + i)
            switch FragmentCoding.decode(text) {
            case let .success(value): return value
            case .failure: throw StoreError.invalidStoredValue(table: "attribution", column: column, rowID: id, value: text ?? "NULL")
            }
        }
        var sourceType: SourceType?
        if let raw = rows.string(row, c + 11) {
            guard let type = SourceType(rawValue: raw) else {
                throw StoreError.invalidStoredValue(table: "attribution", column: "sourceType", rowID: id, value: raw)
            }
            sourceType = type
        }
        let originText = try required(rows, row, c + 5, "attribution", "origin", rowID: id) { $0.string(row, c + 5) }
        guard let origin = ClaimOrigin(rawValue: originText) else {
            throw StoreError.invalidStoredValue(table: "attribution", column: "origin", rowID: id, value: originText)
        }
        let attribution = Attribution(
            id: rows.string(row, c + 4), source: try fragments(7, "sourceFragments"), cue: try fragments(8, "cueFragments"),
            content: try fragments(9, "contentFragments"), outlet: rows.string(row, c + 10), sourceType: sourceType,
            anonymous: rows.int64(row, c + 12).map { $0 != 0 }, sourceEntity: rows.string(row, c + 13),
            confidence: rows.double(row, c + 14), cluster: rows.string(row, c + 16))
        return StoredAttribution(
            rowID: id,
            runID: try required(rows, row, c + 1, "attribution", "runId", rowID: id) { $0.int64(row, c + 1) },
            documentRowID: try required(rows, row, c + 2, "attribution", "documentId", rowID: id) { $0.int64(row, c + 2) },
            ordinal: try required(rows, row, c + 3, "attribution", "ordinal", rowID: id) { $0.int(row, c + 3) },
            origin: origin, addedBy: rows.string(row, c + 6),
            attribution: attribution,
            createdAt: try required(rows, row, c + 15, "attribution", "createdAt", rowID: id) { $0.string(row, c + 15) })
    }

    /// The columns `attributionValues` fills (every one but the id), for `db.insert(into: "attribution", …)`.
    static let attributionInsertColumns = ["runId", "documentId", "ordinal", "externalId", "origin", "addedBy", "sourceFragments",
                                           "cueFragments", "contentFragments", "outlet", "sourceType", "anonymous", "sourceEntity",
                                           "confidence", "createdAt", "cluster"]

    /// A claim's column values in `attributionInsertColumns` order, checked for NUL first (the
    /// string columns in name order, as the SQLite record's guard checks them). `keepCluster`
    /// false stores no cluster, as SQLite's `saveRunOutput` and `appendPendingClaims` do.
    static func attributionValues(_ a: Attribution, runID: Int64, documentRowID: Int64, ordinal: Int, origin: ClaimOrigin,
                                  addedBy: String?, keepCluster: Bool, now: String) throws(StoreError) -> [any PGArgument] {
        let cluster = keepCluster ? a.cluster : nil
        try NULGuard.check(table: "attribution", [("addedBy", addedBy), ("cluster", cluster), ("externalId", a.id),
                                                  ("outlet", a.outlet), ("sourceEntity", a.sourceEntity)])
        return [runID, documentRowID, ordinal, a.id, origin.rawValue, addedBy,
                FragmentCoding.encode(a.source), FragmentCoding.encode(a.cue), FragmentCoding.encode(a.content),
                a.outlet, a.sourceType?.rawValue, a.anonymous.map { $0 ? 1 : 0 }, a.sourceEntity, a.confidence, now, cluster]
    }

    // MARK: - The review log

    /// `annotation` under alias `n`, in the schema's order: decoded by `annotation(_:_:at:)`.
    static let annotationColumns = "n.id, n.annotator, n.runId, n.documentId, n.attributionId, n.action, n.fields, n.confidence, n.note, n.tags, n.target, n.createdAt"

    /// An `AnnotationEntry` from `annotationColumns` (`.logged` gives the typed `LoggedReview`).
    static func annotation(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> AnnotationEntry {
        let id = try required(rows, row, c, "annotation", "id", rowID: 0) { $0.int64(row, c) }
        func text(_ i: Int, _ column: String) throws(StoreError) -> String {
            try required(rows, row, c + i, "annotation", column, rowID: id) { $0.string(row, c + i) }
        }
        return AnnotationEntry(
            id: id,
            entry: NewAnnotation(
                annotator: try text(1, "annotator"), runID: rows.int64(row, c + 2),
                documentRowID: try required(rows, row, c + 3, "annotation", "documentId", rowID: id) { $0.int64(row, c + 3) },
                attributionID: rows.int64(row, c + 4), action: try text(5, "action"), fields: rows.string(row, c + 6),
                confidence: rows.string(row, c + 7), note: rows.string(row, c + 8), tags: rows.string(row, c + 9),
                target: rows.int64(row, c + 10)),
            createdAt: try text(11, "createdAt"))
    }

    /// `documentReview` under alias `dr`, in the schema's order: decoded by `documentReview(_:_:at:)`.
    static let documentReviewColumns = "dr.id, dr.documentId, dr.annotator, dr.runId, dr.status, dr.annotationId, dr.createdAt"

    /// A `DocumentReviewEntry` from `documentReviewColumns`.
    static func documentReview(_ rows: PGRows, _ row: Int, at c: Int = 0) throws(StoreError) -> DocumentReviewEntry {
        let id = try required(rows, row, c, "documentReview", "id", rowID: 0) { $0.int64(row, c) }
        func text(_ i: Int, _ column: String) throws(StoreError) -> String {
            try required(rows, row, c + i, "documentReview", column, rowID: id) { $0.string(row, c + i) }
        }
        return DocumentReviewEntry(
            id: id, documentRowID: try required(rows, row, c + 1, "documentReview", "documentId", rowID: id) { $0.int64(row, c + 1) },
            annotator: try text(2, "annotator"), runID: rows.int64(row, c + 3), status: try text(4, "status"),
            annotationID: rows.int64(row, c + 5), createdAt: try text(6, "createdAt"))
    }

    // MARK: - Arguments

    /// Row ids as a PostgreSQL array literal, `{1,2,3}`, for `= ANY($1::bigint[])`: one bound
    /// argument however many ids (never a round trip per id, never an id spliced into SQL).
    static func bigintArray(_ ids: [Int64]) -> String {
        "{" + ids.map(String.init).joined(separator: ",") + "}"
    }

    /// Strings as a PostgreSQL array literal for `= ANY($1::text[])`: every element double-quoted,
    /// `"` and `\` escaped, so any text (commas, braces, the word NULL) is one element as given.
    static func textArray(_ values: [String]) -> String {
        var out = "{"
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            out += "\""
        }
        return out + "}"
    }

    // MARK: - Helpers

    /// Whether a key can be stored at all (holds no NUL): no stored value holds one, so a lookup by
    /// such a key finds nothing without asking the server (which cannot even receive it).
    static func storable(_ key: String) -> Bool { !key.utf8.contains(0) }

    /// A NOT NULL column's value; NULL or unreadable is `invalidStoredValue` naming the cell.
    static func required<T>(_ rows: PGRows, _ row: Int, _ column: Int, _ table: String, _ name: String, rowID: Int64,
                            _ read: (PGRows) -> T?) throws(StoreError) -> T {
        if let value = read(rows) { return value }
        throw StoreError.invalidStoredValue(table: table, column: name, rowID: rowID, value: rows.string(row, column) ?? "NULL")
    }
}
