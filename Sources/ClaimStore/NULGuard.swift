import GRDB

/// The store's last line against silent truncation: SQLite receives Swift strings as C strings
/// (GRDB binds them with length -1), so everything after a NUL would be dropped without a word and
/// the stored text would differ from what was read. Every record refuses, before it is written, a
/// string column holding NUL; raw inserts check their strings with `NULGuard.check`.
///
/// Input boundaries refuse NUL earlier with a located message (FILE:LINE, the field); this guard
/// only makes sure that no write path added later can truncate silently.
enum NULGuard {
    /// Throws `StoreError.nulInValue` when a string in `values` holds U+0000.
    static func check(table: String, _ values: [(column: String, value: String?)]) throws(StoreError) {
        for (column, value) in values {
            if let value, value.utf8.contains(0) { throw StoreError.nulInValue(table: table, column: column) }
        }
    }

    static func check(_ record: some EncodableRecord & TableRecord) throws {
        var values: [(column: String, value: String?)] = []
        for (column, value) in try record.databaseDictionary {
            if case let .string(s) = value.storage { values.append((column, s)) }
        }
        try check(table: type(of: record).databaseTableName, values.sorted { $0.column < $1.column })
    }
}

/// Records whose string columns are checked by `NULGuard` before every insert or update.
protocol NULGuardedRecord: MutablePersistableRecord {}

extension NULGuardedRecord {
    func willSave(_ db: Database) throws { try NULGuard.check(self) }
}

extension DocumentRecord: NULGuardedRecord {}
extension RunRecord: NULGuardedRecord {}
extension RunDocumentRecord: NULGuardedRecord {}
extension AttributionRecord: NULGuardedRecord {}
extension AnnotationRecord: NULGuardedRecord {}
extension DocumentReviewRecord: NULGuardedRecord {}
