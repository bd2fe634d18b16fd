import ClaimModel
import Foundation
import GRDB

/// A trained model as stored: its bytes, their SHA-256, and what it was trained on.
public struct StoredModel: Sendable, Equatable {
    public var name: String
    /// The learner that made it (`AttributionModel`'s summary family), for listings.
    public var family: String
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, 64 lowercase hex digits: a run made by the model names it.
    public var digest: String
    /// What it was trained on, as JSON text (docs/FORMAT.md "Model files").
    public var provenance: String
    /// When this store received it (ISO 8601 UTC); the training date is in `provenance`.
    public var createdAt: String

    public init(name: String, family: String, bytes: [UInt8], digest: String, provenance: String, createdAt: String = "") {
        self.name = name
        self.family = family
        self.bytes = bytes
        self.digest = digest
        self.provenance = provenance
        self.createdAt = createdAt
    }
}

/// A model as listed: everything but its bytes, which a listing need not read.
public struct ModelInfo: Sendable, Equatable {
    public var name: String
    public var family: String
    public var size: Int
    public var digest: String
    public var provenance: String
    public var createdAt: String
}

/// One row of `model`.
struct ModelRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "model"
    var id: Int64?
    var name: String
    var family: String
    /// Data, not [UInt8]: GRDB stores Data as a BLOB (an array would go in as JSON text).
    var bytes: Data
    var digest: String
    var provenance: String
    var createdAt: String

    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SQLiteStore {
    /// Stores a model under its name. A model of that name is refused (`modelExists`) unless
    /// `replace`, which swaps it in the same transaction; runs it made keep naming its digest.
    @discardableResult
    public func saveModel(_ model: StoredModel, replace: Bool) throws(StoreError) -> StoredModel {
        try NULGuard.check(table: "model", [("name", model.name), ("family", model.family), ("digest", model.digest),
                                            ("provenance", model.provenance)])
        let now = clock()
        return try write("storing model \"\(model.name)\"") { db in
            let existing = try ModelRecord.filter(ModelRecord.Columns.name == model.name).fetchCount(db)
            if existing > 0 {
                guard replace else { throw StoreError.modelExists(model.name) }
                try db.execute(sql: "DELETE FROM model WHERE name = ?", arguments: [model.name])
            }
            var record = ModelRecord(id: nil, name: model.name, family: model.family, bytes: Data(model.bytes), digest: model.digest,
                                     provenance: model.provenance, createdAt: now)
            try record.insert(db)
            var stored = model
            stored.createdAt = now
            return stored
        }
    }

    /// The model named `name` with its bytes, or nil.
    public func model(named name: String) throws(StoreError) -> StoredModel? {
        try read("reading model \"\(name)\"") { db in
            guard let r = try ModelRecord.filter(ModelRecord.Columns.name == name).fetchOne(db) else { return nil }
            return StoredModel(name: r.name, family: r.family, bytes: [UInt8](r.bytes), digest: r.digest, provenance: r.provenance,
                               createdAt: r.createdAt)
        }
    }

    /// Every model, oldest first, without their bytes.
    public func models() throws(StoreError) -> [ModelInfo] {
        try read("listing models") { db in
            try Row.fetchAll(db, sql: """
                SELECT name, family, length(bytes) AS size, digest, provenance, createdAt FROM model ORDER BY id
                """).map { row in
                ModelInfo(name: row["name"], family: row["family"], size: row["size"], digest: row["digest"],
                          provenance: row["provenance"], createdAt: row["createdAt"])
            }
        }
    }
}
